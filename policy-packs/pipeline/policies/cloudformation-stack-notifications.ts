import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

export const cloudformationStackNotifications: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudformation-stack-notifications",
    description: "Checks whether CloudFormation stacks a program manages send their events to an SNS topic.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `notificationArns` to the operations topic, so stack changes and failures are seen outside Pulumi too.",
    resourceTypes: [T.cloudformationStack],
    peerChecks: { full: ["CKV_AWS_124"] },
    validateResource: forTypes([T.cloudformationStack], (args, report) => {
        if (asArray(args.props.notificationArns as unknown[]).length === 0)
            report(`CloudFormation stack \`${args.name}\` must send its events to an SNS topic (\`notificationArns\`).`);
    }),
};
