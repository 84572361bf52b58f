import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { T } from "../support/types";

export const ecsContainerReadOnlyRoot: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-container-read-only-root",
    description: "Checks whether ECS containers mount their root filesystem read-only.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: "Set `readonlyRootFilesystem: true` and give the container a volume for the paths it must write.",
    peerChecks: { full: ["CKV_AWS_336"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        containersOf(args.props).forEach((c, i) => {
            if (c.readonlyRootFilesystem !== true)
                report(`Container ${containerName(c, i)} of task definition \`${args.name}\` must set \`readonlyRootFilesystem: true\`.`);
        });
    }),
};
