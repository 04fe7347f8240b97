"""The "My strategy" report: every part of the workbook shows, as text, and downloads as files.

A workbook is seeded into the browser's storage as an opened workbook file would be, and the
report page is read as a user reads it.
"""

from __future__ import annotations

import csv
import io

import pytest
from browser_helpers import empty_workbook
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ATTACK = "<img src=x onerror=alert(1)>"
AWKWARD_NOTE = 'Law of 2019, "Article 5"\nsecond line'
FORMULA_NOTE = '=HYPERLINK("http://example.com")'


def workbook() -> dict:
    return empty_workbook(
        checklist={
            "info": {"organisation": "Ministry of Home Affairs " + ATTACK, "country": "Atlantis"},
            "answers": {
                "pv-01": {"answer": "yes", "note": AWKWARD_NOTE},
                "pv-02": {"answer": "no", "note": FORMULA_NOTE},
                "pr-01": {"answer": "partly", "note": ""},
            },
        },
        challenges={
            "marks": {
                "ch-02": {"applies": True, "priority": "low", "note": ""},
                "ch-05": {"applies": True, "priority": "high", "note": "No budget line since 2020"},
                "ch-07": {"applies": False, "priority": "high", "note": ""},
            },
            "own": [
                {
                    "id": "own-4a1b",
                    "text": "Border posts lack interpreters",
                    "group": "",
                    "applies": True,
                    "priority": "medium",
                    "note": "",
                }
            ],
        },
        mission={
            "mission": "Every victim is identified and protected",
            "vision": "A region free of trafficking",
        },
        swot={
            "objectives": [{"id": "o-1", "text": "Decide where to invest first"}],
            "strengths": [{"id": "s-1", "text": "Specialised police unit", "challenge": "ch-05"}],
            "weaknesses": [{"id": "w-1", "text": "No shared case database"}],
            "opportunities": [{"id": "op-1", "text": "Regional data project"}],
            "threats": [{"id": "t-1", "text": "New online recruitment methods"}],
            "policyElements": [
                {"id": "pe-1", "text": "A national referral mechanism", "links": ["s-1", "t-1"]}
            ],
            "resources": [{"id": "r-1", "text": "Donor funding for training"}],
        },
        smart={
            "objectives": [
                {
                    "id": "sm-1",
                    "statement": "Train 200 frontline officers, in 4 provinces",
                    "indicator": "Officers trained",
                    "baseline": "40",
                    "target": "200",
                    "deadline": "December 2027",
                    "responsible": "National Police Academy",
                    "policyElement": "pe-1",
                    "resources": "-USD 50,000 from the budget",
                }
            ]
        },
    )


def open_report_with(recorder, data: dict):
    page = recorder.open("report")
    page.evaluate("data => CTToolkit.workbook.replace(data, 'opened')", data)
    page.reload()
    page.wait_for_selector(".ct-report h2")
    return page


def test_report_shows_every_part_of_the_workbook(recorder):
    page = open_report_with(recorder, workbook())
    report = page.locator(".ct-report")

    assert "Atlantis" in report.text_content()
    assert "Every victim is identified and protected" in report.text_content()
    assert "A region free of trafficking" in report.text_content()
    for text in [
        "Specialised police unit",
        "No shared case database",
        "Regional data project",
        "New online recruitment methods",
        "Decide where to invest first",
        "Donor funding for training",
    ]:
        assert report.get_by_text(text).first.is_visible(), text
    # The policy element says what it comes from.
    element = report.locator("li", has_text="A national referral mechanism")
    assert "Specialised police unit" in element.text_content()
    assert "New online recruitment methods" in element.text_content()

    # Only challenges that apply, high priority first, own ones with their id.
    challenges = report.locator(".ct-report__challenge")
    assert challenges.evaluate_all("items => items.map(item => item.dataset.challenge)") == [
        "ch-05",
        "own-4a1b",
        "ch-02",
    ]
    assert "No budget line since 2020" in challenges.first.text_content()

    # The action plan row holds the objective and what it serves.
    row = report.locator("tr[data-action='sm-1']")
    for text in [
        "Train 200 frontline officers",
        "National Police Academy",
        "December 2027",
        "Officers trained",
    ]:
        assert text in row.text_content()
    assert "A national referral mechanism" in row.text_content()
    assert "40" in row.text_content() and "200" in row.text_content()

    # Checklist results by pillar: Prevention has two answers out of its questions.
    assert "Prevention" in report.locator(".ct-report__results").text_content()


def test_an_empty_workbook_says_what_is_missing_and_where_to_fill_it_in(recorder):
    page = recorder.open("report")
    page.wait_for_selector(".ct-report h2")
    empties = page.locator(".ct-report__empty")
    assert empties.count() >= 5
    links = page.locator(".ct-report__empty a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert {"checklist.html", "challenges.html", "mission.html", "swot.html", "smart.html"} <= set(links)


def test_text_from_the_workbook_is_shown_and_never_run(recorder):
    page = open_report_with(recorder, workbook())
    assert page.get_by_text(ATTACK, exact=False).first.is_visible()
    assert page.locator(".ct-report img").count() == 0


def download(page, which: str):
    with page.expect_download() as info:
        page.locator(f"[data-report-download='{which}']").click()
    path = info.value.path()
    return info.value.suggested_filename, path.read_bytes()


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 byte-order mark"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and not text.replace("\r\n", "").count("\r")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_checklist_answers_download_as_csv(recorder):
    page = open_report_with(recorder, workbook())
    name, data = download(page, "checklist")
    assert name.endswith(".csv")
    rows = read_csv(data)
    assert rows[0] == ["Question id", "Pillar", "Question", "Answer", "Note"]
    by_id = {row[0]: row for row in rows[1:]}
    assert len(by_id) == 55
    assert by_id["pv-01"][1] == "Prevention"
    assert by_id["pv-01"][3] == "Yes"
    # A comma, quotes and a line break survive the round trip.
    assert by_id["pv-01"][4] == AWKWARD_NOTE
    # A cell a spreadsheet would run as a formula is made plain text.
    assert by_id["pv-02"][4] == "'" + FORMULA_NOTE
    assert by_id["pv-03"][3] == ""
    assert "checklist-answers.csv" in page.locator("[data-report-status]").text_content()


def test_action_plan_downloads_as_csv(recorder):
    page = open_report_with(recorder, workbook())
    name, data = download(page, "action-plan")
    assert name.endswith(".csv")
    rows = read_csv(data)
    header = rows[0]
    assert header[:2] == ["Id", "Action (objective)"]
    row = dict(zip(header, rows[1], strict=True))
    assert row["Action (objective)"] == "Train 200 frontline officers, in 4 provinces"
    assert row["Responsible body"] == "National Police Academy"
    assert row["Resources"] == "'-USD 50,000 from the budget"
    assert row["Policy element it serves"] == "A national referral mechanism"


def test_report_downloads_as_markdown(recorder):
    page = open_report_with(recorder, workbook())
    name, data = download(page, "markdown")
    assert name.endswith(".md")
    text = data.decode("utf-8")
    assert text.startswith("# ")
    for heading in ["## Part 1: The strategy", "## Part 2: The action plan", "### Priority challenges"]:
        assert heading in text
    assert "Every victim is identified and protected" in text
    assert "`ch-05`" in text
    assert "National Police Academy" in text
    # Users' text cannot become HTML or links in a Markdown viewer.
    assert ATTACK not in text
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in text


def test_challenges_read_with_their_id_apart_and_own_ones_by_their_text(recorder):
    data = workbook()
    data["swot"]["threats"][0]["challenge"] = "own-4a1b"
    page = open_report_with(recorder, data)
    strength = page.locator("[data-quadrant='strengths'] li").first
    assert "(Challenge: ch-05 Lack of funds/resources at the" in strength.text_content()

    serves = page.locator("tr[data-action='sm-1'] td").last
    expect(serves).to_contain_text(
        "Addresses challenges: ch-05, Border posts lack interpreters (your own challenge)"
    )
    assert "own-4a1b" not in serves.text_content()
    page.emulate_media(media="print")
    assert "ch-05 Lack of funds/resources" in strength.text_content()
    assert "Border posts lack interpreters" in serves.text_content()
