// Assessment forms: progressive enhancement only; the forms work without this file.
// 1. Each lesion row [data-sins-lesion] shows its SINS total and category as the components change, before saving:
//    the page's ?handler=Sins sends the calculator query (nothing is stored) and returns one line.
// 2. A common radiotherapy schedule [data-schedule] fills the dose and fraction inputs.
(function () {
  "use strict";
  var form = document.querySelector("form[data-assessment-form]");
  if (!form) return;

  function refreshSins(row) {
    if (!window.fetch) return;
    var output = row.querySelector("[data-sins-output]");
    var params = new URLSearchParams();
    params.set("handler", "Sins");
    row.querySelectorAll("[data-sins]").forEach(function (select) {
      if (select.value) params.set(select.getAttribute("data-sins"), select.value);
    });
    var mine = (row._sinsRequest = (row._sinsRequest || 0) + 1);
    fetch(window.location.pathname + "?" + params.toString(), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== row._sinsRequest || html.indexOf("<main") >= 0) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        output.replaceChildren.apply(output, Array.prototype.slice.call(doc.body.childNodes));
      })
      .catch(function () { /* the total still appears after saving */ });
  }

  form.addEventListener("change", function (e) {
    var el = e.target;
    if (!(el instanceof HTMLSelectElement)) return;
    if (el.hasAttribute("data-sins")) {
      var row = el.closest("[data-sins-lesion]");
      if (row) refreshSins(row);
    }
    if (el.hasAttribute("data-schedule")) {
      var option = el.selectedOptions[0];
      if (!option || !option.value) return;
      var dose = form.querySelector("[data-dose-input]");
      var fractions = form.querySelector("[data-fractions-input]");
      if (dose) dose.value = option.getAttribute("data-dose");
      if (fractions) fractions.value = option.getAttribute("data-fractions");
    }
  });
})();
