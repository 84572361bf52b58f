import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { dlmCrossRegionCopies } from "../support/block-devices";
import { T } from "../support/types";

const TYPES = [T.snapshotCopy, T.amiCopy, T.dlmLifecyclePolicy];

/**
 * Copies outlive their source and travel to other regions: a snapshot or AMI copy, and every
 * cross-region copy a lifecycle policy makes, must be encrypted whatever the source was.
 */
export const ebsSnapshotCopiesEncrypted: ResourcePolicyDefinition = {
    kind: "resource",
    id: "ebs-snapshot-copies-encrypted",
    description: "Checks whether copies of EBS snapshots and AMIs, including Data Lifecycle Manager cross-region copies, are encrypted.",
    severity: "high",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Set `encrypted: true` and a `kmsKeyId` on `aws.ebs.SnapshotCopy` and " +
        "`aws.ec2.AmiCopy`; in lifecycle policies set `encrypted: true` (and " +
        "`cmkArn`) on every cross-region copy rule and " +
        "`encryptionConfiguration.encrypted: true` on every cross-region copy action.",
    peerChecks: { full: ["CKV_AWS_235", "CKV_AWS_253", "CKV_AWS_255"] },
    resourceTypes: TYPES,
    validateResource: forTypes(TYPES, (args, report) => {
        if (args.type !== T.dlmLifecyclePolicy) {
            if (args.props.encrypted !== true)
                report(
                    `${args.type === T.amiCopy ? "AMI copy" : "Snapshot copy"} \`${args.name}\` must be encrypted (\`encrypted: true\`).`,
                );
            return;
        }
        for (const c of dlmCrossRegionCopies(args.props)) {
            if (c.settings.encrypted !== true) report(`Lifecycle policy \`${args.name}\` must encrypt its ${c.label}.`);
        }
    }),
};
