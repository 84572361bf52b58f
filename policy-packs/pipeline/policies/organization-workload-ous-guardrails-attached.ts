import type { StackPolicyDefinition } from "../../lib/model";
import { BASELINE_GUARDRAILS, guardrailOf, organizationTree, unitName, WORKLOAD_TAG } from "../support/organizations";
import { known } from "../support/props";
import { T } from "../support/types";

interface Config {
    requiredGuardrails: string[];
    workloadUnits: string[];
}

/**
 * An SCP protects an OU when it is attached to the OU, to one of its ancestors or to the root: this
 * reads the stack's tree and attachments and names, per workload OU, every baseline guardrail that
 * reaches it by none of those paths (an SCP detached, or attached beside the OU instead of above it).
 */
export const organizationWorkloadOusGuardrailsAttached: StackPolicyDefinition = {
    kind: "stack",
    id: "organization-workload-ous-guardrails-attached",
    description:
        "Checks whether every workload OU of the organisation is reached by every baseline guardrail SCP " +
        "(attached to it, an ancestor or the root).",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Attach each baseline SCP (tagged `edf:guardrail`) to the root, to the workload OU or to one of its parents " +
        "(platform/organization's `rootGuardrails` and `organizationalUnits[].guardrails`).",
    configSchema: {
        properties: {
            requiredGuardrails: { type: "array", items: { type: "string" }, default: [...BASELINE_GUARDRAILS] },
            // OUs that hold workloads besides those tagged `edf:workload: "true"`, by name.
            workloadUnits: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    resourceTypes: [T.organizationalUnit, T.organizationsPolicy, T.organizationsPolicyAttachment],
    validateStack: (args, report) => {
        const tree = organizationTree(args.resources);
        const config = args.getConfig<Config>();
        const isWorkload = (unit: (typeof tree.units)[number]): boolean => {
            const tags = known(() => unit.props.tags) as Record<string, unknown> | undefined;
            return tags?.[WORKLOAD_TAG] === "true" || config.workloadUnits.includes(unitName(unit));
        };
        const workloads = tree.units.filter(isWorkload);
        if (workloads.length === 0) {
            args.notApplicable("The stack declares no workload OU.");
            return;
        }
        const fromRoot = new Set(tree.rootPolicies.map(guardrailOf));
        for (const unit of workloads) {
            const reaching = new Set(fromRoot);
            const seen = new Set<string>();
            for (let u: typeof unit | undefined = unit; u && !seen.has(u.urn); u = tree.parentOf(u)) {
                seen.add(u.urn);
                for (const p of tree.policiesOf(u)) reaching.add(guardrailOf(p));
            }
            const missing = config.requiredGuardrails.filter((g) => !reaching.has(g));
            if (missing.length > 0)
                report(
                    `Workload OU \`${unitName(unit)}\` must be reached by every baseline guardrail; ` +
                        `attach ${missing.map((g) => `\`${g}\``).join(", ")} to it, a parent OU or the root.`,
                );
        }
    },
};
