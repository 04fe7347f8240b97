/* The workbook bar on every worksheet: save status, save and open a workbook file, clear all.
 *
 * An opened file is read and fully checked before anything changes; a refused file leaves
 * the current answers exactly as they were and says why, in an alert region.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var workbook = toolkit.workbook;
  var t = toolkit.t;

  function formatTime(date) {
    // A 24-hour clock reads the same in every locale of the region and cannot be misread as AM or PM.
    return date.toLocaleTimeString(toolkit.content.language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }

  function formatSize(bytes) {
    return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + " MB" : Math.ceil(bytes / 1024) + " KB";
  }

  function fileName() {
    var day = new Date().toISOString().slice(0, 10);
    return "strategy-workbook-" + day + ".json";
  }

  function startBar(bar) {
    var status = bar.querySelector("[data-workbook-status]");
    var error = bar.querySelector("[data-workbook-error]");
    var fileInput = bar.querySelector("[data-workbook-file]");
    var message = null; // A one-off message (file saved, opened, cleared) shown until the next save.

    function showStatus() {
      var state = workbook.state;
      var text;
      if (!state.available || state.lastSaveFailed) text = t("workbook.status.not_saved");
      else if (state.lastSaved) text = t("workbook.status.saved", { time: formatTime(state.lastSaved) });
      else text = t("workbook.status.nothing_yet");
      var shown = message ? message + " " + text : text;
      // Rewriting a live region makes screen readers read it again, even unchanged.
      if (status.textContent !== shown) status.textContent = shown;
      status.classList.toggle("ct-status--warning", !state.available || state.lastSaveFailed);
    }

    function showError(text) {
      error.textContent = text;
    }

    function saveFile() {
      workbook.flush();
      var data = JSON.stringify(workbook.current(), null, 2);
      var link = toolkit.el("a", {
        href: URL.createObjectURL(new Blob([data], { type: "application/json" })),
        download: fileName(),
        hidden: true
      });
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () {
        URL.revokeObjectURL(link.href);
      }, 1000);
      showError("");
      message = t("workbook.status.file_saved", { name: link.download });
      showStatus();
    }

    function refuse(kind, values) {
      showError(t("workbook.file_errors." + kind, values));
    }

    function openFile(file) {
      var names = { name: file.name };
      if (file.size > workbook.MAX_FILE_BYTES) {
        refuse("too_large", { name: file.name, size: formatSize(file.size), limit: formatSize(workbook.MAX_FILE_BYTES) });
        return;
      }
      var reader = new FileReader();
      reader.onerror = function () {
        refuse("unreadable", names);
      };
      reader.onload = function () {
        var result;
        try {
          result = workbook.parse(String(reader.result));
        } catch (problem) {
          if (!(problem instanceof workbook.WorkbookProblem)) throw problem;
          refuse(problem.kind, {
            name: file.name,
            detail: problem.detail,
            found: problem.found,
            supported: workbook.FORMAT_VERSION
          });
          return;
        }
        if (workbook.hasAnswers() && !window.confirm(t("workbook.status.open_confirm"))) return;
        showError("");
        message = t("workbook.status.opened", names) + (result.migrated ? " " + t("workbook.status.migrated") : "");
        workbook.replace(result.workbook, "opened");
      };
      reader.readAsText(file);
    }

    function clearAll() {
      if (!window.confirm(t("workbook.clear_confirm"))) return;
      showError("");
      message = t("workbook.cleared");
      workbook.replace(workbook.empty(), "cleared");
    }

    bar.querySelector("[data-workbook-save]").addEventListener("click", saveFile);
    bar.querySelector("[data-workbook-open]").addEventListener("click", function () {
      fileInput.value = ""; // So that choosing the same file again still opens it.
      fileInput.click();
    });
    fileInput.addEventListener("change", function () {
      if (fileInput.files && fileInput.files[0]) openFile(fileInput.files[0]);
    });
    bar.querySelector("[data-workbook-clear]").addEventListener("click", clearAll);
    bar.querySelector("[data-workbook-print]").addEventListener("click", function () {
      workbook.flush();
      window.print();
    });
    bar.querySelector("[data-workbook-actions]").hidden = false;

    workbook.subscribe(function (current, reason) {
      if (reason === "saved") message = null; // A new save makes the one-off message old news.
      showStatus();
    });
  }

  toolkit.startModules("ct-workbook-bar", startBar);
})();
