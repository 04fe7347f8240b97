"""The SMART worksheet in Chromium from file://: objectives by keyboard, kept, checked live,
started from a SWOT policy element with what they answer, and text shown as typed."""

from __future__ import annotations

import re

import pytest
from browser_helpers import FOCUSED_NAME, IMAGE_TEXT, SCRIPT_TEXT, fail_on_dialog
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIELDS = ["statement", "indicator", "baseline", "target", "deadline", "responsible", "resources"]


def seed_policy_element(page, text: str = "Strengthen prosecution on corruption") -> None:
    """A SWOT analysis with one weakness from challenge ch-02, leading to one policy element,
    and checklist question pv-02 (linked to ch-02) answered No."""
    page.evaluate(
        """text => {
          CTToolkit.workbook.edit(wb => {
            wb.checklist.answers["pv-02"] = {answer: "no", note: ""};
            wb.checklist.answers["pv-04"] = {answer: "yes", note: ""};
            wb.challenges.marks["ch-02"] = {applies: true, priority: "high", note: ""};
            wb.swot.weaknesses = [{id: "s-w1", text: "Limited research and data", challenge: "ch-02"}];
            wb.swot.strengths = [{id: "s-s1", text: "Strong judiciary"}];
            wb.swot.policyElements = [{id: "p-e1", text: text, links: ["s-w1"]}];
          });
          CTToolkit.workbook.flush();
        }""",
        text,
    )


def card(page, index: int = 0):
    return page.locator(".ct-objective").nth(index)


def field(page, name: str, index: int = 0):
    return card(page, index).locator(f"[data-field='{name}']")


def check_state(page, criterion: str, index: int = 0) -> str:
    return card(page, index).locator(f"[data-criterion='{criterion}'] [data-state]").inner_text()


def test_objective_is_filled_by_keyboard_checked_live_and_kept(recorder, page):
    fail_on_dialog(page)
    recorder.open("smart")
    seed_policy_element(page)
    page.reload()
    keyboard = page.keyboard
    page.get_by_role("button", name="Add objective").focus()
    keyboard.press("Enter")  # focus moves into the new objective's statement
    assert page.evaluate(FOCUSED_NAME) == "Objective"
    assert check_state(page, "specific") == "To check"
    keyboard.type("Raise convictions for trafficking by 20%")
    assert check_state(page, "specific") == "Met"
    keyboard.press("Tab")
    assert check_state(page, "measurable") == "To check"
    keyboard.type("Convictions a year")
    assert check_state(page, "measurable") == "Met"
    keyboard.press("Tab")
    keyboard.type("40")
    keyboard.press("Tab")
    keyboard.type("40")
    assert check_state(page, "achievable") == "To check"  # target equals baseline
    keyboard.press("Backspace")
    keyboard.press("Backspace")
    keyboard.type("48")
    assert check_state(page, "achievable") == "Met"
    keyboard.press("Tab")
    keyboard.type("Within three years")
    assert check_state(page, "time-bound") == "To check"
    keyboard.type(", by December 2028")
    assert check_state(page, "time-bound") == "Met"
    keyboard.press("Tab")
    keyboard.type("Office of the Attorney General")
    keyboard.press("Tab")
    keyboard.type("Two prosecutors " + IMAGE_TEXT)
    keyboard.press("Tab")
    assert check_state(page, "relevant") == "To check"
    keyboard.press("ArrowDown")  # the first (only) policy element
    assert check_state(page, "relevant") == "Met"
    # The advice of a criterion to check is hidden once it is met.
    assert not card(page).locator("[data-criterion='relevant'] [data-advice]").is_visible()
    # A pause in typing announces what changed.
    status = page.locator("[data-module='ct-smart'] [role=status]")
    page.wait_for_function("el => el.textContent.includes('Relevant Met')", arg=status.element_handle())

    expected = {
        "statement": "Raise convictions for trafficking by 20%",
        "indicator": "Convictions a year",
        "baseline": "40",
        "target": "48",
        "deadline": "Within three years, by December 2028",
        "responsible": "Office of the Attorney General",
        "resources": "Two prosecutors " + IMAGE_TEXT,
        "policyElement": "p-e1",
    }

    def assert_kept():
        for name, value in expected.items():
            assert field(page, name).input_value() == value
        assert [
            check_state(page, c) for c in ["specific", "measurable", "achievable", "relevant", "time-bound"]
        ] == ["Met"] * 5

    page.reload()
    assert_kept()
    recorder.open("swot")
    recorder.open("smart")
    assert_kept()


def test_objectives_are_added_moved_and_removed_by_keyboard(recorder, page):
    fail_on_dialog(page)
    recorder.open("smart")
    keyboard = page.keyboard
    for text in ["First objective", "Second objective"]:
        page.get_by_role("button", name="Add objective").focus()
        keyboard.press("Enter")
        keyboard.type(text)
    page.get_by_role("button", name="Move \u2018Second objective\u2019 up").focus()
    keyboard.press("Enter")
    assert field(page, "statement", 0).input_value() == "Second objective"
    assert page.evaluate(FOCUSED_NAME) == "Move \u2018Second objective\u2019 up"
    page.get_by_role("button", name="Remove \u2018Second objective\u2019").focus()
    keyboard.press("Space")
    assert page.locator(".ct-objective").count() == 1
    assert field(page, "statement", 0).input_value() == "First objective"
    assert page.evaluate(FOCUSED_NAME) == "Objective"
    page.reload()
    assert page.locator(".ct-objective").count() == 1


def test_start_a_smart_objective_from_a_policy_element_shows_what_it_answers(recorder, page):
    fail_on_dialog(page)
    recorder.open("swot")
    element_text = "Evidence-based policy " + SCRIPT_TEXT
    seed_policy_element(page, element_text)
    page.reload()
    start = page.get_by_role("button", name="Start a SMART objective: \u2018" + element_text + "\u2019")
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"smart\.html#objective-o-[0-9a-f]+$"))
    page.wait_for_load_state("load")

    assert page.locator(".ct-objective").count() == 1
    assert field(page, "statement").input_value() == element_text
    assert field(page, "policyElement").input_value() == "p-e1"
    # The new objective's statement has focus, ready to be made SMART.
    assert page.evaluate("document.activeElement.dataset.field") == "statement"
    answers = card(page).locator("[data-answers]").inner_text()
    assert element_text in answers
    assert "Weaknesses: Limited research and data" in answers
    assert "Strong judiciary" not in answers  # not linked to this element
    assert "ch-02: Limited research and data" in answers
    assert "pv-02 (No): Does your government carry out or fund research" in answers
    assert "pv-04" not in answers  # answered Yes: not a gap
    assert page.locator("img[src='x'], script:text('alert(1)')").count() == 0

    page.reload()
    assert page.locator(".ct-objective").count() == 1
    assert field(page, "policyElement").input_value() == "p-e1"


def test_a_long_action_plan_shows_its_first_objectives_at_once_and_then_all(recorder, page):
    recorder.open("smart")
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => {
            wb.smart.objectives = Array.from({length: 45}, (_, n) => ({
              id: "o-" + n, statement: "Objective number " + n, indicator: "", baseline: "", target: "",
              deadline: "", responsible: "", resources: "", policyElement: ""
            }));
          });
          CTToolkit.workbook.flush();
        }"""
    )
    page.reload()
    assert page.locator(".ct-objective").count() >= 10  # drawn before the page is shown
    expect(page.locator(".ct-objective")).to_have_count(45)
    expect(field(page, "statement", 44)).to_have_value("Objective number 44")
    # Arriving from another page at an objective far down the list: it is there, and focused.
    recorder.open("swot")
    page.goto(recorder.url("smart") + "#objective-o-40")
    expect(page.locator("#smart-o-40-statement")).to_be_focused()


def seed_objectives(page, count: int, policy_element: str = "") -> None:
    page.evaluate(
        """([count, element]) => {
          CTToolkit.workbook.edit(wb => {
            wb.smart.objectives = Array.from({length: count}, (_, n) => ({
              id: "o-" + n, statement: "Objective number " + n, indicator: "", baseline: "", target: "",
              deadline: "", responsible: "", resources: "", policyElement: element
            }));
          });
          CTToolkit.workbook.flush();
        }""",
        [count, policy_element],
    )
    page.reload()


def test_a_save_from_another_tab_keeps_focus_and_caret_in_the_field_being_typed(recorder, page, context):
    recorder.open("smart")
    seed_objectives(page, 30)
    other = context.new_page()
    other.goto(recorder.url("smart"))
    # Far down the list, beyond the objectives a redraw draws at once.
    statement = page.locator("#smart-o-25-statement")
    statement.focus()
    page.keyboard.press("End")
    page.keyboard.type(" by 2028")
    page.keyboard.press("ArrowLeft")
    other.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => { wb.smart.objectives[0].statement = "Changed in the other tab"; });
          CTToolkit.workbook.flush();
        }"""
    )
    expect(page.locator("#smart-o-0-statement")).to_have_value("Changed in the other tab")
    caret = page.evaluate("[document.activeElement.id, document.activeElement.selectionStart]")
    assert caret == ["smart-o-25-statement", len("Objective number 25 by 202")]
    page.keyboard.type("X")
    expect(statement).to_have_value("Objective number 25 by 202X8")


def test_removing_or_moving_an_objective_another_tab_removed_does_nothing(recorder, page):
    recorder.open("smart")
    seed_objectives(page, 2)
    # As when another tab removed them while this one had changes not yet saved: no redraw yet.
    page.evaluate("() => CTToolkit.workbook.edit(wb => { wb.smart.objectives = []; })")
    page.get_by_role("button", name="Move \u2018Objective number 1\u2019 up").click()
    page.get_by_role("button", name="Remove \u2018Objective number 0\u2019").click()
    assert recorder.errors == []


def test_a_policy_element_removed_from_the_swot_is_not_relevant(recorder, page):
    recorder.open("smart")
    seed_policy_element(page)
    seed_objectives(page, 1, "p-e1")
    assert check_state(page, "relevant") == "Met"
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => { wb.swot.policyElements = []; });
          CTToolkit.workbook.flush();
        }"""
    )
    page.reload()
    chosen = field(page, "policyElement").locator("option:checked").text_content()
    assert "no longer in your SWOT analysis" in chosen
    assert check_state(page, "relevant") == "To check"
