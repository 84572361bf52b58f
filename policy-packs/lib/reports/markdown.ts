import type { Finding } from "../findings";
import type { InspectionResult } from "../inspect";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function findingRows(findings: readonly Finding[], withWaiver = false): string[] {
    const head = withWaiver
        ? "| Policy | Resource | Waiver | Owner | Expires |\n|---|---|---|---|---|"
        : "| Policy | Severity | Resource | Message |\n|---|---|---|---|";
    const rows = findings.map((f) => {
        const resource = f.urn ? `\`${cell(f.resourceName ?? f.urn)}\`` : "(stack)";
        return withWaiver && f.waivedBy
            ? `| ${f.policyId} | ${resource} | ${cell(f.waivedBy.id)} ` +
                  `(${cell(f.waivedBy.ticket)}) | ${cell(f.waivedBy.owner)} | ` +
                  `${f.waivedBy.expires} |`
            : `| ${f.policyId} | ${f.severity} | ${resource} | ${cell(f.message)} |`;
    });
    return [head, ...rows];
}

/** A human summary for pull requests and CI logs. */
export function renderMarkdownSummary(result: InspectionResult): string {
    const s = result.summary;
    const blocking = result.findings.filter((f) => !f.waivedBy && f.level === "mandatory");
    const advisory = result.findings.filter((f) => !f.waivedBy && f.level === "advisory");
    const waived = result.findings.filter((f) => f.waivedBy);
    const lines = [
        `# Inspection: ${result.stack.name ?? result.environment} (${result.environment}) — ${s.passed ? "PASSED" : "FAILED"}`,
        "",
        `Pack \`${result.pack.name}\` ${result.pack.version}, ${result.date}: ${s.resources} resources × ${s.policies} policies.`,
        "",
        "| Mandatory | Advisory | Waived |",
        "|---|---|---|",
        `| ${s.mandatory} | ${s.advisory} | ${s.waived} |`,
        "",
    ];
    if (blocking.length > 0) lines.push("## Blocking (mandatory)", "", ...findingRows(blocking), "");
    if (advisory.length > 0) lines.push("## Advisory", "", ...findingRows(advisory), "");
    if (waived.length > 0) lines.push("## Waived", "", ...findingRows(waived, true), "");
    if (result.waivers.unused.length > 0)
        lines.push(
            "## Waivers that matched nothing",
            "",
            ...result.waivers.unused.map((w) => `- ${w.id} (${w.ticket}, owner ${w.owner}, expires ${w.expires})`),
            "",
        );
    if (blocking.length + advisory.length + waived.length === 0) lines.push("No findings.", "");
    return lines.join("\n");
}
