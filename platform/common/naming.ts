import { createHash } from "crypto";

/** Limits of the AWS names the landing zone sets. */
export const NAME_LIMITS = {
    /** S3 bucket names: 3–63 lowercase letters, digits, hyphens. */
    s3Bucket: 63,
    /** ALB and target-group names. */
    loadBalancer: 32,
    /** IAM role and policy names. */
    iam: 64,
    /** ECS clusters, log groups, KMS aliases and most others. */
    generic: 255,
} as const;

/** `prefix` for every landing-zone name unless configured. */
export const DEFAULT_NAME_PREFIX = "edf";

/**
 * A deterministic AWS name from parts, e.g. `edf-dev-log-archive`.
 *
 * Lowercase, only `[a-z0-9-]`, no leading/trailing or doubled hyphens. When the result
 * is longer than `maxLength`, it is cut and ends with an 8-hex hash of the full name,
 * so two different long names stay different. Pure.
 */
export function resourceName(parts: readonly string[], maxLength: number = NAME_LIMITS.generic): string {
    if (maxLength < 12) {
        throw new Error(`resourceName: \`maxLength\` is ${maxLength}; it must be at least 12 to fit a hash suffix.`);
    }
    const full = parts
        .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, "-"))
        .join("-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "");
    if (full.length === 0) {
        throw new Error("resourceName: `parts` produce an empty name: give at least one part with a letter or digit.");
    }
    if (full.length <= maxLength) {
        return full;
    }
    const hash = createHash("sha256").update(full).digest("hex").slice(0, 8);
    const head = full.slice(0, maxLength - hash.length - 1).replace(/-+$/, "");
    return `${head}-${hash}`;
}
