// Score calculators: recompute as fields change. The pages work without this file (plain GET forms).
// It requests the page itself with the form's query (cookie-authenticated; the API would need a token)
// and swaps in the fresh result block and field messages.
(function () {
  "use strict";
  var form = document.querySelector("form[data-score-form]");
  var target = document.getElementById("score-result");
  if (!form || !target || !window.fetch || !window.DOMParser) return;
  var timer = 0, latest = 0;

  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    // The result comes in the page's language (html lang is the request's culture, also when chosen by ?culture=).
    if (document.documentElement.lang) params.set("culture", document.documentElement.lang);
    var query = params.toString();
    var url = window.location.pathname + "?" + query;
    var mine = ++latest;
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== latest) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("score-result");
        if (fresh) target.innerHTML = fresh.innerHTML;
        form.querySelectorAll("[data-valmsg-for]").forEach(function (span) {
          var name = span.getAttribute("data-valmsg-for");
          var other = doc.querySelector('[data-valmsg-for="' + name + '"]');
          if (!other) return;
          span.className = other.className;
          span.textContent = other.textContent;
          var field = form.elements.namedItem(name);
          if (field && field.setAttribute) {
            if (other.className.indexOf("field-validation-error") >= 0) field.setAttribute("aria-invalid", "true");
            else field.removeAttribute("aria-invalid");
          }
        });
        window.history.replaceState(null, "", url);
      })
      .catch(function () { /* the Calculate button still works */ });
  }

  form.addEventListener("change", refresh);
  form.addEventListener("input", function (e) {
    if (e.target instanceof HTMLInputElement) {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 300);
    }
  });
})();
