import type { Finding } from "../../../policy-packs/lib/findings";
import type { PolicySummary, WaiverUse } from "../../../policy-packs/lib/inspect";
import type { AppliedWaiver } from "../../../policy-packs/lib/findings";
import type { FrameworkResult } from "../../../policy-packs/lib/frameworks";
import type { ScanEvidence, Vulnerability } from "../../../policy-packs/runtime/evidence/model";
import type { FileModeFact, ImageRuntimeConfig, IntegrityProblem, OperatingSystem, SecretFact, ToolFact } from "../../image/model";

/** A finding of `edf inspect`: the shared model, a stable fingerprint, and whether the previous run had it. */
export interface InspectFinding extends Finding {
    /** Identity across runs (policy, resource, what the message says without its volatile parts). */
    readonly fingerprint: string;
    /** Not in the stack's previous inspection (or there was none). */
    readonly new: boolean;
}

/** A finding as the delta lists it. */
export interface FindingRef {
    readonly unit: string;
    readonly policyId: string;
    readonly urn: string;
    readonly level: Finding["level"];
    readonly message: string;
    readonly fingerprint: string;
}

/** One container of a service: what it declares, what runs, which images were analysed. */
export interface ContainerReport {
    readonly name: string;
    readonly declared: { readonly image: string; readonly digest?: string };
    /** Digests ECS reports running, with how many tasks run each. */
    readonly running: readonly { readonly digest: string; readonly image?: string; readonly tasks: number }[];
    /** What ECS could not pin to a digest (a task still starting, a tag without a reported digest). */
    readonly unobserved: readonly { readonly observedIn: string; readonly reason: string; readonly image?: string }[];
    /** The digests analysed for this container (keys of the report's `images`). */
    readonly images: readonly string[];
}

export interface ServiceReport {
    readonly name: string;
    readonly cluster: string;
    readonly service: string;
    readonly region: string;
    readonly taskDefinition: { readonly family: string; readonly arn: string };
    readonly platform: { readonly os: string; readonly architecture: string };
    readonly containers: readonly ContainerReport[];
}

export type InspectStackStatus = "passed" | "policy-violation" | "failed" | "skipped" | "cancelled" | "not-deployed";

export interface InspectStackReport {
    readonly unit: string;
    readonly stack: string;
    readonly status: InspectStackStatus;
    /** Why it failed, was not deployed or was cancelled. */
    readonly reason?: string;
    readonly services: readonly ServiceReport[];
    readonly findings: readonly InspectFinding[];
    readonly waivers: {
        readonly applied: readonly WaiverUse[];
        readonly expired: readonly AppliedWaiver[];
        readonly rejected: readonly AppliedWaiver[];
        readonly unused: readonly AppliedWaiver[];
    };
    readonly inspection?: { readonly evaluations: number; readonly mandatory: number; readonly advisory: number; readonly waived: number };
    /** What could not be read but did not fail the stack (a scanner the caller may not call). */
    readonly notes: readonly string[];
}

/** One analysed image: what it is, what is inside, what the scanners say. */
export interface ImageReport {
    readonly reference: string;
    readonly digest: string;
    readonly manifestDigest: string;
    readonly platform: string;
    readonly os?: OperatingSystem;
    readonly sizeBytes: number;
    readonly layers: number;
    readonly created?: string;
    readonly config?: ImageRuntimeConfig;
    readonly packages: readonly {
        readonly name: string;
        readonly version: string;
        readonly type: string;
        readonly purl: string;
        readonly location: string;
    }[];
    readonly tools: readonly ToolFact[];
    readonly setuidFiles: readonly FileModeFact[];
    readonly worldWritable: readonly FileModeFact[];
    readonly secrets: readonly SecretFact[];
    readonly integrity: readonly IntegrityProblem[];
    readonly notes: readonly string[];
    readonly scans: readonly Omit<ScanEvidence, "vulnerabilities">[];
    readonly vulnerabilities: readonly (Vulnerability & { readonly source: string })[];
    /** The SBOM file, relative to the run folder (absent for a refused image). */
    readonly sbom?: string;
}

/** The `edf inspect` report (report.json, and everything rendered from it). */
export interface InspectReport {
    readonly reportVersion: 1;
    readonly command: "inspect";
    readonly environment: string;
    readonly spec: string;
    readonly date: string;
    /** When the evidence was collected (ISO): the runtime policies' "now". */
    readonly collectedAt: string;
    readonly backend: string;
    readonly pack: { readonly name: string; readonly version: string; readonly path: string };
    readonly failOn: "any" | "new";
    readonly outcome: "passed" | "policy-violation" | "failed" | "interrupted";
    readonly exitCode: number;
    readonly summary: {
        readonly stacks: number;
        readonly passed: number;
        readonly policyViolation: number;
        readonly failed: number;
        readonly cancelled: number;
        readonly notDeployed: number;
        readonly services: number;
        readonly images: number;
        readonly packages: number;
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
        readonly newFindings: number;
        readonly resolvedFindings: number;
        readonly newDigests: number;
    };
    readonly policies: readonly PolicySummary[];
    /**
     * The frameworks the spec chooses (`policy.frameworks`), each with the runtime findings per
     * control. The mapping files (policy-packs/frameworks/) say which controls a policy evidences;
     * a framework never changes a verdict.
     */
    readonly frameworks: readonly FrameworkResult[];
    readonly stacks: readonly InspectStackReport[];
    readonly images: Readonly<Record<string, ImageReport>>;
    readonly delta: {
        /** The run compared with (the newest earlier inspection of each stack); absent on a first run. */
        readonly baseline?: { readonly runs: readonly string[] };
        readonly newFindings: readonly FindingRef[];
        readonly resolvedFindings: readonly FindingRef[];
        readonly newDigests: readonly string[];
    };
}
