import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

const TYPES = [T.sesConfigurationSet, T.sesv2ConfigurationSet];

export const sesConfigurationSetTlsRequired: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ses-configuration-set-tls-required",
    description: "Checks whether SES configuration sets deliver mail only over TLS to the receiving server.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `deliveryOptions.tlsPolicy` to `Require` (SES v1) or `REQUIRE` (SES v2); the default `Optional` falls back to plain text.",
    peerChecks: { full: ["CKV_AWS_365"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = (args.props.deliveryOptions as { tlsPolicy?: unknown } | undefined)?.tlsPolicy;
        if (typeof policy !== "string" || policy.toUpperCase() !== "REQUIRE")
            report(`SES configuration set \`${args.name}\` must require TLS for delivery (\`deliveryOptions.tlsPolicy\`).`);
    }),
};
