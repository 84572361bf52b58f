import type { PolicyResource } from "@pulumi/policy";
import type { StackPolicyDefinition } from "../../lib/model";
import { knownItems } from "../support/presence";
import { effectiveTags, known, ofTypes } from "../support/props";
import { T } from "../support/types";

interface Config {
    backupTagKey: string;
}

/** Values of the backup tag that opt a volume out rather than in. */
const OPT_OUT = new Set(["", "none", "false", "no"]);

const VOLUME_WILDCARD = /:volume\/\*$/;

/** Whether a selection's resource pattern takes every EBS volume: `*`, or a volume ARN wildcard. */
const allVolumes = (pattern: unknown) => pattern === "*" || (typeof pattern === "string" && VOLUME_WILDCARD.test(pattern));

function selects(selection: PolicyResource, volume: PolicyResource, tags: Record<string, string>): boolean {
    if ((selection.propertyDependencies.resources ?? []).some((d) => d.urn === volume.urn)) return true;
    const arn = known(() => volume.props.arn);
    const resources = knownItems(() => selection.props.resources);
    if (resources.some((r) => allVolumes(r) || (typeof arn === "string" && r === arn))) return true;
    return (knownItems(() => selection.props.selectionTags) as { type?: string; key?: string; value?: string }[]).some(
        (t) => t.type === "STRINGEQUALS" && typeof t.key === "string" && tags[t.key] === t.value,
    );
}

/**
 * Stack policy: a backup selection names volumes by ARN, wildcard or tag in a separate
 * resource. Volumes outside every plan are lost with their availability zone or a bad delete;
 * a volume carrying the organisation's backup tag is taken by the account-wide plan instead.
 */
export const ebsVolumeInBackupPlan: StackPolicyDefinition = {
    kind: "stack",
    id: "ebs-volume-in-backup-plan",
    description:
        "Checks whether every EBS volume is selected by an AWS Backup plan, in the stack or through the organisation's backup tag.",
    severity: "medium",
    enforcementLevel: "advisory",
    waivable: true,
    remediationSteps:
        "Tag the volume with the organisation's backup tag (`backup=daily`, " +
        "picked up by the account-wide plan), or add it to an " +
        "`aws.backup.Selection` (by ARN, `selectionTags`, or a volume wildcard).",
    configSchema: { properties: { backupTagKey: { type: "string", minLength: 1, default: "backup" } } },
    // Checkov wants a selection in the stack; ours also accepts the organisation's backup tag.
    peerChecks: { partial: ["CKV2_AWS_9"] },
    resourceTypes: [T.ebsVolume, T.backupSelection],
    validateStack: (args, report) => {
        const volumes = ofTypes(args.resources, [T.ebsVolume]);
        if (volumes.length === 0) args.notApplicable("The stack declares no EBS volume.");
        const { backupTagKey } = args.getConfig<Config>();
        const selections = ofTypes(args.resources, [T.backupSelection]);
        for (const v of volumes) {
            const tags = known(() => effectiveTags(v.props, v.provider?.props)) ?? {};
            const tagged = typeof tags[backupTagKey] === "string" && !OPT_OUT.has(tags[backupTagKey].toLowerCase());
            if (tagged || selections.some((s) => selects(s, v, tags))) continue;
            report(`EBS volume \`${v.name}\` must be in a backup plan (tag \`${backupTagKey}\` or an aws.backup.Selection).`, v.urn);
        }
    },
};
