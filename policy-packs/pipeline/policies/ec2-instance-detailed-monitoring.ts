import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.ec2Instance, T.launchTemplate, T.launchConfiguration];

/**
 * Five-minute metrics hide the spikes that precede an outage or an intrusion (a CPU burst from a
 * miner, a flood of connections); one-minute detailed monitoring lets alarms see them.
 */
export const ec2InstanceDetailedMonitoring: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ec2-instance-detailed-monitoring",
    description: "Checks whether EC2 instances, launch templates and launch configurations turn on detailed (one-minute) monitoring.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `monitoring: true` on instances, `monitoring: { enabled: true }` " +
        "on launch templates, and leave `enableMonitoring` on for launch configurations.",
    peerChecks: { full: ["CKV_AWS_126", "AwsSolutions-EC28"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const p = args.props;
        if (args.type === T.ec2Instance) {
            if (p.monitoring !== true) report(`EC2 instance \`${args.name}\` must turn on detailed monitoring (\`monitoring: true\`).`);
        } else if (args.type === T.launchTemplate) {
            if ((p.monitoring as { enabled?: boolean } | undefined)?.enabled !== true)
                report(`Launch template \`${args.name}\` must turn on detailed monitoring (\`monitoring: { enabled: true }\`).`);
        } else if (p.enableMonitoring === false) {
            report(`Launch configuration \`${args.name}\` must keep detailed monitoring on (\`enableMonitoring\`).`);
        }
    }),
};
