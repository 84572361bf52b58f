import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isCustomerManagedKey } from "../support/encryption-keys";
import { T } from "../support/types";

const TYPES = [T.eventBus, T.schedulerSchedule];

export const eventbridgeCustomerManagedKey: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eventbridge-customer-managed-key",
    description:
        "Checks whether EventBridge custom event buses and Scheduler schedules encrypt events and targets with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyIdentifier` (event bus) or `kmsKeyArn` (schedule) to the " +
        "service's data key; its key policy must allow `events.amazonaws.com` " +
        "/ " +
        "`scheduler.amazonaws.com`.",
    peerChecks: { full: ["CKV_AWS_297"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const key = args.type === T.eventBus ? args.props.kmsKeyIdentifier : args.props.kmsKeyArn;
        if (!isCustomerManagedKey(key)) {
            const [what, prop] = args.type === T.eventBus ? ["Event bus", "kmsKeyIdentifier"] : ["Schedule", "kmsKeyArn"];
            report(`${what} \`${args.name}\` must be encrypted with a customer managed KMS key (\`${prop}\`).`);
        }
    }),
};
