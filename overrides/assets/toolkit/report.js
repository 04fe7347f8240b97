/* The "My strategy" report: the workbook shown as a draft national strategy and action plan.
 *
 * Read-only, and rebuilt from the workbook whenever it changes (here or in another tab).
 * Everything users wrote goes in as text through CTToolkit.el, never as HTML.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var t = toolkit.t;
  var el = toolkit.el;

  function madeOnText() {
    return t("report.draft_made", { date: toolkit.formatDate(new Date()), version: toolkit.content.version });
  }

  function startReport(root) {
    var links = JSON.parse(root.getAttribute("data-page-links") || "{}");

    function goTo(page) {
      return el("a", { href: links[page] || page + ".html" }, t("report.go_to", { page: t("site.pages." + page) }));
    }
    function empty(message, page) {
      return el("p", { class: "ct-report__empty" }, [message + " ", goTo(page)]);
    }
    function multiline(tag, value, attributes) {
      return el(tag, Object.assign({ class: "ct-report__text" }, attributes || {}), value);
    }
    function itemId(id) {
      return el("span", { class: "ct-item-id" }, id);
    }
    function section(level, title, children) {
      return el("section", { class: "ct-report__section" }, [el("h" + level, { text: title })].concat(children));
    }

    function infoSection(report) {
      var filled = report.info.some(function (field) { return field.value; });
      var body = filled
        ? el("dl", { class: "ct-report__info" }, report.info.reduce(function (nodes, field) {
          return nodes.concat([el("dt", { text: field.label }),
            el("dd", { text: field.value || t("report.not_set"), class: field.value ? null : "ct-report__unset" })]);
        }, []))
        : empty(t("report.info.empty"), "checklist");
      return section(3, t("report.info.heading"), [body]);
    }

    function resultsSection(report) {
      var answered = report.results.some(function (pillar) { return pillar.answered > 0; });
      if (!answered) return section(3, t("report.results.heading"), [empty(t("report.results.empty"), "checklist")]);
      var holder = el("div", { class: "ct-report__results" });
      var shared = toolkit.checklistResults;
      if (shared && shared.render) shared.render(holder, report.results);
      else holder.appendChild(resultsTable(report.results));
      return section(3, t("report.results.heading"), [el("p", { text: t("report.results.intro") }), holder]);
    }

    function resultsTable(results) {
      return el("table", { class: "ct-report__table" }, [
        el("caption", { text: t("report.results.table_caption") }),
        el("thead", {}, el("tr", {}, ["pillar", "answered_column", "yes_share"].map(function (name) {
          return el("th", { scope: "col", text: t("report.results." + name) });
        }))),
        el("tbody", {}, results.map(function (pillar) {
          return el("tr", {}, [
            el("th", { scope: "row", text: pillar.title }),
            el("td", { text: t("report.results.answered", { answered: pillar.answered, total: pillar.total }) }),
            el("td", { text: toolkit.reportExport.shareText(pillar.yesShare) })
          ]);
        }))
      ]);
    }

    function challengesSection(report) {
      if (!report.challenges.length) {
        return section(3, t("report.challenges.heading"), [empty(t("report.challenges.empty"), "challenges")]);
      }
      var list = el("ol", { class: "ct-report__challenges" }, report.challenges.map(function (challenge) {
        return el("li", { class: "ct-report__challenge", "data-challenge": challenge.id }, [
          el("p", {}, [
            itemId(challenge.id), " ", el("span", { class: "ct-report__text", text: challenge.text }), " ",
            el("span", { class: "ct-report__priority ct-report__priority--" + (challenge.priority || "none"),
              text: t("report.challenges.priority." + (challenge.priority || "none")) }),
            challenge.own ? el("span", { class: "ct-report__own", text: " · " + t("report.challenges.own") }) : null
          ]),
          challenge.note ? el("p", { class: "ct-report__note" }, [el("strong", { text: t("report.challenges.note") }), " ",
            el("span", { class: "ct-report__text", text: challenge.note })]) : null
        ]);
      }));
      return section(3, t("report.challenges.heading"), [el("p", { text: t("report.challenges.intro") }), list]);
    }

    function goalsSection(report) {
      if (!report.mission && !report.vision) {
        return section(3, t("report.goals.heading"), [empty(t("report.goals.empty"), "mission")]);
      }
      return section(3, t("report.goals.heading"), ["mission", "vision"].map(function (name) {
        return el("div", { class: "ct-report__statement", "data-report-statement": name }, [
          el("h4", { text: t("report.goals." + name) }),
          report[name] ? multiline("p", report[name]) : el("p", { class: "ct-report__unset", text: t("report.not_set") })
        ]);
      }));
    }

    function textList(items, render) {
      if (!items.length) return el("p", { class: "ct-report__unset", text: t("report.swot.none_in_list") });
      return el("ul", { class: "ct-report__list" }, items.map(function (item) {
        return el("li", {}, render ? render(item) : multiline("span", item.text));
      }));
    }

    function swotSection(report) {
      var swot = report.swot;
      var filled = swot.objectives.length || swot.policyElements.length || swot.resources.length ||
        swot.quadrants.some(function (quadrant) { return quadrant.items.length; });
      if (!filled) return section(3, t("report.swot.heading"), [empty(t("report.swot.empty"), "swot")]);
      var titles = {};
      toolkit.content.swot.sections.forEach(function (part) { titles[part.id] = part.title; });
      return section(3, t("report.swot.heading"), [
        el("h4", { text: titles.objectives }), textList(swot.objectives),
        el("div", { class: "ct-report__swot-grid" }, swot.quadrants.map(function (quadrant) {
          return el("div", { class: "ct-report__swot-cell", "data-quadrant": quadrant.id }, [
            el("h4", { text: quadrant.title }),
            textList(quadrant.items, function (item) {
              return [multiline("span", item.text), item.challenge
                ? el("span", { class: "ct-report__link" }, [" (" + t("report.swot.challenge") + " ", itemId(item.challenge), " " + item.challengeText + ")"])
                : null];
            })
          ]);
        })),
        el("h4", { text: titles["policy-elements"] }),
        textList(swot.policyElements, function (element) {
          var from = element.links.length
            ? el("ul", { class: "ct-report__links" }, element.links.map(function (link) {
              return el("li", {}, [el("strong", { text: link.list + ": " }), multiline("span", link.text)]);
            }))
            : el("span", { class: "ct-report__unset", text: " " + t("report.swot.no_links") });
          return [multiline("span", element.text), el("div", { class: "ct-report__from" }, [t("report.swot.links"), " ", from])];
        }),
        el("h4", { text: titles.resources }), textList(swot.resources)
      ]);
    }

    // A challenge from the content by its id, which the checklist and blank sheets also show;
    // one of the user's own by its text, since its id is random.
    function addressedChallenge(challenge, index) {
      var separator = index > 0 ? ", " : null;
      if (!challenge.own) return [separator, itemId(challenge.id)];
      return [separator, el("span", { class: "ct-report__text", "data-own-challenge": challenge.id,
        text: t("report.action_plan.own_challenge", { text: challenge.text }) })];
    }

    function cell(value) {
      return el("td", { class: value ? "ct-report__text" : "ct-report__unset", text: value || t("report.not_set") });
    }

    function actionPlanSection(report) {
      if (!report.actions.length) {
        return section(3, t("report.action_plan.heading"), [empty(t("report.action_plan.empty"), "smart")]);
      }
      var columns = ["statement", "responsible", "deadline", "indicator", "baseline_target", "resources", "policy_element"];
      var table = el("table", { class: "ct-report__table ct-report__action-plan" }, [
        el("caption", { text: t("report.action_plan.caption") }),
        el("thead", {}, el("tr", {}, columns.map(function (name) {
          return el("th", { scope: "col", text: t("report.columns." + name) });
        }))),
        el("tbody", {}, report.actions.map(function (action) {
          var baselineTarget = el("td", {}, [
            el("div", {}, [el("strong", { text: t("report.columns.baseline") + ": " }), multiline("span", action.baseline || t("report.not_set"))]),
            el("div", {}, [el("strong", { text: t("report.columns.target") + ": " }), multiline("span", action.target || t("report.not_set"))])
          ]);
          var serves = el("td", {}, action.policyElement
            ? [multiline("span", action.policyElement.text), action.challenges.length
              ? el("div", { class: "ct-report__link" }, action.challenges.reduce(function (nodes, challenge, index) {
                return nodes.concat(addressedChallenge(challenge, index));
              }, [t("report.action_plan.addresses") + " "]))
              : null]
            : el("span", { class: "ct-report__unset", text: t("report.not_set") }));
          return el("tr", { "data-action": action.id }, [
            el("th", { scope: "row" }, [itemId(action.id), " ", multiline("span", action.statement || t("report.not_set"))]),
            cell(action.responsible), cell(action.deadline), cell(action.indicator), baselineTarget, cell(action.resources), serves
          ]);
        }))
      ]);
      return section(3, t("report.action_plan.heading"), [el("div", { class: "ct-report__table-scroll", tabindex: "0", role: "region",
        "aria-label": t("report.action_plan.caption") }, table)]);
    }

    function render(workbook) {
      var report = toolkit.reportData.assemble(workbook);
      var parts = [
        el("p", { class: "ct-report__made", text: madeOnText() }),
        el("h2", { id: "part-strategy", text: t("report.part_strategy") }),
        el("p", { text: t("report.part_strategy_intro") }),
        infoSection(report), resultsSection(report), challengesSection(report), goalsSection(report), swotSection(report),
        el("h2", { id: "part-action-plan", text: t("report.part_action_plan") }),
        el("p", { text: t("report.part_action_plan_intro") }),
        actionPlanSection(report)
      ];
      root.textContent = "";
      parts.forEach(function (part) { root.appendChild(part); });
    }

    toolkit.workbook.subscribe(render);
    startDownloads();
  }

  function startDownloads() {
    var box = document.querySelector("[data-report-downloads]");
    if (!box) return;
    var status = box.querySelector("[data-report-status]");
    var makers = {
      markdown: function (report) {
        return { name: t("report.file_markdown"), type: "text/markdown;charset=utf-8", text: toolkit.reportExport.markdown(report, madeOnText()) };
      },
      "action-plan": function (report) {
        return { name: t("report.file_action_plan"), type: "text/csv;charset=utf-8", text: toolkit.reportExport.actionPlanCsv(report) };
      },
      checklist: function (report) {
        return { name: t("report.file_checklist"), type: "text/csv;charset=utf-8", text: toolkit.reportExport.checklistCsv(report) };
      }
    };
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-report-download]");
      if (!button) return;
      var file = makers[button.getAttribute("data-report-download")](toolkit.reportData.assemble(toolkit.workbook.current()));
      toolkit.reportExport.download(file.name, file.text, file.type);
      status.textContent = t("report.downloaded", { file: file.name });
    });
    box.hidden = false;
  }

  toolkit.startModules("ct-report", startReport);
})();
