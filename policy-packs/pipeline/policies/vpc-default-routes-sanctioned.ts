import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { known } from "../support/props";
import { defaultRoutes, ROUTE_TABLE_TYPES, subnetsOf } from "../support/routes";
import { T } from "../support/types";

interface Config {
    tierTagKeys: string[];
    publicTierValue: string;
}

function tierOf(r: PolicyResource, keys: readonly string[]): string | undefined {
    const tags = (known(() => r.props.tags) as Record<string, string> | undefined) ?? {};
    for (const k of keys) if (typeof tags[k] === "string") return tags[k];
    return undefined;
}

/**
 * Stack policy: routes, route tables, their subnet associations and gateways are separate
 * resources. A default route is the door of a network: to the internet gateway only from the
 * public tier (where load balancers and NAT gateways live), never through a VPC peering
 * connection (which would hand the peer all our egress) nor a self-managed NAT instance.
 */
export const vpcDefaultRoutesSanctioned: StackPolicyDefinition = {
    kind: "stack",
    id: "vpc-default-routes-sanctioned",
    description:
        "Checks whether default routes (0.0.0.0/0, ::/0) lead to the internet " +
        "gateway only from public-tier route tables, and never through a VPC " +
        "peering connection or an instance's network interface.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Route 0.0.0.0/0 to the internet gateway only in the public tier's " +
        "route table (its subnets tagged `tier=public`); send private tiers " +
        "through NAT gateways, peers only to their CIDRs.",
    configSchema: {
        properties: {
            tierTagKeys: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, default: ["tier", "edf:tier"] },
            publicTierValue: { type: "string", minLength: 1, default: "public" },
        },
    },
    peerChecks: { full: ["CKV2_AWS_44", "CKV2_AWS_35"], partial: ["PCI.DSS.321-VPCNoUnrestrictedRouteToIGW"] },
    resourceTypes: [T.route, ...ROUTE_TABLE_TYPES, T.routeTableAssociation, T.subnet, T.internetGateway],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const routes = defaultRoutes(args.resources);
        if (routes.length === 0) args.notApplicable("The stack declares no default route.");
        const isPublic = new Map<string, boolean>();
        const publicTable = (table: PolicyResource) => {
            let answer = isPublic.get(table.urn);
            if (answer === undefined) {
                const subnets = subnetsOf(table, args.resources);
                answer =
                    tierOf(table, cfg.tierTagKeys) === cfg.publicTierValue ||
                    (subnets.length > 0 && subnets.every((s) => tierOf(s, cfg.tierTagKeys) === cfg.publicTierValue));
                isPublic.set(table.urn, answer);
            }
            return answer;
        };
        for (const route of routes) {
            const what = route.owner.type === T.route ? `Route \`${route.owner.name}\`` : `Route table \`${route.owner.name}\``;
            if (route.target === "peering")
                report(
                    `${what} must not send ${route.destination} through a VPC peering connection: route only the peer's CIDRs.`,
                    route.owner.urn,
                );
            else if (route.target === "network-interface")
                report(
                    `${what} must not send ${route.destination} to an instance's network interface: use a NAT gateway.`,
                    route.owner.urn,
                );
            else if (route.target === "internet-gateway" && !(route.table && publicTable(route.table)))
                report(
                    `${what} sends ${route.destination} to the internet gateway from ` +
                        `${route.table ? `route table \`${route.table.name}\`, which is not of the ${cfg.publicTierValue} tier` : "a route table this stack does not declare"}: ` +
                        `only the ${cfg.publicTierValue} tier may.`,
                    route.owner.urn,
                );
        }
    },
};
