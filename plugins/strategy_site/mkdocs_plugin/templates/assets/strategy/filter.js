// Filters the list of inputs by section and decision, in the browser: no server.
// Without JavaScript the filter stays hidden and every input is shown.
(function () {
  var form = document.querySelector("form.st-input-filter");
  if (!form) return;
  var selects = form.querySelectorAll("select[data-filter]");
  var items = document.querySelectorAll("li.st-input-item");
  var status = document.createElement("p");
  status.className = "st-input-filter__status";
  status.setAttribute("role", "status");
  form.appendChild(status);
  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var visible = true;
      selects.forEach(function (select) {
        var wanted = select.value;
        if (wanted && item.getAttribute("data-" + select.dataset.filter) !== wanted) visible = false;
      });
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    var template = document.documentElement.lang === "sv" ? "Visar {n} av {all}" : "Showing {n} of {all}";
    status.textContent = template.replace("{n}", shown).replace("{all}", items.length);
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
