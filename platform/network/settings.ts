import type { NatStrategy } from "../contract";
import type { InputSource } from "../common/contract-inputs";
import { BaseSettings, readBaseSettings } from "../common/unit-base";
import { ConfigReader, EnvironmentSize, RawConfig } from "../common/unit-config";
import {
    defaultTierPrefixLengths,
    explicitSubnetProblems,
    MAX_AZ_COUNT,
    MIN_AZ_COUNT,
    parseCidr,
    planSubnets,
    SubnetPlan,
    subnetPlanProblems,
    SubnetTier,
    SUBNET_TIERS,
    TierPrefixLengths,
} from "./cidr";
import { DEFAULT_INTERFACE_ENDPOINTS, interfaceEndpointProblems } from "./endpoints";
import { DEFAULT_FLOW_LOG_RETENTION_DAYS } from "./flow-logs";

/** The unit id, as the driver names it. */
export const NETWORK_UNIT = "platform/network";

/** Input (driver-injected, `edf-input:logsKmsKeyArn`) naming the KMS key that encrypts the flow logs. */
export const LOGS_KEY_INPUT = "logsKmsKeyArn";

export const DEFAULT_VPC_CIDR = "10.0.0.0/16";

/** What each environment size means for the network, before explicit config. */
export const NETWORK_PROFILES: Readonly<Record<EnvironmentSize, { azCount: number; natStrategy: NatStrategy }>> = {
    // One NAT gateway: cheaper, and an AZ outage only costs dev egress.
    dev: { azCount: 2, natStrategy: "single" },
    // NAT per AZ: losing an AZ never cuts the others' egress.
    prod: { azCount: 3, natStrategy: "perAz" },
};

const NAT_STRATEGIES: readonly NatStrategy[] = ["none", "single", "perAz"];

/** Everything the network program needs, validated. */
export interface NetworkSettings {
    readonly base: BaseSettings;
    readonly vpcCidr: string;
    readonly azCount: number;
    readonly natStrategy: NatStrategy;
    readonly publicTier: boolean;
    readonly subnets: SubnetPlan;
    readonly interfaceEndpoints: readonly string[];
    readonly flowLogRetentionDays: number;
    readonly logsKmsKeyArn: string;
    readonly protect: boolean;
}

/**
 * Reads and validates the network unit's config; throws a `UnitConfigError` listing
 * every problem (nothing is registered before this returns). Pure apart from reading.
 */
export function readNetworkSettings(config: RawConfig, inputs: InputSource, environment: string): NetworkSettings {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const profile = NETWORK_PROFILES[base.size];
    const vpcCidr = reader.string("vpcCidr") ?? DEFAULT_VPC_CIDR;
    const azCount = reader.integer("azCount", MIN_AZ_COUNT, MAX_AZ_COUNT) ?? profile.azCount;
    const publicTier = reader.boolean("publicTier") ?? true;
    const natStrategy = reader.enumValue("natStrategy", NAT_STRATEGIES) ?? (publicTier ? profile.natStrategy : "none");
    const protect = reader.boolean("protect") ?? true;
    const flowLogRetentionDays = reader.integer("flowLogRetentionDays", 1, 3653) ?? DEFAULT_FLOW_LOG_RETENTION_DAYS;

    if (natStrategy !== "none" && !publicTier) {
        reader.add([
            `\`natStrategy\` is \`${natStrategy}\` but \`publicTier\` is false: NAT gateways live in public subnets — ` +
                "set `natStrategy` to `none` or `publicTier` to true.",
        ]);
    }

    const interfaceEndpoints = reader.json("interfaceEndpoints") ?? [...DEFAULT_INTERFACE_ENDPOINTS];
    reader.add(interfaceEndpointProblems(interfaceEndpoints));

    const logsKmsKeyArn = inputs.get<string>(LOGS_KEY_INPUT);
    if (typeof logsKmsKeyArn !== "string" || !logsKmsKeyArn.startsWith("arn:")) {
        reader.add([
            `input \`${LOGS_KEY_INPUT}\` is ${logsKmsKeyArn === undefined ? "missing" : "not an ARN"}: flow logs are encrypted with ` +
                "the landing zone's logs key — inject `platform/security`'s `logsKmsKeyArn` output as input " +
                `\`${LOGS_KEY_INPUT}\` (or set config \`edf-input:${LOGS_KEY_INPUT}\`).`,
        ]);
    }

    const tiers = SUBNET_TIERS.filter((t) => t !== "public" || publicTier);
    const subnets = planOrTake(reader, vpcCidr, azCount, tiers);
    reader.throwIfInvalid(NETWORK_UNIT);
    return {
        base,
        vpcCidr,
        azCount,
        natStrategy,
        publicTier,
        subnets: subnets!,
        interfaceEndpoints: interfaceEndpoints as string[],
        flowLogRetentionDays,
        logsKmsKeyArn: logsKmsKeyArn as string,
        protect,
    };
}

// Subnets come from `subnetCidrs` when given explicitly, otherwise from the plan.
function planOrTake(reader: ConfigReader, vpcCidr: string, azCount: number, tiers: SubnetTier[]): SubnetPlan | undefined {
    const explicit = reader.json("subnetCidrs") as Partial<Record<SubnetTier, string[]>> | undefined;
    if (explicit !== undefined) {
        if (typeof explicit !== "object" || explicit === null || Array.isArray(explicit)) {
            reader.add(['`subnetCidrs` must be an object of CIDR lists per tier, e.g. `{"private": ["10.0.0.0/20", …]}`.']);
            return undefined;
        }
        const missing = tiers.filter((t) => !Array.isArray(explicit[t]));
        const unknown = Object.keys(explicit).filter((t) => !tiers.includes(t as SubnetTier));
        const shapeProblems = [
            ...missing.map(
                (t) =>
                    `\`subnetCidrs.${t}\` is missing: give one CIDR per AZ for every tier, or drop \`subnetCidrs\` to have them planned.`,
            ),
            ...unknown.map((t) => `\`subnetCidrs.${t}\` is not a tier of this network: use ${tiers.map((x) => `\`${x}\``).join(", ")}.`),
        ];
        reader.add(shapeProblems);
        if (shapeProblems.length > 0) {
            return undefined;
        }
        const problems = explicitSubnetProblems(vpcCidr, azCount, explicit);
        reader.add(problems);
        return problems.length > 0
            ? undefined
            : { public: explicit.public ?? [], private: explicit.private!, isolated: explicit.isolated! };
    }
    const vpc = parseCidr(vpcCidr);
    const overrides = (reader.json("subnetPrefixLengths") ?? {}) as Partial<TierPrefixLengths>;
    const defaults = defaultTierPrefixLengths(vpc?.prefixLength ?? 16);
    const requested: { -readonly [T in SubnetTier]?: number } = {};
    for (const tier of tiers) {
        requested[tier] = overrides[tier] ?? defaults[tier];
    }
    const problems = subnetPlanProblems({ vpcCidr, azCount, tiers: requested });
    reader.add(problems);
    return problems.length > 0 ? undefined : planSubnets({ vpcCidr, azCount, tiers: requested });
}

/** Checks the configured AZ count against the AZs the region has (looked up, never hard-coded). */
export function availabilityZoneProblems(azCount: number, available: readonly string[], region: string): string[] {
    if (available.length < azCount) {
        return [
            `\`azCount\` is ${azCount} but region \`${region}\` has ${available.length} available AZs ` +
                `(${available.join(", ")}): lower \`azCount\` to at most ${available.length}.`,
        ];
    }
    return [];
}
