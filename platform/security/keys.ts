import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import { KeyPurpose, keyPolicy, KEY_PURPOSES } from "./key-policies";
import type { AccountScope } from "./policy-document";

/** Arguments of {@link PurposeKeys}. */
export interface PurposeKeysArgs {
    /** The account, region and partition the policies are written for. */
    readonly scope: AccountScope;
    /** Alias prefix, e.g. `edf/dev` gives `alias/edf/dev/logs`. */
    readonly aliasPrefix: string;
    /**
     * Principals that administer the keys; must include the identity that deploys this
     * stack, or KMS refuses the policy (lockout safety check).
     * @default - the account root (IAM decides)
     */
    readonly administratorArns?: readonly string[];
    /** Days a scheduled deletion waits (7–30). @default 30 */
    readonly deletionWindowInDays?: number;
    /** Protect the keys against deletion and replacement. @default true */
    readonly protect?: boolean;
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** The longest window AWS allows: the most time to notice and cancel a deletion. */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;
/** Yearly automatic rotation (the KMS default period, stated so it is visible in code review). */
export const KEY_ROTATION_PERIOD_DAYS = 365;

/**
 * One customer-managed KMS key per purpose (logs, data, secrets), each with
 * automatic rotation, the longest deletion window and a least-privilege key policy
 * (see `keyPolicy`), protected against deletion by default.
 */
export class PurposeKeys extends pulumi.ComponentResource {
    readonly keyArns: Readonly<Record<KeyPurpose, pulumi.Output<string>>>;

    constructor(name: string, args: PurposeKeysArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:Keys", name, {}, opts);
        const arns: Partial<Record<KeyPurpose, pulumi.Output<string>>> = {};
        for (const purpose of KEY_PURPOSES) {
            const key = new aws.kms.Key(
                `${name}-${purpose}`,
                {
                    description: `Landing zone ${purpose} key (${args.aliasPrefix})`,
                    keyUsage: "ENCRYPT_DECRYPT",
                    enableKeyRotation: true,
                    rotationPeriodInDays: KEY_ROTATION_PERIOD_DAYS,
                    deletionWindowInDays: args.deletionWindowInDays ?? DEFAULT_KEY_DELETION_WINDOW_DAYS,
                    policy: JSON.stringify(keyPolicy({ ...args.scope, purpose, administratorArns: args.administratorArns })),
                    tags: withGovernanceTags(args.tags, `${args.aliasPrefix}/${purpose}`, { "edf:key-purpose": purpose }),
                },
                { parent: this, protect: args.protect ?? true },
            );
            new aws.kms.Alias(
                `${name}-${purpose}`,
                { name: `alias/${args.aliasPrefix}/${purpose}`, targetKeyId: key.keyId },
                { parent: this },
            );
            arns[purpose] = key.arn;
        }
        this.keyArns = arns as Record<KeyPurpose, pulumi.Output<string>>;
        this.registerOutputs({ keyArns: this.keyArns });
    }
}
