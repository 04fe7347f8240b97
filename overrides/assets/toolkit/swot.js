/* The SWOT worksheet: analysis objectives, the four lists, policy elements linked to the
 * items that lead to them, and available resources.
 *
 * Every list is drawn again from the workbook after each change, and focus is then put back
 * on the control that matches what the user just did (see focusAfter*), so that keyboard and
 * screen reader users never land at the top of the page.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var lists = toolkit.listEditor;
  var t = toolkit.t;
  var el = toolkit.el;
  var QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"];
  var TEXT_LISTS = ["objectives"].concat(QUADRANTS, ["resources"]);

  function itemLabel(list, index) {
    return t("swot.lists." + list + ".item", { number: index + 1 });
  }

  function nameOf(list, item, index) {
    return lists.itemName(item.text, itemLabel(list, index));
  }

  // The challenges marked as applying, from the content's list and the user's own.
  function applyingChallenges(wb) {
    var marks = wb.challenges.marks || {};
    var found = ((toolkit.content.challenges || {}).challenges || [])
      .filter(function (challenge) {
        return marks[challenge.id] && marks[challenge.id].applies === true;
      })
      .map(function (challenge) {
        return { id: challenge.id, text: challenge.text };
      });
    (wb.challenges.own || []).forEach(function (own) {
      if (own.applies === true) found.push({ id: own.id, text: own.text || "" });
    });
    return found;
  }

  function challengesInSwot(wb) {
    var used = {};
    QUADRANTS.forEach(function (list) {
      wb.swot[list].forEach(function (item) {
        if (item.challenge) used[item.challenge] = true;
      });
    });
    return used;
  }

  // The worked example of content/swot.yml as SWOT lists; `from: strengths-3` names the third strength.
  function workedExample() {
    var example = toolkit.content.swot.worked_example;
    var swot = { policyElements: [] };
    var idsByRef = {};
    TEXT_LISTS.forEach(function (list) {
      swot[list] = (example[list] || []).map(function (text, index) {
        var id = toolkit.newId("s");
        idsByRef[list + "-" + (index + 1)] = id;
        return { id: id, text: text };
      });
    });
    swot.policyElements = (example.policy_elements || []).map(function (element) {
      return {
        id: toolkit.newId("p"),
        text: element.text,
        links: (element.from || []).map(function (ref) {
          return idsByRef[ref];
        }).filter(Boolean)
      };
    });
    return swot;
  }

  function swotHasAnswers(wb) {
    return TEXT_LISTS.concat(["policyElements"]).some(function (list) {
      return wb.swot[list].length > 0;
    });
  }

  function start(root) {
    var announce = lists.announcer(root);
    var containers = {};
    TEXT_LISTS.concat(["policyElements"]).forEach(function (list) {
      containers[list] = root.querySelector('[data-list="' + list + '"]');
      if (!containers[list]) throw new Error("Counter-Trafficking Toolkit: the SWOT worksheet has no list '" + list + "'.");
    });
    var challengePanel = root.querySelector("[data-swot-challenges]");
    var challengeList = root.querySelector("[data-swot-challenge-list]");
    var challengeNone = root.querySelector("[data-swot-challenges-none]");
    var exampleAction = root.querySelector("[data-swot-example]");

    function current() {
      return workbook.current();
    }

    // ---- Changes --------------------------------------------------------------------------

    function addTo(list, item) {
      workbook.edit(function (wb) {
        lists.addItem(wb.swot[list], item);
      });
    }

    function afterListChange(list) {
      if (list === "policyElements") {
        drawPolicyElements();
        return;
      }
      drawList(list);
      if (QUADRANTS.indexOf(list) >= 0) {
        drawPolicyElements();
        drawChallenges();
      }
    }

    function add(list, input) {
      var item = { id: toolkit.newId(list === "policyElements" ? "p" : "s"), text: input.value.trim() };
      if (list === "policyElements") item.links = [];
      addTo(list, item);
      input.value = "";
      delete drafts[list];
      afterListChange(list);
      var count = current().swot[list].length;
      announce(t("swot.list.added", { name: nameOf(list, item, count - 1), list: t("swot.lists." + list + ".title"), count: count }));
      // Back to the new-item box, ready for the next one; an empty item is filled in place.
      var target = item.text ? containers[list].querySelector("[data-new-item]") : textInput(list, item.id);
      lists.focus(target);
    }

    function remove(list, id) {
      var items = current().swot[list];
      var index = lists.indexOf(items, id);
      if (index < 0) return; // Another tab removed it; its redraw is on the way.
      var name = nameOf(list, items[index], index);
      workbook.edit(function (wb) {
        lists.removeItem(wb.swot[list], id);
      });
      afterListChange(list);
      var left = current().swot[list];
      announce(t("swot.list.removed", { name: name, list: t("swot.lists." + list + ".title"), count: left.length }));
      var next = left[Math.min(index, left.length - 1)];
      lists.focus(next ? textInput(list, next.id) : containers[list].querySelector("[data-new-item]"));
    }

    function move(list, id, step) {
      if (lists.indexOf(current().swot[list], id) < 0) return; // Removed in another tab.
      workbook.edit(function (wb) {
        lists.moveItem(wb.swot[list], id, step);
      });
      afterListChange(list);
      var items = current().swot[list];
      var index = lists.indexOf(items, id);
      announce(t("swot.list.moved", { name: nameOf(list, items[index], index), position: index + 1, count: items.length }));
      var row = containers[list].querySelector('[data-item="' + id + '"]');
      lists.focus(row && row.querySelector('[data-action="' + (step < 0 ? "up" : "down") + '"]'));
    }

    function setText(list, id, text) {
      workbook.edit(function (wb) {
        lists.setField(wb.swot[list], id, "text", text);
      });
    }

    function setLink(elementId, itemId, linked) {
      workbook.edit(function (wb) {
        var element = wb.swot.policyElements[lists.indexOf(wb.swot.policyElements, elementId)];
        if (!element) return;
        var links = (element.links || []).filter(function (id) {
          return id !== itemId;
        });
        if (linked) links.push(itemId);
        element.links = links;
      });
    }

    function startSmartObjective(element) {
      var objective = {
        id: toolkit.newId("o"),
        statement: element.text || "",
        indicator: "",
        baseline: "",
        target: "",
        deadline: "",
        responsible: "",
        policyElement: element.id,
        resources: ""
      };
      workbook.edit(function (wb) {
        lists.addItem(wb.smart.objectives, objective);
      });
      workbook.flush();
      window.location.href = "smart.html#objective-" + objective.id;
    }

    function addChallenge(challenge, list, button) {
      // SWOT items are one line; an own challenge may have line breaks that would join words.
      var text = (challenge.text || "").replace(/\s+/g, " ").trim();
      var item = { id: toolkit.newId("s"), text: text, challenge: challenge.id };
      var buttons = Array.prototype.slice.call(challengeList.querySelectorAll("button"));
      var position = buttons.indexOf(button);
      addTo(list, item);
      afterListChange(list);
      var count = current().swot[list].length;
      announce(t("swot.list.added", { name: nameOf(list, item, count - 1), list: t("swot.lists." + list + ".title"), count: count }));
      // The challenge leaves the panel: go on to the next one, or to the item just added.
      var remaining = challengeList.querySelectorAll("button");
      var next = remaining[Math.min(position - (position % 2), remaining.length - 2)];
      lists.focus(next || textInput(list, item.id));
    }

    function fillExample() {
      if (swotHasAnswers(current()) && !window.confirm(t("swot.example_confirm"))) return;
      var example = workedExample();
      workbook.edit(function (wb) {
        TEXT_LISTS.concat(["policyElements"]).forEach(function (list) {
          wb.swot[list] = JSON.parse(JSON.stringify(example[list]));
        });
      });
      drawAll();
      announce(t("swot.example_filled"));
    }

    // ---- Drawing --------------------------------------------------------------------------

    function textInput(list, id) {
      return containers[list].querySelector('[data-item="' + id + '"] [data-text]');
    }

    function textField(list, item, index, onInput) {
      var inputId = "swot-" + item.id;
      var input = el("input", {
        class: "ct-input",
        type: "text",
        id: inputId,
        value: item.text || "",
        autocomplete: "off",
        "data-text": ""
      });
      input.addEventListener("input", function () {
        onInput(input.value);
      });
      return el("div", { class: "ct-list__field" }, [
        el("label", { class: "ct-label", for: inputId, text: itemLabel(list, index) }),
        input
      ]);
    }

    // What is typed in each "New …" box and not yet added: a redraw rebuilds the box.
    var drafts = {};

    function newItemRow(list) {
      var inputId = "swot-new-" + list;
      var input = el("input", {
        class: "ct-input",
        type: "text",
        id: inputId,
        autocomplete: "off",
        value: drafts[list] || "",
        "data-new-item": ""
      });
      input.addEventListener("input", function () {
        drafts[list] = input.value;
      });
      var button = el("button", { type: "button", class: "md-button", text: t("swot.lists." + list + ".add") });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          add(list, input);
        }
      });
      button.addEventListener("click", function () {
        add(list, input);
      });
      return el("div", { class: "ct-list__add" }, [
        el("label", { class: "ct-label", for: inputId, text: t("swot.lists." + list + ".new") }),
        el("div", { class: "ct-list__add-row" }, [input, button])
      ]);
    }

    function buttonsFor(list, item, index, count) {
      return lists.itemButtons("swot.list", nameOf(list, item, index), index, count, {
        up: function () { move(list, item.id, -1); },
        down: function () { move(list, item.id, 1); },
        remove: function () { remove(list, item.id); }
      });
    }

    function renameButtons(row, list, text, index) {
      lists.renameButtons(row, "swot.list", lists.itemName(text, itemLabel(list, index)));
    }

    function drawList(list) {
      var items = current().swot[list];
      var rows = items.map(function (item, index) {
        var row = el("li", { class: "ct-list__item", "data-item": item.id });
        row.appendChild(textField(list, item, index, function (text) {
          setText(list, item.id, text);
          renameButtons(row, list, text, index);
          if (QUADRANTS.indexOf(list) >= 0) refreshPolicyLinks();
        }));
        if (item.challenge) {
          row.appendChild(el("p", { class: "ct-hint ct-list__source", text: t("swot.policy.from_challenge", { id: item.challenge }) }));
        }
        row.appendChild(buttonsFor(list, item, index, items.length));
        return row;
      });
      var container = containers[list];
      container.textContent = "";
      container.appendChild(rows.length ? el("ol", { class: "ct-list" }, rows) : el("p", { class: "ct-list__empty", text: t("swot.list.empty") }));
      container.appendChild(newItemRow(list));
    }

    // Policy elements whose link choices are open, so that a redraw keeps them open.
    var openLinks = {};
    // The link boxes of the policy elements as last drawn, to show items' new names in place.
    var linkBoxes = [];

    function refreshPolicyLinks() {
      linkBoxes.forEach(function (box) {
        box.refresh();
      });
    }

    function itemNow(list, itemId) {
      var items = current().swot[list];
      var index = lists.indexOf(items, itemId);
      return index < 0 ? null : (items[index].text || "").trim() || itemLabel(list, index);
    }

    // Read an element afresh: saving may have replaced the workbook object since drawing.
    function elementNow(elementId) {
      var elements = current().swot.policyElements;
      return elements[lists.indexOf(elements, elementId)] || { links: [] };
    }

    // The items an element links to, in list order: shown (and printed) whether or not the
    // choices are open.
    function linkedItems(elementId) {
      var wb = current();
      var element = elementNow(elementId);
      var found = [];
      QUADRANTS.forEach(function (list) {
        wb.swot[list].forEach(function (item, index) {
          if ((element.links || []).indexOf(item.id) >= 0) {
            found.push((item.text || "").trim() || itemLabel(list, index));
          }
        });
      });
      return found;
    }

    // The links of one policy element: a summary with the linked items, and a checkbox per item
    // of the four lists behind a disclosure. The checkboxes are built only when it is opened:
    // every element times every item can run to thousands of controls, which would make
    // opening the page, and typing in any item, slow.
    function linkChoices(element, elementName) {
      var currentName = elementName;
      var summary = el("summary", { class: "ct-policy__summary" });
      var details = el("details", { class: "ct-policy__links", "data-links": element.id }, summary);
      var linked = el("ul", { class: "ct-policy__linked" });

      function showLinked(name) {
        var names = linkedItems(element.id);
        summary.textContent = t("swot.policy.links_summary", { name: name, count: names.length });
        linked.textContent = "";
        names.forEach(function (text) {
          linked.appendChild(el("li", { text: text }));
        });
      }

      function buildChoices() {
        var wb = current();
        var linkedIds = elementNow(element.id).links || [];
        var groups = QUADRANTS.filter(function (list) {
          return wb.swot[list].length > 0;
        }).map(function (list) {
          var choices = wb.swot[list].map(function (item, index) {
            var boxId = "link-" + element.id + "-" + item.id;
            var box = el("input", {
              type: "checkbox",
              id: boxId,
              checked: linkedIds.indexOf(item.id) >= 0
            });
            box.addEventListener("change", function () {
              setLink(element.id, item.id, box.checked);
              showLinked(currentName);
            });
            return el("li", { class: "ct-policy__choice" }, [
              box, " ", el("label", {
                for: boxId,
                "data-choice-list": list,
                "data-choice-item": item.id,
                text: (item.text || "").trim() || itemLabel(list, index)
              })
            ]);
          });
          return el("div", { class: "ct-policy__group" }, [
            el("p", { class: "ct-policy__group-title", text: t("swot.lists." + list + ".title") }),
            el("ul", { class: "ct-policy__choices" }, choices)
          ]);
        });
        details.appendChild(el("fieldset", { class: "ct-policy__choices-box" }, [
          el("legend", { class: "ct-visually-hidden", text: t("swot.policy.links_legend", { name: currentName }) })
        ].concat(groups.length ? groups : [el("p", { class: "ct-hint", text: t("swot.policy.links_none") })])));
      }

      details.addEventListener("toggle", function () {
        openLinks[element.id] = details.open;
        if (details.open && !details.querySelector("fieldset")) buildChoices();
      });
      if (openLinks[element.id]) {
        details.open = true;
        buildChoices();
      }
      showLinked(elementName);
      return {
        node: el("div", { class: "ct-policy__link-box" }, [details, linked]),
        // An item of the four lists was retyped: its name changes in the summary and choices.
        refresh: function () {
          showLinked(currentName);
          Array.prototype.forEach.call(details.querySelectorAll("label[data-choice-item]"), function (label) {
            var name = itemNow(label.getAttribute("data-choice-list"), label.getAttribute("data-choice-item"));
            if (name !== null && label.textContent !== name) label.textContent = name;
          });
        },
        rename: function (name) {
          currentName = name;
          showLinked(name);
          var legend = details.querySelector("legend");
          if (legend) legend.textContent = t("swot.policy.links_legend", { name: name });
        }
      };
    }

    function drawPolicyElements() {
      var list = "policyElements";
      var container = containers[list];
      var focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
      var items = current().swot[list];
      linkBoxes = [];
      var rows = items.map(function (element, index) {
        var row = el("li", { class: "ct-list__item ct-policy", "data-item": element.id });
        var name = nameOf(list, element, index);
        var links = linkChoices(element, name);
        linkBoxes.push(links);
        row.appendChild(textField(list, element, index, function (text) {
          setText(list, element.id, text);
          renameButtons(row, list, text, index);
          links.rename(lists.itemName(text, itemLabel(list, index)));
          smartButton.setAttribute("aria-label", t("swot.policy.start_smart_named", { name: lists.itemName(text, itemLabel(list, index)) }));
        }));
        row.appendChild(links.node);
        var smartButton = el("button", {
          type: "button",
          class: "md-button md-button--primary ct-policy__smart",
          "aria-label": t("swot.policy.start_smart_named", { name: name }),
          text: t("swot.policy.start_smart")
        });
        smartButton.addEventListener("click", function () {
          var now = current().swot[list][lists.indexOf(current().swot[list], element.id)];
          if (now) startSmartObjective(now);
        });
        row.appendChild(smartButton);
        row.appendChild(buttonsFor(list, element, index, items.length));
        return row;
      });
      container.textContent = "";
      container.appendChild(rows.length ? el("ol", { class: "ct-list" }, rows) : el("p", { class: "ct-list__empty", text: t("swot.list.empty") }));
      container.appendChild(newItemRow(list));
      if (focused) lists.focus(document.getElementById(focused));
    }

    function drawChallenges() {
      var wb = current();
      var used = challengesInSwot(wb);
      var waiting = applyingChallenges(wb).filter(function (challenge) {
        return !used[challenge.id];
      });
      challengeList.textContent = "";
      waiting.forEach(function (challenge) {
        function button(list, key) {
          var node = el("button", {
            type: "button",
            class: "md-button",
            "aria-label": t("swot.challenges." + key + "_named", { text: challenge.text }),
            text: t("swot.challenges." + key)
          });
          node.addEventListener("click", function () {
            addChallenge(challenge, list, node);
          });
          return node;
        }
        challengeList.appendChild(el("li", { class: "ct-swot-challenges__item" }, [
          el("p", { class: "ct-swot-challenges__text" }, [
            el("span", { class: "ct-item-id", text: challenge.id }), " ", challenge.text
          ]),
          el("div", { class: "ct-list__buttons" }, [button("weaknesses", "add_weakness"), button("threats", "add_threat")])
        ]));
      });
      challengeNone.hidden = waiting.length > 0;
      challengePanel.hidden = false;
    }

    function drawAll() {
      TEXT_LISTS.forEach(drawList);
      drawPolicyElements();
      drawChallenges();
    }

    exampleAction.hidden = false;
    exampleAction.querySelector("[data-swot-fill-example]").addEventListener("click", fillExample);

    workbook.subscribe(function (wb, reason) {
      if (reason !== "saved") lists.keepingFocus(drawAll);
    });
  }

  toolkit.startModules("ct-swot", start);
})();
