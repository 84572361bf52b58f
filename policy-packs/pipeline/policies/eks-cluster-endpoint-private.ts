import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray, isWorldCidr } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowRestrictedPublicAccess: boolean;
}

/**
 * The Kubernetes API server of an EKS cluster is public by default, to the whole internet. It
 * is reached from inside the VPC (a VPN, a bastion-free SSM tunnel, the CI runners' VPC); a
 * platform that must keep a public endpoint can allow one restricted to named CIDRs.
 */
export const eksClusterEndpointPrivate: ResourcePolicyDefinition = {
    kind: "resource",
    id: "eks-cluster-endpoint-private",
    description: "Checks whether EKS clusters keep their Kubernetes API endpoint private (or, where allowed, public only to named CIDRs).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: " +
        "false }`; reach the API from inside the VPC. With " +
        "`allowRestrictedPublicAccess`, a public endpoint needs " +
        "`publicAccessCidrs` without 0.0.0.0/0.",
    configSchema: { properties: { allowRestrictedPublicAccess: { type: "boolean", default: false } } },
    peerChecks: { full: ["CKV_AWS_38", "CKV_AWS_39", "AwsSolutions-EKS1", "aws-eks-cluster-disallow-api-endpoint-public-access"] },
    resourceTypes: [T.eksCluster],
    validateResource: forTypes([T.eksCluster], (args, report) => {
        const vpc = args.props.vpcConfig as { endpointPublicAccess?: boolean; publicAccessCidrs?: string[] } | undefined;
        // The endpoint is public unless switched off.
        if (vpc?.endpointPublicAccess === false) return;
        const { allowRestrictedPublicAccess } = args.getConfig<Config>();
        if (!allowRestrictedPublicAccess) {
            report(`EKS cluster \`${args.name}\` must keep its API endpoint private (\`vpcConfig.endpointPublicAccess: false\`).`);
            return;
        }
        const cidrs = asArray(vpc?.publicAccessCidrs);
        if (cidrs.length === 0 || cidrs.some(isWorldCidr))
            report(
                `EKS cluster \`${args.name}\` must restrict its public API endpoint to ` +
                    `named CIDRs (\`vpcConfig.publicAccessCidrs\` without 0.0.0.0/0).`,
            );
    }),
};
