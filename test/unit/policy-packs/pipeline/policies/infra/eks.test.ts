import { eksClusterControlPlaneLogging } from "../../../../../../policy-packs/pipeline/policies/eks-cluster-control-plane-logging";
import { eksClusterEndpointPrivate } from "../../../../../../policy-packs/pipeline/policies/eks-cluster-endpoint-private";
import { eksClusterNoImplicitAdmin } from "../../../../../../policy-packs/pipeline/policies/eks-cluster-no-implicit-admin";
import { eksClusterSecretsEncrypted } from "../../../../../../policy-packs/pipeline/policies/eks-cluster-secrets-encrypted";
import { eksClusterSupportedVersion } from "../../../../../../policy-packs/pipeline/policies/eks-cluster-supported-version";
import { eksNodeGroupNoOpenSsh } from "../../../../../../policy-packs/pipeline/policies/eks-node-group-no-open-ssh";
import { describePolicy } from "../../../support/policy-cases";
import { rec, UNKNOWN } from "./records";

const CLUSTER = "aws:eks/cluster:Cluster";
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/eks";

/** A private, audited cluster with encrypted secrets. */
const cluster = (props: Record<string, unknown> = {}) =>
    rec(CLUSTER, "platform", {
        roleArn: "arn:aws:iam::111111111111:role/eks",
        version: "1.33",
        vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPrivateAccess: true, endpointPublicAccess: false },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        ...props,
    });
const nodes = (props: Record<string, unknown> = {}) =>
    rec("aws:eks/nodeGroup:NodeGroup", "workers", { clusterName: "platform", nodeRoleArn: "arn:role", subnetIds: ["subnet-a"], ...props });

describe("infra: EKS", () => {
    describePolicy(eksClusterEndpointPrivate, {
        compliant: () => [cluster()],
        nonCompliant: [
            {
                name: "the default public endpoint",
                resources: () => [cluster({ vpcConfig: { subnetIds: ["subnet-a"] } })],
                expect: /EKS cluster `platform` must keep its API endpoint private/,
            },
            {
                name: "a public endpoint open to the world where restricted ones are allowed",
                resources: () => [
                    cluster({ vpcConfig: { subnetIds: ["subnet-a"], endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }),
                ],
                options: { config: { "eks-cluster-endpoint-private": { allowRestrictedPublicAccess: true } } },
                expect: /must restrict its public API endpoint to named CIDRs/,
            },
        ],
        notApplicable: [{ name: "node groups", resources: () => [nodes()] }],
        unknown: [
            {
                name: "the endpoint setting is unknown",
                resources: () => [cluster({ vpcConfig: { subnetIds: ["subnet-a"], endpointPublicAccess: UNKNOWN } })],
            },
        ],
    });

    describePolicy(eksClusterSecretsEncrypted, {
        // A key created in the same stack is unknown at preview, and still named: that is enough.
        compliant: () => [cluster({ encryptionConfig: { resources: ["secrets"], provider: { keyArn: UNKNOWN } } })],
        nonCompliant: [
            {
                name: "secrets in etcd unencrypted",
                resources: () => [cluster({ encryptionConfig: undefined })],
                expect: /EKS cluster `platform` must encrypt Kubernetes secrets with KMS/,
            },
            {
                name: "encryption configured without a key",
                resources: () => [cluster({ encryptionConfig: { resources: ["secrets"], provider: {} } })],
                expect: /must name the KMS key for secrets/,
            },
        ],
        notApplicable: [{ name: "node groups", resources: () => [nodes()] }],
        unknown: [
            {
                name: "the encrypted resources are unknown",
                resources: () => [cluster({ encryptionConfig: { resources: UNKNOWN, provider: { keyArn: KEY } } })],
            },
        ],
    });

    describePolicy(eksClusterControlPlaneLogging, {
        compliant: () => [cluster()],
        nonCompliant: [
            {
                name: "no control-plane logs",
                resources: () => [cluster({ enabledClusterLogTypes: undefined })],
                expect: /EKS cluster `platform` must log `api`, `audit`/,
            },
            {
                name: "the audit log left out",
                resources: () => [cluster({ enabledClusterLogTypes: ["api", "authenticator", "controllerManager", "scheduler"] })],
                expect: /must log `audit`/,
            },
        ],
        notApplicable: [{ name: "node groups", resources: () => [nodes()] }],
        unknown: [{ name: "the log types are unknown", resources: () => [cluster({ enabledClusterLogTypes: UNKNOWN })] }],
    });

    describePolicy(eksClusterSupportedVersion, {
        compliant: () => [
            cluster(),
            { ...cluster({ version: undefined }), name: "latest", urn: cluster().urn.replace(/platform$/, "latest") },
        ],
        nonCompliant: [
            {
                name: "a version out of support",
                resources: () => [cluster({ version: "1.27" })],
                expect: /EKS cluster `platform` must run Kubernetes 1\.31 or later, not `1\.27`/,
            },
            {
                name: "a version older than a raised minimum",
                resources: () => [cluster()],
                options: { config: { "eks-cluster-supported-version": { minimumVersion: "1.34" } } },
                expect: /1\.34 or later, not `1\.33`/,
            },
        ],
        notApplicable: [{ name: "node groups", resources: () => [nodes()] }],
        unknown: [{ name: "the version is unknown", resources: () => [cluster({ version: UNKNOWN })] }],
    });

    describePolicy(eksNodeGroupNoOpenSsh, {
        compliant: () => [
            nodes(),
            {
                // Group ids that are outputs of other resources still restrict.
                ...nodes({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: UNKNOWN } }),
                name: "ssh",
                urn: nodes().urn.replace(/workers$/, "ssh"),
            },
        ],
        nonCompliant: [
            {
                name: "an SSH key with no source groups (port 22 open to the world)",
                resources: () => [nodes({ remoteAccess: { ec2SshKey: "ops" } })],
                expect: /EKS node group `workers` must restrict SSH to named security groups/,
            },
            {
                name: "an SSH key with an empty list of source groups",
                resources: () => [nodes({ remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [] } })],
                expect: /must restrict SSH to named security groups/,
            },
        ],
        notApplicable: [{ name: "clusters", resources: () => [cluster()] }],
        unknown: [{ name: "the remote access block is unknown", resources: () => [nodes({ remoteAccess: UNKNOWN })] }],
    });

    describePolicy(eksClusterNoImplicitAdmin, {
        compliant: () => [cluster()],
        nonCompliant: [
            {
                name: "the creator made an administrator (the default)",
                resources: () => [cluster({ accessConfig: undefined })],
                expect: /EKS cluster `platform` must not make its creator an implicit administrator/,
            },
        ],
        notApplicable: [{ name: "node groups", resources: () => [nodes()] }],
        unknown: [{ name: "the access configuration is unknown", resources: () => [cluster({ accessConfig: UNKNOWN })] }],
    });
});
