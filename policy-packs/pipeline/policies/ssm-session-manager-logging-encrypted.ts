import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { sessionInputs } from "../support/ssm";
import { T } from "../support/types";

const set = (v: unknown) => typeof v === "string" && v.trim() !== "";
const on = (v: unknown) => v === true || v === "true";

export const ssmSessionManagerLoggingEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ssm-session-manager-logging-encrypted",
    description: "Checks whether Session Manager preferences log every session to S3 or CloudWatch Logs, encrypted.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "In the `Session` document's `inputs`, set `cloudWatchLogGroupName` with `cloudWatchEncryptionEnabled: true`, " +
        "or `s3BucketName` with `s3EncryptionEnabled: true`.",
    resourceTypes: [T.ssmDocument],
    peerChecks: { full: ["CKV_AWS_113"] },
    validateResource: forTypes([T.ssmDocument], (args, report) => {
        const i = sessionInputs(args.props);
        if (i === undefined) args.notApplicable("Only Session Manager preference documents (`documentType: Session`) are checked.");
        const logged =
            (set(i?.s3BucketName) && on(i?.s3EncryptionEnabled)) || (set(i?.cloudWatchLogGroupName) && on(i?.cloudWatchEncryptionEnabled));
        if (!logged)
            report(
                `Session Manager document \`${args.name}\` must log sessions encrypted ` +
                    "(`cloudWatchLogGroupName` with `cloudWatchEncryptionEnabled`, or `s3BucketName` with `s3EncryptionEnabled`).",
            );
    }),
};
