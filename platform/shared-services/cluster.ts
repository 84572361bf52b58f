import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";

/** Container Insights levels: `enhanced` adds task- and container-level metrics. */
export type ContainerInsights = "enabled" | "enhanced";

/** Arguments of {@link SharedCluster}. */
export interface SharedClusterArgs {
    /** The cluster's name. */
    readonly clusterName: string;
    /** Container Insights level. @default "enhanced" */
    readonly containerInsights?: ContainerInsights;
    /** The logs key: encrypts the ECS Exec session log group. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Days ECS Exec session logs are kept. @default 365 */
    readonly execLogRetentionDays?: number;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/**
 * The shared ECS cluster: Container Insights on, Fargate capacity providers, and
 * ECS Exec sessions logged to a log group encrypted with the logs key (an
 * interactive shell into a PCI workload must leave an audit trail).
 */
export class SharedCluster extends pulumi.ComponentResource {
    readonly clusterArn: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;

    constructor(name: string, args: SharedClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:Cluster", name, {}, opts);
        const parent = { parent: this };
        const execLogs = new aws.cloudwatch.LogGroup(
            `${name}-exec`,
            {
                name: `/edf/ecs-exec/${args.clusterName}`,
                kmsKeyId: args.logsKmsKeyArn,
                retentionInDays: args.execLogRetentionDays ?? 365,
                tags: withGovernanceTags(args.tags, `${args.clusterName}-exec`),
            },
            parent,
        );
        const cluster = new aws.ecs.Cluster(
            name,
            {
                name: args.clusterName,
                settings: [{ name: "containerInsights", value: args.containerInsights ?? "enhanced" }],
                configuration: {
                    // No session `kmsKeyId`: the agent in each task would call KMS directly,
                    // which the purpose keys' policies (use only through AWS services) refuse.
                    // Sessions still run over TLS; their transcripts go to the encrypted group.
                    executeCommandConfiguration: {
                        logging: "OVERRIDE",
                        logConfiguration: { cloudWatchEncryptionEnabled: true, cloudWatchLogGroupName: execLogs.name },
                    },
                },
                tags: withGovernanceTags(args.tags, args.clusterName),
            },
            parent,
        );
        new aws.ecs.ClusterCapacityProviders(
            name,
            {
                clusterName: cluster.name,
                capacityProviders: ["FARGATE", "FARGATE_SPOT"],
                defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }],
            },
            parent,
        );
        this.clusterArn = cluster.arn;
        this.clusterName = cluster.name;
        this.registerOutputs({ clusterArn: this.clusterArn, clusterName: this.clusterName });
    }
}
