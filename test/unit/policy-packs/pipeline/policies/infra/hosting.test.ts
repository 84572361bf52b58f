import { batchJobNotPrivileged } from "../../../../../../policy-packs/pipeline/policies/batch-job-not-privileged";
import { cloud9EnvironmentNoIngress } from "../../../../../../policy-packs/pipeline/policies/cloud9-environment-no-ingress";
import { elasticbeanstalkEnhancedHealth } from "../../../../../../policy-packs/pipeline/policies/elasticbeanstalk-enhanced-health";
import { elasticbeanstalkEnvironmentLogsPublished } from "../../../../../../policy-packs/pipeline/policies/elasticbeanstalk-environment-logs-published";
import { elasticbeanstalkManagedUpdatesEnabled } from "../../../../../../policy-packs/pipeline/policies/elasticbeanstalk-managed-updates-enabled";
import { imagebuilderKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/imagebuilder-kms-encrypted";
import { networkFirewallKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/network-firewall-kms-encrypted";
import { networkFirewallLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/network-firewall-logging-enabled";
import { workspacesVolumesEncrypted } from "../../../../../../policy-packs/pipeline/policies/workspaces-volumes-encrypted";
import { describePolicy } from "../../../support/policy-cases";
import { change, rec, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";
const FIREWALL = "aws:networkfirewall/firewall:Firewall";
const EB = "aws:elasticbeanstalk/environment:Environment";

const firewall = (props: Record<string, unknown> = {}) =>
    rec(FIREWALL, "edge", {
        firewallPolicyArn: "arn:policy",
        vpcId: "vpc-1",
        deleteProtection: true,
        encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: KEY },
        ...props,
    });
const logging = (fw: ReturnType<typeof firewall>, types = ["ALERT", "FLOW"]) =>
    rec(
        "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
        "edge-logs",
        {
            firewallArn: UNKNOWN,
            loggingConfiguration: {
                logDestinationConfigs: types.map((logType) => ({
                    logType,
                    logDestinationType: "CloudWatchLogs",
                    logDestination: { logGroup: `/fw/${logType}` },
                })),
            },
        },
        { firewallArn: fw },
    );
const setting = (namespace: string, name: string, value: string) => ({ namespace, name, value });
const environment = (settings: unknown[] = [], props: Record<string, unknown> = {}) =>
    rec(EB, "web", {
        application: "web",
        solutionStackName: "64bit Amazon Linux 2023 v4.3.0 running Docker",
        settings: [
            setting("aws:ec2:vpc", "VPCId", "vpc-1"),
            setting("aws:elasticbeanstalk:hostmanager", "LogPublicationControl", "true"),
            setting("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled", "true"),
            setting("aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel", "minor"),
            setting("aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced"),
            ...settings,
        ],
        ...props,
    });
const withoutSetting = (name: string) =>
    change([environment()], "web", (p) => ({ ...p, settings: (p.settings as { name: string }[]).filter((s) => s.name !== name) }));

describe("infra: Network Firewall, Elastic Beanstalk, Image Builder, Batch, WorkSpaces, Cloud9", () => {
    describePolicy(networkFirewallKmsEncrypted, {
        compliant: () => [
            // A key created in the same stack is unknown at preview, and still named: that is enough.
            firewall({ encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: UNKNOWN } }),
            rec("aws:networkfirewall/firewallPolicy:FirewallPolicy", "policy", {
                encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: KEY },
            }),
            rec("aws:networkfirewall/ruleGroup:RuleGroup", "rules", {
                capacity: 100,
                type: "STATEFUL",
                encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: KEY },
            }),
        ],
        nonCompliant: [
            {
                name: "a firewall under the AWS-owned key",
                resources: () => [firewall({ encryptionConfiguration: undefined })],
                expect: /Network firewall `edge` must be encrypted with a customer-managed KMS key/,
            },
            {
                name: "a rule group under the AWS-owned key",
                resources: () => [
                    rec("aws:networkfirewall/ruleGroup:RuleGroup", "rules", { encryptionConfiguration: { type: "AWS_OWNED_KMS_KEY" } }),
                ],
                expect: /Firewall rule group `rules`/,
            },
        ],
        notApplicable: [{ name: "logging configurations", resources: () => [logging(firewall())] }],
        unknown: [
            {
                name: "the encryption type is unknown",
                resources: () => [firewall({ encryptionConfiguration: { type: UNKNOWN, keyId: KEY } })],
            },
        ],
    });

    describePolicy(networkFirewallLoggingEnabled, {
        compliant: () => {
            const fw = firewall();
            return [fw, logging(fw)];
        },
        nonCompliant: [
            {
                name: "a firewall without logging",
                resources: () => [firewall()],
                expect: /Network firewall `edge` must log ALERT and FLOW traffic/,
            },
            {
                name: "alerts only",
                resources: () => {
                    const fw = firewall();
                    return [fw, logging(fw, ["ALERT"])];
                },
                expect: /must log FLOW traffic/,
            },
        ],
        notApplicable: [{ name: "stacks without firewalls", resources: () => [rec("aws:ec2/vpc:Vpc", "main", {})] }],
    });

    describePolicy(elasticbeanstalkEnvironmentLogsPublished, {
        compliant: () => [environment()],
        nonCompliant: [
            {
                name: "instance logs left on the hosts",
                resources: () => withoutSetting("LogPublicationControl"),
                expect: /Beanstalk environment `web` must publish its instance logs/,
            },
        ],
        notApplicable: [
            {
                name: "an environment configured by a saved template",
                resources: () => [rec(EB, "web", { application: "web", templateName: "base" })],
            },
            { name: "applications", resources: () => [rec("aws:elasticbeanstalk/application:Application", "web", {})] },
        ],
        unknown: [
            {
                name: "the settings are unknown",
                resources: () => [change([environment()], "web", (p) => ({ ...p, settings: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(elasticbeanstalkManagedUpdatesEnabled, {
        compliant: () => [environment()],
        nonCompliant: [
            {
                name: "managed updates off",
                resources: () => withoutSetting("ManagedActionsEnabled"),
                expect: /must enable managed platform updates/,
            },
            {
                name: "major-version updates only",
                resources: () =>
                    change([environment()], "web", (p) => ({
                        ...p,
                        settings: (p.settings as { name: string; value: string }[]).map((s) =>
                            s.name === "UpdateLevel" ? { ...s, value: "major" } : s,
                        ),
                    })),
                expect: /must set the managed update level to minor or patch/,
            },
        ],
        notApplicable: [
            {
                name: "an environment configured by a saved template",
                resources: () => [rec(EB, "web", { application: "web", templateName: "base" })],
            },
        ],
        unknown: [
            {
                name: "the settings are unknown",
                resources: () => [change([environment()], "web", (p) => ({ ...p, settings: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(elasticbeanstalkEnhancedHealth, {
        compliant: () => [environment()],
        nonCompliant: [
            { name: "basic health reporting", resources: () => withoutSetting("SystemType"), expect: /must use enhanced health reporting/ },
        ],
        notApplicable: [
            {
                name: "an environment configured by a saved template",
                resources: () => [rec(EB, "web", { application: "web", templateName: "base" })],
            },
        ],
        unknown: [
            {
                name: "the settings are unknown",
                resources: () => [change([environment()], "web", (p) => ({ ...p, settings: UNKNOWN }))[0]],
            },
        ],
    });

    describePolicy(imagebuilderKmsEncrypted, {
        compliant: () => [
            // A key created in the same stack is unknown at preview, and still named: that is enough.
            rec("aws:imagebuilder/component:Component", "harden", {
                platform: "Linux",
                version: "1.0.0",
                data: "phases: []",
                kmsKeyId: UNKNOWN,
            }),
            rec("aws:imagebuilder/imageRecipe:ImageRecipe", "golden", {
                parentImage: "arn:ami",
                version: "1.0.0",
                components: [],
                blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY } }],
            }),
            rec("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "dist", {
                distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { kmsKeyId: KEY } }],
            }),
        ],
        nonCompliant: [
            {
                name: "a component without a key",
                resources: () => [rec("aws:imagebuilder/component:Component", "harden", { platform: "Linux", version: "1.0.0" })],
                expect: /Image Builder component `harden` must be encrypted/,
            },
            {
                name: "an unencrypted recipe volume",
                resources: () => [
                    rec("aws:imagebuilder/imageRecipe:ImageRecipe", "golden", {
                        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }],
                    }),
                ],
                expect: /Image recipe `golden` must encrypt its device \/dev\/xvda/,
            },
            {
                name: "AMIs distributed under the default key",
                resources: () => [
                    rec("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "dist", {
                        distributions: [{ region: "eu-central-1", amiDistributionConfiguration: {} }],
                    }),
                ],
                expect: /must encrypt the AMIs it distributes to eu-central-1/,
            },
        ],
        notApplicable: [{ name: "AMIs", resources: () => [rec("aws:ec2/ami:Ami", "golden", {})] }],
        unknown: [
            {
                name: "the distributions are unknown",
                resources: () => [
                    rec("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "dist", { distributions: UNKNOWN }),
                ],
            },
        ],
    });

    const job = (container: Record<string, unknown>) =>
        rec("aws:batch/jobDefinition:JobDefinition", "nightly", {
            type: "container",
            containerProperties: JSON.stringify({ image: "repo/job@sha256:00", ...container }),
        });
    describePolicy(batchJobNotPrivileged, {
        compliant: () => [job({ privileged: false })],
        nonCompliant: [
            {
                name: "a privileged container",
                resources: () => [job({ privileged: true })],
                expect: /Batch job definition `nightly` must not run its container privileged/,
            },
            {
                name: "a privileged container in ECS task properties",
                resources: () => [
                    rec("aws:batch/jobDefinition:JobDefinition", "nightly", {
                        type: "container",
                        ecsProperties: JSON.stringify({ taskProperties: [{ containers: [{ name: "worker", privileged: true }] }] }),
                    }),
                ],
                expect: /must not run container `worker` privileged/,
            },
            {
                name: "a privileged EKS pod container",
                resources: () => [
                    rec("aws:batch/jobDefinition:JobDefinition", "nightly", {
                        type: "container",
                        eksProperties: { podProperties: { containers: [{ name: "pod", securityContext: { privileged: true } }] } },
                    }),
                ],
                expect: /container `pod` privileged/,
            },
        ],
        notApplicable: [{ name: "job queues", resources: () => [rec("aws:batch/jobQueue:JobQueue", "q", {})] }],
        unknown: [
            {
                name: "the container properties are rendered from outputs",
                resources: () => [
                    rec("aws:batch/jobDefinition:JobDefinition", "nightly", { type: "container", containerProperties: UNKNOWN }),
                ],
            },
        ],
    });

    const workspace = (props: Record<string, unknown> = {}) =>
        rec("aws:workspaces/workspace:Workspace", "ops", {
            bundleId: "wsb-1",
            directoryId: "d-1",
            userName: "ops",
            rootVolumeEncryptionEnabled: true,
            userVolumeEncryptionEnabled: true,
            volumeEncryptionKey: KEY,
            ...props,
        });
    describePolicy(workspacesVolumesEncrypted, {
        compliant: () => [workspace()],
        nonCompliant: [
            {
                name: "an unencrypted root volume",
                resources: () => [workspace({ rootVolumeEncryptionEnabled: undefined })],
                expect: /WorkSpace `ops` must encrypt its root volume/,
            },
            {
                name: "an unencrypted user volume",
                resources: () => [workspace({ userVolumeEncryptionEnabled: false })],
                expect: /WorkSpace `ops` must encrypt its user volume/,
            },
        ],
        notApplicable: [{ name: "directories", resources: () => [rec("aws:workspaces/directory:Directory", "d", {})] }],
        unknown: [{ name: "encryption is unknown", resources: () => [workspace({ rootVolumeEncryptionEnabled: UNKNOWN })] }],
    });

    describePolicy(cloud9EnvironmentNoIngress, {
        compliant: () => [
            rec("aws:cloud9/environmentEC2:EnvironmentEC2", "dev", {
                imageId: "amazonlinux-2023-x86_64",
                instanceType: "t3.small",
                connectionType: "CONNECT_SSM",
                subnetId: "subnet-priv",
            }),
        ],
        nonCompliant: [
            {
                name: "an SSH environment (the default)",
                resources: () => [
                    rec("aws:cloud9/environmentEC2:EnvironmentEC2", "dev", {
                        imageId: "amazonlinux-2023-x86_64",
                        instanceType: "t3.small",
                    }),
                ],
                expect: /Cloud9 environment `dev` must connect through Systems Manager/,
            },
        ],
        notApplicable: [{ name: "instances", resources: () => [rec("aws:ec2/instance:Instance", "i", {})] }],
        unknown: [
            {
                name: "the connection type is unknown",
                resources: () => [rec("aws:cloud9/environmentEC2:EnvironmentEC2", "dev", { connectionType: UNKNOWN })],
            },
        ],
    });
});
