import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.vpcEndpointService, T.transitGateway];

/**
 * A PrivateLink service or a shared transit gateway that accepts every request lets any account
 * that can name it connect its network to ours: each connection must be accepted explicitly.
 */
export const vpcConnectionsRequireAcceptance: ResourcePolicyDefinition = {
    kind: "resource",
    id: "vpc-connections-require-acceptance",
    description:
        "Checks whether VPC endpoint services and transit gateways accept new network connections only explicitly, never automatically.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `acceptanceRequired: true` on the endpoint service and " +
        '`autoAcceptSharedAttachments: "disable"` (the default) on the transit ' +
        "gateway; accept each connection in a reviewed change.",
    peerChecks: { full: ["CKV_AWS_123", "CKV_AWS_331"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type === T.vpcEndpointService) {
            if (args.props.acceptanceRequired !== true)
                report(`VPC endpoint service \`${args.name}\` must require acceptance of each connection (\`acceptanceRequired: true\`).`);
        } else if (args.props.autoAcceptSharedAttachments === "enable") {
            report(
                `Transit gateway \`${args.name}\` must not accept shared attachments ` +
                    `automatically (\`autoAcceptSharedAttachments: "disable"\`).`,
            );
        }
    }),
};
