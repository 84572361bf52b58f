/**
 * The report's script, inlined: filters the findings (text, state, stack, severity) and the
 * resource operations (stack, operation), links the graph to them — clicking a stack filters
 * to it and opens its inventory — and makes the count cards filters (a card shows only what it
 * counts; clicking it again shows everything); clicking a framework control filters the findings
 * to the findings against that control. Plain ES2017 with no library, so the page works
 * from a file on any machine.
 */
export const REPORT_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var text = $("filter-text"), state = $("filter-state"), stack = $("filter-stack");
  var sevs = Array.prototype.slice.call(document.querySelectorAll(".filter-severity"));
  var count = $("finding-count"), none = $("no-match");
  var ops = Array.prototype.slice.call(document.querySelectorAll("tr.op"));
  var cards = Array.prototype.slice.call(document.querySelectorAll("button.card"));
  var opFilter = "", stackFilter = "";
  function applyOps(sk) {
    var shown = 0;
    ops.forEach(function (r) {
      var ok = (!sk || r.getAttribute("data-stack") === sk) && (!opFilter || r.getAttribute("data-op") === opFilter);
      r.hidden = !ok;
      if (ok) shown++;
    });
    var noOp = $("no-op-match");
    if (noOp) noOp.hidden = shown > 0 || ops.length === 0;
    Array.prototype.forEach.call(document.querySelectorAll("details.stack"), function (d) {
      var st = d.querySelector(".status-text");
      var text = st ? st.textContent : "";
      var failing = /failed|skipped|cancelled|policy violation/.test(text);
      var drifted = /drifted/.test(text);
      d.hidden = (stackFilter === "failing" && !failing) || (stackFilter === "drifted" && !drifted);
    });
  }
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
    applyOps(sk);
    cards.forEach(function (c) {
      var on = (c.hasAttribute("data-filter-state") && state.value === c.getAttribute("data-filter-state")) ||
        (c.hasAttribute("data-filter-op") && opFilter === c.getAttribute("data-filter-op")) ||
        (c.hasAttribute("data-filter-stacks") && stackFilter === c.getAttribute("data-filter-stacks"));
      c.classList.toggle("active", on);
    });
  }
  cards.forEach(function (c) {
    c.addEventListener("click", function () {
      if (c.hasAttribute("data-filter-state")) {
        var v = c.getAttribute("data-filter-state");
        state.value = state.value === v ? "" : v;
        var target = $("findings-section");
        if (state.value && target && target.scrollIntoView) target.scrollIntoView();
      } else if (c.hasAttribute("data-filter-op")) {
        var o = c.getAttribute("data-filter-op");
        opFilter = opFilter === o ? "" : o;
        var list = $("operations");
        if (opFilter && list && list.scrollIntoView) list.scrollIntoView();
      } else if (c.hasAttribute("data-filter-stacks")) {
        var k = c.getAttribute("data-filter-stacks");
        stackFilter = stackFilter === k ? "" : k;
      }
      apply();
    });
  });
  function pick(unit) {
    stack.value = stack.value === unit ? "" : unit;
    apply();
    var d = $("stack-" + unit);
    if (d && stack.value) { d.open = true; }
  }
  [text, state, stack].forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  sevs.forEach(function (c) { c.addEventListener("change", apply); });
  $("filter-reset").addEventListener("click", function () {
    text.value = ""; state.value = ""; stack.value = ""; opFilter = ""; stackFilter = "";
    sevs.forEach(function (c) { c.checked = true; }); apply();
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
