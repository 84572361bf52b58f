import * as crypto from "crypto";
import { partitionOfRegion } from "../spec/targets";

/** One availability zone (or Local Zone) of a {@link SynthWorld}, as `aws.getAvailabilityZones` describes it. */
export interface AvailabilityZone {
    /** `eu-west-3a`; a Local Zone's name carries its location (`us-east-1-bos-1a`). */
    readonly name: string;
    /** @default - `<region prefix>-az<n>`, by position */
    readonly zoneId?: string;
    /** @default "available" */
    readonly state?: "available" | "information" | "impaired" | "unavailable" | "constrained";
    /** @default "opt-in-not-required", or "opted-in" for a Local Zone */
    readonly optInStatus?: "opt-in-not-required" | "opted-in" | "not-opted-in";
}

/**
 * The fake AWS account a synthesized stack runs against: region and account from the
 * environment spec. Every id and ARN it hands out is derived from the stack, the type and
 * the name (never random), so two runs of the same inputs give byte-identical reports.
 */
export interface SynthWorld {
    /** The stack being synthesized (`dev.network`): part of every derived id. */
    readonly stack: string;
    /** `spec.region`. */
    readonly region: string;
    /** `spec.account`. */
    readonly account: string;
    /** The partition of `region` (`aws`, `aws-cn`, `aws-us-gov`). */
    readonly partition: string;
    /** Default tags of the environment (`aws:defaultTags`), merged into `tagsAll`. */
    readonly defaultTags: Readonly<Record<string, string>>;
    /**
     * The zones of the region, in order, when they differ from the region's usual zones (a
     * zone impaired, a Local Zone opted into, a region with fewer zones).
     * @default - the region's usual availability zones, all available
     */
    readonly availabilityZones?: readonly AvailabilityZone[];
    /**
     * The role the stack's provider assumes (`aws:assumeRoles`): who `getCallerIdentity` says the caller is.
     * @default - synth's deployer role
     */
    readonly assumedRole?: { readonly arn: string; readonly sessionName: string };
}

/** The region used when the spec names none (synth still needs one for ARNs). */
export const DEFAULT_SYNTH_REGION = "us-east-1";
/** The account used when the spec names none: the documentation account id, clearly not real. */
export const DEFAULT_SYNTH_ACCOUNT = "123456789012";

/** The world of `stack` in `region` and `account`, with no default tags and the region's usual zones. */
export function synthWorld(stack: string, region = DEFAULT_SYNTH_REGION, account = DEFAULT_SYNTH_ACCOUNT): SynthWorld {
    return { stack, region, account, partition: partitionOf(region), defaultTags: {} };
}

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
    return partitionOfRegion(region);
}

/** Short codes of common regions, as AZ ids (`use1-az1`) and ElastiCache endpoints use them. */
const REGION_CODES: Readonly<Record<string, string>> = {
    "us-east-1": "use1",
    "us-east-2": "use2",
    "us-west-1": "usw1",
    "us-west-2": "usw2",
    "eu-west-1": "euw1",
    "eu-west-2": "euw2",
    "eu-west-3": "euw3",
    "eu-central-1": "euc1",
    "eu-north-1": "eun1",
    "ap-southeast-1": "apse1",
    "ap-southeast-2": "apse2",
    "ap-northeast-1": "apne1",
    "ca-central-1": "cac1",
};

/** A region's short code (`use1`); regions not listed get the same shape from their name. */
export function regionCodeOf(region: string): string {
    return REGION_CODES[region] ?? region.replace(/-(\w)\w*-?/g, "$1").replace(/-/g, "");
}

/** The DNS suffix of a partition. */
export function dnsSuffixOf(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/** `n` hex digits derived from the parts: the same parts always give the same digits. */
export function stableHex(n: number, ...parts: readonly string[]): string {
    return crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, n);
}

/** A UUID-shaped id derived from the parts (KMS key ids, GuardDuty detectors…). */
export function stableUuid(...parts: readonly string[]): string {
    const h = stableHex(32, ...parts);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A physical name for resources whose name AWS derives from the logical one (`name-1a2b3c4`, as Pulumi auto-naming does). */
export function autoName(world: SynthWorld, type: string, name: string): string {
    return `${name}-${stableHex(7, world.stack, type, name)}`;
}

/**
 * The physical name of a resource: the one its input `key` gives, else its `<key>Prefix` input
 * followed by a unique suffix (as the provider completes `bucketPrefix`, `namePrefix`), else the
 * name Pulumi's auto-naming derives from the logical name.
 */
export function physicalName(
    world: SynthWorld,
    type: string,
    name: string,
    inputs: Readonly<Record<string, unknown>>,
    key: string,
): string {
    const given = inputs[key];
    if (typeof given === "string" && given.length > 0) return given;
    const prefix = inputs[`${key}Prefix`];
    if (typeof prefix === "string" && prefix.length > 0) return `${prefix}${stableHex(26, world.stack, type, name)}`;
    return autoName(world, type, name);
}

/** The front of an ARN of `service` in this world: `arn:<partition>:<service>:<region>:<account>`. */
export function arnBase(world: SynthWorld, service: string, withRegion = true, withAccount = true): string {
    return `arn:${world.partition}:${service}:${withRegion ? world.region : ""}:${withAccount ? world.account : ""}`;
}
