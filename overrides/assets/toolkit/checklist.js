/* The checklist component's behaviour: restore and save answers, progress per pillar, live
 * results, and the related challenges of questions answered No or Partly.
 *
 * The static page is already the blank worksheet; this script only fills it in and listens.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var t = toolkit.t;
  var el = toolkit.el;
  // Answers that suggest a gap, so the related challenges are worth a look.
  var SHOWS_RELATED = { no: true, partly: true };

  function each(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }

  function challengeTexts() {
    var texts = {};
    toolkit.content.challenges.challenges.forEach(function (challenge) {
      texts[challenge.id] = challenge.text;
    });
    return texts;
  }

  function answerOf(wb, id) {
    var entry = wb.checklist.answers[id];
    return entry ? entry.answer : "";
  }

  // Only ever set the one entry shown, so answers to questions the content dropped are kept.
  function setAnswer(id, field, value) {
    workbook.edit(function (wb) {
      var entry = wb.checklist.answers[id] || { answer: "", note: "" };
      var next = { answer: entry.answer || "", note: entry.note || "" };
      next[field] = value;
      wb.checklist.answers[id] = next;
    });
  }

  function setApplies(challengeId, applies) {
    workbook.edit(function (wb) {
      var mark = wb.challenges.marks[challengeId];
      wb.challenges.marks[challengeId] = {
        applies: applies,
        priority: mark ? mark.priority : "",
        note: mark ? mark.note : ""
      };
    });
  }

  // Setting a value the field already has would move the caret of someone typing in it.
  function setValue(field, value) {
    if (field.value !== value) field.value = value;
  }

  function startChecklist(root) {
    var texts = challengeTexts();
    var challengesUrl = root.getAttribute("data-challenges-url");
    var announce = root.querySelector("[data-checklist-announce]");
    var resultsSection = root.querySelector("[data-checklist-results]");
    var resultsOutput = root.querySelector("[data-results-output]");

    function relatedBox(box) {
      var questionId = box.getAttribute("data-related");
      var ids = box.getAttribute("data-challenges").split(" ").filter(function (id) {
        return Object.prototype.hasOwnProperty.call(texts, id);
      });
      var headingId = "related-" + questionId + "-heading";
      box.setAttribute("role", "group");
      box.setAttribute("aria-labelledby", headingId);
      box.appendChild(el("h3", { class: "ct-related__heading", id: headingId, text: t("checklist.related.heading") }));
      box.appendChild(el("p", { class: "ct-hint", text: t("checklist.related.explain") }));
      box.appendChild(el("ul", { class: "ct-related__list" }, ids.map(function (id) {
        var inputId = "related-" + questionId + "-" + id;
        var textId = inputId + "-text";
        return el("li", { class: "ct-related__item" }, [
          el("p", { class: "ct-related__text", id: textId }, [
            el("span", { class: "ct-item-id", "aria-hidden": "true", text: id }), " ", texts[id]
          ]),
          el("label", { class: "ct-choice", for: inputId }, [
            el("input", {
              type: "checkbox", id: inputId, "aria-describedby": textId, "data-applies": id
            }),
            " ",
            el("span", { text: t("challenges.applies") }),
            el("span", { class: "ct-visually-hidden", text: " " + t("challenges.for_challenge", { id: id }) })
          ])
        ]);
      })));
      box.appendChild(el("p", {}, el("a", { href: challengesUrl, text: t("checklist.related.link") })));
    }

    function showRelated(wb) {
      each(root, "[data-related]", function (box) {
        box.hidden = !SHOWS_RELATED[answerOf(wb, box.getAttribute("data-related"))];
      });
      each(root, "[data-applies]", function (input) {
        var mark = wb.challenges.marks[input.getAttribute("data-applies")];
        input.checked = Boolean(mark && mark.applies);
      });
    }

    function showFigures(wb) {
      var results = toolkit.checklistResults.compute(wb);
      results.forEach(function (result) {
        var progress = root.querySelector('[data-pillar-progress="' + result.pillar + '"]');
        if (!progress) return;
        var text = t("checklist.progress", { answered: result.answered, total: result.total });
        // Rewriting the same text would make screen readers announce it again.
        if (progress.textContent !== text) progress.textContent = text;
        progress.hidden = false;
      });
      toolkit.checklistResults.render(resultsOutput, results);
      resultsSection.hidden = false;
    }

    function restore(wb) {
      each(root, "[data-info]", function (input) {
        setValue(input, wb.checklist.info[input.getAttribute("data-info")] || "");
      });
      each(root, "[data-question]", function (question) {
        var id = question.getAttribute("data-question");
        var entry = wb.checklist.answers[id] || {};
        each(question, "[data-answer]", function (radio) {
          radio.checked = radio.value === entry.answer;
        });
        setValue(question.querySelector("[data-note]"), entry.note || "");
      });
      showRelated(wb);
      showFigures(wb);
    }

    each(root, "[data-related]", relatedBox);

    root.addEventListener("input", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-info")) {
        var name = target.getAttribute("data-info");
        var value = target.value;
        workbook.edit(function (wb) {
          wb.checklist.info[name] = value;
        });
      } else if (target.hasAttribute("data-note")) {
        setAnswer(target.getAttribute("data-note"), "note", target.value);
      }
    });

    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-answer") && target.checked) {
        var questionId = target.closest("[data-question]").getAttribute("data-question");
        var box = root.querySelector('[data-related="' + questionId + '"]');
        var wasHidden = box.hidden;
        setAnswer(questionId, "answer", target.value);
        showRelated(workbook.current());
        showFigures(workbook.current());
        if (wasHidden && !box.hidden) announce.textContent = t("checklist.related.shown", { id: questionId });
      } else if (target.hasAttribute("data-applies")) {
        setApplies(target.getAttribute("data-applies"), target.checked);
        showRelated(workbook.current()); // The same challenge can be listed under several questions.
      }
    });

    workbook.subscribe(function (wb, reason) {
      if (reason !== "saved") restore(wb);
    });
  }

  toolkit.startModules("ct-checklist", startChecklist);
})();
