import type { EnvironmentReport, ReportStackStatus, StackReport } from "./model";
import { formatChanges } from "./operations";

/** What a stack's status reads as, in every writer. */
export const STATUS_LABEL: Readonly<Record<ReportStackStatus, string>> = {
    passed: "passed",
    succeeded: "succeeded",
    "policy-violation": "policy violation",
    failed: "failed",
    skipped: "skipped",
    cancelled: "cancelled",
    "not-deployed": "not deployed",
    "preview-with-unknowns": "preview with unknowns",
};

/** Whether a status means the stack did what was asked. */
export function isSuccess(status: ReportStackStatus): boolean {
    return status === "passed" || status === "succeeded" || status === "not-deployed" || status === "preview-with-unknowns";
}

/** What a successful run of each command did. */
const DONE: Readonly<Record<EnvironmentReport["command"], string>> = {
    synth: "passed",
    preview: "previewed",
    up: "deployed",
    destroy: "destroyed",
    refresh: "refreshed",
    drift: "no drift",
};

/** The run's verdict in a few words: `passed`, `deployed`, `mandatory policy violations`, `drift found`… */
export function verdictOf(report: Pick<EnvironmentReport, "command" | "outcome">): string {
    switch (report.outcome) {
        case "passed":
        case "succeeded":
            return DONE[report.command];
        case "policy-violation":
            return "mandatory policy violations";
        case "drifted":
            return "drift found";
        case "interrupted":
            return "interrupted";
        case "failed":
            return report.command === "synth" ? "stacks could not be synthesized" : "stacks failed";
    }
}

/** Whether the run ended well (its outcome is a success; for drift, nothing drifted). */
export function isPassing(report: Pick<EnvironmentReport, "outcome">): boolean {
    return report.outcome === "passed" || report.outcome === "succeeded";
}

/** Synth: evaluated under mocks; the engine commands: on the real engine. */
export function isEngineReport(report: Pick<EnvironmentReport, "command">): boolean {
    return report.command !== "synth";
}

/** A stack's second line in the graph and its one-line summary. */
export function stackDetail(s: StackReport, command: EnvironmentReport["command"]): string {
    if (s.status === "failed" || s.status === "skipped" || s.status === "cancelled") {
        return s.status === "failed" ? (command === "synth" ? "did not synthesize" : "failed") : s.status;
    }
    if (command !== "synth") {
        if (s.status === "not-deployed") return "not deployed";
        if (command === "drift") return s.drifted ? `drifted: ${s.drift?.length ?? 0} resource(s)` : "no drift";
        const changes = formatChanges(Object.fromEntries(Object.entries(s.changes ?? {}).filter(([k]) => k !== "same")));
        const unknowns = s.status === "preview-with-unknowns" ? " · unknowns" : "";
        return `${changes || "no changes"}${unknowns}`;
    }
    const i = s.inspection;
    return i ? `${s.resourceCounts.total} res · ${i.mandatory} mand · ${i.advisory} adv` : `${s.resourceCounts.total} resources`;
}

/** Milliseconds as people read them: `850 ms`, `12.3 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    return `${minutes} min ${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")} s`;
}
