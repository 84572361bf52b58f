import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { asArray } from "../support/props";
import { T } from "../support/types";

interface Config {
    minRetentionDays: number;
}

type Lifecycle = { deleteAfter?: unknown };
type Rule = { ruleName?: unknown; lifecycle?: Lifecycle; copyActions?: { lifecycle?: Lifecycle }[] };

export const backupPlanRetentionMinimum: ResourcePolicyDefinition = {
    kind: "resource",
    id: "backup-plan-retention-minimum",
    description: "Checks whether AWS Backup plan rules (and their copies) keep recovery points for at least a minimum number of days.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set each rule's `lifecycle.deleteAfter` (and each copy action's) to " +
        "the minimum or more, or leave it unset to keep recovery points.",
    configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, default: 35 } } },
    resourceTypes: [T.backupPlan],
    validateResource: forTypes([T.backupPlan], (args, report) => {
        const { minRetentionDays } = args.getConfig<Config>();
        asArray(args.props.rules as Rule[]).forEach((rule, i) => {
            const name = typeof rule.ruleName === "string" ? rule.ruleName : `#${i + 1}`;
            const lifecycles = [rule.lifecycle, ...asArray(rule.copyActions).map((c) => c.lifecycle)];
            const short = lifecycles.map((l) => l?.deleteAfter).filter((d): d is number => typeof d === "number" && d < minRetentionDays);
            if (short.length > 0)
                report(
                    `Rule \`${name}\` of Backup plan \`${args.name}\` must keep recovery points at least ${minRetentionDays} days ` +
                        `(\`deleteAfter\` is ${Math.min(...short)}).`,
                );
        });
    }),
};
