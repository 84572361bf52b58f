import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const datasyncTaskLoggingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "datasync-task-logging-enabled",
    description: "Checks whether DataSync tasks log the files they transfer to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `cloudwatchLogGroupArn` and `options: { logLevel: "TRANSFER" }` (or `"BASIC"`), never `"OFF"`.',
    resourceTypes: [T.dataSyncTask],
    validateResource: forTypes([T.dataSyncTask], (args, report) => {
        const group = args.props.cloudwatchLogGroupArn;
        if (typeof group !== "string" || group === "")
            report(`DataSync task \`${args.name}\` must log to CloudWatch Logs (\`cloudwatchLogGroupArn\`).`);
        else if ((args.props.options as { logLevel?: unknown } | undefined)?.logLevel === "OFF")
            report(`DataSync task \`${args.name}\` must not turn logging off (\`options.logLevel\` is \`OFF\`).`);
    }),
};
