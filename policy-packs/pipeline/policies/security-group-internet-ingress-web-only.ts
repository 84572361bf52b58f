import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, isWorldCidr, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedPorts: number[];
    publicTagKey: string;
    publicTagValue: string;
}

interface WorldRule {
    owner: PolicyResource;
    group?: PolicyResource;
    from: number;
    to: number;
    all: boolean;
}

/**
 * Stack policy because rules may be separate resources (`SecurityGroupRule`,
 * `vpc.SecurityGroupIngressRule`) whose group, and so its tags, is another resource.
 */
export const securityGroupInternetIngressWebOnly: StackPolicyDefinition = {
    kind: "stack",
    id: "security-group-internet-ingress-web-only",
    description: "Checks whether internet ingress is limited to ports 80/443 on security groups tagged as public load-balancer groups.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Open the internet only to ports 80 and 443, and only on the public " +
        "load balancer's security group (tag it `tier=public-lb`); put " +
        "everything else behind the load balancer.",
    configSchema: {
        properties: {
            allowedPorts: { type: "array", items: { type: "integer" }, default: [80, 443] },
            publicTagKey: { type: "string", default: "tier" },
            publicTagValue: { type: "string", default: "public-lb" },
        },
    },
    // The peers refuse every internet source; ours lets 80/443 reach public load-balancer groups.
    peerChecks: {
        full: ["CKV_AWS_277"],
        partial: [
            "CKV_AWS_260",
            "AwsSolutions-EC23",
            "aws-ec2-securitygroup-disallow-public-internet-ingress",
            "aws-ec2-securitygroup-disallow-inbound-http-traffic",
        ],
    },
    resourceTypes: [T.securityGroup, T.securityGroupRule, T.ingressRule],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const groups = ofTypes(args.resources, [T.securityGroup]);
        const rules: WorldRule[] = [];
        for (const g of groups) {
            for (const r of asArray(g.props.ingress as Record<string, unknown>[])) {
                const cidrs = [...asArray(r.cidrBlocks as string[]), ...asArray(r.ipv6CidrBlocks as string[])];
                if (cidrs.some(isWorldCidr))
                    rules.push({
                        owner: g,
                        group: g,
                        from: Number(r.fromPort ?? 0),
                        to: Number(r.toPort ?? 65535),
                        all: r.protocol === "-1",
                    });
            }
        }
        for (const r of ofTypes(args.resources, [T.securityGroupRule, T.ingressRule])) {
            const p = r.props;
            if (r.type === T.securityGroupRule && p.type !== "ingress") continue;
            const cidrs =
                r.type === T.securityGroupRule
                    ? [...asArray(p.cidrBlocks as string[]), ...asArray(p.ipv6CidrBlocks as string[])]
                    : [p.cidrIpv4, p.cidrIpv6];
            if (!cidrs.some(isWorldCidr)) continue;
            const group = groups.find((g) => refersTo(r, "securityGroupId", g, ["arn", "name"]));
            const protocol = r.type === T.securityGroupRule ? p.protocol : p.ipProtocol;
            rules.push({ owner: r, group, from: Number(p.fromPort ?? 0), to: Number(p.toPort ?? 65535), all: protocol === "-1" });
        }
        if (rules.length === 0) args.notApplicable("No security group rule admits internet traffic.");
        for (const rule of rules) {
            const badPorts = rule.all || rule.from !== rule.to || !cfg.allowedPorts.includes(rule.from);
            const ports = rule.all ? "all ports" : rule.from === rule.to ? `port ${rule.from}` : `ports ${rule.from}-${rule.to}`;
            if (badPorts) {
                report(
                    `Security group rule \`${rule.owner.name}\` must not open ${ports} to ` +
                        `the internet: only ${cfg.allowedPorts.join("/")} may be.`,
                    rule.owner.urn,
                );
                continue;
            }
            const tags = rule.group ? ((known(() => rule.group?.props.tags) as Record<string, string> | undefined) ?? {}) : undefined;
            if (!tags) {
                report(
                    `Security group rule \`${rule.owner.name}\` opens ${ports} to the ` +
                        `internet, but its security group is not in this stack: internet ` +
                        `ingress belongs only on a public load-balancer group tagged \`${cfg.publicTagKey}=${cfg.publicTagValue}\`.`,
                    rule.owner.urn,
                );
            } else if (tags[cfg.publicTagKey] !== cfg.publicTagValue) {
                report(
                    `Security group \`${rule.group?.name}\` must not accept internet ` +
                        `traffic on ${ports}: only public load-balancer groups (tag ` +
                        `\`${cfg.publicTagKey}=${cfg.publicTagValue}\`) may.`,
                    rule.owner.urn,
                );
            }
        }
    },
};
