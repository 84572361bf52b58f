import { dependenciesOf } from "../graph/graph";
import type { EnvironmentFingerprints } from "./fingerprint";
import { kindOf, Manifest, PartKind, subjectOf } from "./parts";

/** Why a unit is affected: one part of its fingerprint that differs, or a unit the base lacks. */
export interface AffectedReason {
    readonly kind: PartKind | "new" | "base-spec";
    /** The file, spec path, package, waiver id or unit the reason is about. */
    readonly subject: string;
    readonly change: "added" | "removed" | "changed";
    /** Version or file before and after, where it helps (`7.48.0` → `7.49.0`). */
    readonly from?: string;
    readonly to?: string;
    /** The reason as a sentence. */
    readonly text: string;
}

export interface AffectedUnit {
    readonly unit: string;
    readonly stack: string;
    /** Depth among the affected units: 0 needs none of them, n waits for level n-1. */
    readonly level: number;
    readonly reasons: readonly AffectedReason[];
}

/** The units whose fingerprint differs between two trees, in dependency order. */
export interface Comparison {
    readonly units: readonly AffectedUnit[];
    /** Units of the head spec whose fingerprint is unchanged, in dependency order. */
    readonly unaffected: readonly string[];
    /** Units the base spec had and the head spec no longer has. */
    readonly removed: readonly string[];
    /** The affected units grouped by level: what a fan-out runs job by job. */
    readonly levels: readonly (readonly string[])[];
}

/** Reasons are listed by what changed first, then by subject. */
const KIND_ORDER: readonly AffectedReason["kind"][] = [
    "new",
    "base-spec",
    "spec",
    "source",
    "missing",
    "package",
    "sdk",
    "project",
    "settings",
    "sample",
    "policy",
    "pack",
    "waiver",
    "upstream",
];

/**
 * Compares the head's fingerprints with the base's. `baseProblem` says the base's spec could not
 * be read (missing, invalid, a cycle): every unit is then affected, with that as its reason.
 */
export function compareFingerprints(
    base: EnvironmentFingerprints | undefined,
    head: EnvironmentFingerprints,
    baseProblem?: string,
): Comparison {
    const affected = new Map<string, AffectedReason[]>();
    for (const unit of head.order) {
        const now = head.units.get(unit)!;
        const before = base?.units.get(unit);
        let reasons: AffectedReason[];
        if (baseProblem !== undefined) {
            reasons = [{ kind: "base-spec", subject: head.loaded.file, change: "changed", text: baseProblem }];
        } else if (!before) {
            reasons = [{ kind: "new", subject: unit, change: "added", text: `unit \`${unit}\` is new: the base spec has no such unit` }];
        } else if (before.hash === now.hash) {
            continue;
        } else {
            reasons = manifestReasons(before.manifest, now.manifest);
        }
        affected.set(unit, reasons.sort(byKindThenSubject));
    }
    const levels = new Map<string, number>();
    for (const unit of head.order) {
        if (!affected.has(unit)) continue;
        const upstream = dependenciesOf(head.graph, unit).filter((d) => affected.has(d));
        levels.set(unit, upstream.length === 0 ? 0 : Math.max(...upstream.map((d) => levels.get(d)!)) + 1);
    }
    const units = head.order
        .filter((u) => affected.has(u))
        .map((unit) => ({ unit, stack: head.units.get(unit)!.stack, level: levels.get(unit)!, reasons: affected.get(unit)! }));
    const depth = Math.max(-1, ...levels.values()) + 1;
    return {
        units,
        unaffected: head.order.filter((u) => !affected.has(u)),
        removed: base ? base.order.filter((u) => !head.units.has(u)) : [],
        levels: Array.from({ length: depth }, (_, level) => units.filter((u) => u.level === level).map((u) => u.unit)),
    };
}

function byKindThenSubject(a: AffectedReason, b: AffectedReason): number {
    const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    return k !== 0 ? k : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0;
}

function manifestReasons(before: Manifest, now: Manifest): AffectedReason[] {
    const reasons: AffectedReason[] = [];
    for (const key of new Set([...before.keys(), ...now.keys()])) {
        const was = before.get(key);
        const is = now.get(key);
        if (was && is && was.digest === is.digest) continue;
        const change = !was ? "added" : !is ? "removed" : "changed";
        const from = was?.label;
        const to = is?.label;
        const kind = kindOf(key);
        const subject = subjectOf(key);
        reasons.push({
            kind,
            subject,
            change,
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
            text: sentence(kind, subject, change, from, to),
        });
    }
    return reasons;
}

function sentence(kind: PartKind, subject: string, change: AffectedReason["change"], from?: string, to?: string): string {
    const versions = change === "changed" && from !== to ? ` ${from} → ${to}` : "";
    switch (kind) {
        case "source":
            return `source \`${subject}\` ${change === "added" ? "is now imported" : change === "removed" ? "is no longer imported" : "changed"}`;
        case "missing":
            return `import ${subject} ${change === "removed" ? "now resolves" : "names no file"}`;
        case "package":
            return change === "changed"
                ? `package \`${subject}\`${versions || " (a dependency of it)"} changed in the lock file`
                : `package \`${subject}\` is ${change === "added" ? "now" : "no longer"} imported`;
        case "sdk":
            return `SDK \`${subject}\`${versions} changed`;
        case "project":
            return `project file \`${subject}\` changed`;
        case "settings":
            return `shared setting \`${subject}\` ${change}`;
        case "spec":
            return `spec \`${subject}\` ${change}`;
        case "sample":
            return `sample input \`${subject}\` ${change}`;
        case "policy":
            return `policy setting \`${subject}\` ${change}`;
        case "pack":
            return `policy pack source \`${subject}\` ${change}`;
        case "waiver":
            return `waiver \`${subject}\`${(to ?? from) ? ` (${to ?? from})` : ""} ${change}`;
        case "upstream":
            return `upstream unit \`${subject}\` ${change === "changed" ? "is affected" : change === "added" ? "is a new dependency" : "is no longer a dependency"}`;
    }
}
