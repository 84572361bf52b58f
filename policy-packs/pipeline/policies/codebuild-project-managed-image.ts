import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    allowedImagePrefixes: string[];
}

export const codebuildProjectManagedImage: ResourcePolicyDefinition = {
    kind: "resource",
    id: "codebuild-project-managed-image",
    description: "Checks whether CodeBuild projects build on images that AWS maintains (or another allowed registry prefix).",
    severity: "low",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Use an `aws/codebuild/…` image (e.g. " +
        "`aws/codebuild/amazonlinux-x86_64-standard:5.0`), or add the team's " +
        "scanned ECR repository to the " +
        "policy's `allowedImagePrefixes`.",
    configSchema: {
        properties: { allowedImagePrefixes: { type: "array", items: { type: "string" }, minItems: 1, default: ["aws/codebuild/"] } },
    },
    peerChecks: { full: ["AwsSolutions-CB5"] },
    resourceTypes: [T.codebuildProject],
    validateResource: forTypes([T.codebuildProject], (args, report) => {
        const image = (args.props.environment as { image?: unknown } | undefined)?.image;
        const { allowedImagePrefixes } = args.getConfig<Config>();
        if (typeof image !== "string" || !allowedImagePrefixes.some((p) => image.startsWith(p)))
            report(
                `CodeBuild project \`${args.name}\` must build on an allowed image ` +
                    `(${allowedImagePrefixes.join(", ")}), not \`${String(image)}\`.`,
            );
    }),
};
