/**
 * Secrets passed as plain configuration (environment variables of functions and build
 * projects): by the variable's name, or by a value that looks like a credential whatever the
 * name. Messages built from these name the variable only: a value must never reach a report.
 */

/** Names that announce a secret (the same default as the ECS container policy). */
export const DEFAULT_SECRET_NAME_PATTERN = "(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)";

/** Values that look like credentials whatever the name: AWS keys, private keys, JWTs, URLs with passwords. */
const SECRET_VALUE_PATTERNS = [
    /\b(AKIA|ASIA)[A-Z0-9]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./,
    /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
    // An AWS secret access key assigned in a value (`aws_secret_access_key=…`).
    /aws_?secret_?access_?key\s*[:=]\s*[A-Za-z0-9/+=]{40}/i,
];

/** Whether a value looks like a credential. */
export function looksLikeCredential(value: string): boolean {
    return SECRET_VALUE_PATTERNS.some((re) => re.test(value));
}

/** Compiled name patterns, so a policy does not compile its configured pattern on every call. */
const compiled = new Map<string, RegExp>();

export function secretNameRegExp(pattern: string): RegExp {
    let re = compiled.get(pattern);
    if (!re) {
        re = new RegExp(pattern, "i");
        compiled.set(pattern, re);
    }
    return re;
}

/**
 * The names of variables that carry a secret in plain text: a secret-looking name with a
 * non-empty value, or a credential-looking value.
 */
export function plaintextSecretNames(variables: Readonly<Record<string, unknown>> | undefined, namePattern: string): string[] {
    if (!variables || typeof variables !== "object") return [];
    const nameRe = secretNameRegExp(namePattern);
    const out: string[] = [];
    for (const [name, raw] of Object.entries(variables)) {
        const value = typeof raw === "string" ? raw : raw === undefined || raw === null ? "" : String(raw);
        if ((nameRe.test(name) && value.length > 0) || looksLikeCredential(value)) out.push(name);
    }
    return out;
}
