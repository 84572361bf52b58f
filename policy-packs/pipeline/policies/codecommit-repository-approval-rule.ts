import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, ofTypes, parseMaybeJson } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

interface Config {
    minApprovals: number;
}

/** The fewest approvals any statement of an approval rule template's content asks for (0 when it cannot tell). */
function approvalsNeeded(content: unknown): number {
    const doc = parseMaybeJson(content) as { Statements?: unknown } | undefined;
    const counts = asArray(doc?.Statements as { NumberOfApprovalsNeeded?: unknown }[]).map((s) => Number(s?.NumberOfApprovalsNeeded ?? 0));
    return counts.length === 0 ? 0 : Math.min(...counts);
}

export const codecommitRepositoryApprovalRule: StackPolicyDefinition = {
    kind: "stack",
    id: "codecommit-repository-approval-rule",
    description:
        "Checks whether every CodeCommit repository has an approval rule template asking for at least two approvals before a merge.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Create an `aws.codecommit.ApprovalRuleTemplate` whose content has " +
        '`"NumberOfApprovalsNeeded": 2` (or more) and associate it with each ' +
        "repository (`aws.codecommit.ApprovalRuleTemplateAssociation`).",
    configSchema: { properties: { minApprovals: { type: "integer", minimum: 1, default: 2 } } },
    peerChecks: { full: ["CKV_AWS_257", "CKV2_AWS_37"] },
    resourceTypes: [T.codecommitRepository, T.codecommitApprovalRuleTemplate, T.codecommitApprovalRuleTemplateAssociation],
    validateStack: (args, report) => {
        const repos = ofTypes(args.resources, [T.codecommitRepository]);
        const templates = ofTypes(args.resources, [T.codecommitApprovalRuleTemplate]);
        if (repos.length === 0 && templates.length === 0)
            args.notApplicable("The stack declares no CodeCommit repository or approval rule template.");
        const { minApprovals } = args.getConfig<Config>();
        for (const t of templates) {
            if (approvalsNeeded(t.props.content) < minApprovals)
                report(
                    `Approval rule template \`${t.name}\` must require at least ${minApprovals} approvals (\`NumberOfApprovalsNeeded\`).`,
                    t.urn,
                );
        }
        const associations = ofTypes(args.resources, [T.codecommitApprovalRuleTemplateAssociation]);
        // An association names its template; a template outside the stack cannot be read, so it is taken on trust.
        const byRepo = linksByTarget(associations, "repositoryName", repos, ["repositoryName"]);
        for (const r of repos) {
            if ((byRepo.get(r.urn) ?? []).length === 0)
                report(
                    `CodeCommit repository \`${r.name}\` must have an approval rule ` +
                        `template (aws.codecommit.ApprovalRuleTemplateAssociation).`,
                    r.urn,
                );
        }
    },
};
