import { renderFrameworksMarkdown } from "../../../policy-packs/lib/reports/markdown";
import type { Finding } from "../../../policy-packs/lib/findings";
import { resourceOf } from "./findings";
import { formatDuration, isEngineReport, STATUS_LABEL, verdictOf } from "./labels";
import { EnvironmentReport, StackReport, unusedWaivers } from "./model";
import { formatChanges, PropertyDiff, ResourceStep, showValue } from "./operations";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** The Markdown status of a stack: what went wrong in bold. */
function statusText(status: StackReport["status"]): string {
    const label = STATUS_LABEL[status];
    return status === "policy-violation" || status === "failed" || status === "cancelled" ? `**${label}**` : label;
}

function findingRow(stack: string, f: Finding, fix: string | undefined): string {
    const resource = f.urn ? `\`${cell(resourceOf(f))}\`` : "(stack)";
    return `| ${stack} | ${f.policyId} | ${f.severity} | ${resource} | ${cell(f.message)} | ${cell(fix ?? "")} |`;
}

function diffLine(d: PropertyDiff): string {
    const before = d.before === undefined ? "" : showValue(d.before);
    const after = d.after === undefined ? "" : showValue(d.after);
    if (d.before === undefined) return `+ ${d.path}: ${after}`;
    if (d.after === undefined) return `- ${d.path}: ${before}`;
    return `~ ${d.path}: ${before} → ${after}${d.secret ? " (secret: changed)" : ""}`;
}

/** A step's flags as words: protected, stateful, retained. */
function flags(step: ResourceStep): string {
    return [
        step.protect ? "protected" : "",
        step.stateful ? "stateful" : "",
        step.retainOnDelete ? "retained on delete" : "",
        step.failed ? "FAILED" : "",
    ]
        .filter(Boolean)
        .join(", ");
}

function allSteps(report: EnvironmentReport): { stack: string; step: ResourceStep }[] {
    return report.stacks.flatMap((s) => (s.steps ?? []).map((step) => ({ stack: s.stack, step })));
}

/** Replaces and deletes of protected or stateful resources: what a reviewer must see first. */
function dangerousSection(report: EnvironmentReport): string[] {
    const dangerous = allSteps(report).filter(({ step }) => step.dangerous);
    if (dangerous.length === 0) return [];
    return [
        "## ⚠ Replaces and deletes of protected or stateful resources",
        "",
        "| Stack | Operation | Resource | Type | Why it matters |",
        "|---|---|---|---|---|",
        ...dangerous.map(
            ({ stack, step }) => `| ${stack} | **${step.op}** | \`${cell(step.name)}\` | \`${cell(step.type)}\` | ${flags(step)} |`,
        ),
        "",
    ];
}

/** Every operation (dangerous first) with its property diff, in <details> blocks a pull-request comment folds. */
function operationsSection(report: EnvironmentReport): string[] {
    const steps = allSteps(report);
    if (steps.length === 0) return [];
    const lines = ["## Resource operations", ""];
    for (const { stack, step } of steps) {
        const replaceKeys = step.replaceKeys?.length ? ` (replaced because of ${step.replaceKeys.map((k) => `\`${k}\``).join(", ")})` : "";
        const marks = flags(step);
        lines.push(
            `<details><summary>${stack}: <b>${step.op}</b> <code>${cell(step.name)}</code> ${cell(step.type)}${marks ? ` — ${marks}` : ""}</summary>`,
            "",
            `\`${step.urn}\`${replaceKeys}`,
            "",
        );
        if (step.diff.length > 0) lines.push("```diff", ...step.diff.map(diffLine), "```", "");
        lines.push("</details>", "");
    }
    return lines;
}

/** The first line's verdict: `PASSED`, `DEPLOYED`, `FAILED (mandatory policy violations)`, `DRIFT FOUND`… */
function headline(report: EnvironmentReport): string {
    const verdict = verdictOf(report);
    if (report.outcome === "passed" || report.outcome === "succeeded") return verdict.toUpperCase();
    if (report.outcome === "interrupted" || report.outcome === "drifted") return verdict.toUpperCase();
    return `FAILED (${verdict})`;
}

function driftSection(report: EnvironmentReport): string[] {
    const drifted = report.stacks.filter((s) => (s.drift ?? []).length > 0);
    if (drifted.length === 0) return [];
    const lines = ["## Drift", "", "Expected is what the stack's state records; actual is what the cloud holds now.", ""];
    lines.push("| Stack | Resource | Property | Expected | Actual |", "|---|---|---|---|---|");
    for (const s of drifted) {
        for (const r of s.drift ?? []) {
            if (r.diff.length === 0) lines.push(`| ${s.stack} | \`${cell(r.name)}\` (${r.op}) | – | – | – |`);
            for (const d of r.diff) {
                lines.push(
                    `| ${s.stack} | \`${cell(r.name)}\` | \`${cell(d.path)}\` | ${cell(showValue(d.before))} | ${cell(showValue(d.after))} |`,
                );
            }
        }
    }
    return [...lines, ""];
}

function unknownsSection(report: EnvironmentReport): string[] {
    const previewed = report.stacks.filter((s) => (s.unknowns ?? []).length > 0);
    if (previewed.length === 0) return [];
    return [
        "## Previewed with unknowns",
        "",
        "These stacks read stacks that have never been deployed: their outputs were Pulumi unknowns in this preview " +
            "(policies saw `unknown`). `edf up` deploys the upstream stacks first.",
        "",
        ...previewed.flatMap((s) =>
            (s.unknowns ?? []).map(
                (u) =>
                    `- **${s.stack}** ← \`${u.stack}\` (never deployed): ${u.reads.length ? u.reads.map((r) => `\`${r}\``).join(", ") : "declared dependency"}`,
            ),
        ),
        "",
    ];
}

function countsTable(report: EnvironmentReport): string[] {
    const s = report.summary;
    if (!isEngineReport(report)) {
        return [
            "| Stacks | Resources | Mandatory | Advisory | Waived | Failed | Skipped |",
            "|---|---|---|---|---|---|---|",
            `| ${s.stacks} | ${s.resources} | ${s.mandatory} | ${s.advisory} | ${s.waived} | ${s.failed} | ${s.skipped} |`,
        ];
    }
    const ops = s.operations ?? {};
    return [
        "| Stacks | Creates | Updates | Replaces | Deletes | Mandatory | Advisory | Failed | Skipped |",
        "|---|---|---|---|---|---|---|---|---|",
        `| ${s.stacks} | ${ops.create ?? 0} | ${ops.update ?? 0} | ${ops.replace ?? 0} | ${ops.delete ?? 0} | ` +
            `${s.mandatory} | ${s.advisory} | ${s.failed} | ${s.skipped} |`,
    ];
}

function stacksTable(report: EnvironmentReport): string[] {
    if (!isEngineReport(report)) {
        return [
            "| Stack | Unit | Account | Status | Resources | Mandatory | Advisory | Waived |",
            "|---|---|---|---|---|---|---|---|",
            ...report.stacks.map(
                (st) =>
                    `| ${st.stack} | \`${st.path}\` | ${st.account ?? "–"} | ${statusText(st.status)} | ` +
                    `${st.resourceCounts.total} | ${st.inspection?.mandatory ?? "–"} | ` +
                    `${st.inspection?.advisory ?? "–"} | ${st.inspection?.waived ?? "–"} |`,
            ),
        ];
    }
    return [
        "| Stack | Unit | Status | Changes | Mandatory | Advisory | Time |",
        "|---|---|---|---|---|---|---|",
        ...report.stacks.map(
            (st) =>
                `| ${st.stack} | \`${st.path}\` | ${statusText(st.status)}${st.drifted ? " (drifted)" : ""} | ` +
                `${formatChanges(Object.fromEntries(Object.entries(st.changes ?? {}).filter(([k]) => k !== "same"))) || "–"} | ` +
                `${st.inspection?.mandatory ?? "–"} | ${st.inspection?.advisory ?? "–"} | ${formatDuration(st.durationMs ?? 0)} |`,
        ),
    ];
}

function metaLine(report: EnvironmentReport): string {
    const pack = report.pack ? `Pack \`${report.pack.name}\` ${report.pack.version}.` : "Policy enforcement is off for this run.";
    if (!isEngineReport(report)) {
        return `Spec \`${report.spec}\`, region ${report.region}, account ${report.account}, decided for ${report.date}. ${pack}`;
    }
    const targets = report.targets?.length ? ` Targets: ${report.targets.map((t) => `\`${t}\``).join(", ")}.` : "";
    return `Spec \`${report.spec}\`, ${report.backend ?? "backend"}, ${formatDuration(report.durationMs ?? 0)}, decided for ${report.date}. ${pack}${targets}`;
}

/** summary.md: the run for a pull-request comment or a CI log — verdict, dangerous operations first, blocking findings with the fix. */
export function renderReportMarkdown(report: EnvironmentReport): string {
    const lines = [
        `# edf ${report.command}: ${report.environment} — ${headline(report)}`,
        "",
        metaLine(report),
        report.inputs?.source === "sample" && report.inputs.file
            ? `Vault/Consul inputs: **sample values** from \`${report.inputs.file}\`.`
            : report.inputs?.source === "live"
              ? "Vault/Consul inputs: read from the spec's servers."
              : "",
        "",
        ...countsTable(report),
        "",
    ];
    const fixOf = new Map(report.policies.map((p) => [p.id, p.remediationSteps]));
    const header = ["| Stack | Policy | Severity | Resource | Message | Fix |", "|---|---|---|---|---|---|"];
    const environmentFindings = report.environmentFindings ?? [];
    const all = report.stacks.flatMap((st) => st.findings.map((f) => ({ stack: st.stack, f })));
    const blocking = [
        ...environmentFindings
            .filter((f) => !f.waivedBy && f.level === "mandatory")
            .map((f) => ({ stack: `(environment ${report.environment})`, f })),
        ...all.filter(({ f }) => !f.waivedBy && f.level === "mandatory"),
    ];
    // A failing run leads with what blocks it, as a reviewer reads a pull-request comment.
    if (blocking.length > 0) {
        lines.push(
            "## Blocking (mandatory)",
            "",
            ...header,
            ...blocking.map(({ stack, f }) => findingRow(stack, f, fixOf.get(f.policyId))),
            "",
        );
    }
    lines.push(...dangerousSection(report));
    lines.push("## Stacks", "", ...stacksTable(report), "");
    lines.push(...unknownsSection(report), ...driftSection(report));
    const problems = report.stacks.filter(
        (st) => st.reason && (st.status === "failed" || st.status === "skipped" || st.status === "cancelled"),
    );
    if (problems.length > 0) {
        lines.push(
            report.command === "synth" ? "## Stacks that did not synthesize" : "## Stacks that did not finish",
            "",
            ...problems.map((st) => `- **${st.stack}** (${st.status}): ${cell(st.reason ?? "")}`),
            "",
        );
    }
    lines.push(...operationsSection(report));
    const advisory = all.filter(({ f }) => !f.waivedBy && f.level === "advisory");
    const waived = all.filter(({ f }) => f.waivedBy);
    if (advisory.length > 0)
        lines.push("## Advisory", "", ...header, ...advisory.map(({ stack, f }) => findingRow(stack, f, fixOf.get(f.policyId))), "");
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
    if (all.length === 0 && environmentFindings.length === 0 && problems.length === 0 && report.command === "synth")
        lines.push("No findings.", "");
    // Findings per control of each framework the spec chooses: how an auditor reads the same verdict.
    lines.push(...renderFrameworksMarkdown(report.frameworks));
    return `${lines.filter((l, i, a) => !(l === "" && a[i - 1] === "")).join("\n")}\n`;
}
