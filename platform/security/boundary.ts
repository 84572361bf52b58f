import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Tags, withGovernanceTags } from "../common/governance";
import { permissionsBoundaryPolicy } from "./boundary-policy";
import type { AccountScope } from "./policy-document";

/** Arguments of {@link PermissionsBoundary}. */
export interface PermissionsBoundaryArgs {
    /** The account, region and partition the policies are written for. */
    readonly scope: AccountScope;
    /** The policy name; keep `boundary` in it (the pipeline policy matches `*boundary*`). */
    readonly policyName: string;
    /** The log archive, which services may never touch. */
    readonly logArchiveBucketArn: pulumi.Input<string>;
    /** The landing zone's keys, which services may use but never administer. */
    readonly kmsKeyArns: pulumi.Input<string>[];
    /** Regions services may act in. @default [] (any) */
    readonly allowedRegions?: readonly string[];
    /** Governance tags for every taggable resource. */
    readonly tags: Tags;
}

/** The managed policy every service-team role must carry as its permissions boundary. */
export class PermissionsBoundary extends pulumi.ComponentResource {
    readonly policyArn: pulumi.Output<string>;

    constructor(name: string, args: PermissionsBoundaryArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:PermissionsBoundary", name, {}, opts);
        // The ARN is known from the name, so the document can forbid tampering with itself.
        const boundaryPolicyArn = `arn:${args.scope.partition ?? "aws"}:iam::${args.scope.accountId}:policy/${args.policyName}`;
        const policy = new aws.iam.Policy(
            name,
            {
                name: args.policyName,
                description: "Permissions boundary of every service-team role in this landing zone",
                policy: pulumi.all([args.logArchiveBucketArn, pulumi.all(args.kmsKeyArns)]).apply(([logArchiveBucketArn, kmsKeyArns]) =>
                    JSON.stringify(
                        permissionsBoundaryPolicy({
                            ...args.scope,
                            boundaryPolicyArn,
                            logArchiveBucketArn,
                            kmsKeyArns,
                            allowedRegions: args.allowedRegions,
                        }),
                    ),
                ),
                tags: withGovernanceTags(args.tags, args.policyName),
            },
            { parent: this },
        );
        this.policyArn = policy.arn;
        this.registerOutputs({ policyArn: this.policyArn });
    }
}
