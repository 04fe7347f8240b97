"""The checklist worksheet in Chromium from file://: filled by keyboard, kept, counted, safe."""

from __future__ import annotations

import pytest
from browser_helpers import IMAGE_TEXT, SCRIPT_TEXT, fail_on_dialog

pytestmark = pytest.mark.browser


def answer(page, question):
    return page.locator(f"input[name='answer-{question}']:checked").get_attribute("value")


def table_row(page, pillar):
    row = page.locator(f"[data-results-output] tr[data-pillar='{pillar}']")
    counts = {
        name: row.locator(f"[data-count='{name}']").inner_text()
        for name in ("yes", "no", "partly", "unknown", "na")
    }
    return counts, row.locator("[data-answered]").inner_text(), row.locator("[data-share]").inner_text()


def fill_by_keyboard(page):
    keyboard = page.keyboard
    page.locator("#info-organisation").focus()
    keyboard.type("Ministry " + SCRIPT_TEXT)
    keyboard.press("Tab")
    keyboard.type("Indonesia")
    keyboard.press("Tab")
    keyboard.type("Planning officer")
    keyboard.press("Tab")
    keyboard.type(IMAGE_TEXT)
    # Into pv-01's radio group: Space chooses the focused first option, Yes.
    keyboard.press("Tab")
    keyboard.press("Space")
    keyboard.press("Tab")
    keyboard.type("Budget line 2025 " + IMAGE_TEXT)
    # pv-02: an arrow key moves to and chooses the next option, No.
    keyboard.press("Tab")
    keyboard.press("ArrowRight")
    # Protection: from the last prevention note into pt-01's group; two arrows reach Partly.
    page.locator("#note-pv-14").focus()
    keyboard.press("Tab")
    keyboard.press("ArrowRight")
    keyboard.press("ArrowRight")
    keyboard.press("Tab")
    keyboard.type("Shelters in two provinces only")
    page.locator("#note-pt-14").focus()
    keyboard.press("Tab")
    keyboard.press("Space")
    # Partnership: Left from the first option wraps round to Not applicable.
    page.locator("#note-ps-14").focus()
    keyboard.press("Tab")
    keyboard.press("ArrowLeft")


def assert_filled(page):
    assert page.locator("#info-organisation").input_value() == "Ministry " + SCRIPT_TEXT
    assert page.locator("#info-country").input_value() == "Indonesia"
    assert page.locator("#info-role").input_value() == "Planning officer"
    assert page.locator("#info-contact").input_value() == IMAGE_TEXT
    assert answer(page, "pv-01") == "yes"
    assert answer(page, "pv-02") == "no"
    assert answer(page, "pt-01") == "partly"
    assert answer(page, "ps-01") == "yes"
    assert answer(page, "pa-01") == "na"
    assert page.locator("input[data-answer]:checked").count() == 5
    assert page.locator("#note-pv-01").input_value() == "Budget line 2025 " + IMAGE_TEXT
    assert page.locator("#note-pt-01").input_value() == "Shelters in two provinces only"
    assert page.locator("img[src='x']").count() == 0


def test_answers_typed_by_keyboard_are_kept_after_reload_and_navigation(recorder):
    page = recorder.open("checklist")
    fail_on_dialog(page)
    fill_by_keyboard(page)
    assert_filled(page)

    page.reload()
    assert_filled(page)

    page.locator(".md-footer__link--next").click()
    page.wait_for_load_state("load")
    assert "challenges" in page.url
    page.go_back()
    page.wait_for_load_state("load")
    assert_filled(page)


def test_progress_and_results_count_the_answers(recorder):
    page = recorder.open("checklist")
    fill_by_keyboard(page)

    progress = page.locator("[data-pillar-progress]")
    assert progress.all_inner_texts() == [
        "2 of 14 answered",
        "1 of 14 answered",
        "1 of 14 answered",
        "1 of 13 answered",
    ]
    yes_no = {"yes": "1", "no": "1", "partly": "0", "unknown": "0", "na": "0"}
    assert table_row(page, "prevention") == (yes_no, "2 of 14", "50%")
    assert table_row(page, "protection")[2] == "0%"
    assert table_row(page, "prosecution")[2] == "100%"
    # Not applicable is answered but left out of the share, so no share can be given.
    partnership = table_row(page, "partnership")
    assert partnership[0]["na"] == "1"
    assert partnership[1:] == ("1 of 13", "No answers yet")
    assert page.locator("[data-results-output] caption").inner_text() == "Your answers by pillar"

    chart = page.locator("[data-results-output] svg[role='img']")
    assert chart.get_attribute("aria-label")
    bars = chart.locator("rect.ct-results__bar")
    assert bars.count() == 4
    widths = [float(bars.nth(i).get_attribute("width")) for i in range(4)]
    assert widths[2] == 2 * widths[0] > 0  # prosecution 100%, prevention 50%
    assert widths[1] == widths[3] == 0

    # The figures follow a changed answer at once.
    page.locator("input[name='answer-pv-02'][value='yes']").focus()
    page.keyboard.press("Space")
    assert table_row(page, "prevention")[2] == "100%"


def test_no_shows_related_challenges_and_a_mark_reaches_the_challenges_page(recorder):
    page = recorder.open("checklist")
    related = page.locator("[data-related='pv-01']")
    assert related.is_hidden()

    page.locator("#info-contact").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # No
    assert related.is_visible()
    assert "ch-05" in related.inner_text()
    assert "Lack of funds/resources" in related.inner_text()
    boxes = related.locator("input[type='checkbox']")
    assert boxes.count() == 3
    assert [box.is_checked() for box in boxes.all()] == [False, False, False]  # only a suggestion

    page.keyboard.press("Tab")  # the note
    page.keyboard.press("Tab")  # the first related challenge, ch-05
    assert page.evaluate("document.activeElement.id") == "related-pv-01-ch-05"
    page.keyboard.press("Space")
    assert boxes.first.is_checked()

    page.locator("input[name='answer-pv-01'][value='yes']").focus()
    page.keyboard.press("Space")
    assert related.is_hidden()
    page.locator("input[name='answer-pv-01'][value='partly']").focus()
    page.keyboard.press("Space")
    assert related.is_visible()
    assert boxes.first.is_checked()

    recorder.open("challenges")
    assert page.locator("#applies-ch-05").is_checked()
    assert not page.locator("#applies-ch-07").is_checked()


def test_without_javascript_the_page_is_a_blank_worksheet(chromium, site):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site / "checklist.html").as_uri())
        assert page.locator("fieldset.ct-question").count() == 55
        assert page.locator("input[data-answer]").count() == 55 * 5
        assert page.locator("input[data-answer]:checked").count() == 0
        assert page.locator("#note-pa-13").is_visible()
        assert page.locator("#info-organisation").is_visible()
        assert page.locator("[data-checklist-results]").is_hidden()
    finally:
        context.close()
