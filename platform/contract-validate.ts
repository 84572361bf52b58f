import type {
    ContractPartName,
    LandingZoneOutputs,
    NetworkOutputs,
    OrganizationOutputs,
    SecurityOutputs,
    SharedServicesOutputs,
} from "./contract";
import { CONTRACT_PART_VERSIONS, CONTRACT_VERSION, contractVersionProblem, describeValue } from "./contract-version";

/** A shape a contract value must have, with the words used in error messages. */
export interface FieldKind {
    /** What the value must be, e.g. "an ARN (`arn:…`)". */
    readonly expectation: string;
    /** Whether `value` has this shape. */
    readonly accepts: (value: unknown) => boolean;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isRecordOf = (value: unknown, accepts: (v: unknown) => boolean): boolean =>
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(accepts);
const isAccountId = (value: unknown): boolean => typeof value === "string" && /^\d{12}$/.test(value);
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;

/** The field kinds the contract uses. */
export const FIELD_KINDS = {
    version: { expectation: "a MAJOR.MINOR version", accepts: (v) => contractVersionProblem(v, "1.0") === undefined },
    accountId: { expectation: "a 12-digit AWS account id", accepts: isAccountId },
    accountIds: {
        expectation: "an object of 12-digit AWS account ids by name",
        accepts: (v) => isRecordOf(v, isAccountId) && Object.keys(v as object).length > 0,
    },
    idsByName: { expectation: "an object of non-empty ids by name", accepts: (v) => isRecordOf(v, isNonEmptyString) },
    name: { expectation: "a non-empty string", accepts: isNonEmptyString },
    arn: { expectation: "an ARN (`arn:…`)", accepts: (v) => isNonEmptyString(v) && v.startsWith("arn:") },
    cidr: { expectation: "an IPv4 CIDR block", accepts: (v) => isNonEmptyString(v) && IPV4_CIDR.test(v) },
    names: {
        expectation: "a non-empty list of non-empty strings",
        accepts: (v) => Array.isArray(v) && v.length > 0 && v.every(isNonEmptyString),
    },
    namesOrNone: {
        expectation: "a list of non-empty strings",
        accepts: (v) => Array.isArray(v) && v.every(isNonEmptyString),
    },
    cidrsOrNone: {
        expectation: "a list of IPv4 CIDR blocks",
        accepts: (v) => Array.isArray(v) && v.every((c) => isNonEmptyString(c) && IPV4_CIDR.test(c)),
    },
    cidrs: {
        expectation: "a non-empty list of IPv4 CIDR blocks",
        accepts: (v) => Array.isArray(v) && v.length > 0 && v.every((c) => isNonEmptyString(c) && IPV4_CIDR.test(c)),
    },
    natStrategy: {
        expectation: "one of `none`, `single`, `perAz`",
        accepts: (v) => v === "none" || v === "single" || v === "perAz",
    },
} satisfies Record<string, FieldKind>;

type KindName = keyof typeof FIELD_KINDS;

/** Every key of a part with its kind; typed so a key added to an interface must be added here. */
export type PartFields<TPart> = { readonly [K in keyof Required<TPart>]: KindName };

/** The exact keys and shapes of `platform/network`'s outputs. */
export const NETWORK_OUTPUT_FIELDS: PartFields<NetworkOutputs> = {
    contractVersion: "version",
    environment: "name",
    vpcId: "name",
    vpcCidrBlock: "cidr",
    azs: "names",
    publicSubnetIds: "namesOrNone",
    privateSubnetIds: "names",
    isolatedSubnetIds: "names",
    publicSubnetCidrBlocks: "cidrsOrNone",
    privateSubnetCidrBlocks: "cidrs",
    isolatedSubnetCidrBlocks: "cidrs",
    privateRouteTableIds: "names",
    isolatedRouteTableIds: "names",
    natStrategy: "natStrategy",
    endpointSecurityGroupId: "name",
    flowLogGroupName: "name",
};

/** The exact keys and shapes of `platform/security`'s outputs. */
export const SECURITY_OUTPUT_FIELDS: PartFields<SecurityOutputs> = {
    contractVersion: "version",
    environment: "name",
    logsKmsKeyArn: "arn",
    dataKmsKeyArn: "arn",
    secretsKmsKeyArn: "arn",
    logArchiveBucketName: "name",
    logArchiveBucketArn: "arn",
    accessLogsBucketName: "name",
    accessLogsBucketArn: "arn",
    permissionsBoundaryArn: "arn",
    cloudTrailArn: "arn",
    guardDutyDetectorId: "name",
};

/** The exact keys and shapes of `platform/shared-services`'s outputs. */
export const SHARED_SERVICES_OUTPUT_FIELDS: PartFields<SharedServicesOutputs> = {
    contractVersion: "version",
    environment: "name",
    ecsClusterArn: "arn",
    ecsClusterName: "name",
    albArn: "arn",
    albDnsName: "name",
    albZoneId: "name",
    albSecurityGroupId: "name",
    httpsListenerArn: "arn",
    webAclArn: "arn",
    serviceDiscoveryNamespaceId: "name",
    serviceDiscoveryNamespaceName: "name",
    ecrPullThroughCachePrefix: "name",
};

/** The exact keys and shapes of `platform/organization`'s outputs (contract 1.1). */
export const ORGANIZATION_OUTPUT_FIELDS: PartFields<OrganizationOutputs> = {
    contractVersion: "version",
    environment: "name",
    organizationId: "name",
    organizationArn: "arn",
    rootId: "name",
    managementAccountId: "accountId",
    logArchiveAccountId: "accountId",
    auditAccountId: "accountId",
    organizationalUnitIds: "idsByName",
    accountIds: "accountIds",
    deploymentRoleName: "name",
};

/** Fields of each part, by part name. */
export const CONTRACT_FIELDS: { readonly [P in ContractPartName]: PartFields<LandingZoneOutputs[P]> } = {
    network: NETWORK_OUTPUT_FIELDS,
    security: SECURITY_OUTPUT_FIELDS,
    sharedServices: SHARED_SERVICES_OUTPUT_FIELDS,
    organization: ORGANIZATION_OUTPUT_FIELDS,
};

/** The unit folder that produces each part (used in messages). */
export const CONTRACT_PRODUCERS: { readonly [P in ContractPartName]: string } = {
    network: "platform/network",
    security: "platform/security",
    sharedServices: "platform/shared-services",
    organization: "platform/organization",
};

/** The exact output keys of a part, sorted. */
export function contractKeys(part: ContractPartName): string[] {
    return Object.keys(CONTRACT_FIELDS[part]).sort();
}

/** Thrown when a stack's outputs do not satisfy the contract; lists every problem at once. */
export class ContractError extends Error {
    /** Stable code for tooling. */
    readonly code = "EDF_CONTRACT_VIOLATION";

    constructor(
        /** The stack (or other source) whose outputs were checked. */
        readonly source: string,
        /** The contract part expected from it. */
        readonly part: ContractPartName,
        /** One sentence per problem, each naming the key. */
        readonly problems: readonly string[],
    ) {
        super(
            `Stack \`${source}\` does not provide the landing-zone \`${part}\` contract ` +
                `(expected from \`${CONTRACT_PRODUCERS[part]}\`, contract ${CONTRACT_VERSION}):\n` +
                problems.map((p) => `  - ${p}`).join("\n"),
        );
        this.name = "ContractError";
    }
}

/**
 * Every reason `outputs` is not a valid `part` of the contract, as sentences naming
 * the key and the fix; empty when valid. Pure: safe for any consumer to call.
 *
 * Extra keys are allowed (a newer minor version may add some); a version of another
 * major, or an older minor than `expectedVersion`, is a problem. By default a part needs the
 * version that introduced its keys ({@link CONTRACT_PART_VERSIONS}), not the newest.
 */
export function contractProblems(
    part: ContractPartName,
    outputs: unknown,
    expectedVersion: string = CONTRACT_PART_VERSIONS[part],
): string[] {
    if (typeof outputs !== "object" || outputs === null || Array.isArray(outputs)) {
        return [`the outputs are ${describeValue(outputs)}, not an object: deploy \`${CONTRACT_PRODUCERS[part]}\` to this stack`];
    }
    const record = outputs as Record<string, unknown>;
    const versionProblem = contractVersionProblem(record.contractVersion, expectedVersion);
    if (versionProblem) {
        // An incompatible version makes every other check meaningless: refuse on this alone.
        return [versionProblem];
    }
    const problems: string[] = [];
    const fields = CONTRACT_FIELDS[part] as Record<string, KindName>;
    for (const [key, kindName] of Object.entries(fields)) {
        if (key === "contractVersion") {
            continue;
        }
        const value = record[key];
        const kind: FieldKind = FIELD_KINDS[kindName];
        if (value === undefined) {
            problems.push(`output \`${key}\` is missing: redeploy \`${CONTRACT_PRODUCERS[part]}\` so it exports ${kind.expectation}`);
        } else if (!kind.accepts(value)) {
            problems.push(`output \`${key}\` is ${describeValue(value)} but must be ${kind.expectation}`);
        }
    }
    if (part === "network" && problems.length === 0) {
        problems.push(...networkAlignmentProblems(record as unknown as NetworkOutputs));
    }
    return problems;
}

// Consumers index subnet lists by AZ position, so every per-AZ list must line up
// (the public tier may be absent altogether: a network with no internet path).
function networkAlignmentProblems(network: NetworkOutputs): string[] {
    const optional = new Set<keyof NetworkOutputs>(["publicSubnetIds", "publicSubnetCidrBlocks"]);
    const perAz: (keyof NetworkOutputs)[] = [
        "publicSubnetIds",
        "privateSubnetIds",
        "isolatedSubnetIds",
        "publicSubnetCidrBlocks",
        "privateSubnetCidrBlocks",
        "isolatedSubnetCidrBlocks",
    ];
    return perAz
        .filter((key) => {
            const length = (network[key] as string[]).length;
            return length !== network.azs.length && !(length === 0 && optional.has(key));
        })
        .map(
            (key) =>
                `output \`${key}\` has ${(network[key] as string[]).length} entries but \`azs\` has ${network.azs.length}: ` +
                "each tier must have one subnet per AZ (only the public tier may be empty)",
        );
}

/** Validates `outputs` as `part`; throws a {@link ContractError} naming `source` and every bad key. */
export function parseContractPart<P extends ContractPartName>(
    part: P,
    outputs: unknown,
    source: string,
    expectedVersion: string = CONTRACT_PART_VERSIONS[part],
): LandingZoneOutputs[P] {
    const problems = contractProblems(part, outputs, expectedVersion);
    if (problems.length > 0) {
        throw new ContractError(source, part, problems);
    }
    return outputs as LandingZoneOutputs[P];
}

/** Validates a network part (see {@link parseContractPart}). */
export function parseNetworkOutputs(outputs: unknown, source: string): NetworkOutputs {
    return parseContractPart("network", outputs, source);
}

/** Validates a security part (see {@link parseContractPart}). */
export function parseSecurityOutputs(outputs: unknown, source: string): SecurityOutputs {
    return parseContractPart("security", outputs, source);
}

/** Validates a shared-services part (see {@link parseContractPart}). */
export function parseSharedServicesOutputs(outputs: unknown, source: string): SharedServicesOutputs {
    return parseContractPart("sharedServices", outputs, source);
}

/** Validates an organization part (see {@link parseContractPart}). */
export function parseOrganizationOutputs(outputs: unknown, source: string): OrganizationOutputs {
    return parseContractPart("organization", outputs, source);
}
