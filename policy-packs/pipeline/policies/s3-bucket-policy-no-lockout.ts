import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { isEveryone, rawStatements, statementCovers } from "../support/resource-policy";
import { BUCKET_TYPES, T } from "../support/types";

const TYPES = [T.bucketPolicy, ...BUCKET_TYPES];
const POLICY_ACTIONS = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"];

/**
 * A `Deny` to everyone, without a condition, of the actions that change the bucket policy locks
 * out every principal but the account's root user: only root can then repair the policy.
 */
export const s3BucketPolicyNoLockout: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-bucket-policy-no-lockout",
    description: "Checks whether an S3 bucket policy denies everyone, unconditionally, the right to change the bucket policy.",
    severity: "medium",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Scope the `Deny` with a condition (e.g. `aws:PrincipalArn` not equal to the administrators' roles) or leave " +
        "`s3:PutBucketPolicy` and `s3:DeleteBucketPolicy` out of it, so administrators can still change the policy without the root user.",
    resourceTypes: TYPES,
    peerChecks: { full: ["CKV_AWS_93"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined || policy === null || policy === "") args.notApplicable("The resource carries no bucket policy.");
        rawStatements(policy).forEach((s, i) => {
            if (s.Effect !== "Deny" || s.Condition !== undefined || !isEveryone(s.Principal)) return;
            const locked = POLICY_ACTIONS.filter((a) => statementCovers(s, a));
            if (locked.length > 0) {
                const sid = typeof s.Sid === "string" && s.Sid ? s.Sid : `#${i + 1}`;
                report(
                    `The bucket policy of \`${args.name}\` must not deny ${locked.map((a) => `\`${a}\``).join(" and ")} to everyone ` +
                        `without a condition (statement \`${sid}\`): only the root user could change the policy again.`,
                );
            }
        });
    }),
};
