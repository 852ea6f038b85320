// The decision form (Pages/Decisions): progressive enhancement only; without this file every field shows and works.
// - Sections that do not apply to the chosen outcome are hidden and disabled (so they are not posted).
// - Dose and fractions show for radiotherapy steps (or when they hold a value).
// - Spare blank step rows after the first blank one are hidden behind an "Add a step" button.
(function () {
  "use strict";
  var form = document.querySelector("[data-decision-form]");
  if (!form) return;
  var radiotherapy = ["ConventionalEbrt", "SbrtSrs"];

  function outcome() {
    var checked = form.querySelector("input[data-outcome]:checked");
    return checked ? checked.value : "";
  }

  function showOutcomeSections() {
    var chosen = outcome();
    form.querySelectorAll("[data-when-outcome]").forEach(function (section) {
      var applies = section.getAttribute("data-when-outcome").split(" ").indexOf(chosen) >= 0;
      section.hidden = !applies;
      section.disabled = !applies;
    });
  }

  function showDose(row) {
    var kind = row.querySelector("select[data-step-kind]");
    var isRt = kind && radiotherapy.indexOf(kind.value) >= 0;
    row.querySelectorAll("[data-radiotherapy]").forEach(function (field) {
      var input = field.querySelector("input");
      var show = isRt || (input && input.value !== "");
      field.hidden = !show;
      if (input) input.disabled = !show;
    });
  }

  function isBlank(row) {
    var blank = true;
    row.querySelectorAll("input:not([type=hidden]), select").forEach(function (el) {
      if (el.type === "number" && el.name.endsWith(".Position")) return;
      if (el.tagName === "SELECT" && el.multiple) { if (el.selectedOptions.length > 0) blank = false; }
      else if (el.value !== "") blank = false;
    });
    return blank;
  }

  var rows = Array.prototype.slice.call(form.querySelectorAll("[data-plan-step]"));
  rows.forEach(function (row) {
    showDose(row);
    var kind = row.querySelector("select[data-step-kind]");
    if (kind) kind.addEventListener("change", function () { showDose(row); });
  });

  // Keep the first blank row visible; hide the rest until asked for.
  var firstBlank = true;
  var hiddenRows = [];
  rows.forEach(function (row) {
    if (!isBlank(row)) return;
    if (firstBlank) { firstBlank = false; return; }
    row.hidden = true;
    hiddenRows.push(row);
  });
  if (hiddenRows.length > 0) {
    var add = document.createElement("button");
    add.type = "button";
    add.className = "btn secondary small";
    add.textContent = "Add a step";
    add.addEventListener("click", function () {
      var next = hiddenRows.shift();
      if (next) {
        next.hidden = false;
        var first = next.querySelector("select, input");
        if (first) first.focus();
      }
      if (hiddenRows.length === 0) add.remove();
    });
    var last = rows[rows.length - 1];
    last.parentNode.insertBefore(add, last.nextSibling);
  }

  form.querySelectorAll("input[data-outcome]").forEach(function (radio) {
    radio.addEventListener("change", showOutcomeSections);
  });
  showOutcomeSections();
})();
