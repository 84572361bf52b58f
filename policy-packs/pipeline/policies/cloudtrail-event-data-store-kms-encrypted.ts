import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudtrailEventDataStoreKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudtrail-event-data-store-kms-encrypted",
    description: "Checks whether CloudTrail Lake event data stores encrypt events with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsKeyId` to the logs key (its policy must let CloudTrail use it for this event data store).",
    resourceTypes: [T.trailEventDataStore],
    peerChecks: { full: ["CKV_AWS_294"] },
    validateResource: forTypes([T.trailEventDataStore], (args, report) => {
        const key = args.props.kmsKeyId;
        if (!(typeof key === "string" && key.trim() !== ""))
            report(`Event data store \`${args.name}\` must be encrypted with a customer managed key (\`kmsKeyId\`).`);
    }),
};
