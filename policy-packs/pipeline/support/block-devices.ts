import { asArray } from "./props";
import { T } from "./types";

/**
 * One EBS volume a resource declares. `settings` is the declaration itself (`encrypted`,
 * `kmsKeyId`, `snapshotId`): policies read only what they judge, so a key ARN that is another
 * resource's output stops only the policy that needs the key.
 */
export interface EbsDevice {
    /** How the message names it: `root device`, `device /dev/sdf`. */
    readonly label: string;
    readonly settings: Readonly<Record<string, unknown>>;
}

/** Whether a device is declared encrypted: `true`, or `"true"` (launch templates and image recipes take strings). */
export function isEncrypted(device: EbsDevice): boolean {
    const e = device.settings.encrypted;
    return e === true || e === "true";
}

const named = (d: Record<string, unknown>) => `device ${String(d.deviceName ?? "(unnamed)")}`;

/**
 * The EBS volumes a resource declares: an instance's or launch configuration's root and EBS
 * block devices, a launch template's, AMI's or image recipe's EBS mappings.
 */
export function ebsDevicesOf(type: string, props: Record<string, unknown>): EbsDevice[] {
    switch (type) {
        case T.ec2Instance:
        case T.launchConfiguration: {
            const root = props.rootBlockDevice as Record<string, unknown> | undefined;
            const ebs = asArray(props.ebsBlockDevices as Record<string, unknown>[]).filter((d) => d.noDevice !== true);
            return [...(root ? [{ label: "root device", settings: root }] : []), ...ebs.map((d) => ({ label: named(d), settings: d }))];
        }
        case T.launchTemplate:
        case T.imageBuilderRecipe:
            return asArray(props.blockDeviceMappings as Record<string, unknown>[])
                .filter((m) => m.ebs !== undefined && m.ebs !== null)
                .map((m) => ({ label: named(m), settings: m.ebs as Record<string, unknown> }));
        case T.ami:
            return asArray(props.ebsBlockDevices as Record<string, unknown>[]).map((d) => ({ label: named(d), settings: d }));
        default:
            return [];
    }
}

/** One cross-region copy a Data Lifecycle Manager policy makes; `settings` holds `encrypted` and `cmkArn`. */
export interface CrossRegionCopy {
    /** How the message names it: "schedule `daily` copy to eu-central-1". */
    readonly label: string;
    readonly settings: Readonly<Record<string, unknown>>;
}

/** The cross-region copies a Data Lifecycle Manager policy makes: of scheduled snapshots, and of shared ones (event policies). */
export function dlmCrossRegionCopies(props: Record<string, unknown>): CrossRegionCopy[] {
    const details = (props.policyDetails ?? {}) as Record<string, unknown>;
    const out: CrossRegionCopy[] = [];
    for (const s of asArray(details.schedules as Record<string, unknown>[])) {
        for (const r of asArray(s.crossRegionCopyRules as Record<string, unknown>[]))
            out.push({ label: `schedule \`${String(s.name)}\` copy to ${String(r.target ?? r.targetRegion)}`, settings: r });
    }
    const action = details.action as Record<string, unknown> | undefined;
    for (const c of asArray(action?.crossRegionCopies as Record<string, unknown>[]))
        out.push({
            label: `action \`${String(action?.name)}\` copy to ${String(c.target)}`,
            settings: (c.encryptionConfiguration ?? {}) as Record<string, unknown>,
        });
    return out;
}
