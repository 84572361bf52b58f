import * as assert from "assert";
import { sagemakerDomainVpcOnly } from "../../../../../../policy-packs/pipeline/policies/sagemaker-domain-vpc-only";
import { sagemakerModelNetworkIsolation } from "../../../../../../policy-packs/pipeline/policies/sagemaker-model-network-isolation";
import { sagemakerMonitoringJobTrafficEncrypted } from "../../../../../../policy-packs/pipeline/policies/sagemaker-monitoring-job-traffic-encrypted";
import { sagemakerNotebookImdsv2Required } from "../../../../../../policy-packs/pipeline/policies/sagemaker-notebook-imdsv2-required";
import { sagemakerNotebookNetworkIsolated } from "../../../../../../policy-packs/pipeline/policies/sagemaker-notebook-network-isolated";
import { sagemakerNotebookRoleLeastPrivilege } from "../../../../../../policy-packs/pipeline/policies/sagemaker-notebook-role-least-privilege";
import { sagemakerNotebookRootAccessDisabled } from "../../../../../../policy-packs/pipeline/policies/sagemaker-notebook-root-access-disabled";
import { sagemakerResourcesKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/sagemaker-resources-kms-encrypted";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { patched, plus, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/ml";
const trust = JSON.stringify({
    Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const readData = JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::edf-ml/*" }] });

/**
 * The happy path: a notebook with its own role, a VPC-only domain, an endpoint configuration, a model, a monitoring job and a flow
 * definition.
 */
function mlStack(): ResourceRecord[] {
    const role = res(T.iamRole, "notebook-role", { assumeRolePolicy: trust, inlinePolicies: [{ name: "data", policy: readData }] });
    return [
        provider(),
        role,
        res(T.iamRolePolicy, "notebook-extra", { role: "notebook-role", policy: readData }, { role }),
        res(
            T.sagemakerNotebook,
            "research",
            {
                instanceType: "ml.t3.medium",
                roleArn: "arn:aws:iam::111111111111:role/notebook-role",
                subnetId: "subnet-private-a",
                securityGroups: ["sg-notebook"],
                directInternetAccess: "Disabled",
                rootAccess: "Disabled",
                kmsKeyId: KEY,
                instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" },
            },
            { roleArn: role },
        ),
        res(T.sagemakerDomain, "studio", {
            domainName: "studio",
            authMode: "IAM",
            vpcId: "vpc-1",
            subnetIds: ["subnet-private-a"],
            appNetworkAccessType: "VpcOnly",
            kmsKeyId: KEY,
            defaultUserSettings: { executionRole: "arn:role", securityGroups: ["sg-studio"] },
        }),
        res(T.sagemakerEndpointConfig, "inference", {
            kmsKeyArn: KEY,
            productionVariants: [{ variantName: "main", modelName: "m", initialInstanceCount: 1, instanceType: "ml.m5.large" }],
        }),
        res(T.sagemakerModel, "model", { executionRoleArn: "arn:role", enableNetworkIsolation: true, primaryContainer: { image: "img" } }),
        res(T.sagemakerDataQualityJob, "quality", {
            roleArn: "arn:role",
            dataQualityJobOutputConfig: { kmsKeyId: KEY, monitoringOutputs: { s3Output: { s3Uri: "s3://edf-ml/quality" } } },
            jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20, volumeKmsKeyId: KEY } },
            networkConfig: { enableInterContainerTrafficEncryption: true, enableNetworkIsolation: true },
        }),
        res(T.sagemakerFlowDefinition, "review", {
            flowDefinitionName: "review",
            roleArn: "arn:role",
            outputConfig: { s3OutputPath: "s3://edf-ml/review", kmsKeyId: KEY },
        }),
    ];
}

const notebook = (change: Record<string, unknown>) => patched(mlStack, T.sagemakerNotebook, "research", change);
const noMl = () => [provider(), res(T.bucket, "b", { bucket: "b" })];

describe("storage area: SageMaker", () => {
    describePolicy(sagemakerNotebookNetworkIsolated, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a notebook outside a VPC",
                resources: notebook({ subnetId: undefined, securityGroups: undefined }),
                expect: /SageMaker notebook `research` must run in a VPC subnet/,
            },
            {
                name: "a notebook with direct internet access (the default)",
                resources: notebook({ directInternetAccess: undefined }),
                expect: /`research` must disable SageMaker's direct internet access/,
            },
        ],
        notApplicable: [{ name: "resources other than notebooks", resources: noMl }],
        unknown: [{ name: "the subnet is another resource's output", resources: notebook({ subnetId: UNKNOWN }) }],
    });

    describePolicy(sagemakerResourcesKmsEncrypted, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a notebook without a key",
                resources: notebook({ kmsKeyId: undefined }),
                expect: /SageMaker resource `research` must encrypt its storage with a customer managed KMS key: `kmsKeyId` is not set/,
            },
            {
                name: "an endpoint configuration without a key",
                resources: patched(mlStack, T.sagemakerEndpointConfig, "inference", { kmsKeyArn: undefined }),
                expect: /`inference` .*`kmsKeyArn` is not set/,
            },
            {
                name: "a monitoring job whose volumes have no key",
                resources: patched(mlStack, T.sagemakerDataQualityJob, "quality", {
                    jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20 } },
                }),
                expect: /`quality` .*`jobResources.clusterConfig.volumeKmsKeyId` is not set/,
            },
            {
                name: "a domain on an AWS managed key",
                resources: patched(mlStack, T.sagemakerDomain, "studio", { kmsKeyId: "alias/aws/sagemaker" }),
                expect: /`studio` .*AWS managed key/,
            },
            {
                name: "a flow definition without a key",
                resources: patched(mlStack, T.sagemakerFlowDefinition, "review", { outputConfig: { s3OutputPath: "s3://x" } }),
                expect: /`review` .*`outputConfig.kmsKeyId` is not set/,
            },
        ],
        notApplicable: [{ name: "resources other than SageMaker storage", resources: noMl }],
        unknown: [{ name: "the key is another resource's output", resources: notebook({ kmsKeyId: UNKNOWN }) }],
    });

    describePolicy(sagemakerNotebookRootAccessDisabled, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a notebook with root access (the default)",
                resources: notebook({ rootAccess: undefined }),
                expect: /`research` must deny its users root access/,
            },
        ],
        notApplicable: [{ name: "resources other than notebooks", resources: noMl }],
        unknown: [{ name: "the setting is another resource's output", resources: notebook({ rootAccess: UNKNOWN }) }],
    });

    describePolicy(sagemakerNotebookImdsv2Required, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a notebook accepting IMDSv1",
                resources: notebook({ instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "1" } }),
                expect: /`research` must accept only IMDSv2/,
            },
            {
                name: "a notebook with the default metadata service",
                resources: notebook({ instanceMetadataServiceConfiguration: undefined }),
                expect: /must accept only IMDSv2/,
            },
        ],
        notApplicable: [{ name: "resources other than notebooks", resources: noMl }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: notebook({ instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: UNKNOWN } }),
            },
        ],
    });

    describePolicy(sagemakerModelNetworkIsolation, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a model with network access",
                resources: patched(mlStack, T.sagemakerModel, "model", { enableNetworkIsolation: false }),
                expect: /SageMaker model `model` should run its containers with network isolation/,
            },
        ],
        notApplicable: [{ name: "resources other than models", resources: noMl }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: patched(mlStack, T.sagemakerModel, "model", { enableNetworkIsolation: UNKNOWN }),
            },
        ],
    });

    describePolicy(sagemakerMonitoringJobTrafficEncrypted, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a monitoring job with plain inter-container traffic",
                resources: patched(mlStack, T.sagemakerDataQualityJob, "quality", { networkConfig: undefined }),
                expect: /SageMaker monitoring job `quality` must encrypt traffic between its instances/,
            },
        ],
        notApplicable: [{ name: "resources other than monitoring jobs", resources: noMl }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: patched(mlStack, T.sagemakerDataQualityJob, "quality", {
                    networkConfig: { enableInterContainerTrafficEncryption: UNKNOWN },
                }),
            },
        ],
    });

    describePolicy(sagemakerDomainVpcOnly, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a domain on SageMaker's internet (the default)",
                resources: patched(mlStack, T.sagemakerDomain, "studio", { appNetworkAccessType: undefined }),
                expect: /SageMaker domain `studio` must send Studio traffic through its VPC only/,
            },
        ],
        notApplicable: [{ name: "resources other than domains", resources: noMl }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: patched(mlStack, T.sagemakerDomain, "studio", { appNetworkAccessType: UNKNOWN }),
            },
        ],
    });

    describePolicy(sagemakerNotebookRoleLeastPrivilege, {
        compliant: mlStack,
        nonCompliant: [
            {
                name: "a role with an inline `*` policy",
                resources: patched(mlStack, T.iamRole, "notebook-role", {
                    inlinePolicies: [
                        {
                            name: "all",
                            policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::edf-ml" }] }),
                        },
                    ],
                }),
                expect: /The role `notebook-role` of SageMaker notebook `research` must be least-privilege: it allows every action/,
            },
            {
                name: "a role with AdministratorAccess attached",
                resources: () => {
                    const stack = mlStack();
                    const role = stack.find((r) => r.type === T.iamRole)!;
                    return [
                        ...stack,
                        res(
                            T.iamRolePolicyAttachment,
                            "admin",
                            { role: "notebook-role", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                            { role },
                        ),
                    ];
                },
                expect: /must be least-privilege: it has the managed policy `arn:aws:iam::aws:policy\/AdministratorAccess`/,
            },
            {
                name: "a role policy allowing everything but IAM",
                resources: patched(mlStack, T.iamRolePolicy, "notebook-extra", {
                    policy: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }] }),
                }),
                expect: /it allows every action/,
            },
        ],
        notApplicable: [{ name: "stacks without notebooks", resources: noMl }],
        unknown: [
            {
                name: "the role's policy is another resource's output",
                resources: patched(mlStack, T.iamRolePolicy, "notebook-extra", { policy: UNKNOWN }),
            },
        ],
    });
    it("does not judge a notebook whose role lives in another stack", async () => {
        const stack = plus(
            noMl,
            res(T.sagemakerNotebook, "other", { roleArn: "arn:aws:iam::111111111111:role/shared", instanceType: "ml.t3.medium" }),
        )();
        assert.deepStrictEqual((await runOne(sagemakerNotebookRoleLeastPrivilege, stack)).diagnostics, []);
    });
});
