/* How the workbook's steps lead into each other: objective -> policy element -> SWOT items -> challenges -> checklist gaps.
 *
 * Shared by the SMART worksheet and the report, so that both tell the same story about what
 * an objective answers. Pure functions of the workbook and the content: no page access.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var SWOT_ITEM_LISTS = ["strengths", "weaknesses", "opportunities", "threats"];
  var GAP_ANSWERS = ["no", "partly"];

  function byId(list, id) {
    for (var i = 0; i < (list || []).length; i += 1) {
      if (list[i] && list[i].id === id) return list[i];
    }
    return null;
  }

  function contentChallenge(id) {
    return byId((toolkit.content.challenges || {}).challenges, id);
  }

  function ownChallenge(workbook, id) {
    return byId(((workbook && workbook.challenges) || {}).own, id);
  }

  // The text of a challenge from the content or one the user added; "" if neither has it
  // (a challenge removed from a newer content version keeps its id in old workbooks).
  function challengeText(workbook, id) {
    var known = contentChallenge(id);
    if (known) return known.text;
    var own = ownChallenge(workbook, id);
    return own ? own.text || "" : "";
  }

  function checklistQuestions() {
    var questions = [];
    ((toolkit.content.checklist || {}).pillars || []).forEach(function (pillar) {
      (pillar.questions || []).forEach(function (question) {
        questions.push(question);
      });
    });
    return questions;
  }

  // Questions answered No or Partly that are linked to one of the given challenges.
  function gapsFor(workbook, challengeIds) {
    var answers = ((workbook && workbook.checklist) || {}).answers || {};
    return checklistQuestions()
      .filter(function (question) {
        var entry = answers[question.id];
        if (!entry || GAP_ANSWERS.indexOf(entry.answer) < 0) return false;
        return (question.challenges || []).some(function (id) {
          return challengeIds.indexOf(id) >= 0;
        });
      })
      .map(function (question) {
        return { id: question.id, text: question.text, answer: answers[question.id].answer };
      });
  }

  function forObjective(workbook, objective) {
    var swot = (workbook && workbook.swot) || {};
    var element = objective && objective.policyElement ? byId(swot.policyElements, objective.policyElement) : null;
    var result = { policyElement: null, items: [], challenges: [], gaps: [] };
    if (!element) return result;
    result.policyElement = { id: element.id, text: element.text || "" };

    var links = element.links || [];
    SWOT_ITEM_LISTS.forEach(function (list) {
      (swot[list] || []).forEach(function (item) {
        if (links.indexOf(item.id) < 0) return;
        result.items.push({ id: item.id, text: item.text || "", list: list, challenge: item.challenge || "" });
      });
    });

    var challengeIds = [];
    result.items.forEach(function (item) {
      if (item.challenge && challengeIds.indexOf(item.challenge) < 0) challengeIds.push(item.challenge);
    });
    result.challenges = challengeIds.map(function (id) {
      return { id: id, text: challengeText(workbook, id), own: !contentChallenge(id) };
    });
    result.gaps = gapsFor(workbook, challengeIds);
    return result;
  }

  toolkit.strategyLinks = {
    forObjective: forObjective,
    challengeText: challengeText
  };
})();
