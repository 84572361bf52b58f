import type { StackPolicyDefinition } from "../../lib/model";
import { ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

interface Config {
    environment: string;
    productionEnvironments: string[];
    minRetentionDays: number;
}

/**
 * Stack policy: a vault lock (its own resource) makes recovery points undeletable before their
 * retention ends, even by an administrator or an attacker holding the account, which is what
 * lets backups survive ransomware.
 */
export const backupVaultLocked: StackPolicyDefinition = {
    kind: "stack",
    id: "backup-vault-locked",
    description: "Checks whether production AWS Backup vaults have a vault lock with a minimum retention.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Add an `aws.backup.VaultLockConfiguration` for the vault with `minRetentionDays` at least the required minimum " +
        "(and `changeableForDays` to make it a compliance-mode lock once tested).",
    configSchema: {
        properties: {
            environment: { type: "string", default: "" },
            productionEnvironments: { type: "array", items: { type: "string" }, default: ["prod", "production"] },
            minRetentionDays: { type: "integer", minimum: 1, default: 7 },
        },
    },
    resourceTypes: [T.backupVault, T.backupVaultLock],
    validateStack: (args, report) => {
        const cfg = args.getConfig<Config>();
        const env = cfg.environment || args.stackTags.get("edf:environment") || "";
        if (!cfg.productionEnvironments.includes(env))
            args.notApplicable(`Vault locks are required only in production (environment is \`${env || "unknown"}\`).`);
        const vaults = ofTypes(args.resources, [T.backupVault]);
        if (vaults.length === 0) args.notApplicable("The stack declares no Backup vault.");
        const locks = ofTypes(args.resources, [T.backupVaultLock]);
        for (const vault of vaults) {
            const mine = locks.filter((l) => refersTo(l, "backupVaultName", vault, ["name"]));
            if (mine.length === 0) {
                report(`Backup vault \`${vault.name}\` must have a vault lock (aws.backup.VaultLockConfiguration).`, vault.urn);
                continue;
            }
            if (!mine.some((l) => typeof l.props.minRetentionDays === "number" && l.props.minRetentionDays >= cfg.minRetentionDays))
                report(
                    `The vault lock of Backup vault \`${vault.name}\` must keep recovery ` +
                        `points at least ${cfg.minRetentionDays} days (\`minRetentionDays\`).`,
                    vault.urn,
                );
        }
    },
};
