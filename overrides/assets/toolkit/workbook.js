/* The workbook: all answers of all worksheets, kept in this browser and in a workbook file.
 *
 * Every file:// page on a computer shares one localStorage, and so does every other copy of
 * the toolkit, so the key carries the toolkit's id and the data-format version
 * (DECISIONS.md 3). Storage can be missing or refuse to write (private windows, quota,
 * Safari on file://): every call is wrapped, and the page then says its answers are not kept.
 *
 * Worksheets change answers through edit(fn). The change applies at once to the page's copy
 * and is written within a second. Before writing, the stored workbook is read again and the
 * pending changes are applied to it, so two open tabs never overwrite each other's answers.
 */
(function () {
  "use strict";

  var toolkit = window.CTToolkit;
  var FORMAT = "counter-trafficking-strategy-workbook";
  var FORMAT_VERSION = 2;
  var KEY_PREFIX = "counter-trafficking-toolkit:workbook:v";
  var STORAGE_KEY = KEY_PREFIX + FORMAT_VERSION;
  var DAMAGED_KEY = "counter-trafficking-toolkit:workbook:damaged-copy";
  var MAX_FILE_BYTES = 5 * 1024 * 1024;
  var SAVE_DELAY_MS = 300;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var ANSWERS = ["yes", "no", "partly", "unknown", "na"];
  var PRIORITIES = ["", "high", "medium", "low"];
  var SWOT_LISTS = ["objectives", "strengths", "weaknesses", "opportunities", "threats", "resources"];

  function emptyWorkbook() {
    return {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      toolkitVersion: toolkit.content.version,
      savedAt: null,
      checklist: { info: {}, answers: {} },
      challenges: { marks: {}, own: [] },
      mission: { mission: "", vision: "" },
      swot: {
        objectives: [], strengths: [], weaknesses: [], opportunities: [], threats: [],
        policyElements: [], resources: []
      },
      smart: { objectives: [] }
    };
  }

  // ---- Migrations: each turns format N into N + 1 --------------------------------------

  var MIGRATIONS = {
    // Format 1 kept a checklist answer as a bare string and its note in a separate map.
    1: function (old) {
      var checklist = old.checklist || {};
      var answers = {};
      Object.keys(checklist.answers || {}).forEach(function (id) {
        answers[id] = { answer: checklist.answers[id], note: "" };
      });
      Object.keys(checklist.notes || {}).forEach(function (id) {
        answers[id] = answers[id] || { answer: "", note: "" };
        answers[id].note = checklist.notes[id];
      });
      var migrated = Object.assign({}, old, { formatVersion: 2 });
      migrated.checklist = { info: checklist.info || {}, answers: answers };
      return migrated;
    }
  };

  function migrate(data) {
    var version = data.formatVersion;
    while (version < FORMAT_VERSION) {
      data = MIGRATIONS[version](data);
      version = data.formatVersion;
    }
    return data;
  }

  // ---- Validation of a workbook from a file or from storage ----------------------------
  // Mirrors build_tools/toolkit/schemas/workbook.schema.json; tests keep the two in step.

  function check(condition, path, expected) {
    if (!condition) throw new WorkbookProblem("damaged", path + " " + expected);
  }
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  // No length limit per field (the file as a whole has one): an answer the page accepted must
  // never make the stored workbook unreadable.
  function checkText(value, path) {
    check(typeof value === "string", path, "is not text");
  }
  function isId(value) {
    return typeof value === "string" && ID.test(value);
  }
  function checkTextMap(map, path) {
    check(isObject(map), path, "is not a group of fields");
    Object.keys(map).forEach(function (key) {
      check(ID.test(key), path, "has a field with a wrong name");
      checkText(map[key], path + "." + key);
    });
  }
  function checkItems(items, path, extra) {
    check(Array.isArray(items), path, "is not a list");
    var seen = {};
    items.forEach(function (item, index) {
      var itemPath = path + "[" + index + "]";
      check(isObject(item), itemPath, "is not an item");
      check(isId(item.id), itemPath + ".id", "is not an id");
      check(!seen[item.id], itemPath + ".id", "is used twice");
      seen[item.id] = true;
      if (extra) extra(item, itemPath);
    });
  }
  function checkOptionalText(item, names, path) {
    names.forEach(function (name) {
      if (item[name] !== undefined) checkText(item[name], path + "." + name);
    });
  }
  function checkIdList(list, path) {
    check(Array.isArray(list), path, "is not a list");
    list.forEach(function (id, index) {
      check(isId(id), path + "[" + index + "]", "is not an id");
    });
  }

  function validateCurrentFormat(data) {
    var checklist = data.checklist;
    check(isObject(checklist), "checklist", "is missing");
    checkTextMap(checklist.info, "checklist.info");
    check(isObject(checklist.answers), "checklist.answers", "is not a group of answers");
    Object.keys(checklist.answers).forEach(function (id) {
      var path = "checklist.answers." + id;
      var entry = checklist.answers[id];
      check(ID.test(id), path, "is not a question id");
      check(isObject(entry), path, "is not an answer");
      check(entry.answer === "" || ANSWERS.indexOf(entry.answer) >= 0, path + ".answer", "is not a known answer");
      checkText(entry.note, path + ".note");
    });

    var challenges = data.challenges;
    check(isObject(challenges), "challenges", "is missing");
    check(isObject(challenges.marks), "challenges.marks", "is not a group of marks");
    Object.keys(challenges.marks).forEach(function (id) {
      checkMark(challenges.marks[id], "challenges.marks." + id, id);
    });
    checkItems(challenges.own, "challenges.own", function (item, path) {
      checkMark(item, path, item.id);
      checkText(item.text, path + ".text");
      checkOptionalText(item, ["group"], path);
    });

    check(isObject(data.mission), "mission", "is missing");
    checkText(data.mission.mission, "mission.mission");
    checkText(data.mission.vision, "mission.vision");

    var swot = data.swot;
    check(isObject(swot), "swot", "is missing");
    SWOT_LISTS.forEach(function (name) {
      checkItems(swot[name], "swot." + name, function (item, path) {
        checkText(item.text, path + ".text");
        if (item.challenge !== undefined) check(isId(item.challenge), path + ".challenge", "is not an id");
      });
    });
    checkItems(swot.policyElements, "swot.policyElements", function (item, path) {
      checkText(item.text, path + ".text");
      checkIdList(item.links, path + ".links");
    });

    check(isObject(data.smart), "smart", "is missing");
    checkItems(data.smart.objectives, "smart.objectives", function (item, path) {
      checkOptionalText(item, ["statement", "indicator", "baseline", "target", "deadline",
        "responsible", "resources"], path);
      if (item.policyElement !== undefined && item.policyElement !== "") {
        check(isId(item.policyElement), path + ".policyElement", "is not an id");
      }
    });
  }

  function checkMark(mark, path, id) {
    check(ID.test(id), path, "is not a challenge id");
    check(isObject(mark), path, "is not a mark");
    check(typeof mark.applies === "boolean", path + ".applies", "is not true or false");
    check(PRIORITIES.indexOf(mark.priority) >= 0, path + ".priority", "is not high, medium or low");
    checkText(mark.note, path + ".note");
  }

  function WorkbookProblem(kind, detail, found) {
    this.kind = kind;
    this.detail = detail || "";
    this.found = found;
  }

  // Parse and check a workbook; returns {workbook, migrated} or throws a WorkbookProblem.
  function parseWorkbook(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new WorkbookProblem("not_json");
    }
    if (!isObject(data) || data.format !== FORMAT) throw new WorkbookProblem("not_workbook");
    var version = data.formatVersion;
    if (typeof version !== "number" || version !== Math.floor(version) || version < 1) {
      throw new WorkbookProblem("damaged", "formatVersion is not a format number");
    }
    if (version > FORMAT_VERSION) throw new WorkbookProblem("newer_format", "", version);
    var migrated = version < FORMAT_VERSION;
    if (migrated) {
      try {
        data = migrate(data);
      } catch (error) {
        throw new WorkbookProblem("damaged", "it cannot be brought up to date");
      }
    }
    validateCurrentFormat(data);
    return { workbook: normalise(data), migrated: migrated };
  }

  // A valid workbook may leave out empty parts; fill them so worksheets need not check.
  function normalise(data) {
    var full = emptyWorkbook();
    ["checklist", "challenges", "mission", "swot", "smart"].forEach(function (name) {
      full[name] = Object.assign(full[name], data[name]);
    });
    full.toolkitVersion = data.toolkitVersion || full.toolkitVersion;
    full.savedAt = data.savedAt || null;
    return full;
  }

  // ---- Storage ---------------------------------------------------------------------------

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // Accessing localStorage itself throws where storage is disabled.
    }
  }

  // What storage holds. "Nothing stored" (never saved, or cleared) means start empty; "cannot
  // read" (storage refused) and "damaged" mean keep what the page has: never confuse the two.
  function readStored() {
    var store = storage();
    if (!store) return { kind: "unavailable" };
    var text;
    try {
      text = store.getItem(STORAGE_KEY);
      for (var version = FORMAT_VERSION - 1; text === null && version >= 1; version--) {
        text = store.getItem(KEY_PREFIX + version); // A workbook kept by an older version.
      }
    } catch (error) {
      return { kind: "unavailable" };
    }
    if (text === null) return { kind: "absent" };
    try {
      return { kind: "workbook", workbook: parseWorkbook(text).workbook };
    } catch (error) {
      return { kind: "damaged", text: text };
    }
  }

  // A stored workbook that cannot be read is copied aside before anything overwrites it, so
  // that its answers can still be recovered by hand.
  function keepDamaged(text) {
    try {
      var store = storage();
      if (store.getItem(DAMAGED_KEY) === null) store.setItem(DAMAGED_KEY, text);
    } catch (error) {
      /* Nothing more can be done here. */
    }
  }

  function writeStored(workbook) {
    var store = storage();
    if (!store) return false;
    try {
      store.setItem(STORAGE_KEY, JSON.stringify(workbook));
      return true;
    } catch (error) {
      return false; // Quota exceeded, or storage refused.
    }
  }

  function removeStored() {
    var store = storage();
    if (!store) return;
    var keys = [DAMAGED_KEY];
    for (var version = 1; version <= FORMAT_VERSION; version++) keys.push(KEY_PREFIX + version);
    keys.forEach(function (key) {
      try {
        store.removeItem(key);
      } catch (error) {
        /* Nothing more can be done; the status already says storage is unavailable. */
      }
    });
  }

  function storageWorks() {
    var store = storage();
    if (!store) return false;
    try {
      var probe = KEY_PREFIX + "probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  // ---- The page's workbook ---------------------------------------------------------------

  var started = window.performance ? performance.now() : 0;
  var stored = readStored();
  var current = stored.kind === "workbook" ? stored.workbook : emptyWorkbook();
  // How long reading and checking the stored workbook took: the benchmark reports it.
  var readMs = window.performance ? performance.now() - started : 0;
  var pending = [];
  var timer = null;
  var listeners = [];
  var changedElsewhere = false; // another tab saved while this page had changes to write
  var state = {
    available: storageWorks(),
    lastSaved: current.savedAt ? new Date(current.savedAt) : null,
    // A write failed: storage lacks some of this page's answers, so the page's copy is the
    // only complete one until a write succeeds.
    lastSaveFailed: false
  };

  function notify(reason) {
    listeners.forEach(function (listener) {
      listener(current, reason);
    });
  }

  // Apply a change now; keep it until it is written to storage.
  function edit(change) {
    change(current);
    pending.push(change);
    if (timer === null) timer = window.setTimeout(flush, SAVE_DELAY_MS);
  }

  // The workbook that pending changes are written onto: the stored one, so that what other
  // tabs saved is kept, unless storage cannot give a complete one.
  function baseForWriting() {
    if (state.lastSaveFailed) return current;
    var found = readStored();
    if (found.kind === "workbook") return found.workbook;
    if (found.kind === "absent") return emptyWorkbook(); // cleared, perhaps in another tab
    if (found.kind === "damaged") keepDamaged(found.text);
    return current;
  }

  function write() {
    current.savedAt = new Date().toISOString();
    current.toolkitVersion = toolkit.content.version;
    var saved = writeStored(current);
    state.available = saved;
    state.lastSaveFailed = !saved;
    if (saved) state.lastSaved = new Date(current.savedAt);
  }

  function flush() {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    if (!pending.length) return;
    var base = baseForWriting();
    if (base !== current) {
      pending.forEach(function (change) {
        change(base);
      });
    }
    pending = [];
    current = base;
    write();
    // Answers another tab saved meanwhile are now in this page's copy: worksheets redraw.
    notify(changedElsewhere ? "changed-elsewhere" : "saved");
    changedElsewhere = false;
  }

  // Replace everything (an opened file, or clearing): pending edits are dropped on purpose.
  function replace(workbook, reason) {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    pending = [];
    current = workbook;
    if (reason === "cleared") {
      removeStored();
      state.lastSaved = null;
      state.lastSaveFailed = false;
    } else {
      write();
    }
    notify(reason);
  }

  // Take what another tab saved (or what storage holds after the page comes back from the
  // back-forward cache), unless this page has answers that are not stored yet.
  function adoptStored(reason) {
    if (pending.length || state.lastSaveFailed) {
      changedElsewhere = pending.length > 0;
      return;
    }
    var found = readStored();
    if (found.kind === "workbook") current = found.workbook;
    else if (found.kind === "absent") current = emptyWorkbook();
    else return;
    state.lastSaved = current.savedAt ? new Date(current.savedAt) : null;
    notify(reason);
  }

  // Answers typed just before the tab closes or the page is left are written at once.
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY) adoptStored("changed-elsewhere");
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) adoptStored("restored");
  });

  toolkit.workbook = {
    FORMAT: FORMAT,
    FORMAT_VERSION: FORMAT_VERSION,
    STORAGE_KEY: STORAGE_KEY,
    MAX_FILE_BYTES: MAX_FILE_BYTES,
    WorkbookProblem: WorkbookProblem,
    empty: emptyWorkbook,
    parse: parseWorkbook,
    current: function () {
      return current;
    },
    state: state,
    edit: edit,
    flush: flush,
    replace: replace,
    hasAnswers: function () {
      return JSON.stringify(Object.assign({}, current, { savedAt: null, toolkitVersion: "" })) !==
        JSON.stringify(Object.assign(emptyWorkbook(), { savedAt: null, toolkitVersion: "" }));
    },
    // Call `listener(workbook, reason)` now and whenever the workbook is saved or replaced.
    subscribe: function (listener) {
      listeners.push(listener);
      listener(current, "loaded");
    },
    // Milliseconds from this script starting to now: the benchmark reads it after restoring.
    readMs: function () {
      return readMs;
    },
    sinceStart: function () {
      return window.performance ? performance.now() - started : 0;
    }
  };
})();
