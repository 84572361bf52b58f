import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowMultiRegion: boolean;
}

const TYPES = [T.kmsKey, T.kmsExternalKey, T.kmsReplicaKey, T.kmsReplicaExternalKey];

/**
 * A multi-Region key shares its key material with every replica: data encrypted in one region
 * can be decrypted in another, and a grant or key policy mistake in any region exposes all of
 * them. Landing zones that need it (global tables, cross-region recovery) say so in config.
 */
export const kmsKeyMultiRegionAllowed: ResourcePolicyDefinition = {
    kind: "resource",
    id: "kms-key-multi-region-allowed",
    description: "Checks whether KMS keys stay in one region unless multi-Region keys are allowed by config.",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Create a single-Region key per region (`multiRegion` unset), or set `allowMultiRegion` for this policy where " +
        "replicated key material is a reviewed need.",
    configSchema: { properties: { allowMultiRegion: { type: "boolean", default: false } } },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.getConfig<Config>().allowMultiRegion) args.notApplicable("Multi-Region keys are allowed (`allowMultiRegion`).");
        const replica = args.type === T.kmsReplicaKey || args.type === T.kmsReplicaExternalKey;
        if (replica) report(`KMS key \`${args.name}\` replicates a multi-Region key: multi-Region keys are not allowed here.`);
        else if (args.props.multiRegion === true) report(`KMS key \`${args.name}\` must be a single-Region key (\`multiRegion\` is true).`);
    }),
};
