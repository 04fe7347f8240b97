"""Keeping work: autosave status, save / clear / open a workbook file, refused files, two tabs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from browser_helpers import IMAGE_TEXT, SCRIPT_TEXT, empty_workbook, representative_workbook
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "build_tools/toolkit/schemas/workbook.schema.json").read_text(encoding="utf-8"))
HOSTILE = f"{IMAGE_TEXT} {SCRIPT_TEXT}"


def accept_dialogs(page) -> list[str]:
    seen = []

    def accept(dialog):
        seen.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    return seen


def type_into(page, selector: str, text: str):
    page.locator(selector).click()
    page.keyboard.type(text)


def status(page):
    return page.locator("[data-workbook-status]")


def wait_saved(page):
    expect(status(page)).to_contain_text("Saved in this browser at")


def save_file(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save workbook file").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def open_file(page, path: Path):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open workbook file").click()
    chooser.value.set_files(str(path))


def workbook_file(tmp_path: Path, data, name="workbook.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_status_says_saved_in_this_browser_with_the_time(recorder):
    page = recorder.open("mission")
    assert status(page).inner_text() == "No answers saved in this browser yet."
    type_into(page, "#mission-statement", "End trafficking through coordinated action.")
    wait_saved(page)
    assert re.fullmatch(r"Saved in this browser at \d\d:\d\d", status(page).inner_text())


def test_save_clear_open_gives_back_every_answer(recorder, tmp_path):
    page = recorder.open("mission")
    dialogs = accept_dialogs(page)
    type_into(page, "#mission-statement", "Protect every victim.\nSecond line, with “quotes”.")
    type_into(page, "#vision-statement", "A region free of trafficking.")
    wait_saved(page)
    saved = save_file(page, tmp_path)
    saved_data = json.loads(saved.read_text(encoding="utf-8"))
    jsonschema.validate(saved_data, SCHEMA)
    assert saved_data["mission"]["mission"] == "Protect every victim.\nSecond line, with “quotes”."

    page.get_by_role("button", name="Clear all my answers on this computer").click()
    assert "shared computer" in dialogs[-1]
    assert page.locator("#mission-statement").input_value() == ""
    assert "All answers were cleared" in status(page).inner_text()
    page.reload()
    assert page.locator("#mission-statement").input_value() == ""

    open_file(page, saved)
    expect(page.locator("#mission-statement")).not_to_have_value("")
    assert page.locator("#mission-statement").input_value() == saved_data["mission"]["mission"]
    assert page.locator("#vision-statement").input_value() == "A region free of trafficking."
    assert "Opened the workbook file" in status(page).inner_text()
    page.reload()
    assert page.locator("#vision-statement").input_value() == "A region free of trafficking."

    (tmp_path / "again").mkdir()
    again = save_file(page, tmp_path / "again")
    reopened = json.loads(again.read_text(encoding="utf-8"))
    for data in (saved_data, reopened):
        data.pop("savedAt")
    assert reopened == saved_data


BAD_FILES = {
    "not_json": ("{ this is not json", "could not be read as JSON"),
    "not_workbook": (json.dumps({"hello": "world"}), "is not a workbook file of this toolkit"),
    "damaged": (
        json.dumps(empty_workbook(mission={"mission": 42, "vision": ""})),
        "is damaged and cannot be opened (mission.mission is not text)",
    ),
    "newer_format": (json.dumps({**empty_workbook(), "formatVersion": 99}), "made with a newer version"),
    "too_large": ("x" * (5 * 1024 * 1024 + 1), "is too large to be a workbook"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_and_current_answers_stay(recorder, tmp_path, kind):
    data, message = BAD_FILES[kind]
    page = recorder.open("mission")
    dialogs = accept_dialogs(page)
    type_into(page, "#mission-statement", "My current answer")
    wait_saved(page)
    stored_before = page.evaluate("localStorage.getItem(CTToolkit.workbook.STORAGE_KEY)")

    open_file(page, workbook_file(tmp_path, data, f"{kind}.json"))
    alert = page.get_by_role("alert")
    alert.filter(has_text=message).wait_for()
    assert f"{kind}.json" in alert.inner_text()
    assert "Nothing was changed." in alert.inner_text()
    assert dialogs == []
    assert page.locator("#mission-statement").input_value() == "My current answer"
    assert page.evaluate("localStorage.getItem(CTToolkit.workbook.STORAGE_KEY)") == stored_before
    page.reload()
    assert page.locator("#mission-statement").input_value() == "My current answer"


def test_a_format_1_file_is_migrated(recorder, tmp_path):
    old = empty_workbook(formatVersion=1)
    old["checklist"] = {
        "info": {"country": "Tonga"},
        "answers": {"pv-01": "no"},
        "notes": {"pv-01": "No budget."},
    }
    old["mission"] = {"mission": "Older mission", "vision": ""}
    page = recorder.open("mission")
    open_file(page, workbook_file(tmp_path, old))
    status(page).filter(has_text="brought up to date").wait_for()
    assert page.locator("#mission-statement").input_value() == "Older mission"
    migrated = page.evaluate("CTToolkit.workbook.current()")
    assert migrated["formatVersion"] == 2
    assert migrated["checklist"]["answers"]["pv-01"] == {"answer": "no", "note": "No budget."}
    jsonschema.validate(migrated, SCHEMA)


def test_answers_to_questions_the_content_no_longer_has_are_kept(recorder, tmp_path):
    workbook = empty_workbook()
    workbook["checklist"]["answers"]["pv-99"] = {"answer": "yes", "note": "From an older checklist"}
    page = recorder.open("mission")
    open_file(page, workbook_file(tmp_path, workbook))
    status(page).filter(has_text="Opened").wait_for()
    type_into(page, "#vision-statement", "New vision")
    wait_saved(page)
    saved = json.loads(save_file(page, tmp_path).read_text(encoding="utf-8"))
    assert saved["checklist"]["answers"]["pv-99"] == {"answer": "yes", "note": "From an older checklist"}
    assert saved["mission"]["vision"] == "New vision"


def test_text_in_an_opened_file_is_shown_as_text_and_never_runs(recorder, tmp_path):
    workbook = empty_workbook(mission={"mission": HOSTILE, "vision": HOSTILE})
    workbook["swot"]["strengths"] = [{"id": "s-1", "text": HOSTILE}]
    workbook["challenges"]["own"] = [
        {"id": "own-1", "text": HOSTILE, "group": "", "applies": True, "priority": "high", "note": HOSTILE}
    ]
    page = recorder.open("mission")
    dialogs = accept_dialogs(page)
    open_file(page, workbook_file(tmp_path, workbook))
    status(page).filter(has_text="Opened").wait_for()
    assert page.locator("#mission-statement").input_value() == HOSTILE
    shown_as_typed = {
        "swot": lambda: expect(page.locator("[data-list='strengths'] [data-text]").first).to_have_value(
            HOSTILE
        ),
        "challenges": lambda: expect(page.locator("[data-own-field='text']").first).to_have_value(HOSTILE),
        "report": lambda: expect(page.locator("[data-module='ct-report']")).to_contain_text(HOSTILE),
    }
    for name, check in shown_as_typed.items():
        recorder.open(name)
        check()
        assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


def test_where_storage_is_refused_the_page_says_so(context, site):
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        "  throw new DOMException('refused', 'QuotaExceededError');"
        "};"
    )
    page = context.new_page()
    page.goto((site / "mission.html").as_uri())
    expected = "Not saved in this browser: save a workbook file to keep your answers"
    assert status(page).inner_text() == expected
    type_into(page, "#mission-statement", "Typed while storage is refused")
    page.evaluate("() => CTToolkit.workbook.flush()")  # the autosave, without waiting for it
    assert status(page).inner_text() == expected
    assert page.locator("#mission-statement").input_value() == "Typed while storage is refused"


def test_two_open_tabs_do_not_overwrite_each_others_answers(context, site):
    first, second = context.new_page(), context.new_page()
    first.goto((site / "mission.html").as_uri())
    second.goto((site / "checklist.html").as_uri())
    type_into(first, "#mission-statement", "Typed in the first tab")
    type_into(second, "#info-country", "Fiji")
    wait_saved(first)
    wait_saved(second)
    third = context.new_page()
    third.goto((site / "mission.html").as_uri())
    assert third.locator("#mission-statement").input_value() == "Typed in the first tab"
    third.goto((site / "checklist.html").as_uri())
    assert third.locator("#info-country").input_value() == "Fiji"


def test_an_answer_typed_just_before_the_tab_closes_is_kept(context, site):
    page = context.new_page()
    page.goto((site / "mission.html").as_uri())
    type_into(page, "#mission-statement", "Typed a moment before closing")
    # At once, well within the autosave delay; with unload handlers run, as closing a tab does.
    with page.expect_event("close"):
        page.close(run_before_unload=True)
    again = context.new_page()
    again.goto((site / "mission.html").as_uri())
    assert again.locator("#mission-statement").input_value() == "Typed a moment before closing"


def test_every_kind_of_answer_comes_back_identical_from_a_saved_file(recorder, tmp_path):
    page = recorder.open("checklist")
    dialogs = accept_dialogs(page)
    original = representative_workbook(page.evaluate("window.CTToolkitContent"))
    open_file(page, workbook_file(tmp_path, original))
    status(page).filter(has_text="Opened").wait_for()
    saved = save_file(page, tmp_path)
    saved_data = json.loads(saved.read_text(encoding="utf-8"))
    jsonschema.validate(saved_data, SCHEMA)

    page.get_by_role("button", name="Clear all my answers on this computer").click()
    assert len(dialogs) == 1
    page.reload()
    assert page.locator("input[data-answer]:checked").count() == 0

    open_file(page, saved)
    status(page).filter(has_text="Opened").wait_for()
    (tmp_path / "again").mkdir()
    again = json.loads(save_file(page, tmp_path / "again").read_text(encoding="utf-8"))
    for data in (original, saved_data, again):
        data.pop("savedAt")
    assert saved_data == original
    assert again == original

    # What each worksheet shows after the round trip.
    answers = original["checklist"]["answers"]
    page.reload()
    assert page.locator("#info-organisation").input_value() == "Ministry of Home Affairs"
    answered = [question for question, entry in answers.items() if entry["answer"]]
    assert page.locator("input[data-answer]:checked").count() == len(answered)
    assert page.locator("#note-pv-01").input_value() == answers["pv-01"]["note"]
    recorder.open("challenges")
    applying = [cid for cid, mark in original["challenges"]["marks"].items() if mark["applies"]]
    assert page.locator("[data-mark-applies]:checked").count() == len(applying)
    recorder.open("mission")
    assert page.locator("#mission-statement").input_value() == original["mission"]["mission"]
    recorder.open("swot")
    expect(page.locator("[data-list='weaknesses'] [data-text]").first).to_have_value("Too few shelters")
    recorder.open("smart")
    statement = original["smart"]["objectives"][0]["statement"]
    expect(page.locator(".ct-objective [data-field='statement']").first).to_have_value(statement)


def stored_workbook(page) -> dict | None:
    text = page.evaluate("localStorage.getItem(CTToolkit.workbook.STORAGE_KEY)")
    return json.loads(text) if text else None


def test_answers_typed_while_storage_refused_are_written_when_it_accepts_again(context, site):
    # Storage that can be made to refuse writes, as a full quota does.
    context.add_init_script(
        "const realSetItem = Storage.prototype.setItem;"
        "Storage.prototype.setItem = function (key, value) {"
        "  if (window.refuseWrites) throw new DOMException('full', 'QuotaExceededError');"
        "  return realSetItem.call(this, key, value);"
        "};"
    )
    page = context.new_page()
    page.goto((site / "mission.html").as_uri())
    type_into(page, "#mission-statement", "First")
    wait_saved(page)
    page.evaluate("window.refuseWrites = true")
    type_into(page, "#vision-statement", "Typed while storage was full")
    expect(status(page)).to_have_text("Not saved in this browser: save a workbook file to keep your answers")
    page.evaluate("window.refuseWrites = false")
    type_into(page, "#mission-statement", " and second")
    expect(status(page)).to_contain_text("Saved in this browser at")
    stored = stored_workbook(page)
    assert stored["mission"] == {"mission": "First and second", "vision": "Typed while storage was full"}


def test_clearing_in_one_tab_is_not_undone_by_another_open_tab(context, site):
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto((site / "mission.html").as_uri())
    type_into(first, "#mission-statement", "Confidential draft")
    wait_saved(first)
    second.reload()
    expect(second.locator("#mission-statement")).to_have_value("Confidential draft")

    second.on("dialog", lambda dialog: dialog.accept())
    second.get_by_role("button", name="Clear all my answers on this computer").click()
    expect(first.locator("#mission-statement")).to_have_value("")  # told by the storage event
    expect(status(first)).to_have_text("No answers saved in this browser yet.")
    type_into(first, "#vision-statement", "A new start")
    wait_saved(first)
    assert stored_workbook(first)["mission"] == {"mission": "", "vision": "A new start"}


def test_a_damaged_stored_workbook_is_kept_aside_not_overwritten(context, site):
    page = context.new_page()
    page.goto((site / "mission.html").as_uri())
    page.evaluate("localStorage.setItem(CTToolkit.workbook.STORAGE_KEY, '{\"format\": damaged')")
    page.reload()
    assert page.locator("#mission-statement").input_value() == ""
    type_into(page, "#mission-statement", "Typed after the damage")
    wait_saved(page)
    kept = page.evaluate("localStorage.getItem('counter-trafficking-toolkit:workbook:damaged-copy')")
    assert kept == '{"format": damaged'
    assert stored_workbook(page)["mission"]["mission"] == "Typed after the damage"


def test_clearing_is_not_undone_by_a_tab_with_answers_not_yet_written(recorder):
    page = recorder.open("mission")
    type_into(page, "#mission-statement", "Confidential draft")
    wait_saved(page)
    # An answer this tab has not written yet (autosave waits for typing to pause), when
    # another tab clears all answers: storage is emptied under this tab.
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => { wb.mission.vision = "Typed just now"; });
          localStorage.removeItem(CTToolkit.workbook.STORAGE_KEY);
          CTToolkit.workbook.flush();
        }"""
    )
    assert stored_workbook(page)["mission"] == {"mission": "", "vision": "Typed just now"}
