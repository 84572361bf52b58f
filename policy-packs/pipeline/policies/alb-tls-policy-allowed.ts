import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { LISTENER_TYPES } from "../support/types";

/** TLS 1.2+ with forward secrecy only; TLS 1.3 policies first. */
export const DEFAULT_ALLOWED_TLS_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
];

interface Config {
    allowedPolicies: string[];
}

export const albTlsPolicyAllowed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "alb-tls-policy-allowed",
    description: "Checks whether HTTPS and TLS listeners use an allowed (TLS 1.2+, forward-secret) security policy.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `sslPolicy` to one of the allowed policies, e.g. `ELBSecurityPolicy-TLS13-1-2-2021-06`.",
    configSchema: {
        properties: { allowedPolicies: { type: "array", items: { type: "string" }, minItems: 1, default: DEFAULT_ALLOWED_TLS_POLICIES } },
    },
    peerChecks: {
        // CKV_AWS_103 also refuses plain HTTP listeners that do not redirect (alb-http-redirects-to-https's part);
        // compliance-policies also asks a TLS policy of TCP listeners on port 443, which have none.
        partial: ["CKV2_AWS_74", "CKV_AWS_103", "aws-alb-listener-configure-secure-tls", "aws-lb-listener-configure-secure-tls"],
    },
    resourceTypes: [...LISTENER_TYPES],
    validateResource: forTypes(LISTENER_TYPES, (args, report) => {
        const protocol = args.props.protocol;
        if (protocol !== "HTTPS" && protocol !== "TLS") return;
        const { allowedPolicies } = args.getConfig<Config>();
        const policy = args.props.sslPolicy as string | undefined;
        if (!policy || !allowedPolicies.includes(policy)) {
            report(
                `${protocol} listener \`${args.name}\` must use an allowed TLS policy ` +
                    `(${allowedPolicies[0]} or another allowed one), not \`${policy ?? "the provider default"}\`.`,
            );
        }
    }),
};
