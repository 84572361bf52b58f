import { randomBytes } from "crypto";
import type { Finding } from "../../../policy-packs/lib/findings";
import { controlsByPolicy, coveragePercent, FrameworkResult } from "../../../policy-packs/lib/frameworks";
import { renderGraphSvg } from "./graph-svg";
import { REPORT_CSS } from "./html-style";
import { REPORT_SCRIPT } from "./html-script";
import { resourceOf } from "./findings";
import { formatDuration, isEngineReport, isPassing, STATUS_LABEL, stackDetail, verdictOf } from "./labels";
import { EnvironmentReport, InventoryResource, StackReport, unusedWaivers } from "./model";
import { PropertyDiff, ResourceStep, showValue } from "./operations";

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values (in one pass, and none for text with nothing to escape: most of a report). */
export function escapeHtml(text: string): string {
    return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ENTITY[c]!) : text;
}

const e = escapeHtml;
const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function findingState(f: Finding): "mandatory" | "advisory" | "waived" {
    return f.waivedBy ? "waived" : f.level;
}

/** The findings table: environment findings first, then each stack's, each with the policy's fix. */
/** Per policy, its controls in the chosen frameworks as `<framework>:<control>` tokens (search) and display lines. */
function controlLabels(report: EnvironmentReport): Map<string, { tokens: string; html: string }> {
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

function findingRows(report: EnvironmentReport): string {
    const labels = controlLabels(report);
    const fixOf = new Map(report.policies.map((p) => [p.id, p.remediationSteps]));
    const environment = `(environment)`;
    const rank = { mandatory: 0, advisory: 1, waived: 2 } as const;
    // What blocks first, whichever stack it is in; the stack order within each state.
    const rows = [
        ...(report.environmentFindings ?? []).map((f) => ({ unit: environment, f })),
        ...report.stacks.flatMap((s) => s.findings.map((f) => ({ unit: s.unit, f }))),
    ].sort((a, b) => rank[findingState(a.f)] - rank[findingState(b.f)]);
    if (rows.length === 0) return `<p class="empty">No findings: every resource passed every policy.</p>`;
    return [
        `<div class="table-wrap"><table class="findings" ` +
            `id="findings"><thead><tr><th>State</th><th>Severity</th><th>Policy</th><th>Stack</th><th>Resource</th>` +
            `<th>Controls</th><th>Message and fix</th></tr></thead><tbody>`,
        ...rows.map(({ unit, f }) => {
            const state = findingState(f);
            const fix = fixOf.get(f.policyId);
            const search =
                `${f.policyId} ${unit} ${resourceOf(f)} ${f.resourceType ?? ""} ` +
                `${f.message} ${labels.get(f.policyId)?.tokens ?? ""} ${f.waivedBy?.id ?? ""}`.toLowerCase();
            const waiver = f.waivedBy
                ? `<div class="waiver">Waived by <b>${e(f.waivedBy.id)}</b> ` +
                  `(${e(f.waivedBy.ticket)}, ${e(f.waivedBy.owner)}, until ` +
                  `${e(f.waivedBy.expires)}): ${e(f.waivedBy.reason)}</div>`
                : "";
            const kind = f.kind === "violation" ? "" : ` <span class="kind">${e(f.kind)}</span>`;
            return (
                `<tr class="finding" data-state="${state}" ` +
                `data-severity="${e(f.severity)}" data-stack="${e(unit)}" data-search="${e(search)}">` +
                `<td><span class="pill state-${state}">${state}</span></td>` +
                `<td><span class="sev sev-${e(f.severity)}">${e(f.severity)}</span></td>` +
                `<td class="mono nowrap">${e(f.policyId)}${kind}</td>` +
                `<td class="nowrap">${e(unit)}</td>` +
                `<td><span class="mono" title="${e(f.urn)}">${e(resourceOf(f))}</span>${f.resourceType ? `<div class="sub mono">${e(f.resourceType)}</div>` : ""}</td>` +
                `<td class="mono controls">${labels.get(f.policyId)?.html ?? ""}</td>` +
                `<td>${e(f.message)}${fix && state !== "waived" ? `<div class="fix"><b>Fix:</b> ${e(fix)}</div>` : ""}${waiver}</td></tr>`
            );
        }),
        `</tbody></table></div>`,
    ].join("\n");
}

function propsSummary(r: InventoryResource): string {
    const text = JSON.stringify(r.props);
    return text.length > 180 ? `${text.slice(0, 179)}…` : text;
}

function diffHtml(diff: readonly PropertyDiff[]): string {
    if (diff.length === 0) return "";
    const line = (d: PropertyDiff): string => {
        if (d.before === undefined) return `<span class="add">+ ${e(d.path)}: ${e(showValue(d.after))}</span>`;
        if (d.after === undefined) return `<span class="del">- ${e(d.path)}: ${e(showValue(d.before))}</span>`;
        const secret = d.secret ? " (secret: changed)" : "";
        return `<span class="chg">~ ${e(d.path)}: ${e(showValue(d.before))} → ${e(showValue(d.after))}${secret}</span>`;
    };
    return `<div class="diff">${diff.map(line).join("\n")}</div>`;
}

function stepFlags(step: ResourceStep): string {
    return [
        step.dangerous ? '<span class="pill state-mandatory">dangerous</span>' : "",
        step.protect ? '<span class="pill protect">protected</span>' : "",
        step.stateful ? '<span class="pill secret">stateful</span>' : "",
        step.retainOnDelete ? '<span class="pill">retained</span>' : "",
        step.failed ? '<span class="pill state-mandatory">failed</span>' : "",
    ]
        .filter(Boolean)
        .join(" ");
}

/** Resource operations of every stack, dangerous ones first, each with its property diff. */
function operationsTable(report: EnvironmentReport): string {
    const rows = report.stacks.flatMap((s) => (s.steps ?? []).map((step) => ({ s, step })));
    if (rows.length === 0) return "";
    const body = rows
        .map(({ s, step }) => {
            const keys = step.replaceKeys?.length
                ? `<div class="sub">replaced because of ${step.replaceKeys.map((k) => `<span class="mono">${e(k)}</span>`).join(", ")}</div>`
                : "";
            return (
                `<tr class="op${step.dangerous ? " dangerous" : ""}" data-op="${e(step.op)}" data-stack="${e(s.unit)}">` +
                `<td class="op-name op-${e(step.op)}">${e(step.op)}</td><td class="nowrap">${e(s.unit)}</td>` +
                `<td><span class="mono" title="${e(step.urn)}">${e(step.name)}</span><div class="sub mono">${e(step.type)}</div></td>` +
                `<td>${stepFlags(step)}</td><td>${keys}${diffHtml(step.diff)}</td></tr>`
            );
        })
        .join("\n");
    return (
        `<section id="operations"><h2>Resource operations <span class="sub">replaces and deletes of protected or stateful resources first · secrets masked</span></h2>` +
        `<div class="table-wrap"><table class="operations"><thead><tr><th>Operation</th><th>Stack</th><th>Resource</th><th>Flags</th><th>Property diff</th></tr></thead>` +
        `<tbody>${body}</tbody></table></div><p class="empty" id="no-op-match" hidden>No operation matches these filters.</p></section>`
    );
}

function driftTable(report: EnvironmentReport): string {
    const rows = report.stacks.flatMap((s) => (s.drift ?? []).map((r) => ({ s, r })));
    if (rows.length === 0) return "";
    const body = rows
        .map(
            ({ s, r }) =>
                `<tr data-stack="${e(s.unit)}"><td class="nowrap">${e(s.unit)}</td><td><span class="mono" title="${e(r.urn)}">${e(r.name)}</span>` +
                `<div class="sub mono">${e(r.type)}</div></td><td>${e(r.op === "delete" ? "gone from the cloud" : "changed")}</td>` +
                `<td>${r.diff.map((d) => `<div class="mono">${e(d.path)}: ${e(showValue(d.before))} → ${e(showValue(d.after))}</div>`).join("")}</td></tr>`,
        )
        .join("\n");
    return (
        `<section id="drift"><h2>Drift <span class="sub">expected (the stack's state) → actual (the cloud) · secrets masked</span></h2>` +
        `<table><thead><tr><th>Stack</th><th>Resource</th><th>What</th><th>Properties</th></tr></thead><tbody>${body}</tbody></table></section>`
    );
}

function unknownsList(report: EnvironmentReport): string {
    const rows = report.stacks.flatMap((s) => (s.unknowns ?? []).map((u) => ({ s, u })));
    if (rows.length === 0) return "";
    return (
        `<div class="banner"><b>Previewed with unknowns:</b> these stacks read stacks that have never been deployed; ` +
        `their outputs were Pulumi unknowns in this preview (policies saw <i>unknown</i>). <ul>${rows
            .map(
                ({ s, u }) =>
                    `<li><b>${e(s.stack)}</b> ← <span class="mono">${e(u.stack)}</span>: ${u.reads.length ? u.reads.map((r) => `<span class="mono">${e(r)}</span>`).join(", ") : "declared dependency"}</li>`,
            )
            .join("")}</ul></div>`
    );
}

/** Rows of inventories frozen all the way down (the synth cache's kept evaluations, shared by the rounds of a watch). */
const frozenInventoryRows = new WeakMap<readonly InventoryResource[], string>();

/** A stack's inventory rows; made once for a frozen inventory, which can never change. */
function inventoryRows(resources: readonly InventoryResource[]): string {
    const kept = frozenInventoryRows.get(resources);
    if (kept !== undefined) return asPart(kept);
    const rows = renderInventoryRows(resources);
    if (!isDeeplyFrozen(resources)) return rows;
    frozenInventoryRows.set(resources, rows);
    return asPart(rows);
}

/** While {@link renderReportHtmlParts} renders: the kept texts it takes out of the page, and the marker that stands for them. */
let keptParts: { readonly marker: string; readonly texts: string[] } | undefined;

/** A kept text as a part of its own (a marker in the page, while rendering in parts), else the text. */
function asPart(text: string): string {
    if (!keptParts || text.length < KEPT_PART_MIN) return text;
    keptParts.texts.push(text);
    return `${keptParts.marker}${keptParts.texts.length - 1}\u0000`;
}
/** Shorter kept texts stay in the page: a part of their own would cost more than it saves. */
const KEPT_PART_MIN = 512;

function isDeeplyFrozen(value: unknown): boolean {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const item = stack.pop();
        if (item === null || typeof item !== "object") continue;
        if (!Object.isFrozen(item)) return false;
        for (const child of Object.values(item)) stack.push(child);
    }
    return true;
}

function renderInventoryRows(resources: readonly InventoryResource[]): string {
    return resources
        .map(
            (r) =>
                `<tr data-search="${e(`${r.type} ${r.name} ${r.id ?? ""}`.toLowerCase())}"><td class="mono">${e(r.type)}${r.synthetic ? ' <span class="pill engine">engine</span>' : ""}${
                    r.protect ? ' <span class="pill protect">protect</span>' : ""
                }</td><td class="mono">${e(r.name)}</td><td class="mono">${e(r.id ?? "")}</td><td class="mono props">${e(propsSummary(r))}</td></tr>`,
        )
        .join("\n");
}

function inventory(s: StackReport, engine: boolean): string {
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
    const rows = inventoryRows(s.resources);
    const reason = s.reason ? `<p class="reason status-${s.status}">${e(s.reason)}</p>` : "";
    const time =
        engine && s.durationMs !== undefined
            ? ` · ${formatDuration(s.durationMs)}${(s.attempts ?? 1) > 1 ? ` · ${s.attempts} attempts` : ""}`
            : "";
    const log = engine && s.log ? `<p class="note">Engine log: <span class="mono">${e(s.log)}</span> in the run folder.</p>` : "";
    return (
        `<details class="stack" id="stack-${e(s.unit)}" ` +
        `data-stack="${e(s.unit)}"><summary><span class="dot ` +
        `status-${s.status}"></span><b>${e(s.stack)}</b> <span class="mono sub">${e(s.path)}</span>` +
        (s.account ? ` <span class="mono sub">account ${e(s.account)}</span>` : "") +
        (s.cached
            ? ` <span class="pill" title="reused from the synth cache: ${s.cached === "evaluation" ? "evaluation (inspected again)" : "evaluation and inspection"}">cached</span>`
            : "") +
        `<span class="right">${s.resourceCounts.total} resources${time} · <span ` +
        `class="status-text status-${s.status}">${STATUS_LABEL[s.status]}${s.drifted ? " (drifted)" : ""}</span></span></summary>` +
        `${reason}${log}${inputs}${outputs}<h4>Resources by type</h4><p class="chips">${types || "none"}</p>` +
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
function frameworkSections(report: EnvironmentReport): string {
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

function policyTable(report: EnvironmentReport): string {
    if (report.policies.length === 0) return "";
    const labels = controlLabels(report);
    const hits = new Map<string, number>();
    const all = [...(report.environmentFindings ?? []), ...report.stacks.flatMap((s) => s.findings)];
    for (const f of all) if (!f.waivedBy) hits.set(f.policyId, (hits.get(f.policyId) ?? 0) + 1);
    const rows = [...report.policies]
        .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : 1))
        .map(
            (p) =>
                `<tr><td class="mono">${e(p.id)}</td><td><span class="sev sev-${e(p.severity)}">${e(p.severity)}</span></td><td>${e(p.level)}</td>` +
                `<td class="mono controls">${labels.get(p.id)?.html ?? ""}</td><td>${hits.get(p.id) ?? 0}</td><td>${e(p.description)}<div class="fix"><b>Fix:</b> ${e(p.remediationSteps)}</div></td></tr>`,
        )
        .join("\n");
    return `<details class="policies"><summary><b>Policies</b> <span class="sub">${report.policies.length} in ${e(report.pack?.name ?? "")} ${e(report.pack?.version ?? "")}, levels for ${e(
        report.environment,
    )}</span></summary><table><thead><tr><th>Policy</th><th>Severity</th><th>Level</th><th>Controls</th><th>Findings</th><th>Checks whether… and how to comply</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

/** A count card; with a filter it is a button that filters the findings or the operations below. */
function card(label: string, value: number, cls = "", filter?: { kind: "state" | "op" | "stacks"; value: string }): string {
    const body = `<div class="num">${value}</div><div class="label">${label}</div>`;
    if (!filter) return `<div class="card ${cls}">${body}</div>`;
    return `<button type="button" class="card ${cls}" data-filter-${filter.kind}="${e(filter.value)}" title="show only these">${body}</button>`;
}

function cards(report: EnvironmentReport): string {
    const s = report.summary;
    const notDone = s.failed + s.skipped + s.cancelled;
    const findingCards =
        card("mandatory", s.mandatory, s.mandatory ? "bad" : "good", { kind: "state", value: "mandatory" }) +
        card("advisory", s.advisory, s.advisory ? "warn" : "", { kind: "state", value: "advisory" });
    const failedCard = card("failed / skipped", notDone, notDone ? "bad" : "", { kind: "stacks", value: "failing" });
    if (!isEngineReport(report)) {
        return (
            card("stacks", s.stacks) +
            card("resources", s.resources) +
            findingCards +
            card("waived", s.waived, "", { kind: "state", value: "waived" }) +
            failedCard
        );
    }
    const ops = s.operations ?? {};
    const opCard = (kind: string, label: string, cls: string): string =>
        card(label, ops[kind] ?? 0, ops[kind] ? cls : "", { kind: "op", value: kind });
    const changes =
        report.command === "drift"
            ? card("drifted stacks", s.drifted ?? 0, s.drifted ? "warn" : "good", { kind: "stacks", value: "drifted" })
            : opCard("create", "creates", "") +
              opCard("update", "updates", "warn") +
              opCard("replace", "replaces", "bad") +
              opCard("delete", "deletes", "bad");
    return card("stacks", s.stacks) + changes + findingCards + failedCard;
}

/**
 * report.html: one self-contained page (inline CSS, JS and SVG; no external URL) for every
 * command: the verdict, count cards that filter, the stack graph coloured by outcome, the
 * findings with their fix (above the graph when the run fails), the resource operations with
 * property diffs (dangerous first), drift, and each stack's inputs, outputs and inventory.
 * Secrets are `[secret]` in the model already; the run folder scrubs known values once more.
 */
export function renderReportHtml(report: EnvironmentReport): string {
    return renderPage(report);
}

/**
 * {@link renderReportHtml}'s page in parts whose concatenation it is: each kept stack's inventory
 * rows (the same string round after round in `edf synth --watch`: most of the page) is a part of
 * its own, so a writer scans and writes the page without copying it into one string.
 */
export function renderReportHtmlParts(report: EnvironmentReport): string[] {
    // A marker no text of the page holds: a NUL (escaped wherever text is shown) and a random tag.
    const parts = { marker: `\u0000kept-${randomBytes(8).toString("hex")}:`, texts: [] as string[] };
    keptParts = parts;
    let page: string;
    try {
        page = renderPage(report);
    } finally {
        keptParts = undefined;
    }
    if (parts.texts.length === 0) return [page];
    const pieces = page.split(new RegExp(`${parts.marker}(\\d+)\u0000`));
    // Text, index, text, …: each kept text exactly once, in order; anything else renders the page whole.
    const inOrder = pieces.length === 2 * parts.texts.length + 1 && pieces.every((p, i) => i % 2 === 0 || p === String((i - 1) / 2));
    return inOrder ? pieces.map((p, i) => (i % 2 === 0 ? p : parts.texts[(i - 1) / 2]!)) : [renderPage(report)];
}

function renderPage(report: EnvironmentReport): string {
    const engine = isEngineReport(report);
    const verdict = verdictOf(report);
    const title = `${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}`;
    const graph = renderGraphSvg(
        report.stacks.map((st) => ({
            unit: st.unit,
            label: st.stack,
            status: st.drifted ? ("drifted" as const) : st.status,
            detail: stackDetail(st, report.command),
        })),
        report.graph.edges,
    );
    const unused = unusedWaivers(report);
    const stackOptions = report.stacks.map((st) => `<option value="${e(st.unit)}">${e(st.unit)}</option>`).join("");
    const sample =
        report.inputs?.source === "sample" && report.inputs.file
            ? `<div class="banner">Vault and Consul inputs are <b>sample values</b> ` +
              `from <span class="mono">${e(report.inputs.file)}</span>, not real secrets.</div>`
            : "";
    const meta = engine
        ? `spec <span class="mono">${e(report.spec)}</span> · ${e(report.backend ?? "")} · ${formatDuration(report.durationMs ?? 0)}, parallel ${report.parallel ?? 1} · decided for ${e(report.date)} · ${
              report.pack ? `pack ${e(report.pack.name)} ${e(report.pack.version)}` : "no policy pack"
          }${report.targets?.length ? ` · targets ${report.targets.map((t) => `<span class="mono">${e(t)}</span>`).join(", ")}` : ""} · exit ${report.exitCode}`
        : `spec <span class="mono">${e(report.spec)}</span> · region ${e(report.region ?? "")} · account <span class="mono">${e(report.account ?? "")}</span> · decided for ${e(report.date)} · ${
              report.pack ? `pack ${e(report.pack.name)} ${e(report.pack.version)}` : "policy enforcement off"
          } · exit ${report.exitCode}`;
    const legend = [
        `<span class="dot status-${engine ? "succeeded" : "passed"}"></span>${engine ? "succeeded" : "passed"}`,
        `<span class="dot status-policy-violation"></span>policy violation`,
        `<span class="dot status-failed"></span>failed`,
        `<span class="dot status-skipped"></span>skipped`,
        ...(engine ? [`<span class="dot status-preview-with-unknowns"></span>preview with unknowns / drifted`] : []),
        `<span class="edge-key"></span>stack-output input`,
        `<span class="edge-key inferred"></span>read by the code (inferred)`,
    ].join(" ");
    const graphSection = `<section>
  <h2>Stack graph <span class="sub">dependencies point at the stacks that need them · click a stack to filter</span></h2>
  <div class="graph-wrap" id="graph">${graph}</div>
  <div class="legend">${legend}</div>
</section>`;
    const failing = !isPassing(report) && (report.summary.mandatory > 0 || report.outcome === "policy-violation");
    const findingsSection = `<section id="findings-section"${failing ? ' class="failing"' : ""}>
  <h2>${failing ? "Failing findings" : "Findings"} <span class="sub" id="finding-count"></span></h2>
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
</section>`;
    const footer = engine
        ? `The real Pulumi engine (${e(report.command)}), policy findings as the engine reported them. Report version ${report.reportVersion}.`
        : `Offline synthesis under Pulumi's mock runtime: ids and ARNs are derived from names, not read from AWS. Report version ${report.reportVersion}.`;
    // A failing run leads with what fails it: the findings go above the graph.
    const body = failing ? [findingsSection, graphSection] : [graphSection, findingsSection];
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>edf ${e(report.command)} · ${e(report.environment)} · ${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="outcome-${report.outcome}">
  <div class="title"><span class="brand">edf ${e(report.command)}</span> <h1>${e(report.environment)}</h1> <span class="verdict">${e(title)}</span></div>
  <div class="meta">${meta}</div>
</header>
<main>
${sample}${unknownsList(report)}
<section class="cards" id="cards">
  ${cards(report)}
</section>
${body.join("\n")}
${operationsTable(report)}
${driftTable(report)}
<section>
  <h2>Stacks <span class="sub">inputs, outputs and every ${engine ? "resource the engine reported" : "registered resource"}</span></h2>
  ${report.stacks.map((s) => inventory(s, engine)).join("\n")}
</section>
${frameworkSections(report)}
<section>${policyTable(report)}</section>
</main>
<footer>${footer}</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
