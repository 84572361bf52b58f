import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { allActionGrants } from "../support/resource-policies";
import { T } from "../support/types";

const TYPES = [T.sqsQueue, T.sqsQueuePolicy];

export const sqsQueuePolicyNoWildcardActions: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sqs-queue-policy-no-wildcard-actions",
    description: "Checks whether SQS queue policies grant named actions rather than every SQS action.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Grant only the actions the principal needs (`sqs:SendMessage` for producers; `sqs:ReceiveMessage`, `sqs:DeleteMessage`, " +
        "`sqs:ChangeMessageVisibility` for consumers) instead of `sqs:*`, `*` or `NotAction`.",
    peerChecks: { full: ["CKV_AWS_72"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined) return args.notApplicable("The queue declares no inline policy.");
        if (allActionGrants(policy, "sqs").length > 0)
            report(
                `SQS queue policy of \`${args.name}\` must grant named actions, not every SQS action (\`sqs:*\`, \`*\` or \`NotAction\`).`,
            );
    }),
};
