import * as assert from "assert";
import { ebsKmsCustomerManagedKey } from "../../../../../../policy-packs/pipeline/policies/ebs-kms-customer-managed-key";
import { ebsSnapshotCopiesEncrypted } from "../../../../../../policy-packs/pipeline/policies/ebs-snapshot-copies-encrypted";
import { ebsVolumeInBackupPlan } from "../../../../../../policy-packs/pipeline/policies/ebs-volume-in-backup-plan";
import { ebsVolumeEncrypted } from "../../../../../../policy-packs/pipeline/policies/ebs-volume-encrypted";
import { ec2BlockDevicesEncrypted } from "../../../../../../policy-packs/pipeline/policies/ec2-block-devices-encrypted";
import { ec2ImageSharingRestricted } from "../../../../../../policy-packs/pipeline/policies/ec2-image-sharing-restricted";
import { ec2InstanceDetailedMonitoring } from "../../../../../../policy-packs/pipeline/policies/ec2-instance-detailed-monitoring";
import { ec2InstanceMetadataV2Required } from "../../../../../../policy-packs/pipeline/policies/ec2-instance-metadata-v2-required";
import { ec2InstanceNoPublicIp } from "../../../../../../policy-packs/pipeline/policies/ec2-instance-no-public-ip";
import { ec2InstanceProfileLeastPrivilege } from "../../../../../../policy-packs/pipeline/policies/ec2-instance-profile-least-privilege";
import { ec2InstanceTerminationProtection } from "../../../../../../policy-packs/pipeline/policies/ec2-instance-termination-protection";
import { ec2UserDataNoSecrets } from "../../../../../../policy-packs/pipeline/policies/ec2-user-data-no-secrets";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { change, rec, UNKNOWN } from "./records";

const INSTANCE = "aws:ec2/instance:Instance";
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const LC = "aws:ec2/launchConfiguration:LaunchConfiguration";
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";
const trust = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

/** A hardened instance: private subnet, no public IP, IMDSv2, encrypted volumes under the data key, a profile. */
const instance = (props: Record<string, unknown> = {}) =>
    rec(INSTANCE, "app", {
        ami: "ami-0abc",
        instanceType: "t3.micro",
        subnetId: "subnet-priv",
        associatePublicIpAddress: false,
        iamInstanceProfile: "app-profile",
        metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
        rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
        ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY, volumeSize: 50 }],
        monitoring: true,
        disableApiTermination: true,
        userData: "#!/bin/bash\nyum update -y\n",
        ...props,
    });
const template = (props: Record<string, unknown> = {}) =>
    rec(LT, "web", {
        imageId: "ami-0abc",
        metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY, volumeSize: 20 } }],
        networkInterfaces: [{ associatePublicIpAddress: "false", securityGroups: ["sg-1"] }],
        monitoring: { enabled: true },
        userData: Buffer.from("#!/bin/bash\necho hello\n").toString("base64"),
        ...props,
    });
const configuration = (props: Record<string, unknown> = {}) =>
    rec(LC, "old", {
        imageId: "ami-0abc",
        instanceType: "t3.micro",
        associatePublicIpAddress: false,
        metadataOptions: { httpTokens: "required" },
        rootBlockDevice: { encrypted: true },
        ...props,
    });
const hosts = () => [instance(), template(), configuration()];

describe("infra: EC2 and EBS", () => {
    describePolicy(ec2InstanceMetadataV2Required, {
        compliant: () => [
            ...hosts(),
            { ...instance({ metadataOptions: { httpEndpoint: "disabled" } }), name: "dark", urn: instance().urn.replace(/app$/, "dark") },
        ],
        nonCompliant: [
            {
                name: "an instance answering IMDSv1",
                resources: () => [instance({ metadataOptions: undefined })],
                expect: /EC2 instance `app` must require IMDSv2/,
            },
            {
                name: "a launch template with optional tokens",
                resources: () => [template({ metadataOptions: { httpTokens: "optional" } })],
                expect: /Launch template `web` must require IMDSv2/,
            },
            {
                name: "a launch configuration letting containers reach the metadata service",
                resources: () => [configuration({ metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 3 } })],
                expect: /Launch configuration `old` must keep the metadata response hop limit at 1 or less, not 3/,
            },
        ],
        notApplicable: [{ name: "EBS volumes", resources: () => [rec("aws:ebs/volume:Volume", "v", { encrypted: true })] }],
        unknown: [{ name: "the metadata options are unknown", resources: () => [instance({ metadataOptions: UNKNOWN })] }],
    });

    describePolicy(ec2InstanceNoPublicIp, {
        compliant: hosts,
        nonCompliant: [
            {
                name: "an instance taking the subnet's default",
                resources: () => [instance({ associatePublicIpAddress: undefined })],
                expect: /EC2 instance `app` must refuse a public IP address/,
            },
            {
                name: "a launch template asking for a public IP",
                resources: () => [template({ networkInterfaces: [{ associatePublicIpAddress: "true" }] })],
                expect: /Launch template `web` must not give network interface #0 a public IP address/,
            },
            {
                name: "a launch configuration with a public IP",
                resources: () => [configuration({ associatePublicIpAddress: true })],
                expect: /Launch configuration `old` must refuse a public IP address/,
            },
        ],
        notApplicable: [{ name: "subnets", resources: () => [rec("aws:ec2/subnet:Subnet", "s", { mapPublicIpOnLaunch: false })] }],
        unknown: [{ name: "the public-IP flag is unknown", resources: () => [instance({ associatePublicIpAddress: UNKNOWN })] }],
    });

    describePolicy(ec2BlockDevicesEncrypted, {
        compliant: () => [
            ...hosts(),
            rec("aws:ec2/ami:Ami", "golden", {
                ebsBlockDevices: [
                    { deviceName: "/dev/xvda", snapshotId: "snap-1" },
                    { deviceName: "/dev/sdf", encrypted: true },
                ],
            }),
        ],
        nonCompliant: [
            {
                name: "an instance that leaves its root volume to the AMI",
                resources: () => [instance({ rootBlockDevice: undefined })],
                expect: /EC2 instance `app` must declare its root volume encrypted/,
            },
            {
                name: "an unencrypted data volume on an instance",
                resources: () => [instance({ ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50 }] })],
                expect: /EC2 instance `app` must encrypt its device \/dev\/sdf/,
            },
            {
                name: "a launch template declaring no volumes",
                resources: () => [template({ blockDeviceMappings: undefined })],
                expect: /Launch template `web` must declare its EBS volumes encrypted/,
            },
            {
                name: "a launch template volume marked unencrypted",
                resources: () => [template({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] })],
                expect: /must encrypt its device \/dev\/xvda/,
            },
            {
                name: "an unencrypted launch-configuration root volume",
                resources: () => [configuration({ rootBlockDevice: { encrypted: false } })],
                expect: /Launch configuration `old` must encrypt its root device/,
            },
            {
                name: "an AMI volume that is neither encrypted nor from a snapshot",
                resources: () => [rec("aws:ec2/ami:Ami", "golden", { ebsBlockDevices: [{ deviceName: "/dev/sdf" }] })],
                expect: /AMI `golden` must encrypt its device \/dev\/sdf/,
            },
        ],
        notApplicable: [
            { name: "EBS volumes (their own policy)", resources: () => [rec("aws:ebs/volume:Volume", "v", { encrypted: false })] },
        ],
        unknown: [
            { name: "the root volume's encryption is unknown", resources: () => [instance({ rootBlockDevice: { encrypted: UNKNOWN } })] },
        ],
    });

    describePolicy(ebsVolumeEncrypted, {
        compliant: () => [
            rec("aws:ebs/volume:Volume", "v", { encrypted: true }),
            rec("aws:ebs/encryptionByDefault:EncryptionByDefault", "default", { enabled: true }),
        ],
        nonCompliant: [
            {
                name: "an unencrypted volume",
                resources: () => [rec("aws:ebs/volume:Volume", "v", { size: 10 })],
                expect: /EBS volume `v` must be encrypted/,
            },
            {
                name: "encryption by default switched off",
                resources: () => [rec("aws:ebs/encryptionByDefault:EncryptionByDefault", "default", { enabled: false })],
                expect: /EBS encryption by default `default` must stay enabled/,
            },
        ],
        notApplicable: [{ name: "instances", resources: () => [instance()] }],
        unknown: [{ name: "encryption is unknown", resources: () => [rec("aws:ebs/volume:Volume", "v", { encrypted: UNKNOWN })] }],
    });

    const lifecycle = (copy: Record<string, unknown>) =>
        rec("aws:dlm/lifecyclePolicy:LifecyclePolicy", "daily", {
            description: "daily snapshots",
            executionRoleArn: "arn:role",
            policyDetails: {
                resourceTypes: ["VOLUME"],
                targetTags: { backup: "daily" },
                schedules: [
                    {
                        name: "daily",
                        createRule: { interval: 24 },
                        retainRule: { count: 7 },
                        crossRegionCopyRules: [{ target: "eu-central-1", ...copy }],
                    },
                ],
            },
        });
    describePolicy(ebsSnapshotCopiesEncrypted, {
        compliant: () => [
            rec("aws:ebs/snapshotCopy:SnapshotCopy", "copy", {
                sourceSnapshotId: "snap-1",
                sourceRegion: "eu-west-1",
                encrypted: true,
                kmsKeyId: KEY,
            }),
            rec("aws:ec2/amiCopy:AmiCopy", "golden-dr", {
                sourceAmiId: "ami-1",
                sourceAmiRegion: "eu-west-1",
                encrypted: true,
                kmsKeyId: KEY,
            }),
            lifecycle({ encrypted: true, cmkArn: KEY }),
        ],
        nonCompliant: [
            {
                name: "a snapshot copy left unencrypted",
                resources: () => [
                    rec("aws:ebs/snapshotCopy:SnapshotCopy", "copy", { sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1" }),
                ],
                expect: /Snapshot copy `copy` must be encrypted/,
            },
            {
                name: "an unencrypted AMI copy",
                resources: () => [
                    rec("aws:ec2/amiCopy:AmiCopy", "golden-dr", { sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1", encrypted: false }),
                ],
                expect: /AMI copy `golden-dr` must be encrypted/,
            },
            {
                name: "an unencrypted cross-region copy rule",
                resources: () => [lifecycle({ encrypted: false })],
                expect: /Lifecycle policy `daily` must encrypt its schedule `daily` copy to eu-central-1/,
            },
            {
                name: "an unencrypted cross-region copy action of an event policy",
                resources: () => [
                    rec("aws:dlm/lifecyclePolicy:LifecyclePolicy", "shared", {
                        policyDetails: {
                            policyType: "EVENT_BASED_POLICY",
                            action: { name: "copy", crossRegionCopies: [{ target: "eu-central-1", encryptionConfiguration: {} }] },
                        },
                    }),
                ],
                expect: /must encrypt its action `copy` copy to eu-central-1/,
            },
        ],
        notApplicable: [{ name: "volumes", resources: () => [rec("aws:ebs/volume:Volume", "v", { encrypted: true })] }],
        unknown: [
            {
                name: "the copy's encryption is unknown",
                resources: () => [rec("aws:ebs/snapshotCopy:SnapshotCopy", "copy", { encrypted: UNKNOWN })],
            },
        ],
    });

    describePolicy(ebsKmsCustomerManagedKey, {
        compliant: () => [
            instance(),
            template(),
            // A key created in the same stack is unknown at preview, and still named: that is enough.
            rec("aws:ebs/volume:Volume", "v", { encrypted: true, kmsKeyId: UNKNOWN }),
            rec("aws:ebs/snapshotCopy:SnapshotCopy", "copy", { encrypted: true, kmsKeyId: KEY }),
            lifecycle({ encrypted: true, cmkArn: KEY }),
        ],
        nonCompliant: [
            {
                name: "a volume under the AWS managed key",
                resources: () => [rec("aws:ebs/volume:Volume", "v", { encrypted: true })],
                expect: /EBS volume `v` must be encrypted with a customer-managed KMS key/,
            },
            {
                name: "an instance root volume without a key",
                resources: () => [instance({ rootBlockDevice: { encrypted: true } })],
                expect: /EC2 instance `app` must encrypt its root device with a customer-managed KMS key/,
            },
            {
                name: "a launch-template volume without a key",
                resources: () => [template({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] })],
                expect: /Launch template `web` must encrypt its device \/dev\/xvda with a customer-managed KMS key/,
            },
            {
                name: "a cross-region copy without a key",
                resources: () => [lifecycle({ encrypted: true })],
                expect: /with a customer-managed KMS key \(`encrypted: true`, `cmkArn`\)/,
            },
        ],
        notApplicable: [{ name: "launch configurations, which cannot name a key", resources: () => [configuration()] }],
        unknown: [
            {
                name: "the instance's block devices are unknown",
                resources: () => [instance({ rootBlockDevice: UNKNOWN })],
            },
        ],
    });

    const profileStack = (managedPolicyArns: string[]) => {
        const role = rec("aws:iam/role:Role", "app-role", { assumeRolePolicy: trust, managedPolicyArns });
        const profile = rec("aws:iam/instanceProfile:InstanceProfile", "app-profile", { name: "app-profile", role: UNKNOWN }, { role });
        return [role, profile, change([instance()], "app", (p) => ({ ...p, iamInstanceProfile: UNKNOWN }))[0]].map((r) =>
            r.name === "app" ? { ...r, propertyDependencies: { iamInstanceProfile: [profile.urn] }, dependencies: [profile.urn] } : r,
        );
    };
    describePolicy(ec2InstanceProfileLeastPrivilege, {
        compliant: () => profileStack(["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]),
        nonCompliant: [
            {
                name: "an instance without a profile",
                resources: () => [instance({ iamInstanceProfile: undefined })],
                expect: /EC2 instance `app` must run with an instance profile/,
            },
            {
                name: "an instance whose profile's role is an administrator",
                resources: () => profileStack(["arn:aws:iam::aws:policy/AdministratorAccess"]),
                expect: /The role `app-role` of instance profile `app-profile`, used by `app`, must not have administrator access/,
            },
            {
                name: "a launch template naming an administrator profile",
                resources: () => {
                    const [role, profile] = profileStack(["arn:aws:iam::aws:policy/AdministratorAccess"]);
                    return [role, profile, template({ iamInstanceProfile: { name: "app-profile" } })];
                },
                expect: /used by `web`, must not have administrator access/,
            },
        ],
        notApplicable: [{ name: "stacks without hosts", resources: () => [rec("aws:iam/role:Role", "r", { assumeRolePolicy: trust })] }],
    });

    describePolicy(ec2InstanceTerminationProtection, {
        compliant: () => [instance()],
        nonCompliant: [
            {
                name: "an unprotected instance",
                resources: () => [instance({ disableApiTermination: undefined })],
                expect: /EC2 instance `app` must be protected against termination/,
            },
        ],
        notApplicable: [{ name: "launch templates", resources: () => [template()] }],
        unknown: [{ name: "protection is unknown", resources: () => [instance({ disableApiTermination: UNKNOWN })] }],
    });

    describePolicy(ec2InstanceDetailedMonitoring, {
        compliant: hosts,
        nonCompliant: [
            {
                name: "an instance on basic monitoring",
                resources: () => [instance({ monitoring: undefined })],
                expect: /EC2 instance `app` must turn on detailed monitoring/,
            },
            {
                name: "a launch template on basic monitoring",
                resources: () => [template({ monitoring: undefined })],
                expect: /Launch template `web` must turn on detailed monitoring/,
            },
            {
                name: "a launch configuration switching it off",
                resources: () => [configuration({ enableMonitoring: false })],
                expect: /Launch configuration `old` must keep detailed monitoring on/,
            },
        ],
        notApplicable: [{ name: "volumes", resources: () => [rec("aws:ebs/volume:Volume", "v", {})] }],
        unknown: [{ name: "monitoring is unknown", resources: () => [instance({ monitoring: UNKNOWN })] }],
    });

    describePolicy(ec2UserDataNoSecrets, {
        compliant: hosts,
        nonCompliant: [
            {
                name: "an access key in an instance's user data",
                resources: () => [instance({ userData: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n" })],
                expect: /EC2 instance `app` must not carry credentials in its user data/,
            },
            {
                name: "a database URL with a password in base64 launch-template user data",
                resources: () => [
                    template({ userData: Buffer.from("DATABASE_URL=postgres://app:s3cret@db.internal:5432/app\n").toString("base64") }),
                ],
                expect: /Launch template `web` must not carry credentials/,
            },
            {
                name: "a secret access key in a launch configuration",
                resources: () => [configuration({ userData: `aws_secret_access_key = ${"a".repeat(40)}\n` })],
                expect: /Launch configuration `old` must not carry credentials/,
            },
        ],
        notApplicable: [{ name: "volumes", resources: () => [rec("aws:ebs/volume:Volume", "v", {})] }],
        unknown: [{ name: "the user data is rendered from outputs", resources: () => [instance({ userData: UNKNOWN })] }],
    });

    describePolicy(ec2ImageSharingRestricted, {
        compliant: () => [rec("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "to-dr", { imageId: "ami-1", accountId: "222222222222" })],
        options: { config: { "ec2-image-sharing-restricted": { allowedAccountIds: ["222222222222"] } } },
        nonCompliant: [
            {
                name: "a public AMI",
                resources: () => [rec("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "public", { imageId: "ami-1", group: "all" })],
                expect: /must not make the image public/,
            },
            {
                name: "a snapshot shared with an unknown account",
                resources: () => [
                    rec("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "leak", {
                        snapshotId: "snap-1",
                        accountId: "333333333333",
                    }),
                ],
                expect: /Snapshot permission `leak` must share only with an allowed account, not `333333333333`/,
            },
            {
                name: "an AMI shared with another organisation",
                resources: () => [
                    rec("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "org", {
                        imageId: "ami-1",
                        organizationArn: "arn:aws:organizations::999999999999:organization/o-x",
                    }),
                ],
                expect: /must share only with an allowed organisation/,
            },
        ],
        notApplicable: [{ name: "AMIs themselves", resources: () => [rec("aws:ec2/ami:Ami", "golden", {})] }],
        unknown: [
            {
                name: "the account is unknown",
                resources: () => [
                    rec("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "to-dr", { imageId: "ami-1", accountId: UNKNOWN }),
                ],
            },
        ],
    });
});

describe("infra: EBS backups", () => {
    const volume = (name: string, tags?: Record<string, string>) =>
        rec("aws:ebs/volume:Volume", name, { availabilityZone: "eu-west-1a", size: 10, encrypted: true, ...(tags ? { tags } : {}) });
    const selection = (name: string, props: Record<string, unknown>, refs: Record<string, ResourceRecord> = {}) =>
        rec("aws:backup/selection:Selection", name, { iamRoleArn: "arn:role", planId: "plan-1", name, ...props }, refs);
    /** Volumes in a plan three ways: the organisation's tag, a selection by ARN, a selection by tag. */
    const covered = () => {
        const byArn = volume("by-arn");
        return [
            volume("tagged", { backup: "daily" }),
            byArn,
            volume("by-tag", { tier: "db" }),
            selection("arns", { resources: [UNKNOWN] }, { resources: byArn }),
            selection("tags", { selectionTags: [{ type: "STRINGEQUALS", key: "tier", value: "db" }] }),
        ];
    };
    describePolicy(ebsVolumeInBackupPlan, {
        compliant: covered,
        nonCompliant: [
            {
                name: "a volume in no plan",
                resources: () => [...covered(), volume("data")],
                expect: /EBS volume `data` must be in a backup plan/,
            },
            {
                name: "a volume opted out by its tag",
                resources: () => [volume("data", { backup: "none" })],
                expect: /EBS volume `data` must be in a backup plan/,
            },
        ],
        notApplicable: [{ name: "stacks without volumes", resources: () => [selection("all", { resources: ["*"] })] }],
    });

    it("counts a selection of every volume (an ARN wildcard) as covering all of them", async () => {
        const result = await runOne(ebsVolumeInBackupPlan, [volume("data"), selection("all", { resources: ["arn:aws:ec2:*:*:volume/*"] })]);
        assert.deepStrictEqual(result.diagnostics, []);
    });
});
