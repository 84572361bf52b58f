import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const cloudwatchLogGroupKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudwatch-log-group-kms-encrypted",
    description: "Checks whether CloudWatch log groups are encrypted with a KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `kmsKeyId` to the logs KMS key (its key policy must allow the CloudWatch Logs service).",
    peerChecks: { full: ["CKV_AWS_158", "PCI.DSS.321-CloudWatchLogGroupEncrypted"] },
    resourceTypes: [T.logGroup],
    validateResource: forTypes([T.logGroup], (args, report) => {
        const key = args.props.kmsKeyId;
        if (!(typeof key === "string" && key.length > 0))
            report(`Log group \`${args.name}\` must be encrypted with a KMS key (\`kmsKeyId\`).`);
    }),
};
