import type { StackPolicyDefinition } from "../../lib/model";
import { guardrailOf } from "../support/organizations";
import { coversAction, isAllow, parsePolicyDocument, PolicyStatement } from "../support/policy-document";
import { known, ofTypes } from "../support/props";
import { T } from "../support/types";

/** The actions a Deny statement names (a `NotAction` Deny, like the region guardrail, names what it leaves out instead). */
function deniedActions(s: PolicyStatement): readonly string[] {
    return s.effect === "Deny" && s.actions !== undefined ? s.actions : [];
}

/**
 * SCPs reach what they allow only through Allow statements, and an Allow with `NotAction` (or
 * `NotResource`) allows everything it does not list — including what the baseline denies, and
 * every action AWS adds later. This reads every SCP of the stack: the actions the baseline
 * guardrails deny, then each Allow with `NotAction`/`NotResource` that covers one of them, and any
 * Allow inside a guardrail itself (a guardrail only denies).
 */
export const organizationScpNoAllowBypass: StackPolicyDefinition = {
    kind: "stack",
    id: "organization-scp-no-allow-bypass",
    description:
        "Checks whether no service control policy allows, through `NotAction` or `NotResource`, an action the baseline guardrails deny, " +
        "and whether the guardrails themselves only deny.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Write Allow statements of SCPs with `Action` lists (or keep AWS's `FullAWSAccess`); keep `NotAction` for Deny " +
        "statements, and keep Allow statements out of the guardrails.",
    resourceTypes: [T.organizationsPolicy],
    validateStack: (args, report) => {
        const scps = ofTypes(args.resources, [T.organizationsPolicy]).filter((p) => known(() => p.props.type) !== "TAG_POLICY");
        if (scps.length === 0) {
            args.notApplicable("The stack declares no service control policy.");
            return;
        }
        const documents = scps.map((p) => ({ policy: p, document: parsePolicyDocument(known(() => p.props.content)) }));
        const baselineDenied = [
            ...new Set(
                documents
                    .filter((d) => guardrailOf(d.policy) !== undefined)
                    .flatMap((d) => d.document?.statements.flatMap(deniedActions) ?? []),
            ),
        ];
        for (const { policy, document } of documents) {
            for (const s of (document?.statements ?? []).filter(isAllow)) {
                const where = `SCP \`${policy.name}\`${s.sid ? ` (statement \`${s.sid}\`)` : ""}`;
                if (guardrailOf(policy) !== undefined) {
                    report(`${where} is a guardrail and must only deny: remove its Allow statement.`);
                    continue;
                }
                if (s.notActions === undefined && s.notResources === undefined) continue;
                const bypassed = baselineDenied.filter((a) => !a.includes("*") && coversAction(s, a));
                report(
                    `${where} must not allow with \`${s.notActions ? "NotAction" : "NotResource"}\`: it allows everything it does not list` +
                        (bypassed.length > 0
                            ? `, including ${bypassed
                                  .slice(0, 5)
                                  .map((a) => `\`${a}\``)
                                  .join(", ")}${bypassed.length > 5 ? ` and ${bypassed.length - 5} more` : ""} that the baseline denies.`
                            : "."),
                );
            }
        }
    },
};
