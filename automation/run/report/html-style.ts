/** The report's stylesheet, inlined: the page loads nothing from anywhere. */
export const REPORT_CSS = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--sub:#5b6577;--line:#e2e6ec;--ok:#1f8a4c;--bad:#c62f2f;--fail:#6b21a8;--warn:#b86e00;--skip:#8a93a3;--accent:#2f5fd0;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{padding:18px 28px 14px;color:#fff;background:#26324a}
header.outcome-passed,header.outcome-succeeded{background:linear-gradient(90deg,#1d6b41,#26324a 70%)}
header.outcome-drifted,header.outcome-interrupted{background:linear-gradient(90deg,#8a5a00,#26324a 70%)}
header.outcome-policy-violation,header.outcome-failed{background:linear-gradient(90deg,#9b2424,#26324a 70%)}
.title{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
.brand{font-weight:600;opacity:.8;letter-spacing:.02em}
h1{margin:0;font-size:26px}
.verdict{font-weight:600;padding:2px 10px;border-radius:999px;background:rgba(255,255,255,.16)}
.meta{margin-top:6px;opacity:.85;font-size:13px}
main{padding:18px 28px;max-width:1400px}
section{margin:0 0 26px}
h2{font-size:18px;margin:0 0 10px}
h4{margin:14px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--sub)}
.sub{color:var(--sub);font-weight:400;font-size:13px}
.mono{font-family:var(--mono);font-size:12.5px}
.banner{background:#fff7e0;border:1px solid #f0d48a;padding:8px 12px;border-radius:8px;margin-bottom:16px}
.cards{display:grid;grid-template-columns:repeat(6,minmax(110px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;font:inherit;text-align:left;color:inherit}
button.card{cursor:pointer}button.card:hover,button.card:focus{border-color:var(--accent);outline:none}button.card.active{border-color:var(--accent);box-shadow:0 0 0 2px #d5e0fb}
.card .num{font-size:26px;font-weight:700}
.card .label{color:var(--sub)}
.card.good .num{color:var(--ok)}.card.bad .num{color:var(--bad)}.card.warn .num{color:var(--warn)}
.graph-wrap{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px;overflow:auto;max-height:640px;text-align:center}
svg.graph .edge{fill:none;stroke:#9aa4b5;stroke-width:1.6}
svg.graph .edge-input{stroke:var(--accent);stroke-dasharray:5 4}
svg.graph .edge.hot{stroke:var(--ink);stroke-width:2.4}
svg.graph .arrowhead{fill:#9aa4b5}
svg.graph .node{cursor:pointer}
svg.graph .node rect{fill:#fff;stroke:#c3cad6;stroke-width:1.5}
svg.graph .node:hover rect,svg.graph .node:focus rect{stroke:var(--accent);stroke-width:2.5;outline:none}
svg.graph .node.selected rect{stroke:var(--accent);stroke-width:3;fill:#eef3ff}
svg.graph .node .name{font-weight:600;font-size:14px;fill:var(--ink)}
svg.graph .node .detail{font-size:12px;fill:var(--sub)}
svg.graph .status-passed .dot{fill:var(--ok)}
svg.graph .status-policy-violation .dot{fill:var(--bad)}
svg.graph .status-policy-violation rect{stroke:#e4a3a3}
svg.graph .status-failed .dot{fill:var(--fail)}
svg.graph .status-failed rect{stroke:var(--fail);stroke-dasharray:4 3}
svg.graph .status-skipped .dot{fill:var(--skip)}
svg.graph .status-skipped rect{fill:#f1f2f4}
svg.graph .status-cancelled .dot{fill:var(--skip)}
svg.graph .status-cancelled rect{fill:#f1f2f4}
.legend{color:var(--sub);font-size:12.5px;margin-top:6px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
span.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:3px;vertical-align:-1px}
span.dot.status-passed{background:var(--ok)}span.dot.status-policy-violation{background:var(--bad)}span.dot.status-failed{background:var(--fail)}span.dot.status-skipped{background:var(--skip)}span.dot.status-cancelled{background:var(--skip)}
.edge-key{display:inline-block;width:26px;border-top:2px dashed var(--accent);margin-left:6px}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-bottom:10px}
.filters input[type=search]{flex:1 1 280px;padding:7px 10px;border:1px solid #c3cad6;border-radius:8px;font:inherit}
.filters select,.filters button{padding:6px 8px;border:1px solid #c3cad6;border-radius:8px;background:#fff;font:inherit}
.filters button{cursor:pointer}
.sevs label{margin-right:6px;color:var(--sub)}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f5;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--sub)}
tr.finding[hidden]{display:none}
table.findings td.nowrap{white-space:nowrap}
.table-wrap{overflow-x:auto}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;background:#eef1f5;color:var(--sub)}
.state-mandatory{background:#fde2e2;color:var(--bad)}.state-advisory{background:#fff0d6;color:var(--warn)}.state-waived{background:#e4ecff;color:var(--accent)}
.control-failed{background:#fde2e2;color:var(--bad)}.control-warned{background:#fff0d6;color:var(--warn)}.control-passed{background:#e3f4ea;color:var(--ok)}
td.controls div,.controls-table .pill{white-space:nowrap}button.control-filter{font:inherit;border:0;background:none;color:var(--accent);cursor:pointer;padding:0;text-decoration:underline dotted}
.pill.secret{background:#f3e8ff;color:#7a3db8}.pill.engine{background:#eef1f5}.pill.protect{background:#e3f4ea;color:var(--ok)}
.pill.origin-sample{background:#fff0d6;color:var(--warn)}.pill.origin-synthesized{background:#e4ecff;color:var(--accent)}
.sev{font-weight:600;font-size:12.5px}
.sev-critical{color:#8d1010}.sev-high{color:var(--bad)}.sev-medium{color:var(--warn)}.sev-low{color:var(--sub)}
.kind{font-size:11px;color:var(--warn)}
.waiver{margin-top:4px;font-size:12.5px;color:var(--accent)}
.empty,.note{color:var(--sub)}
details{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-bottom:8px;padding:0 14px}
details[open]{padding-bottom:12px}
details.highlight{border-color:var(--accent);box-shadow:0 0 0 2px #d5e0fb}
summary{cursor:pointer;padding:10px 0;display:flex;gap:8px;align-items:center}
summary .right{margin-left:auto;color:var(--sub)}
.status-text.status-policy-violation{color:var(--bad);font-weight:600}.status-text.status-failed{color:var(--fail);font-weight:600}.status-text.status-passed{color:var(--ok)}
.reason{padding:8px 10px;border-radius:8px;background:#fdecec;color:#7d1d1d}
.reason.status-skipped{background:#f1f2f4;color:var(--sub)}
.reason.status-cancelled{background:#f1f2f4;color:var(--sub)}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{background:#eef1f5;border-radius:6px;padding:2px 8px;font-size:12.5px}
table.inventory td.props{max-width:520px;word-break:break-all;color:var(--sub)}
table.kv td:first-child{width:220px}
svg.graph .edge-inferred{stroke-dasharray:2 4}
svg.graph .status-succeeded .dot{fill:var(--ok)}
svg.graph .status-not-deployed .dot{fill:var(--skip)}
svg.graph .status-preview-with-unknowns .dot{fill:var(--warn)}
svg.graph .status-preview-with-unknowns rect{stroke:#e8c27a;stroke-dasharray:6 3}
svg.graph .status-drifted .dot{fill:var(--warn)}
svg.graph .status-drifted rect{stroke:var(--warn);stroke-width:2}
span.dot.status-succeeded{background:var(--ok)}span.dot.status-not-deployed{background:var(--skip)}span.dot.status-preview-with-unknowns{background:var(--warn)}span.dot.status-drifted{background:var(--warn)}
.status-text.status-succeeded{color:var(--ok)}.status-text.status-preview-with-unknowns{color:var(--warn);font-weight:600}
.edge-key.inferred{border-top-style:dotted;border-top-color:#9aa4b5}
.fix{margin-top:4px;font-size:12.5px;color:var(--ok)}
tr.op[hidden]{display:none}
tr.op.dangerous td{background:#fff4f4}
.op-name{font-weight:600}.op-delete,.op-replace{color:var(--bad)}.op-update{color:var(--warn)}.op-create{color:var(--ok)}
.diff{margin:4px 0 0;padding:6px 8px;background:#f6f7f9;border-radius:6px;font-family:var(--mono);font-size:12px;white-space:pre-wrap;word-break:break-all}
.diff .add{color:var(--ok)}.diff .del{color:var(--bad)}.diff .chg{color:var(--warn)}
.failing{border:1px solid #f0b4b4;border-radius:10px;padding:12px 14px;background:#fff8f8}
.failing h2{color:var(--bad)}
footer{padding:10px 28px 30px;color:var(--sub);font-size:12.5px}
@media (max-width:900px){.cards{grid-template-columns:repeat(3,1fr)}}
`;
