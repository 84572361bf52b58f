import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isPresent } from "../support/present";
import { T } from "../support/types";

interface Config {
    allowedLevels: string[];
}

export const sfnStateMachineLogging: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sfn-state-machine-logging",
    description: "Checks whether Step Functions state machines log every execution event to CloudWatch Logs.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        'Set `loggingConfiguration` to `{ level: "ALL", logDestination: "<log ' +
        'group ARN>:*" }` (a KMS-encrypted log group with retention); keep ' +
        "`includeExecutionData` off unless the payloads carry no card data or secrets.",
    configSchema: { properties: { allowedLevels: { type: "array", items: { type: "string" }, minItems: 1, default: ["ALL"] } } },
    // Checkov's check asks for `includeExecutionData`, i.e. payloads in the log; this asks for the events, not the payloads.
    peerChecks: { full: ["AwsSolutions-SF1"], partial: ["CKV_AWS_285"] },
    resourceTypes: [T.sfnStateMachine],
    validateResource: forTypes([T.sfnStateMachine], (args, report) => {
        const logging = args.props.loggingConfiguration as { level?: unknown; logDestination?: unknown } | undefined;
        const { allowedLevels } = args.getConfig<Config>();
        if (!logging || typeof logging.level !== "string" || !allowedLevels.includes(logging.level))
            report(
                `State machine \`${args.name}\` must log executions at level ` +
                    `${allowedLevels.join(" or ")} (\`loggingConfiguration.level\`).`,
            );
        else if (!isPresent(logging.logDestination))
            report(`State machine \`${args.name}\` must send its logs to a log group (\`loggingConfiguration.logDestination\`).`);
    }),
};
