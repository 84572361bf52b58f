import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const sfnStateMachineTracing: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sfn-state-machine-tracing",
    description: "Checks whether Step Functions state machines trace executions with AWS X-Ray.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `tracingConfiguration: { enabled: true }` and allow the X-Ray write actions in the state machine's role.",
    peerChecks: { full: ["AwsSolutions-SF2", "CKV_AWS_284"] },
    resourceTypes: [T.sfnStateMachine],
    validateResource: forTypes([T.sfnStateMachine], (args, report) => {
        if ((args.props.tracingConfiguration as { enabled?: unknown } | undefined)?.enabled !== true)
            report(`State machine \`${args.name}\` must set \`tracingConfiguration.enabled: true\`.`);
    }),
};
