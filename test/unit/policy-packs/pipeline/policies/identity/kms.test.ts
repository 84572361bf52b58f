import { UNKNOWN } from "../../../../../../policy-packs/lib/resources";
import { kmsKeyDeletionWindow } from "../../../../../../policy-packs/pipeline/policies/kms-key-deletion-window";
import { kmsKeyEnabled } from "../../../../../../policy-packs/pipeline/policies/kms-key-enabled";
import { kmsKeyHasDescription } from "../../../../../../policy-packs/pipeline/policies/kms-key-has-description";
import { kmsKeyMultiRegionAllowed } from "../../../../../../policy-packs/pipeline/policies/kms-key-multi-region-allowed";
import { kmsKeyNoLockoutSafetyBypass } from "../../../../../../policy-packs/pipeline/policies/kms-key-no-lockout-safety-bypass";
import { kmsKeyPolicyDefined } from "../../../../../../policy-packs/pipeline/policies/kms-key-policy-defined";
import { kmsKeyPolicyNoWildcardPrincipal } from "../../../../../../policy-packs/pipeline/policies/kms-key-policy-no-wildcard-principal";
import { kmsKeySpecAllowed } from "../../../../../../policy-packs/pipeline/policies/kms-key-spec-allowed";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { changeProps, urnOf, withoutResources } from "../../../../../fixtures/policy/estate";
import { doc, identityEstate } from "../../../../../fixtures/policy/identity-estate";
import { describePolicy } from "../../../support/policy-cases";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const REPLICA = "aws:kms/replicaKey:ReplicaKey";

const set = (type: string, name: string, patch: Record<string, unknown>) => () =>
    changeProps(identityEstate(), type, name, (p) => ({ ...p, ...patch }));
const only =
    (...types: string[]) =>
    () =>
        identityEstate().filter((r) => types.includes(r.type));
const withReplica = (props: Record<string, unknown>) => (): ResourceRecord[] => [
    ...identityEstate(),
    { type: REPLICA, name: "data-replica", urn: urnOf(REPLICA, "data-replica"), props: { primaryKeyArn: "arn:k", ...props } },
];
const keyPolicy = (statement: object) => set(KEY, "data", { policy: doc(statement) });

describe("KMS keys", () => {
    describePolicy(kmsKeyPolicyNoWildcardPrincipal, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "kms:* to anyone",
                resources: keyPolicy({ Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }),
                expect: /Key policy of `data` must not grant `kms:\*` to any principal \(statement `Open`\)/,
            },
            {
                name: "decryption to `*` with a condition that does not identify the caller",
                resources: keyPolicy({
                    Effect: "Allow",
                    Principal: "*",
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } },
                }),
                expect: /must not grant to any principal/,
            },
            {
                name: "a separate key policy open to everyone",
                resources: set(KEY_POLICY, "secrets", {
                    policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Encrypt", Resource: "*" }),
                }),
                expect: /Key policy of `secrets`/,
            },
            {
                name: "a replica key open to everyone",
                resources: withReplica({
                    policy: doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "kms:Decrypt", Resource: "*" }),
                }),
                expect: /Key policy of `data-replica`/,
            },
        ],
        notApplicable: [{ name: "resources other than keys", resources: only("aws:iam/role:Role") }],
        unknown: [{ name: "the key policy is another resource's output", resources: set(KEY, "data", { policy: UNKNOWN }) }],
    });

    describePolicy(kmsKeyPolicyDefined, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a key with no policy of its own",
                resources: set(KEY, "data", { policy: undefined }),
                expect: /KMS key `data` must have an explicit key policy/,
            },
            {
                name: "a key whose KeyPolicy is gone",
                resources: () => withoutResources(identityEstate(), KEY_POLICY),
                expect: /KMS key `secrets` must have an explicit key policy/,
            },
        ],
        notApplicable: [{ name: "stacks without keys", resources: only("aws:iam/role:Role") }],
        unknown: [{ name: "the key policy is another resource's output", resources: set(KEY, "data", { policy: UNKNOWN }) }],
    });

    describePolicy(kmsKeyNoLockoutSafetyBypass, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a key that bypasses the check",
                resources: set(KEY, "data", { bypassPolicyLockoutSafetyCheck: true }),
                expect: /`data` must not bypass/,
            },
            {
                name: "a key policy that bypasses the check",
                resources: set(KEY_POLICY, "secrets", { bypassPolicyLockoutSafetyCheck: true }),
                expect: /`secrets` must not bypass the key policy lockout safety check/,
            },
        ],
        notApplicable: [{ name: "resources other than keys", resources: only("aws:iam/role:Role") }],
        unknown: [{ name: "the flag is unknown", resources: set(KEY, "data", { bypassPolicyLockoutSafetyCheck: UNKNOWN }) }],
    });

    describePolicy(kmsKeyEnabled, {
        compliant: identityEstate,
        nonCompliant: [
            { name: "a disabled key", resources: set(KEY, "data", { isEnabled: false }), expect: /KMS key `data` must be enabled/ },
            { name: "a disabled replica", resources: withReplica({ enabled: false }), expect: /KMS key `data-replica` must be enabled/ },
        ],
        notApplicable: [{ name: "key policies, which are not keys", resources: only(KEY_POLICY) }],
        unknown: [{ name: "the flag is unknown", resources: set(KEY, "data", { isEnabled: UNKNOWN }) }],
    });

    describePolicy(kmsKeyHasDescription, {
        compliant: identityEstate,
        nonCompliant: [
            { name: "no description", resources: set(KEY, "data", { description: undefined }), expect: /must describe what it protects/ },
            {
                name: "a description that says nothing",
                resources: set(KEY, "data", { description: "key" }),
                expect: /at least 6 characters/,
            },
        ],
        notApplicable: [{ name: "key policies, which are not keys", resources: only(KEY_POLICY) }],
        unknown: [{ name: "the description is another resource's output", resources: set(KEY, "data", { description: UNKNOWN }) }],
    });

    describePolicy(kmsKeyDeletionWindow, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a week's window",
                resources: set(KEY, "data", { deletionWindowInDays: 7 }),
                expect: /KMS key `data` must wait at least 30 days before deletion \(`deletionWindowInDays` is 7\)/,
            },
        ],
        notApplicable: [{ name: "key policies, which are not keys", resources: only(KEY_POLICY) }],
        unknown: [{ name: "the window is unknown", resources: set(KEY, "data", { deletionWindowInDays: UNKNOWN }) }],
    });

    describePolicy(kmsKeyMultiRegionAllowed, {
        compliant: identityEstate,
        nonCompliant: [
            {
                name: "a multi-Region primary key",
                resources: set(KEY, "data", { multiRegion: true }),
                expect: /KMS key `data` must be a single-Region key/,
            },
            {
                name: "a replica of a multi-Region key",
                resources: withReplica({}),
                expect: /KMS key `data-replica` replicates a multi-Region key/,
            },
        ],
        notApplicable: [
            { name: "key policies, which are not keys", resources: only(KEY_POLICY) },
            {
                name: "any key once multi-Region keys are allowed",
                resources: set(KEY, "data", { multiRegion: true }),
                options: { config: { "kms-key-multi-region-allowed": { allowMultiRegion: true } } },
            },
        ],
        unknown: [{ name: "the flag is unknown", resources: set(KEY, "data", { multiRegion: UNKNOWN }) }],
    });

    describePolicy(kmsKeySpecAllowed, {
        compliant: () => [...set(KEY, "data", { customerMasterKeySpec: "ECC_NIST_P384", keyUsage: "SIGN_VERIFY" })()],
        nonCompliant: [
            {
                name: "a key on the secp256k1 curve",
                resources: set(KEY, "data", { customerMasterKeySpec: "ECC_SECG_P256K1", keyUsage: "SIGN_VERIFY" }),
                expect: /KMS key `data` must use an approved key spec, not `ECC_SECG_P256K1`/,
            },
            {
                name: "RSA 2048 once the allow-list drops it",
                resources: set(KEY, "data", { customerMasterKeySpec: "RSA_2048", keyUsage: "ENCRYPT_DECRYPT" }),
                expect: /not `RSA_2048`/,
                options: { config: { "kms-key-spec-allowed": { allowedKeySpecs: ["SYMMETRIC_DEFAULT", "RSA_4096"] } } },
            },
        ],
        notApplicable: [{ name: "key policies, which are not keys", resources: only(KEY_POLICY) }],
        unknown: [{ name: "the spec is unknown", resources: set(KEY, "data", { customerMasterKeySpec: UNKNOWN }) }],
    });
});
