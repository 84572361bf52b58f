import { forTypes, ResourcePolicyDefinition } from "../../lib/model";
import { configuredKeys, describeGrant, narrowingKeysSchema, publicGrants } from "../support/resource-policy";
import { BUCKET_TYPES, T } from "../support/types";

interface Config {
    narrowingConditionKeys: string[];
}

const TYPES = [T.bucketPolicy, ...BUCKET_TYPES];

/**
 * Bucket-policy analysis: a statement that allows everyone (`"*"`, `{"AWS": "*"}`) must carry a
 * condition pinning the caller to an account, organization, VPC, VPC endpoint or source ARN; an
 * `Allow` with `NotPrincipal` grants everyone it does not name. Either makes objects public
 * whenever the public access block is lifted or waived.
 */
export const s3BucketPolicyNotPublic: ResourcePolicyDefinition = {
    kind: "resource",
    id: "s3-bucket-policy-not-public",
    description:
        "Checks whether S3 bucket policies grant access to everyone (a wildcard principal without a narrowing condition, or NotPrincipal).",
    severity: "critical",
    enforcementLevel: "mandatory",
    waivable: true,
    remediationSteps:
        "Name the principals (account, role or service ARNs) instead of `*`, or add a condition such as `aws:PrincipalOrgID`, " +
        "`aws:SourceVpce` or `aws:SourceAccount` with fixed values; replace `NotPrincipal` with `Principal` and a `Deny` where needed. " +
        "Serve public content through CloudFront with origin access control instead of a public bucket.",
    configSchema: { properties: { narrowingConditionKeys: narrowingKeysSchema() } },
    resourceTypes: TYPES,
    peerChecks: { partial: ["CKV_AWS_70", "AwsSolutions-S5"] },
    validateResource: forTypes(TYPES, (args, report) => {
        const policy = args.props.policy;
        if (policy === undefined || policy === null || policy === "") {
            args.notApplicable("The resource carries no bucket policy.");
        }
        const keys = configuredKeys(args.getConfig<Config>().narrowingConditionKeys);
        for (const g of publicGrants(policy, keys))
            report(`The bucket policy of \`${args.name}\` must not be public: ${describeGrant(g)}.`);
    }),
};
