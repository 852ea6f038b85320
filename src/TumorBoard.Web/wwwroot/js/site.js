// TumorBoard progressive enhancement. Every page works without this file.
(function () {
  "use strict";
  // Confirm destructive actions: <form data-confirm="...">.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
    }
  });
  // Auto-submit filter forms when a select changes: <form data-autosubmit>.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el instanceof HTMLSelectElement && el.form && el.form.hasAttribute("data-autosubmit")) {
      el.form.requestSubmit();
    }
  });
  // Print buttons: <button data-print>.
  document.addEventListener("click", function (e) {
    var el = e.target;
    if (el instanceof Element && el.closest("[data-print]")) window.print();
  });
  // Mark fields that carry an error message as invalid for assistive technology.
  document.querySelectorAll(".field-validation-error").forEach(function (msg) {
    var name = msg.getAttribute("data-valmsg-for");
    if (!name) return;
    var field = document.getElementsByName(name)[0];
    if (field) {
      field.setAttribute("aria-invalid", "true");
      if (!msg.id) msg.id = "err-" + name.replace(/[^A-Za-z0-9_-]/g, "-");
      field.setAttribute("aria-describedby", msg.id);
    }
  });
})();
