import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { KMS_KEY_TYPES } from "../support/kms";

interface Config {
    minDays: number;
}

/** AWS's default (and longest) window is 30 days; an unset window is that default. */
export const kmsKeyDeletionWindow: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-deletion-window",
    description: "Checks whether KMS keys wait long enough before a scheduled deletion destroys them, leaving time to notice and cancel.",
    severity: "medium",
    enforcementLevel: "advisory",
    environmentLevels: { prod: "mandatory", production: "mandatory" },
    waivable: true,
    remediationSteps: "Set `deletionWindowInDays` to 30 (or leave it unset: 30 is the default).",
    configSchema: { properties: { minDays: { type: "integer", minimum: 7, maximum: 30, default: 30 } } },
    resourceTypes: KMS_KEY_TYPES,
    validateResource: forTypes(KMS_KEY_TYPES, (args, report) => {
        const { minDays } = args.getConfig<Config>();
        const days = args.props.deletionWindowInDays;
        if (typeof days === "number" && days < minDays)
            report(`KMS key \`${args.name}\` must wait at least ${minDays} days before deletion (\`deletionWindowInDays\` is ${days}).`);
    }),
};
