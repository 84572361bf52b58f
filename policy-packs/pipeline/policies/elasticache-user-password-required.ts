import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { T } from "../support/types";

const passwordRequired: SettingCheck = (args) => {
    const mode = args.props.authenticationMode as { type?: unknown } | undefined;
    return args.props.noPasswordRequired === true || mode?.type === "no-password-required"
        ? `${subject(args.type, args.name)} must authenticate with a password or ` +
              `IAM (\`noPasswordRequired\` / \`authenticationMode.type: "no-password-required"\`).`
        : undefined;
};

export const elasticacheUserPasswordRequired = settingPolicy(
    {
        id: "elasticache-user-password-required",
        description: "Checks whether ElastiCache RBAC users must authenticate (password or IAM) to sign in.",
        severity: "high",
        enforcementLevel: "mandatory",
        waivable: true,
        remediationSteps:
            'Give the user `authenticationMode: { type: "iam" }` or `{ type: ' +
            '"password", passwords: [...] }` from the secrets injector; disable ' +
            "the `default` user in user groups.",
    },
    { [T.elasticacheUser]: passwordRequired },
);
