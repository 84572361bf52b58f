import { ACTIONS, uses } from "./actions";
import type { CiProject } from "./project";

// Steps every generated GitHub job shares, as YAML text indented for a job's `steps:` list.

/** Indents every line of a block by `n` spaces (empty lines stay empty). */
export function indent(text: string, n: number): string {
    const pad = " ".repeat(n);
    return text
        .split("\n")
        .map((line) => (line ? pad + line : line))
        .join("\n");
}

/** Checks the commit out; `fetchDepth` 0 is the whole history, 2 a merge commit and its base. */
export function checkout(fetchDepth: number): string {
    return `- uses: ${uses(ACTIONS.checkout)}
  with:
    fetch-depth: ${fetchDepth}
    persist-credentials: false`;
}

/** Node, the npm cache and the project's dependencies. */
export function setup(project: CiProject): string {
    return `- uses: ${uses(ACTIONS.setupNode)}
  with:
    node-version: "${project.nodeVersion}"
    cache: npm
- name: Install dependencies
  run: npm ci --no-audit --no-fund`;
}

/** The Pulumi CLI (the action installs the CLI alone when given no command). */
export function pulumiCli(project: CiProject): string {
    return `- name: Install the Pulumi CLI
  uses: ${uses(ACTIONS.pulumi)}
  with:
    pulumi-version: "${project.pulumiVersion}"`;
}

/** Short-lived AWS credentials through GitHub's OIDC token: the role comes from a repository variable. */
export function awsCredentials(role: string, region: string): string {
    return `- name: AWS credentials (OIDC, no stored keys)
  uses: ${uses(ACTIONS.configureAwsCredentials)}
  with:
    role-to-assume: ${role}
    aws-region: ${region}`;
}

/** The synth cache between runs of this workflow: warm runs reuse what did not change. */
export function synthCache(keyPrefix: string): string {
    return `- name: Restore the synth cache
  uses: ${uses(ACTIONS.cache)}
  with:
    path: .edf/cache
    key: ${keyPrefix}-\${{ github.sha }}
    restore-keys: |
      ${keyPrefix}-`;
}

/**
 * The commit of the last run of this workflow that succeeded in full: everything it changed is
 * deployed. Comparing with it, not with the previous push, keeps a deploy that failed, or was
 * cancelled while a newer push waited, from losing its changes: the next run deploys them too.
 * Empty when there is none (then every stack is deployed); each deploy job checks the commit is
 * in its clone ({@link affectedSince}).
 */
export function lastSuccessStep(workflowFile: string): string {
    return `- name: Find the commit of the last fully successful deploy
  id: base
  env:
    GH_TOKEN: \${{ github.token }}
    REPO: \${{ github.repository }}
    BRANCH: \${{ github.ref_name }}
  run: |
    base=$(gh run list --repo "$REPO" --workflow ${workflowFile} --branch "$BRANCH" --status success --limit 1 --json headSha --jq '.[0].headSha // ""')
    echo "sha=$base" >> "$GITHUB_OUTPUT"
    echo "Deploying what changed since: \${base:-nothing deployed yet (every stack)}"`;
}

/**
 * Shell lines that set the array `$1` to `(<flag> "$BASE")` when `$BASE` names a commit of the
 * clone, else to nothing (then the command works on every stack).
 */
export function affectedSince(array: string, flag: string): string {
    return `${array}=()
if [ -n "$BASE" ] && git cat-file -e "$BASE^{commit}" 2>/dev/null; then ${array}=(${flag} "$BASE"); fi`;
}
