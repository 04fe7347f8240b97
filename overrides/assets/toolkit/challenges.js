/* The challenges component's behaviour: marks on the listed challenges, challenges of the
 * user's own, and a live summary of the chosen ones by group, highest priority first.
 *
 * The static page is already the blank worksheet; this script fills it in, adds the editor
 * for own challenges, and keeps everything saved.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var t = toolkit.t;
  var el = toolkit.el;
  var PRIORITY_ORDER = ["high", "medium", "low", ""];
  var OWN_FIELDS = ["text", "group", "applies", "priority", "note"];

  function each(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }

  function priorityName(priority) {
    return t("challenges.priorities." + (priority || "none"));
  }

  // Only ever set the one mark shown, so marks on challenges the content dropped are kept.
  function setMark(id, field, value) {
    workbook.edit(function (wb) {
      var mark = wb.challenges.marks[id] || { applies: false, priority: "", note: "" };
      var next = { applies: mark.applies, priority: mark.priority, note: mark.note };
      next[field] = value;
      wb.challenges.marks[id] = next;
    });
  }

  // Changes to own challenges find their item by id, since another tab may have reordered them.
  function setOwn(id, field, value) {
    workbook.edit(function (wb) {
      wb.challenges.own.forEach(function (item) {
        if (item.id === id) item[field] = value;
      });
    });
  }

  function insertOwn(item, index) {
    workbook.edit(function (wb) {
      var own = wb.challenges.own.filter(function (other) {
        return other.id !== item.id;
      });
      own.splice(Math.min(index, own.length), 0, item);
      wb.challenges.own = own;
    });
  }

  function removeOwn(id) {
    workbook.edit(function (wb) {
      wb.challenges.own = wb.challenges.own.filter(function (item) {
        return item.id !== id;
      });
    });
  }

  function copyOf(item) {
    var copy = { id: item.id };
    OWN_FIELDS.forEach(function (field) {
      copy[field] = item[field];
    });
    return copy;
  }

  function setValue(field, value) {
    if (field.value !== value) field.value = value;
  }

  function startChallenges(root) {
    var content = toolkit.content.challenges;
    var ownList = root.querySelector("[data-own-list]");
    var ownNone = root.querySelector("[data-own-none]");
    var ownStatus = root.querySelector("[data-own-status]");
    var addButton = root.querySelector("[data-own-add]");
    var summary = root.querySelector("[data-challenge-summary]");
    var summaryCount = root.querySelector("[data-summary-count]");
    var summaryOutput = root.querySelector("[data-summary-output]");

    // ---- Own challenges: one fieldset each, rebuilt from the workbook --------------------

    function groupSelect(id, value) {
      var select = el("select", { class: "ct-select", id: id, autocomplete: "off", "data-own-field": "group" },
        [el("option", { value: "", text: t("challenges.own.no_group") })].concat(content.groups.map(function (group) {
          return el("option", { value: group.id, text: group.title });
        })));
      select.value = value || "";
      return select;
    }

    function prioritySelect(id, value) {
      var select = el("select", { class: "ct-select", id: id, autocomplete: "off", "data-own-field": "priority" },
        ["", "high", "medium", "low"].map(function (level) {
          return el("option", { value: level, text: priorityName(level) });
        }));
      select.value = value || "";
      return select;
    }

    function field(id, label, control) {
      return el("div", { class: "ct-field" }, [el("label", { class: "ct-label", for: id, text: label }), control]);
    }

    function ownItem(item, number) {
      var prefix = "own-" + item.id;
      return el("li", { class: "ct-challenge ct-own__item", "data-own": item.id }, el("fieldset", { class: "ct-challenge__box" }, [
        el("legend", { class: "ct-challenge__text", text: t("challenges.own.legend", { number: number }) }),
        field(prefix + "-text", t("challenges.own.text_label"),
          el("textarea", { class: "ct-textarea", id: prefix + "-text", rows: 2, autocomplete: "off", "data-own-field": "text", value: item.text || "" })),
        el("div", { class: "ct-challenge__controls" }, [
          el("label", { class: "ct-choice", for: prefix + "-applies" }, [
            el("input", { type: "checkbox", id: prefix + "-applies", "data-own-field": "applies", checked: item.applies }),
            " ",
            el("span", { text: t("challenges.applies") })
          ]),
          el("div", { class: "ct-field ct-field--inline" }, [
            el("label", { class: "ct-label", for: prefix + "-group", text: t("challenges.own.group_label") }),
            groupSelect(prefix + "-group", item.group)
          ]),
          el("div", { class: "ct-field ct-field--inline" }, [
            el("label", { class: "ct-label", for: prefix + "-priority", text: t("challenges.priority_label") }),
            prioritySelect(prefix + "-priority", item.priority)
          ])
        ]),
        field(prefix + "-note", t("challenges.note_label"),
          el("textarea", { class: "ct-textarea", id: prefix + "-note", rows: 2, autocomplete: "off", "data-own-field": "note", value: item.note || "" })),
        el("button", { type: "button", class: "md-button ct-button--warning", "data-own-remove": item.id,
          text: t("challenges.own.remove", { number: number }) })
      ]));
    }

    // Rebuilding would lose the caret of someone typing, so only rebuild when the list changed.
    function showOwn(own) {
      var shown = Array.prototype.map.call(ownList.children, function (item) {
        return item.getAttribute("data-own");
      });
      var wanted = own.map(function (item) {
        return item.id;
      });
      if (shown.join(" ") !== wanted.join(" ")) {
        while (ownList.firstChild) ownList.removeChild(ownList.firstChild);
        own.forEach(function (item, index) {
          ownList.appendChild(ownItem(item, index + 1));
        });
      } else {
        own.forEach(function (item, index) {
          var box = ownList.children[index];
          setValue(box.querySelector('[data-own-field="text"]'), item.text || "");
          setValue(box.querySelector('[data-own-field="note"]'), item.note || "");
          setValue(box.querySelector('[data-own-field="group"]'), item.group || "");
          setValue(box.querySelector('[data-own-field="priority"]'), item.priority || "");
          box.querySelector('[data-own-field="applies"]').checked = Boolean(item.applies);
        });
      }
      ownNone.hidden = own.length > 0;
    }

    function addOwn() {
      var item = { id: toolkit.newId("own"), text: "", group: "", applies: true, priority: "", note: "" };
      insertOwn(item, workbook.current().challenges.own.length);
      var own = workbook.current().challenges.own;
      showOwn(own);
      showSummary(workbook.current());
      ownStatus.textContent = t("challenges.own.added", { number: own.length });
      document.getElementById("own-" + item.id + "-text").focus();
    }

    // Removing needs no confirmation: an Undo button puts the challenge back where it was.
    function remove(id) {
      var own = workbook.current().challenges.own;
      var index = own.map(function (item) {
        return item.id;
      }).indexOf(id);
      if (index < 0) return;
      var removed = copyOf(own[index]);
      removeOwn(id);
      showOwn(workbook.current().challenges.own);
      showSummary(workbook.current());
      var undo = el("button", { type: "button", class: "md-button", text: t("challenges.own.undo") });
      undo.addEventListener("click", function () {
        insertOwn(removed, index);
        showOwn(workbook.current().challenges.own);
        showSummary(workbook.current());
        ownStatus.textContent = t("challenges.own.restored");
        document.getElementById("own-" + removed.id + "-text").focus();
      });
      while (ownStatus.firstChild) ownStatus.removeChild(ownStatus.firstChild);
      ownStatus.appendChild(el("p", {
        text: removed.text ? t("challenges.own.removed", { text: removed.text }) : t("challenges.own.removed_untitled")
      }));
      ownStatus.appendChild(undo);
      undo.focus();
    }

    // ---- Summary of the chosen challenges ---------------------------------------------------

    function chosen(wb) {
      var picked = [];
      content.challenges.forEach(function (challenge, order) {
        var mark = wb.challenges.marks[challenge.id];
        if (mark && mark.applies) {
          picked.push({ id: challenge.id, text: challenge.text, group: challenge.group, priority: mark.priority, order: order });
        }
      });
      wb.challenges.own.forEach(function (item, order) {
        if (item.applies) {
          picked.push({ id: item.id, text: item.text, own: true, group: item.group || "", priority: item.priority, order: content.challenges.length + order });
        }
      });
      return picked;
    }

    function showSummary(wb) {
      var picked = chosen(wb);
      var groups = content.groups.map(function (group) {
        return { id: group.id, title: group.title };
      }).concat([{ id: "", title: t("challenges.own.no_group") }]);
      while (summaryOutput.firstChild) summaryOutput.removeChild(summaryOutput.firstChild);
      var count = picked.length === 1 ? t("challenges.summary.count_one") : t("challenges.summary.count", { count: picked.length });
      if (summaryCount.textContent !== count) summaryCount.textContent = count;
      if (!picked.length) summaryOutput.appendChild(el("p", { text: t("challenges.summary.none") }));
      groups.forEach(function (group) {
        var inGroup = picked.filter(function (item) {
          return item.group === group.id || (group.id === "" && !groups.some(function (g) {
            return g.id && g.id === item.group;
          }));
        });
        if (!inGroup.length) return;
        inGroup.sort(function (a, b) {
          return PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.order - b.order;
        });
        summaryOutput.appendChild(el("h3", { class: "ct-summary__group", text: group.title }));
        summaryOutput.appendChild(el("ul", { class: "ct-summary__list", "data-summary-group": group.id || "none" },
          inGroup.map(function (item) {
            return el("li", { "data-summary-item": item.id, "data-priority": item.priority || "none" }, [
              el("span", { class: "ct-item-id", text: item.id }), " ",
              item.text || t("challenges.own.untitled"), " ",
              el("strong", { class: "ct-summary__priority", text: t("challenges.summary.priority", { priority: priorityName(item.priority) }) })
            ]);
          })));
      });
      summary.hidden = false;
    }

    // ---- Restore and listen ---------------------------------------------------------------

    function restore(wb) {
      each(root, "[data-challenge]", function (item) {
        var mark = wb.challenges.marks[item.getAttribute("data-challenge")] || {};
        item.querySelector("[data-mark-applies]").checked = Boolean(mark.applies);
        setValue(item.querySelector("[data-mark-priority]"), mark.priority || "");
        setValue(item.querySelector("[data-mark-note]"), mark.note || "");
      });
      showOwn(wb.challenges.own);
      showSummary(wb);
    }

    function onEdit(event) {
      var target = event.target;
      var listed = target.closest("[data-challenge]");
      var own = target.closest("[data-own]");
      if (listed) {
        var id = listed.getAttribute("data-challenge");
        if (target.hasAttribute("data-mark-applies")) setMark(id, "applies", target.checked);
        else if (target.hasAttribute("data-mark-priority")) setMark(id, "priority", target.value);
        else if (target.hasAttribute("data-mark-note")) setMark(id, "note", target.value);
        else return;
      } else if (own && target.hasAttribute("data-own-field")) {
        var name = target.getAttribute("data-own-field");
        setOwn(own.getAttribute("data-own"), name, name === "applies" ? target.checked : target.value);
      } else {
        return;
      }
      // The summary shows no notes: typing one need not redraw it at every key.
      var isNote = target.hasAttribute("data-mark-note") || target.getAttribute("data-own-field") === "note";
      if (!isNote) showSummary(workbook.current());
    }

    // Text is saved as it is typed; checkboxes and selects report once, on change.
    root.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") onEdit(event);
    });
    root.addEventListener("change", function (event) {
      if (event.target.tagName !== "TEXTAREA") onEdit(event);
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-own-remove]");
      if (button) remove(button.getAttribute("data-own-remove"));
    });
    addButton.addEventListener("click", addOwn);

    root.querySelector("[data-own-paper]").hidden = true;
    root.querySelector("[data-own-actions]").hidden = false;
    workbook.subscribe(function (wb, reason) {
      if (reason !== "saved") restore(wb);
    });
  }

  toolkit.startModules("ct-challenges", startChallenges);
})();
