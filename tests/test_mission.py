"""The mission worksheet in Chromium from file://: drafts by keyboard, kept, advised live, and
shown as typed."""

from __future__ import annotations

import pytest
from browser_helpers import IMAGE_TEXT, SCRIPT_TEXT, fail_on_dialog

pytestmark = pytest.mark.browser

MISSION = "End trafficking in persons for victims and communities at risk, through coordination " + IMAGE_TEXT
VISION = "A region where no one is bought or sold " + SCRIPT_TEXT


def prompt_status(page, prompt: str) -> str:
    return page.locator(f"[data-prompt='{prompt}'] .ct-prompt__status").inner_text()


def assert_drafts_kept(page):
    assert page.get_by_label("Mission statement").input_value() == MISSION
    assert page.get_by_label("Vision statement").input_value() == VISION
    assert page.locator("img[src='x']").count() == 0


def test_drafts_are_typed_by_keyboard_and_kept_after_reload_and_navigation(recorder, page):
    fail_on_dialog(page)
    recorder.open("mission")
    assert prompt_status(page, "memorable") == "Not drafted yet"
    page.get_by_label("Mission statement").focus()
    page.keyboard.type(MISSION)
    page.keyboard.press("Tab")
    page.keyboard.type(VISION)
    assert_drafts_kept(page)

    page.reload()
    assert_drafts_kept(page)
    recorder.open("swot")
    recorder.open("mission")
    assert_drafts_kept(page)
    # Restored drafts are advised on at once.
    assert prompt_status(page, "outcome") == "Seems covered"


def test_prompts_advise_live_and_announce_after_a_pause(recorder, page):
    fail_on_dialog(page)
    recorder.open("mission")
    mission = page.get_by_label("Mission statement")
    mission.focus()
    page.keyboard.type("Our plan")
    assert prompt_status(page, "memorable") == "2 words"
    assert prompt_status(page, "audience") == "Check this"
    assert prompt_status(page, "means") == "Check this"
    page.keyboard.type(" protects victims through prosecution")
    assert prompt_status(page, "audience") == "Seems covered"
    assert prompt_status(page, "means") == "Seems covered"
    status = page.locator("[data-module='ct-mission'] [role=status]")
    page.wait_for_function(
        "el => el.textContent.includes('for whom? Seems covered')", arg=status.element_handle()
    )

    page.keyboard.type(" and" * 30)
    assert prompt_status(page, "memorable") == "36 words: consider shortening"
    # Advice never blocks: the long draft is kept as typed.
    page.reload()
    assert len(mission.input_value().split()) == 36


def test_the_save_status_is_written_only_when_its_text_changes(recorder, page):
    recorder.open("mission")
    status = page.locator("[data-workbook-status]")
    page.get_by_label("Mission statement").focus()
    page.keyboard.type("End")
    page.evaluate("() => CTToolkit.workbook.flush()")
    # A screen reader reads the live region again at every write, even of the same text.
    status.evaluate(
        """region => {
          window.statusWrites = 0;
          new MutationObserver(changes => { window.statusWrites += changes.length; })
            .observe(region, {childList: true, characterData: true, subtree: true});
        }"""
    )
    for _ in range(3):  # the saved time names the minute; it may turn over once
        before = status.text_content()
        page.evaluate("() => { window.statusWrites = 0; }")
        for text in [" trafficking", " in persons"]:
            page.keyboard.type(text)
            page.evaluate("() => CTToolkit.workbook.flush()")
        if status.text_content() == before:
            break
    assert before.startswith("Saved in this browser at")
    assert page.evaluate("window.statusWrites") == 0
