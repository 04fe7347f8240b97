"""Printing: every worksheet and the report print whole, filled or blank, on A4 and US Letter.

Chromium keeps a clipped text area's whole text in a PDF's text layer, so clipping is checked
in the print layout (print media emulated), not in the PDF's text.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess

import pytest
from browser_helpers import empty_workbook
from conftest import ROOT
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

VERSION = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
FOOTER = f"Strategy Toolkit, version {VERSION}"

# About 2,000 characters over many lines, ending in a marker that only a whole copy shows.
LONG = "\n".join(f"Line {n}: the referral mechanism needs staff, funds and data." for n in range(1, 34))
LONG += "\nEND OF THE LONG ANSWER"
LONG_LINE = "Ministry of Home Affairs, Department of " + "Anti-Trafficking Coordination " * 6 + "END"
PRINTED_PAGES = ["checklist", "challenges", "mission", "swot", "smart", "report"]
# Ids that must be on paper so that written answers can be typed back in.
PRINTED_IDS = {"checklist": ["pv-01", "pa-13"], "challenges": ["ch-01", "ch-29"], "report": ["ch-05"]}
SCREEN_ONLY = [".md-header", ".md-sidebar", ".md-search", ".md-footer", "button", "input[type=file]"]

VISIBLE = (
    "el => { const box = el.getBoundingClientRect(); "
    "return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'; }"
)


def long_workbook() -> dict:
    item = {"text": LONG}
    return empty_workbook(
        checklist={
            "info": {"organisation": LONG_LINE, "country": "Atlantis"},
            "answers": {"pv-01": {"answer": "partly", "note": LONG}},
        },
        challenges={
            "marks": {"ch-05": {"applies": True, "priority": "high", "note": LONG}},
            "own": [
                {"id": "own-1", "text": LONG, "group": "", "applies": True, "priority": "low", "note": LONG}
            ],
        },
        mission={"mission": LONG, "vision": LONG},
        swot={
            "objectives": [{"id": "o-1", **item}],
            "strengths": [{"id": "s-1", **item}],
            "weaknesses": [{"id": "w-1", **item}],
            "opportunities": [{"id": "op-1", **item}],
            "threats": [{"id": "t-1", **item}],
            "policyElements": [{"id": "pe-1", "text": LONG, "links": ["s-1"]}],
            "resources": [{"id": "r-1", **item}],
        },
        smart={
            "objectives": [
                {
                    "id": "sm-1",
                    "statement": LONG,
                    "indicator": LONG,
                    "baseline": "40",
                    "target": "200",
                    "deadline": "December 2027",
                    "responsible": LONG_LINE,
                    "policyElement": "pe-1",
                    "resources": LONG,
                }
            ]
        },
    )


def squeeze(text: str) -> str:
    """Text without white space: a one-line field drops line breaks, and layout may add spaces."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes, tmp_path, name: str) -> tuple[int, str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, text


def needs_poppler(test):
    """The PDF checks read text with poppler-utils, which `make test` installs: fail, not skip,
    if it is missing, so that a machine without it cannot pass the print tests unchecked."""

    def run(*args, **kwargs):
        if shutil.which("pdftotext") is None:
            pytest.fail("pdftotext is missing: `make test` installs poppler-utils.")
        return test(*args, **kwargs)

    return functools.wraps(test)(run)


@needs_poppler
@pytest.mark.parametrize("name", PRINTED_PAGES)
def test_filled_page_prints_every_answer_whole(recorder, name, tmp_path):
    page = recorder.open(name)
    page.evaluate("data => CTToolkit.workbook.replace(data, 'opened')", long_workbook())
    page.reload()
    page.wait_for_load_state("load")
    page.emulate_media(media="print")

    clipped = page.locator("textarea, input:not([type]), input[type=text]").evaluate_all(
        f"fields => fields.filter({VISIBLE}).filter(f => f.scrollHeight > f.clientHeight + 1 || "
        "f.scrollWidth > f.clientWidth + 1).map(f => f.id || f.name)"
    )
    assert clipped == [], "answer fields that cut their text off on paper"

    if name == "report":
        printed = page.locator(".ct-report").inner_text()
        assert squeeze(LONG) in squeeze(printed)
    else:
        copies = page.locator(".ct-print-copy").evaluate_all(
            f"copies => copies.filter({VISIBLE}).map(c => c.innerText)"
        )
        assert any(squeeze(copy) == squeeze(LONG) for copy in copies), "no whole long answer on paper"
        # Every field's copy holds exactly its value.
        mismatched = page.locator(".ct-print-source").evaluate_all(
            "fields => fields.filter(f => f.tagName !== 'SELECT' && "
            "(!f.nextElementSibling || f.nextElementSibling.textContent !== f.value)).map(f => f.id)"
        )
        assert mismatched == []

    for selector in SCREEN_ONLY:
        shown = page.locator(selector).evaluate_all(f"items => items.filter({VISIBLE}).length")
        assert shown == 0, f"{selector} prints"

    for paper in ["A4", "Letter"]:
        pages, text = pdf_text(page.pdf(format=paper), tmp_path, f"{name}-{paper}")
        assert pages >= 1
        assert text.count(FOOTER) == pages, "the footer is on every page"
        for item_id in PRINTED_IDS.get(name, []):
            assert item_id in text


def test_a_typed_answer_is_on_paper_at_once(recorder):
    page = recorder.open("mission")
    page.focus("#mission-statement")
    page.keyboard.type("Protect every victim\nand prosecute every trafficker")
    page.emulate_media(media="print")
    copy = page.locator("#mission-statement + .ct-print-copy")
    assert copy.is_visible()
    assert copy.inner_text() == "Protect every victim\nand prosecute every trafficker"
    assert not page.locator("#mission-statement").is_visible()


def test_the_chosen_answer_stands_out_on_paper(recorder):
    page = recorder.open("checklist")
    page.evaluate("data => CTToolkit.workbook.replace(data, 'opened')", long_workbook())
    page.reload()
    page.emulate_media(media="print")
    chosen = page.locator("#question-pv-01 .ct-choice", has=page.locator("input[data-answer]:checked"))
    other = page.locator("#question-pv-01 .ct-choice", has=page.locator("input[value=yes]"))
    assert chosen.evaluate("label => getComputedStyle(label).fontWeight") == "700"
    assert other.evaluate("label => getComputedStyle(label).fontWeight") != "700"


@needs_poppler
def test_blank_worksheets_print_every_question_and_challenge_without_javascript(chromium, site, tmp_path):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site / "blank-worksheets.html").as_uri())
        page.emulate_media(media="print")
        for paper in ["A4", "Letter"]:
            pages, text = pdf_text(page.pdf(format=paper), tmp_path, f"blank-{paper}")
            question_ids = set(re.findall(r"\b(?:pv|pt|ps|pa)-\d\d\b", text))
            challenge_ids = set(re.findall(r"\bch-\d\d\b", text))
            assert len(challenge_ids) == 29
            assert len(question_ids) == 55, sorted(question_ids)
            assert pages >= 5
        # Each worksheet starts on a sheet of its own.
        starts = page.locator(".ct-blank-sheet").evaluate_all(
            "sheets => sheets.map(sheet => getComputedStyle(sheet).breakBefore)"
        )
        assert starts[1:] == ["page"] * 4
    finally:
        context.close()


@needs_poppler
def test_blank_worksheets_have_the_footer_with_javascript(recorder, tmp_path):
    page = recorder.open("blank-worksheets")
    pages, text = pdf_text(page.pdf(format="A4"), tmp_path, "blank-js")
    assert text.count(FOOTER) == pages


def test_the_print_button_prints_the_page(recorder):
    page = recorder.open("mission")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed") == 1


def test_typing_copies_only_the_field_typed_in(recorder):
    page = recorder.open("smart")
    page.evaluate(
        """() => {
          CTToolkit.workbook.edit(wb => {
            wb.smart.objectives = [{id: "o-1", statement: "", indicator: "", baseline: "", target: "",
              deadline: "", responsible: "", resources: "", policyElement: ""}];
          });
          CTToolkit.workbook.flush();
        }"""
    )
    page.reload()
    page.wait_for_timeout(100)  # the copies made after the page shows
    # Count the scans over every field of the page.
    page.evaluate(
        """() => {
          window.fieldScans = 0;
          const scan = document.querySelectorAll;
          document.querySelectorAll = function (selector) {
            if (String(selector).includes("textarea")) window.fieldScans += 1;
            return scan.call(document, selector);
          };
        }"""
    )
    page.locator("#smart-o-1-statement").focus()
    page.keyboard.type("Raise convictions by 20%")  # the checks' text changes as it is typed
    page.wait_for_timeout(100)
    assert page.evaluate("window.fieldScans") == 0
    assert page.locator("#smart-o-1-statement + .ct-print-copy").text_content() == "Raise convictions by 20%"

    # A new objective brings new fields: those get their copies.
    page.get_by_role("button", name="Add objective").click()
    page.wait_for_function("() => window.fieldScans > 0")
    new_statement = page.locator(".ct-objective").nth(1).locator("[data-field='statement']")
    expect(new_statement.locator("xpath=following-sibling::*[1]")).to_have_class(re.compile("ct-print-copy"))


def test_the_checklist_results_table_is_not_cut_off_on_paper(recorder):
    page = recorder.open("checklist")
    page.evaluate("data => CTToolkit.workbook.replace(data, 'opened')", long_workbook())
    page.reload()
    box = page.locator(".ct-results__table-box")
    assert box.evaluate("el => getComputedStyle(el).overflowX") == "auto"  # it scrolls on screen
    page.emulate_media(media="print")
    assert box.evaluate("el => [getComputedStyle(el).overflowX, getComputedStyle(el).overflowY]") == [
        "visible",
        "visible",
    ]
