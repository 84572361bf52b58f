import Ajv from "ajv";
import { PolicyInputError } from "../../lib/config";

export type VulnerabilitySeverity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNDEFINED";

/** One vulnerability finding on an image, normalized from ECR, Trivy or Grype. */
export interface Vulnerability {
    /** CVE / GHSA id. */
    readonly id: string;
    readonly severity: VulnerabilitySeverity;
    readonly package?: string;
    readonly installedVersion?: string;
    /** A version that fixes it, when the scanner knows one. */
    readonly fixedVersion?: string;
    /** `true` fix available, `false` none, absent when the scanner cannot tell (ECR basic scanning). */
    readonly fixable?: boolean;
    /** When the finding was first seen (ISO); the age clock for "fix within N days". */
    readonly firstObservedAt?: string;
}

export interface ScanEvidence {
    readonly source: "ecr-basic" | "ecr-enhanced" | "trivy" | "grype";
    /** Scanner status, `COMPLETE` when usable. */
    readonly status: string;
    readonly completedAt?: string;
    readonly vulnerabilities: readonly Vulnerability[];
}

export interface SbomComponent {
    readonly name: string;
    readonly version?: string;
    readonly purl?: string;
    readonly type?: string;
}

/** A VEX statement: the vendor's analysis of one vulnerability for this image. */
export type VexState = "not_affected" | "false_positive" | "resolved" | "resolved_with_pedigree" | "exploitable" | "in_triage";

export interface ImageEvidence {
    readonly digest: string;
    readonly repository?: string;
    readonly scans?: readonly ScanEvidence[];
    readonly sbom?: { readonly format: "CycloneDX"; readonly specVersion?: string; readonly components: readonly SbomComponent[] };
    /** VEX analysis by vulnerability id (from CycloneDX `vulnerabilities[].analysis`). */
    readonly vex?: Readonly<Record<string, VexState>>;
}

/** What ran, as observed (ECS DescribeTasks `containers[].imageDigest`). */
export interface RunningImage {
    /** Task definition family. */
    readonly family: string;
    readonly container: string;
    readonly digest: string;
    /** The service or task it was observed in, for messages. */
    readonly observedIn?: string;
}

/** Everything the runtime policies judge, keyed by image digest; handed over as policy config. */
export interface RuntimeEvidence {
    /** When the evidence was collected (ISO): the policies' "now", so they stay pure. */
    readonly collectedAt: string;
    readonly images: Readonly<Record<string, ImageEvidence>>;
    readonly running: readonly RunningImage[];
    /** Tag references resolved to digests (`repo:tag` → `sha256:…`), for unpinned declarations. */
    readonly tags?: Readonly<Record<string, string>>;
}

export const EMPTY_EVIDENCE: RuntimeEvidence = { collectedAt: "", images: {}, running: [] };

const DIGEST = "^sha256:[a-f0-9]{64}$";
const ISO = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T" };

export const EVIDENCE_SCHEMA = {
    type: "object",
    additionalProperties: false,
    required: ["collectedAt", "images", "running"],
    properties: {
        collectedAt: { anyOf: [ISO, { const: "" }] },
        tags: { type: "object", additionalProperties: { type: "string", pattern: DIGEST } },
        images: {
            type: "object",
            propertyNames: { pattern: DIGEST },
            additionalProperties: {
                type: "object",
                additionalProperties: false,
                required: ["digest"],
                properties: {
                    digest: { type: "string", pattern: DIGEST },
                    repository: { type: "string" },
                    scans: {
                        type: "array",
                        items: {
                            type: "object",
                            additionalProperties: false,
                            required: ["source", "status", "vulnerabilities"],
                            properties: {
                                source: { enum: ["ecr-basic", "ecr-enhanced", "trivy", "grype"] },
                                status: { type: "string" },
                                completedAt: ISO,
                                vulnerabilities: {
                                    type: "array",
                                    items: {
                                        type: "object",
                                        additionalProperties: false,
                                        required: ["id", "severity"],
                                        properties: {
                                            id: { type: "string", minLength: 1 },
                                            severity: { enum: ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"] },
                                            package: { type: "string" },
                                            installedVersion: { type: "string" },
                                            fixedVersion: { type: "string" },
                                            fixable: { type: "boolean" },
                                            firstObservedAt: ISO,
                                        },
                                    },
                                },
                            },
                        },
                    },
                    sbom: {
                        type: "object",
                        required: ["format", "components"],
                        properties: {
                            format: { const: "CycloneDX" },
                            specVersion: { type: "string" },
                            components: {
                                type: "array",
                                items: {
                                    type: "object",
                                    required: ["name"],
                                    properties: {
                                        name: { type: "string" },
                                        version: { type: "string" },
                                        purl: { type: "string" },
                                        type: { type: "string" },
                                    },
                                },
                            },
                        },
                    },
                    vex: {
                        type: "object",
                        additionalProperties: {
                            enum: ["not_affected", "false_positive", "resolved", "resolved_with_pedigree", "exploitable", "in_triage"],
                        },
                    },
                },
            },
        },
        running: {
            type: "array",
            items: {
                type: "object",
                additionalProperties: false,
                required: ["family", "container", "digest"],
                properties: {
                    family: { type: "string", minLength: 1 },
                    container: { type: "string", minLength: 1 },
                    digest: { type: "string", pattern: DIGEST },
                    observedIn: { type: "string" },
                },
            },
        },
    },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(EVIDENCE_SCHEMA);

/** Checks evidence against its schema; every problem at once, naming the source and path. */
export function validateEvidence(evidence: unknown, source = "runtime evidence"): RuntimeEvidence {
    if (!validate(evidence)) {
        throw new PolicyInputError(
            (validate.errors ?? []).map(
                (e) =>
                    `${source}: ` +
                    `\`${e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(document)"}\` ${e.message ?? "is invalid"}${e.keyword === "additionalProperties" ? ` \`${String((e.params as { additionalProperty?: string }).additionalProperty)}\`` : ""}.`,
            ),
        );
    }
    const ev = evidence as RuntimeEvidence;
    const problems: string[] = [];
    for (const [key, image] of Object.entries(ev.images)) {
        if (image.digest !== key)
            problems.push(`${source}: \`images.${key}.digest\` is ${image.digest}: an image's entry must be keyed by its own digest.`);
    }
    if (problems.length > 0) throw new PolicyInputError(problems);
    return ev;
}

/** Merges evidence for the same digests from several sources (ECR scan + Trivy + SBOM…). */
export function mergeEvidence(collectedAt: string, parts: readonly Partial<RuntimeEvidence>[]): RuntimeEvidence {
    const images: Record<string, ImageEvidence> = {};
    const running: RunningImage[] = [];
    const tags: Record<string, string> = {};
    for (const part of parts) {
        for (const [digest, img] of Object.entries(part.images ?? {})) {
            const prev = images[digest];
            images[digest] = {
                digest,
                ...((img.repository ?? prev?.repository) ? { repository: img.repository ?? prev?.repository } : {}),
                scans: [...(prev?.scans ?? []), ...(img.scans ?? [])],
                ...((img.sbom ?? prev?.sbom) ? { sbom: img.sbom ?? prev?.sbom } : {}),
                ...(img.vex || prev?.vex ? { vex: { ...(prev?.vex ?? {}), ...(img.vex ?? {}) } } : {}),
            };
        }
        running.push(...(part.running ?? []));
        Object.assign(tags, part.tags ?? {});
    }
    return { collectedAt, images, running, ...(Object.keys(tags).length > 0 ? { tags } : {}) };
}
