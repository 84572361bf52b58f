import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minRetentionDays: number;
}

export const rdsBackupsEnabled: ResourcePolicyDefinition = {
    kind: "resource",
    id: "rds-backups-enabled",
    description: "Checks whether RDS instances and clusters keep automated backups for at least the minimum retention.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `backupRetentionPeriod` to at least the configured minimum (7 days by default).",
    configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } } },
    peerChecks: {
        full: ["aws-rds-cluster-configure-backup-retention", "aws-rds-cluster-enable-backup-retention"],
        // Partial: read replicas are not judged (they restore from their source's backups); the peers judge them too.
        partial: [
            "AwsSolutions-RDS13",
            "CKV_AWS_133",
            "aws-rds-instance-configure-backup-retention",
            "aws-rds-instance-enable-backup-retention",
        ],
    },
    resourceTypes: [T.rdsInstance, T.rdsCluster],
    validateResource: forTypes([T.rdsInstance, T.rdsCluster], (args, report) => {
        if (args.type === T.rdsInstance && typeof args.props.replicateSourceDb === "string")
            args.notApplicable("Read replicas take no automated backups of their own.");
        const { minRetentionDays } = args.getConfig<Config>();
        // Unset means the provider default: 1 day for clusters, 0 (off) for instances created by the API.
        const days = Number(args.props.backupRetentionPeriod ?? (args.type === T.rdsCluster ? 1 : 0));
        if (days < minRetentionDays)
            report(
                `RDS database \`${args.name}\` must keep backups for at least ` +
                    `${minRetentionDays} days (\`backupRetentionPeriod\` is ${days}).`,
            );
    }),
};
