import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    tierTagKey: string;
    publicTierValue: string;
}

export const subnetNoPublicIpOutsidePublicTier: ResourcePolicyDefinition = {
    kind: "resource",
    id: "subnet-no-public-ip-outside-public-tier",
    description: "Checks whether only subnets of the public tier map public IP addresses on launch.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `mapPublicIpOnLaunch: false` on private and isolated subnets; only subnets tagged `tier=public` may map public IPs.",
    configSchema: {
        properties: { tierTagKey: { type: "string", default: "tier" }, publicTierValue: { type: "string", default: "public" } },
    },
    // The peers refuse public IPs on every subnet; ours lets the public tier map them.
    peerChecks: { partial: ["CKV_AWS_130", "PCI.DSS.321-VPCSubnetAutoAssignPublicIpDisabled"] },
    resourceTypes: [T.subnet],
    validateResource: forTypes([T.subnet], (args, report) => {
        const cfg = args.getConfig<Config>();
        if (args.props.mapPublicIpOnLaunch !== true) return;
        const tier = (args.props.tags as Record<string, string> | undefined)?.[cfg.tierTagKey];
        if (tier !== cfg.publicTierValue) {
            report(
                `Subnet \`${args.name}\` (tier \`${tier ?? "untagged"}\`) must not map ` +
                    `public IPs on launch: only the \`${cfg.publicTierValue}\` tier may.`,
            );
        }
    }),
};
