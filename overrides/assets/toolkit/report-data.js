/* The report's data: the workbook put together as a draft strategy, as plain values.
 *
 * Shared by the report page (report.js) and its downloads (report-export.js), so the page and
 * the files always say the same thing. Pure functions of the workbook and the content.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var content = toolkit.content;
  var ANSWERS = ["yes", "no", "partly", "unknown", "na"];
  var PRIORITY_ORDER = { high: 0, medium: 1, low: 2, "": 3 };
  var SWOT_LISTS = ["strengths", "weaknesses", "opportunities", "threats"];

  function text(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  function byId(list, id) {
    for (var i = 0; i < (list || []).length; i += 1) {
      if (list[i] && list[i].id === id) return list[i];
    }
    return null;
  }

  function answerLabel(answer) {
    return ANSWERS.indexOf(answer) >= 0 ? toolkit.t("checklist.answers." + answer) : "";
  }

  function info(workbook) {
    var values = workbook.checklist.info || {};
    return content.checklist.your_information.map(function (field) {
      return { id: field.id, label: field.label, value: text(values[field.id]) };
    });
  }

  // Used only until checklist-results.js is there; it gives the same shape.
  function countResults(workbook) {
    var answers = workbook.checklist.answers || {};
    return content.checklist.pillars.map(function (pillar) {
      var counts = { yes: 0, no: 0, partly: 0, unknown: 0, na: 0 };
      pillar.questions.forEach(function (question) {
        var entry = answers[question.id];
        if (entry && counts[entry.answer] !== undefined) counts[entry.answer] += 1;
      });
      var answered = ANSWERS.reduce(function (sum, name) { return sum + counts[name]; }, 0);
      var counted = answered - counts.na;
      return {
        pillar: pillar.id, title: pillar.title, total: pillar.questions.length, answered: answered,
        counts: counts, yesShare: counted > 0 ? counts.yes / counted : null
      };
    });
  }

  function results(workbook) {
    var shared = toolkit.checklistResults;
    return shared && shared.compute ? shared.compute(workbook) : countResults(workbook);
  }

  function checklistRows(workbook) {
    var answers = workbook.checklist.answers || {};
    var rows = [];
    content.checklist.pillars.forEach(function (pillar) {
      pillar.questions.forEach(function (question) {
        var entry = answers[question.id] || {};
        rows.push({
          id: question.id, pillar: pillar.title, question: question.text,
          answer: answerLabel(entry.answer), note: typeof entry.note === "string" ? entry.note : ""
        });
      });
    });
    return rows;
  }

  // Challenges marked as applying, high priority first, the content's order within a priority.
  function priorityChallenges(workbook) {
    var marks = workbook.challenges.marks || {};
    var found = [];
    content.challenges.challenges.forEach(function (challenge) {
      var mark = marks[challenge.id];
      if (!mark || mark.applies !== true) return;
      found.push({ id: challenge.id, text: challenge.text, priority: mark.priority || "", note: text(mark.note), own: false });
    });
    (workbook.challenges.own || []).forEach(function (own) {
      if (own.applies !== true) return;
      found.push({ id: own.id, text: text(own.text), priority: own.priority || "", note: text(own.note), own: true });
    });
    return found
      .map(function (item, index) { return { item: item, index: index }; })
      .sort(function (a, b) {
        var order = PRIORITY_ORDER[a.item.priority] - PRIORITY_ORDER[b.item.priority];
        return order || a.index - b.index;
      })
      .map(function (entry) { return entry.item; });
  }

  function listTexts(list) {
    return (list || []).filter(function (item) { return text(item.text); }).map(function (item) {
      return { id: item.id, text: text(item.text) };
    });
  }

  function challengeText(workbook, id) {
    var links = toolkit.strategyLinks;
    if (links && links.challengeText) return links.challengeText(workbook, id);
    var known = byId(content.challenges.challenges, id) || byId(workbook.challenges.own, id);
    return known ? text(known.text) : "";
  }

  function swot(workbook) {
    var data = workbook.swot;
    var quadrants = content.swot.quadrants.map(function (quadrant) {
      return {
        id: quadrant.id, title: quadrant.title,
        items: listTexts(data[quadrant.id]).map(function (item) {
          var source = byId(data[quadrant.id], item.id);
          item.challenge = source.challenge || "";
          item.challengeText = item.challenge ? challengeText(workbook, item.challenge) : "";
          return item;
        })
      };
    });
    var titles = {};
    quadrants.forEach(function (quadrant) { titles[quadrant.id] = quadrant.title; });
    var policyElements = listTexts(data.policyElements).map(function (element) {
      var links = byId(data.policyElements, element.id).links || [];
      element.links = [];
      SWOT_LISTS.forEach(function (name) {
        (data[name] || []).forEach(function (item) {
          if (links.indexOf(item.id) >= 0) element.links.push({ id: item.id, text: text(item.text), list: titles[name] });
        });
      });
      return element;
    });
    return {
      objectives: listTexts(data.objectives), quadrants: quadrants,
      policyElements: policyElements, resources: listTexts(data.resources)
    };
  }

  function actions(workbook) {
    var links = toolkit.strategyLinks;
    return (workbook.smart.objectives || []).map(function (objective) {
      var element = objective.policyElement ? byId(workbook.swot.policyElements, objective.policyElement) : null;
      var found = links && links.forObjective ? links.forObjective(workbook, objective) : { challenges: [] };
      return {
        id: objective.id,
        statement: text(objective.statement), responsible: text(objective.responsible),
        deadline: text(objective.deadline), indicator: text(objective.indicator),
        baseline: text(objective.baseline), target: text(objective.target),
        resources: text(objective.resources),
        policyElement: element ? { id: element.id, text: text(element.text) } : null,
        challenges: found.challenges || []
      };
    }).filter(function (action) {
      return ["statement", "responsible", "deadline", "indicator", "baseline", "target", "resources"]
        .some(function (name) { return action[name]; }) || action.policyElement;
    });
  }

  function assemble(workbook) {
    return {
      info: info(workbook),
      results: results(workbook),
      challenges: priorityChallenges(workbook),
      mission: text(workbook.mission.mission),
      vision: text(workbook.mission.vision),
      swot: swot(workbook),
      actions: actions(workbook),
      checklistRows: checklistRows(workbook)
    };
  }

  toolkit.reportData = { assemble: assemble };
})();
