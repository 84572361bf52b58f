import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf, isPinnedByDigest } from "../support/containers";
import { T } from "../support/types";

export const ecsImagePinnedByDigest: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-image-pinned-by-digest",
    description: "Checks whether ECS container images are referenced by content digest rather than a movable tag.",
    severity: "medium",
    enforcementLevel: "advisory",
    environmentLevels: { prod: "mandatory", production: "mandatory" },
    waivable: true,
    remediationSteps:
        "Reference images as `<repository>@sha256:<digest>` (resolve the tag at build time, e.g. from the ECR image's `imageDigest`).",
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        containersOf(args.props).forEach((c, i) => {
            const image = String(c.image ?? "");
            if (!isPinnedByDigest(image))
                report(
                    `Container ${containerName(c, i)} of task definition \`${args.name}\` ` +
                        `must reference its image by digest (\`@sha256:…\`), not \`${image}\`.`,
                );
        });
    }),
};
