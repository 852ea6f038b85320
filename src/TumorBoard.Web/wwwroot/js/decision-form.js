// The decision form (Pages/Decisions): progressive enhancement only; without this file every field shows and works.
// - Sections that do not apply to the chosen outcome are hidden and disabled (so they are not posted).
// - Dose and fractions show for radiotherapy steps (or when they hold a value).
// - Step rows are added and removed by form-rows.js (without it: spare rows and a "More step rows" button).
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

  function wire(row) {
    showDose(row);
    var kind = row.querySelector("select[data-step-kind]");
    if (kind) kind.addEventListener("change", function () { showDose(row); });
  }

  form.querySelectorAll("[data-plan-step]").forEach(wire);
  // A row added by form-rows.js is a copy of the last one: wire its kind select and hide its dose fields again.
  form.addEventListener("rows-changed", function (e) { if (e.detail && e.detail.row) wire(e.detail.row); });

  form.querySelectorAll("input[data-outcome]").forEach(function (radio) {
    radio.addEventListener("change", showOutcomeSections);
  });
  showOutcomeSections();
})();
