import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { T } from "../support/types";

/** `root`, uid 0, or `0:<gid>`/`root:<group>`. */
function isRoot(user: string): boolean {
    const u = user.split(":")[0].trim();
    return u === "" || u === "root" || u === "0";
}

export const ecsContainerNonRootUser: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-container-non-root-user",
    description: "Checks whether ECS containers declare a non-root user.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Set `user` to a non-zero uid (e.g. `"10001:10001"`) in the container definition and build the image to run as that user.',
    peerChecks: { partial: ["PCI.DSS.321-ECSTaskDefinitionUserForHostMode"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        containersOf(args.props).forEach((c, i) => {
            if (c.user === undefined || isRoot(String(c.user))) {
                report(
                    `Container ${containerName(c, i)} of task definition \`${args.name}\` ` +
                        `must run as a non-root \`user\` (it is ${c.user === undefined ? "unset, so root" : `\`${c.user}\``}).`,
                );
            }
        });
    }),
};
