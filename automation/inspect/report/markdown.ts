import { renderFrameworksMarkdown } from "../../../policy-packs/lib/reports/markdown";
import { controlLabels, ControlLabel, controlsText } from "./controls";
import type { InspectFinding, InspectReport } from "./model";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

const VERDICT = {
    passed: "PASSED",
    "policy-violation": "FAILED (mandatory policy violations)",
    failed: "FAILED (stacks could not be inspected)",
    interrupted: "INTERRUPTED",
} as const;

function findingRow(unit: string, f: InspectFinding, controls: ReadonlyMap<string, ControlLabel>): string {
    const resource = f.urn ? `\`${cell(f.resourceName ?? f.urn.split("::").pop() ?? f.urn)}\`` : "(stack)";
    return `| ${unit} | ${f.new ? "**new**" : "known"} | ${f.policyId} | ${f.severity} | ${resource} | ${controlsText(controls.get(f.policyId))} | ${cell(f.message)} |`;
}

/** summary.md: the run for a CI log or a ticket — verdict, delta, what runs, blocking findings, advisories, waivers. */
export function renderInspectMarkdown(report: InspectReport): string {
    const s = report.summary;
    const controls = controlLabels(report.frameworks);
    const lines = [
        `# edf inspect: ${report.environment} — ${VERDICT[report.outcome]}`,
        "",
        `Spec \`${report.spec}\`, ${report.backend}; evidence collected ${report.collectedAt}, decided for ${report.date}. ` +
            `Pack \`${report.pack.name}\` ${report.pack.version}.` +
            (report.failOn === "new" ? " Only **new** mandatory findings fail this run (`--fail-on new`)." : ""),
        "",
        "| Stacks | Services | Images | Packages | Mandatory | Advisory | Waived | New | Resolved | New digests |",
        "|---|---|---|---|---|---|---|---|---|---|",
        `| ${s.stacks} | ${s.services} | ${s.images} | ${s.packages} | ${s.mandatory} | ${s.advisory} | ${s.waived} | ${s.newFindings} | ${s.resolvedFindings} | ${s.newDigests} |`,
        "",
        "## Delta",
        "",
        report.delta.baseline
            ? `Compared with ${report.delta.baseline.runs.map((r) => `\`${r}\``).join(", ")}: ${s.newFindings} new finding(s), ${s.resolvedFindings} resolved, ${s.newDigests} new running digest(s).`
            : "No earlier inspection of this environment: every finding is new.",
        ...report.delta.resolvedFindings.map((f) => `- resolved: ${f.unit} ${f.policyId} — ${cell(f.message)}`),
        ...report.delta.newDigests.map((d) => `- new digest running: \`${d}\``),
        "",
        "## What runs",
        "",
        "| Stack | Service | Container | Declared | Running | Image | OS | Packages |",
        "|---|---|---|---|---|---|---|---|",
    ];
    for (const stack of report.stacks) {
        if (stack.services.length === 0) {
            lines.push(`| ${stack.stack} | – | – | – | – | – | – | ${cell(stack.reason ?? stack.status)} |`);
            continue;
        }
        for (const service of stack.services)
            for (const c of service.containers) {
                const image = c.images[0] ? report.images[c.images[0]] : undefined;
                lines.push(
                    `| ${stack.stack} | ${service.service} | ${c.name} | \`${cell(c.declared.digest?.slice(0, 19) ?? c.declared.image)}\` | ` +
                        `${c.running.map((r) => `\`${r.digest.slice(0, 19)}\` ×${r.tasks}`).join(", ") || "nothing"} | ` +
                        `${image?.integrity.length ? "**REFUSED**" : (image?.reference ?? "–")} | ${image?.os?.prettyName ?? image?.os?.id ?? "–"} | ${image?.packages.length ?? "–"} |`,
                );
            }
    }
    lines.push("");
    const failed = report.stacks.filter((st) => st.reason && st.status !== "passed" && st.status !== "policy-violation");
    if (failed.length > 0)
        lines.push("## Stacks not inspected", "", ...failed.map((st) => `- **${st.stack}** (${st.status}): ${cell(st.reason ?? "")}`), "");
    const header = ["| Stack | Delta | Policy | Severity | Resource | Controls | Message |", "|---|---|---|---|---|---|---|"];
    const all = report.stacks.flatMap((st) => st.findings.map((f) => ({ unit: st.unit, f })));
    const blocking = all.filter(({ f }) => !f.waivedBy && f.level === "mandatory");
    const advisory = all.filter(({ f }) => !f.waivedBy && f.level === "advisory");
    const waived = all.filter(({ f }) => f.waivedBy);
    if (blocking.length > 0)
        lines.push("## Blocking (mandatory)", "", ...header, ...blocking.map(({ unit, f }) => findingRow(unit, f, controls)), "");
    if (advisory.length > 0) lines.push("## Advisory", "", ...header, ...advisory.map(({ unit, f }) => findingRow(unit, f, controls)), "");
    if (waived.length > 0)
        lines.push(
            "## Waived",
            "",
            "| Stack | Policy | Waiver | Owner | Expires |",
            "|---|---|---|---|---|",
            ...waived.map(
                ({ unit, f }) =>
                    `| ${unit} | ${f.policyId} | ${cell(f.waivedBy!.id)} (${cell(f.waivedBy!.ticket)}) | ${cell(f.waivedBy!.owner)} | ${f.waivedBy!.expires} |`,
            ),
            "",
        );
    const notes = report.stacks.flatMap((st) => st.notes.map((n) => `- ${st.stack}: ${cell(n)}`));
    if (notes.length > 0) lines.push("## Notes", "", ...notes, "");
    if (all.length === 0 && failed.length === 0) lines.push("No findings.", "");
    lines.push(...renderFrameworksMarkdown(report.frameworks));
    return `${lines.filter((l, i, a) => !(l === "" && a[i - 1] === "")).join("\n")}\n`;
}
