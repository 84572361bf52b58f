import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const sqsQueueEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sqs-queue-encrypted",
    description: "Checks whether SQS queues encrypt messages at rest.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsMasterKeyId` to a customer managed key (or at least `sqsManagedSseEnabled: true`).",
    // Partial for Checkov: CKV_AWS_27 wants `kmsMasterKeyId` and refuses SSE-SQS alone, which this
    // accepts (sqs-queue-customer-managed-key refuses it, and covers CKV_AWS_27 fully).
    peerChecks: { full: ["AwsSolutions-SQS2"], partial: ["CKV_AWS_27"] },
    resourceTypes: [T.sqsQueue],
    validateResource: forTypes([T.sqsQueue], (args, report) => {
        const kms = args.props.kmsMasterKeyId;
        const managed = args.props.sqsManagedSseEnabled;
        if (!(typeof kms === "string" && kms.length > 0) && managed === false)
            report(`SQS queue \`${args.name}\` must encrypt messages: set \`kmsMasterKeyId\` (SSE-SQS was turned off).`);
        else if (!(typeof kms === "string" && kms.length > 0) && managed !== true)
            report(`SQS queue \`${args.name}\` must encrypt messages: set \`kmsMasterKeyId\` or \`sqsManagedSseEnabled: true\`.`);
    }),
};
