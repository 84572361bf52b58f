import type { RunReport } from "./report";

/** `|` and newlines would break a table cell. */
function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/**
 * A run report as Markdown, for a pull request comment or a CI job summary: the outcome, one row
 * per stack (status, resource changes, why it failed or was skipped) and every policy violation.
 */
export function renderRunMarkdown(report: RunReport): string {
    const icon = report.outcome === "succeeded" ? "✅" : report.outcome === "drifted" ? "⚠️" : "❌";
    const counts = Object.entries(report.counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(", ");
    const lines = [
        `### ${icon} \`edf ${report.command}\` ${report.environment}: ${report.outcome} (exit ${report.exitCode})`,
        "",
        `${report.stacks.length} stack(s): ${counts || "none"}.`,
        "",
    ];
    if (report.stacks.length > 0) {
        lines.push("| stack | status | changes | note |", "|---|---|---|---|");
        for (const s of report.stacks) {
            const changes = Object.entries(s.changes)
                .filter(([kind, n]) => n > 0 && kind !== "same")
                .map(([kind, n]) => `${kind} ${n}`)
                .join(", ");
            lines.push(`| \`${s.unit}\` | ${s.status}${s.drifted ? " (drifted)" : ""} | ${changes || "—"} | ${cell(s.reason ?? "")} |`);
        }
        lines.push("");
    }
    if (report.violations.length > 0) {
        lines.push("**Policy violations**", "");
        for (const v of report.violations) {
            const message =
                v.message
                    .split("\n")
                    .filter((l) => l.trim())
                    .pop() ?? "";
            lines.push(`- **${v.enforcementLevel}** \`${v.unit}\` ${v.policy}: ${cell(message)}`);
        }
        lines.push("");
    }
    return `${lines.join("\n")}\n`;
}
