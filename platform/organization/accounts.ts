/** One account of the organisation as the config declares it. */
export interface AccountConfig {
    /** The account's root email: unique across AWS, so unique here. */
    readonly email: string;
    /** The OU the account sits in, by name. */
    readonly ou: string;
    /** Adopt an existing account by its id instead of creating one. @default - created */
    readonly id?: string;
    /** The account's name in AWS Organizations. @default - `<prefix>-<key>` */
    readonly name?: string;
}

/** The accounts every estate has besides its workloads, by config key. */
export const REQUIRED_ACCOUNTS = ["logArchive", "audit"] as const;

const EMAIL =
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const ACCOUNT_KEY = /^[a-z][A-Za-z0-9-]{0,31}$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Every problem with the `accounts` config, naming `accounts.<key>` and the fix; empty when sound:
 * the log-archive and audit accounts present, emails well formed and unique (AWS refuses a second
 * account with an email in use), OUs known, adopted ids well formed and unique. Pure.
 */
export function accountProblems(accounts: unknown, ouNames: readonly string[]): string[] {
    if (typeof accounts !== "object" || accounts === null || Array.isArray(accounts)) {
        return ['`accounts` must be an object such as `{"logArchive": {"email": "…", "ou": "Security"}, …}`.'];
    }
    const problems: string[] = [];
    const entries = Object.entries(accounts as Record<string, unknown>);
    for (const required of REQUIRED_ACCOUNTS) {
        if (!(required in (accounts as object))) {
            problems.push(
                `\`accounts.${required}\` is missing: every estate needs a ${required === "audit" ? "security-tooling (audit)" : "log-archive"} account.`,
            );
        }
    }
    const emails = new Map<string, string>();
    const ids = new Map<string, string>();
    for (const [key, raw] of entries) {
        const where = `\`accounts.${key}\``;
        if (!ACCOUNT_KEY.test(key))
            problems.push(`${where}: account keys are 1–32 letters, digits or \`-\`, starting with a lower-case letter.`);
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
            problems.push(`${where} must be an object such as \`{"email": "aws+${key}@example.com", "ou": "Workloads"}\`.`);
            continue;
        }
        const account = raw as Record<string, unknown>;
        if (typeof account.email !== "string" || !EMAIL.test(account.email) || account.email.length > 64) {
            problems.push(
                `${where}.email is ${typeof account.email === "string" ? `\`${account.email}\`` : "missing"}: give the account's root email address (at most 64 characters).`,
            );
        } else {
            const normal = account.email.toLowerCase();
            const other = emails.get(normal);
            if (other !== undefined) {
                problems.push(
                    `${where}.email is also the email of \`accounts.${other}\`: AWS gives each email one account; use another (e.g. a \`+${key}\` alias).`,
                );
            } else emails.set(normal, key);
        }
        if (typeof account.ou !== "string" || !ouNames.includes(account.ou)) {
            problems.push(
                `${where}.ou is ${typeof account.ou === "string" ? `\`${account.ou}\`` : "missing"}: name one of the OUs ` +
                    `(${ouNames.map((n) => `\`${n}\``).join(", ")}); an account directly under the root escapes the OU guardrails.`,
            );
        }
        if (account.id !== undefined) {
            if (typeof account.id !== "string" || !ACCOUNT_ID.test(account.id)) {
                problems.push(`${where}.id must be the 12-digit id of the account to adopt, quoted (\`"123456789012"\`).`);
            } else if (ids.has(account.id)) {
                problems.push(
                    `${where}.id \`${account.id}\` is also the id of \`accounts.${ids.get(account.id)}\`: an account is adopted once.`,
                );
            } else ids.set(account.id, key);
        }
        if (account.name !== undefined && (typeof account.name !== "string" || !/^[\s\S]{1,50}$/.test(account.name))) {
            problems.push(`${where}.name must be 1–50 characters.`);
        }
    }
    return problems;
}
