import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

export const ecrTagsImmutable: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecr-tags-immutable",
    description: "Checks whether ECR repositories make image tags immutable.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Set `imageTagMutability: "IMMUTABLE"` on the repository.',
    // The peers want IMMUTABLE exactly; ours also accepts IMMUTABLE_WITH_EXCLUSION.
    peerChecks: { partial: ["CKV_AWS_51", "aws-ecr-repository-disallow-mutable-image"] },
    resourceTypes: [T.ecrRepository],
    validateResource: forTypes([T.ecrRepository], (args, report) => {
        const m = args.props.imageTagMutability;
        if (m !== "IMMUTABLE" && m !== "IMMUTABLE_WITH_EXCLUSION")
            report(
                `ECR repository \`${args.name}\` must make tags immutable ` +
                    `(\`imageTagMutability: IMMUTABLE\`), not \`${String(m ?? "MUTABLE")}\`.`,
            );
    }),
};
