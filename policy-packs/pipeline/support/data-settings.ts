import type { ResourceValidationArgs } from "@pulumi/policy";
import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "./types";

/**
 * Most database controls are "this resource sets that property so": one table from type token to
 * check makes such a policy a few lines, with the same messages everywhere. A check reads its own
 * resource's values directly, so a value unknown at preview stops the policy (the engine's "can't
 * run during preview") rather than being judged.
 */

/** What a resource of one type must satisfy: the messages of what is wrong, or nothing when it complies. */
export type SettingCheck = (args: ResourceValidationArgs) => string | readonly string[] | undefined;

/** A setting policy's metadata: everything but the kind, the types and the validation, which the checks give. */
export type SettingPolicyMetadata = Omit<ResourcePolicyDefinition, "kind" | "resourceTypes" | "validateResource">;

/** A resource policy from one check per type token (the policy's `resourceTypes` are the table's keys). */
export function settingPolicy(meta: SettingPolicyMetadata, checks: Readonly<Record<string, SettingCheck>>): ResourcePolicyDefinition {
    const types = Object.keys(checks);
    return {
        kind: "resource",
        ...meta,
        resourceTypes: types,
        validateResource: forTypes(types, (args, report) => {
            const problems = checks[args.type](args);
            if (problems === undefined) return;
            if (typeof problems === "string") report(problems);
            else for (const p of problems) report(p);
        }),
    };
}

/** What the messages call each resource type. */
const NOUNS: Readonly<Record<string, string>> = {
    [T.rdsInstance]: "RDS instance",
    [T.rdsCluster]: "RDS cluster",
    [T.rdsClusterInstance]: "RDS cluster instance",
    [T.rdsGlobalCluster]: "RDS global cluster",
    [T.rdsSnapshot]: "RDS snapshot",
    [T.rdsClusterSnapshot]: "RDS cluster snapshot",
    [T.rdsSnapshotCopy]: "RDS snapshot copy",
    [T.rdsClusterSnapshotCopy]: "RDS cluster snapshot copy",
    [T.rdsBackupsReplication]: "RDS automated backups replication",
    [T.rdsParameterGroup]: "RDS parameter group",
    [T.rdsClusterParameterGroup]: "RDS cluster parameter group",
    [T.rdsProxy]: "RDS proxy",
    [T.dynamoTable]: "DynamoDB table",
    [T.dynamoTableReplica]: "DynamoDB table replica",
    [T.dynamoResourcePolicy]: "DynamoDB resource policy",
    [T.daxCluster]: "DAX cluster",
    [T.elasticacheCluster]: "ElastiCache cluster",
    [T.elasticacheReplicationGroup]: "ElastiCache replication group",
    [T.elasticacheServerlessCache]: "ElastiCache serverless cache",
    [T.elasticacheUser]: "ElastiCache user",
    [T.memorydbCluster]: "MemoryDB cluster",
    [T.memorydbSnapshot]: "MemoryDB snapshot",
    [T.redshiftCluster]: "Redshift cluster",
    [T.redshiftParameterGroup]: "Redshift parameter group",
    [T.redshiftSnapshotCopyGrant]: "Redshift snapshot copy grant",
    [T.redshiftServerlessNamespace]: "Redshift Serverless namespace",
    [T.redshiftServerlessWorkgroup]: "Redshift Serverless workgroup",
    [T.neptuneCluster]: "Neptune cluster",
    [T.neptuneClusterInstance]: "Neptune cluster instance",
    [T.neptuneGlobalCluster]: "Neptune global cluster",
    [T.docdbCluster]: "DocumentDB cluster",
    [T.docdbClusterInstance]: "DocumentDB cluster instance",
    [T.docdbGlobalCluster]: "DocumentDB global cluster",
    [T.docdbClusterParameterGroup]: "DocumentDB cluster parameter group",
    [T.docdbElasticCluster]: "DocumentDB elastic cluster",
    [T.dmsReplicationInstance]: "DMS replication instance",
    [T.dmsEndpoint]: "DMS endpoint",
    [T.dmsS3Endpoint]: "DMS S3 endpoint",
    [T.timestreamDatabase]: "Timestream database",
    [T.timestreamInfluxDbInstance]: "Timestream for InfluxDB instance",
    [T.qldbLedger]: "QLDB ledger",
    [T.keyspacesTable]: "Keyspaces table",
};

/** "RDS cluster `orders`": how a message names the resource. */
export function subject(type: string, name: string): string {
    return `${NOUNS[type] ?? type} \`${name}\``;
}

/** Reads a dotted path (`pointInTimeRecovery.enabled`) through objects, and through one-element lists as the provider nests blocks. */
function reader(path: string): (props: Record<string, unknown>) => unknown {
    const parts = path.split(".");
    return (props) => {
        let v: unknown = props;
        for (const p of parts) {
            if (Array.isArray(v)) v = v[0];
            if (v === undefined || v === null || typeof v !== "object") return undefined;
            v = (v as Record<string, unknown>)[p];
        }
        return v;
    };
}

/** Boolean inputs some providers type as strings ("true"/"false"): `undefined` when unset. */
export function flag(value: unknown): boolean | undefined {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    return undefined;
}

/** The property must be set to true. */
export function mustBeTrue(path: string): SettingCheck {
    const read = reader(path);
    return (args) => (flag(read(args.props)) === true ? undefined : `${subject(args.type, args.name)} must set \`${path}: true\`.`);
}

/** The property must not be set to false (the provider's default is on). */
export function mustNotBeFalse(path: string): SettingCheck {
    const read = reader(path);
    return (args) => (flag(read(args.props)) === false ? `${subject(args.type, args.name)} must not set \`${path}: false\`.` : undefined);
}

/** The property must not be set to true (the provider's default is off). */
export function mustNotBeTrue(path: string, what: string): SettingCheck {
    const read = reader(path);
    return (args) =>
        flag(read(args.props)) === true ? `${subject(args.type, args.name)} must not be ${what} (\`${path}: true\`).` : undefined;
}

/** The property must be set, non-empty. */
export function mustBeSet(path: string, what: string): SettingCheck {
    const read = reader(path);
    return (args) => {
        const v = read(args.props);
        return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)
            ? `${subject(args.type, args.name)} must set \`${path}\` (${what}).`
            : undefined;
    };
}

const AWS_MANAGED_KEY = /(^|:)alias\/aws\//;

/**
 * Whether a key reference names a customer managed KMS key: set, and not an AWS managed key's
 * alias (`alias/aws/rds`, `arn:aws:kms:…:alias/aws/rds`), which nobody can scope, rotate or revoke.
 */
export function isCustomerManagedKey(value: unknown): boolean {
    return typeof value === "string" && value.length > 0 && !AWS_MANAGED_KEY.test(value);
}

/** The property must name a customer managed KMS key. */
export function customerManagedKey(path: string): SettingCheck {
    const read = reader(path);
    return (args) =>
        isCustomerManagedKey(read(args.props))
            ? undefined
            : `${subject(args.type, args.name)} must be encrypted with a customer managed KMS key (\`${path}\`).`;
}

/** The numeric property must be at least the config's minimum; unset counts as `unsetValue` (the provider's default). */
export function atLeast(path: string, configKey: string, unsetValue: number, unit: string): SettingCheck {
    const read = reader(path);
    return (args) => {
        const min = Number(args.getConfig<Record<string, unknown>>()[configKey]);
        const raw = read(args.props);
        const value = raw === undefined || raw === null ? unsetValue : Number(raw);
        return value >= min
            ? undefined
            : `${subject(args.type, args.name)} must set \`${path}\` to at least ${min} ${unit} (it is ${value}).`;
    };
}

/** All of the checks, in order: every message of every failing one. */
export function allOf(...checks: readonly SettingCheck[]): SettingCheck {
    return (args) => {
        const out: string[] = [];
        for (const c of checks) {
            const r = c(args);
            if (r === undefined) continue;
            if (typeof r === "string") out.push(r);
            else out.push(...r);
        }
        return out.length > 0 ? out : undefined;
    };
}

/** The check, or not applicable when the resource takes the setting from another (a replica, a cluster member). */
export function unless(inherits: (args: ResourceValidationArgs) => string | undefined, check: SettingCheck): SettingCheck {
    return (args) => {
        const reason = inherits(args);
        if (reason !== undefined) args.notApplicable(reason);
        return check(args);
    };
}

/** Config properties of a policy that applies only in production environments. */
export const PRODUCTION_SCHEMA = {
    environment: { type: "string", default: "" },
    productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
} as const;

/** Declares the policy not applicable outside production (config `environment`, else the stack tag `edf:environment`). */
export function onlyInProduction(args: ResourceValidationArgs, what: string): void {
    const cfg = args.getConfig<{ environment: string; productionEnvironments: string[] }>();
    const env = cfg.environment || args.stackTags.get("edf:environment") || "";
    if (!cfg.productionEnvironments.includes(env))
        args.notApplicable(`${what} is required only in production (environment is \`${env || "unknown"}\`).`);
}

/** Levels of a policy that is advisory while a team builds and blocks in production. */
export const MANDATORY_IN_PRODUCTION = { prod: "mandatory", production: "mandatory" } as const;
