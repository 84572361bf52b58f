import type { PolicyDocument } from "../../security/policy-document";

/** What every guardrail document is written for. */
export interface GuardrailContext {
    /** The partition (`aws`, `aws-us-gov`, `aws-cn`). */
    readonly partition: string;
    /** Regions workloads may act in (the region guardrail's allow-list). */
    readonly allowedRegions: readonly string[];
    /** The pipeline's deployment role in each member account (protected; may change the baseline). */
    readonly deploymentRoleName: string;
    /** The break-glass role (protected). */
    readonly breakGlassRoleName: string;
    /** The role the management account creates member-account resources through (`OrganizationAccountAccessRole`). */
    readonly bootstrapRoleName: string;
    /** First part of every landing-zone name (log-archive buckets are `<prefix>-…-log-archive-…`). */
    readonly namePrefix: string;
}

/** Where a guardrail is attached by default: the root (every member account) or each top-level OU. */
export type GuardrailLevel = "root" | "ou" | "workload";

/** One service control policy of the baseline: a separate, documented document. */
export interface Guardrail {
    /** Kebab-case id, equal to the file name (`deny-leaving-organization`). */
    readonly id: string;
    /** The policy's description in AWS Organizations (at most 512 characters). */
    readonly description: string;
    /** Why the guardrail exists, for docs/organization.md and reviewers. */
    readonly rationale: string;
    /** Where the baseline attaches it. */
    readonly level: GuardrailLevel;
    /** The document, for an organisation. */
    document(context: GuardrailContext): PolicyDocument;
}

/** ARN patterns of a role name in every account of the partition (what SCP conditions compare principals with). */
export function roleInAnyAccount(context: GuardrailContext, roleName: string): string {
    return `arn:${context.partition}:iam::*:role/${roleName}`;
}

/** The principals a guardrail leaves to the pipeline: the deployment and bootstrap roles. */
export function pipelinePrincipals(context: GuardrailContext): string[] {
    return [roleInAnyAccount(context, context.deploymentRoleName), roleInAnyAccount(context, context.bootstrapRoleName)];
}

/** The largest SCP document AWS Organizations accepts, in characters (the driver sends it minified). */
export const SCP_MAX_CHARACTERS = 5120;

/** A document as it is sent to AWS Organizations: minified JSON. */
export function scpContent(document: PolicyDocument): string {
    return JSON.stringify(document);
}
