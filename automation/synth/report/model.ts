import type { AppliedWaiver, Finding } from "../../../policy-packs/lib/findings";
import type { FrameworkResult } from "../../../policy-packs/lib/frameworks";
import type { PolicySummary, WaiverUse } from "../../../policy-packs/lib/inspect";
import type { Edge } from "../../graph/graph";
import type { Provenance } from "../../inputs/types";
import type { SynthResource } from "../capture";

/** Where an injected value came from in this synth run. */
export type InputOrigin =
    /** The sample inputs file (Vault, Consul, env fallbacks): sample values. */
    | "sample"
    /** The real Vault or Consul server named in the spec (`--live-inputs`). */
    | "live"
    /** The driver's own process environment. */
    | "environment"
    /** The synthesized outputs of an upstream stack of this run. */
    | "synthesized";

export interface SynthInput extends Provenance {
    readonly name: string;
    readonly origin: InputOrigin;
}

/** The state of one stack at the end of a synth run. */
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

export interface SynthStackReport {
    readonly unit: string;
    readonly stack: string;
    /** The unit's program folder. */
    readonly path: string;
    /** The AWS account the stack deploys into, and was evaluated as (absent when the spec names none). */
    readonly account?: string;
    /** The role the stack's provider assumes in that account. @default - the caller's own credentials */
    readonly assumeRole?: string;
    readonly status: SynthStackStatus;
    /** Why the stack failed or was skipped (secrets scrubbed). */
    readonly reason?: string;
    readonly dependsOn: readonly string[];
    readonly inputs: readonly SynthInput[];
    /** Stack outputs; secret ones as `[secret]`. */
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly secretOutputs: readonly string[];
    /** Provider functions called, with counts. */
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
}

/** The cross-stack report of one `edf synth` run (report.json). Deterministic: no times, everything sorted. */
export interface SynthReport {
    readonly reportVersion: 1;
    readonly command: "synth";
    readonly environment: string;
    /** The spec file, relative to the project root. */
    readonly spec: string;
    readonly region: string;
    readonly account: string;
    /** The day verdicts were decided for (waiver expiry, enforce-after dates). */
    readonly date: string;
    readonly inputs: { readonly source: "sample" | "live"; readonly file?: string };
    /** The policy pack, or null when the spec turns enforcement off. */
    readonly pack: { readonly name: string; readonly version: string; readonly path: string } | null;
    readonly graph: { readonly units: readonly string[]; readonly edges: readonly Edge[] };
    /** The run's outcome by the one rule of every command (automation/run/outcome.ts); success reads `passed` here. */
    readonly outcome: "passed" | "policy-violation" | "failed" | "interrupted";
    readonly exitCode: number;
    readonly summary: {
        readonly stacks: number;
        readonly passed: number;
        readonly policyViolation: number;
        readonly failed: number;
        readonly skipped: number;
        readonly cancelled: number;
        readonly resources: number;
        readonly evaluations: number;
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
    };
    readonly policies: readonly PolicySummary[];
    /**
     * The frameworks the spec chooses (`policy.frameworks`): each with its coverage (controls with a
     * policy / controls that apply) and every control with the findings of all stacks against it.
     */
    readonly frameworks: readonly FrameworkResult[];
    readonly stacks: readonly SynthStackReport[];
}

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

/** The inventory entry of a captured resource. */
export function inventoryOf(r: SynthResource): InventoryResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.id ? { id: r.id } : {}),
        ...(r.parent ? { parent: r.parent } : {}),
        ...(typeof r.provider === "string" ? { provider: r.provider } : {}),
        custom: r.custom,
        ...(r.read ? { read: true } : {}),
        ...(r.synthetic ? { synthetic: true } : {}),
        ...(r.options?.protect ? { protect: true } : {}),
        props: redactSecrets(r.props) as Record<string, unknown>,
    };
}

/** Resource counts of an inventory: the stack resource and default providers count as the engine counts them. */
export function countResources(resources: readonly SynthResource[]): SynthStackReport["resourceCounts"] {
    const byType: Record<string, number> = {};
    for (const r of resources) byType[r.type] = (byType[r.type] ?? 0) + 1;
    return {
        total: resources.length,
        custom: resources.filter((r) => r.custom).length,
        components: resources.filter((r) => !r.custom).length,
        byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
}

/** Waivers that matched nothing in any inspected stack (a waiver usually targets one stack). */
export function unusedWaivers(report: Pick<SynthReport, "stacks">): AppliedWaiver[] {
    const inspected = report.stacks.filter((s) => s.inspection);
    if (inspected.length === 0) return [];
    const usedSomewhere = new Set(inspected.flatMap((s) => s.waivers.applied.map((w) => w.id)));
    const unused = new Map<string, AppliedWaiver>();
    for (const s of inspected) for (const w of s.waivers.unused) if (!usedSomewhere.has(w.id)) unused.set(w.id, w);
    return [...unused.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
