import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const appsyncApiCacheEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "appsync-api-cache-encrypted",
    description: "Checks whether AppSync API caches encrypt cached responses at rest and in transit.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `atRestEncryptionEnabled: true` and `transitEncryptionEnabled: " +
        "true` on the `aws.appsync.ApiCache` (both need the cache recreated).",
    peerChecks: { full: ["CKV_AWS_214", "CKV_AWS_215"] },
    resourceTypes: [T.appsyncApiCache],
    validateResource: forTypes([T.appsyncApiCache], (args, report) => {
        const missing = ["atRestEncryptionEnabled", "transitEncryptionEnabled"].filter((k) => args.props[k] !== true);
        if (missing.length > 0)
            report(`AppSync API cache \`${args.name}\` must set ${missing.map((k) => `\`${k}: true\``).join(" and ")}.`);
    }),
};
