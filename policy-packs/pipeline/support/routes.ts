import type { PolicyResource } from "@pulumi/policy";
import { isSet, knownItems } from "./presence";
import { known, ofTypes, refersTo } from "./props";
import { T } from "./types";

/** Where a default route sends traffic. */
export type RouteTarget = "internet-gateway" | "peering" | "network-interface" | "other";

/** A route for 0.0.0.0/0 or ::/0, inline in a route table or a separate `aws.ec2.Route`. */
export interface DefaultRoute {
    /** The resource that declares it: the route table (inline routes) or the route. */
    readonly owner: PolicyResource;
    /** The route table it belongs to, when the stack declares it. */
    readonly table: PolicyResource | undefined;
    readonly target: RouteTarget;
    readonly destination: string;
}

export const ROUTE_TABLE_TYPES = [T.routeTable, T.defaultRouteTable] as const;

const isDefault = (cidr: unknown) => cidr === "0.0.0.0/0" || cidr === "::/0";

/**
 * What a route sends traffic to. Target ids are usually outputs of other resources (unknown at
 * preview), so an internet gateway is recognised by its id (`igw-…`) or by a property
 * dependency (`deps`) on an `aws.ec2.InternetGateway` of the stack; other targets by which
 * property is set.
 */
function targetOf(route: object, owner: PolicyResource, deps: string, igws: readonly PolicyResource[]): RouteTarget {
    if (isSet(route, "vpcPeeringConnectionId")) return "peering";
    if (isSet(route, "networkInterfaceId")) return "network-interface";
    if (!isSet(route, "gatewayId")) return "other";
    const gateway = known(() => (route as Record<string, unknown>).gatewayId);
    if (typeof gateway === "string") return gateway.startsWith("igw-") ? "internet-gateway" : "other";
    const depUrns = new Set((owner.propertyDependencies[deps] ?? []).map((d) => d.urn));
    return igws.some((g) => depUrns.has(g.urn)) ? "internet-gateway" : "other";
}

/**
 * Every default route of the stack, inline (`routes` of route tables) or separate. Values are
 * read through `known()`: a destination unknown at preview is not judged, a target unknown at
 * preview is classified by the property dependencies.
 */
export function defaultRoutes(resources: readonly PolicyResource[]): DefaultRoute[] {
    const tables = ofTypes(resources, ROUTE_TABLE_TYPES);
    const igws = ofTypes(resources, [T.internetGateway]);
    const out: DefaultRoute[] = [];
    for (const table of tables) {
        for (const r of knownItems(() => table.props.routes) as Record<string, unknown>[]) {
            const destination = known(() => r.cidrBlock) ?? known(() => r.ipv6CidrBlock);
            if (isDefault(destination))
                out.push({ owner: table, table, target: targetOf(r, table, "routes", igws), destination: String(destination) });
        }
    }
    for (const route of ofTypes(resources, [T.route])) {
        const destination = known(() => route.props.destinationCidrBlock) ?? known(() => route.props.destinationIpv6CidrBlock);
        if (!isDefault(destination)) continue;
        const table = tables.find((t) => refersTo(route, "routeTableId", t, []));
        out.push({ owner: route, table, target: targetOf(route.props, route, "gatewayId", igws), destination: String(destination) });
    }
    return out;
}

interface Associations {
    readonly subnets: PolicyResource[];
    readonly associations: PolicyResource[];
}

/** The stack's subnets and associations, found once per stack rather than once per route table asked about. */
const associationsByStack = new WeakMap<readonly PolicyResource[], Associations>();

/** The subnets of the stack a route table is associated with. */
export function subnetsOf(table: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    let found = associationsByStack.get(resources);
    if (!found) {
        found = { subnets: ofTypes(resources, [T.subnet]), associations: ofTypes(resources, [T.routeTableAssociation]) };
        associationsByStack.set(resources, found);
    }
    const { subnets, associations } = found;
    return associations
        .filter((a) => refersTo(a, "routeTableId", table, []))
        .flatMap((a) => subnets.filter((s) => refersTo(a, "subnetId", s, [])));
}
