/* Checklist results by pillar: counts, share of Yes, SVG chart and table (checklist page and report).
 *
 * The share of Yes leaves Not applicable out of the count it divides by: a question that does
 * not apply to a country should neither help nor hurt its figure. Don't know stays in, since
 * it is a gap the strategy may need to fill. The rule is stated beside the figures.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var t = toolkit.t;
  var el = toolkit.el;
  var SVG = "http://www.w3.org/2000/svg";
  var ANSWERS = ["yes", "no", "partly", "unknown", "na"];
  var CHART = { width: 640, labelWidth: 170, barHeight: 26, gap: 14, top: 8, valueWidth: 150 };

  function compute(workbook) {
    var answers = (workbook && workbook.checklist && workbook.checklist.answers) || {};
    return toolkit.content.checklist.pillars.map(function (pillar) {
      var counts = { yes: 0, no: 0, partly: 0, unknown: 0, na: 0 };
      pillar.questions.forEach(function (question) {
        var entry = answers[question.id];
        if (entry && Object.prototype.hasOwnProperty.call(counts, entry.answer)) counts[entry.answer] += 1;
      });
      var answered = ANSWERS.reduce(function (sum, name) {
        return sum + counts[name];
      }, 0);
      var counted = answered - counts.na;
      return {
        pillar: pillar.id,
        title: pillar.title,
        total: pillar.questions.length,
        answered: answered,
        counts: counts,
        yesShare: counted > 0 ? counts.yes / counted : null
      };
    });
  }

  function shareText(share) {
    return share === null ? t("checklist.results.no_share") : t("checklist.results.percent", { percent: Math.round(share * 100) });
  }

  function svg(tag, attributes, text) {
    var element = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, String(attributes[name]));
    });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function chart(results) {
    var trackWidth = CHART.width - CHART.labelWidth - CHART.valueWidth;
    var height = CHART.top * 2 + results.length * (CHART.barHeight + CHART.gap) - CHART.gap;
    var root = svg("svg", {
      class: "ct-results__chart",
      viewBox: "0 0 " + CHART.width + " " + height,
      width: "100%",
      role: "img",
      "aria-label": t("checklist.results.chart_label"),
      focusable: "false"
    });
    root.appendChild(svg("title", {}, t("checklist.results.chart_label")));
    results.forEach(function (result, index) {
      var y = CHART.top + index * (CHART.barHeight + CHART.gap);
      var middle = y + CHART.barHeight / 2;
      var row = svg("g", { class: "ct-results__row", "data-pillar": result.pillar });
      row.appendChild(svg("text", { x: 0, y: middle, class: "ct-results__label", "dominant-baseline": "middle" }, result.title));
      row.appendChild(svg("rect", {
        class: "ct-results__track", x: CHART.labelWidth, y: y, width: trackWidth, height: CHART.barHeight
      }));
      row.appendChild(svg("rect", {
        class: "ct-results__bar",
        "data-pillar": result.pillar,
        x: CHART.labelWidth,
        y: y,
        width: (result.yesShare || 0) * trackWidth,
        height: CHART.barHeight
      }));
      row.appendChild(svg("text", {
        x: CHART.labelWidth + trackWidth + 8, y: middle, class: "ct-results__value", "dominant-baseline": "middle"
      }, shareText(result.yesShare)));
      root.appendChild(row);
    });
    return root;
  }

  function table(results) {
    var headings = [t("checklist.results.pillar")].concat(ANSWERS.map(function (name) {
      return t("checklist.answers." + name);
    }), [t("checklist.results.answered"), t("checklist.results.share")]);
    // No class: Material styles only tables without one.
    return el("table", {}, [
      el("caption", { text: t("checklist.results.table_caption") }),
      el("thead", {}, el("tr", {}, headings.map(function (heading) {
        return el("th", { scope: "col", text: heading });
      }))),
      el("tbody", {}, results.map(function (result) {
        return el("tr", { "data-pillar": result.pillar }, [el("th", { scope: "row", text: result.title })]
          .concat(ANSWERS.map(function (name) {
            return el("td", { "data-count": name, text: String(result.counts[name]) });
          }))
          .concat([
            el("td", { "data-answered": "", text: t("checklist.results.answered_of", { answered: result.answered, total: result.total }) }),
            el("td", { "data-share": "", text: shareText(result.yesShare) })
          ]));
      }))
    ]);
  }

  // Replace the container's children with the rule, the chart and the table of `results`.
  function render(container, results) {
    while (container.firstChild) container.removeChild(container.firstChild);
    container.appendChild(el("p", { class: "ct-results__rule", text: t("checklist.results.rule") }));
    container.appendChild(el("div", { class: "ct-results__figures" }, [
      el("div", { class: "ct-results__chart-box" }, chart(results)),
      // A narrow screen scrolls the table sideways; keyboard users need to reach that scroller.
      el("div", {
        class: "ct-results__table-box", tabindex: "0", role: "region", "aria-label": t("checklist.results.table_caption")
      }, table(results))
    ]));
  }

  toolkit.checklistResults = { compute: compute, render: render };
})();
