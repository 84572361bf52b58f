import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { containerName, containersOf } from "../support/containers";
import { T } from "../support/types";

/**
 * A task that shares the host's network, process or IPC namespace sees (and can signal, trace
 * or sniff) everything else on the instance, other tenants' tasks and the agent included.
 * Tasks get their own namespaces (`awsvpc` networking).
 */
export const ecsTaskNoHostNamespaces: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ecs-task-no-host-namespaces",
    description: "Checks whether ECS task definitions keep to their own network, process and IPC namespaces rather than the host's.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps: 'Use `networkMode: "awsvpc"` and leave `pidMode` and `ipcMode` unset (or `"task"`).',
    peerChecks: { full: ["CKV_AWS_335", "PCI.DSS.321-ECSTaskDefinitionUserForHostMode"] },
    resourceTypes: [T.taskDefinition],
    validateResource: forTypes([T.taskDefinition], (args, report) => {
        for (const mode of ["networkMode", "pidMode", "ipcMode"]) {
            if (args.props[mode] === "host")
                report(`Task definition \`${args.name}\` must not share the host's namespace (\`${mode}: "host"\`).`);
        }
        // Some definitions carry pidMode per container, where ECS ignores it but the intent shows.
        containersOf(args.props).forEach((c, i) => {
            if ((c as { pidMode?: string }).pidMode === "host")
                report(`Container ${containerName(c, i)} of task definition \`${args.name}\` must not share the host's process namespace.`);
        });
    }),
};
