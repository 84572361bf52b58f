import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { ebsDevicesOf, isEncrypted } from "../support/block-devices";
import { T } from "../support/types";

const TYPES = [T.ec2Instance, T.launchTemplate, T.launchConfiguration, T.ami];

const WHAT: Record<string, string> = {
    [T.ec2Instance]: "EC2 instance",
    [T.launchTemplate]: "Launch template",
    [T.launchConfiguration]: "Launch configuration",
    [T.ami]: "AMI",
};

/**
 * A volume is encrypted when created or never. Instances and launch configurations always have
 * a root volume, so they must declare it encrypted rather than trust the AMI; a launch template
 * must declare its volumes, or the AMI's (possibly unencrypted) mappings apply to every
 * instance of the Auto Scaling group. An AMI's device made from a snapshot inherits that
 * snapshot's encryption.
 */
export const ec2BlockDevicesEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-block-devices-encrypted",
    description: "Checks whether EC2 instances, launch templates, launch configurations and AMIs declare their EBS volumes encrypted.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Declare the root volume and every EBS volume with `encrypted: true` " +
        "and a `kmsKeyId` (`rootBlockDevice`/`ebsBlockDevices`; on launch " +
        'templates `blockDeviceMappings[].ebs.encrypted: "true"`).',
    peerChecks: {
        full: [
            "CKV_AWS_8",
            "CKV_AWS_204",
            "aws-ec2-instance-disallow-unencrypted-block-device",
            "aws-ec2-instance-disallow-unencrypted-root-block-device",
            "aws-ec2-launchconfiguration-disallow-unencrypted-block-device",
            "aws-ec2-launchconfiguration-disallow-unencrypted-root-block-device",
            "aws-ec2-launchtemplate-disallow-unencrypted-block-device",
        ],
        partial: ["AwsSolutions-EC26"],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const what = `${WHAT[args.type]} \`${args.name}\``;
        const devices = ebsDevicesOf(args.type, args.props);
        if ((args.type === T.ec2Instance || args.type === T.launchConfiguration) && !args.props.rootBlockDevice)
            report(`${what} must declare its root volume encrypted (\`rootBlockDevice: { encrypted: true }\`).`);
        if (args.type === T.launchTemplate && devices.length === 0)
            report(
                `${what} must declare its EBS volumes encrypted (\`blockDeviceMappings[].ebs.encrypted: "true"\`), not inherit the AMI's.`,
            );
        for (const d of devices) {
            if (isEncrypted(d)) continue;
            if (args.type === T.ami && isSet(d.settings, "snapshotId")) continue;
            report(`${what} must encrypt its ${d.label} (\`encrypted: true\`).`);
        }
    }),
};
