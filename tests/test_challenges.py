"""The challenges worksheet in Chromium from file://: marks and own challenges by keyboard, kept,
summarised by priority, and shown as typed."""

from __future__ import annotations

import pytest
from browser_helpers import IMAGE_TEXT, SCRIPT_TEXT, fail_on_dialog

pytestmark = pytest.mark.browser


def own_field(page, name):
    return page.locator(f"[data-own] [data-own-field='{name}']")


def fill_by_keyboard(page):
    keyboard = page.keyboard
    # ch-01: from its legend's neighbourhood, Tab reaches the checkbox, then priority, then note.
    page.locator("#applies-ch-01").focus()
    keyboard.press("Space")
    keyboard.press("Tab")
    keyboard.press("ArrowDown")  # No priority set -> High
    keyboard.press("Tab")
    keyboard.type("Funding ends in 2026 " + SCRIPT_TEXT)
    keyboard.press("Tab")  # ch-02's checkbox
    keyboard.press("Space")
    keyboard.press("Tab")
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")  # Medium

    page.locator("[data-own-add]").focus()
    keyboard.press("Enter")  # focus moves to the new challenge's text
    keyboard.type("Online recruitment " + IMAGE_TEXT)
    keyboard.press("Tab")  # applies (ticked for a new challenge)
    keyboard.press("Tab")  # group
    keyboard.press("ArrowDown")  # Other (no group) -> Prevention
    keyboard.press("Tab")  # priority
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")  # Low
    keyboard.press("Tab")
    keyboard.type("Seen on social media")


def assert_filled(page):
    assert page.locator("#applies-ch-01").is_checked()
    assert page.locator("#priority-ch-01").input_value() == "high"
    assert page.locator("#note-ch-01").input_value() == "Funding ends in 2026 " + SCRIPT_TEXT
    assert page.locator("#applies-ch-02").is_checked()
    assert page.locator("#priority-ch-02").input_value() == "medium"
    assert page.locator("[data-mark-applies]:checked").count() == 2
    assert page.locator("[data-own]").count() == 1
    assert own_field(page, "text").input_value() == "Online recruitment " + IMAGE_TEXT
    assert own_field(page, "applies").is_checked()
    assert own_field(page, "group").input_value() == "prevention"
    assert own_field(page, "priority").input_value() == "low"
    assert own_field(page, "note").input_value() == "Seen on social media"
    assert page.locator("img[src='x']").count() == 0


def summary_ids(page, group):
    items = page.locator(f"[data-summary-group='{group}'] [data-summary-item]")
    return [item.get_attribute("data-summary-item") for item in items.all()]


def test_marks_and_own_challenges_by_keyboard_are_kept_after_reload_and_navigation(recorder):
    page = recorder.open("challenges")
    fail_on_dialog(page)
    fill_by_keyboard(page)
    assert_filled(page)

    page.reload()
    assert_filled(page)
    summary = page.locator("[data-challenge-summary]").inner_text()
    assert "Online recruitment " + IMAGE_TEXT in summary

    page.locator(".md-footer__link--prev").click()
    page.wait_for_load_state("load")
    assert "checklist" in page.url
    page.go_back()
    page.wait_for_load_state("load")
    assert_filled(page)


def test_summary_lists_chosen_challenges_by_group_highest_priority_first(recorder):
    page = recorder.open("challenges")
    summary = page.locator("[data-challenge-summary]")
    assert "not marked any challenge" in summary.inner_text()

    for challenge, priority in [("ch-01", "low"), ("ch-02", ""), ("ch-03", "high"), ("ch-04", "medium")]:
        page.locator(f"#applies-{challenge}").check()
        page.locator(f"#priority-{challenge}").select_option(priority)
    page.locator("#applies-ch-13").check()
    page.locator("[data-own-add]").click()
    page.keyboard.type("Own high one")
    own_field(page, "group").select_option("prevention")
    own_field(page, "priority").select_option("high")

    own_id = page.locator("[data-own]").get_attribute("data-own")
    assert summary_ids(page, "prevention") == ["ch-03", own_id, "ch-04", "ch-01", "ch-02"]
    assert summary_ids(page, "protection") == ["ch-13"]
    assert page.locator("[data-summary-count]").inner_text() == "6 challenges chosen"
    assert "ch-03" in summary.locator("[data-summary-item='ch-03']").inner_text()

    # Unmarking takes a challenge out; a new priority moves it at once. Within one priority,
    # the listed challenges keep their order and come before the user's own.
    page.locator("#applies-ch-03").uncheck()
    page.locator("#priority-ch-01").select_option("high")
    assert summary_ids(page, "prevention") == ["ch-01", own_id, "ch-04", "ch-02"]

    page.reload()
    assert summary_ids(page, "prevention") == ["ch-01", own_id, "ch-04", "ch-02"]


def test_removing_an_own_challenge_can_be_undone(recorder):
    page = recorder.open("challenges")
    fail_on_dialog(page)
    for text in ("First own", "Second own"):
        page.locator("[data-own-add]").focus()
        page.keyboard.press("Enter")
        page.keyboard.type(text)

    page.locator("[data-own-remove]").first.focus()
    page.keyboard.press("Enter")
    assert [f.input_value() for f in own_field(page, "text").all()] == ["Second own"]
    status = page.locator("[data-own-status]")
    assert "First own" in status.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Undo removing it"
    page.keyboard.press("Enter")
    assert [f.input_value() for f in own_field(page, "text").all()] == ["First own", "Second own"]

    page.reload()
    assert [f.input_value() for f in own_field(page, "text").all()] == ["First own", "Second own"]


def test_every_control_has_a_label_that_names_its_challenge(recorder):
    page = recorder.open("challenges")
    assert page.locator("[data-challenge]").count() == 29
    # The label as a screen reader reads it (its text, visually hidden parts included).
    label = page.locator("label[for='priority-ch-07']").text_content()
    assert "Priority" in label
    assert "ch-07" in label
    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('.ct-challenges input, .ct-challenges select,'
            + ' .ct-challenges textarea')).filter(c => !c.labels || c.labels.length === 0).map(c => c.id)"""
    )
    assert unlabelled == []


def test_without_javascript_the_page_is_a_blank_worksheet(chromium, site):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site / "challenges.html").as_uri())
        assert page.locator("[data-challenge]").count() == 29
        assert page.locator("[data-mark-applies]:checked").count() == 0
        assert page.locator("#note-ch-29").is_visible()
        assert page.locator("#own-paper-1").is_visible()
        assert page.locator("[data-own-add]").is_hidden()
        assert page.locator("[data-challenge-summary]").is_hidden()
    finally:
        context.close()
