import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

interface Config {
    allowedFieldLogLevels: string[];
}

export const appsyncApiLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "appsync-api-logging",
    description: "Checks whether AppSync GraphQL APIs log requests and resolver errors to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `logConfig` with `cloudwatchLogsRoleArn` (a role AppSync may " +
        'assume to write logs) and `fieldLogLevel: "ERROR"` (or `ALL`); keep ' +
        "`excludeVerboseContent: true` if resolvers see card data or secrets.",
    configSchema: {
        properties: { allowedFieldLogLevels: { type: "array", items: { type: "string" }, minItems: 1, default: ["ALL", "ERROR"] } },
    },
    // cdk-nag also refuses `excludeVerboseContent`, which this leaves to the team: verbose logs may carry the data they handle.
    peerChecks: { full: ["CKV_AWS_193", "CKV_AWS_194"], partial: ["AwsSolutions-ASC3"] },
    resourceTypes: [T.appsyncGraphQlApi],
    validateResource: forTypes([T.appsyncGraphQlApi], (args, report) => {
        const log = args.props.logConfig as { cloudwatchLogsRoleArn?: unknown; fieldLogLevel?: unknown } | undefined;
        const { allowedFieldLogLevels } = args.getConfig<Config>();
        if (!log || !isPresent(log.cloudwatchLogsRoleArn))
            report(`AppSync API \`${args.name}\` must log to CloudWatch (\`logConfig.cloudwatchLogsRoleArn\`).`);
        else if (typeof log.fieldLogLevel !== "string" || !allowedFieldLogLevels.includes(log.fieldLogLevel))
            report(
                `AppSync API \`${args.name}\` must log resolver fields at ` +
                    `${allowedFieldLogLevels.join(" or ")} (\`logConfig.fieldLogLevel\`).`,
            );
    }),
};
