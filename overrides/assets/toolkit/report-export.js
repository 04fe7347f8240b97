/* The report's downloads: the draft as Markdown, the action plan and the checklist as CSV.
 *
 * Files are made here and handed over through a Blob link with a download name, which works
 * from file:// and sends nothing anywhere.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var t = toolkit.t;
  var BYTE_ORDER_MARK = "\uFEFF";
  // A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
  var FORMULA_START = /^[=+\-@\t\r]/;

  // ---- CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read it as UTF-8) ----

  function csvCell(value) {
    var cell = value === null || value === undefined ? "" : String(value);
    if (FORMULA_START.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  function csv(rows) {
    return BYTE_ORDER_MARK + rows.map(function (row) {
      return row.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
  }

  function actionPlanCsv(report) {
    var columns = ["id", "statement", "responsible", "deadline", "indicator", "baseline", "target", "resources", "policy_element"];
    var rows = [columns.map(function (name) { return t("report.columns." + name); })];
    report.actions.forEach(function (action) {
      rows.push([action.id, action.statement, action.responsible, action.deadline, action.indicator,
        action.baseline, action.target, action.resources, action.policyElement ? action.policyElement.text : ""]);
    });
    return csv(rows);
  }

  function checklistCsv(report) {
    var columns = ["id", "pillar", "question", "answer", "note"];
    var rows = [columns.map(function (name) { return t("report.checklist_csv." + name); })];
    report.checklistRows.forEach(function (row) {
      rows.push([row.id, row.pillar, row.question, row.answer, row.note]);
    });
    return csv(rows);
  }

  // ---- Markdown ---------------------------------------------------------------------------

  // Users' text is written as text: every character Markdown or HTML would act on is escaped.
  function md(value) {
    return String(value || "").replace(/([\\`*_{}\[\]()<>#+\-!|~&])/g, "\\$1").replace(/\r?\n/g, "  \n");
  }

  // A list item whose text may span lines: later lines are indented under the item.
  function item(value) {
    return "- " + md(value).replace(/\n/g, "\n  ");
  }

  function notSet(value) {
    return value ? md(value) : "*" + t("report.not_set") + "*";
  }

  // No share when nothing countable was answered (Not applicable does not count).
  function shareText(share) {
    return typeof share === "number" ? Math.round(share * 100) + "%" : t("report.results.no_share");
  }

  function markdown(report, madeOn) {
    var lines = ["# " + t("report.markdown.title"), "", "*" + md(madeOn) + "*", ""];
    function heading(level, value) {
      lines.push(new Array(level + 1).join("#") + " " + value, "");
    }
    function paragraph(value) {
      lines.push(value, "");
    }
    function list(items) {
      if (!items.length) return paragraph("*" + t("report.swot.none_in_list") + "*");
      items.forEach(function (entry) { lines.push(item(entry)); });
      lines.push("");
    }

    heading(2, t("report.part_strategy"));
    heading(3, t("report.info.heading"));
    report.info.forEach(function (field) { lines.push("- **" + md(field.label) + ":** " + notSet(field.value)); });
    lines.push("");

    heading(3, t("report.results.heading"));
    report.results.forEach(function (pillar) {
      lines.push("- **" + md(pillar.title) + ":** " + t("report.results.answered", { answered: pillar.answered, total: pillar.total }) +
        "; " + t("report.results.yes_share") + " " + shareText(pillar.yesShare));
    });
    lines.push("");

    heading(3, t("report.challenges.heading"));
    if (!report.challenges.length) paragraph("*" + t("report.challenges.empty") + "*");
    report.challenges.forEach(function (challenge) {
      lines.push("- `" + challenge.id + "` " + md(challenge.text) + " (" + t("report.challenges.priority." + (challenge.priority || "none")) + ")" +
        (challenge.note ? "  \n  " + t("report.challenges.note") + " " + md(challenge.note).replace(/\n/g, "\n  ") : ""));
    });
    lines.push("");

    heading(3, t("report.goals.heading"));
    lines.push("**" + t("report.goals.mission") + ":** " + notSet(report.mission), "");
    lines.push("**" + t("report.goals.vision") + ":** " + notSet(report.vision), "");

    var sections = sectionTitles();
    heading(3, t("report.swot.heading"));
    heading(4, md(sections.objectives));
    list(report.swot.objectives.map(function (entry) { return entry.text; }));
    report.swot.quadrants.forEach(function (quadrant) {
      heading(4, md(quadrant.title));
      list(quadrant.items.map(function (entry) { return entry.text; }));
    });
    heading(4, md(sections["policy-elements"]));
    if (!report.swot.policyElements.length) paragraph("*" + t("report.swot.none_in_list") + "*");
    report.swot.policyElements.forEach(function (element) {
      lines.push(item(element.text));
      var from = element.links.map(function (link) { return md(link.list) + ": " + md(link.text); }).join("; ");
      lines.push("  " + t("report.swot.links") + " " + (from || "*" + t("report.swot.no_links") + "*"));
    });
    lines.push("");
    heading(4, md(sections.resources));
    list(report.swot.resources.map(function (entry) { return entry.text; }));

    heading(2, t("report.part_action_plan"));
    if (!report.actions.length) paragraph("*" + t("report.action_plan.empty") + "*");
    report.actions.forEach(function (action, index) {
      heading(3, (index + 1) + ". " + notSet(action.statement).replace(/ {2}\n/g, " "));
      ["responsible", "deadline", "indicator", "baseline", "target", "resources"].forEach(function (name) {
        lines.push("- **" + t("report.columns." + name) + ":** " + notSet(action[name]).replace(/\n/g, "\n  "));
      });
      lines.push("- **" + t("report.columns.policy_element") + ":** " + notSet(action.policyElement && action.policyElement.text));
      lines.push("- **" + t("report.columns.id") + ":** `" + action.id + "`", "");
    });
    return lines.join("\n");
  }

  function sectionTitles() {
    var titles = {};
    toolkit.content.swot.sections.forEach(function (section) { titles[section.id] = section.title; });
    return titles;
  }

  // ---- Handing a file to the browser --------------------------------------------------------

  function download(fileName, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = toolkit.el("a", { href: url, download: fileName, hidden: true });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    // Revoking at once can cancel the download in some browsers; a moment later is safe.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  toolkit.reportExport = {
    csvCell: csvCell,
    markdown: markdown,
    shareText: shareText,
    actionPlanCsv: actionPlanCsv,
    checklistCsv: checklistCsv,
    download: download
  };
})();
