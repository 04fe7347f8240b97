/* The SMART worksheet: objectives, each checked against the five criteria as it is typed,
 * and each showing what it answers (policy element -> SWOT items -> challenges -> checklist
 * gaps, from strategy-links.js).
 *
 * The checks advise and never block. A change of a check is announced once the user pauses
 * typing, so a screen reader is not interrupted at every key.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var lists = toolkit.listEditor;
  var t = toolkit.t;
  var el = toolkit.el;
  var TEXT_FIELDS = ["statement", "indicator", "baseline", "target", "deadline", "responsible", "resources"];
  var LONG_FIELDS = ["statement", "resources"];
  var ANNOUNCE_AFTER_MS = 1500;
  // Objectives drawn at once when a page opens (more than a screenful), then per batch.
  var FIRST_CARDS = 10;
  var CARDS_PER_BATCH = 20;
  var YEAR = /(^|\D)(19|20|21)\d{2}(\D|$)/;
  var DATE = /\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}/;

  function has(text) {
    return Boolean((text || "").trim());
  }

  function namesAChange(statement) {
    var text = " " + (statement || "").toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, " ") + " ";
    if (/[\d%]/.test(text)) return true;
    return t("smart.checks.change_words").split(",").some(function (word) {
      return text.indexOf(" " + word.trim().toLowerCase() + " ") >= 0;
    });
  }

  // Whether each criterion looks met; a heuristic the user is free to overrule. Relevant needs a
  // policy element that is still in the SWOT analysis of `wb`.
  function check(objective, wb) {
    return {
      specific: namesAChange(objective.statement),
      measurable: has(objective.indicator),
      achievable: has(objective.baseline) && has(objective.target) &&
        objective.baseline.trim().toLowerCase() !== objective.target.trim().toLowerCase(),
      relevant: has(objective.policyElement) && lists.indexOf(wb.swot.policyElements, objective.policyElement) >= 0,
      "time-bound": YEAR.test(objective.deadline || "") || DATE.test(objective.deadline || "")
    };
  }

  function objectiveName(objective, index) {
    return lists.itemName(objective.statement, t("smart.objective_heading", { number: index + 1 }));
  }

  function start(root) {
    var container = root.querySelector("[data-smart-objectives]");
    if (!container) throw new Error("Counter-Trafficking Toolkit: the SMART worksheet has no [data-smart-objectives].");
    var announce = lists.announcer(root);
    var criteria = toolkit.content.smart.criteria;
    var announced = {}; // objective id -> criterion id -> met, as last announced or drawn.
    var announceTimer = null;

    function current() {
      return workbook.current();
    }

    function find(id) {
      var objectives = current().smart.objectives;
      return objectives[lists.indexOf(objectives, id)];
    }

    // ---- Changes --------------------------------------------------------------------------

    function setField(id, field, value) {
      workbook.edit(function (wb) {
        lists.setField(wb.smart.objectives, id, field, value);
      });
    }

    function addObjective() {
      var objective = { id: toolkit.newId("o"), policyElement: "" };
      TEXT_FIELDS.forEach(function (field) {
        objective[field] = "";
      });
      workbook.edit(function (wb) {
        lists.addItem(wb.smart.objectives, objective);
      });
      drawAll();
      var count = current().smart.objectives.length;
      announce(t("smart.list.added", { number: count }));
      lists.focus(document.getElementById("smart-" + objective.id + "-statement"));
    }

    function remove(id) {
      var objectives = current().smart.objectives;
      var index = lists.indexOf(objectives, id);
      if (index < 0) return; // Another tab removed it; its redraw is on the way.
      var name = objectiveName(objectives[index], index);
      workbook.edit(function (wb) {
        lists.removeItem(wb.smart.objectives, id);
      });
      drawAll();
      var left = current().smart.objectives;
      announce(t("smart.list.removed", { name: name, count: left.length }));
      var next = left[Math.min(index, left.length - 1)];
      lists.focus(next ? document.getElementById("smart-" + next.id + "-statement") : root.querySelector("[data-smart-add]"));
    }

    function move(id, step) {
      if (!find(id)) return; // Removed in another tab.
      workbook.edit(function (wb) {
        lists.moveItem(wb.smart.objectives, id, step);
      });
      drawAll();
      var objectives = current().smart.objectives;
      var index = lists.indexOf(objectives, id);
      announce(t("smart.list.moved", { name: objectiveName(objectives[index], index), position: index + 1, count: objectives.length }));
      var card = document.getElementById("objective-" + id);
      lists.focus(card && card.querySelector('[data-action="' + (step < 0 ? "up" : "down") + '"]'));
    }

    // ---- Drawing --------------------------------------------------------------------------

    function fieldFor(objective, field) {
      var inputId = "smart-" + objective.id + "-" + field;
      var hintId = inputId + "-hint";
      var long = LONG_FIELDS.indexOf(field) >= 0;
      var input = el(long ? "textarea" : "input", {
        class: long ? "ct-textarea" : "ct-input",
        type: long ? null : "text",
        rows: long ? 2 : null,
        id: inputId,
        autocomplete: "off",
        "aria-describedby": hintId,
        "data-field": field,
        value: objective[field] || ""
      });
      input.addEventListener("input", function () {
        setField(objective.id, field, input.value);
        refresh(objective.id);
        if (field === "statement") renameCard(objective.id);
      });
      return el("div", { class: "ct-field ct-smart__field ct-smart__field--" + field }, [
        el("label", { class: "ct-label", for: inputId, text: t("smart.fields." + field + ".label") }),
        el("p", { class: "ct-hint", id: hintId, text: t("smart.fields." + field + ".hint") }),
        input
      ]);
    }

    // The policy element options are the same for every objective: built once per drawing and
    // copied, since a hundred objectives times dozens of elements is thousands of options.
    var policyOptions = null;

    function policyElementOptions() {
      if (!policyOptions) {
        var elements = current().swot.policyElements;
        policyOptions = document.createDocumentFragment();
        policyOptions.appendChild(el("option", { value: "", text: t("smart.no_policy_element") }));
        elements.forEach(function (element, index) {
          policyOptions.appendChild(el("option", {
            value: element.id,
            text: (element.text || "").trim() || t("smart.untitled_policy_element", { number: index + 1 })
          }));
        });
      }
      return policyOptions.cloneNode(true);
    }

    function policyElementField(objective) {
      var inputId = "smart-" + objective.id + "-policy-element";
      var hintId = inputId + "-hint";
      var elements = current().swot.policyElements;
      var options = [policyElementOptions()];
      // An element removed from the SWOT stays chosen until the user picks another.
      if (objective.policyElement && lists.indexOf(elements, objective.policyElement) < 0) {
        options.push(el("option", { value: objective.policyElement, text: t("smart.removed_policy_element") }));
      }
      var select = el("select", { class: "ct-input", id: inputId, autocomplete: "off", "aria-describedby": hintId, "data-field": "policyElement" }, options);
      select.value = objective.policyElement || "";
      select.addEventListener("change", function () {
        setField(objective.id, "policyElement", select.value);
        refresh(objective.id);
        drawAnswers(objective.id);
      });
      return el("div", { class: "ct-field ct-smart__field ct-smart__field--policy-element" }, [
        el("label", { class: "ct-label", for: inputId, text: t("smart.fields.policy_element.label") }),
        el("p", { class: "ct-hint", id: hintId, text: t("smart.fields.policy_element.hint") }),
        select
      ]);
    }

    function checksFor(objective) {
      var items = criteria.map(function (criterion) {
        return el("li", { class: "ct-smart-check", "data-criterion": criterion.id }, [
          el("span", { class: "ct-smart-check__letter", "aria-hidden": "true", text: criterion.letter }),
          " ",
          el("strong", { text: criterion.name }),
          ": ",
          el("span", { class: "ct-smart-check__state", "data-state": "" }),
          el("p", { class: "ct-smart-check__advice", "data-advice": "" }, [
            t("smart.checks." + criterion.id), " ",
            el("span", { class: "ct-smart-check__example" }, [el("em", { text: t("smart.check_example") }), " ", criterion.example])
          ])
        ]);
      });
      return el("div", { class: "ct-smart-checks", "data-checks": "" }, [
        el("h4", { text: t("smart.checks_heading") }),
        el("p", { class: "ct-hint", text: t("smart.checks_advice") }),
        el("ul", { class: "ct-smart-checks__list" }, items)
      ]);
    }

    // Show the checks of one objective; returns the criteria whose result changed since announced.
    function showChecks(id) {
      var card = document.getElementById("objective-" + id);
      var objective = find(id);
      if (!card || !objective) return;
      var results = check(objective, current());
      criteria.forEach(function (criterion) {
        var row = card.querySelector('[data-criterion="' + criterion.id + '"]');
        var met = results[criterion.id];
        row.setAttribute("data-met", met ? "true" : "false");
        row.querySelector("[data-state]").textContent = t(met ? "smart.check_state.met" : "smart.check_state.to_check");
        row.querySelector("[data-advice]").hidden = met;
      });
      return results;
    }

    function renameCard(id) {
      var objectives = current().smart.objectives;
      var index = lists.indexOf(objectives, id);
      var node = document.getElementById("objective-" + id);
      if (node && index >= 0) lists.renameButtons(node, "smart.list", objectiveName(objectives[index], index));
    }

    function refresh(id) {
      showChecks(id);
      window.clearTimeout(announceTimer);
      announceTimer = window.setTimeout(announceChanges, ANNOUNCE_AFTER_MS);
    }

    function announceChanges() {
      var messages = [];
      current().smart.objectives.forEach(function (objective, index) {
        var results = check(objective, current());
        var before = announced[objective.id] || {};
        var changes = criteria.filter(function (criterion) {
          return before[criterion.id] !== undefined && before[criterion.id] !== results[criterion.id];
        }).map(function (criterion) {
          return criterion.name + " " + t(results[criterion.id] ? "smart.check_state.met" : "smart.check_state.to_check");
        });
        announced[objective.id] = results;
        if (changes.length) {
          messages.push(t("smart.check_announcement", { objective: t("smart.objective_heading", { number: index + 1 }), changes: changes.join(", ") }));
        }
      });
      if (messages.length) announce(messages.join(". "));
    }

    function answerRow(term, values) {
      return [
        el("dt", { text: term }),
        el("dd", {}, values.length ? [el("ul", {}, values.map(function (value) {
          return el("li", { text: value });
        }))] : [t("smart.answers.none")])
      ];
    }

    function drawAnswers(id) {
      var card = document.getElementById("objective-" + id);
      var objective = find(id);
      if (!card || !objective) return;
      var box = card.querySelector("[data-answers]");
      var links = toolkit.strategyLinks.forObjective(current(), objective);
      var body;
      if (!links.policyElement) {
        body = el("p", { class: "ct-hint", text: t("smart.answers.none_policy_element") });
      } else {
        body = el("dl", { class: "ct-smart-answers__list" }, [].concat(
          answerRow(t("smart.answers.policy_element"), [links.policyElement.text]),
          answerRow(t("smart.answers.items"), links.items.map(function (item) {
            return t("swot.lists." + item.list + ".title") + ": " + item.text;
          })),
          answerRow(t("smart.answers.challenges"), links.challenges.map(function (challenge) {
            return challenge.own ? t("smart.answers.own_challenge", { text: challenge.text }) : challenge.id + ": " + challenge.text;
          })),
          answerRow(t("smart.answers.gaps"), links.gaps.map(function (gap) {
            return t("smart.answers.gap", { id: gap.id, answer: t("checklist.answers." + gap.answer), text: gap.text });
          }))
        ));
      }
      box.textContent = "";
      box.appendChild(el("h4", { text: t("smart.answers_heading") }));
      box.appendChild(body);
    }

    function card(objective, index, count) {
      var headingId = "objective-" + objective.id + "-heading";
      var node = el("li", { class: "ct-objective", id: "objective-" + objective.id, "aria-labelledby": headingId }, [
        el("h3", { id: headingId, text: t("smart.objective_heading", { number: index + 1 }) }),
        el("div", { class: "ct-smart__fields" }, TEXT_FIELDS.map(function (field) {
          return fieldFor(objective, field);
        }).concat([policyElementField(objective)])),
        el("div", { class: "ct-smart__feedback" }, [checksFor(objective), el("div", { class: "ct-smart-answers", "data-answers": "" })]),
        lists.itemButtons("smart.list", objectiveName(objective, index), index, count, {
          up: function () { move(objective.id, -1); },
          down: function () { move(objective.id, 1); },
          remove: function () { remove(objective.id); }
        })
      ]);
      return node;
    }

    function addCards(list, objectives, from, to) {
      for (var index = from; index < to; index++) {
        list.appendChild(card(objectives[index], index, objectives.length));
        announced[objectives[index].id] = showChecks(objectives[index].id);
        drawAnswers(objectives[index].id);
      }
    }

    // The objective that the page's address points at, if any.
    function addressedId() {
      var match = /^#objective-([a-z0-9-]+)$/.exec(window.location.hash);
      return match ? match[1] : null;
    }

    var drawing = 0;
    var finishDrawing = function () {};

    // After the page has been shown: when the browser is idle, or soon in any case.
    function afterShown(work) {
      if (window.requestIdleCallback) window.requestIdleCallback(work, { timeout: 200 });
      else window.setTimeout(work, 0);
    }

    // Draw every objective from the workbook. A progressive drawing (on opening the page or a
    // file) draws the first objectives, and the one the address points at, at once, and the
    // rest in batches once the page is shown: a long action plan then shows its first screens without
    // waiting for a hundred cards. After an add, move or remove, all are drawn at once, since
    // focus goes to a card that must exist.
    function drawAll(progressive, alsoDrawId) {
      var objectives = current().smart.objectives;
      var thisDrawing = ++drawing;
      policyOptions = null;
      container.textContent = "";
      if (objectives.length) {
        var list = el("ol", { class: "ct-list ct-objectives" });
        container.appendChild(list);
        var drawn = progressive
          ? Math.min(objectives.length, Math.max(FIRST_CARDS, lists.indexOf(objectives, addressedId()) + 1,
            lists.indexOf(objectives, alsoDrawId) + 1))
          : objectives.length;
        addCards(list, objectives, 0, drawn);
        var drawMore = function (count) {
          if (thisDrawing !== drawing || drawn >= objectives.length) return;
          var to = Math.min(drawn + count, objectives.length);
          addCards(list, objectives, drawn, to);
          drawn = to;
          if (drawn < objectives.length) {
            afterShown(function () {
              drawMore(CARDS_PER_BATCH);
            });
          }
        };
        finishDrawing = function () {
          drawMore(objectives.length);
        };
        afterShown(function () {
          drawMore(CARDS_PER_BATCH);
        });
      } else {
        container.appendChild(el("p", { class: "ct-list__empty", text: t("smart.empty") }));
      }
      var addButton = el("button", { type: "button", class: "md-button md-button--primary", "data-smart-add": "", text: t("smart.add_objective") });
      addButton.addEventListener("click", addObjective);
      container.appendChild(addButton);
    }

    // Printing (or print preview) at once after opening must not miss the objectives not yet drawn.
    window.addEventListener("beforeprint", function () {
      finishDrawing();
    });

    // Arriving from "Start a SMART objective" on the SWOT page: go to that objective.
    function focusFromAddress() {
      var id = addressedId();
      var field = id && document.getElementById("smart-" + id + "-statement");
      if (!field) return;
      field.focus();
      document.getElementById("objective-" + id).scrollIntoView();
    }

    // The objective whose card holds the focus: a redraw draws it at once, so focus can stay there.
    function focusedObjectiveId() {
      var focusedCard = document.activeElement && document.activeElement.closest && document.activeElement.closest(".ct-objective");
      return focusedCard && container.contains(focusedCard) ? focusedCard.id.replace(/^objective-/, "") : null;
    }

    workbook.subscribe(function (wb, reason) {
      if (reason === "saved") return;
      var focusedId = focusedObjectiveId();
      lists.keepingFocus(function () {
        drawAll(true, focusedId);
      });
    });
    // After load: the browser's own jump to the #objective-... target would take focus back.
    if (document.readyState === "complete") focusFromAddress();
    else window.addEventListener("load", function () { window.setTimeout(focusFromAddress, 0); });
  }

  toolkit.startModules("ct-smart", start);
})();
