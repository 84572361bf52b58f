import { controlLabels, ControlLabel } from "./controls";
import type { InspectFinding, ImageReport, InspectReport, InspectStackReport, ServiceReport } from "./model";
import { INSPECT_CSS, INSPECT_SCRIPT } from "./html-assets";

/** Escapes text for HTML content and attribute values. */
function e(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const VERDICT = {
    passed: "Passed",
    "policy-violation": "Mandatory policy violations",
    failed: "Stacks could not be inspected",
    interrupted: "Interrupted",
};
const slug = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, "-");

function findingState(f: InspectFinding): "mandatory" | "advisory" | "waived" {
    return f.waivedBy ? "waived" : f.level;
}

function findingRow(stack: InspectStackReport, f: InspectFinding, controls: ReadonlyMap<string, ControlLabel>): string {
    const state = findingState(f);
    const resource = f.resourceName ?? (f.urn ? (f.urn.split("::").pop() ?? f.urn) : "(stack)");
    const search =
        `${f.policyId} ${stack.unit} ${resource} ${f.message} ${controls.get(f.policyId)?.tokens ?? ""} ${f.waivedBy?.id ?? ""}`.toLowerCase();
    const waiver = f.waivedBy
        ? `<div class="waiver">Waived by <b>${e(f.waivedBy.id)}</b> (${e(f.waivedBy.ticket)}, ${e(f.waivedBy.owner)}, until ${e(f.waivedBy.expires)}): ${e(f.waivedBy.reason)}</div>`
        : "";
    return (
        `<tr class="finding" data-state="${state}" data-severity="${e(f.severity)}" data-stack="${e(stack.unit)}" data-new="${f.new}" data-search="${e(search)}">` +
        `<td><span class="pill state-${state}">${state}</span>${f.new ? ' <span class="pill new">new</span>' : ""}</td>` +
        `<td><span class="sev sev-${e(f.severity)}">${e(f.severity)}</span></td><td class="mono">${e(f.policyId)}</td>` +
        `<td>${e(stack.unit)}</td><td class="mono" title="${e(f.urn)}">${e(resource)}</td><td class="mono">${controlCell(controls.get(f.policyId))}</td>` +
        `<td>${e(f.message)}${waiver}</td></tr>`
    );
}

/** A policy's controls, one line per chosen framework. */
function controlCell(label: ControlLabel | undefined): string {
    return (label?.cited ?? []).map((c) => `<div><span class="sub">${e(c.framework)}</span> ${e(c.controls.join(", "))}</div>`).join("");
}

function list(items: readonly string[], empty: string): string {
    return items.length ? `<ul class="facts">${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<p class="empty">${e(empty)}</p>`;
}

function imagePanel(image: ImageReport, id: string): string {
    if (image.integrity.length > 0)
        return (
            `<div class="refused">Refused: this image does not match its digests, so nothing read from it is trusted.</div>` +
            list(
                image.integrity.map((p) => e(p.message)),
                "",
            )
        );
    const c = image.config;
    const facts = [
        ...image.tools.map((t) => `${e(t.category)}: <span class="mono">${e(t.path)}</span>`),
        ...image.setuidFiles.map((f) => `${f.setuid ? "setuid" : "setgid"} <span class="mono">${e(f.path)}</span> (${e(f.mode)})`),
        ...image.worldWritable.map((f) => `world-writable <span class="mono">${e(f.path)}</span> (${e(f.mode)})`),
        ...image.secrets.map(
            (s) =>
                `<b>${e(s.kind)}</b> <span class="mono">${e(s.path)}</span> in layer ${s.layerIndex}${s.present ? "" : " (deleted later, still in the layer)"}`,
        ),
        ...(c?.secretEnvNames ?? []).map((n) => `secret-looking variable <span class="mono">${e(n)}</span> set in the image`),
    ];
    const rows = image.packages
        .map(
            (p) =>
                `<tr data-search="${e(`${p.name} ${p.version} ${p.type} ${p.purl} ${p.location}`.toLowerCase())}"><td class="mono">${e(p.name)}</td>` +
                `<td class="mono">${e(p.version)}</td><td>${e(p.type)}</td><td class="mono">${e(p.location)}</td></tr>`,
        )
        .join("");
    const vulns = image.vulnerabilities.length
        ? `<div class="table-wrap"><table><thead><tr><th>Id</th><th>Severity</th><th>Package</th><th>Fixed in</th><th>Source</th></tr></thead><tbody>${image.vulnerabilities
              .map(
                  (v) =>
                      `<tr><td class="mono">${e(v.id)}</td><td>${e(v.severity)}</td><td class="mono">${e(`${v.package ?? ""} ${v.installedVersion ?? ""}`)}</td>` +
                      `<td class="mono">${e(v.fixedVersion ?? "")}</td><td>${e(v.source)}</td></tr>`,
              )
              .join("")}</tbody></table></div>`
        : `<p class="empty">${image.scans.length ? "No vulnerability reported by the scanners." : "No scanner evidence for this image."}</p>`;
    return `<div class="grid2"><div>
<h4>Image</h4><p class="mono">${e(image.reference)}</p>
<p>${e(image.platform)} · ${e(image.os?.prettyName ?? image.os?.id ?? "no distribution")} · ${image.layers} layer(s) · ${(image.sizeBytes / 1e6).toFixed(1)} MB${
        image.sbom ? ` · SBOM <span class="mono">${e(image.sbom)}</span>` : ""
    }</p>
<p>User <span class="mono">${e(c?.user || "(root)")}</span> · entrypoint <span class="mono">${e(JSON.stringify([...(c?.entrypoint ?? []), ...(c?.cmd ?? [])]))}</span> · ports ${e(
        (c?.exposedPorts ?? []).join(", ") || "none",
    )}</p>
<h4>Facts the policies judge</h4>${list(facts, "No shell, package manager, compiler, debugger, setuid file, world-writable path or secret material found.")}
${image.notes.length ? `<h4>Not analysed</h4>${list(image.notes.map(e), "")}` : ""}
</div><div><h4>Vulnerabilities</h4>${vulns}</div></div>
<h4>Software inventory <span class="sub" id="${id}-count">${image.packages.length} packages</span></h4>
<input type="search" class="inventory-filter" data-table="${id}" data-count="${id}-count" placeholder="Filter packages by name, version, type, location…" aria-label="Filter the inventory">
<div class="table-wrap"><table id="${id}"><thead><tr><th>Name</th><th>Version</th><th>Type</th><th>Found in</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function servicePanel(report: InspectReport, stack: InspectStackReport, service: ServiceReport): string {
    const containers = service.containers
        .map((c) => {
            const runningDigests = c.running.map((r) => r.digest);
            const drift = c.declared.digest !== undefined && runningDigests.some((d) => d !== c.declared.digest);
            const state =
                runningDigests.length === 0
                    ? '<span class="pill">nothing running</span>'
                    : drift
                      ? '<span class="pill bad">drift</span>'
                      : '<span class="pill ok">as declared</span>';
            const images = c.images
                .map((d, i) =>
                    report.images[d]
                        ? imagePanel(report.images[d]!, `inv-${slug(stack.unit)}-${slug(service.name)}-${slug(c.name)}-${i}`)
                        : "",
                )
                .join("");
            return `<h3>Container <span class="mono">${e(c.name)}</span> ${state}</h3>
<table><tbody><tr><th>Declared</th><td class="mono">${e(c.declared.image)}</td></tr>
<tr><th>Running</th><td class="mono">${c.running.map((r) => `${e(r.digest)} (${r.tasks} task${r.tasks === 1 ? "" : "s"})`).join("<br>") || "nothing"}</td></tr>
${c.unobserved.map((u) => `<tr><th>Not pinned</th><td>${e(u.observedIn)}: ${e(u.reason)}</td></tr>`).join("")}</tbody></table>${images}`;
        })
        .join("");
    const findings = stack.findings.filter(
        (f) => f.resourceName === service.taskDefinition.family || f.urn.endsWith(`::${service.taskDefinition.family}`),
    );
    return `<div class="panel service" id="service-${e(slug(stack.unit))}-${e(slug(service.name))}">
<h3>${e(service.service)} <span class="sub">stack ${e(stack.stack)} · cluster <span class="mono">${e(service.cluster)}</span> · ${e(service.region)} · task definition <span class="mono">${e(
        service.taskDefinition.family,
    )}</span> · ${e(service.platform.os)}/${e(service.platform.architecture)}</span></h3>
<p>${findings.filter((f) => !f.waivedBy && f.level === "mandatory").length} mandatory, ${findings.filter((f) => !f.waivedBy && f.level === "advisory").length} advisory, ${
        findings.filter((f) => f.waivedBy).length
    } waived finding(s) on this service.</p>${containers}</div>`;
}

/**
 * report.html: one self-contained page (inline CSS and JS, no external URL): the verdict and the
 * delta, then per service what it declares, what runs (drift marked), what each image is and
 * holds (facts, vulnerabilities, a filterable inventory), then every finding with its severity,
 * controls, waiver and whether it is new.
 */
export function renderInspectHtml(report: InspectReport): string {
    const s = report.summary;
    const card = (label: string, value: number, cls = ""): string =>
        `<div class="card ${cls}"><div class="num">${value}</div><div class="label">${label}</div></div>`;
    const controls = controlLabels(report.frameworks);
    const rows = report.stacks.flatMap((st) => st.findings.map((f) => findingRow(st, f, controls)));
    const services = report.stacks.flatMap((st) => st.services.map((svc) => servicePanel(report, st, svc)));
    const others = report.stacks
        .filter((st) => st.services.length === 0)
        .map(
            (st) =>
                `<li><b>${e(st.stack)}</b> <span class="status-${st.status}">${e(st.status)}</span>${st.reason ? `: ${e(st.reason)}` : ""}</li>`,
        );
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>edf inspect · ${e(report.environment)} · ${e(VERDICT[report.outcome])}</title>
<style>${INSPECT_CSS}</style>
</head>
<body>
<header class="outcome-${report.outcome}">
  <div class="title"><span class="brand">edf inspect</span> <h1>${e(report.environment)}</h1> <span class="verdict">${e(VERDICT[report.outcome])}</span></div>
  <div class="meta">spec <span class="mono">${e(report.spec)}</span> · ${e(report.backend)} · collected ${e(report.collectedAt)} · decided for ${e(report.date)} · pack ${e(report.pack.name)} ${e(
      report.pack.version,
  )} · ${report.failOn === "new" ? "only new mandatory findings fail" : "any mandatory finding fails"} · exit ${report.exitCode}</div>
</header>
<main>
<section class="cards">
  ${card("stacks", s.stacks)}${card("services", s.services)}${card("images", s.images)}${card("packages", s.packages)}${card("mandatory", s.mandatory, s.mandatory ? "bad" : "good")}${card(
      "advisory",
      s.advisory,
      s.advisory ? "warn" : "",
  )}${card("waived", s.waived)}${card("new findings", s.newFindings, s.newFindings ? "warn" : "")}${card("resolved", s.resolvedFindings, s.resolvedFindings ? "good" : "")}${card(
      "new digests",
      s.newDigests,
  )}${card("not inspected", s.failed + s.cancelled + s.notDeployed, s.failed ? "bad" : "")}
</section>
<section id="delta"><h2>Since the last inspection</h2><div class="panel">${
        report.delta.baseline
            ? `<p>Compared with <span class="mono">${e(report.delta.baseline.runs.join(", "))}</span>: ${s.newFindings} new finding(s), ${s.resolvedFindings} resolved, ${s.newDigests} new running digest(s).</p>`
            : "<p>No earlier inspection of this environment: every finding is new.</p>"
    }${list(
        [
            ...report.delta.resolvedFindings.map(
                (f) => `resolved: <span class="mono">${e(f.policyId)}</span> on ${e(f.unit)}: ${e(f.message)}`,
            ),
            ...report.delta.newDigests.map((d) => `new digest running: <span class="mono">${e(d)}</span>`),
        ],
        "Nothing resolved, no new digest.",
    )}</div></section>
<section id="services"><h2>Services <span class="sub">declared vs running, and what is inside each image</span></h2>
${services.join("\n") || '<p class="empty">No stack declares a running service.</p>'}
${others.length ? `<div class="panel"><h4>Stacks without services</h4><ul class="facts">${others.join("")}</ul></div>` : ""}
</section>
<section id="findings-section">
  <h2>Findings <span class="sub" id="finding-count"></span></h2>
  <form class="filters" onsubmit="return false">
    <input type="search" id="filter-text" placeholder="Filter by policy, resource, message, control…" aria-label="Filter findings by text">
    <select id="filter-state" aria-label="Filter by state"><option value="">all states</option><option value="mandatory">mandatory</option><option value="advisory">advisory</option><option value="waived">waived</option></select>
    <select id="filter-stack" aria-label="Filter by stack"><option value="">all stacks</option>${report.stacks.map((st) => `<option value="${e(st.unit)}">${e(st.unit)}</option>`).join("")}</select>
    <label><input type="checkbox" id="filter-new"> new only</label>
    <span>${["critical", "high", "medium", "low"].map((v) => `<label><input type="checkbox" class="filter-severity" value="${v}" checked> ${v}</label>`).join(" ")}</span>
    <button type="button" id="filter-reset">Reset</button>
  </form>
  ${
      rows.length
          ? `<div class="table-wrap"><table id="findings"><thead><tr><th>State</th><th>Severity</th><th>Policy</th><th>Stack</th><th>Resource</th><th>Controls</th><th>Message</th></tr></thead><tbody>${rows.join("\n")}</tbody></table></div>`
          : '<p class="empty">No findings: every running image passed every runtime policy.</p>'
  }
  <p class="empty" id="no-match" hidden>No finding matches these filters.</p>
</section>
<section><details class="panel"><summary><b>Policies</b> <span class="sub">${report.policies.length} in ${e(report.pack.name)}, levels for ${e(report.environment)}</span></summary>
<table><thead><tr><th>Policy</th><th>Severity</th><th>Level</th><th>Controls</th><th>Checks whether…</th></tr></thead><tbody>${report.policies
        .map(
            (p) =>
                `<tr><td class="mono">${e(p.id)}</td><td class="sev sev-${e(p.severity)}">${e(p.severity)}</td><td>${e(p.level)}</td><td class="mono">${controlCell(controls.get(p.id))}</td><td>${e(p.description)}</td></tr>`,
        )
        .join("")}</tbody></table></details></section>
</main>
<footer>Images analysed from their registries by edf (no Docker daemon); every digest verified. Report version ${report.reportVersion}.</footer>
<script>${INSPECT_SCRIPT}</script>
</body>
</html>
`;
}
