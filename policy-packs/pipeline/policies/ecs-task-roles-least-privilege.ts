import type { StackPolicyDefinition } from "../../lib/model";
import { known, ofTypes, refersTo } from "../support/props";
import { isAdminRole } from "../support/role-privileges";
import { T } from "../support/types";

/** Stack policy: roles, their attachments and inline policies are separate resources. */
export const ecsTaskRolesLeastPrivilege: StackPolicyDefinition = {
    kind: "stack",
    id: "ecs-task-roles-least-privilege",
    description: "Checks whether ECS task definitions use separate task and execution roles, neither with administrator access.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Give the task its own role with only what the application needs, and " +
        "a separate execution role for pulling images and reading secrets; " +
        "never attach AdministratorAccess or `*:*`.",
    peerChecks: { full: ["CKV_AWS_249"] },
    resourceTypes: [T.taskDefinition, T.iamRole, T.iamRolePolicyAttachment, T.iamRolePolicy],
    validateStack: (args, report) => {
        const tasks = ofTypes(args.resources, [T.taskDefinition]);
        if (tasks.length === 0) args.notApplicable("The stack declares no ECS task definition.");
        const roles = ofTypes(args.resources, [T.iamRole]);
        for (const task of tasks) {
            const taskRole = known(() => task.props.taskRoleArn);
            const execRole = known(() => task.props.executionRoleArn);
            const taskRoleRes = roles.find((r) => refersTo(task, "taskRoleArn", r, ["arn"]));
            const execRoleRes = roles.find((r) => refersTo(task, "executionRoleArn", r, ["arn"]));
            const same =
                (taskRoleRes && execRoleRes && taskRoleRes.urn === execRoleRes.urn) ||
                (typeof taskRole === "string" && taskRole === execRole);
            if (same) report(`Task definition \`${task.name}\` must use different roles for the task and for execution.`, task.urn);
            for (const [what, role] of [
                ["task", taskRoleRes],
                ["execution", execRoleRes],
            ] as const) {
                if (role && isAdminRole(role, args.resources))
                    report(
                        `The ${what} role \`${role.name}\` of task definition \`${task.name}\` must not have administrator access.`,
                        task.urn,
                    );
            }
        }
    },
};
