import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import type { PolicyStatement } from "../security/policy-document";
import {
    inspectionExecutionStatements,
    inspectionSchedulerStatements,
    inspectionTaskStatements,
    notificationTopicPolicy,
    serviceTrustPolicy,
} from "./runtime-inspection-policies";
import type { RuntimeInspectionSettings } from "./runtime-inspection-settings";

/** The container's name in the task definition, and its log stream prefix. */
export const INSPECTOR_CONTAINER = "inspector";
/** The user the inspector runs as: distroless `nonroot`, as inspector/Dockerfile sets it. */
export const INSPECTOR_USER = "65532:65532";

/** Arguments of {@link RuntimeInspection}. */
export interface RuntimeInspectionArgs {
    /** The environment inspected (`edf inspect --env <environment>`). */
    readonly environment: string;
    /** `<namePrefix>-<environment>`: names of the roles, task family, schedule and topic start with it. */
    readonly namePrefix: string;
    /** The validated `runtimeInspection` settings. */
    readonly settings: RuntimeInspectionSettings;
    /** The shared cluster the task runs in and inspects. */
    readonly clusterName: string;
    readonly clusterArn: pulumi.Input<string>;
    /** The landing-zone VPC and its private subnets (the task gets no public IP). */
    readonly vpcId: pulumi.Input<string>;
    readonly privateSubnetIds: pulumi.Input<string[]>;
    /** The permissions boundary every role here carries. */
    readonly permissionsBoundaryArn: pulumi.Input<string>;
    /** Encrypts the log group. */
    readonly logsKmsKeyArn: pulumi.Input<string>;
    /** Encrypts the notification topic; ECR repositories are encrypted with it too. */
    readonly dataKmsKeyArn: pulumi.Input<string>;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/**
 * `edf inspect` run by the landing zone itself, on a schedule: an EventBridge Scheduler schedule
 * starts a Fargate task in the private subnets of the shared cluster, with a task role that may read
 * exactly what inspection reads (the cluster's tasks, the account's images and their scans, Inspector
 * findings, the team backend's stack state), keep its own state beside it, import findings into
 * Security Hub and, when asked, notify a KMS-encrypted topic. Every role carries the permissions
 * boundary; the logs go to a group encrypted with the logs key.
 */
export class RuntimeInspection extends pulumi.ComponentResource {
    readonly taskDefinitionArn: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;
    readonly scheduleArn: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;
    /** The notification topic, when `notifications` is on. */
    readonly topicArn?: pulumi.Output<string>;

    constructor(name: string, args: RuntimeInspectionArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:shared:RuntimeInspection", name, {}, opts);
        const parent = { parent: this };
        const { settings, namePrefix } = args;
        const tags = (suffix: string) => withGovernanceTags(args.tags, `${namePrefix}-${suffix}`);
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;
        const region = aws.getRegionOutput({}, parent).region;
        const partition = aws.getPartitionOutput({}, parent).partition;
        const family = `${namePrefix}-runtime-inspection`;

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            {
                name: `/edf/${args.environment}/runtime-inspection`,
                kmsKeyId: args.logsKmsKeyArn,
                retentionInDays: settings.logRetentionDays,
                tags: tags("inspection-logs"),
            },
            parent,
        );

        const role = (suffix: string, service: string, description: string) =>
            new aws.iam.Role(
                `${name}-${suffix}`,
                {
                    name: `${namePrefix}-inspection-${suffix}`,
                    description,
                    assumeRolePolicy: accountId.apply((a) => JSON.stringify(serviceTrustPolicy(service, a))),
                    permissionsBoundary: args.permissionsBoundaryArn,
                    tags: tags(`inspection-${suffix}`),
                },
                parent,
            );
        const grant = (target: aws.iam.Role, policyName: string, statements: pulumi.Output<PolicyStatement[]>) =>
            new aws.iam.RolePolicy(
                `${name}-${policyName}`,
                {
                    role: target.id,
                    name: policyName,
                    policy: statements.apply((s) => JSON.stringify({ Version: "2012-10-17", Statement: s })),
                },
                { parent: target },
            );

        const taskRole = role("task", "ecs-tasks.amazonaws.com", "The scheduled edf inspect: reads what runs, publishes findings");
        const executionRole = role("execution", "ecs-tasks.amazonaws.com", "Starts the scheduled inspection's task: image pull, logs");
        const schedulerRole = role("scheduler", "scheduler.amazonaws.com", "EventBridge Scheduler starts the scheduled inspection with it");

        let topic: aws.sns.Topic | undefined;
        if (settings.notifications) {
            const topicName = `${namePrefix}-inspection-findings`;
            topic = new aws.sns.Topic(
                name,
                { name: topicName, kmsMasterKeyId: args.dataKmsKeyArn, tags: tags("inspection-findings") },
                parent,
            );
            new aws.sns.TopicPolicy(
                name,
                {
                    arn: topic.arn,
                    policy: pulumi
                        .all([topic.arn, taskRole.arn])
                        .apply(([topicArn, publisherRoleArn]) => JSON.stringify(notificationTopicPolicy({ topicArn, publisherRoleArn }))),
                },
                { parent: topic },
            );
        }

        grant(
            taskRole,
            "inspect",
            pulumi
                .all([partition, region, accountId, args.clusterArn, args.dataKmsKeyArn, topic?.arn])
                .apply(([p, r, a, clusterArn, dataKmsKeyArn, topicArn]) =>
                    inspectionTaskStatements({
                        partition: p,
                        region: r,
                        accountId: a,
                        clusterName: args.clusterName,
                        clusterArn,
                        dataKmsKeyArn,
                        state: {
                            bucket: settings.stateBucket,
                            backendPrefix: settings.backendPrefix,
                            inspectionPrefix: settings.statePrefix,
                            kmsKeyArn: settings.stateKmsKeyArn,
                        },
                        securityHub: settings.publishTo.includes("securityhub"),
                        topicArn,
                    }),
                ),
        );
        grant(
            executionRole,
            "start-task",
            pulumi.all([partition, region, accountId, logGroup.arn]).apply(([p, r, a, logGroupArn]) =>
                inspectionExecutionStatements({
                    repositoryArn: `arn:${p}:ecr:${r}:${a}:repository/${settings.imageRepository}`,
                    logGroupArn,
                }),
            ),
        );

        const security = new aws.ec2.SecurityGroup(
            `${name}-task`,
            {
                name: `${namePrefix}-runtime-inspection`,
                description: "The scheduled inspection: no inbound, HTTPS out to AWS APIs and registries",
                vpcId: args.vpcId,
                egress: [
                    {
                        description: "HTTPS to AWS APIs (ECS, ECR, Inspector, Security Hub, S3) and image registries",
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: ["0.0.0.0/0"],
                    },
                ],
                tags: tags("runtime-inspection"),
            },
            parent,
        );

        const taskDefinition = new aws.ecs.TaskDefinition(
            `${name}-task`,
            {
                family,
                cpu: String(settings.cpu),
                memory: String(settings.memory),
                networkMode: "awsvpc",
                requiresCompatibilities: ["FARGATE"],
                runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
                executionRoleArn: executionRole.arn,
                taskRoleArn: taskRole.arn,
                volumes: [{ name: "scratch" }],
                containerDefinitions: pulumi
                    .all([logGroup.name, region, topic?.arn])
                    .apply(([logGroupName, r, topicArn]) =>
                        JSON.stringify([
                            inspectorContainer({ environment: args.environment, settings, logGroupName, region: r, topicArn }),
                        ]),
                    ),
                tags: tags("runtime-inspection"),
            },
            parent,
        );

        grant(
            schedulerRole,
            "run-inspection",
            pulumi
                .all([partition, region, accountId, args.clusterArn, taskRole.arn, executionRole.arn])
                .apply(([p, r, a, clusterArn, taskRoleArn, executionRoleArn]) =>
                    inspectionSchedulerStatements({
                        partition: p,
                        region: r,
                        accountId: a,
                        taskFamily: family,
                        clusterArn,
                        passedRoleArns: [taskRoleArn, executionRoleArn],
                    }),
                ),
        );

        const schedule = new aws.scheduler.Schedule(
            name,
            {
                name: family,
                description: `edf inspect --env ${args.environment}, in the landing zone`,
                scheduleExpression: settings.schedule,
                scheduleExpressionTimezone: settings.scheduleTimezone,
                flexibleTimeWindow: { mode: "FLEXIBLE", maximumWindowInMinutes: 15 },
                target: {
                    arn: args.clusterArn,
                    roleArn: schedulerRole.arn,
                    // A missed run is not retried: the next one inspects from scratch and converges.
                    retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 3600 },
                    ecsParameters: {
                        taskDefinitionArn: taskDefinition.arn,
                        launchType: "FARGATE",
                        platformVersion: "LATEST",
                        taskCount: 1,
                        enableEcsManagedTags: true,
                        networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [security.id], assignPublicIp: false },
                    },
                },
            },
            parent,
        );

        this.taskDefinitionArn = taskDefinition.arn;
        this.taskRoleArn = taskRole.arn;
        this.scheduleArn = schedule.arn;
        this.logGroupName = logGroup.name;
        this.topicArn = topic?.arn;
        this.registerOutputs({
            taskDefinitionArn: this.taskDefinitionArn,
            taskRoleArn: this.taskRoleArn,
            scheduleArn: this.scheduleArn,
            logGroupName: this.logGroupName,
            topicArn: this.topicArn,
        });
    }
}

/** The inspector's container: read-only root, non-root, no capabilities, `/tmp` the only writable place. Pure. */
export function inspectorContainer(input: {
    readonly environment: string;
    readonly settings: RuntimeInspectionSettings;
    readonly logGroupName: string;
    readonly region: string;
    readonly topicArn?: string;
}): Record<string, unknown> {
    const { settings } = input;
    const environment: Record<string, string> = {
        AWS_REGION: input.region,
        EDF_INSPECTION_STATE: `s3://${settings.stateBucket}/${settings.statePrefix}`,
        ...(input.topicArn ? { EDF_INSPECTION_TOPIC_ARN: input.topicArn } : {}),
    };
    return {
        name: INSPECTOR_CONTAINER,
        image: settings.image,
        essential: true,
        user: INSPECTOR_USER,
        privileged: false,
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ["ALL"] } },
        command: ["inspect", "--env", input.environment, ...settings.publishTo.flatMap((target) => ["--publish", target])],
        environment: Object.keys(environment)
            .sort()
            .map((variable) => ({ name: variable, value: environment[variable] })),
        mountPoints: [{ sourceVolume: "scratch", containerPath: "/tmp", readOnly: false }],
        logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": input.logGroupName, "awslogs-region": input.region, "awslogs-stream-prefix": INSPECTOR_CONTAINER },
        },
    };
}
