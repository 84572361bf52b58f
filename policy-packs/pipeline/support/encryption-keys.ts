/**
 * KMS key references as resources carry them (`kmsKeyId`, `kmsMasterKeyId`, `kmsKeyArn`…):
 * a key id, key ARN, alias name or alias ARN.
 */

/** Whether a key reference is set (a non-empty string). */
export function isKeySet(value: unknown): value is string {
    return typeof value === "string" && value.trim().length > 0;
}

const AWS_MANAGED_ALIAS = /(^|:alias\/|^alias\/)aws\//;

/**
 * Whether a key reference names an AWS managed key (`alias/aws/sqs`, `aws/secretsmanager`,
 * `arn:aws:kms:…:alias/aws/sns`): encryption the account cannot scope, audit or revoke.
 */
export function isAwsManagedKey(value: string): boolean {
    return AWS_MANAGED_ALIAS.test(value.trim());
}

/** Whether a key reference is set and names a customer managed key. */
export function isCustomerManagedKey(value: unknown): value is string {
    return isKeySet(value) && !isAwsManagedKey(value);
}
