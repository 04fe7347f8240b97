"""Helpers that the browser tests share: hostile text, dialog and focus helpers, workbooks."""

from __future__ import annotations

import pytest

# Typed into fields and put into opened files: must always show as typed and never run.
IMAGE_TEXT = "<img src=x onerror=alert(1)>"
SCRIPT_TEXT = "<script>alert(1)</script>"

# The accessible name of the focused control, as a screen reader would announce it.
FOCUSED_NAME = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return "";
  const label = e.getAttribute("aria-label") || (e.labels && e.labels.length ? e.labels[0].textContent : "");
  return (label || e.textContent || "").trim();
}"""


def fail_on_dialog(page) -> None:
    """Fail the test if the page opens any dialog (alert(1) from injected text would)."""

    def on_dialog(dialog):
        message = dialog.message
        dialog.dismiss()
        pytest.fail(f"a dialog opened: {message!r}")

    page.on("dialog", on_dialog)


def tab_to(page, name: str, backwards: bool = False, limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until the control named `name` has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(FOCUSED_NAME) == name:
            return
    pytest.fail(f"Tab never reached a control named {name!r}")


def empty_workbook(**sections) -> dict:
    """A workbook file's content (format 2) with nothing answered; `sections` replace parts."""
    workbook = {
        "format": "counter-trafficking-strategy-workbook",
        "formatVersion": 2,
        "toolkitVersion": "0.1.0",
        "savedAt": None,
        "checklist": {"info": {}, "answers": {}},
        "challenges": {"marks": {}, "own": []},
        "mission": {"mission": "", "vision": ""},
        "swot": {
            "objectives": [],
            "strengths": [],
            "weaknesses": [],
            "opportunities": [],
            "threats": [],
            "policyElements": [],
            "resources": [],
        },
        "smart": {"objectives": []},
    }
    workbook.update(sections)
    return workbook


def representative_workbook(content: dict) -> dict:
    """A workbook with an answer of every kind, built from the toolkit's own content."""
    questions = [question for pillar in content["checklist"]["pillars"] for question in pillar["questions"]]
    choices = ["yes", "no", "partly", "unknown", "na", ""]
    challenges = content["challenges"]["challenges"]
    group = content["challenges"]["groups"][0]["id"]
    return empty_workbook(
        toolkitVersion=content["version"],
        savedAt="2026-01-01T00:00:00.000Z",
        checklist={
            "info": {
                "organisation": "Ministry of Home Affairs",
                "country": "Example",
                "role": "Policy officer",
                "contact": "officer@example.org",
            },
            "answers": {
                question["id"]: {
                    "answer": choices[index % len(choices)],
                    "note": f"Evidence for {question['id']}",
                }
                for index, question in enumerate(questions)
            },
        },
        challenges={
            "marks": {
                challenge["id"]: {
                    "applies": index % 2 == 0,
                    "priority": ["high", "medium", "low", ""][index % 4],
                    "note": "Seen in the 2025 review" if index % 3 == 0 else "",
                }
                for index, challenge in enumerate(challenges)
            },
            "own": [
                {
                    "id": "own-a1",
                    "text": "Shelters close at weekends",
                    "group": group,
                    "applies": True,
                    "priority": "high",
                    "note": "Raised by NGOs",
                }
            ],
        },
        mission={
            "mission": "End trafficking in persons through prevention, protection and prosecution.",
            "vision": "A country where no one is bought or sold.",
        },
        swot={
            "objectives": [{"id": "o-1", "text": "Protect every identified victim"}],
            "strengths": [
                {
                    "id": "s-1",
                    "text": "A national referral mechanism exists",
                    "challenge": challenges[0]["id"],
                }
            ],
            "weaknesses": [{"id": "w-1", "text": "Too few shelters"}],
            "opportunities": [{"id": "op-1", "text": "Regional funding from the Bali Process"}],
            "threats": [{"id": "t-1", "text": "Online recruitment grows fast"}],
            "policyElements": [{"id": "p-1", "text": "Open two shelters", "links": ["w-1", "op-1"]}],
            "resources": [{"id": "r-1", "text": "Budget line in the 2027 plan"}],
        },
        smart={
            "objectives": [
                {
                    "id": "sm-1",
                    "statement": "Open two shelters for victims",
                    "indicator": "Shelters open",
                    "baseline": "0",
                    "target": "2",
                    "deadline": "2027-12-31",
                    "responsible": "Ministry of Social Affairs",
                    "policyElement": "p-1",
                    "resources": "Budget line",
                }
            ]
        },
    )
