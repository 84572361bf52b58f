import { currentUnitContext, UnitProgram } from "../../../../automation/unit/define";
import { GOVERNANCE_TAG_KEYS } from "../../../../platform/common/governance";
import { CapturedResource, MockRunOptions, MockRunResult, runUnderMocks } from "./mock-run";
import type { MockWorld } from "./mock-world";

/** How a test runs a platform unit: its environment, unqualified unit config, injected inputs, fake cloud. */
export interface UnitRun {
    readonly environment?: string;
    /** Unit config, keys without namespace (`natStrategy`), as a person would `pulumi config set`. */
    readonly config?: Record<string, unknown>;
    /** Driver-injected inputs by name. */
    readonly inputs?: Record<string, unknown>;
    readonly world?: Partial<MockWorld>;
}

/** The governance config tests use unless they test governance itself. */
export const TEST_GOVERNANCE = { owner: "platform-team", dataClassification: "confidential", pciScope: "in-scope" };

/**
 * Runs a unit program the way the root program does (`currentUnitContext`), under
 * mocks, with config in the project namespace and inputs under `edf-input:`.
 */
export async function runUnit<T extends Record<string, unknown>>(
    unit: string,
    program: UnitProgram<T>,
    run: UnitRun = {},
): Promise<MockRunResult<T>> {
    const environment = run.environment ?? "dev";
    const config: Record<string, unknown> = { "edf:environment": environment, "edf:unit": unit };
    for (const [key, value] of Object.entries({ governance: TEST_GOVERNANCE, ...(run.config ?? {}) })) {
        if (value !== undefined) {
            config[`edf:${key}`] = value;
        }
    }
    for (const [name, value] of Object.entries(run.inputs ?? {})) {
        config[`edf-input:${name}`] = JSON.stringify(value);
    }
    const options: MockRunOptions = { config, stack: `${environment}-${unit.split("/").pop()}`, world: run.world ?? {} };
    return runUnderMocks(() => program(currentUnitContext(unit)), options);
}

/**
 * AWS types that take no tags (the API has nowhere to put them). Every other `aws:`
 * resource must carry the governance tags; keep this list short and justified.
 */
export const UNTAGGABLE_AWS_TYPES = new Set([
    "aws:ec2/route:Route",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
    "aws:kms/alias:Alias",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    "aws:ebs/encryptionByDefault:EncryptionByDefault",
    "aws:ebs/defaultKmsKey:DefaultKmsKey",
    "aws:cfg/recorder:Recorder",
    "aws:cfg/deliveryChannel:DeliveryChannel",
    "aws:cfg/recorderStatus:RecorderStatus",
    "aws:securityhub/account:Account",
    "aws:securityhub/standardsSubscription:StandardsSubscription",
    "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
    "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
    "aws:wafv2/webAclAssociation:WebAclAssociation",
]);

/** `aws:` resources that lack any governance tag (should be empty). */
export function untaggedResources(resources: readonly CapturedResource[]): string[] {
    return resources
        .filter((r) => r.type.startsWith("aws:") && !UNTAGGABLE_AWS_TYPES.has(r.type))
        .filter((r) => GOVERNANCE_TAG_KEYS.some((key) => typeof r.inputs.tags?.[key] !== "string"))
        .map((r) => `${r.type} ${r.name}`);
}

/** Parses a JSON policy input (string or object). */
export function policyOf(input: unknown): { Statement: Record<string, any>[] } {
    return (typeof input === "string" ? JSON.parse(input) : input) as { Statement: Record<string, any>[] };
}
