import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { inlineDocuments, isAdminPolicyArn, Statement, statementsOf } from "../support/iam";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

/** An Allow of every action (`*`, or `NotAction` alone), whatever the resources. */
function allowsEveryAction(s: Statement): boolean {
    return s.effect === "Allow" && (s.actions.includes("*") || (s.notActions.length > 0 && s.actions.length === 0));
}

/**
 * Why the role is over-privileged, or undefined: admin managed policies, or `*` actions in its own
 * or attached documents. The documents are the judged values, read directly (unknown at preview
 * stays unknown); an attachment's ARN that is unknown names a policy created here, judged by its
 * document, never an AWS managed one.
 */
function overPrivilege(role: PolicyResource, resources: readonly PolicyResource[]): string | undefined {
    const managed = asArray(role.props.managedPolicyArns as string[]);
    const attached = ofTypes(resources, [T.iamRolePolicyAttachment]).filter((a) => refersTo(a, "role", role, ["name", "id"]));
    const admin = [...managed, ...attached.map((a) => known(() => a.props.policyArn))].find(isAdminPolicyArn);
    if (admin) return `has the managed policy \`${String(admin)}\``;
    const documents = [
        ...inlineDocuments(role.props),
        ...ofTypes(resources, [T.iamRolePolicy])
            .filter((p) => refersTo(p, "role", role, ["name", "id"]))
            .map((p) => p.props.policy),
        ...ofTypes(resources, [T.iamPolicy])
            .filter((p) => attached.some((a) => refersTo(a, "policyArn", p, ["arn"])))
            .map((p) => p.props.policy),
    ];
    if (documents.some((d) => statementsOf(d).some(allowsEveryAction))) return "allows every action (`*`)";
    return undefined;
}

/** Stack policy: a notebook's role, its inline and attached policies are separate resources. */
export const sagemakerNotebookRoleLeastPrivilege: StackPolicyDefinition = {
    kind: "stack",
    id: "sagemaker-notebook-role-least-privilege",
    description:
        "Checks whether the IAM role of a SageMaker notebook instance is limited to named actions (no `*`, no administrator policy).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Give the notebook its own role with the actions its work needs on the buckets and keys it uses; never `Action: "*"`, ' +
        "AdministratorAccess or PowerUserAccess.",
    resourceTypes: [T.sagemakerNotebook, T.iamRole, T.iamRolePolicy, T.iamRolePolicyAttachment, T.iamPolicy],
    peerChecks: { full: ["CKV2_AWS_68"] },
    validateStack: (args, report) => {
        const notebooks = ofTypes(args.resources, [T.sagemakerNotebook]);
        if (notebooks.length === 0) args.notApplicable("The stack declares no SageMaker notebook instance.");
        const roles = ofTypes(args.resources, [T.iamRole]);
        for (const notebook of notebooks) {
            const role = roles.find((r) => refersTo(notebook, "roleArn", r, ["arn"]));
            const why = role ? overPrivilege(role, args.resources) : undefined;
            if (role && why)
                report(
                    `The role \`${role.name}\` of SageMaker notebook \`${notebook.name}\` must be least-privilege: it ${why}.`,
                    notebook.urn,
                );
        }
    },
};
