import type { ResourceValidationArgs } from "@pulumi/policy";
import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray, isWorldCidr } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.securityGroup, T.securityGroupRule, T.egressRule];

/** Whether a rule covers every port: protocol -1/all, or 0-65535 (a `0`-`0` range read as "all", as the peers read it). */
function allTraffic(protocol: unknown, from: unknown, to: unknown): boolean {
    if (protocol === "-1" || protocol === "all") return true;
    const lo = Number(from ?? 0);
    const hi = Number(to ?? 65535);
    return lo <= 0 && (hi >= 65535 || hi === 0);
}

/** The egress rules a resource declares that send every port to the internet, by name for the message. */
function openEgress(args: ResourceValidationArgs): string[] {
    const p = args.props;
    if (args.type === T.securityGroup) {
        return asArray(p.egress as Record<string, unknown>[])
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => allTraffic(r.protocol, r.fromPort, r.toPort))
            .filter(({ r }) => [...asArray(r.cidrBlocks as string[]), ...asArray(r.ipv6CidrBlocks as string[])].some(isWorldCidr))
            .map(({ i }) => `egress rule #${i}`);
    }
    if (args.type === T.securityGroupRule) {
        if (p.type !== "egress") return [];
        const world = [...asArray(p.cidrBlocks as string[]), ...asArray(p.ipv6CidrBlocks as string[])].some(isWorldCidr);
        return world && allTraffic(p.protocol, p.fromPort, p.toPort) ? ["its rule"] : [];
    }
    const world = isWorldCidr(p.cidrIpv4) || isWorldCidr(p.cidrIpv6);
    return world && allTraffic(p.ipProtocol, p.fromPort, p.toPort) ? ["its rule"] : [];
}

/**
 * A compromised workload exfiltrates through whatever egress it has. Outbound internet traffic
 * is allowed per port (HTTPS to AWS APIs, say), never as "all traffic to 0.0.0.0/0", the
 * provider's old default.
 */
export const securityGroupNoUnrestrictedEgress: ResourcePolicyDefinition = {
    kind: "resource",
    id: "security-group-no-unrestricted-egress",
    description: "Checks whether security groups refrain from allowing all outbound traffic, on every port, to the internet.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Replace the all-traffic egress to 0.0.0.0/0 or ::/0 with the ports " +
        "the workload needs (e.g. TCP 443), to the narrowest destinations (VPC " +
        "CIDR, prefix lists, security groups).",
    peerChecks: { full: ["CKV_AWS_382"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        for (const which of openEgress(args))
            report(
                `${args.type === T.securityGroup ? "Security group" : "Security group rule"} ` +
                    `\`${args.name}\` must not allow all outbound traffic to the internet ` +
                    `(${which}): allow specific ports.`,
            );
    }),
};
