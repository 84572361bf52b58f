import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    allowedReferencePolicies: string[];
}

/** Classic load balancers' predefined policies that negotiate TLS 1.2 only. */
export const DEFAULT_CLASSIC_TLS_POLICIES = ["ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"];

const LEGACY_PROTOCOLS = new Set(["Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"]);

/**
 * A classic load balancer negotiates TLS through an `SSLNegotiationPolicyType` policy: either a
 * reference to a predefined AWS policy, which must be one of the TLS 1.2-only ones, or its own
 * attribute list, which must not switch on SSL, TLS 1.0 or TLS 1.1.
 */
export const elbClassicTlsPolicySecure: ResourcePolicyDefinition = {
    kind: "resource",
    id: "elb-classic-tls-policy-secure",
    description: "Checks whether classic load-balancer TLS negotiation policies allow TLS 1.2 or later only.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Reference an allowed predefined policy (`{ name: " +
        '"Reference-Security-Policy", value: ' +
        '"ELBSecurityPolicy-TLS-1-2-2017-01" }`) and set no ' +
        "`Protocol-SSLv3`/`Protocol-TLSv1`/`Protocol-TLSv1.1` attribute to true.",
    configSchema: {
        properties: {
            allowedReferencePolicies: { type: "array", items: { type: "string" }, minItems: 1, default: DEFAULT_CLASSIC_TLS_POLICIES },
        },
    },
    // Checkov refuses a legacy protocol attribute whatever its value, even "false".
    peerChecks: { partial: ["CKV_AWS_213"] },
    resourceTypes: [T.elbClassicPolicy],
    validateResource: forTypes([T.elbClassicPolicy], (args, report) => {
        if (args.props.policyTypeName !== "SSLNegotiationPolicyType") args.notApplicable("Only SSL negotiation policies set TLS versions.");
        const { allowedReferencePolicies } = args.getConfig<Config>();
        for (const a of asArray(args.props.policyAttributes as { name?: string; value?: string }[])) {
            if (a.name === "Reference-Security-Policy" && !allowedReferencePolicies.includes(String(a.value)))
                report(
                    `Load balancer policy \`${args.name}\` must reference a TLS 1.2+ ` +
                        `policy (${allowedReferencePolicies.join(", ")}), not \`${String(a.value)}\`.`,
                );
            if (a.name !== undefined && LEGACY_PROTOCOLS.has(a.name) && String(a.value).toLowerCase() === "true")
                report(`Load balancer policy \`${args.name}\` must not enable \`${a.name}\`.`);
        }
    }),
};
