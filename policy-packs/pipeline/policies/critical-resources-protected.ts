import type { StackPolicyDefinition } from "../../lib/model";
import { known } from "../support/props";
import { BUCKET_TYPES, T } from "../support/types";

interface Config {
    criticalTypes: string[];
    roleTagKey: string;
    criticalRoles: string[];
}

/**
 * CrossGuard cannot veto a delete it is never shown, so this guards deletion and replacement
 * the way the engine enforces it: critical resources must be `protect`ed, and the engine then
 * refuses to delete or replace them until someone removes the protection in a reviewed change.
 */
export const criticalResourcesProtected: StackPolicyDefinition = {
    kind: "stack",
    id: "critical-resources-protected",
    description: "Checks whether critical resources (KMS keys, VPCs, the log archive) are protected against deletion and replacement.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Create the resource with `{ protect: true }`; removing protection must be its own reviewed change.",
    configSchema: {
        properties: {
            criticalTypes: { type: "array", items: { type: "string" }, default: [T.kmsKey, T.vpc] },
            roleTagKey: { type: "string", default: "edf:role" },
            criticalRoles: { type: "array", items: { type: "string" }, default: ["log-archive"] },
        },
    },
    resourceTypes: [T.kmsKey, T.vpc, ...BUCKET_TYPES],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const critical = args.resources.filter((r) => {
            if (cfg.criticalTypes.includes(r.type)) return true;
            const tags = known(() => r.props.tags) as Record<string, string> | undefined;
            return tags !== undefined && typeof tags === "object" && cfg.criticalRoles.includes(tags[cfg.roleTagKey]);
        });
        if (critical.length === 0) args.notApplicable("The stack declares no critical resource.");
        for (const r of critical) {
            if (r.opts.protect !== true)
                report(
                    `Critical resource \`${r.name}\` (${r.type}) must be created with ` +
                        `\`protect: true\` so it cannot be deleted or replaced.`,
                    r.urn,
                );
        }
    },
};
