/* The toolkit's shared browser helpers: UI strings, safe element building, ids.
 *
 * Everything a user types or opens is put into the page with textContent and
 * createElement, never as HTML: el() has no way to set innerHTML.
 */
(function () {
  "use strict";

  var content = window.CTToolkitContent;
  if (!content) {
    throw new Error("Counter-Trafficking Toolkit: content.js did not load; the worksheets cannot start.");
  }

  // A UI string by its dotted key ("workbook.status.saved"), with {placeholders} filled in.
  function t(key, values) {
    var value = key.split(".").reduce(function (node, part) {
      return node && typeof node === "object" ? node[part] : undefined;
    }, content.strings);
    if (typeof value !== "string") {
      throw new Error("Counter-Trafficking Toolkit: no UI string '" + key + "' in content/ui/.");
    }
    return value.replace(/\{(\w+)\}/g, function (match, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  // Build an element: el("p", {class: "x", "data-id": id}, ["text", otherElement]).
  // Strings become text nodes, so user text is always shown as typed and never run.
  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") element.textContent = value;
      else if (name === "value") element.value = value;
      else if (name === "checked") element.checked = Boolean(value);
      else element.setAttribute(name, value === true ? "" : String(value));
    });
    [].concat(children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  // A short random id for items users add (own challenges, SWOT items, objectives).
  function newId(prefix) {
    var bytes = new Uint8Array(6);
    window.crypto.getRandomValues(bytes);
    return prefix + "-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // A date with the month in words: 12/4/2026 reads as April in some countries and December
  // in others.
  function formatDate(date) {
    return date.toLocaleDateString(content.language, { year: "numeric", month: "long", day: "numeric" });
  }

  // Start a component on every element that names it in data-module (as GOV.UK Frontend does).
  function startModules(name, start) {
    var roots = document.querySelectorAll('[data-module="' + name + '"]');
    Array.prototype.forEach.call(roots, function (root) {
      start(root);
    });
  }

  window.CTToolkit = {
    content: content,
    t: t,
    el: el,
    newId: newId,
    formatDate: formatDate,
    startModules: startModules
  };
})();
