/** Values that look like credentials whatever they are called: AWS keys, private keys, JWTs, URLs with passwords. */
export const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
    /\b(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./,
    /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
];

/** Whether a value looks like a credential (see {@link SECRET_VALUE_PATTERNS}). */
export function looksLikeSecret(value: string): boolean {
    return SECRET_VALUE_PATTERNS.some((re) => re.test(value));
}

/** An AWS secret access key assigned in a script or config file (`aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY=…`). */
const SECRET_ACCESS_KEY_ASSIGNMENT = /aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b/i;

/** A quoted 40-character secret near an AWS key, password or token name (the shape secret scanners look for). */
const QUOTED_AWS_SECRET = /aws.{0,20}?(key|pwd|pw|password|pass|token).{0,20}?['"][0-9a-zA-Z/+]{40}['"]/i;

/** URLs with credentials, matched anywhere in a longer text (the value pattern above is anchored to a whole value). */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/**
 * Whether a script or document (EC2 user data, ...) carries a credential: any value pattern, a
 * secret access key assignment, or a URL with a password anywhere in the text. Pure.
 */
export function textHasSecret(text: string): boolean {
    return looksLikeSecret(text) || SECRET_ACCESS_KEY_ASSIGNMENT.test(text) || QUOTED_AWS_SECRET.test(text) || URL_WITH_PASSWORD.test(text);
}
