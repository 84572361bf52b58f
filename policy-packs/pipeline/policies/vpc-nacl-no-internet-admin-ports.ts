import type { ResourceValidationArgs } from "@pulumi/policy";
import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { exposedPorts } from "../support/ports";
import { asArray, isWorldCidr } from "../support/props";
import { T } from "../support/types";

interface Config {
    adminPorts: number[];
}

interface Entry {
    ruleNo: number;
    allow: boolean;
    world: boolean;
    protocol: string;
    from?: number;
    to?: number;
}

/**
 * FTP, SSH and RDP. Shorter than the security-group list: a stateless ACL must admit the
 * ephemeral return ports (1024-65535) from the internet, so only ports an ACL can sensibly deny
 * ahead of that range are required closed by default.
 */
export const DEFAULT_NACL_ADMIN_PORTS = [20, 21, 22, 3389];

const TYPES = [T.networkAcl, T.defaultNetworkAcl, T.networkAclRule];

/** Protocol -1 (or "all") covers every port whatever the port fields say. */
const allProtocols = (protocol: string) => protocol === "-1" || protocol === "all";

/** The ingress entries a resource declares, in evaluation order (lowest rule number first). */
function ingressEntries(args: ResourceValidationArgs): Entry[] {
    const p = args.props;
    if (args.type === T.networkAclRule) {
        if (p.egress === true) return [];
        return [
            {
                ruleNo: Number(p.ruleNumber),
                allow: p.ruleAction === "allow",
                world: isWorldCidr(p.cidrBlock) || isWorldCidr(p.ipv6CidrBlock),
                protocol: String(p.protocol),
                from: p.fromPort as number | undefined,
                to: p.toPort as number | undefined,
            },
        ];
    }
    return asArray(p.ingress as Record<string, unknown>[])
        .map((e) => ({
            ruleNo: Number(e.ruleNo),
            allow: e.action === "allow",
            world: isWorldCidr(e.cidrBlock) || isWorldCidr(e.ipv6CidrBlock),
            protocol: String(e.protocol),
            from: e.fromPort as number | undefined,
            to: e.toPort as number | undefined,
        }))
        .sort((a, b) => a.ruleNo - b.ruleNo);
}

/**
 * A network ACL evaluates its entries in rule-number order and the first match wins, so an
 * internet `allow` for an administration port is exposed unless an earlier internet `deny`
 * covers that port. A separate `NetworkAclRule` is judged on its own (its ACL's other entries
 * may be in another stack), as the peers judge it.
 */
export const vpcNaclNoInternetAdminPorts: ResourcePolicyDefinition = {
    kind: "resource",
    id: "vpc-nacl-no-internet-admin-ports",
    description:
        "Checks whether network ACLs keep administration and database ports, and all-ports rules, closed to inbound internet traffic.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Allow inbound internet traffic only on the ports the public tier " +
        "serves (443, 80, ephemeral return ports), with lower-numbered " +
        "internet `deny` entries for administration ports the ephemeral range " +
        'covers (RDP 3389); never a `protocol: "-1"` allow from 0.0.0.0/0 or ::/0.',
    configSchema: {
        properties: {
            adminPorts: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: DEFAULT_NACL_ADMIN_PORTS },
        },
    },
    peerChecks: { full: ["CKV_AWS_229", "CKV_AWS_230", "CKV_AWS_231", "CKV_AWS_232"], partial: ["CKV_AWS_352"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const { adminPorts } = args.getConfig<Config>();
        const denied = new Set<number>();
        let allDenied = false;
        for (const e of ingressEntries(args)) {
            if (!e.world || allDenied) continue;
            if (!e.allow) {
                if (allProtocols(e.protocol)) allDenied = true;
                else for (const port of exposedPorts(e.from, e.to, e.protocol, adminPorts)) denied.add(port);
                continue;
            }
            if (allProtocols(e.protocol)) {
                report(`Network ACL \`${args.name}\` must not allow all traffic from the internet (rule ${e.ruleNo}, protocol -1).`);
                continue;
            }
            const open = exposedPorts(e.from, e.to, e.protocol, adminPorts).filter((port) => !denied.has(port));
            if (open.length > 0)
                report(
                    `Network ACL \`${args.name}\` must not allow internet ingress on ` +
                        `port${open.length > 1 ? "s" : ""} ${open.join(", ")} (rule ${e.ruleNo}).`,
                );
        }
    }),
};
