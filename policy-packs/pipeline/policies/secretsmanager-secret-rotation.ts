import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes } from "../support/props";
import { linksByTarget } from "../support/stack-links";
import { T } from "../support/types";

interface Config {
    maxRotationDays: number;
    rotatedByTag: string;
    trustedRotators: string[];
}

const RATE = /^rate\((\d+)\s+(day|days|hour|hours|minute|minutes)\)$/;

/** Days between rotations of a schedule, or undefined when it cannot tell (cron: AWS rotates at least as often as it fires). */
function rateDays(expression: string): number | undefined {
    const m = RATE.exec(expression.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    return m[2].startsWith("day") ? n : m[2].startsWith("hour") ? n / 24 : n / 1440;
}

export const secretsmanagerSecretRotation: StackPolicyDefinition = {
    kind: "stack",
    id: "secretsmanager-secret-rotation",
    description: "Checks whether every Secrets Manager secret is rotated automatically, at least every 90 days by default.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Add an `aws.secretsmanager.SecretRotation` for the secret with a " +
        "rotation function and `rotationRules.automaticallyAfterDays` (or a " +
        "`rate(…)` " +
        "schedule) within the limit. A copy of a value a trusted system rotates (e.g. Vault, re-injected by the edf driver) carries the " +
        "`edf:rotated-by` tag naming it, and the environment's spec lists that system in `trustedRotators`.",
    configSchema: {
        properties: {
            maxRotationDays: { type: "integer", minimum: 1, default: 90 },
            rotatedByTag: { type: "string", minLength: 1, default: "edf:rotated-by" },
            // Empty by default: only an environment's spec can trust a system outside AWS to rotate.
            trustedRotators: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    // With the default config (no trusted rotator) it rejects what the peers reject.
    peerChecks: { full: ["AwsSolutions-SMG4", "CKV2_AWS_57", "CKV_AWS_304"] },
    resourceTypes: [T.secretsManagerSecret, T.secretsManagerRotation],
    validateStack: (args, report) => {
        const secrets = ofTypes(args.resources, [T.secretsManagerSecret]);
        if (secrets.length === 0) args.notApplicable("The stack declares no Secrets Manager secret.");
        const { maxRotationDays, rotatedByTag, trustedRotators } = args.getConfig<Config>();
        const rotations = linksByTarget(ofTypes(args.resources, [T.secretsManagerRotation]), "secretId", secrets, ["arn", "name"]);
        for (const s of secrets) {
            const rotator = (s.props.tags as Record<string, unknown> | undefined)?.[rotatedByTag];
            if (typeof rotator === "string" && trustedRotators.includes(rotator)) continue;
            const linked = (rotations.get(s.urn) ?? []).filter((r) => r.props.rotationEnabled !== false);
            if (linked.length === 0) {
                report(`Secret \`${s.name}\` must be rotated automatically (aws.secretsmanager.SecretRotation).`, s.urn);
                continue;
            }
            const ok = linked.some((r) => {
                const rules = (r.props.rotationRules ?? {}) as { automaticallyAfterDays?: unknown; scheduleExpression?: unknown };
                if (typeof rules.automaticallyAfterDays === "number") return rules.automaticallyAfterDays <= maxRotationDays;
                if (typeof rules.scheduleExpression !== "string") return false;
                if (rules.scheduleExpression.startsWith("cron(")) return true;
                const days = rateDays(rules.scheduleExpression);
                return days !== undefined && days <= maxRotationDays;
            });
            if (!ok) report(`Secret \`${s.name}\` must be rotated at least every ${maxRotationDays} days (\`rotationRules\`).`, s.urn);
        }
    },
};
