"""The SWOT worksheet in Chromium from file://: the four lists and policy elements by keyboard,
kept, the worked example, challenges brought in from the challenges worksheet, and text shown
as typed."""

from __future__ import annotations

import re

import pytest
from browser_helpers import FOCUSED_NAME, IMAGE_TEXT, SCRIPT_TEXT, fail_on_dialog, tab_to
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"]


def item_texts(page, list_name: str) -> list[str]:
    return page.locator(f"[data-list='{list_name}'] .ct-list__item [data-text]").evaluate_all(
        "inputs => inputs.map(input => input.value)"
    )


def fill_by_keyboard(page) -> None:
    keyboard = page.keyboard
    page.locator("#swot-new-objectives").focus()
    keyboard.type("Find the main obstacles")
    keyboard.press("Enter")
    tab_to(page, "New strength")
    for text in ["Strong judiciary", "Strong statistics", IMAGE_TEXT]:
        keyboard.type(text)
        keyboard.press("Enter")  # focus stays in the new-item box, ready for the next
    tab_to(page, "New weakness")
    keyboard.type("Corruption " + SCRIPT_TEXT)
    keyboard.press("Enter")
    tab_to(page, "New opportunity")
    keyboard.type("Regional support")
    keyboard.press("Enter")
    tab_to(page, "New threat")
    keyboard.type("Organised crime")
    keyboard.press("Enter")
    keyboard.type("Temporary threat")
    keyboard.press("Enter")

    # Edit one, move one up, remove one.
    tab_to(page, "Strength 1", backwards=True)
    keyboard.press("End")
    keyboard.type(" and courts")
    tab_to(page, "Move \u2018Strong statistics\u2019 up")
    keyboard.press("Enter")
    assert page.evaluate(FOCUSED_NAME) == "Move \u2018Strong statistics\u2019 up"
    tab_to(page, "Remove \u2018Temporary threat\u2019")
    keyboard.press("Space")

    # A policy element, linked to two items.
    tab_to(page, "New policy element")
    keyboard.type("Strengthen prosecution on corruption")
    keyboard.press("Enter")
    # The element's link choices open from their summary, which comes before the new-item box.
    tab_to(
        page, "Items that lead to \u2018Strengthen prosecution on corruption\u2019: 0 linked", backwards=True
    )
    keyboard.press("Enter")
    tab_to(page, "Strong judiciary and courts")
    keyboard.press("Space")
    tab_to(page, "Corruption " + SCRIPT_TEXT)
    keyboard.press("Space")


def assert_filled(page) -> None:
    assert item_texts(page, "objectives") == ["Find the main obstacles"]
    assert item_texts(page, "strengths") == ["Strong statistics", "Strong judiciary and courts", IMAGE_TEXT]
    assert item_texts(page, "weaknesses") == ["Corruption " + SCRIPT_TEXT]
    assert item_texts(page, "opportunities") == ["Regional support"]
    assert item_texts(page, "threats") == ["Organised crime"]
    assert item_texts(page, "policyElements") == ["Strengthen prosecution on corruption"]
    element = page.locator("[data-list='policyElements'] .ct-policy").first
    expect(element.locator(".ct-policy__summary")).to_have_text(
        "Items that lead to \u2018Strengthen prosecution on corruption\u2019: 2 linked"
    )
    linked = element.locator(".ct-policy__linked li").all_text_contents()
    assert linked == ["Strong judiciary and courts", "Corruption " + SCRIPT_TEXT]
    assert page.locator("img[src='x']").count() == 0


def test_swot_is_filled_by_keyboard_and_kept_after_reload_and_navigation(recorder, page):
    fail_on_dialog(page)
    recorder.open("swot")
    fill_by_keyboard(page)
    assert_filled(page)
    # The last action (a link ticked) is quiet; the removal before it was announced.
    assert page.locator("[data-module='ct-swot'] [role=status]").last.text_content() != ""

    page.reload()
    assert_filled(page)
    recorder.open("mission")
    recorder.open("swot")
    assert_filled(page)


def test_moving_and_removing_announce_and_keep_focus(recorder, page):
    fail_on_dialog(page)
    recorder.open("swot")
    page.locator("#swot-new-threats").focus()
    for text in ["First", "Second", "Third"]:
        page.keyboard.type(text)
        page.keyboard.press("Enter")
    status = page.locator("[data-module='ct-swot'] [role=status]").last
    tab_to(page, "Move \u2018Third\u2019 up", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.textContent.includes('position 2 of 3')", arg=status.element_handle())
    assert item_texts(page, "threats") == ["First", "Third", "Second"]
    page.keyboard.press("Enter")  # focus stayed on the same item's Up button
    assert item_texts(page, "threats") == ["Third", "First", "Second"]

    tab_to(page, "Remove \u2018First\u2019")
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.textContent.startsWith('Removed')", arg=status.element_handle())
    assert item_texts(page, "threats") == ["Third", "Second"]
    # Focus goes to the item that took the removed one's place.
    assert page.evaluate(FOCUSED_NAME) == "Threat 2"


def test_worked_example_asks_before_replacing_answers_and_fills_the_grid(recorder, page):
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept() if len(dialogs) > 1 else dialog.dismiss()

    page.on("dialog", answer)
    recorder.open("swot")
    fill_example = page.get_by_role("button", name="Start from the worked example")
    fill_example.focus()
    page.keyboard.press("Enter")
    assert dialogs == []  # nothing to replace yet
    assert item_texts(page, "strengths") == [
        "Comprehensive legislation and adherence to international laws",
        "Strong judiciary",
        "Strong statistical capacities",
    ]
    assert len(item_texts(page, "threats")) == 3
    assert len(item_texts(page, "objectives")) == 3
    prosecution = page.locator("[data-list='policyElements'] .ct-policy").nth(2)
    assert prosecution.locator("[data-text]").input_value() == "Strengthen prosecution on corruption"
    prosecution.locator(".ct-policy__summary").click()
    ticked = prosecution.locator("input:checked").evaluate_all(
        "boxes => boxes.map(box => box.labels[0].textContent)"
    )
    assert ticked == ["Strong judiciary", "Corruption in police and administration"]
    linked = prosecution.locator(".ct-policy__linked li").all_text_contents()
    assert linked == ticked

    page.locator("#swot-new-resources").focus()
    page.keyboard.type("Two analysts")
    page.keyboard.press("Enter")
    fill_example.click()  # dismissed: nothing changes
    assert len(dialogs) == 1
    assert item_texts(page, "resources") == ["Two analysts"]
    fill_example.click()  # accepted: replaced
    assert len(dialogs) == 2
    assert item_texts(page, "resources") == []
    page.reload()
    assert len(item_texts(page, "weaknesses")) == 3


def test_challenges_marked_as_applying_can_be_added_as_weakness_or_threat(recorder, page):
    fail_on_dialog(page)
    recorder.open("swot")
    page.evaluate(
        """own => {
          CTToolkit.workbook.edit(wb => {
            wb.challenges.marks["ch-02"] = {applies: true, priority: "high", note: ""};
            wb.challenges.marks["ch-05"] = {applies: false, priority: "", note: ""};
            wb.challenges.own = [{id: "own-a1", text: own, group: "", applies: true, priority: "", note: ""}];
          });
          CTToolkit.workbook.flush();
        }""",
        "Shelters close " + IMAGE_TEXT,
    )
    page.reload()
    panel = page.locator("[data-swot-challenges]")
    assert "Limited research and data" in panel.inner_text()
    assert "Lack of funds/resources" not in panel.inner_text()  # ch-05 does not apply
    assert "Shelters close " + IMAGE_TEXT in panel.inner_text()

    add_weakness = page.get_by_role("button", name="Add as weakness: Limited research and data")
    add_weakness.focus()
    page.keyboard.press("Enter")
    assert item_texts(page, "weaknesses") == ["Limited research and data"]
    assert "Limited research and data" not in panel.inner_text()
    # Focus went on to the next challenge's first button.
    assert page.evaluate(FOCUSED_NAME) == "Add as weakness: Shelters close " + IMAGE_TEXT
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Add as threat
    assert item_texts(page, "threats") == ["Shelters close " + IMAGE_TEXT]
    assert page.locator("img[src='x']").count() == 0

    page.reload()
    assert item_texts(page, "weaknesses") == ["Limited research and data"]
    stored = page.evaluate("CTToolkit.workbook.current().swot")
    assert stored["weaknesses"][0]["challenge"] == "ch-02"
    assert stored["threats"][0]["challenge"] == "own-a1"
    assert panel.locator("li").count() == 0


def seed_element_linked_to_a_strength(page) -> None:
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => {
            wb.swot.strengths = [{id: "s-1", text: "Strong judiciary"}];
            wb.swot.policyElements = [{id: "p-1", text: "Fair trials", links: ["s-1"]}];
          });
          CTToolkit.workbook.flush();
        }"""
    )
    page.reload()


def test_typing_in_an_item_renames_its_links_in_place_and_keeps_a_half_typed_element(recorder, page):
    recorder.open("swot")
    seed_element_linked_to_a_strength(page)
    element = page.locator("[data-list='policyElements'] .ct-policy").first
    element.locator(".ct-policy__summary").click()  # the link choices are open
    page.evaluate("window.elementRow = document.querySelector(\"[data-list='policyElements'] .ct-policy\")")
    page.locator("#swot-new-policyElements").focus()
    page.keyboard.type("Half typed")

    page.locator("#swot-s-1").focus()
    page.keyboard.press("End")
    page.keyboard.type(" and courts")

    assert page.locator("#swot-new-policyElements").input_value() == "Half typed"
    assert element.locator(".ct-policy__linked li").all_text_contents() == ["Strong judiciary and courts"]
    expect(element.locator("label[for='link-p-1-s-1']")).to_have_text("Strong judiciary and courts")
    assert element.locator("input[type=checkbox]:checked").count() == 1
    # The element's row was not rebuilt at every key.
    assert page.evaluate(
        "window.elementRow === document.querySelector(\"[data-list='policyElements'] .ct-policy\")"
    )
    assert page.evaluate("document.activeElement.id") == "swot-s-1"


def test_new_item_drafts_are_kept_when_lists_are_drawn_again(recorder, page):
    page.on("dialog", lambda dialog: dialog.accept())
    recorder.open("swot")
    page.locator("#swot-new-threats").focus()
    for text in ["First", "Second", "Third"]:
        page.keyboard.type(text)
        page.keyboard.press("Enter")
    page.keyboard.type("Half a threat")
    page.locator("#swot-new-strengths").focus()
    page.keyboard.type("Half a strength")

    page.get_by_role("button", name="Move \u2018Third\u2019 up").click()
    page.get_by_role("button", name="Remove \u2018First\u2019").click()
    assert item_texts(page, "threats") == ["Third", "Second"]
    assert page.locator("#swot-new-threats").input_value() == "Half a threat"

    page.get_by_role("button", name="Start from the worked example").click()  # draws every list
    assert len(item_texts(page, "threats")) == 3
    assert page.locator("#swot-new-threats").input_value() == "Half a threat"
    assert page.locator("#swot-new-strengths").input_value() == "Half a strength"

    # Adding the draft empties its box for the next item.
    page.locator("#swot-new-strengths").focus()
    page.keyboard.press("Enter")
    assert item_texts(page, "strengths")[-1] == "Half a strength"
    page.get_by_role("button", name="Remove \u2018Strong judiciary\u2019").click()
    assert page.locator("#swot-new-strengths").input_value() == ""


def test_a_save_from_another_tab_keeps_focus_and_caret_in_the_item_being_typed(recorder, page, context):
    recorder.open("swot")
    seed_element_linked_to_a_strength(page)
    other = context.new_page()
    other.goto(recorder.url("swot"))

    page.locator("#swot-s-1").focus()
    page.keyboard.press("End")
    page.keyboard.type(" and courts")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    other.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => { wb.swot.threats.push({id: "t-9", text: "From the other tab"}); });
          CTToolkit.workbook.flush();
        }"""
    )
    page.wait_for_function("() => document.querySelector('#swot-t-9') !== null")
    caret = page.evaluate("[document.activeElement.id, document.activeElement.selectionStart]")
    assert caret == ["swot-s-1", len("Strong judiciary and cour")]
    page.keyboard.type("X")
    assert page.locator("#swot-s-1").input_value() == "Strong judiciary and courXts"


def test_removing_or_moving_an_item_another_tab_removed_does_nothing(recorder, page):
    recorder.open("swot")
    page.locator("#swot-new-threats").focus()
    for text in ["First", "Second"]:
        page.keyboard.type(text)
        page.keyboard.press("Enter")
    # As when another tab removed them while this one had changes not yet saved: no redraw yet.
    page.evaluate("() => CTToolkit.workbook.edit(wb => { wb.swot.threats = []; })")
    page.get_by_role("button", name="Move \u2018Second\u2019 up").click()
    page.get_by_role("button", name="Remove \u2018First\u2019").click()
    assert recorder.errors == []


def test_a_challenge_with_line_breaks_is_added_as_one_line(recorder, page):
    recorder.open("swot")
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => {
            wb.challenges.own = [{id: "own-b2", text: "Shelters close\\nat  weekends\\r\\n", group: "",
              applies: true, priority: "", note: ""}];
          });
          CTToolkit.workbook.flush();
        }"""
    )
    page.reload()
    page.get_by_role("button", name=re.compile("^Add as weakness: Shelters close")).click()
    assert item_texts(page, "weaknesses") == ["Shelters close at weekends"]
    assert (
        page.evaluate("CTToolkit.workbook.current().swot.weaknesses[0].text") == "Shelters close at weekends"
    )
