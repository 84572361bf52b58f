import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const emrClusterLoggingEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "emr-cluster-logging-enabled",
    description: "Checks whether EMR clusters archive their logs to S3.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `logUri` to an `s3://` location in a log bucket (and `logEncryptionKmsKeyId` to encrypt the archived logs).",
    resourceTypes: [T.emrCluster],
    peerChecks: { full: ["AwsSolutions-EMR2"] },
    validateResource: forTypes([T.emrCluster], (args, report) => {
        const uri = args.props.logUri;
        if (typeof uri !== "string" || uri === "") report(`EMR cluster \`${args.name}\` must archive its logs to S3 (\`logUri\`).`);
    }),
};
