import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const mqBrokerCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "mq-broker-customer-managed-key",
    description: "Checks whether Amazon MQ brokers encrypt stored messages with a customer managed KMS key rather than an AWS owned one.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `encryptionOptions: { useAwsOwnedKey: false, kmsKeyId }` with the service's data key (a change that recreates the broker).",
    peerChecks: { full: ["CKV_AWS_209"] },
    resourceTypes: [T.mqBroker],
    validateResource: forTypes([T.mqBroker], (args, report) => {
        const enc = args.props.encryptionOptions as { kmsKeyId?: unknown; useAwsOwnedKey?: unknown } | undefined;
        if (!enc || enc.useAwsOwnedKey !== false || !isCustomerManagedKey(enc.kmsKeyId))
            report(`Amazon MQ broker \`${args.name}\` must be encrypted with a customer managed KMS key (\`encryptionOptions.kmsKeyId\`).`);
    }),
};
