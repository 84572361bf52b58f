import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { T } from "../support/types";

interface ExecConfig {
    logging?: string;
    logConfiguration?: {
        cloudWatchLogGroupName?: string;
        cloudWatchEncryptionEnabled?: boolean;
        s3BucketName?: string;
        s3BucketEncryptionEnabled?: boolean;
    };
}

/**
 * ECS Exec opens an interactive shell in a running task: the session must leave an audit trail.
 * `NONE` leaves none; `OVERRIDE` sends it where the cluster says, which must be encrypted;
 * `DEFAULT` (the default) follows the task's own log configuration, which the container logging
 * policy already requires.
 */
export const ecsClusterExecLoggingEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-cluster-exec-logging-encrypted",
    description: "Checks whether ECS clusters log ECS Exec sessions, to an encrypted destination when the cluster chooses it.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `configuration.executeCommandConfiguration` to `logging: " +
        '"OVERRIDE"` with `logConfiguration: { cloudWatchLogGroupName, ' +
        "cloudWatchEncryptionEnabled: true }` (or an S3 bucket with " +
        '`s3BucketEncryptionEnabled: true`); never `logging: "NONE"`.',
    peerChecks: { full: ["CKV_AWS_223"], partial: ["CKV_AWS_224"] },
    resourceTypes: [T.ecsCluster],
    validateResource: forTypes([T.ecsCluster], (args, report) => {
        const exec = (args.props.configuration as { executeCommandConfiguration?: ExecConfig } | undefined)?.executeCommandConfiguration;
        const logging = exec?.logging ?? "DEFAULT";
        if (logging === "NONE") {
            report(`ECS cluster \`${args.name}\` must log ECS Exec sessions (\`executeCommandConfiguration.logging\` is NONE).`);
            return;
        }
        if (logging !== "OVERRIDE") return;
        const logs = exec?.logConfiguration;
        // Destinations are often other resources' outputs: that one is named is enough.
        const toLogs = logs !== undefined && isSet(logs, "cloudWatchLogGroupName");
        const toS3 = logs !== undefined && isSet(logs, "s3BucketName");
        if (!toLogs && !toS3) report(`ECS cluster \`${args.name}\` overrides ECS Exec logging and must name a log group or bucket.`);
        if (toLogs && logs?.cloudWatchEncryptionEnabled !== true)
            report(`ECS cluster \`${args.name}\` must encrypt its ECS Exec session log group (\`cloudWatchEncryptionEnabled: true\`).`);
        if (toS3 && logs?.s3BucketEncryptionEnabled !== true)
            report(`ECS cluster \`${args.name}\` must encrypt its ECS Exec session bucket (\`s3BucketEncryptionEnabled: true\`).`);
    }),
};
