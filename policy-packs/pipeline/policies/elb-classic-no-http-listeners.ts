import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

const HTTP = new Set(["http", "https"]);

/**
 * HTTP traffic belongs on an application load balancer: only it takes a WAF web ACL, modern
 * TLS policies, header hardening and HTTP-to-HTTPS redirects. A classic load balancer may still
 * pass TLS through (SSL/TCP listeners) where an NLB cannot be used.
 */
export const elbClassicNoHttpListeners: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elb-classic-no-http-listeners",
    description: "Checks whether classic load balancers are kept off HTTP and HTTPS traffic, which application load balancers serve.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Serve HTTP(S) from an application load balancer " +
        "(`aws.lb.LoadBalancer`, type application) behind the WAF; keep " +
        "classic load balancers, if at all, for SSL pass-through.",
    peerChecks: { full: ["AwsSolutions-ELB1"] },
    resourceTypes: [T.elbClassic],
    validateResource: forTypes([T.elbClassic], (args, report) => {
        asArray(args.props.listeners as Record<string, unknown>[]).forEach((l, i) => {
            if (HTTP.has(String(l.lbProtocol ?? "").toLowerCase()))
                report(
                    `Listener #${i} (port ${String(l.lbPort)}) of classic load balancer ` +
                        `\`${args.name}\` must not serve ${String(l.lbProtocol)}: use an ` +
                        `application load balancer.`,
                );
        });
    }),
};
