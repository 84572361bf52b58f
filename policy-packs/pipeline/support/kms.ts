import { T } from "./types";

/** Resources whose `policy` is a KMS key policy. */
export const KMS_KEY_POLICY_TYPES = [T.kmsKey, T.kmsKeyPolicy, T.kmsReplicaKey, T.kmsExternalKey, T.kmsReplicaExternalKey] as const;

/** Resources that are KMS keys (a `KeyPolicy` is not one; it sets the policy of one). */
export const KMS_KEY_TYPES = [T.kmsKey, T.kmsReplicaKey, T.kmsExternalKey, T.kmsReplicaExternalKey] as const;

/** Whether the key is enabled: `isEnabled` on `aws.kms.Key`, `enabled` on replica and external keys (both default true). */
export function keyEnabled(type: string, props: Record<string, unknown>): boolean {
    return (type === T.kmsKey ? props.isEnabled : props.enabled) !== false;
}
