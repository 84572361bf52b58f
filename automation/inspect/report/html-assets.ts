/** The inspect report's stylesheet and script, inlined: the page loads nothing from anywhere. */
export const INSPECT_CSS = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--sub:#5b6577;--line:#e2e6ec;--ok:#1f8a4c;--bad:#c62f2f;--warn:#b86e00;--skip:#8a93a3;--accent:#2f5fd0;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{padding:18px 28px 14px;color:#fff;background:#26324a}
header.outcome-passed{background:linear-gradient(90deg,#1d6b41,#26324a 70%)}
header.outcome-policy-violation,header.outcome-failed,header.outcome-interrupted{background:linear-gradient(90deg,#9b2424,#26324a 70%)}
.title{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}.brand{font-weight:600;opacity:.8}
h1{margin:0;font-size:26px}.verdict{font-weight:600;padding:2px 10px;border-radius:999px;background:rgba(255,255,255,.16)}
.meta{margin-top:6px;opacity:.85;font-size:13px}
main{padding:18px 28px;max-width:1500px}section{margin:0 0 26px}h2{font-size:18px;margin:0 0 10px}
h3{font-size:15px;margin:0 0 6px}h4{margin:12px 0 6px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--sub)}
.sub{color:var(--sub);font-weight:400;font-size:13px}.mono{font-family:var(--mono);font-size:12.5px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .num{font-size:24px;font-weight:700}.card .label{color:var(--sub)}
.card.good .num{color:var(--ok)}.card.bad .num{color:var(--bad)}.card.warn .num{color:var(--warn)}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0 0 14px}
.service{border-left:4px solid var(--accent)}
.grid2{display:grid;grid-template-columns:minmax(280px,1fr) minmax(280px,1fr);gap:14px}
table{border-collapse:collapse;width:100%;background:var(--card)}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font-size:12px;color:var(--sub);font-weight:600;position:sticky;top:0;background:var(--card)}
.table-wrap{max-height:520px;overflow:auto;border:1px solid var(--line);border-radius:8px}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;background:#eef1f6}
.state-mandatory{background:#fde2e2;color:var(--bad)}.state-advisory{background:#fff1d6;color:var(--warn)}.state-waived{background:#e8ebf0;color:var(--skip)}
.new{background:#e0e8ff;color:var(--accent)}.ok{background:#dff3e7;color:var(--ok)}.bad{background:#fde2e2;color:var(--bad)}
.sev{font-weight:600}.sev-critical{color:#8b0000}.sev-high{color:var(--bad)}.sev-medium{color:var(--warn)}.sev-low{color:var(--sub)}
.status-passed{color:var(--ok)}.status-policy-violation,.status-failed{color:var(--bad)}.status-not-deployed,.status-skipped,.status-cancelled{color:var(--skip)}
.filters{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 10px}.filters input[type=search]{min-width:320px;padding:5px 8px}
.empty{color:var(--sub)}.note{color:var(--sub);font-size:13px}ul.facts{margin:4px 0;padding-left:18px}
.waiver{margin-top:4px;font-size:12.5px;color:var(--sub)}.refused{background:#fde2e2;border:1px solid #f3b4b4;padding:8px 12px;border-radius:8px;color:var(--bad);font-weight:600}
footer{padding:12px 28px 28px;color:var(--sub);font-size:12.5px}
`;

/**
 * Filters: the findings by text, state, stack, severity and "new only"; each image inventory by
 * text (name, version, type, purl, location). Plain ES2017, no library.
 */
export const INSPECT_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var text = $("filter-text"), state = $("filter-state"), stack = $("filter-stack"), fresh = $("filter-new");
  var sevs = Array.prototype.slice.call(document.querySelectorAll(".filter-severity"));
  var count = $("finding-count"), none = $("no-match");
  function apply() {
    var q = text.value.trim().toLowerCase(), st = state.value, sk = stack.value;
    var on = sevs.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.getAttribute("data-search").indexOf(q) >= 0) && (!st || r.getAttribute("data-state") === st) &&
        (!sk || r.getAttribute("data-stack") === sk) && (!fresh.checked || r.getAttribute("data-new") === "true") &&
        on.indexOf(r.getAttribute("data-severity")) >= 0;
      r.hidden = !ok; if (ok) shown++;
    });
    count.textContent = shown === rows.length ? rows.length + " total" : shown + " of " + rows.length + " shown";
    none.hidden = shown > 0 || rows.length === 0;
  }
  [text, state, stack, fresh].forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  sevs.forEach(function (c) { c.addEventListener("change", apply); });
  $("filter-reset").addEventListener("click", function () {
    text.value = ""; state.value = ""; stack.value = ""; fresh.checked = false; sevs.forEach(function (c) { c.checked = true; }); apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.inventory-filter"), function (input) {
    var table = $(input.getAttribute("data-table"));
    var items = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var label = $(input.getAttribute("data-count"));
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase(), shown = 0;
      items.forEach(function (r) { var ok = !q || r.getAttribute("data-search").indexOf(q) >= 0; r.hidden = !ok; if (ok) shown++; });
      label.textContent = shown === items.length ? items.length + " packages" : shown + " of " + items.length + " packages";
    });
  });
  apply();
})();
`;
