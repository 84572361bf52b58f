import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

/** TLS 1.2 or later: the classic policy and the enhanced (TLS 1.3-capable) ones. */
export const DEFAULT_ALLOWED_API_TLS_POLICIES = [
    "TLS_1_2",
    "SecurityPolicy_TLS13_1_3_2025_09",
    "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_2021_06",
    "SecurityPolicy_TLS13_2025_EDGE",
    "SecurityPolicy_TLS12_PFS_2025_EDGE",
];

interface Config {
    allowedPolicies: string[];
}

const TYPES = [T.restApiDomainName, T.httpApiDomainName];

export const apigatewayDomainTlsPolicy: ResourcePolicyDefinition = {
    kind: "resource",
    id: "apigateway-domain-tls-policy",
    description: "Checks whether API Gateway custom domain names use an allowed (TLS 1.2 or later) security policy.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `securityPolicy` (REST: on the domain name; HTTP/WebSocket: " +
        "`domainNameConfiguration.securityPolicy`) to `TLS_1_2` or an enhanced " +
        "`SecurityPolicy_TLS13_…` policy.",
    configSchema: {
        properties: {
            allowedPolicies: { type: "array", items: { type: "string" }, minItems: 1, default: DEFAULT_ALLOWED_API_TLS_POLICIES },
        },
    },
    // The compliance-policies rules accept `TLS_1_2` only; the enhanced TLS 1.3 policies allowed here are stronger.
    peerChecks: {
        full: ["CKV_AWS_206", "aws-apigatewayv2-domainname-enable-domain-name-configuration"],
        partial: [
            "aws-apigateway-domainname-configure-security-policy",
            "aws-apigatewayv2-domainname-configure-domain-name-security-policy",
        ],
    },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy =
            args.type === T.httpApiDomainName
                ? (args.props.domainNameConfiguration as { securityPolicy?: unknown } | undefined)?.securityPolicy
                : args.props.securityPolicy;
        const { allowedPolicies } = args.getConfig<Config>();
        if (typeof policy !== "string" || !allowedPolicies.includes(policy))
            report(
                `API Gateway domain name \`${args.name}\` must use an allowed TLS security policy ` +
                    `(${allowedPolicies[0]} or another allowed one), not \`${String(policy ?? "the default")}\`.`,
            );
    }),
};
