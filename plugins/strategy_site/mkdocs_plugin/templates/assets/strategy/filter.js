// Filters the list of inputs by sender, section and decision, in the browser: no server.
// An input none of whose items is shown is hidden whole (its heading too). An item that
// the address points to (#...) is opened. Without JavaScript the filter stays hidden,
// every input is shown and each item opens with its summary.
(function () {
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.querySelector("details");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var form = document.querySelector("form.st-input-filter");
  if (!form) return;
  var selects = form.querySelectorAll("select[data-filter]");
  var items = document.querySelectorAll("li.st-input-item");
  var lists = document.querySelectorAll("ol.st-inputs[data-group]");
  var status = document.createElement("p");
  status.className = "st-input-filter__status";
  status.setAttribute("role", "status");
  form.appendChild(status);
  function matches(item, select) {
    var wanted = select.value;
    if (!wanted) return true;
    var value = item.getAttribute("data-" + select.dataset.filter) || "";
    if (select.dataset.filter === "sender") return JSON.parse(value || "[]").indexOf(wanted) >= 0;
    return value === wanted;
  }
  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var visible = Array.prototype.every.call(selects, function (select) { return matches(item, select); });
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    lists.forEach(function (list) {
      var empty = !list.querySelector("li.st-input-item:not([hidden])");
      document.querySelectorAll('[data-group="' + list.dataset.group + '"]').forEach(function (part) {
        part.hidden = empty;
      });
    });
    var template = document.documentElement.lang === "sv" ? "Visar {n} av {all}" : "Showing {n} of {all}";
    status.textContent = template.replace("{n}", shown).replace("{all}", items.length);
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
