import { athenaDatabaseEncrypted } from "../../../../../../policy-packs/pipeline/policies/athena-database-encrypted";
import { athenaResourcesDescribed } from "../../../../../../policy-packs/pipeline/policies/athena-resources-described";
import { athenaWorkgroupEncrypted } from "../../../../../../policy-packs/pipeline/policies/athena-workgroup-encrypted";
import { emrBlockPublicAccessEnabled } from "../../../../../../policy-packs/pipeline/policies/emr-block-public-access-enabled";
import { emrClusterKerberosEnabled } from "../../../../../../policy-packs/pipeline/policies/emr-cluster-kerberos-enabled";
import { emrClusterLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/emr-cluster-logging-enabled";
import { emrClusterSecurityConfiguration } from "../../../../../../policy-packs/pipeline/policies/emr-cluster-security-configuration";
import { emrClusterSecurityGroupsNotPublic } from "../../../../../../policy-packs/pipeline/policies/emr-cluster-security-groups-not-public";
import { emrSecurityConfigurationEncryptsAtRest } from "../../../../../../policy-packs/pipeline/policies/emr-security-configuration-encrypts-at-rest";
import { emrSecurityConfigurationEncryptsInTransit } from "../../../../../../policy-packs/pipeline/policies/emr-security-configuration-encrypts-in-transit";
import { glueDataCatalogEncrypted } from "../../../../../../policy-packs/pipeline/policies/glue-data-catalog-encrypted";
import { glueJobsSecurityConfiguration } from "../../../../../../policy-packs/pipeline/policies/glue-jobs-security-configuration";
import { glueResourcePolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/glue-resource-policy-not-public";
import { glueSecurityConfigurationEncrypted } from "../../../../../../policy-packs/pipeline/policies/glue-security-configuration-encrypted";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy } from "../../../support/policy-cases";
import { patched, plus, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/analytics";
const emrConfiguration = (change: Record<string, unknown> = {}) =>
    JSON.stringify({
        EncryptionConfiguration: {
            EnableAtRestEncryption: true,
            EnableInTransitEncryption: true,
            AtRestEncryptionConfiguration: {
                S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY },
                LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: KEY, EnableEbsEncryption: true },
            },
            InTransitEncryptionConfiguration: {
                TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://edf-certs/emr.zip" },
            },
            ...change,
        },
    });

/** The happy path: Athena workgroup, database, catalog and query; an EMR cluster with its security configuration and groups; Glue. */
function analyticsStack(): ResourceRecord[] {
    const master = res(T.securityGroup, "emr-master", {
        vpcId: "vpc-1",
        ingress: [{ fromPort: 8443, toPort: 8443, protocol: "tcp", cidrBlocks: ["10.0.0.0/16"] }],
    });
    const core = res(T.securityGroup, "emr-core", { vpcId: "vpc-1", ingress: [] });
    return [
        provider(),
        res(T.athenaWorkgroup, "analysts", {
            name: "analysts",
            description: "Ad-hoc queries of the payments data lake",
            configuration: {
                enforceWorkgroupConfiguration: true,
                resultConfiguration: {
                    outputLocation: "s3://edf-athena/",
                    encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: KEY },
                },
            },
        }),
        res(T.athenaDatabase, "lake", {
            name: "lake",
            bucket: "edf-athena",
            comment: "Payments lake",
            encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey: KEY },
        }),
        res(T.athenaDataCatalog, "catalog", {
            name: "catalog",
            type: "GLUE",
            description: "The account's Glue catalog",
            parameters: { "catalog-id": "111111111111" },
        }),
        res(T.athenaNamedQuery, "daily", { name: "daily", database: "lake", query: "SELECT 1", description: "Daily totals" }),
        master,
        core,
        res(T.emrSecurityConfiguration, "emr-security", { name: "emr-security", configuration: emrConfiguration() }),
        res(
            T.emrCluster,
            "spark",
            {
                releaseLabel: "emr-7.5.0",
                serviceRole: "arn:role",
                securityConfiguration: "emr-security",
                logUri: "s3://edf-logs/emr/",
                kerberosAttributes: { realm: "EC2.INTERNAL", kdcAdminPassword: "from-vault" },
                ec2Attributes: {
                    subnetId: "subnet-private-a",
                    instanceProfile: "arn:profile",
                    emrManagedMasterSecurityGroup: "sg-master",
                    emrManagedSlaveSecurityGroup: "sg-core",
                },
            },
            { ec2Attributes: [master, core] },
        ),
        res(T.emrBlockPublicAccess, "emr-bpa", { blockPublicSecurityGroupRules: true }),
        res(T.glueCatalogEncryption, "catalog-encryption", {
            dataCatalogEncryptionSettings: {
                encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY },
                connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY },
            },
        }),
        res(T.glueSecurityConfiguration, "glue-security", {
            name: "glue-security",
            encryptionConfiguration: {
                cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
                jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: KEY },
                s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
            },
        }),
        res(T.glueJob, "etl", {
            roleArn: "arn:role",
            command: { scriptLocation: "s3://edf-etl/job.py" },
            securityConfiguration: "glue-security",
        }),
        res(T.glueCrawler, "crawler", { role: "arn:role", databaseName: "lake", securityConfiguration: "glue-security" }),
        res(T.glueResourcePolicy, "catalog-policy", {
            policy: JSON.stringify({
                Statement: [
                    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "glue:GetTable", Resource: "*" },
                ],
            }),
        }),
    ];
}

const none = () => [provider(), res(T.bucket, "b", { bucket: "b" })];
const cluster = (change: Record<string, unknown>) => patched(analyticsStack, T.emrCluster, "spark", change);
const emrSecurity = (change: Record<string, unknown>) =>
    patched(analyticsStack, T.emrSecurityConfiguration, "emr-security", { configuration: emrConfiguration(change) });

describe("storage area: Athena, EMR and Glue", () => {
    describePolicy(athenaWorkgroupEncrypted, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a workgroup whose clients may override it",
                resources: patched(analyticsStack, T.athenaWorkgroup, "analysts", {
                    configuration: { resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: KEY } } },
                }),
                expect: /Athena workgroup `analysts` must enforce its configuration on clients/,
            },
            {
                name: "a workgroup encrypting with S3-managed keys",
                resources: patched(analyticsStack, T.athenaWorkgroup, "analysts", {
                    configuration: {
                        enforceWorkgroupConfiguration: true,
                        resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_S3" } },
                    },
                }),
                expect: /`analysts` must encrypt query results with SSE_KMS or CSE_KMS .*is `SSE_S3`/,
            },
            {
                name: "a workgroup without configuration",
                resources: patched(analyticsStack, T.athenaWorkgroup, "analysts", { configuration: undefined }),
                expect: /must encrypt query results/,
            },
        ],
        notApplicable: [{ name: "resources other than workgroups", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(analyticsStack, T.athenaWorkgroup, "analysts", {
                    configuration: {
                        enforceWorkgroupConfiguration: true,
                        resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: UNKNOWN } },
                    },
                }),
            },
        ],
    });

    describePolicy(athenaDatabaseEncrypted, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "an unencrypted database",
                resources: patched(analyticsStack, T.athenaDatabase, "lake", { encryptionConfiguration: undefined }),
                expect: /Athena database `lake` must encrypt query results/,
            },
            {
                name: "a database on KMS without a customer key",
                resources: patched(analyticsStack, T.athenaDatabase, "lake", { encryptionConfiguration: { encryptionOption: "SSE_KMS" } }),
                expect: /`lake` must encrypt query results with a customer managed KMS key: `encryptionConfiguration.kmsKey` is not set/,
            },
        ],
        notApplicable: [{ name: "resources other than databases", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(analyticsStack, T.athenaDatabase, "lake", {
                    encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKey: UNKNOWN },
                }),
            },
        ],
    });

    describePolicy(athenaResourcesDescribed, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a database without a comment",
                resources: patched(analyticsStack, T.athenaDatabase, "lake", { comment: undefined }),
                expect: /Athena resource `lake` should say what it is for \(`comment`\)/,
            },
            {
                name: "a blank named query description",
                resources: patched(analyticsStack, T.athenaNamedQuery, "daily", { description: "  " }),
                expect: /`daily` should say what it is for \(`description`\)/,
            },
        ],
        notApplicable: [{ name: "resources other than Athena's", resources: none }],
        unknown: [
            {
                name: "the description is another resource's output",
                resources: patched(analyticsStack, T.athenaWorkgroup, "analysts", { description: UNKNOWN }),
            },
        ],
    });

    describePolicy(emrClusterSecurityConfiguration, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a cluster without a security configuration",
                resources: cluster({ securityConfiguration: undefined }),
                expect: /EMR cluster `spark` must run with a security configuration/,
            },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: none }],
        unknown: [{ name: "the configuration is another resource's output", resources: cluster({ securityConfiguration: UNKNOWN }) }],
    });

    describePolicy(emrSecurityConfigurationEncryptsAtRest, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "no encryption at rest",
                resources: emrSecurity({ EnableAtRestEncryption: false }),
                expect: /`emr-security` must encrypt at rest/,
            },
            {
                name: "local disks without EBS",
                resources: emrSecurity({
                    AtRestEncryptionConfiguration: {
                        S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY },
                        LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: KEY },
                    },
                }),
                expect: /must encrypt EBS volumes too/,
            },
            {
                name: "EMRFS data with S3-managed keys",
                resources: emrSecurity({
                    AtRestEncryptionConfiguration: {
                        S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" },
                        LocalDiskEncryptionConfiguration: {
                            EncryptionKeyProviderType: "AwsKms",
                            AwsKmsKey: KEY,
                            EnableEbsEncryption: true,
                        },
                    },
                }),
                expect: /must encrypt EMRFS data in S3 with SSE-KMS or CSE-KMS .*is `SSE-S3`/,
            },
            {
                name: "no local disk encryption",
                resources: emrSecurity({
                    AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: KEY } },
                }),
                expect: /must encrypt local disks/,
            },
        ],
        notApplicable: [{ name: "resources other than security configurations", resources: none }],
        unknown: [
            {
                name: "the configuration is another resource's output",
                resources: patched(analyticsStack, T.emrSecurityConfiguration, "emr-security", { configuration: UNKNOWN }),
            },
        ],
    });

    describePolicy(emrSecurityConfigurationEncryptsInTransit, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "no encryption in transit",
                resources: emrSecurity({ EnableInTransitEncryption: false }),
                expect: /`emr-security` must encrypt in transit with TLS/,
            },
            {
                name: "in-transit encryption without certificates",
                resources: emrSecurity({ InTransitEncryptionConfiguration: {} }),
                expect: /must encrypt in transit/,
            },
        ],
        notApplicable: [{ name: "resources other than security configurations", resources: none }],
        unknown: [
            {
                name: "the configuration is another resource's output",
                resources: patched(analyticsStack, T.emrSecurityConfiguration, "emr-security", { configuration: UNKNOWN }),
            },
        ],
    });

    describePolicy(emrClusterLoggingEnabled, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a cluster without logs",
                resources: cluster({ logUri: undefined }),
                expect: /EMR cluster `spark` must archive its logs to S3/,
            },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: none }],
        unknown: [{ name: "the log location is another resource's output", resources: cluster({ logUri: UNKNOWN }) }],
    });

    describePolicy(emrClusterKerberosEnabled, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a cluster with a key pair only",
                resources: cluster({ kerberosAttributes: undefined }),
                expect: /EMR cluster `spark` should authenticate with Kerberos/,
            },
            {
                name: "Kerberos attributes without a realm",
                resources: cluster({ kerberosAttributes: { kdcAdminPassword: "x" } }),
                expect: /should authenticate with Kerberos/,
            },
        ],
        notApplicable: [{ name: "resources other than clusters", resources: none }],
        unknown: [{ name: "the realm is another resource's output", resources: cluster({ kerberosAttributes: { realm: UNKNOWN } }) }],
    });

    describePolicy(emrBlockPublicAccessEnabled, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "block public access off",
                resources: patched(analyticsStack, T.emrBlockPublicAccess, "emr-bpa", { blockPublicSecurityGroupRules: false }),
                expect: /EMR block public access `emr-bpa` must refuse public security group rules/,
            },
        ],
        notApplicable: [{ name: "resources other than the setting", resources: none }],
        unknown: [
            {
                name: "the setting is another resource's output",
                resources: patched(analyticsStack, T.emrBlockPublicAccess, "emr-bpa", { blockPublicSecurityGroupRules: UNKNOWN }),
            },
        ],
    });

    describePolicy(emrClusterSecurityGroupsNotPublic, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a master group open to the world inline",
                resources: patched(analyticsStack, T.securityGroup, "emr-master", {
                    ingress: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }],
                }),
                expect: /Security group `emr-master` of EMR cluster `spark` must not admit traffic from the internet/,
            },
            {
                name: "a core group opened by a separate IPv6 rule",
                resources: () => {
                    const stack = analyticsStack();
                    const core = stack.find((r) => r.name === "emr-core")!;
                    return [
                        ...stack,
                        res(
                            T.ingressRule,
                            "core-v6",
                            { securityGroupId: "sg-core", cidrIpv6: "::/0", ipProtocol: "-1" },
                            { securityGroupId: core },
                        ),
                    ];
                },
                expect: /`emr-core` of EMR cluster `spark` must not admit/,
            },
            {
                name: "an additional group named by id (state document)",
                resources: () => [
                    ...analyticsStack().filter((r) => r.type !== T.emrCluster),
                    res(T.emrCluster, "batch", {
                        releaseLabel: "emr-7.5.0",
                        ec2Attributes: { additionalMasterSecurityGroups: "sg-x, sg-open" },
                    }),
                    {
                        ...res(T.securityGroup, "open", {
                            ingress: [{ fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }],
                        }),
                        props: { id: "sg-open", ingress: [{ fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }] },
                    },
                ],
                expect: /`open` of EMR cluster `batch`/,
            },
        ],
        notApplicable: [{ name: "stacks without clusters", resources: none }],
        unknown: [
            {
                name: "a group's rules are another resource's output",
                resources: patched(analyticsStack, T.securityGroup, "emr-master", { ingress: UNKNOWN }),
            },
        ],
    });

    describePolicy(glueDataCatalogEncrypted, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "an unencrypted catalog",
                resources: patched(analyticsStack, T.glueCatalogEncryption, "catalog-encryption", {
                    dataCatalogEncryptionSettings: {
                        encryptionAtRest: { catalogEncryptionMode: "DISABLED" },
                        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY },
                    },
                }),
                expect: /`catalog-encryption` must encrypt the catalog with KMS/,
            },
            {
                name: "plain connection passwords",
                resources: patched(analyticsStack, T.glueCatalogEncryption, "catalog-encryption", {
                    dataCatalogEncryptionSettings: {
                        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY },
                        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: false },
                    },
                }),
                expect: /must encrypt connection passwords/,
            },
        ],
        notApplicable: [{ name: "resources other than catalog settings", resources: none }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(analyticsStack, T.glueCatalogEncryption, "catalog-encryption", {
                    dataCatalogEncryptionSettings: {
                        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: UNKNOWN },
                        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY },
                    },
                }),
            },
        ],
    });

    describePolicy(glueSecurityConfigurationEncrypted, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "bookmarks not encrypted and S3 on S3-managed keys",
                resources: patched(analyticsStack, T.glueSecurityConfiguration, "glue-security", {
                    encryptionConfiguration: {
                        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
                        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "DISABLED" },
                        s3Encryption: { s3EncryptionMode: "SSE-S3" },
                    },
                }),
                expect: /`glue-security` must encrypt with a customer managed KMS key: `jobBookmarksEncryption.jobBookmarksEncryptionMode` is `DISABLED`/,
            },
        ],
        notApplicable: [{ name: "resources other than security configurations", resources: none }],
        unknown: [
            {
                name: "a key is another resource's output",
                resources: patched(analyticsStack, T.glueSecurityConfiguration, "glue-security", {
                    encryptionConfiguration: {
                        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: UNKNOWN },
                        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: KEY },
                        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY },
                    },
                }),
            },
        ],
    });

    describePolicy(glueJobsSecurityConfiguration, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a job without a security configuration",
                resources: patched(analyticsStack, T.glueJob, "etl", { securityConfiguration: undefined }),
                expect: /Glue resource `etl` must run with a security configuration/,
            },
            {
                name: "a development endpoint without one",
                resources: plus(analyticsStack, res(T.glueDevEndpoint, "dev", { roleArn: "arn:role" })),
                expect: /Glue resource `dev` must run/,
            },
        ],
        notApplicable: [{ name: "resources other than jobs, crawlers and endpoints", resources: none }],
        unknown: [
            {
                name: "the configuration is another resource's output",
                resources: patched(analyticsStack, T.glueCrawler, "crawler", { securityConfiguration: UNKNOWN }),
            },
        ],
    });

    describePolicy(glueResourcePolicyNotPublic, {
        compliant: analyticsStack,
        nonCompliant: [
            {
                name: "a catalog shared with everyone",
                resources: patched(analyticsStack, T.glueResourcePolicy, "catalog-policy", {
                    policy: JSON.stringify({
                        Statement: [{ Sid: "All", Effect: "Allow", Principal: { AWS: "*" }, Action: "glue:*", Resource: "*" }],
                    }),
                }),
                expect: /Glue resource policy `catalog-policy` must not be public: statement `All` allows everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than the catalog policy", resources: none }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(analyticsStack, T.glueResourcePolicy, "catalog-policy", { policy: UNKNOWN }),
            },
        ],
    });
});
