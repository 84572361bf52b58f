import type { AwsSecurityFinding, Resource } from "@aws-sdk/client-securityhub";
import type { Finding } from "../../../policy-packs/lib/findings";

/**
 * What the Security Hub publisher takes of an `edf inspect` finding: the shared finding model
 * (policy-packs/lib/findings.ts), the stack it was found in, its fingerprint (stable across runs:
 * the same finding keeps it when only a digest or an age in its message changes), the PCI DSS
 * requirements its policy evidences (the framework mapping), and what it is about: the ECS service
 * and the image digests that run. `edf inspect`'s report (`InspectFinding` and its stack's
 * services) carries all of it; this narrow shape keeps the publisher independent of the report.
 */
export interface PublishableFinding extends Pick<Finding, "policyId" | "urn" | "level" | "severity" | "message" | "kind" | "waivedBy"> {
    /** The unit whose stack was inspected (`services/payments-api`). */
    readonly unit: string;
    readonly fingerprint: string;
    /** PCI DSS requirement ids (`6.3.3`) the policy evidences. @default [] */
    readonly pciDssRequirements?: readonly string[];
    /** The ECS service the finding is about, when it is about one. */
    readonly service?: { readonly arn: string; readonly cluster: string; readonly name: string };
    /** The images (by digest) the finding is about. */
    readonly images?: readonly ImageRef[];
}

export interface ImageRef {
    /** `registry/repository` as the task definition names it. */
    readonly repository: string;
    readonly digest: string;
}

/** Where and when findings are imported. */
export interface AsffContext {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly environment: string;
    /** The PCI DSS version the requirement ids are of. @default "4.0.1" */
    readonly pciDssVersion?: string;
    /** When the evidence was collected (ISO 8601): the findings' `UpdatedAt` and `LastObservedAt`. */
    readonly observedAt: string;
}

/** ASFF allows at most 32 resources per finding. */
const MAX_RESOURCES = 32;

const SEVERITY = {
    critical: { Label: "CRITICAL", Normalized: 90 },
    high: { Label: "HIGH", Normalized: 70 },
    medium: { Label: "MEDIUM", Normalized: 40 },
    low: { Label: "LOW", Normalized: 1 },
} as const;

/** The product a customer's own findings are imported under. */
export function defaultProductArn(ctx: Pick<AsffContext, "partition" | "region" | "accountId">): string {
    return `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.accountId}:product/${ctx.accountId}/default`;
}

/**
 * A finding's Security Hub id: the environment, the unit and the fingerprint. The same finding on
 * the next run has the same id, so `BatchImportFindings` updates it instead of adding another.
 */
export function findingId(environment: string, unit: string, fingerprint: string): string {
    return `edf/${environment}/${unit}/${fingerprint}`;
}

/** An ECR image as Security Hub names it; any other registry's image as a container image. */
function imageResource(image: ImageRef, ctx: AsffContext): Resource {
    const ecr = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+)$/.exec(image.repository);
    if (ecr) {
        return {
            Type: "AwsEcrContainerImage",
            Id: `arn:${ctx.partition}:ecr:${ecr[2]}:${ecr[1]}:repository/${ecr[3]}/${image.digest}`,
            Partition: ctx.partition as Resource["Partition"],
            Region: ecr[2],
            Details: { AwsEcrContainerImage: { RegistryId: ecr[1], RepositoryName: ecr[3], ImageDigest: image.digest } },
        };
    }
    return {
        Type: "Container",
        Id: `${image.repository}@${image.digest}`,
        Partition: ctx.partition as Resource["Partition"],
        Region: ctx.region,
        Details: { Container: { ImageName: image.repository, ImageId: image.digest } },
    };
}

function resourcesOf(f: PublishableFinding, ctx: AsffContext): Resource[] {
    const resources: Resource[] = [];
    if (f.service) {
        resources.push({
            Type: "AwsEcsService",
            Id: f.service.arn,
            Partition: ctx.partition as Resource["Partition"],
            Region: ctx.region,
            Details: { AwsEcsService: { Cluster: f.service.cluster, Name: f.service.name } },
        });
    }
    for (const image of f.images ?? []) resources.push(imageResource(image, ctx));
    // A finding about a declared resource only (or the stack): the resource's URN names it.
    if (resources.length === 0) resources.push({ Type: "Other", Id: f.urn || `edf:${ctx.environment}:${f.unit}`, Region: ctx.region });
    return resources.slice(0, MAX_RESOURCES);
}

function clip(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The ASFF document of a finding. `firstObservedAt` is when Security Hub first received it (kept in
 * the inspection state): `CreatedAt` never moves, `UpdatedAt` is this run's. `recordState` is
 * `ARCHIVED` for a finding the inspection no longer finds. Pure.
 */
export function toAsff(
    f: PublishableFinding,
    ctx: AsffContext,
    options: { readonly firstObservedAt?: string; readonly recordState?: "ACTIVE" | "ARCHIVED" } = {},
): AwsSecurityFinding {
    const created = options.firstObservedAt ?? ctx.observedAt;
    const requirements = (f.pciDssRequirements ?? []).map((r) => `PCI DSS v${ctx.pciDssVersion ?? "4.0.1"}/${r}`);
    const archived = options.recordState === "ARCHIVED";
    return {
        SchemaVersion: "2018-10-08",
        Id: findingId(ctx.environment, f.unit, f.fingerprint),
        ProductArn: defaultProductArn(ctx),
        GeneratorId: `edf-runtime/${f.policyId}`,
        AwsAccountId: ctx.accountId,
        Types: [`Software and Configuration Checks/EDF Runtime Policies/${f.policyId}`],
        FirstObservedAt: created,
        LastObservedAt: ctx.observedAt,
        CreatedAt: created,
        UpdatedAt: ctx.observedAt,
        Severity: SEVERITY[f.severity],
        Title: clip(`${f.policyId}: ${f.unit}`, 256),
        Description: clip(f.message, 1024),
        ProductFields: {
            "edf/environment": ctx.environment,
            "edf/unit": f.unit,
            "edf/policy": f.policyId,
            "edf/level": f.level,
            "edf/fingerprint": f.fingerprint,
            ...(f.urn ? { "edf/urn": clip(f.urn, 1024) } : {}),
        },
        Resources: resourcesOf(f, ctx),
        Compliance: { Status: archived ? "PASSED" : "FAILED", ...(requirements.length > 0 ? { RelatedRequirements: requirements } : {}) },
        RecordState: archived ? "ARCHIVED" : "ACTIVE",
    };
}
