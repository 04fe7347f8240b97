/* The mission worksheet: the mission and vision drafts, and advice on the mission draft.
 *
 * The advice is a hint, never a rule: it looks for a few words and counts words. A change of
 * advice is announced once the user pauses typing, so a screen reader is not interrupted at
 * every key.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var t = toolkit.t;
  var el = toolkit.el;
  var ANNOUNCE_AFTER_MS = 1500;

  function wordsOf(text) {
    return (text || "").toLowerCase().match(/[\p{L}\p{N}'-]+/gu) || [];
  }

  function wordList(key) {
    return t(key).split(",").map(function (word) {
      return word.trim().toLowerCase();
    });
  }

  // For each prompt: "empty", "looks_covered" or "check", and the text to show.
  function advise(draft) {
    var words = wordsOf(draft);
    var advice = {};
    ["outcome", "audience", "means"].forEach(function (prompt) {
      var wanted = wordList("mission.prompt_words." + prompt);
      var state = !words.length ? "empty" : words.some(function (word) {
        return wanted.indexOf(word) >= 0;
      }) ? "looks_covered" : "check";
      advice[prompt] = { state: state, text: t("mission.prompt_status." + state) };
    });
    var limit = Number(t("mission.memorable_limit"));
    if (!words.length) advice.memorable = { state: "empty", text: t("mission.prompt_status.empty") };
    else if (words.length <= limit) {
      advice.memorable = { state: "looks_covered", text: t("mission.prompt_status.word_count", { count: words.length }) };
    } else {
      advice.memorable = { state: "check", text: t("mission.prompt_status.too_long", { count: words.length }) };
    }
    return advice;
  }

  function start(root) {
    var fields = {
      mission: root.querySelector('[data-field="mission"]'),
      vision: root.querySelector('[data-field="vision"]')
    };
    Object.keys(fields).forEach(function (name) {
      if (!fields[name]) throw new Error("Counter-Trafficking Toolkit: the mission worksheet has no " + name + " field.");
    });

    var prompts = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-prompt]"), function (item) {
      var status = el("span", { class: "ct-prompt__status" });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(status);
      prompts[item.getAttribute("data-prompt")] = { item: item, status: status, question: item.querySelector("strong") };
    });
    var live = el("p", { class: "ct-visually-hidden", role: "status", "aria-live": "polite" });
    root.appendChild(live);

    var announced = {}; // The advice as last announced (or shown on opening).
    var announceTimer = null;

    function showAdvice() {
      var advice = advise(fields.mission.value);
      Object.keys(prompts).forEach(function (id) {
        if (!advice[id]) return;
        prompts[id].status.textContent = advice[id].text;
        prompts[id].item.setAttribute("data-state", advice[id].state);
      });
      return advice;
    }

    function announceChanges() {
      var advice = showAdvice();
      var changes = [];
      Object.keys(prompts).forEach(function (id) {
        var now = advice[id];
        if (!now || announced[id] === now.state) return;
        announced[id] = now.state;
        var question = prompts[id].question ? prompts[id].question.textContent + " " : "";
        changes.push(question + now.text);
      });
      if (changes.length) live.textContent = t("mission.prompt_announcement", { changes: changes.join("; ") });
    }

    function rememberAdvice() {
      var advice = showAdvice();
      Object.keys(advice).forEach(function (id) {
        announced[id] = advice[id].state;
      });
    }

    Object.keys(fields).forEach(function (name) {
      fields[name].addEventListener("input", function () {
        var value = fields[name].value;
        workbook.edit(function (wb) {
          wb.mission[name] = value;
        });
        if (name !== "mission") return;
        showAdvice();
        window.clearTimeout(announceTimer);
        announceTimer = window.setTimeout(announceChanges, ANNOUNCE_AFTER_MS);
      });
    });

    workbook.subscribe(function (wb, reason) {
      if (reason === "saved") return;
      fields.mission.value = wb.mission.mission || "";
      fields.vision.value = wb.mission.vision || "";
      rememberAdvice();
    });
  }

  toolkit.startModules("ct-mission", start);
})();
