import type { Finding } from "../../../policy-packs/lib/findings";
import { renderFrameworksMarkdown } from "../../../policy-packs/lib/reports/markdown";
import { SynthReport, unusedWaivers } from "./model";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

const STATUS_LABEL = {
    passed: "passed",
    "policy-violation": "**policy violation**",
    failed: "**failed**",
    skipped: "skipped",
    cancelled: "**cancelled**",
} as const;

function findingRow(stack: string, f: Finding): string {
    const resource = f.urn ? `\`${cell(f.resourceName ?? f.urn.split("::").pop() ?? f.urn)}\`` : "(stack)";
    return `| ${stack} | ${f.policyId} | ${f.severity} | ${resource} | ${cell(f.message)} |`;
}

/** summary.md: the run for a pull request or a CI log — stacks, blocking findings, advisories, waivers. */
export function renderSynthMarkdown(report: SynthReport): string {
    const s = report.summary;
    const verdict =
        report.outcome === "passed"
            ? "PASSED"
            : report.outcome === "policy-violation"
              ? "FAILED (mandatory policy violations)"
              : "FAILED (stacks could not be synthesized)";
    const lines = [
        `# edf synth: ${report.environment} — ${verdict}`,
        "",
        `Spec \`${report.spec}\`, region ${report.region}, account ${report.account}, decided for ${report.date}. ` +
            (report.pack ? `Pack \`${report.pack.name}\` ${report.pack.version}.` : "Policy enforcement is off for this environment."),
        report.inputs.source === "sample" && report.inputs.file
            ? `Vault/Consul inputs: **sample values** from \`${report.inputs.file}\`.`
            : report.inputs.source === "live"
              ? "Vault/Consul inputs: read from the spec's servers."
              : "",
        "",
        "| Stacks | Resources | Mandatory | Advisory | Waived | Failed | Skipped |",
        "|---|---|---|---|---|---|---|",
        `| ${s.stacks} | ${s.resources} | ${s.mandatory} | ${s.advisory} | ${s.waived} | ${s.failed} | ${s.skipped} |`,
        "",
        "## Stacks",
        "",
        "| Stack | Unit | Account | Status | Resources | Mandatory | Advisory | Waived |",
        "|---|---|---|---|---|---|---|---|",
        ...report.stacks.map(
            (st) =>
                `| ${st.stack} | \`${st.path}\` | ${st.account ?? "–"} | ${STATUS_LABEL[st.status]} | ` +
                `${st.resourceCounts.total} | ${st.inspection?.mandatory ?? "–"} | ` +
                `${st.inspection?.advisory ?? "–"} | ${st.inspection?.waived ?? "–"} |`,
        ),
        "",
    ];
    const problems = report.stacks.filter((st) => st.reason && (st.status === "failed" || st.status === "skipped"));
    if (problems.length > 0) {
        lines.push(
            "## Stacks that did not synthesize",
            "",
            ...problems.map((st) => `- **${st.stack}** (${st.status}): ${cell(st.reason ?? "")}`),
            "",
        );
    }
    const header = ["| Stack | Policy | Severity | Resource | Message |", "|---|---|---|---|---|"];
    const all = report.stacks.flatMap((st) => st.findings.map((f) => ({ stack: st.stack, f })));
    const blocking = all.filter(({ f }) => !f.waivedBy && f.level === "mandatory");
    const advisory = all.filter(({ f }) => !f.waivedBy && f.level === "advisory");
    const waived = all.filter(({ f }) => f.waivedBy);
    if (blocking.length > 0)
        lines.push("## Blocking (mandatory)", "", ...header, ...blocking.map(({ stack, f }) => findingRow(stack, f)), "");
    if (advisory.length > 0) lines.push("## Advisory", "", ...header, ...advisory.map(({ stack, f }) => findingRow(stack, f)), "");
    if (waived.length > 0) {
        lines.push(
            "## Waived",
            "",
            "| Stack | Policy | Resource | Waiver | Owner | Expires |",
            "|---|---|---|---|---|---|",
            ...waived.map(
                ({ stack, f }) =>
                    `| ${stack} | ${f.policyId} | \`${cell(f.resourceName ?? f.urn)}\` | ` +
                    `${cell(f.waivedBy!.id)} (${cell(f.waivedBy!.ticket)}) | ` +
                    `${cell(f.waivedBy!.owner)} | ${f.waivedBy!.expires} |`,
            ),
            "",
        );
    }
    const unused = unusedWaivers(report);
    if (unused.length > 0)
        lines.push(
            "## Waivers that matched nothing",
            "",
            ...unused.map((w) => `- ${w.id} (${w.ticket}, owner ${w.owner}, expires ${w.expires})`),
            "",
        );
    if (all.length === 0 && problems.length === 0) lines.push("No findings.", "");
    // Findings per control of each framework the spec chooses: how an auditor reads the same verdict.
    lines.push(...renderFrameworksMarkdown(report.frameworks));
    return `${lines.filter((l, i, a) => !(l === "" && a[i - 1] === "")).join("\n")}\n`;
}
