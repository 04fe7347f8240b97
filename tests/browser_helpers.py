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
