import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { KMS_KEY_TYPES } from "../support/kms";

interface Config {
    minLength: number;
}

export const kmsKeyHasDescription: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-has-description",
    description: "Checks whether KMS keys say what they protect in their description, so key inventories and reviews can tell them apart.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps: "Set `description` to what the key protects and who owns it (e.g. `Payments data key (prod)`).",
    configSchema: { properties: { minLength: { type: "integer", minimum: 1, default: 6 } } },
    resourceTypes: KMS_KEY_TYPES,
    peerChecks: { full: ["aws-kms-key-missing-description"] },
    validateResource: forTypes(KMS_KEY_TYPES, (args, report) => {
        const { minLength } = args.getConfig<Config>();
        const d = args.props.description;
        if (typeof d !== "string" || d.trim().length < minLength)
            report(`KMS key \`${args.name}\` must describe what it protects (\`description\` of at least ${minLength} characters).`);
    }),
};
