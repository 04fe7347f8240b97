/* Printing: every answer printed whole, and a footer with the date and version on each page.
 *
 * A text area prints only the lines its box shows, so each answer field gets a print-only copy
 * of its value in an ordinary element that grows with its text (print.css hides the field and
 * shows the copy). The copies are kept current as users type and whenever a worksheet re-renders
 * from the workbook: page.pdf() and some print paths fire no beforeprint event, so waiting for
 * one is not enough.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var FIELDS = ".md-content textarea, .md-content select, .md-content input:not([type]), " +
    ".md-content input[type=text], .md-content input[type=email], .md-content input[type=tel], " +
    ".md-content input[type=url], .md-content input[type=number], .md-content input[type=date]";
  var COPY_CLASS = "ct-print-copy";

  function valueOf(field) {
    if (field.tagName === "SELECT") {
      var option = field.options[field.selectedIndex];
      return option && field.value ? option.text : "";
    }
    return field.value;
  }

  function copyFor(field) {
    var copy = field.nextElementSibling;
    if (copy && copy.classList.contains(COPY_CLASS)) return copy;
    copy = toolkit.el("div", {
      class: COPY_CLASS + " " + COPY_CLASS + "--" + (field.tagName === "TEXTAREA" ? "text" : "line"),
      "aria-hidden": "true"
    });
    // An empty field prints as a box with room to write the answer by hand.
    if (field.tagName === "TEXTAREA") copy.style.setProperty("--ct-lines", String(Math.max(field.rows || 0, 3)));
    field.parentNode.insertBefore(copy, field.nextSibling);
    field.classList.add("ct-print-source");
    return copy;
  }

  function sync(field) {
    var copy = copyFor(field);
    var value = valueOf(field);
    if (copy.textContent !== value) copy.textContent = value;
  }

  // A worksheet that re-renders may leave a copy behind its field; such a copy would print stale text.
  function removeStrayCopies() {
    Array.prototype.forEach.call(document.querySelectorAll("." + COPY_CLASS), function (copy) {
      var field = copy.previousElementSibling;
      if (!field || !field.matches(FIELDS)) copy.parentNode.removeChild(copy);
    });
  }

  function syncAll() {
    removeStrayCopies();
    Array.prototype.forEach.call(document.querySelectorAll(FIELDS), sync);
  }

  function bringsFields(node) {
    return node.nodeType === 1 && (node.matches(FIELDS) || node.querySelector(FIELDS) !== null);
  }

  function onFieldChange(event) {
    if (event.target.matches && event.target.matches(FIELDS)) sync(event.target);
  }

  // The footer is a CSS string in a page-margin box (print.css), so it repeats on every page
  // and never covers the answers; JSON quoting is also valid CSS string quoting here.
  function addFooter() {
    var text = toolkit.t("print.footer", { date: toolkit.formatDate(new Date()), version: toolkit.content.version });
    document.documentElement.style.setProperty("--ct-print-footer", JSON.stringify(text));
  }

  var scheduled = false;
  function syncSoon() {
    if (scheduled) return;
    scheduled = true;
    window.setTimeout(function () {
      scheduled = false;
      syncAll();
    }, 0);
  }

  document.addEventListener("input", onFieldChange);
  document.addEventListener("change", onFieldChange);
  window.addEventListener("beforeprint", function () {
    addFooter();
    syncAll();
  });

  // Worksheets add fields as users add items (SWOT, SMART): give those a copy too. Other
  // additions (text redrawn as users type, announcements, the copies themselves) need none,
  // and copying every field of a long workbook at each key would slow typing down.
  if (window.MutationObserver) {
    var content = document.querySelector(".md-content");
    if (content) {
      new MutationObserver(function (mutations) {
        var added = mutations.some(function (mutation) {
          return Array.prototype.some.call(mutation.addedNodes, bringsFields);
        });
        if (added) syncSoon();
      }).observe(content, { childList: true, subtree: true });
    }
  }

  addFooter();
  // Loaded last, so this runs after each worksheet has restored its answers from the workbook.
  // The copies are made just after the page shows, not before: they matter only on paper, and
  // a long workbook appears sooner without them (beforeprint also makes them, for Ctrl+P at
  // once). An autosave needs no copying: the input and change handlers copied that field.
  toolkit.workbook.subscribe(function (wb, reason) {
    if (reason !== "saved") syncSoon();
  });
  // Firefox and Chromium may restore typed values after load (bfcache, form restore).
  window.addEventListener("pageshow", syncAll);
})();
