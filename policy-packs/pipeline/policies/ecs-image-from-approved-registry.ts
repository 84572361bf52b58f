import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { globMatch } from "../../lib/waivers";
import { containerName, containersOf, registryOf } from "../support/containers";
import { T } from "../support/types";

interface Config {
    allowedRegistries: string[];
}

export const ecsImageFromApprovedRegistry: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-image-from-approved-registry",
    description: "Checks whether ECS container images come only from the organisation's registries.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Mirror the image into the organisation's ECR registry (pull-through cache or a build) and reference it there.",
    configSchema: {
        properties: {
            allowedRegistries: { type: "array", items: { type: "string" }, minItems: 1, default: ["*.dkr.ecr.*.amazonaws.com"] },
        },
    },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        const { allowedRegistries } = args.getConfig<Config>();
        containersOf(args.props).forEach((c, i) => {
            const registry = registryOf(String(c.image ?? ""));
            if (!allowedRegistries.some((g) => globMatch(g, registry))) {
                report(
                    `Container ${containerName(c, i)} of task definition \`${args.name}\` ` +
                        `must pull from an approved registry ` +
                        `(${allowedRegistries.join(", ")}), not \`${registry}\`.`,
                );
            }
        });
    }),
};
