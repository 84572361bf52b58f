import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The account password policy: stricter than PCI DSS 8.3.6/8.3.7/8.3.9 (12 characters, 4 remembered, 90 days). */
export const PASSWORD_POLICY = {
    minimumPasswordLength: 14,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    allowUsersToChangePassword: true,
    maxPasswordAge: 90,
    passwordReusePrevention: 24,
} as const;

/** Arguments of {@link AccountBaseline}. */
export interface AccountBaselineArgs {
    /** Key new EBS volumes are encrypted with by default (the data key). */
    readonly ebsKmsKeyArn: pulumi.Input<string>;
}

/**
 * Account-wide settings: the IAM password policy, S3 public access blocked for the
 * whole account, and EBS encryption by default with the data key.
 */
export class AccountBaseline extends pulumi.ComponentResource {
    constructor(name: string, args: AccountBaselineArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("edf:security:AccountBaseline", name, {}, opts);
        const parent = { parent: this };
        new aws.iam.AccountPasswordPolicy(name, { ...PASSWORD_POLICY }, parent);
        new aws.s3.AccountPublicAccessBlock(
            name,
            {
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        new aws.ebs.EncryptionByDefault(name, { enabled: true }, parent);
        new aws.ebs.DefaultKmsKey(name, { keyArn: args.ebsKmsKeyArn }, parent);
        this.registerOutputs({});
    }
}
