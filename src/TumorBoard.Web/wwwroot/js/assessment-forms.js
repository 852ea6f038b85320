// Assessment forms: progressive enhancement only; the forms work without this file.
// 1. Each lesion row [data-sins-lesion] shows its SINS total and category as the components change, before saving:
//    the page's ?handler=Sins sends the calculator query (nothing is stored) and returns one line.
//    Each component's points and the ESCC category come back too and are shown next to their inputs [data-points].
// 2. The medical oncology form shows the revised Tokuhashi and Tomita totals and each component's points as the inputs
//    [data-prognosis] change: ?handler=Prognosis sends the two calculators' queries (nothing is stored).
// 3. The radiation oncology form shows the effective radiosensitivity, the dose per fraction, the prior courses at the
//    target levels and the evaluation's warnings as its inputs [data-radiotherapy] change: ?handler=Radiotherapy.
// 4. A lesion row added by form-rows.js starts without the copied row's points and line.
// 5. A common radiotherapy schedule [data-schedule] fills the dose and fraction inputs.
// One rule source: every number comes from the server's calculators; without this file the saved scores stay.
(function () {
  "use strict";
  var form = document.querySelector("form[data-assessment-form]");
  if (!form) return;

  // Moves the points the server computed ([data-points-of] carriers in its answer) next to their inputs in scope.
  function placePoints(scope, answer) {
    answer.querySelectorAll("[data-points-of]").forEach(function (carrier) {
      var mark = scope.querySelector('[data-points="' + carrier.getAttribute("data-points-of") + '"]');
      if (mark) mark.textContent = carrier.textContent;
      carrier.remove();
    });
  }

  function fetchPart(params, then) {
    var mine = (form._request = (form._request || 0) + 1);
    // The live parts come in the page's language (html lang is the request's culture, also when chosen by ?culture=).
    if (document.documentElement.lang) params.set("culture", document.documentElement.lang);
    return fetch(window.location.pathname + "?" + params.toString(), { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || html.indexOf("<main") >= 0) return;
        then(new DOMParser().parseFromString(html, "text/html"), mine);
      })
      .catch(function () { /* the scores still appear after saving */ });
  }

  var prognosisTimer = 0;
  function refreshPrognosis() {
    var output = form.querySelector("[data-prognosis-output]");
    if (!output || !window.fetch) return;
    var params = new URLSearchParams();
    params.set("handler", "Prognosis");
    form.querySelectorAll("[data-prognosis]").forEach(function (el) {
      if (el.value) params.set(el.getAttribute("data-prognosis"), el.value);
    });
    var request = (output._request = (output._request || 0) + 1);
    fetchPart(params, function (doc) {
      if (request !== output._request) return;
      placePoints(form, doc.body);
      output.replaceChildren.apply(output, Array.prototype.slice.call(doc.body.childNodes));
    });
  }

  var radiotherapyTimer = 0;
  function refreshRadiotherapy() {
    var output = form.querySelector("[data-radiotherapy-output]");
    if (!output || !window.fetch) return;
    var params = new URLSearchParams();
    params.set("handler", "Radiotherapy");
    form.querySelectorAll("[data-radiotherapy]").forEach(function (el) {
      if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { params.append(el.name, o.value); });
      } else if (el.value) params.set(el.name, el.value);
    });
    var request = (output._request = (output._request || 0) + 1);
    fetchPart(params, function (doc) {
      if (request !== output._request) return;
      placePoints(form, doc.body);
      output.replaceChildren.apply(output, Array.prototype.slice.call(doc.body.childNodes));
    });
  }

  form.addEventListener("input", function (e) {
    if (e.target instanceof HTMLInputElement && e.target.hasAttribute("data-prognosis")) {
      window.clearTimeout(prognosisTimer);
      prognosisTimer = window.setTimeout(refreshPrognosis, 300);
    }
    if (e.target instanceof HTMLInputElement && e.target.hasAttribute("data-radiotherapy")) {
      window.clearTimeout(radiotherapyTimer);
      radiotherapyTimer = window.setTimeout(refreshRadiotherapy, 300);
    }
  });

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
        placePoints(row, doc.body);
        output.replaceChildren.apply(output, Array.prototype.slice.call(doc.body.childNodes));
      })
      .catch(function () { /* the total still appears after saving */ });
  }

  // A lesion row added by form-rows.js is a copy of the last one: its points and SINS line belong to the original.
  form.addEventListener("rows-changed", function (e) {
    var row = e.detail && e.detail.row;
    if (!row || !row.hasAttribute("data-sins-lesion")) return;
    row.querySelectorAll("[data-points]").forEach(function (mark) { mark.textContent = ""; });
    var output = row.querySelector("[data-sins-output]");
    // The words come from the server in the page's language (data-empty-text on the row's output).
    if (output) output.textContent = output.getAttribute("data-empty-text") || "";
  });

  form.addEventListener("change", function (e) {
    var el = e.target;
    if (el.hasAttribute && el.hasAttribute("data-prognosis")) refreshPrognosis();
    if (el.hasAttribute && el.hasAttribute("data-radiotherapy")) refreshRadiotherapy();
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
      refreshRadiotherapy();
    }
  });
})();
