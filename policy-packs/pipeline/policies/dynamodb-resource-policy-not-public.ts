import { SettingCheck, settingPolicy, subject } from "../support/data-settings";
import { publicStatements } from "../support/public-principals";
import { T } from "../support/types";

const notPublic: SettingCheck = (args) => {
    const open = publicStatements(args.props.policy);
    return open.length === 0
        ? undefined
        : `${subject(args.type, args.name)} must not allow every AWS principal ` +
              `(\`Principal: "*"\` without an account, organization or source ` +
              `condition in ${open.join(", ")}).`;
};

export const dynamodbResourcePolicyNotPublic = settingPolicy(
    {
        id: "dynamodb-resource-policy-not-public",
        description: "Checks whether DynamoDB resource policies grant access only to named principals, never to everyone.",
        severity: "critical",
        enforcementLevel: "mandatory",
        waivable: false,
        remediationSteps:
            "Name the principals (account, role ARNs) in the policy, or keep " +
            '`Principal: "*"` only with a condition such as `aws:PrincipalOrgID` ' +
            "or `aws:SourceVpce`.",
    },
    { [T.dynamoResourcePolicy]: notPublic },
);
