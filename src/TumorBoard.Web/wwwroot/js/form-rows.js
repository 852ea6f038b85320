// Repeating rows (lesions, prior radiotherapy courses, plan steps): "Add row" / "Remove row" without a round-trip.
// Progressive enhancement only: without this file the form shows spare blank rows and a "More rows" submit button that
// re-renders the form with more rows, keeping what was typed. Markup: a container [data-rows="Lesions"] (the list's
// property name in the field names "Input.Lesions[0].LevelFrom"), its rows [data-row], an optional [data-row-number]
// inside a row, and the no-JS [data-more-rows] button, which this script replaces. Rows are renumbered 0..n-1 after
// every change so the model binder reads a contiguous list.
// The words come from the container, rendered in the page's language: data-add-label ("Add a lesion row"),
// data-remove-label ("Remove row") and data-remove-row-label ("Remove row {0}", the button's accessible name, {0} the
// row's number); the English words below are only the fallback when an attribute is missing.
(function () {
  "use strict";

  function escape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function renumber(container) {
    var list = container.getAttribute("data-rows");
    var names = new RegExp("(" + escape(list) + ")\\[\\d+\\]", "g");
    var ids = new RegExp("(" + escape(list) + ")_\\d+__", "g");
    rows(container).forEach(function (row, i) {
      row.querySelectorAll("[name],[id],[for],[data-valmsg-for],[aria-describedby]").forEach(function (el) {
        ["name", "data-valmsg-for"].forEach(function (a) {
          if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replace(names, "$1[" + i + "]"));
        });
        ["id", "for", "aria-describedby"].forEach(function (a) {
          if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replace(ids, "$1_" + i + "__"));
        });
      });
      row.querySelectorAll("[data-row-number]").forEach(function (n) { n.textContent = String(i + 1); });
      var remove = row.querySelector("button[data-remove-row]");
      if (remove) remove.setAttribute("aria-label", removeRowLabel(container).replace("{0}", String(i + 1)));
    });
  }

  function removeLabel(container) { return container.getAttribute("data-remove-label") || "Remove row"; }
  function removeRowLabel(container) { return container.getAttribute("data-remove-row-label") || removeLabel(container) + " {0}"; }

  function rows(container) {
    return Array.prototype.filter.call(container.querySelectorAll("[data-row]"), function (r) {
      return r.closest("[data-rows]") === container;
    });
  }

  function clear(row) {
    row.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = false;
      else if (el.tagName === "SELECT") Array.prototype.forEach.call(el.options, function (o) { o.selected = false; });
      else if (el.type !== "hidden" || el.hasAttribute("data-row-clear")) el.value = "";
      el.removeAttribute("aria-invalid");
      el.classList.remove("input-validation-error");
    });
    row.querySelectorAll(".field-error").forEach(function (e) { e.textContent = ""; });
    row.querySelectorAll("[data-prefilled]").forEach(function (e) { e.remove(); });
    row.hidden = false;
  }

  // A row is blank when nothing is typed or chosen in it (hidden fields and [data-row-ignore], the order number, aside).
  function isBlank(row) {
    return Array.prototype.every.call(row.querySelectorAll("input, select, textarea"), function (el) {
      if (el.type === "hidden" || el.hasAttribute("data-row-ignore") || el.type === "button" || el.type === "submit") return true;
      if (el.type === "checkbox" || el.type === "radio") return !el.checked;
      if (el.tagName === "SELECT") return el.selectedOptions.length === 0 || (el.selectedOptions.length === 1 && el.value === "");
      return el.value === "";
    });
  }

  function addRemoveButton(container, row) {
    if (row.querySelector("button[data-remove-row]")) return;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "btn secondary small row-remove";
    remove.textContent = removeLabel(container);
    remove.setAttribute("data-remove-row", "");
    remove.addEventListener("click", function () {
      var all = rows(container);
      if (all.length > 1) {
        var next = all[all.indexOf(row) + 1] || all[all.indexOf(row) - 1];
        row.remove();
        renumber(container);
        var focus = next && next.querySelector("select, input:not([type=hidden]), textarea");
        if (focus) focus.focus();
      } else clear(row);
      container.dispatchEvent(new CustomEvent("rows-changed", { bubbles: true }));
    });
    row.appendChild(remove);
  }

  document.querySelectorAll("[data-rows]").forEach(function (container) {
    var label = container.getAttribute("data-add-label") || "Add row";
    rows(container).forEach(function (row) { addRemoveButton(container, row); });
    renumber(container);   // names each "Remove row n" button
    // One blank row stays in view; the server's other spare rows wait behind "Add row".
    var firstBlank = true;
    rows(container).forEach(function (row) {
      if (!isBlank(row)) return;
      if (firstBlank) { firstBlank = false; return; }
      row.hidden = true;
    });
    var add = document.createElement("button");
    add.type = "button";
    add.className = "btn secondary small";
    add.textContent = label;
    add.setAttribute("data-add-row", "");
    add.addEventListener("click", function () {
      var all = rows(container);
      var waiting = all.filter(function (r) { return r.hidden; })[0];
      if (waiting) {
        waiting.hidden = false;
        var focus = waiting.querySelector("select, input:not([type=hidden]), textarea");
        if (focus) focus.focus();
        return;
      }
      var last = all[all.length - 1];
      var copy = last.cloneNode(true);
      copy.querySelectorAll("button[data-remove-row]").forEach(function (b) { b.remove(); });
      clear(copy);
      last.parentNode.insertBefore(copy, last.nextSibling);
      addRemoveButton(container, copy);
      renumber(container);
      container.dispatchEvent(new CustomEvent("rows-changed", { bubbles: true, detail: { row: copy } }));
      var first = copy.querySelector("select, input:not([type=hidden]), textarea");
      if (first) first.focus();
    });
    var more = container.parentNode.querySelector("[data-more-rows][value='" + container.getAttribute("data-rows") + "']");
    if (more) { more.hidden = true; more.parentNode.insertBefore(add, more); }
    else container.parentNode.insertBefore(add, container.nextSibling);
  });
})();
