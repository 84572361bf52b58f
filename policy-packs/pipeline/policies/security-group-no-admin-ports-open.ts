import type { ResourceValidationArgs } from "@pulumi/policy";
import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { DEFAULT_ADMIN_PORTS, exposedPorts } from "../support/ports";
import { asArray, isWorldCidr } from "../support/props";
import { T } from "../support/types";

export { DEFAULT_ADMIN_PORTS };

interface Config {
    adminPorts: number[];
}

interface Rule {
    fromPort?: number;
    toPort?: number;
    protocol?: string;
    cidrs: unknown[];
}

function rulesOf(args: ResourceValidationArgs): Rule[] {
    const p = args.props;
    switch (args.type) {
        case T.securityGroup:
            return asArray(p.ingress as Record<string, unknown>[]).map((r) => ({
                fromPort: r.fromPort as number,
                toPort: r.toPort as number,
                protocol: r.protocol as string,
                cidrs: [...asArray(r.cidrBlocks as string[]), ...asArray(r.ipv6CidrBlocks as string[])],
            }));
        case T.securityGroupRule:
            if (p.type !== "ingress") return [];
            return [
                {
                    fromPort: p.fromPort as number,
                    toPort: p.toPort as number,
                    protocol: p.protocol as string,
                    cidrs: [...asArray(p.cidrBlocks as string[]), ...asArray(p.ipv6CidrBlocks as string[])],
                },
            ];
        default:
            return [
                {
                    fromPort: p.fromPort as number,
                    toPort: p.toPort as number,
                    protocol: p.ipProtocol as string,
                    cidrs: [p.cidrIpv4, p.cidrIpv6],
                },
            ];
    }
}

export const securityGroupNoAdminPortsOpen: ResourcePolicyDefinition = {
    kind: "resource",
    id: "security-group-no-admin-ports-open",
    description: "Checks whether security groups keep administration and database ports (SSH, RDP, databases) closed to the internet.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Remove the 0.0.0.0/0 or ::/0 source from rules covering " +
        "administration ports; reach hosts through SSM Session Manager or a " +
        "bastion in a private subnet.",
    configSchema: {
        properties: { adminPorts: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: DEFAULT_ADMIN_PORTS } },
    },
    peerChecks: { full: ["CKV_AWS_24", "CKV_AWS_25", "PCI.DSS.321-EC2RestrictedSSH", "PCI.DSS.321-EC2RestrictedCommonPorts"] },
    resourceTypes: [T.securityGroup, T.securityGroupRule, T.ingressRule],
    validateResource: forTypes([T.securityGroup, T.securityGroupRule, T.ingressRule], (args, report) => {
        const { adminPorts } = args.getConfig<Config>();
        for (const rule of rulesOf(args)) {
            if (!rule.cidrs.some(isWorldCidr)) continue;
            const ports = exposedPorts(rule.fromPort, rule.toPort, rule.protocol, adminPorts);
            for (const port of ports) report(`Security group \`${args.name}\` must not allow 0.0.0.0/0 or ::/0 on port ${port}.`);
        }
    }),
};
