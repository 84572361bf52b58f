import type { Finding } from "../../../policy-packs/lib/findings";
import { controlsByPolicy, coveragePercent, FrameworkResult } from "../../../policy-packs/lib/frameworks";
import { renderGraphSvg } from "./graph-svg";
import { InventoryResource, SynthReport, SynthStackReport, unusedWaivers } from "./model";
import { REPORT_CSS } from "./html-style";
import { REPORT_SCRIPT } from "./html-script";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const e = escapeHtml;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function statusLabel(status: SynthStackReport["status"]): string {
    return { passed: "passed", "policy-violation": "policy violation", failed: "failed", skipped: "skipped", cancelled: "cancelled" }[
        status
    ];
}

function stackDetail(s: SynthStackReport): string {
    if (s.status === "failed" || s.status === "skipped" || s.status === "cancelled")
        return s.status === "failed" ? "did not synthesize" : s.status;
    const i = s.inspection;
    return i ? `${s.resourceCounts.total} res · ${i.mandatory} mand · ${i.advisory} adv` : `${s.resourceCounts.total} resources`;
}

function findingState(f: Finding): "mandatory" | "advisory" | "waived" {
    return f.waivedBy ? "waived" : f.level;
}

function shortUrnName(f: Finding): string {
    return f.resourceName ?? (f.urn ? (f.urn.split("::").pop() ?? f.urn) : "(stack)");
}

/** Per policy, its controls in the chosen frameworks as `<framework>:<control>` tokens (search) and display lines. */
function controlLabels(report: SynthReport): Map<string, { tokens: string; html: string }> {
    const out = new Map<string, { tokens: string; html: string }>();
    for (const [policy, cited] of controlsByPolicy(report.frameworks)) {
        const frameworkOf = (i: number): FrameworkResult => report.frameworks[i]!;
        out.set(policy, {
            tokens: cited.flatMap((c) => c.controls.map((id) => `${frameworkOf(c.framework).id}:${id}`)).join(" "),
            html: cited
                .map((c) => `<div><span class="sub">${e(frameworkOf(c.framework).id)}</span> ${e(c.controls.join(", "))}</div>`)
                .join(""),
        });
    }
    return out;
}

function findingRows(report: SynthReport): string {
    const rows = report.stacks.flatMap((s) => s.findings.map((f) => ({ s, f })));
    const labels = controlLabels(report);
    if (rows.length === 0) return `<p class="empty">No findings: every resource passed every policy.</p>`;
    return [
        `<div class="table-wrap"><table class="findings" ` +
            `id="findings"><thead><tr><th>State</th><th>Severity</th><th>Policy</th><th>Stack</th><th>Resource</th>` +
            `<th>Controls</th><th>Message</th></tr></thead><tbody>`,
        ...rows.map(({ s, f }) => {
            const state = findingState(f);
            const search =
                `${f.policyId} ${s.unit} ${shortUrnName(f)} ${f.resourceType ?? ""} ` +
                `${f.message} ${labels.get(f.policyId)?.tokens ?? ""} ${f.waivedBy?.id ?? ""}`.toLowerCase();
            const waiver = f.waivedBy
                ? `<div class="waiver">Waived by <b>${e(f.waivedBy.id)}</b> ` +
                  `(${e(f.waivedBy.ticket)}, ${e(f.waivedBy.owner)}, until ` +
                  `${e(f.waivedBy.expires)}): ${e(f.waivedBy.reason)}</div>`
                : "";
            const kind = f.kind === "violation" ? "" : ` <span class="kind">${e(f.kind)}</span>`;
            return (
                `<tr class="finding" data-state="${state}" ` +
                `data-severity="${e(f.severity)}" data-stack="${e(s.unit)}" data-search="${e(search)}">` +
                `<td><span class="pill state-${state}">${state}</span></td>` +
                `<td><span class="sev sev-${e(f.severity)}">${e(f.severity)}</span></td>` +
                `<td class="mono nowrap">${e(f.policyId)}${kind}</td>` +
                `<td class="nowrap">${e(s.unit)}</td>` +
                `<td><span class="mono" title="${e(f.urn)}">${e(shortUrnName(f))}</span>${f.resourceType ? `<div class="sub mono">${e(f.resourceType)}</div>` : ""}</td>` +
                `<td class="mono controls">${labels.get(f.policyId)?.html ?? ""}</td>` +
                `<td>${e(f.message)}${waiver}</td></tr>`
            );
        }),
        `</tbody></table></div>`,
    ].join("\n");
}

function propsSummary(r: InventoryResource): string {
    const text = JSON.stringify(r.props);
    return text.length > 180 ? `${text.slice(0, 179)}…` : text;
}

function inventory(s: SynthStackReport): string {
    const inputs = s.inputs.length
        ? `<h4>Inputs</h4><table class="kv"><tbody>${s.inputs
              .map(
                  (i) =>
                      `<tr><td class="mono">${e(i.name)}</td><td>${e(i.source)} <span ` +
                      `class="mono">${e(i.key)}</span>${i.secret ? ' <span class="pill secret">secret</span>' : ""} ` +
                      `<span class="pill origin-${e(i.origin)}">${e(i.origin)}</span></td></tr>`,
              )
              .join("")}</tbody></table>`
        : "";
    const outputs = Object.keys(s.outputs).length
        ? `<h4>Outputs</h4><table class="kv"><tbody>${Object.entries(s.outputs)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => `<tr><td class="mono">${e(k)}</td><td class="mono">${e(JSON.stringify(v))}</td></tr>`)
              .join("")}</tbody></table>`
        : "";
    const types = Object.entries(s.resourceCounts.byType)
        .map(([t, n]) => `<span class="chip"><span class="mono">${e(t)}</span> ${n}</span>`)
        .join(" ");
    const rows = s.resources
        .map(
            (r) =>
                `<tr data-search="${e(`${r.type} ${r.name} ${r.id ?? ""}`.toLowerCase())}"><td class="mono">${e(r.type)}${r.synthetic ? ' <span class="pill engine">engine</span>' : ""}${
                    r.protect ? ' <span class="pill protect">protect</span>' : ""
                }</td><td class="mono">${e(r.name)}</td><td class="mono">${e(r.id ?? "")}</td><td class="mono props">${e(propsSummary(r))}</td></tr>`,
        )
        .join("\n");
    const reason = s.reason ? `<p class="reason status-${s.status}">${e(s.reason)}</p>` : "";
    return (
        `<details class="stack" id="stack-${e(s.unit)}" ` +
        `data-stack="${e(s.unit)}"><summary><span class="dot ` +
        `status-${s.status}"></span><b>${e(s.stack)}</b> <span class="mono sub">${e(s.path)}</span>` +
        (s.account ? ` <span class="mono sub">account ${e(s.account)}</span>` : "") +
        `<span class="right">${s.resourceCounts.total} resources · <span ` +
        `class="status-text status-${s.status}">${statusLabel(s.status)}</span></span></summary>` +
        `${reason}${inputs}${outputs}<h4>Resources by type</h4><p class="chips">${types || "none"}</p>` +
        `<h4>Inventory</h4><table class="inventory"><thead><tr><th>Type</th><th>Name</th><th>Id</th><th>Inputs</th></tr></thead><tbody>${rows}</tbody></table></details>`
    );
}

const CONTROL_STATUS = {
    failed: "failed",
    warned: "advisory",
    passed: "passed",
    "not-checked": "not checked",
    "not-applicable": "n/a",
} as const;

/**
 * The findings per control of each chosen framework: coverage (controls with a policy / controls
 * that apply), what ran here, and every control with its status and counts. A control id filters
 * the findings table to the findings against it.
 */
function frameworkSections(report: SynthReport): string {
    if (report.frameworks.length === 0) return "";
    const sections = report.frameworks.map((f) => {
        const rows = f.controls
            .filter((c) => c.status !== "not-applicable")
            .map(
                (c) =>
                    `<tr class="control" data-status="${c.status}"><td class="mono nowrap"><button type="button" class="control-filter" ` +
                    `data-filter="${e(`${f.id}:${c.id}`.toLowerCase())}" title="Show the findings against ${e(c.id)}">${e(c.id)}</button></td>` +
                    `<td><span class="pill control-${c.status}">${CONTROL_STATUS[c.status]}</span></td>` +
                    `<td>${c.mandatory}</td><td>${c.advisory}</td><td>${c.waived}</td>` +
                    `<td title="${e(c.policies.join(", "))}">${c.policies.length}</td>` +
                    `<td>${e(c.title)}${c.note ? `<div class="sub">${e(c.note)}</div>` : ""}</td></tr>`,
            )
            .join("\n");
        return (
            `<details class="framework" id="framework-${e(f.id)}"${f.failed > 0 ? " open" : ""}><summary><b>${e(f.name)} ${e(f.version)}</b> ` +
            `<span class="sub">${f.coverage.covered} of ${f.coverage.applicable} applicable controls mapped ` +
            `(${coveragePercent(f.coverage)} %) · ${f.checked} checked here · ${f.failed} failed</span></summary>` +
            `<table class="controls-table"><thead><tr><th>Control</th><th>Status</th><th>Mandatory</th><th>Advisory</th>` +
            `<th>Waived</th><th>Policies</th><th>Title</th></tr></thead><tbody>${rows}</tbody></table></details>`
        );
    });
    return (
        `<section id="frameworks"><h2>Frameworks <span class="sub">findings per control; frameworks report, ` +
        `they never change a verdict</span></h2>${sections.join("\n")}</section>`
    );
}

function policyTable(report: SynthReport): string {
    if (report.policies.length === 0) return "";
    const labels = controlLabels(report);
    const hits = new Map<string, number>();
    for (const s of report.stacks) for (const f of s.findings) if (!f.waivedBy) hits.set(f.policyId, (hits.get(f.policyId) ?? 0) + 1);
    const rows = [...report.policies]
        .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : 1))
        .map(
            (p) =>
                `<tr><td class="mono">${e(p.id)}</td><td><span class="sev sev-${e(p.severity)}">${e(p.severity)}</span></td><td>${e(p.level)}</td>` +
                `<td class="mono controls">${labels.get(p.id)?.html ?? ""}</td><td>${hits.get(p.id) ?? 0}</td><td>${e(p.description)}</td></tr>`,
        )
        .join("\n");
    return `<details class="policies"><summary><b>Policies</b> <span class="sub">${report.policies.length} in ${e(report.pack?.name ?? "")} ${e(report.pack?.version ?? "")}, levels for ${e(
        report.environment,
    )}</span></summary><table><thead><tr><th>Policy</th><th>Severity</th><th>Level</th><th>Controls</th><th>Findings</th><th>Checks whether…</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/**
 * report.html: one self-contained page (inline CSS, JS and SVG; no external URL) with the
 * verdict, the stack graph, every finding (filterable by state, severity, stack and text) and
 * each stack's inputs, outputs and resource inventory. Secrets are already `[secret]` in the
 * report model; the run folder scrubs sample Vault values once more on write.
 */
export function renderSynthHtml(report: SynthReport): string {
    const s = report.summary;
    const verdict =
        report.outcome === "passed"
            ? "Passed"
            : report.outcome === "policy-violation"
              ? "Mandatory policy violations"
              : "Stacks failed to synthesize";
    const graph = renderGraphSvg(
        report.stacks.map((st) => ({ unit: st.unit, label: st.stack, status: st.status, detail: stackDetail(st) })),
        report.graph.edges,
    );
    const unused = unusedWaivers(report);
    const stackOptions = report.stacks.map((st) => `<option value="${e(st.unit)}">${e(st.unit)}</option>`).join("");
    const sample =
        report.inputs.source === "sample" && report.inputs.file
            ? `<div class="banner">Vault and Consul inputs are <b>sample values</b> ` +
              `from <span class="mono">${e(report.inputs.file)}</span>, not real secrets.</div>`
            : "";
    const card = (label: string, value: number, cls = ""): string =>
        `<div class="card ${cls}"><div class="num">${value}</div><div class="label">${label}</div></div>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>edf synth · ${e(report.environment)} · ${e(verdict)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="outcome-${report.outcome}">
  <div class="title"><span class="brand">edf synth</span> <h1>${e(report.environment)}</h1> <span class="verdict">${e(verdict)}</span></div>
  <div class="meta">spec <span class="mono">${e(report.spec)}</span> · region ${e(report.region)} · account <span class="mono">${e(report.account)}</span> · decided for ${e(report.date)} · ${
      report.pack ? `pack ${e(report.pack.name)} ${e(report.pack.version)}` : "policy enforcement off"
  } · exit ${report.exitCode}</div>
</header>
<main>
${sample}
<section class="cards">
  ${card("stacks", s.stacks)}${card("resources", s.resources)}${card("mandatory", s.mandatory, s.mandatory ? "bad" : "good")}${card("advisory", s.advisory, s.advisory ? "warn" : "")}${card("waived", s.waived)}${card(
      "failed / skipped",
      s.failed + s.skipped + s.cancelled,
      s.failed + s.skipped + s.cancelled ? "bad" : "",
  )}
</section>
<section>
  <h2>Stack graph <span class="sub">dependencies point at the stacks that need them · click a stack to filter</span></h2>
  <div class="graph-wrap" id="graph">${graph}</div>
  <div class="legend"><span class="dot status-passed"></span>passed <span class="dot status-policy-violation"></span>policy violation <span class="dot status-failed"></span>failed <span class="dot status-skipped"></span>skipped <span class="edge-key"></span>stack-output input</div>
</section>
<section id="findings-section">
  <h2>Findings <span class="sub" id="finding-count"></span></h2>
  <form class="filters" id="filters" onsubmit="return false">
    <input type="search" id="filter-text" placeholder="Filter by policy, resource, message, control…" aria-label="Filter findings by text">
    <select id="filter-state" aria-label="Filter by state"><option value="">all states</option><option value="mandatory">mandatory</option><option value="advisory">advisory</option><option value="waived">waived</option></select>
    <select id="filter-stack" aria-label="Filter by stack"><option value="">all stacks</option>${stackOptions}</select>
    <span class="sevs">${["critical", "high", "medium", "low"]
        .map((v) => `<label><input type="checkbox" class="filter-severity" value="${v}" ` + `checked> ${v}</label>`)
        .join(" ")}</span>
    <button type="button" id="filter-reset">Reset</button>
  </form>
  ${findingRows(report)}
  <p class="empty" id="no-match" hidden>No finding matches these filters.</p>
  ${unused.length ? `<p class="note">Waivers that matched nothing: ${unused.map((w) => `<b>${e(w.id)}</b> (${e(w.ticket)}, expires ${e(w.expires)})`).join(", ")}</p>` : ""}
</section>
<section>
  <h2>Stacks <span class="sub">inputs, outputs and every registered resource</span></h2>
  ${report.stacks.map(inventory).join("\n")}
</section>
${frameworkSections(report)}
<section>${policyTable(report)}</section>
</main>
<footer>Offline synthesis under Pulumi's mock runtime: ids and ARNs are derived from names, not read from AWS. Report version ${report.reportVersion}.</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
