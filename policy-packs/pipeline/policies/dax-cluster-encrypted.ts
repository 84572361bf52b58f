import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const daxClusterEncrypted = settingPolicy(
    {
        id: "dax-cluster-encrypted",
        description: "Checks whether DynamoDB Accelerator (DAX) clusters encrypt their data at rest.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps: "Set `serverSideEncryption: { enabled: true }` (a new cluster: encryption cannot be turned on later).",
        peerChecks: { full: ["AwsSolutions-DDB4", "CKV_AWS_47"] },
    },
    { [T.daxCluster]: mustBeTrue("serverSideEncryption.enabled") },
);
