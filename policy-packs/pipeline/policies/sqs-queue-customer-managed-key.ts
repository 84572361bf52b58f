import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const sqsQueueCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sqs-queue-customer-managed-key",
    description: "Checks whether SQS queues encrypt messages with a customer managed KMS key rather than an AWS owned or managed one.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `kmsMasterKeyId` to a customer managed key (the landing zone's " +
        "data key) instead of SSE-SQS or `alias/aws/sqs`, so key use is " +
        "audited and " +
        "access to the messages can be revoked.",
    peerChecks: { full: ["CKV2_AWS_73", "CKV_AWS_27"] },
    resourceTypes: [T.sqsQueue],
    validateResource: forTypes([T.sqsQueue], (args, report) => {
        const key = args.props.kmsMasterKeyId;
        if (!isCustomerManagedKey(key))
            report(
                `SQS queue \`${args.name}\` must be encrypted with a customer managed ` +
                    `KMS key (\`kmsMasterKeyId\`), not ${key ? `\`${key}\`` : "SSE-SQS"}.`,
            );
    }),
};
