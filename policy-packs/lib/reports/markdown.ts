import type { Finding } from "../findings";
import { coveragePercent, FrameworkResult } from "../frameworks";
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

const STATUS_WORD = {
    failed: "**failed**",
    warned: "advisory",
    passed: "passed",
    "not-checked": "not checked",
    "not-applicable": "n/a",
} as const;

/**
 * The findings per control of each chosen framework: its coverage (controls with a policy / controls
 * that apply), how many of those ran here, then every control with findings (failed first) and the
 * ids of the controls nothing checked here. Frameworks report; they never change the verdict.
 */
export function renderFrameworksMarkdown(frameworks: readonly FrameworkResult[], heading = "##"): string[] {
    const lines: string[] = frameworks.length > 0 ? [`${heading} Frameworks`, ""] : [];
    for (const f of frameworks) {
        const hit = f.controls.filter((c) => c.mandatory + c.advisory + c.waived > 0);
        hit.sort((a, b) => b.mandatory - a.mandatory || b.advisory - a.advisory || b.waived - a.waived);
        const unchecked = f.controls.filter((c) => c.status === "not-checked").map((c) => c.id);
        lines.push(
            `${heading}# ${f.name} ${f.version}`,
            "",
            `${f.coverage.covered} of ${f.coverage.applicable} applicable controls mapped to policies ` +
                `(${coveragePercent(f.coverage)} %); ${f.checked} checked here, ${f.failed} failed.`,
            "",
        );
        if (hit.length > 0)
            lines.push(
                "| Control | Status | Mandatory | Advisory | Waived | Title |",
                "|---|---|---|---|---|---|",
                ...hit.map(
                    (c) => `| ${c.id} | ${STATUS_WORD[c.status]} | ${c.mandatory} | ${c.advisory} | ${c.waived} | ${cell(c.title)} |`,
                ),
                "",
            );
        if (unchecked.length > 0) lines.push(`Not checked here (no enabled policy maps them): ${unchecked.join(", ")}.`, "");
    }
    return lines;
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
    lines.push(...renderFrameworksMarkdown(result.frameworks));
    return lines.join("\n");
}
