import { InputSource, readContractInputs } from "../common/contract-inputs";
import { NAME_LIMITS, resourceName } from "../common/naming";
import { BaseSettings, readBaseSettings } from "../common/unit-base";
import { ConfigReader, EnvironmentSize, RawConfig } from "../common/unit-config";
import type { NetworkOutputs, SecurityOutputs } from "../contract";
import type { ContainerInsights } from "./cluster";
import { isDnsDomain } from "./discovery";
import { ALLOWED_TLS_POLICIES, DEFAULT_TLS_POLICY, TlsPolicy } from "./ingress";
import { INSPECTOR_IMAGE_DIGEST_INPUT, parseRuntimeInspection, RuntimeInspectionSettings } from "./runtime-inspection-settings";
import { DEFAULT_WAF_RATE_LIMIT } from "./waf";

export const SHARED_SERVICES_UNIT = "platform/shared-services";

/** What each environment size means for shared services, before explicit config. */
export const SHARED_SERVICES_PROFILES: Readonly<
    Record<EnvironmentSize, { deletionProtection: boolean; containerInsights: ContainerInsights }>
> = {
    dev: { deletionProtection: false, containerInsights: "enabled" },
    prod: { deletionProtection: true, containerInsights: "enhanced" },
};

export const DEFAULT_PULL_THROUGH_CACHE_PREFIX = "ecr-public";

/** Facts from the other units this one builds on. */
export type SharedServicesUpstream = Pick<NetworkOutputs, "vpcId" | "publicSubnetIds" | "privateSubnetCidrBlocks"> &
    Pick<SecurityOutputs, "accessLogsBucketName" | "logsKmsKeyArn">;

export interface SharedServicesSettings {
    readonly base: BaseSettings;
    readonly upstream: SharedServicesUpstream;
    readonly certificateArn: string;
    readonly tlsPolicy: TlsPolicy;
    readonly deletionProtection: boolean;
    readonly containerInsights: ContainerInsights;
    readonly wafRateLimit: number;
    readonly serviceDiscoveryDomain: string;
    readonly clusterName: string;
    readonly loadBalancerName: string;
    /** The role API Gateway writes REST API stage logs with (one account setting per region). */
    readonly apiGatewayLoggingRoleName: string;
    readonly pullThroughCache: { readonly prefix: string; readonly upstreamRegistryUrl: string; readonly credentialArn?: string };
    /** The scheduled inspection (opt-in `runtimeInspection`), with the facts it needs from the other units. */
    readonly runtimeInspection?: RuntimeInspectionSettings & { readonly upstream: RuntimeInspectionUpstream };
}

/** What the scheduled inspection needs from the network and security units, read only when it is on. */
export type RuntimeInspectionUpstream = Pick<NetworkOutputs, "privateSubnetIds"> &
    Pick<SecurityOutputs, "permissionsBoundaryArn" | "dataKmsKeyArn">;

const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/** Reads and validates the shared-services unit's config and inputs; throws a `UnitConfigError` listing every problem. */
export function readSharedServicesSettings(config: RawConfig, inputs: InputSource, environment: string): SharedServicesSettings {
    const reader = new ConfigReader(config);
    const base = readBaseSettings(reader, environment);
    const profile = SHARED_SERVICES_PROFILES[base.size];
    const network = readContractInputs(inputs, reader, "network", ["vpcId", "publicSubnetIds", "privateSubnetCidrBlocks"]);
    const security = readContractInputs(inputs, reader, "security", ["accessLogsBucketName", "logsKmsKeyArn"]);
    if (Array.isArray(network.publicSubnetIds) && network.publicSubnetIds.length < 2) {
        reader.add([
            `input \`publicSubnetIds\` lists ${network.publicSubnetIds.length} subnets: the public ALB needs at least two AZs' ` +
                "public subnets — deploy `platform/network` with `publicTier` true.",
        ]);
    }

    const certificateArn = reader.string("certificateArn");
    if (certificateArn === undefined) {
        reader.add(["`certificateArn` is not set: the HTTPS listener needs an ACM certificate — set `edf:certificateArn` to its ARN."]);
    } else if (!ACM_ARN.test(certificateArn)) {
        reader.add(["`certificateArn` is not an ACM certificate ARN (`arn:aws:acm:<region>:<account>:certificate/<id>`)."]);
    }
    const tlsPolicy = reader.enumValue("tlsPolicy", ALLOWED_TLS_POLICIES) ?? DEFAULT_TLS_POLICY;
    const deletionProtection = reader.boolean("deletionProtection") ?? profile.deletionProtection;
    const containerInsights =
        reader.enumValue<ContainerInsights>("containerInsights", ["enabled", "enhanced"]) ?? profile.containerInsights;
    const wafRateLimit = reader.integer("wafRateLimit", 10, 2_000_000_000) ?? DEFAULT_WAF_RATE_LIMIT;
    const serviceDiscoveryDomain = reader.string("serviceDiscoveryDomain") ?? `${environment}.${base.namePrefix}.internal`;
    if (!isDnsDomain(serviceDiscoveryDomain)) {
        reader.add([`\`serviceDiscoveryDomain\` is \`${serviceDiscoveryDomain}\`: use a lowercase DNS name such as \`dev.edf.internal\`.`]);
    }

    const cache = reader.json("ecrPullThroughCache") as
        { prefix?: unknown; upstreamRegistryUrl?: unknown; credentialArn?: unknown } | undefined;
    if (cache === undefined || typeof cache !== "object" || cache === null) {
        reader.add([
            '`ecrPullThroughCache` is not set: set `edf:ecrPullThroughCache` to `{"upstreamRegistryUrl": "<upstream registry host>"}` ' +
                "(optionally `prefix`, `credentialArn`); the landing zone assumes no upstream.",
        ]);
    } else {
        if (typeof cache.upstreamRegistryUrl !== "string" || !/^[a-z0-9.-]+(:\d+)?$/.test(cache.upstreamRegistryUrl)) {
            reader.add(["`ecrPullThroughCache.upstreamRegistryUrl` must be a registry host name (no scheme, no path)."]);
        }
        if (cache.prefix !== undefined && (typeof cache.prefix !== "string" || !/^[a-z0-9][a-z0-9._-]{1,29}$/.test(cache.prefix))) {
            reader.add(["`ecrPullThroughCache.prefix` must be 2–30 lowercase letters, digits, `._-`."]);
        }
        if (
            cache.credentialArn !== undefined &&
            (typeof cache.credentialArn !== "string" ||
                !/^arn:aws[a-z-]*:secretsmanager:.+:secret:ecr-pullthroughcache\//.test(cache.credentialArn))
        ) {
            reader.add([
                "`ecrPullThroughCache.credentialArn` must be a Secrets Manager secret ARN whose name starts with `ecr-pullthroughcache/`.",
            ]);
        }
    }

    const inspection = parseRuntimeInspection(
        reader.json("runtimeInspection"),
        environment,
        inputs.get<unknown>(INSPECTOR_IMAGE_DIGEST_INPUT),
    );
    reader.add(inspection.problems);
    const inspectionUpstream = inspection.settings && {
        ...readContractInputs(inputs, reader, "network", ["privateSubnetIds"]),
        ...readContractInputs(inputs, reader, "security", ["permissionsBoundaryArn", "dataKmsKeyArn"]),
    };

    reader.throwIfInvalid(SHARED_SERVICES_UNIT);
    const prefix = `${base.namePrefix}-${environment}`;
    return {
        base,
        upstream: { ...network, ...security },
        certificateArn: certificateArn!,
        tlsPolicy,
        deletionProtection,
        containerInsights,
        wafRateLimit,
        serviceDiscoveryDomain,
        clusterName: prefix,
        loadBalancerName: resourceName([prefix, "public"], NAME_LIMITS.loadBalancer),
        apiGatewayLoggingRoleName: resourceName([prefix, "apigateway-logs"], NAME_LIMITS.iam),
        pullThroughCache: {
            prefix: (cache!.prefix as string | undefined) ?? DEFAULT_PULL_THROUGH_CACHE_PREFIX,
            upstreamRegistryUrl: cache!.upstreamRegistryUrl as string,
            ...(cache!.credentialArn ? { credentialArn: cache!.credentialArn as string } : {}),
        },
        ...(inspection.settings ? { runtimeInspection: { ...inspection.settings, upstream: inspectionUpstream! } } : {}),
    };
}
