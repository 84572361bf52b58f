import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { beanstalkSetting } from "../support/beanstalk";
import { T } from "../support/types";

const TYPES = [T.defaultVpc, T.defaultSubnet, T.ec2Instance, T.beanstalkEnvironment];

/**
 * Every account comes with a default VPC whose subnets give each instance a public IP and sit
 * outside the landing zone's tiers, flow logs and endpoints. Nothing may adopt it, and nothing
 * may land in it by omission: an instance without a subnet, a Beanstalk environment without a
 * VPC, both end up there.
 */
export const vpcDefaultVpcNotUsed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "vpc-default-vpc-not-used",
    description:
        "Checks whether stacks stay out of the default VPC: no default VPC or " +
        "subnet adopted, no instance or Beanstalk environment launched without " +
        "a subnet or VPC of its own.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Launch into the landing zone's VPC: set the instance's `subnetId` (or " +
        "a network interface), the Beanstalk environment's `aws:ec2:vpc` " +
        "`VPCId` and `Subnets` settings; do not manage `aws.ec2.DefaultVpc`/`DefaultSubnet`.",
    // cdk-nag also refuses instances placed by a network interface, and environments configured by a saved template.
    peerChecks: { full: ["CKV_AWS_148"], partial: ["PCI.DSS.321-EC2InstancesInVPC", "AwsSolutions-EB1"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        switch (args.type) {
            case T.defaultVpc:
            case T.defaultSubnet:
                report(
                    `\`${args.name}\` must not adopt the account's default ` +
                        `${args.type === T.defaultVpc ? "VPC" : "subnet"}: use the landing ` +
                        `zone's VPC.`,
                );
                return;
            case T.ec2Instance:
                if (
                    // Subnet ids are outputs of other resources: that one is given is enough.
                    !isSet(p, "subnetId") &&
                    !isSet(p, "networkInterfaces") &&
                    !isSet(p, "primaryNetworkInterface")
                )
                    report(`EC2 instance \`${args.name}\` must be launched into a subnet (\`subnetId\`), not the default VPC.`);
                return;
            default:
                // A saved configuration template may hold the VPC; it is judged where it is declared.
                if (p.templateName !== undefined) args.notApplicable("The environment takes its settings from a configuration template.");
                if (!beanstalkSetting(p.settings, "aws:ec2:vpc", "VPCId"))
                    report(`Beanstalk environment \`${args.name}\` must run in a VPC of its own (setting \`aws:ec2:vpc\` \`VPCId\`).`);
        }
    }),
};
