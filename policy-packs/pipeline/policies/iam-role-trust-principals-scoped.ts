import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isNarrowed } from "../support/policy-conditions";
import {
    accountOfPrincipal,
    accountPrincipals,
    admitsAnyPrincipal,
    isAllow,
    PolicyStatement,
    statementsIn,
} from "../support/policy-document";
import { T } from "../support/types";

interface Config {
    trustedAccountIds: string[];
}

const GITHUB_PROVIDER = "oidc-provider/token.actions.githubusercontent.com";
const GITHUB_SUB_KEY = /^token\.actions\.githubusercontent\.com(?:\/[a-z0-9_-]+)?:sub$/;
const GITHUB_REPO = /^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?\/[^/]+/;
// Claims anyone able to run a workflow can steer: a `sub` that starts with one pins no repository.
const ABUSABLE_CLAIMS = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"];

/** Why a GitHub `sub` value trusts more than one repository, or undefined when it pins one. */
function unsafeGithubSub(value: string): string | undefined {
    if (value === "*") return "matches every repository";
    const claims = value.split(":");
    if (claims.length === 1) return "names no claim value";
    if (claims[1] === "*") return "matches every value of its first claim";
    if (ABUSABLE_CLAIMS.some((c) => claims[0].startsWith(c)))
        return `starts with the \`${claims[0]}\` claim, which any repository can present`;
    if (claims[0] === "repo" && !GITHUB_REPO.test(claims[1])) return "does not pin an `owner/repository`";
    return undefined;
}

function githubProblems(s: PolicyStatement): string[] {
    const subs = s.conditions.filter((c) => GITHUB_SUB_KEY.test(c.key) && !c.negated && !c.ifExists);
    if (subs.length === 0) return ["must pin the GitHub `sub` claim (`repo:<owner>/<repository>:...`) for the GitHub OIDC provider"];
    const out: string[] = [];
    for (const value of subs.flatMap((c) => c.values)) {
        const why = unsafeGithubSub(value);
        if (why) out.push(`must not accept GitHub \`sub\` \`${value}\`: it ${why}`);
    }
    return out;
}

function statementProblems(s: PolicyStatement, trusted: readonly string[]): string[] {
    const out: string[] = [];
    const scoped = isNarrowed(s, "principal");
    if (admitsAnyPrincipal(s) && !scoped)
        out.push("must not let any principal assume it (`*` or `NotPrincipal`) without a condition that identifies the caller");
    const accounts = accountPrincipals(s.principal).filter((a) => !trusted.includes(accountOfPrincipal(a)));
    if (accounts.length > 0 && !scoped)
        out.push(
            `must not trust every principal of ${accounts.map((a) => `\`${a}\``).join(", ")} without a condition naming which ` +
                "(`aws:PrincipalArn`, `sts:ExternalId`, `aws:PrincipalTag/...`)",
        );
    for (const provider of s.principal?.federated ?? []) {
        if (provider.includes(GITHUB_PROVIDER)) out.push(...githubProblems(s));
        else if (!scoped) out.push(`must restrict who federates through \`${provider}\` with a condition on its claims (\`aud\`, \`sub\`)`);
    }
    return out;
}

/**
 * Who may assume a role is the role's first line of defence: a wildcard principal, a whole
 * account, or a federated provider without claims to check lets in callers nobody chose.
 * Service principals (`ecs-tasks.amazonaws.com`) name their caller already.
 */
export const iamRoleTrustPrincipalsScoped: ResourcePolicyDefinition = {
    kind: "resource",
    id: "iam-role-trust-principals-scoped",
    description:
        "Checks whether role trust policies name who may assume the role: no wildcard principal, whole account or " +
        "federated provider without a condition identifying the caller.",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: false,
    remediationSteps:
        "Name the role, service or provider that assumes the role; when the principal is an account or `*`, add a " +
        "condition on the caller (`aws:PrincipalArn`, `aws:PrincipalOrgID`, `sts:ExternalId`); for GitHub Actions pin " +
        "`token.actions.githubusercontent.com:sub` to `repo:<owner>/<repository>:...`. Accounts trusted as a whole go " +
        "in `trustedAccountIds`.",
    configSchema: {
        properties: { trustedAccountIds: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [] } },
    },
    resourceTypes: [T.iamRole],
    peerChecks: { full: ["CKV_AWS_393"], partial: ["CKV_AWS_60", "CKV_AWS_61"] },
    validateResource: forTypes([T.iamRole], (args, report) => {
        const { trustedAccountIds } = args.getConfig<Config>();
        for (const s of statementsIn(args.props.assumeRolePolicy).filter(isAllow)) {
            for (const problem of statementProblems(s, trustedAccountIds))
                report(`Trust policy of role \`${args.name}\` ${problem}${s.sid ? ` (statement \`${s.sid}\`)` : ""}.`);
        }
    }),
};
