import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/**
 * An instance outside an Auto Scaling group is a pet: nothing replaces it when an API call or
 * a console click terminates it. (Instances of Auto Scaling groups come from launch templates,
 * not from `aws.ec2.Instance`.)
 */
export const ec2InstanceTerminationProtection: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-instance-termination-protection",
    description: "Checks whether standalone EC2 instances are protected against termination through the API.",
    severity: "low",
    enforcementLevel: "advisory",
    environmentLevels: { prod: "mandatory", production: "mandatory" },
    waivable: true,
    remediationSteps: "Set `disableApiTermination: true`, or run the workload in an Auto Scaling group from a launch template.",
    peerChecks: { full: ["AwsSolutions-EC29"] },
    resourceTypes: [T.ec2Instance],
    validateResource: forTypes([T.ec2Instance], (args, report) => {
        if (args.props.disableApiTermination !== true)
            report(`EC2 instance \`${args.name}\` must be protected against termination (\`disableApiTermination: true\`).`);
    }),
};
