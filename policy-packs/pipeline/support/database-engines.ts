import type { PolicyResource } from "@pulumi/policy";
import { asArray, known, ofTypes, refersTo } from "./props";
import { T } from "./types";

/**
 * Facts about database engines that several policies share: default ports, the log types each
 * engine can export, which engines take IAM authentication, and how to read a parameter group.
 */

export type EngineFamily = "mysql" | "postgres" | "oracle" | "sqlserver" | "db2" | "other";

/** The family of an RDS engine name (`aurora-postgresql` → postgres, `aurora` → mysql, `oracle-ee` → oracle). */
export function engineFamily(engine: unknown): EngineFamily {
    const e = typeof engine === "string" ? engine.toLowerCase() : "";
    if (e.includes("postgres")) return "postgres";
    if (e === "aurora" || e.includes("mysql") || e.includes("mariadb")) return "mysql";
    if (e.startsWith("oracle") || e.startsWith("custom-oracle")) return "oracle";
    if (e.startsWith("sqlserver") || e.startsWith("custom-sqlserver")) return "sqlserver";
    if (e.startsWith("db2")) return "db2";
    return "other";
}

/** Whether the engine is Aurora (`aurora`, `aurora-mysql`, `aurora-postgresql`). */
export function isAurora(engine: unknown): boolean {
    return typeof engine === "string" && engine.toLowerCase().startsWith("aurora");
}

/** The port each RDS engine family listens on unless told otherwise. */
export const RDS_DEFAULT_PORTS: Readonly<Record<EngineFamily, number | undefined>> = {
    mysql: 3306,
    postgres: 5432,
    oracle: 1521,
    sqlserver: 1433,
    db2: 50000,
    other: undefined,
};

/**
 * The CloudWatch log types an RDS engine must export to keep its audit trail (what the engine
 * can export, less the noise): MySQL/MariaDB audit, error, general and slow query; PostgreSQL its
 * log and upgrades (Aurora PostgreSQL exports only `postgresql`); Oracle alert, audit, listener,
 * OEM agent and trace; SQL Server agent and error; Db2 diag.
 */
export function requiredRdsLogTypes(engine: unknown): readonly string[] {
    const aurora = isAurora(engine);
    switch (engineFamily(engine)) {
        case "mysql":
            return ["audit", "error", "general", "slowquery"];
        case "postgres":
            return aurora ? ["postgresql"] : ["postgresql", "upgrade"];
        case "oracle":
            return ["alert", "audit", "listener", "oemagent", "trace"];
        case "sqlserver":
            return ["agent", "error"];
        case "db2":
            return ["diag.log"];
        default:
            return [];
    }
}

/** Engines that accept IAM database authentication (MySQL, MariaDB, PostgreSQL and their Aurora editions). */
export function supportsIamAuthentication(engine: unknown): boolean {
    const family = engineFamily(engine);
    return family === "mysql" || family === "postgres";
}

/** One parameter of a parameter group (`parameters` of RDS, DocumentDB, Neptune and Redshift groups). */
export interface Parameter {
    readonly name: string;
    readonly value: string;
}

function readParameters(list: unknown): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of asArray(list as Record<string, unknown>[] | undefined))
        out.set(String(p.name).toLowerCase(), String(p.value).toLowerCase());
    return out;
}

/**
 * The parameters a parameter group sets, names and values lower-cased. Read as another
 * resource's (`lookup`), unknown values give `undefined`; read as the policy's own subject, they
 * stop the policy as the engine wants.
 */
export function parametersOf(group: PolicyResource, lookup = true): Map<string, string> | undefined {
    return lookup ? known(() => readParameters(group.props.parameters)) : readParameters(group.props.parameters);
}

/** Where a resource's parameter group comes from. */
export type GroupRef =
    | { readonly kind: "declared"; readonly group: PolicyResource }
    | { readonly kind: "default" }
    | { readonly kind: "external"; readonly name: string }
    | { readonly kind: "unknown" };

/**
 * The parameter group `from.props[prop]` names: one declared in the stack (by property
 * dependency or name), the engine's default (unset or `default.*`), one outside the stack, or
 * unknown at preview.
 */
export function parameterGroupOf(from: PolicyResource, prop: string, groups: readonly PolicyResource[]): GroupRef {
    const declared = groups.find((g) => refersTo(from, prop, g, ["name"]));
    if (declared) return { kind: "declared", group: declared };
    const name = known(() => from.props[prop]);
    if (name === undefined && (from.propertyDependencies[prop]?.length ?? 0) > 0) return { kind: "unknown" };
    if (name === undefined) {
        // `known` hides the difference between unset and unknown: an unset prop reads as undefined without throwing.
        return prop in from.props ? { kind: "unknown" } : { kind: "default" };
    }
    if (typeof name !== "string" || name === "" || name.startsWith("default.")) return { kind: "default" };
    return { kind: "external", name };
}

/** An RDS database and where its (cluster) parameter group comes from. */
export interface DatabaseGroup {
    readonly db: PolicyResource;
    readonly ref: GroupRef;
}

const RDS_GROUP_PROPS = [
    { type: T.rdsInstance, prop: "parameterGroupName", groups: [T.rdsParameterGroup] },
    { type: T.rdsCluster, prop: "dbClusterParameterGroupName", groups: [T.rdsClusterParameterGroup] },
] as const;

/**
 * Every RDS instance and cluster of the stack with its parameter group; Aurora instances are
 * left out, since the server settings that matter are their cluster's.
 */
export function rdsDatabaseGroups(resources: readonly PolicyResource[]): DatabaseGroup[] {
    const out: DatabaseGroup[] = [];
    for (const s of RDS_GROUP_PROPS) {
        const groups = ofTypes(resources, s.groups);
        for (const db of ofTypes(resources, [s.type])) {
            if (s.type === T.rdsInstance && isAurora(db.props.engine)) continue;
            out.push({ db, ref: parameterGroupOf(db, s.prop, groups) });
        }
    }
    return out;
}

/** The Redshift parameter group a cluster uses (`clusterParameterGroupName`), among the stack's. */
export function redshiftGroupOf(cluster: PolicyResource, resources: readonly PolicyResource[]): GroupRef {
    return parameterGroupOf(cluster, "clusterParameterGroupName", ofTypes(resources, [T.redshiftParameterGroup]));
}

/** A serverless workgroup's `configParameters`, keys and values lower-cased (read as the policy's subject). */
export function workgroupParameters(workgroup: PolicyResource): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of asArray(workgroup.props.configParameters as Record<string, unknown>[] | undefined))
        out.set(String(p.parameterKey).toLowerCase(), String(p.parameterValue).toLowerCase());
    return out;
}
