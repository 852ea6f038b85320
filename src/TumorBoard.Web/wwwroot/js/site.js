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
  // Warn before leaving an edit form with unsaved changes: <form data-unsaved>. Sending the form is not leaving it.
  var dirty = new Set();
  function markDirty(e) {
    var form = e.target && e.target.form;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-unsaved")) dirty.add(form);
  }
  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  document.addEventListener("submit", function (e) {
    if (!e.defaultPrevented) dirty.clear();
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty.size === 0) return;
    e.preventDefault();
    e.returnValue = "";   // older browsers show their own "leave site?" text only when this is set
  });
  // A list of several choices (target levels) opens at its first chosen entry, not at the top of the list.
  document.querySelectorAll("select[multiple]").forEach(function (list) {
    var chosen = list.selectedIndex;
    if (chosen < 0 || list.options.length === 0) return;
    var row = list.scrollHeight / list.options.length;
    list.scrollTop = Math.max(0, chosen * row - (list.clientHeight - row) / 2);
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
