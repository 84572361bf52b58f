import { ecrRepositoryKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/ecr-repository-kms-encrypted";
import { ecrRepositoryNotPublic } from "../../../../../../policy-packs/pipeline/policies/ecr-repository-not-public";
import { ecsClusterContainerInsights } from "../../../../../../policy-packs/pipeline/policies/ecs-cluster-container-insights";
import { ecsClusterExecLoggingEncrypted } from "../../../../../../policy-packs/pipeline/policies/ecs-cluster-exec-logging-encrypted";
import { ecsServiceFargatePlatformLatest } from "../../../../../../policy-packs/pipeline/policies/ecs-service-fargate-platform-latest";
import { ecsTaskEfsTransitEncryption } from "../../../../../../policy-packs/pipeline/policies/ecs-task-efs-transit-encryption";
import { ecsTaskNoHostNamespaces } from "../../../../../../policy-packs/pipeline/policies/ecs-task-no-host-namespaces";
import { compliantContainers } from "../../../../../fixtures/policy/estate";
import { describePolicy } from "../../../support/policy-cases";
import { rec, UNKNOWN } from "./records";

const CLUSTER = "aws:ecs/cluster:Cluster";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";
const REPO = "aws:ecr/repository:Repository";

/** The landing zone's shared cluster, as platform/shared-services declares it. */
const cluster = (props: Record<string, unknown> = {}) =>
    rec(CLUSTER, "shared", {
        name: "edf-prod",
        settings: [{ name: "containerInsights", value: "enhanced" }],
        configuration: {
            executeCommandConfiguration: {
                logging: "OVERRIDE",
                logConfiguration: { cloudWatchEncryptionEnabled: true, cloudWatchLogGroupName: "/edf/ecs-exec/edf-prod" },
            },
        },
        ...props,
    });
const task = (props: Record<string, unknown> = {}) =>
    rec(TASK, "app", {
        family: "payments",
        networkMode: "awsvpc",
        containerDefinitions: JSON.stringify(compliantContainers()),
        volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "ENABLED" } }],
        ...props,
    });
const service = (props: Record<string, unknown> = {}) =>
    rec(SERVICE, "app", { launchType: "FARGATE", platformVersion: "LATEST", ...props });
const repo = (props: Record<string, unknown> = {}) =>
    rec(REPO, "payments", {
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:eu-west-1:111111111111:key/data" }],
        ...props,
    });
const policy = (statement: Record<string, unknown>, type = "aws:ecr/repositoryPolicy:RepositoryPolicy") =>
    rec(type, "payments-policy", { repository: "payments", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });

describe("infra: ECS and ECR", () => {
    describePolicy(ecsClusterContainerInsights, {
        compliant: () => [cluster()],
        nonCompliant: [
            {
                name: "a cluster without Container Insights",
                resources: () => [cluster({ settings: undefined })],
                expect: /ECS cluster `shared` must enable Container Insights/,
            },
            {
                name: "Container Insights disabled",
                resources: () => [cluster({ settings: [{ name: "containerInsights", value: "disabled" }] })],
                expect: /must enable Container Insights/,
            },
        ],
        notApplicable: [{ name: "services", resources: () => [service()] }],
        unknown: [{ name: "the settings are unknown", resources: () => [cluster({ settings: UNKNOWN })] }],
    });

    describePolicy(ecsClusterExecLoggingEncrypted, {
        // The log group is usually another resource's output: that it is named is enough.
        compliant: () => [
            cluster({
                configuration: {
                    executeCommandConfiguration: {
                        logging: "OVERRIDE",
                        logConfiguration: { cloudWatchEncryptionEnabled: true, cloudWatchLogGroupName: UNKNOWN },
                    },
                },
            }),
        ],
        nonCompliant: [
            {
                name: "ECS Exec sessions not logged",
                resources: () => [cluster({ configuration: { executeCommandConfiguration: { logging: "NONE" } } })],
                expect: /ECS cluster `shared` must log ECS Exec sessions/,
            },
            {
                name: "sessions logged to an unencrypted group",
                resources: () => [
                    cluster({
                        configuration: {
                            executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/exec" } },
                        },
                    }),
                ],
                expect: /must encrypt its ECS Exec session log group/,
            },
            {
                name: "an override naming no destination",
                resources: () => [cluster({ configuration: { executeCommandConfiguration: { logging: "OVERRIDE" } } })],
                expect: /must name a log group or bucket/,
            },
        ],
        notApplicable: [{ name: "task definitions", resources: () => [task()] }],
        unknown: [{ name: "the exec configuration is unknown", resources: () => [cluster({ configuration: UNKNOWN })] }],
    });

    describePolicy(ecsTaskEfsTransitEncryption, {
        compliant: () => [task()],
        nonCompliant: [
            {
                name: "an EFS volume mounted in clear text",
                resources: () => [task({ volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1" } }] })],
                expect: /EFS volume `shared` of task definition `app` must be mounted with encryption in transit/,
            },
        ],
        notApplicable: [{ name: "clusters", resources: () => [cluster()] }],
        unknown: [{ name: "the volumes are unknown", resources: () => [task({ volumes: UNKNOWN })] }],
    });

    describePolicy(ecsTaskNoHostNamespaces, {
        compliant: () => [task()],
        nonCompliant: [
            {
                name: "host networking",
                resources: () => [task({ networkMode: "host" })],
                expect: /Task definition `app` must not share the host's namespace \(`networkMode: "host"`\)/,
            },
            { name: "the host's process namespace", resources: () => [task({ pidMode: "host" })], expect: /`pidMode: "host"`/ },
            {
                name: "a container asking for the host's process namespace",
                resources: () => [task({ containerDefinitions: JSON.stringify([{ ...compliantContainers()[0], pidMode: "host" }]) })],
                expect: /Container `app` of task definition `app` must not share the host's process namespace/,
            },
        ],
        notApplicable: [{ name: "services", resources: () => [service()] }],
        unknown: [{ name: "the network mode is unknown", resources: () => [task({ networkMode: UNKNOWN })] }],
    });

    describePolicy(ecsServiceFargatePlatformLatest, {
        compliant: () => [service()],
        nonCompliant: [
            {
                name: "a service pinned to an old platform",
                resources: () => [service({ platformVersion: "1.3.0" })],
                expect: /Fargate service `app` must run on platform version LATEST, not `1\.3\.0`/,
            },
            {
                name: "a capacity-provider service pinned to a version",
                resources: () => [
                    service({
                        launchType: undefined,
                        capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
                        platformVersion: "1.4.0",
                    }),
                ],
                expect: /not `1\.4\.0`/,
            },
        ],
        notApplicable: [{ name: "EC2 services", resources: () => [service({ launchType: "EC2", platformVersion: undefined })] }],
        unknown: [{ name: "the platform version is unknown", resources: () => [service({ platformVersion: UNKNOWN })] }],
    });

    describePolicy(ecrRepositoryKmsEncrypted, {
        // A key that is another resource's output (unknown at preview) is still named: that is enough.
        compliant: () => [repo({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN }] })],
        nonCompliant: [
            {
                name: "a repository on AES256 (the default)",
                resources: () => [repo({ encryptionConfigurations: undefined })],
                expect: /ECR repository `payments` must encrypt with KMS/,
            },
            {
                name: "KMS under the AWS managed key",
                resources: () => [repo({ encryptionConfigurations: [{ encryptionType: "KMS" }] })],
                expect: /must encrypt with a customer-managed KMS key/,
            },
        ],
        notApplicable: [
            {
                name: "repository policies",
                resources: () => [
                    policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "ecr:BatchGetImage" }),
                ],
            },
        ],
        unknown: [
            {
                name: "the encryption type is unknown",
                resources: () => [repo({ encryptionConfigurations: [{ encryptionType: UNKNOWN }] })],
            },
        ],
    });

    describePolicy(ecrRepositoryNotPublic, {
        compliant: () => [
            policy({
                Sid: "Dr",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::222222222222:root" },
                Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            }),
            policy(
                {
                    Sid: "Org",
                    Effect: "Allow",
                    Principal: "*",
                    Action: "ecr:BatchGetImage",
                    Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
                },
                "aws:ecr/registryPolicy:RegistryPolicy",
            ),
        ],
        nonCompliant: [
            {
                name: "pull open to anyone",
                resources: () => [policy({ Sid: "Public", Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" })],
                expect: /Repository policy `payments-policy` must not grant ecr:BatchGetImage to anyone \(statement Public\)/,
            },
            {
                name: "a wildcard principal whose condition only excludes",
                resources: () => [
                    policy({
                        Effect: "Allow",
                        Principal: { AWS: "*" },
                        Action: "ecr:*",
                        Condition: { StringNotEquals: { "aws:PrincipalAccount": "333333333333" } },
                    }),
                ],
                expect: /must not grant ecr:\* to anyone \(statement #0\)/,
            },
            {
                name: "a registry policy open to any account",
                resources: () => [
                    policy(
                        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: "ecr:ReplicateImage" },
                        "aws:ecr/registryPolicy:RegistryPolicy",
                    ),
                ],
                expect: /Registry policy `payments-policy` must not grant ecr:ReplicateImage to anyone/,
            },
        ],
        notApplicable: [{ name: "repositories", resources: () => [repo()] }],
        unknown: [
            {
                name: "the policy is rendered from outputs",
                resources: () => [rec("aws:ecr/repositoryPolicy:RepositoryPolicy", "p", { repository: "payments", policy: UNKNOWN })],
            },
        ],
    });
});
