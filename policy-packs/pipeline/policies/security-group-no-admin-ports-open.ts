import type { ResourceValidationArgs } from "@pulumi/policy";
import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray, isWorldCidr } from "../support/props";
import { T } from "../support/types";

/** SSH, RDP and the common database and cache ports. */
export const DEFAULT_ADMIN_PORTS = [22, 3389, 3306, 5432, 1433, 1521, 27017, 6379, 9200, 5439, 11211];

interface Config {
    adminPorts: number[];
}

function exposedPorts(from: number | undefined, to: number | undefined, protocol: string | undefined, ports: readonly number[]): number[] {
    // Protocol -1 ("all") opens every port whatever the port fields say.
    if (protocol === "-1" || protocol === "all") return [...ports];
    const lo = from ?? 0;
    const hi = to ?? from ?? 65535;
    return ports.filter((p) => p >= lo && p <= hi);
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
    controls: { "pci-dss-v4.0": ["1.3.1", "1.3.2", "1.4.2"] },
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Remove the 0.0.0.0/0 or ::/0 source from rules covering administration ports; reach hosts through SSM Session Manager or a bastion in a private subnet.",
    configSchema: {
        properties: { adminPorts: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: DEFAULT_ADMIN_PORTS } },
    },
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
