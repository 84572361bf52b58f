import type { Operation, PolicyViolation, StackResult } from "./types";
import type { RunOutcome } from "../run/outcome";

/** The JSON run report (`report.json` in the run folder; `--json` prints it). */
export interface RunReport {
    readonly version: 1;
    readonly command: Operation;
    readonly environment: string;
    readonly spec: string;
    readonly backend: string;
    readonly runDir?: string;
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly durationMs: number;
    readonly parallel: number;
    readonly selection: readonly string[];
    /** `succeeded`, `failed`, `policy-violation`, `drifted` or `interrupted`. */
    readonly outcome: RunOutcome;
    readonly exitCode: number;
    readonly stacks: readonly StackResult[];
    readonly violations: readonly PolicyViolation[];
    readonly counts: Readonly<Record<string, number>>;
}

/** The human summary table of a report. */
export function summaryTable(report: RunReport): string {
    const rows = report.stacks.map((s) => [
        s.unit,
        s.status + (s.drifted ? " (drifted)" : ""),
        `${(s.durationMs / 1000).toFixed(1)}s`,
        formatChanges(s.changes),
        s.attempts > 1 ? String(s.attempts) : "",
        s.reason ?? "",
    ]);
    const header = ["STACK", "STATUS", "TIME", "RESOURCES", "TRIES", "NOTE"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(60, r[i]!.length))));
    const line = (cells: string[]): string =>
        cells
            .map((c, i) => (i === cells.length - 1 ? c : c.slice(0, 60).padEnd(widths[i]!)))
            .join("  ")
            .trimEnd();
    const out = [line(header), ...rows.map(line)];
    if (report.violations.length > 0) {
        out.push("", "POLICY VIOLATIONS");
        for (const v of report.violations) {
            out.push(
                `  [${v.enforcementLevel}] ${v.unit}: ${v.policy} ` +
                    `(${v.policyPack})${v.resourceUrn ? ` ${v.resourceUrn.split("::").pop()}` : ""}: ${lastLine(v.message)}`,
            );
        }
    }
    const counts = Object.entries(report.counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(", ");
    out.push(
        "",
        `${report.command} ${report.environment}: ${report.outcome} ` +
            `(${counts}) in ${(report.durationMs / 1000).toFixed(1)}s — exit ${report.exitCode}`,
    );
    if (report.runDir) {
        out.push(`logs and report.json: ${report.runDir}`);
    }
    return out.join("\n");
}

function formatChanges(changes: Readonly<Record<string, number>>): string {
    return Object.entries(changes)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ");
}

/** The engine prefixes a violation with the policy's description; the last line is the finding. */
function lastLine(text: string): string {
    const lines = text.split("\n").filter((l) => l.trim());
    return lines[lines.length - 1] ?? "";
}
