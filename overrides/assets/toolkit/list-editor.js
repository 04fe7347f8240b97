/* Shared list editor (add, edit, remove, move) for the SWOT and SMART worksheets.
 *
 * Two halves. The list operations change a workbook list by item id, so that
 * CTToolkit.workbook can re-apply them to a fresh read of storage (another tab may have
 * saved in between) without undoing that tab's work. The page helpers build the item buttons,
 * keep keyboard focus on a sensible control after a change, and announce the change.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var el = toolkit.el;
  var t = toolkit.t;

  // ---- List operations (by id, safe to re-apply) ----------------------------------------

  function indexOf(list, id) {
    for (var i = 0; i < list.length; i += 1) {
      if (list[i] && list[i].id === id) return i;
    }
    return -1;
  }

  function addItem(list, item) {
    if (indexOf(list, item.id) < 0) list.push(JSON.parse(JSON.stringify(item)));
  }

  function removeItem(list, id) {
    var index = indexOf(list, id);
    if (index >= 0) list.splice(index, 1);
  }

  function moveItem(list, id, step) {
    var from = indexOf(list, id);
    var to = from + step;
    if (from < 0 || to < 0 || to >= list.length) return;
    var item = list.splice(from, 1)[0];
    list.splice(to, 0, item);
  }

  function setField(list, id, field, value) {
    var index = indexOf(list, id);
    if (index >= 0) list[index][field] = value;
  }

  // ---- Page helpers ----------------------------------------------------------------------

  // A polite live region for one worksheet; a message is replaced, never queued up.
  function announcer(root) {
    var region = el("p", { class: "ct-visually-hidden", role: "status", "aria-live": "polite" });
    root.appendChild(region);
    return function announce(message) {
      // Emptying first makes screen readers read a message equal to the previous one again.
      region.textContent = "";
      window.setTimeout(function () {
        region.textContent = message;
      }, 50);
    };
  }

  // The Up, Down and Remove buttons of one item. `name` is how the item is spoken of
  // ("'Strong judiciary'"); `strings` is the worksheet's group of list labels
  // ("swot.list"); `on` has up, down and remove handlers.
  function itemButtons(strings, name, index, count, on) {
    function button(action, text, label, disabled, handler) {
      var node = el("button", {
        type: "button",
        class: "md-button ct-list__button ct-list__button--" + action,
        "aria-label": label,
        "data-action": action,
        "aria-disabled": disabled ? "true" : null
      }, [text]);
      node.addEventListener("click", function () {
        if (node.getAttribute("aria-disabled") !== "true") handler();
      });
      return node;
    }
    // aria-disabled rather than disabled, so that focus can stay on a button at the edge.
    return el("div", { class: "ct-list__buttons" }, [
      button("up", t(strings + ".up"), t(strings + ".move_up", { name: name }), index === 0, on.up),
      button("down", t(strings + ".down"), t(strings + ".move_down", { name: name }), index === count - 1, on.down),
      button("remove", t(strings + ".remove"), t(strings + ".remove_named", { name: name }), false, on.remove)
    ]);
  }

  // Keep an item's button names in step with its text as it is typed.
  function renameButtons(row, strings, name) {
    var keys = { up: "move_up", down: "move_down", remove: "remove_named" };
    Object.keys(keys).forEach(function (action) {
      var button = row.querySelector('.ct-list__buttons [data-action="' + action + '"]');
      if (button) button.setAttribute("aria-label", t(strings + "." + keys[action], { name: name }));
    });
  }

  // How an item is named in buttons and announcements: its text, or its place in the list.
  function itemName(text, fallback) {
    var trimmed = (text || "").trim();
    if (!trimmed) return fallback;
    return "\u2018" + (trimmed.length > 60 ? trimmed.slice(0, 57) + "\u2026" : trimmed) + "\u2019";
  }

  function focus(node) {
    if (node) node.focus();
  }

  // Run `redraw` (which rebuilds controls) and put focus and the caret back where they were, on
  // the control with the same id. A worksheet redraws when another tab saved, possibly while the
  // user is in mid-sentence; focus would otherwise drop to the page itself.
  function keepingFocus(redraw) {
    var active = document.activeElement;
    var id = active && active !== document.body ? active.id : "";
    var selection = null;
    try {
      // Null, or a throw in older browsers, on controls that have no caret (checkboxes, selects).
      if (active && typeof active.selectionStart === "number") {
        selection = [active.selectionStart, active.selectionEnd, active.selectionDirection || "none"];
      }
    } catch (noCaret) {
      selection = null;
    }
    redraw();
    if (!id) return;
    var again = document.getElementById(id);
    if (!again || again === document.activeElement) return;
    again.focus({ preventScroll: true });
    if (selection && typeof again.setSelectionRange === "function") {
      try {
        again.setSelectionRange(selection[0], selection[1], selection[2]);
      } catch (noCaretNow) {
        /* The control with this id no longer takes a caret; focus is enough. */
      }
    }
  }

  toolkit.listEditor = {
    indexOf: indexOf,
    addItem: addItem,
    removeItem: removeItem,
    moveItem: moveItem,
    setField: setField,
    announcer: announcer,
    itemButtons: itemButtons,
    renameButtons: renameButtons,
    itemName: itemName,
    focus: focus,
    keepingFocus: keepingFocus
  };
})();
