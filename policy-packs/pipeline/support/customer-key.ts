/**
 * "Encrypted with a customer managed KMS key": the key property is set, and not to an AWS
 * managed key's alias (`alias/aws/s3`, `arn:aws:kms:…:alias/aws/backup`), whose policy the
 * account cannot restrict, rotate on its own terms or revoke.
 */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/** Whether `value` names a customer managed KMS key (an id, ARN or alias other than `alias/aws/*`). */
export function isCustomerManagedKey(value: unknown): boolean {
    return typeof value === "string" && value.trim().length > 0 && !AWS_MANAGED_ALIAS.test(value);
}

/** Why `value` is not a customer managed key, for a violation message; `undefined` when it is one. */
export function customerKeyProblem(value: unknown, property: string): string | undefined {
    if (isCustomerManagedKey(value)) return undefined;
    if (typeof value === "string" && AWS_MANAGED_ALIAS.test(value))
        return `\`${property}\` names the AWS managed key \`${value}\`: use a customer managed key`;
    return `\`${property}\` is not set`;
}

/**
 * The value at `path` under `props`, read step by step so that an unknown value on the way
 * surfaces as the analyzer's "unknown during preview" (never as "missing"); `undefined` when a
 * step is absent. Arrays are not walked: paths name single nested blocks.
 */
export function valueAt(props: Record<string, unknown>, path: readonly string[]): unknown {
    let v: unknown = props;
    for (const step of path) {
        if (v === undefined || v === null || typeof v !== "object") return undefined;
        v = (v as Record<string, unknown>)[step];
    }
    return v;
}
