"""The linked workbook, walked as a user would from file://: a checklist gap becomes a marked
challenge, a weakness in the SWOT, a policy element, a SMART objective, and a line of the
action plan in the report."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHALLENGE = "Limited research and data"  # ch-02, related to question pv-02
ELEMENT = "Build a national research programme on root causes"


def test_a_checklist_gap_leads_all_the_way_to_the_action_plan(recorder):
    page = recorder.open("checklist")
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message!r}"))

    # 1. The checklist: answering No shows the related challenges, as a suggestion.
    related = page.locator("[data-related='pv-02']")
    expect(related).to_be_hidden()
    page.locator("input[name='answer-pv-02'][value='no']").check()
    expect(related).to_be_visible()
    expect(related).to_contain_text(CHALLENGE)
    related.get_by_role("checkbox", name=re.compile("Applies to us.*ch-02")).check()

    # 2. The challenges page: the challenge is marked; the user sets its priority.
    recorder.open("challenges")
    expect(page.locator("#applies-ch-02")).to_be_checked()
    page.locator("#priority-ch-02").select_option("high")

    # 3. The SWOT: the marked challenge is offered; the user adds it as a weakness.
    recorder.open("swot")
    panel = page.locator("[data-swot-challenges]")
    expect(panel).to_contain_text(CHALLENGE)
    panel.get_by_role("button", name=f"Add as weakness: {CHALLENGE}").click()
    weaknesses = page.locator("[data-list='weaknesses'] .ct-list__item [data-text]")
    expect(weaknesses).to_have_count(1)
    expect(weaknesses.first).to_have_value(CHALLENGE)
    expect(panel).not_to_contain_text(CHALLENGE)  # offered once

    # 4. A policy element that the weakness leads to.
    page.get_by_label("New policy element").fill(ELEMENT)
    page.get_by_label("New policy element").press("Enter")
    element = page.locator("[data-list='policyElements'] .ct-policy").first
    element.locator(".ct-policy__summary").click()
    element.get_by_role("checkbox", name=CHALLENGE).check()
    expect(element.locator(".ct-policy__linked li")).to_have_text([CHALLENGE])

    # 5. A SMART objective started from the policy element.
    element.get_by_role("button", name=re.compile("Start a SMART objective")).click()
    page.wait_for_url(re.compile(r"smart\.html#objective-"))
    objective = page.locator(".ct-objective").first
    expect(objective.locator("[data-field='statement']")).to_have_value(ELEMENT)
    for name, value in {
        "indicator": "Studies published",
        "baseline": "0",
        "target": "3",
        "deadline": "December 2027",
        "responsible": "National Task Force",
        "resources": "Research budget",
    }.items():
        objective.locator(f"[data-field='{name}']").fill(value)
    answers = objective.locator(".ct-smart-answers")
    expect(answers).to_contain_text(ELEMENT)
    expect(answers).to_contain_text(CHALLENGE)
    expect(answers).to_contain_text("pv-02")

    # 6. The report assembles every step.
    recorder.open("report")
    report = page.locator("[data-module='ct-report']")
    expect(report).to_contain_text("ch-02")
    expect(report).to_contain_text(CHALLENGE)
    expect(report).to_contain_text(ELEMENT)
    row = report.locator("table tr", has_text="National Task Force")
    expect(row).to_have_count(1)
    for text in (ELEMENT, "December 2027", "Studies published", "Research budget"):
        expect(row).to_contain_text(text)

    # And all of it is still there after closing and reopening the report.
    page.reload()
    expect(page.locator("table tr", has_text="National Task Force")).to_contain_text("December 2027")
