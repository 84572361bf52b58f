import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { sessionInputs } from "../support/ssm";
import { T } from "../support/types";

export const ssmSessionManagerKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ssm-session-manager-kms-encrypted",
    description: "Checks whether Session Manager preferences encrypt session data with a KMS key, on top of TLS.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `inputs.kmsKeyId` in the `Session` document's content (the instance and user roles need `kms:Decrypt` on that key).",
    resourceTypes: [T.ssmDocument],
    peerChecks: { full: ["CKV_AWS_112"] },
    validateResource: forTypes([T.ssmDocument], (args, report) => {
        const inputs = sessionInputs(args.props);
        if (inputs === undefined) args.notApplicable("Only Session Manager preference documents (`documentType: Session`) are checked.");
        const key = inputs?.kmsKeyId;
        if (!(typeof key === "string" && key.trim() !== ""))
            report(`Session Manager document \`${args.name}\` must encrypt sessions with a KMS key (\`inputs.kmsKeyId\`).`);
    }),
};
