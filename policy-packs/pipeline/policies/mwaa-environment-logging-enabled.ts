import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    requiredLogs: string[];
}

export const mwaaEnvironmentLoggingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mwaa-environment-logging-enabled",
    description:
        "Checks whether Managed Workflows for Apache Airflow environments send their scheduler, worker, web server, task " +
        "and DAG processing logs to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `loggingConfiguration` with `{ enabled: true, logLevel: "INFO" }` for `schedulerLogs`, `workerLogs`, ' +
        "`webserverLogs`, `taskLogs` and `dagProcessingLogs`.",
    configSchema: {
        properties: {
            requiredLogs: {
                type: "array",
                items: { type: "string" },
                default: ["schedulerLogs", "workerLogs", "webserverLogs", "taskLogs", "dagProcessingLogs"],
            },
        },
    },
    resourceTypes: [T.mwaaEnvironment],
    peerChecks: { full: ["CKV_AWS_242", "CKV_AWS_243", "CKV_AWS_244"] },
    validateResource: forTypes([T.mwaaEnvironment], (args, report) => {
        const { requiredLogs } = args.getConfig<Config>();
        const logging = (args.props.loggingConfiguration ?? {}) as Record<string, { enabled?: unknown } | undefined>;
        const off = requiredLogs.filter((k) => logging[k]?.enabled !== true);
        if (off.length > 0)
            report(
                `MWAA environment \`${args.name}\` must send ${off.join(", ")} to ` +
                    `CloudWatch Logs (\`loggingConfiguration.<log>.enabled: true\`).`,
            );
    }),
};
