import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { engineFamily, EngineFamily, isAurora, parametersOf, rdsDatabaseGroups } from "../support/database-engines";
import { T } from "../support/types";

/** The server parameter that refuses plaintext connections, and the values that turn it on, per engine family. */
const TLS_PARAMETER: Partial<Record<EngineFamily, { name: string; on: readonly string[] }>> = {
    postgres: { name: "rds.force_ssl", on: ["1"] },
    mysql: { name: "require_secure_transport", on: ["1", "on"] },
    sqlserver: { name: "rds.force_ssl", on: ["1"] },
    db2: { name: "db2comm", on: ["ssl"] },
};

// RDS for PostgreSQL 15 and later forces TLS in its default parameter group; no other engine does.
function defaultForcesTls(db: PolicyResource): boolean {
    const engine = db.props.engine;
    if (engineFamily(engine) !== "postgres" || isAurora(engine)) return false;
    return Number.parseInt(String(db.props.engineVersion ?? "99"), 10) >= 15;
}

export const rdsTlsEnforced: StackPolicyDefinition = {
    kind: "stack",
    id: "rds-tls-enforced",
    description: "Checks whether RDS instances and clusters use a parameter group that refuses connections without TLS.",
    severity: "high",
    // Announced first: attaching a parameter group that forces TLS restarts the database, so teams get until the date.
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Give the database a parameter group declared in the same stack that " +
        "sets `rds.force_ssl` to 1 (PostgreSQL, SQL Server), " +
        "`require_secure_transport` to 1 (MySQL, MariaDB) or `db2comm` to SSL " +
        "(Db2); clusters use a cluster parameter group.",
    peerChecks: { full: ["CKV2_AWS_69"] },
    resourceTypes: [T.rdsInstance, T.rdsCluster, T.rdsParameterGroup, T.rdsClusterParameterGroup],
    validateStack: (args, report) => {
        let judged = 0;
        for (const { db, ref } of rdsDatabaseGroups(args.resources)) {
            // Oracle configures TLS in an option group, not a parameter.
            const tls = TLS_PARAMETER[engineFamily(db.props.engine)];
            if (!tls) continue;
            judged++;
            const what = subject(db.type, db.name);
            const needs = `\`${tls.name}\` set to ${tls.on[0]}`;
            if (ref.kind === "default") {
                if (!defaultForcesTls(db))
                    report(`${what} must use a parameter group with ${needs} (it uses the engine's default group).`, db.urn);
            } else if (ref.kind === "external") {
                report(
                    `${what} must use a parameter group declared in this stack with ${needs} (\`${ref.name}\` cannot be checked).`,
                    db.urn,
                );
            } else if (ref.kind === "declared") {
                const params = parametersOf(ref.group);
                const value = params?.get(tls.name);
                // Parameters unknown at preview: no verdict.
                if (params !== undefined && (value === undefined || !tls.on.includes(value)))
                    report(`${what} must use a parameter group with ${needs} (group \`${ref.group.name}\` does not set it).`, db.urn);
            }
        }
        if (judged === 0) args.notApplicable("The stack declares no RDS database whose TLS is set by a parameter group.");
    },
};
