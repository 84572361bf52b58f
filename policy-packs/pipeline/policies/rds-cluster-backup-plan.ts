import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { subject } from "../support/data-settings";
import { asArray, known, ofTypes, refersTo } from "../support/props";
import { T } from "../support/types";

// A selection's `resources` entry that takes every RDS cluster: `*`, or an RDS ARN pattern ending in `*` that is not scoped to instances.
function wildcardTakesClusters(entry: unknown): boolean {
    if (entry === "*") return true;
    return typeof entry === "string" && entry.startsWith("arn:aws:rds:") && entry.endsWith("*") && !entry.includes(":db:");
}

// `selectionTags` entries are ORed: one STRINGEQUALS tag the cluster carries selects it. Unknown tags select nothing.
function tagsSelect(selection: PolicyResource, cluster: PolicyResource): boolean {
    return (
        known(() => {
            const tags = (cluster.props.tags as Record<string, unknown> | undefined) ?? {};
            return asArray(selection.props.selectionTags as Record<string, unknown>[] | undefined).some(
                (t) => String(t.type).toUpperCase() === "STRINGEQUALS" && typeof t.key === "string" && tags[t.key] === t.value,
            );
        }) === true
    );
}

function selects(selection: PolicyResource, cluster: PolicyResource): boolean {
    if (refersTo(selection, "resources", cluster, ["arn"])) return true;
    const resources = known(() => asArray(selection.props.resources as unknown[] | undefined).map((e) => e)) ?? [];
    const arn = known(() => cluster.props.arn);
    if (resources.some(wildcardTakesClusters) || (typeof arn === "string" && resources.includes(arn))) return true;
    return tagsSelect(selection, cluster);
}

/**
 * Off by default: the platform keeps AWS Backup plans at the organization (backup policies),
 * which no stack shows. A team that runs its own plan turns this on to have every cluster in it.
 */
export const rdsClusterBackupPlan: StackPolicyDefinition = {
    kind: "stack",
    id: "rds-cluster-backup-plan",
    description: "Checks whether every RDS cluster is selected by an AWS Backup plan (copies kept apart from the cluster's own snapshots).",
    severity: "medium",
    enforcementLevel: "disabled",
    waivable: true,
    remediationSteps:
        "Add an `aws.backup.Selection` to a backup plan whose `resources` list " +
        "the cluster's ARN (or whose `selectionTags` match a tag the cluster carries).",
    peerChecks: { full: ["CKV2_AWS_8"] },
    resourceTypes: [T.rdsCluster, T.backupSelection],
    validateStack: (args, report) => {
        const clusters = ofTypes(args.resources, [T.rdsCluster]);
        if (clusters.length === 0) args.notApplicable("The stack declares no RDS cluster.");
        const selections = ofTypes(args.resources, [T.backupSelection]);
        for (const cluster of clusters) {
            if (!selections.some((s) => selects(s, cluster)))
                report(
                    `${subject(cluster.type, cluster.name)} must be selected by an AWS Backup plan (aws.backup.Selection).`,
                    cluster.urn,
                );
        }
    },
};
