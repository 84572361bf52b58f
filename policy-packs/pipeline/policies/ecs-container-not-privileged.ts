import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { T } from "../support/types";

export const ecsContainerNotPrivileged: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-container-not-privileged",
    description: "Checks whether ECS containers run without privileged mode.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps: "Remove `privileged: true` from the container definition; grant specific Linux capabilities only if truly needed.",
    peerChecks: { full: ["CKV_AWS_334"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        containersOf(args.props).forEach((c, i) => {
            if (c.privileged === true)
                report(`Container ${containerName(c, i)} of task definition \`${args.name}\` must not run privileged.`);
        });
    }),
};
