import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudtrailMultiRegionValidatedEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudtrail-multi-region-validated-encrypted",
    description: "Checks whether CloudTrail trails are multi-region, validate log files and encrypt with KMS.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Set `isMultiRegionTrail: true`, `enableLogFileValidation: true` and `kmsKeyId` on the trail.",
    peerChecks: {
        full: [
            "CKV_AWS_35",
            "CKV_AWS_36",
            "CKV_AWS_67",
            "PCI.DSS.321-CloudTrailEncryptionEnabled",
            "PCI.DSS.321-CloudTrailLogFileValidationEnabled",
        ],
    },
    resourceTypes: [T.trail],
    validateResource: forTypes([T.trail], (args, report) => {
        const p = args.props;
        const missing = [
            p.isMultiRegionTrail === true ? undefined : "`isMultiRegionTrail: true`",
            p.enableLogFileValidation === true ? undefined : "`enableLogFileValidation: true`",
            typeof p.kmsKeyId === "string" && p.kmsKeyId.length > 0 ? undefined : "`kmsKeyId`",
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0) report(`CloudTrail trail \`${args.name}\` must set ${missing.join(", ")}.`);
    }),
};
