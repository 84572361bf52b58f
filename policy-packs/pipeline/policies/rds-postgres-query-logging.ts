import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { engineFamily, parametersOf, rdsDatabaseGroups } from "../support/database-engines";
import { T } from "../support/types";

interface Config {
    allowedLogStatement: string[];
}

export const rdsPostgresQueryLogging: StackPolicyDefinition = {
    kind: "stack",
    id: "rds-postgres-query-logging",
    description:
        "Checks whether RDS and Aurora PostgreSQL databases log statements " +
        "(`log_statement`) and slow queries (`log_min_duration_statement`).",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "In the database's parameter group (clusters: cluster parameter group) " +
        "declared in the same stack, set `log_statement` to `ddl` (or `mod`) " +
        "and `log_min_duration_statement` to a threshold in milliseconds (e.g. " +
        "1000); `all` also logs the values of every statement.",
    configSchema: {
        properties: { allowedLogStatement: { type: "array", items: { type: "string" }, default: ["ddl", "mod", "all"] } },
    },
    peerChecks: { full: ["CKV2_AWS_27", "CKV2_AWS_30"] },
    resourceTypes: [T.rdsInstance, T.rdsCluster, T.rdsParameterGroup, T.rdsClusterParameterGroup],
    validateStack: (args, report) => {
        const { allowedLogStatement } = args.getConfig<Config>();
        let judged = 0;
        for (const { db, ref } of rdsDatabaseGroups(args.resources)) {
            if (engineFamily(db.props.engine) !== "postgres") continue;
            judged++;
            const what = subject(db.type, db.name);
            const needs = `\`log_statement\` (${allowedLogStatement.join(", ")}) and \`log_min_duration_statement\``;
            if (ref.kind === "default")
                report(`${what} must use a parameter group that sets ${needs} (the default group logs neither).`, db.urn);
            else if (ref.kind === "external")
                report(
                    `${what} must use a parameter group declared in this stack that sets ${needs} (\`${ref.name}\` cannot be checked).`,
                    db.urn,
                );
            else if (ref.kind === "declared") {
                const params = parametersOf(ref.group);
                if (params === undefined) continue;
                const statement = params.get("log_statement");
                const duration = Number(params.get("log_min_duration_statement") ?? "-1");
                if (statement === undefined || !allowedLogStatement.includes(statement) || !(duration >= 0))
                    report(`${what} must use a parameter group that sets ${needs} (group \`${ref.group.name}\` does not).`, db.urn);
            }
        }
        if (judged === 0) args.notApplicable("The stack declares no RDS PostgreSQL database.");
    },
};
