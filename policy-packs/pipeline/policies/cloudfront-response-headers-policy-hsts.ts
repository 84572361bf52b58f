import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minMaxAgeSeconds: number;
}

export const cloudfrontResponseHeadersPolicyHsts: ResourcePolicyDefinition = {
    kind: "resource",
    id: "cloudfront-response-headers-policy-hsts",
    description:
        "Checks whether CloudFront response headers policies send " +
        "Strict-Transport-Security for at least a year, with subdomains and " +
        "preload, " +
        "overriding the origin's.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Set `securityHeadersConfig.strictTransportSecurity` to `{ " +
        "accessControlMaxAgeSec: 31536000, includeSubdomains: true, preload: " +
        "true, override: " +
        "true }`.",
    configSchema: { properties: { minMaxAgeSeconds: { type: "integer", minimum: 0, default: 31536000 } } },
    peerChecks: { full: ["CKV_AWS_259"] },
    resourceTypes: [T.cloudfrontResponseHeadersPolicy],
    validateResource: forTypes([T.cloudfrontResponseHeadersPolicy], (args, report) => {
        const hsts = (args.props.securityHeadersConfig as { strictTransportSecurity?: Record<string, unknown> } | undefined)
            ?.strictTransportSecurity;
        if (!hsts) {
            report(
                `Response headers policy \`${args.name}\` must send ` +
                    `Strict-Transport-Security (\`securityHeadersConfig.strictTransportSecurity\`).`,
            );
            return;
        }
        const { minMaxAgeSeconds } = args.getConfig<Config>();
        const missing: string[] = [];
        if (typeof hsts.accessControlMaxAgeSec !== "number" || hsts.accessControlMaxAgeSec < minMaxAgeSeconds)
            missing.push(`\`accessControlMaxAgeSec\` ≥ ${minMaxAgeSeconds}`);
        for (const flag of ["includeSubdomains", "preload", "override"]) if (hsts[flag] !== true) missing.push(`\`${flag}: true\``);
        if (missing.length > 0)
            report(`Response headers policy \`${args.name}\` must set Strict-Transport-Security with ${missing.join(", ")}.`);
    }),
};
