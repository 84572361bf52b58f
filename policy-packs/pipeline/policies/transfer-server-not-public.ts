import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const transferServerNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "transfer-server-not-public",
    description:
        "Checks whether Transfer Family servers have a VPC endpoint (with " +
        "security groups) rather than a public endpoint open to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `endpointType: "VPC"` with `endpointDetails` (subnets, security ' +
        "groups limited to partners' addresses, and Elastic IPs for an " +
        "internet-facing endpoint).",
    peerChecks: { full: ["CKV_AWS_164"] },
    resourceTypes: [T.transferServer],
    validateResource: forTypes([T.transferServer], (args, report) => {
        const type = args.props.endpointType;
        if (type !== "VPC" && type !== "VPC_ENDPOINT")
            report(
                `Transfer server \`${args.name}\` must use a VPC endpoint (\`endpointType: "VPC"\`), not \`${String(type ?? "PUBLIC")}\`.`,
            );
    }),
};
