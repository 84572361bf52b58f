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
    readonly source: "ecr-basic" | "ecr-enhanced" | "inspector2" | "trivy" | "grype";
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

/** A program on the image's PATH that an attacker would be glad of. */
export interface ToolEvidence {
    readonly name: string;
    readonly path: string;
    readonly category: "shell" | "package-manager" | "compiler" | "debugger" | "remote-access";
}

/** A file with special permission bits (mode as octal text). */
export interface FileModeEvidence {
    readonly path: string;
    readonly mode: string;
    readonly setuid?: boolean;
    readonly setgid?: boolean;
}

/** Secret material found in a layer: where and what kind, never the value. */
export interface SecretEvidence {
    readonly path: string;
    readonly kind: string;
    readonly layer: string;
    readonly layerIndex: number;
    /** Still in the final filesystem; false: deleted by a later layer, yet in the image's blobs. */
    readonly present: boolean;
    readonly fingerprint: string;
}

/**
 * What the inspector found inside the image by analysing it (`edf inspect`): the inventory and
 * the facts the runtime policies judge. `integrity` lists digests that did not match; when it is
 * not empty the image was refused and nothing else here is filled.
 */
export interface AnalysisEvidence {
    /** Who analysed it (`edf-inspect 0.1.0`). */
    readonly analyzer: string;
    /** The platform image's manifest digest, when the evidence's digest names an index. */
    readonly manifestDigest?: string;
    readonly os?: { readonly id: string; readonly versionId?: string; readonly prettyName?: string };
    /** The image config's `USER` (empty: root); absent when the config could not be read. */
    readonly user?: string;
    readonly exposedPorts?: readonly string[];
    /** Names of image environment variables that look like secrets and carry a value. */
    readonly secretEnvNames?: readonly string[];
    readonly packages: readonly SbomComponent[];
    readonly tools: readonly ToolEvidence[];
    readonly setuidFiles: readonly FileModeEvidence[];
    readonly worldWritable: readonly FileModeEvidence[];
    readonly secrets: readonly SecretEvidence[];
    readonly integrity: readonly {
        readonly subject: string;
        readonly digest: string;
        readonly actual?: string;
        readonly message: string;
    }[];
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
    /** The inspector's own analysis of the image. */
    readonly analysis?: AnalysisEvidence;
}

/** What ran, as observed (ECS DescribeTasks `containers[].imageDigest`). */
export interface RunningImage {
    /** Task definition family. */
    readonly family: string;
    readonly container: string;
    readonly digest: string;
    /** The service or task it was observed in, for messages. */
    readonly observedIn?: string;
    /** The image reference ECS reported (`repo:tag` or `repo@digest`): where the running image is pulled from. */
    readonly image?: string;
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
const STRINGS = { type: "array", items: { type: "string" } } as const;
const FILE_MODE = {
    type: "object",
    required: ["path", "mode"],
    properties: { path: { type: "string" }, mode: { type: "string" }, setuid: { type: "boolean" }, setgid: { type: "boolean" } },
} as const;
const COMPONENT = {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string" }, version: { type: "string" }, purl: { type: "string" }, type: { type: "string" } },
} as const;
const ANALYSIS = {
    type: "object",
    additionalProperties: false,
    required: ["analyzer", "packages", "tools", "setuidFiles", "worldWritable", "secrets", "integrity"],
    properties: {
        analyzer: { type: "string" },
        manifestDigest: { type: "string", pattern: DIGEST },
        os: {
            type: "object",
            required: ["id"],
            properties: { id: { type: "string" }, versionId: { type: "string" }, prettyName: { type: "string" } },
        },
        user: { type: "string" },
        exposedPorts: STRINGS,
        secretEnvNames: STRINGS,
        packages: { type: "array", items: COMPONENT },
        tools: {
            type: "array",
            items: {
                type: "object",
                required: ["name", "path", "category"],
                properties: {
                    name: { type: "string" },
                    path: { type: "string" },
                    category: { enum: ["shell", "package-manager", "compiler", "debugger", "remote-access"] },
                },
            },
        },
        setuidFiles: { type: "array", items: FILE_MODE },
        worldWritable: { type: "array", items: FILE_MODE },
        secrets: {
            type: "array",
            items: {
                type: "object",
                required: ["path", "kind", "layer", "layerIndex", "present", "fingerprint"],
                properties: {
                    path: { type: "string" },
                    kind: { type: "string" },
                    layer: { type: "string" },
                    layerIndex: { type: "integer", minimum: 0 },
                    present: { type: "boolean" },
                    fingerprint: { type: "string" },
                },
            },
        },
        integrity: {
            type: "array",
            items: {
                type: "object",
                required: ["subject", "digest", "message"],
                properties: {
                    subject: { type: "string" },
                    digest: { type: "string" },
                    actual: { type: "string" },
                    message: { type: "string" },
                },
            },
        },
    },
} as const;

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
                                source: { enum: ["ecr-basic", "ecr-enhanced", "inspector2", "trivy", "grype"] },
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
                    analysis: ANALYSIS,
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
                    image: { type: "string" },
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
                ...((img.analysis ?? prev?.analysis) ? { analysis: img.analysis ?? prev?.analysis } : {}),
            };
        }
        running.push(...(part.running ?? []));
        Object.assign(tags, part.tags ?? {});
    }
    return { collectedAt, images, running, ...(Object.keys(tags).length > 0 ? { tags } : {}) };
}
