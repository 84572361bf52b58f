import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isSet } from "../support/presence";
import { ebsDevicesOf, isEncrypted } from "../support/block-devices";
import { asArray } from "../support/props";
import { T } from "../support/types";

const TYPES = [T.imageBuilderComponent, T.imageBuilderDistribution, T.imageBuilderRecipe];

/**
 * Golden images are built once and copied everywhere: the build's components, the recipe's
 * volumes and every distributed AMI are encrypted under a customer-managed key, so the key
 * policy decides which accounts can launch them.
 */
export const imagebuilderKmsEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "imagebuilder-kms-encrypted",
    description:
        "Checks whether Image Builder components, image recipe volumes and distributed AMIs are encrypted with a customer-managed KMS key.",
    severity: "medium",
    enforcementLevel: "advisory",
    enforceAfter: "2027-03-01",
    waivable: true,
    remediationSteps:
        "Set `kmsKeyId` on components; `blockDeviceMappings[].ebs: { " +
        'encrypted: "true", kmsKeyId }` on recipes; ' +
        "`amiDistributionConfiguration.kmsKeyId` on every distribution.",
    // Checkov also asks an AMI key of distributions that distribute containers only.
    peerChecks: { full: ["CKV_AWS_180", "CKV_AWS_200"], partial: ["CKV_AWS_199"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        switch (args.type) {
            case T.imageBuilderComponent:
                if (!isSet(args.props, "kmsKeyId"))
                    report(`Image Builder component \`${args.name}\` must be encrypted with a customer-managed KMS key (\`kmsKeyId\`).`);
                return;
            case T.imageBuilderRecipe:
                for (const d of ebsDevicesOf(args.type, args.props)) {
                    if (!isEncrypted(d) || !isSet(d.settings, "kmsKeyId"))
                        report(
                            `Image recipe \`${args.name}\` must encrypt its ${d.label} with a ` +
                                `customer-managed KMS key (\`encrypted\`, \`kmsKeyId\`).`,
                        );
                }
                return;
            default:
                for (const dist of asArray(
                    args.props.distributions as { region?: string; amiDistributionConfiguration?: { kmsKeyId?: string } }[],
                )) {
                    if (dist.amiDistributionConfiguration && !isSet(dist.amiDistributionConfiguration, "kmsKeyId"))
                        report(
                            `Distribution configuration \`${args.name}\` must encrypt the AMIs it ` +
                                `distributes to ${String(dist.region)} with a customer-managed KMS key (\`amiDistributionConfiguration.kmsKeyId\`).`,
                        );
                }
        }
    }),
};
