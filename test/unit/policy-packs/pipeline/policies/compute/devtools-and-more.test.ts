import { codebuildProjectEncrypted } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-encrypted";
import { codebuildProjectLogging } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-logging";
import { codebuildProjectManagedImage } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-managed-image";
import { codebuildProjectNoPlaintextCredentials } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-no-plaintext-credentials";
import { codebuildProjectNotPrivileged } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-not-privileged";
import { codebuildProjectSourceAuth } from "../../../../../../policy-packs/pipeline/policies/codebuild-project-source-auth";
import { codecommitRepositoryApprovalRule } from "../../../../../../policy-packs/pipeline/policies/codecommit-repository-approval-rule";
import { connectInstanceStorageCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/connect-instance-storage-customer-managed-key";
import { devtoolsCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/devtools-customer-managed-key";
import { globalacceleratorFlowLogs } from "../../../../../../policy-packs/pipeline/policies/globalaccelerator-flow-logs";
import { mediastoreContainerPolicyTlsOnly } from "../../../../../../policy-packs/pipeline/policies/mediastore-container-policy-tls-only";
import { sesConfigurationSetTlsRequired } from "../../../../../../policy-packs/pipeline/policies/ses-configuration-set-tls-required";
import { transferServerNotPublic } from "../../../../../../policy-packs/pipeline/policies/transfer-server-not-public";
import { transferServerSecureTransport } from "../../../../../../policy-packs/pipeline/policies/transfer-server-secure-transport";
import { describePolicy } from "../../../support/policy-cases";
import { changed, computeEstate, only, patched, rec, UNKNOWN, without } from "./fixture";

const PROJECT = "aws:codebuild/project:Project";
const CREDENTIAL = "aws:codebuild/sourceCredential:SourceCredential";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const DOMAIN = "aws:codeartifact/domain:Domain";
const TEMPLATE = "aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate";
const ASSOCIATION = "aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation";
const SES = "aws:ses/configurationSet:ConfigurationSet";
const SESV2 = "aws:sesv2/configurationSet:ConfigurationSet";
const SFTP = "aws:transfer/server:Server";
const GA = "aws:globalaccelerator/accelerator:Accelerator";
const CONTAINER = "aws:mediastore/container:Container";
const CONTAINER_POLICY = "aws:mediastore/containerPolicy:ContainerPolicy";
const CONNECT = "aws:connect/instanceStorageConfig:InstanceStorageConfig";
const FN = "aws:lambda/function:Function";
const project = (patch: Record<string, unknown>) => patched(PROJECT, "build", patch);
const env = (change: (e: Record<string, unknown>) => Record<string, unknown>) =>
    changed(PROJECT, "build", (p) => ({ ...p, environment: change(p.environment as Record<string, unknown>) }));

describe("developer tools policies", () => {
    describePolicy(codebuildProjectEncrypted, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "the AWS managed S3 key",
                resources: project({ encryptionKey: "alias/aws/s3" }),
                expect: /`build` must encrypt with a customer managed KMS key/,
            },
            {
                name: "unencrypted artifacts",
                resources: project({ artifacts: { type: "S3", location: "b", encryptionDisabled: true } }),
                expect: /must not turn off artifact encryption/,
            },
            {
                name: "unencrypted S3 logs",
                resources: project({ logsConfig: { s3Logs: { status: "ENABLED", location: "b/logs", encryptionDisabled: true } } }),
                expect: /must not turn off S3 log encryption/,
            },
        ],
        notApplicable: [{ name: "stacks without projects", resources: only(FN) }],
        unknown: [{ name: "the key is another resource's output", resources: project({ encryptionKey: UNKNOWN }) }],
    });
    describePolicy(codebuildProjectNoPlaintextCredentials, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "AWS keys in plain text",
                resources: env((e) => ({ ...e, environmentVariables: [{ name: "AWS_SECRET_ACCESS_KEY", value: "abc" }] })),
                expect: /must not pass `AWS_SECRET_ACCESS_KEY` as a plain-text environment variable/,
            },
            {
                name: "a token typed PLAINTEXT",
                resources: env((e) => ({ ...e, environmentVariables: [{ name: "NPM_TOKEN", type: "PLAINTEXT", value: "npm_abc" }] })),
                expect: /`NPM_TOKEN`/,
            },
        ],
        notApplicable: [{ name: "stacks without projects", resources: only(FN) }],
        unknown: [
            {
                name: "a value is another resource's output",
                resources: env((e) => ({ ...e, environmentVariables: [{ name: "DB_PASSWORD", value: UNKNOWN }] })),
            },
        ],
    });
    describePolicy(codebuildProjectSourceAuth, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a GitHub source without a connection",
                resources: project({ source: { type: "GITHUB", location: "https://github.com/example/payments.git" } }),
                expect: /must reach its GITHUB source through CODECONNECTIONS/,
            },
            {
                name: "credentials in the URL",
                resources: project({
                    source: {
                        type: "BITBUCKET",
                        location: "https://bot:secret@bitbucket.org/example/x.git",
                        auth: { type: "CODECONNECTIONS", resource: "arn" },
                    },
                }),
                expect: /must not carry credentials in its BITBUCKET source URL/,
            },
            {
                name: "a personal access token credential",
                resources: () => [
                    ...computeEstate(),
                    rec(CREDENTIAL, "github-pat", { authType: "PERSONAL_ACCESS_TOKEN", serverType: "GITHUB", token: "ghp_x" }),
                ],
                expect: /`github-pat` must use CODECONNECTIONS, not `PERSONAL_ACCESS_TOKEN`/,
            },
        ],
        notApplicable: [
            {
                name: "projects building from S3 or CodeCommit",
                resources: project({
                    source: { type: "CODECOMMIT", location: "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/infra" },
                }),
            },
            { name: "stacks without projects", resources: only(FN) },
        ],
        unknown: [
            {
                name: "the auth type is another resource's output",
                resources: project({ source: { type: "GITHUB", location: "https://github.com/x/y", auth: { type: UNKNOWN } } }),
            },
        ],
    });
    describePolicy(codebuildProjectLogging, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no logs config",
                resources: project({ logsConfig: undefined }),
                expect: /`build` must send build logs to CloudWatch Logs or S3/,
            },
            {
                name: "every destination off",
                resources: project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } } }),
                expect: /must send build logs/,
            },
        ],
        notApplicable: [{ name: "stacks without projects", resources: only(FN) }],
        unknown: [
            {
                name: "the status is another resource's output",
                resources: project({ logsConfig: { cloudwatchLogs: { status: UNKNOWN } } }),
            },
        ],
    });
    describePolicy(codebuildProjectNotPrivileged, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "privileged mode",
                resources: env((e) => ({ ...e, privilegedMode: true })),
                expect: /`build` must not run in privileged mode/,
            },
        ],
        notApplicable: [{ name: "stacks without projects", resources: only(FN) }],
        unknown: [{ name: "the flag is another resource's output", resources: env((e) => ({ ...e, privilegedMode: UNKNOWN })) }],
    });
    describePolicy(codebuildProjectManagedImage, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a Docker Hub image",
                resources: env((e) => ({ ...e, image: "node:22" })),
                expect: /must build on an allowed image \(aws\/codebuild\/\), not `node:22`/,
            },
        ],
        notApplicable: [{ name: "stacks without projects", resources: only(FN) }],
        unknown: [{ name: "the image is another resource's output", resources: env((e) => ({ ...e, image: UNKNOWN })) }],
    });
    describePolicy(devtoolsCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a pipeline on the default key",
                resources: patched(PIPELINE, "release", { artifactStores: [{ location: "b", type: "S3" }] }),
                expect: /CodePipeline `release` must encrypt its artifact stores/,
            },
            {
                name: "a CodeArtifact domain on the default key",
                resources: patched(DOMAIN, "packages", { encryptionKey: undefined }),
                expect: /CodeArtifact domain `packages` must be encrypted/,
            },
            {
                name: "a CodeGuru association on the AWS owned key",
                resources: () => [
                    ...computeEstate(),
                    rec("aws:codegurureviewer/repositoryAssociation:RepositoryAssociation", "review", {
                        repository: { codecommit: { name: "infra" } },
                    }),
                ],
                expect: /CodeGuru Reviewer association `review` must use a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "stacks without pipelines or domains", resources: only(FN) }],
        unknown: [{ name: "the key is another resource's output", resources: patched(DOMAIN, "packages", { encryptionKey: UNKNOWN }) }],
    });
    describePolicy(codecommitRepositoryApprovalRule, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a repository without a template",
                resources: without(ASSOCIATION),
                expect: /CodeCommit repository `infra-repo` must have an approval rule template/,
            },
            {
                name: "a template asking for one approval",
                resources: patched(TEMPLATE, "two-approvals", {
                    content: JSON.stringify({ Version: "2018-11-08", Statements: [{ Type: "Approvers", NumberOfApprovalsNeeded: 1 }] }),
                }),
                expect: /`two-approvals` must require at least 2 approvals/,
            },
        ],
        notApplicable: [{ name: "stacks without repositories or templates", resources: only(FN) }],
        unknown: [
            {
                name: "the template content is another resource's output",
                resources: patched(TEMPLATE, "two-approvals", { content: UNKNOWN }),
            },
        ],
    });
});

describe("SES, Transfer Family, Global Accelerator, MediaStore and Connect policies", () => {
    describePolicy(sesConfigurationSetTlsRequired, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "optional TLS",
                resources: patched(SES, "mail", { deliveryOptions: { tlsPolicy: "Optional" } }),
                expect: /`mail` must require TLS for delivery/,
            },
            {
                name: "an SES v2 set without delivery options",
                resources: () => [...computeEstate(), rec(SESV2, "mail-v2", { configurationSetName: "mail-v2" })],
                expect: /`mail-v2` must require TLS/,
            },
        ],
        notApplicable: [{ name: "stacks without configuration sets", resources: only(FN) }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(SES, "mail", { deliveryOptions: { tlsPolicy: UNKNOWN } }),
            },
        ],
    });
    describePolicy(transferServerNotPublic, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a public endpoint",
                resources: patched(SFTP, "partners-sftp", { endpointType: undefined }),
                expect: /`partners-sftp` must use a VPC endpoint .*not `PUBLIC`/,
            },
        ],
        notApplicable: [{ name: "stacks without servers", resources: only(FN) }],
        unknown: [
            {
                name: "the endpoint type is another resource's output",
                resources: patched(SFTP, "partners-sftp", { endpointType: UNKNOWN }),
            },
        ],
    });
    describePolicy(transferServerSecureTransport, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "plain FTP",
                resources: patched(SFTP, "partners-sftp", { protocols: ["SFTP", "FTP"] }),
                expect: /must not offer plain `FTP`/,
            },
            {
                name: "the default 2018 policy",
                resources: patched(SFTP, "partners-sftp", { securityPolicyName: undefined }),
                expect: /not `TransferSecurityPolicy-2018-11`/,
            },
        ],
        notApplicable: [{ name: "stacks without servers", resources: only(FN) }],
        unknown: [
            { name: "the policy is another resource's output", resources: patched(SFTP, "partners-sftp", { securityPolicyName: UNKNOWN }) },
        ],
    });
    describePolicy(globalacceleratorFlowLogs, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "no flow logs",
                resources: patched(GA, "edge-accelerator", { attributes: undefined }),
                expect: /`edge-accelerator` must write flow logs/,
            },
        ],
        notApplicable: [{ name: "stacks without accelerators", resources: only(FN) }],
        unknown: [
            {
                name: "the flag is another resource's output",
                resources: patched(GA, "edge-accelerator", { attributes: { flowLogsEnabled: UNKNOWN } }),
            },
        ],
    });
    describePolicy(mediastoreContainerPolicyTlsOnly, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "a container without a policy",
                resources: without(CONTAINER_POLICY),
                expect: /`media` must have a container policy \(aws.mediastore.ContainerPolicy\)/,
            },
            {
                name: "a policy without the TLS statement",
                resources: patched(CONTAINER_POLICY, "media-policy", {
                    policy: JSON.stringify({
                        Statement: [
                            { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "mediastore:GetObject" },
                        ],
                    }),
                }),
                expect: /denying requests without TLS/,
            },
        ],
        notApplicable: [{ name: "stacks without containers", resources: only(FN) }],
        unknown: [
            { name: "the policy is another resource's output", resources: patched(CONTAINER_POLICY, "media-policy", { policy: UNKNOWN }) },
        ],
    });
    describePolicy(connectInstanceStorageCustomerManagedKey, {
        compliant: computeEstate,
        nonCompliant: [
            {
                name: "recordings without a key",
                resources: patched(CONNECT, "call-recordings", {
                    storageConfig: { storageType: "S3", s3Config: { bucketName: "b", bucketPrefix: "p" } },
                }),
                expect: /`call-recordings` must encrypt with a customer managed KMS key/,
            },
        ],
        notApplicable: [
            {
                name: "Kinesis stream targets",
                resources: patched(CONNECT, "call-recordings", {
                    storageConfig: { storageType: "KINESIS_STREAM", kinesisStreamConfig: { streamArn: "arn" } },
                }),
            },
            { name: "stacks without storage configs", resources: only(CONTAINER) },
        ],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(CONNECT, "call-recordings", {
                    storageConfig: { storageType: "S3", s3Config: { encryptionConfig: { encryptionType: "KMS", keyId: UNKNOWN } } },
                }),
            },
        ],
    });
});
