import * as assert from "assert";
import { backupPlanRetentionMinimum } from "../../../../../../policy-packs/pipeline/policies/backup-plan-retention-minimum";
import { backupVaultKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/backup-vault-kms-encrypted";
import { backupVaultLocked } from "../../../../../../policy-packs/pipeline/policies/backup-vault-locked";
import { backupVaultPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/backup-vault-policy-not-public";
import { efsAccessPointLeastPrivilege } from "../../../../../../policy-packs/pipeline/policies/efs-access-point-least-privilege";
import { efsFileSystemBackedUp } from "../../../../../../policy-packs/pipeline/policies/efs-file-system-backed-up";
import { efsFileSystemEncrypted } from "../../../../../../policy-packs/pipeline/policies/efs-file-system-encrypted";
import { efsFileSystemMultiAz } from "../../../../../../policy-packs/pipeline/policies/efs-file-system-multi-az";
import { efsFileSystemPolicyNotPublic } from "../../../../../../policy-packs/pipeline/policies/efs-file-system-policy-not-public";
import { efsFileSystemTlsOnly } from "../../../../../../policy-packs/pipeline/policies/efs-file-system-tls-only";
import { fsxFileSystemKmsEncrypted } from "../../../../../../policy-packs/pipeline/policies/fsx-file-system-kms-encrypted";
import { fsxFileSystemLoggingEnabled } from "../../../../../../policy-packs/pipeline/policies/fsx-file-system-logging-enabled";
import { T } from "../../../../../../policy-packs/pipeline/support/types";
import type { ResourceRecord } from "../../../../../../policy-packs/lib/resources";
import { describePolicy, runOne } from "../../../support/policy-cases";
import { dropped, patched, plus, provider, res, UNKNOWN } from "./records";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/data";
const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The happy path: an encrypted Regional file system with automatic backups, an access point and a policy; FSx; a Backup vault and plan. */
function fileStack(): ResourceRecord[] {
    const fs = res(T.efsFileSystem, "shared", { encrypted: true, kmsKeyId: KEY, tags: { backup: "daily" } });
    const vault = res(T.backupVault, "vault", { name: "edf-vault", kmsKeyArn: KEY });
    const plan = res(T.backupPlan, "plan", {
        name: "daily",
        rules: [
            {
                ruleName: "daily",
                targetVaultName: "edf-vault",
                schedule: "cron(0 3 * * ? *)",
                lifecycle: { deleteAfter: 35 },
                copyActions: [
                    { destinationVaultArn: "arn:aws:backup:eu-central-1:111111111111:backup-vault:dr", lifecycle: { deleteAfter: 90 } },
                ],
            },
        ],
    });
    return [
        provider(),
        fs,
        res(T.efsBackupPolicy, "shared-backup", { fileSystemId: "fs-1", backupPolicy: { status: "ENABLED" } }, { fileSystemId: fs }),
        res(
            T.efsAccessPoint,
            "app",
            { fileSystemId: "fs-1", posixUser: { uid: 10001, gid: 10001 }, rootDirectory: { path: "/app" } },
            { fileSystemId: fs },
        ),
        res(
            T.efsFileSystemPolicy,
            "shared-policy",
            {
                fileSystemId: "fs-1",
                policy: doc(
                    {
                        Effect: "Allow",
                        Principal: { AWS: "arn:aws:iam::111111111111:role/app" },
                        Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
                        Resource: "*",
                    },
                    {
                        Effect: "Deny",
                        Principal: { AWS: "*" },
                        Action: "*",
                        Resource: "*",
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ),
            },
            { fileSystemId: fs },
        ),
        res(T.fsxLustre, "scratch", {
            deploymentType: "PERSISTENT_2",
            kmsKeyId: KEY,
            storageCapacity: 1200,
            subnetIds: ["subnet-a"],
            logConfiguration: { level: "WARN_ERROR" },
        }),
        res(T.fsxWindows, "shares", {
            kmsKeyId: KEY,
            storageCapacity: 32,
            throughputCapacity: 32,
            subnetIds: ["subnet-a"],
            auditLogConfiguration: { fileAccessAuditLogLevel: "SUCCESS_AND_FAILURE", fileShareAccessAuditLogLevel: "FAILURE_ONLY" },
        }),
        vault,
        res(T.backupVaultLock, "vault-lock", { backupVaultName: "edf-vault", minRetentionDays: 30 }, { backupVaultName: vault }),
        res(
            T.backupVaultPolicy,
            "vault-policy",
            {
                backupVaultName: "edf-vault",
                policy: doc({ Effect: "Deny", Principal: "*", Action: "backup:DeleteRecoveryPoint", Resource: "*" }),
            },
            { backupVaultName: vault },
        ),
        plan,
    ];
}

const noStorage = () => [provider(), res(T.bucket, "b", { bucket: "b" })];
const prod = { environment: "prod" };

describe("storage area: EFS, FSx and AWS Backup", () => {
    describePolicy(efsFileSystemEncrypted, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a file system on the AWS managed key",
                resources: patched(fileStack, T.efsFileSystem, "shared", { kmsKeyId: undefined }),
                expect: /`shared` must be encrypted with a customer managed KMS key: `kmsKeyId` is not set/,
            },
        ],
        notApplicable: [{ name: "resources other than file systems", resources: noStorage }],
        unknown: [
            {
                name: "the key is another resource's output",
                resources: patched(fileStack, T.efsFileSystem, "shared", { kmsKeyId: UNKNOWN }),
            },
        ],
    });
    it("accepts the AWS managed key when the config does not require a customer managed one", async () => {
        const stack = patched(fileStack, T.efsFileSystem, "shared", { kmsKeyId: undefined })();
        const config = { "efs-file-system-encrypted": { requireCustomerManagedKey: false } };
        assert.deepStrictEqual((await runOne(efsFileSystemEncrypted, stack, { config })).diagnostics, []);
    });

    describePolicy(efsAccessPointLeastPrivilege, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "an access point without a POSIX user",
                resources: patched(fileStack, T.efsAccessPoint, "app", { posixUser: undefined }),
                expect: /`app` must enforce a POSIX user/,
            },
            {
                name: "an access point as root",
                resources: patched(fileStack, T.efsAccessPoint, "app", { posixUser: { uid: 0, gid: 0 } }),
                expect: /`app` must not enforce the root user/,
            },
            {
                name: "an access point on the file system's root",
                resources: patched(fileStack, T.efsAccessPoint, "app", { rootDirectory: { path: "/" } }),
                expect: /`app` must confine clients to a sub-directory/,
            },
            {
                name: "an access point without a root directory",
                resources: patched(fileStack, T.efsAccessPoint, "app", { rootDirectory: undefined }),
                expect: /must confine clients/,
            },
        ],
        notApplicable: [{ name: "resources other than access points", resources: noStorage }],
        unknown: [
            {
                name: "the user is another resource's output",
                resources: patched(fileStack, T.efsAccessPoint, "app", { posixUser: { uid: UNKNOWN, gid: 1 } }),
            },
        ],
    });

    describePolicy(efsFileSystemBackedUp, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a file system without backups",
                resources: dropped(fileStack, T.efsBackupPolicy, "shared-backup"),
                expect: /EFS file system `shared` must be backed up/,
            },
            {
                name: "automatic backups switched off",
                resources: patched(fileStack, T.efsBackupPolicy, "shared-backup", { backupPolicy: { status: "DISABLED" } }),
                expect: /`shared` must be backed up/,
            },
        ],
        notApplicable: [{ name: "stacks without file systems", resources: noStorage }],
        unknown: [
            {
                name: "the backup status is another resource's output",
                resources: patched(fileStack, T.efsBackupPolicy, "shared-backup", { backupPolicy: { status: UNKNOWN } }),
            },
        ],
    });
    it("accepts a backup plan's selection by reference or by tag instead of automatic backups", async () => {
        const withoutAutomatic = dropped(fileStack, T.efsBackupPolicy, "shared-backup")();
        const fs = withoutAutomatic.find((r) => r.type === T.efsFileSystem)!;
        const byRef = [
            ...withoutAutomatic,
            res(T.backupSelection, "sel", { planId: "p", iamRoleArn: "arn:role", resources: ["arn:efs"] }, { resources: fs }),
        ];
        const byTag = [
            ...withoutAutomatic,
            res(T.backupSelection, "sel", {
                planId: "p",
                iamRoleArn: "arn:role",
                selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }],
            }),
        ];
        for (const stack of [byRef, byTag]) assert.deepStrictEqual((await runOne(efsFileSystemBackedUp, stack)).diagnostics, []);
    });

    describePolicy(efsFileSystemMultiAz, {
        compliant: fileStack,
        options: prod,
        nonCompliant: [
            {
                name: "a One Zone file system in production",
                resources: patched(fileStack, T.efsFileSystem, "shared", { availabilityZoneName: "eu-west-1a" }),
                expect: /`shared` must be Regional in production, not One Zone \(`availabilityZoneName` is `eu-west-1a`\)/,
            },
        ],
        notApplicable: [
            {
                name: "a One Zone file system in dev",
                resources: patched(fileStack, T.efsFileSystem, "shared", { availabilityZoneName: "eu-west-1a" }),
                options: { environment: "dev" },
            },
            { name: "resources other than file systems", resources: noStorage },
        ],
        unknown: [
            {
                name: "the zone is another resource's output",
                resources: patched(fileStack, T.efsFileSystem, "shared", { availabilityZoneName: UNKNOWN }),
            },
        ],
    });

    describePolicy(efsFileSystemPolicyNotPublic, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a policy that lets anyone mount",
                resources: patched(fileStack, T.efsFileSystemPolicy, "shared-policy", {
                    policy: doc({
                        Sid: "AnyMount",
                        Effect: "Allow",
                        Principal: { AWS: "*" },
                        Action: "elasticfilesystem:ClientMount",
                        Resource: "*",
                    }),
                }),
                expect: /EFS file system policy `shared-policy` must not be public: statement `AnyMount` allows everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than file system policies", resources: noStorage }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(fileStack, T.efsFileSystemPolicy, "shared-policy", { policy: UNKNOWN }),
            },
        ],
    });

    describePolicy(efsFileSystemTlsOnly, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a file system without a policy",
                resources: dropped(fileStack, T.efsFileSystemPolicy, "shared-policy"),
                expect: /EFS file system `shared` must have a file system policy refusing clients without TLS/,
            },
            {
                name: "a policy whose TLS deny spares mounting",
                resources: patched(fileStack, T.efsFileSystemPolicy, "shared-policy", {
                    policy: doc({
                        Effect: "Deny",
                        Principal: { AWS: "*" },
                        Action: "elasticfilesystem:ClientRootAccess",
                        Resource: "*",
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    }),
                }),
                expect: /`shared` must have a file system policy refusing clients without TLS/,
            },
        ],
        notApplicable: [{ name: "stacks without file systems", resources: noStorage }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(fileStack, T.efsFileSystemPolicy, "shared-policy", { policy: UNKNOWN }),
            },
        ],
    });

    describePolicy(fsxFileSystemLoggingEnabled, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a Windows file system without auditing",
                resources: patched(fileStack, T.fsxWindows, "shares", { auditLogConfiguration: undefined }),
                expect: /`shares` must audit access \(`auditLogConfiguration.fileAccessAuditLogLevel`, `auditLogConfiguration.fileShareAccessAuditLogLevel`/,
            },
            {
                name: "a Lustre file system with logging disabled",
                resources: patched(fileStack, T.fsxLustre, "scratch", { logConfiguration: { level: "DISABLED" } }),
                expect: /FSx for Lustre file system `scratch` must log its events/,
            },
        ],
        notApplicable: [
            { name: "resources other than FSx file systems", resources: noStorage },
            { name: "OpenZFS file systems", resources: () => [provider(), res(T.fsxOpenZfs, "zfs", { kmsKeyId: KEY })] },
        ],
        unknown: [
            {
                name: "the level is another resource's output",
                resources: patched(fileStack, T.fsxLustre, "scratch", { logConfiguration: { level: UNKNOWN } }),
            },
        ],
    });

    describePolicy(fsxFileSystemKmsEncrypted, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a Windows file system on the AWS managed key",
                resources: patched(fileStack, T.fsxWindows, "shares", { kmsKeyId: undefined }),
                expect: /FSx file system `shares` must be encrypted with a customer managed KMS key/,
            },
            {
                name: "a scratch Lustre file system",
                resources: patched(fileStack, T.fsxLustre, "scratch", { deploymentType: "SCRATCH_2", kmsKeyId: undefined }),
                expect: /`scratch` must use a PERSISTENT deployment type .*is `SCRATCH_2`/,
            },
            {
                name: "an OpenZFS file system without a key",
                resources: plus(fileStack, res(T.fsxOpenZfs, "zfs", { deploymentType: "SINGLE_AZ_2" })),
                expect: /`zfs` must be encrypted/,
            },
        ],
        notApplicable: [{ name: "resources other than FSx file systems", resources: noStorage }],
        unknown: [
            { name: "the key is another resource's output", resources: patched(fileStack, T.fsxWindows, "shares", { kmsKeyId: UNKNOWN }) },
        ],
    });

    describePolicy(backupVaultKmsEncrypted, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a vault on the AWS managed key",
                resources: patched(fileStack, T.backupVault, "vault", { kmsKeyArn: undefined }),
                expect: /Backup vault `vault` must encrypt recovery points with a customer managed KMS key/,
            },
        ],
        notApplicable: [{ name: "resources other than vaults", resources: noStorage }],
        unknown: [
            { name: "the key is another resource's output", resources: patched(fileStack, T.backupVault, "vault", { kmsKeyArn: UNKNOWN }) },
        ],
    });

    describePolicy(backupVaultLocked, {
        compliant: fileStack,
        options: prod,
        nonCompliant: [
            {
                name: "a vault without a lock",
                resources: dropped(fileStack, T.backupVaultLock, "vault-lock"),
                expect: /Backup vault `vault` must have a vault lock/,
            },
            {
                name: "a lock that keeps recovery points one day",
                resources: patched(fileStack, T.backupVaultLock, "vault-lock", { minRetentionDays: 1 }),
                expect: /The vault lock of Backup vault `vault` must keep recovery points at least 7 days/,
            },
        ],
        notApplicable: [
            {
                name: "an unlocked vault in dev",
                resources: dropped(fileStack, T.backupVaultLock, "vault-lock"),
                options: { environment: "dev" },
            },
            { name: "stacks without vaults", resources: noStorage },
        ],
        unknown: [
            {
                name: "the retention is another resource's output",
                resources: patched(fileStack, T.backupVaultLock, "vault-lock", { minRetentionDays: UNKNOWN }),
            },
        ],
    });

    describePolicy(backupPlanRetentionMinimum, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a rule that keeps a week",
                resources: patched(fileStack, T.backupPlan, "plan", {
                    rules: [{ ruleName: "weekly", targetVaultName: "edf-vault", lifecycle: { deleteAfter: 7 } }],
                }),
                expect: /Rule `weekly` of Backup plan `plan` must keep recovery points at least 35 days \(`deleteAfter` is 7\)/,
            },
            {
                name: "a copy kept a day",
                resources: patched(fileStack, T.backupPlan, "plan", {
                    rules: [
                        { targetVaultName: "edf-vault", copyActions: [{ destinationVaultArn: "arn:dr", lifecycle: { deleteAfter: 1 } }] },
                    ],
                }),
                expect: /Rule `#1` of Backup plan `plan` must keep recovery points at least 35 days \(`deleteAfter` is 1\)/,
            },
        ],
        notApplicable: [{ name: "resources other than plans", resources: noStorage }],
        unknown: [
            {
                name: "the retention is another resource's output",
                resources: patched(fileStack, T.backupPlan, "plan", { rules: [{ ruleName: "r", lifecycle: { deleteAfter: UNKNOWN } }] }),
            },
        ],
    });

    describePolicy(backupVaultPolicyNotPublic, {
        compliant: fileStack,
        nonCompliant: [
            {
                name: "a vault policy that lets anyone copy in",
                resources: patched(fileStack, T.backupVaultPolicy, "vault-policy", {
                    policy: doc({ Sid: "Copy", Effect: "Allow", Principal: "*", Action: "backup:CopyIntoBackupVault", Resource: "*" }),
                }),
                expect: /Backup vault policy `vault-policy` must not be public: statement `Copy` allows everyone/,
            },
        ],
        notApplicable: [{ name: "resources other than vault policies", resources: noStorage }],
        unknown: [
            {
                name: "the policy is another resource's output",
                resources: patched(fileStack, T.backupVaultPolicy, "vault-policy", { policy: UNKNOWN }),
            },
        ],
    });
});
