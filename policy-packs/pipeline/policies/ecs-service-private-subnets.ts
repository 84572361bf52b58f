import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

function routesToInternet(routeTable: PolicyResource, routes: readonly PolicyResource[], igws: readonly PolicyResource[]): boolean {
    const isIgw = (gatewayId: unknown, r?: PolicyResource) =>
        (typeof gatewayId === "string" && gatewayId.startsWith("igw-")) ||
        (r !== undefined && igws.some((g) => refersTo(r, "gatewayId", g, [])));
    const inline = asArray(known(() => routeTable.props.routes) as Record<string, unknown>[]);
    if (inline.some((r) => (r.cidrBlock === "0.0.0.0/0" || r.ipv6CidrBlock === "::/0") && isIgw(r.gatewayId))) return true;
    return routes.some(
        (r) =>
            refersTo(r, "routeTableId", routeTable, []) &&
            (r.props.destinationCidrBlock === "0.0.0.0/0" || r.props.destinationIpv6CidrBlock === "::/0") &&
            isIgw(
                known(() => r.props.gatewayId),
                r,
            ),
    );
}

/** Stack policy: a subnet's internet route lives in route tables and associations, not on the service. */
export const ecsServicePrivateSubnets: StackPolicyDefinition = {
    kind: "stack",
    id: "ecs-service-private-subnets",
    description: "Checks whether ECS services run in subnets whose route tables have no route to an internet gateway.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Place services in private subnets (egress through NAT or VPC endpoints); keep internet-gateway routes to the public tier.",
    resourceTypes: [T.ecsService, T.subnet, T.routeTable, T.route, T.routeTableAssociation, T.internetGateway],
    validateStack: (args, report) => {
        const services = ofTypes(args.resources, [T.ecsService]);
        if (services.length === 0) args.notApplicable("The stack declares no ECS service.");
        const subnets = ofTypes(args.resources, [T.subnet]);
        const tables = ofTypes(args.resources, [T.routeTable]);
        const routes = ofTypes(args.resources, [T.route]);
        const assocs = ofTypes(args.resources, [T.routeTableAssociation]);
        const igws = ofTypes(args.resources, [T.internetGateway]);
        for (const svc of services) {
            const ids = asArray((known(() => svc.props.networkConfiguration) as { subnets?: unknown[] } | undefined)?.subnets);
            const mine = subnets.filter((s) => {
                const deps = svc.propertyDependencies.networkConfiguration;
                if (deps && deps.length > 0) return deps.some((d) => d.urn === s.urn);
                const sid = known(() => s.props.id);
                return ids.includes(sid) || svc.dependencies.some((d) => d.urn === s.urn);
            });
            for (const subnet of mine) {
                const tablesOfSubnet = assocs
                    .filter((a) => refersTo(a, "subnetId", subnet, []))
                    .flatMap((a) => tables.filter((t) => refersTo(a, "routeTableId", t, [])));
                if (tablesOfSubnet.some((t) => routesToInternet(t, routes, igws))) {
                    report(
                        `ECS service \`${svc.name}\` must not run in subnet ` +
                            `\`${subnet.name}\`, which routes 0.0.0.0/0 to an internet gateway.`,
                        svc.urn,
                    );
                }
            }
        }
    },
};
