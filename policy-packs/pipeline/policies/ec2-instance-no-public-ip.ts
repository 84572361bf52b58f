import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.ec2Instance, T.launchTemplate, T.launchConfiguration];

/**
 * Hosts are reached through load balancers and Session Manager, never directly. An instance or
 * launch configuration that does not say `false` takes the subnet's default, so the answer
 * must be explicit; a launch template must not ask for a public address on any interface.
 */
export const ec2InstanceNoPublicIp: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-instance-no-public-ip",
    description: "Checks whether EC2 instances, launch templates and launch configurations refuse public IP addresses.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `associatePublicIpAddress: false` on instances and launch " +
        'configurations, and no `associatePublicIpAddress: "true"` on ' +
        "launch-template interfaces; expose services through a load balancer, " +
        "administer through SSM Session Manager.",
    peerChecks: {
        full: [
            "CKV_AWS_88",
            "CKV_AWS_389",
            "PCI.DSS.321-EC2InstanceNoPublicIp",
            "PCI.DSS.321-AutoScalingLaunchConfigPublicIpDisabled",
            "aws-ec2-instance-disallow-public-ip",
            "aws-ec2-launchconfiguration-disallow-public-ip",
            "aws-ec2-launchtemplate-disallow-public-ip",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.launchTemplate) {
            asArray(args.props.networkInterfaces as Record<string, unknown>[]).forEach((nic, i) => {
                if (String(nic.associatePublicIpAddress) === "true")
                    report(`Launch template \`${args.name}\` must not give network interface #${i} a public IP address.`);
            });
            return;
        }
        if (args.props.associatePublicIpAddress !== false)
            report(
                `${args.type === T.ec2Instance ? "EC2 instance" : "Launch configuration"} ` +
                    `\`${args.name}\` must refuse a public IP address ` +
                    `(\`associatePublicIpAddress: false\`).`,
            );
    }),
};
