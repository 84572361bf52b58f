import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

type SelectionTag = { type?: unknown; key?: unknown; value?: unknown };

/** Whether a Backup selection names the file system: by reference, by ARN, by a wildcard over EFS, or by one of its tags. */
function selects(selection: PolicyResource, fs: PolicyResource): boolean {
    if ((selection.propertyDependencies.resources ?? []).some((d) => d.urn === fs.urn)) return true;
    const arn = known(() => fs.props.arn);
    const resources = asArray(known(() => selection.props.resources) as string[]);
    if (resources.some((r) => r === "*" || r === "arn:aws:elasticfilesystem:*" || (typeof arn === "string" && r === arn))) return true;
    const tags = (known(() => fs.props.tags) ?? {}) as Record<string, unknown>;
    return asArray(known(() => selection.props.selectionTags) as SelectionTag[]).some(
        (t) => t.type === "STRINGEQUALS" && typeof t.key === "string" && tags[t.key] === t.value,
    );
}

/** Stack policy: backups are declared apart from the file system (`efs.BackupPolicy` or a Backup plan's selection). */
export const efsFileSystemBackedUp: StackPolicyDefinition = {
    kind: "stack",
    id: "efs-file-system-backed-up",
    description: "Checks whether every EFS file system is backed up by AWS Backup (automatic backups or a backup plan's selection).",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        'Add an `aws.efs.BackupPolicy` with `backupPolicy: { status: "ENABLED" }` for the file system, or select it ' +
        "(by ARN or tag) in an `aws.backup.Selection` of a backup plan.",
    resourceTypes: [T.efsFileSystem, T.efsBackupPolicy, T.backupSelection],
    peerChecks: { partial: ["CKV2_AWS_18"] },
    validateStack: (args, report) => {
        const systems = ofTypes(args.resources, [T.efsFileSystem]);
        if (systems.length === 0) args.notApplicable("The stack declares no EFS file system.");
        const policies = ofTypes(args.resources, [T.efsBackupPolicy]);
        const selections = ofTypes(args.resources, [T.backupSelection]);
        for (const fs of systems) {
            const automatic = policies.some(
                (p) =>
                    refersTo(p, "fileSystemId", fs, ["id"]) &&
                    (p.props.backupPolicy as { status?: unknown } | undefined)?.status === "ENABLED",
            );
            if (!automatic && !selections.some((s) => selects(s, fs)))
                report(
                    `EFS file system \`${fs.name}\` must be backed up (aws.efs.BackupPolicy ENABLED, or an aws.backup.Selection).`,
                    fs.urn,
                );
        }
    },
};
