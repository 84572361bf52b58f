import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { T } from "../support/types";

interface Config {
    minimumLength: number;
    reusePrevention: number;
    maxAgeDays: number;
}

export const iamAccountPasswordPolicyStrong: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-account-password-policy-strong",
    description: "Checks whether the account password policy demands long, varied passwords that expire and are not reused.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `minimumPasswordLength` (14+), `passwordReusePrevention` (24), `maxPasswordAge` (90 or less) and all four " +
        "`require*` flags on `aws.iam.AccountPasswordPolicy`.",
    configSchema: {
        properties: {
            minimumLength: { type: "integer", minimum: 8, default: 14 },
            reusePrevention: { type: "integer", minimum: 1, maximum: 24, default: 24 },
            maxAgeDays: { type: "integer", minimum: 1, maximum: 1095, default: 90 },
        },
    },
    resourceTypes: [T.iamAccountPasswordPolicy],
    peerChecks: {
        full: [
            "CKV_AWS_9",
            "CKV_AWS_10",
            "CKV_AWS_11",
            "CKV_AWS_12",
            "CKV_AWS_13",
            "CKV_AWS_14",
            "CKV_AWS_15",
            "aws-iam-password-policy-minimum-password-length",
        ],
        partial: ["aws-iam-password-policy-prevent-reuse"],
    },
    validateResource: forTypes([T.iamAccountPasswordPolicy], (args, report) => {
        const cfg = args.getConfig<Config>();
        const p = args.props;
        const num = (v: unknown) => (typeof v === "number" ? v : 0);
        const missing = [
            num(p.minimumPasswordLength) >= cfg.minimumLength ? undefined : `\`minimumPasswordLength\` ≥ ${cfg.minimumLength}`,
            num(p.passwordReusePrevention) >= cfg.reusePrevention ? undefined : `\`passwordReusePrevention\` ≥ ${cfg.reusePrevention}`,
            num(p.maxPasswordAge) > 0 && num(p.maxPasswordAge) <= cfg.maxAgeDays
                ? undefined
                : `\`maxPasswordAge\` between 1 and ${cfg.maxAgeDays}`,
            ...(["requireLowercaseCharacters", "requireUppercaseCharacters", "requireNumbers", "requireSymbols"] as const).map((k) =>
                p[k] === true ? undefined : `\`${k}: true\``,
            ),
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0) report(`Account password policy \`${args.name}\` must set ${missing.join(", ")}.`);
    }),
};
