/**
 * The report's script, inlined: filters the findings (text, state, stack, severity) and links
 * the graph to them — clicking a stack filters the findings to it and opens its inventory; clicking
 * a framework control filters them to the findings against that control.
 * Plain ES2017 with no library, so the page works from a file on any machine.
 */
export const REPORT_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var text = $("filter-text"), state = $("filter-state"), stack = $("filter-stack");
  var sevs = Array.prototype.slice.call(document.querySelectorAll(".filter-severity"));
  var count = $("finding-count"), none = $("no-match");
  function apply() {
    var q = text.value.trim().toLowerCase(), st = state.value, sk = stack.value;
    var on = sevs.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.getAttribute("data-search").indexOf(q) >= 0) &&
        (!st || r.getAttribute("data-state") === st) &&
        (!sk || r.getAttribute("data-stack") === sk) &&
        on.indexOf(r.getAttribute("data-severity")) >= 0;
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === rows.length ? rows.length + " total" : shown + " of " + rows.length + " shown";
    none.hidden = shown > 0 || rows.length === 0;
    Array.prototype.forEach.call(document.querySelectorAll("svg.graph .node"), function (n) {
      n.classList.toggle("selected", !!sk && n.getAttribute("data-stack-unit") === sk);
    });
    Array.prototype.forEach.call(document.querySelectorAll("svg.graph .edge"), function (p) {
      p.classList.toggle("hot", !!sk && (p.getAttribute("data-from") === sk || p.getAttribute("data-to") === sk));
    });
    Array.prototype.forEach.call(document.querySelectorAll("details.stack"), function (d) {
      d.classList.toggle("highlight", !!sk && d.getAttribute("data-stack") === sk);
    });
  }
  function pick(unit) {
    stack.value = stack.value === unit ? "" : unit;
    apply();
    var d = $("stack-" + unit);
    if (d && stack.value) { d.open = true; }
  }
  [text, state, stack].forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  sevs.forEach(function (c) { c.addEventListener("change", apply); });
  $("filter-reset").addEventListener("click", function () {
    text.value = ""; state.value = ""; stack.value = ""; sevs.forEach(function (c) { c.checked = true; }); apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.control-filter"), function (b) {
    b.addEventListener("click", function () {
      text.value = b.getAttribute("data-filter"); state.value = ""; apply();
      $("findings-section").scrollIntoView();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("svg.graph .node"), function (n) {
    var unit = n.getAttribute("data-stack-unit");
    n.addEventListener("click", function () { pick(unit); });
    n.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(unit); } });
  });
  apply();
})();
`;
