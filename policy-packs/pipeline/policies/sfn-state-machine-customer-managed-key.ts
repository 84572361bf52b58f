import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

export const sfnStateMachineCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "sfn-state-machine-customer-managed-key",
    description:
        "Checks whether Step Functions state machines encrypt their definition and execution data with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        'Set `encryptionConfiguration` to `{ type: "CUSTOMER_MANAGED_KMS_KEY", ' +
        "kmsKeyId }` with the service's data key (its key policy must allow " +
        "`states.amazonaws.com`).",
    resourceTypes: [T.sfnStateMachine],
    validateResource: forTypes([T.sfnStateMachine], (args, report) => {
        const enc = args.props.encryptionConfiguration as { type?: unknown; kmsKeyId?: unknown } | undefined;
        if (enc?.type !== "CUSTOMER_MANAGED_KMS_KEY" || !isCustomerManagedKey(enc.kmsKeyId))
            report(`State machine \`${args.name}\` must be encrypted with a customer managed KMS key (\`encryptionConfiguration\`).`);
    }),
};
