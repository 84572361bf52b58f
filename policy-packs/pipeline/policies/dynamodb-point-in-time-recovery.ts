import { mustBeTrue, settingPolicy } from "../support/data-settings";
import { T } from "../support/types";

export const dynamodbPointInTimeRecovery = settingPolicy(
    {
        id: "dynamodb-point-in-time-recovery",
        description: "Checks whether DynamoDB tables and table replicas have point-in-time recovery on.",
        severity: "medium",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            "Set `pointInTimeRecovery: { enabled: true }` on the table (replicas: " +
            "`pointInTimeRecovery: true`) to restore any second of the last 35 days.",
        // A legacy global table (aws.dynamodb.GlobalTable) groups aws.dynamodb.Table resources, whose recovery is checked here.
        peerChecks: { full: ["AwsSolutions-DDB3", "CKV_AWS_28"], partial: ["CKV_AWS_165"] },
    },
    {
        [T.dynamoTable]: mustBeTrue("pointInTimeRecovery.enabled"),
        [T.dynamoTableReplica]: mustBeTrue("pointInTimeRecovery"),
    },
);
