import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/**
 * A Cloud9 environment on SSH needs inbound port 22 from Cloud9's public ranges and a public
 * subnet; over Systems Manager it needs no ingress at all and can live in a private subnet.
 */
export const cloud9EnvironmentNoIngress: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloud9-environment-no-ingress",
    description: "Checks whether Cloud9 EC2 environments connect through Systems Manager, with no inbound access.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `connectionType: "CONNECT_SSM"` (and a private `subnetId` with SSM endpoints or NAT).',
    peerChecks: { full: ["AwsSolutions-C91"] },
    resourceTypes: [T.cloud9Environment],
    validateResource: forTypes([T.cloud9Environment], (args, report) => {
        if (args.props.connectionType !== "CONNECT_SSM")
            report(
                `Cloud9 environment \`${args.name}\` must connect through Systems Manager (\`connectionType: "CONNECT_SSM"\`), not SSH.`,
            );
    }),
};
