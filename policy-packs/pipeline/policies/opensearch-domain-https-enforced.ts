import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedTlsPolicies: string[];
}

const DOMAINS = [T.openSearchDomain, T.elasticsearchDomain];

export const opensearchDomainHttpsEnforced: ResourcePolicyDefinition = {
    kind: "resource",
    id: "opensearch-domain-https-enforced",
    description: "Checks whether OpenSearch (and Elasticsearch) domain endpoints refuse plain HTTP and accept TLS 1.2 or later only.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: " +
        '"Policy-Min-TLS-1-2-PFS-2023-10" }` (or another allowed TLS policy).',
    configSchema: {
        properties: {
            allowedTlsPolicies: {
                type: "array",
                items: { type: "string" },
                default: ["Policy-Min-TLS-1-2-PFS-2023-10", "Policy-Min-TLS-1-2-2019-07"],
            },
        },
    },
    resourceTypes: DOMAINS,
    peerChecks: { full: ["CKV_AWS_83", "CKV_AWS_228"] },
    validateResource: forTypes(DOMAINS, (args, report) => {
        const { allowedTlsPolicies } = args.getConfig<Config>();
        const options = args.props.domainEndpointOptions as { enforceHttps?: unknown; tlsSecurityPolicy?: unknown } | undefined;
        if (options?.enforceHttps !== true)
            report(`OpenSearch domain \`${args.name}\` must refuse plain HTTP (\`domainEndpointOptions.enforceHttps: true\`).`);
        const tls = options?.tlsSecurityPolicy;
        if (typeof tls !== "string" || !allowedTlsPolicies.includes(tls))
            report(
                `OpenSearch domain \`${args.name}\` must use one of the TLS policies ` +
                    `${allowedTlsPolicies.map((p) => `\`${p}\``).join(", ")} ` +
                    `(\`domainEndpointOptions.tlsSecurityPolicy\` is \`${String(tls)}\`).`,
            );
    }),
};
