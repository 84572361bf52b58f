import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { T } from "../support/types";

export const ecsContainerLogConfiguration: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-container-log-configuration",
    description: "Checks whether every ECS container has a log configuration.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Add `logConfiguration: { logDriver: "awslogs", options: { ' +
        '"awslogs-group": ..., "awslogs-region": ..., "awslogs-stream-prefix": ' +
        "... } }` (or FireLens).",
    peerChecks: { full: ["AwsSolutions-ECS7"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        containersOf(args.props).forEach((c, i) => {
            if (!c.logConfiguration?.logDriver)
                report(
                    `Container ${containerName(c, i)} of task definition \`${args.name}\` ` +
                        `must have a \`logConfiguration\` with a log driver.`,
                );
        });
    }),
};
