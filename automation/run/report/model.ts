import type { AppliedWaiver, Finding } from "../../../policy-packs/lib/findings";
import type { FrameworkResult } from "../../../policy-packs/lib/frameworks";
import type { PolicySummary, WaiverUse } from "../../../policy-packs/lib/inspect";
import type { Edge } from "../../graph/graph";
import type { Provenance } from "../../inputs/types";
import type { RunOutcome, StackStatus } from "../outcome";
import type { ResourceStep, DriftedResource, UnknownUpstream } from "./operations";

/**
 * The one report model of every command over an environment (`edf synth`, `preview`, `up`,
 * `destroy`, `refresh`, `drift`): report.json is this document, and report.html, summary.md,
 * report.sarif and the terminal summary are rendered from it by the same writers (this folder).
 * What a stack *is* differs by command — synth's inventory under mocks, the engine's resource
 * operations and their property diffs — and lives in optional parts of the one stack record.
 */

/** The commands that write this report. */
export type ReportCommand = "synth" | "preview" | "up" | "destroy" | "refresh" | "drift";

/** Where an injected value came from in this run. */
export type InputOrigin =
    /** The sample inputs file (Vault, Consul, env fallbacks): sample values. */
    | "sample"
    /** The real Vault or Consul server named in the spec (`--live-inputs`, and every engine command). */
    | "live"
    /** The driver's own process environment. */
    | "environment"
    /** The synthesized outputs of an upstream stack of this run. */
    | "synthesized"
    /** The outputs of a deployed upstream stack. */
    | "deployed"
    /** Unknown in this preview: the producing stack has never been deployed. */
    | "unknown";

export interface SynthInput extends Provenance {
    readonly name: string;
    readonly origin: InputOrigin;
}

/** The state of one stack in a report: synth says `passed`, the engine commands `succeeded` (automation/run/outcome.ts). */
export type ReportStackStatus = "passed" | StackStatus;

/** The statuses synth gives a stack. */
export type SynthStackStatus =
    /** Evaluated and inspected; nothing mandatory. */
    | "passed"
    /** Evaluated and inspected; at least one unwaived mandatory finding. */
    | "policy-violation"
    /** The program threw, an output rejected or an input could not be resolved. */
    | "failed"
    /** Not evaluated because a stack it depends on failed. */
    | "skipped"
    /** Not evaluated (or not finished) because the run was interrupted. */
    | "cancelled";

/** How a run ended, by the one rule of every command; synth's success reads `passed`. */
export type ReportOutcome = "passed" | RunOutcome;

/** One resource of a stack's inventory (inputs with secrets replaced by `[secret]`). */
export interface InventoryResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly id?: string;
    readonly parent?: string;
    readonly provider?: string;
    readonly custom: boolean;
    readonly read?: boolean;
    readonly synthetic?: boolean;
    readonly protect?: boolean;
    readonly props: Readonly<Record<string, unknown>>;
}

/** One engine policy violation as the engine reported it (kept beside the findings made of it). */
export interface EngineViolation {
    readonly unit: string;
    readonly stack: string;
    readonly policyPack: string;
    readonly policy: string;
    readonly enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    readonly resourceUrn?: string;
    readonly message: string;
}

export interface StackReport {
    readonly unit: string;
    readonly stack: string;
    /** The unit's program folder. */
    readonly path: string;
    /** The AWS account the stack deploys into, and was evaluated as (absent when the spec names none). */
    readonly account?: string;
    /** The role the stack's provider assumes in that account. @default - the caller's own credentials */
    readonly assumeRole?: string;
    readonly status: ReportStackStatus;
    /** Why the stack failed, was skipped or cancelled, or what it did (secrets scrubbed). */
    readonly reason?: string;
    readonly dependsOn: readonly string[];
    readonly inputs: readonly SynthInput[];
    /** Stack outputs; secret ones as `[secret]`. */
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly secretOutputs: readonly string[];
    /** Provider functions called, with counts (synth). */
    readonly invokes: Readonly<Record<string, number>>;
    readonly resourceCounts: {
        readonly total: number;
        readonly custom: number;
        readonly components: number;
        readonly byType: Readonly<Record<string, number>>;
    };
    readonly resources: readonly InventoryResource[];
    readonly findings: readonly Finding[];
    readonly waivers: {
        readonly applied: readonly WaiverUse[];
        readonly expired: readonly AppliedWaiver[];
        readonly rejected: readonly AppliedWaiver[];
        readonly unused: readonly AppliedWaiver[];
    };
    readonly inspection?: {
        readonly evaluations: number;
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
        readonly passed: boolean;
    };
    // The engine commands' part (absent in synth, whose report holds no times).
    /** Attempts made (retries of transient errors included). */
    readonly attempts?: number;
    readonly startedAt?: string;
    readonly durationMs?: number;
    /** Resource counts by operation as the engine summed them (`create`, `same`, …). */
    readonly changes?: Readonly<Record<string, number>>;
    /** Every resource operation but `same`, dangerous ones first, with property diffs (secrets masked). */
    readonly steps?: readonly ResourceStep[];
    /** `drift`: every resource whose real state differs from the recorded one, per property. */
    readonly drift?: readonly DriftedResource[];
    /** `drift`: whether refreshing would change the state. */
    readonly drifted?: boolean;
    /** A preview before upstream stacks were first deployed: which upstream outputs were unknown. */
    readonly unknowns?: readonly UnknownUpstream[];
    /** The policy violations as the engine reported them. */
    readonly violations?: readonly EngineViolation[];
    /** The stack's engine log, relative to the run folder. */
    readonly log?: string;
}

/** What the engine commands add to a report (synth's report stays free of times: equal inputs, equal bytes). */
export interface EngineRunPart {
    readonly backend: string;
    readonly runDir?: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly durationMs: number;
    readonly parallel: number;
    readonly selection: readonly string[];
    /** Stacks per status. */
    readonly counts: Readonly<Record<string, number>>;
    /** Every engine policy violation, in stack order. */
    readonly violations: readonly EngineViolation[];
    /** `--target` URNs the operations were limited to. */
    readonly targets?: readonly string[];
}

/** The report of one run over an environment (report.json). */
export interface EnvironmentReport extends Partial<EngineRunPart> {
    readonly reportVersion: 1;
    readonly command: ReportCommand;
    readonly environment: string;
    /** The spec file, relative to the project root. */
    readonly spec: string;
    /** Synth: the region and account the mock cloud answered for. */
    readonly region?: string;
    readonly account?: string;
    /** The day verdicts were decided for (waiver expiry, enforce-after dates). */
    readonly date: string;
    /** Synth: where Vault/Consul inputs came from. */
    readonly inputs?: { readonly source: "sample" | "live"; readonly file?: string };
    /** The policy pack, or null when the spec turns enforcement off (or the command runs none). */
    readonly pack: { readonly name: string; readonly version: string; readonly path: string } | null;
    readonly graph: { readonly units: readonly string[]; readonly edges: readonly Edge[] };
    readonly outcome: ReportOutcome;
    readonly exitCode: number;
    readonly summary: ReportSummary;
    readonly policies: readonly PolicySummary[];
    /**
     * Findings about the environment rather than one stack — an expired or refused waiver — once,
     * however many stacks reported them. Absent when there are none.
     */
    readonly environmentFindings?: readonly Finding[];
    /**
     * The frameworks the spec chooses (`policy.frameworks`): each with its coverage (controls with a
     * policy / controls that apply) and every control with the findings of all stacks against it.
     */
    readonly frameworks: readonly FrameworkResult[];
    readonly stacks: readonly StackReport[];
}

export interface ReportSummary {
    readonly stacks: number;
    /** Stacks that did what was asked (`passed`, `succeeded`, `preview-with-unknowns`, `not-deployed`). */
    readonly passed: number;
    readonly policyViolation: number;
    readonly failed: number;
    readonly skipped: number;
    readonly cancelled: number;
    readonly resources: number;
    readonly evaluations: number;
    /** Unwaived mandatory findings, each environment finding counted once. */
    readonly mandatory: number;
    readonly advisory: number;
    readonly waived: number;
    /** Engine commands: resource operations of the run, by kind (`create`, `update`, `replace`, `delete`). */
    readonly operations?: Readonly<Record<string, number>>;
    /** `drift`: stacks that drifted. */
    readonly drifted?: number;
    /** `preview`: stacks previewed with unknown upstream outputs. */
    readonly previewWithUnknowns?: number;
}

/** Former names, kept for code written against synth's report. */
export type SynthReport = EnvironmentReport;
export type SynthStackReport = StackReport;

export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** What a secret value is shown as in every report. */
export const SECRET_PLACEHOLDER = "[secret]";

/** A copy of a value with every Pulumi secret replaced by `[secret]`. */
export function redactSecrets(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(redactSecrets);
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG_KEY] === SECRET_SIG) return SECRET_PLACEHOLDER;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
        if (v !== undefined) out[k] = redactSecrets(v);
    }
    return out;
}

/** Every plain value held inside Pulumi secrets of a value (to register with the redactor). */
export function secretValues(value: unknown, into: unknown[] = []): unknown[] {
    if (value === null || typeof value !== "object") return into;
    if (Array.isArray(value)) {
        for (const v of value) secretValues(v, into);
        return into;
    }
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG_KEY] === SECRET_SIG) {
        into.push(obj.value);
        if (typeof obj.value === "string" && /^[[{]/.test(obj.value)) {
            // JSON text in a secret (`dataJson`): its string leaves are secrets too.
            try {
                collectLeaves(JSON.parse(obj.value) as unknown, into);
            } catch {
                // Not JSON: the whole text is the secret.
            }
        }
        return into;
    }
    for (const v of Object.values(obj)) secretValues(v, into);
    return into;
}

function collectLeaves(value: unknown, into: unknown[]): void {
    if (typeof value === "string") into.push(value);
    else if (Array.isArray(value)) value.forEach((v) => collectLeaves(v, into));
    else if (value && typeof value === "object") Object.values(value).forEach((v) => collectLeaves(v, into));
}

/** Waivers that matched nothing in any inspected stack (a waiver usually targets one stack). */
export function unusedWaivers(report: Pick<EnvironmentReport, "stacks">): AppliedWaiver[] {
    const inspected = report.stacks.filter((s) => s.inspection);
    if (inspected.length === 0) return [];
    const usedSomewhere = new Set(inspected.flatMap((s) => s.waivers.applied.map((w) => w.id)));
    const unused = new Map<string, AppliedWaiver>();
    for (const s of inspected) for (const w of s.waivers.unused) if (!usedSomewhere.has(w.id)) unused.set(w.id, w);
    return [...unused.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Resource counts of an inventory, by type. */
export function countInventory(resources: readonly InventoryResource[]): StackReport["resourceCounts"] {
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
        total: resources.length,
        custom: resources.filter((r) => r.custom).length,
        components: resources.filter((r) => !r.custom).length,
        byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
}
