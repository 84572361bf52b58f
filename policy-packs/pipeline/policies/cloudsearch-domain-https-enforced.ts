import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedTlsPolicies: string[];
}

export const cloudsearchDomainHttpsEnforced: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudsearch-domain-https-enforced",
    description: "Checks whether CloudSearch domain endpoints refuse plain HTTP and accept TLS 1.2 or later only.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `endpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" }`.',
    configSchema: {
        properties: { allowedTlsPolicies: { type: "array", items: { type: "string" }, default: ["Policy-Min-TLS-1-2-2019-07"] } },
    },
    resourceTypes: [T.cloudSearchDomain],
    peerChecks: { full: ["CKV_AWS_218", "CKV_AWS_220"] },
    validateResource: forTypes([T.cloudSearchDomain], (args, report) => {
        const { allowedTlsPolicies } = args.getConfig<Config>();
        const options = args.props.endpointOptions as { enforceHttps?: unknown; tlsSecurityPolicy?: unknown } | undefined;
        if (options?.enforceHttps !== true)
            report(`CloudSearch domain \`${args.name}\` must refuse plain HTTP (\`endpointOptions.enforceHttps: true\`).`);
        const tls = options?.tlsSecurityPolicy;
        if (typeof tls !== "string" || !allowedTlsPolicies.includes(tls))
            report(
                `CloudSearch domain \`${args.name}\` must use the TLS policy ${allowedTlsPolicies.map((p) => `\`${p}\``).join(" or ")} ` +
                    `(\`endpointOptions.tlsSecurityPolicy\` is \`${String(tls)}\`).`,
            );
    }),
};
