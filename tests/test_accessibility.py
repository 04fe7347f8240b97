"""WCAG 2.2 AA in Chromium from file://: axe-core on every page, empty and filled; visible
focus; the save status reaches screen readers through a live region."""

from __future__ import annotations

import pytest
from browser_helpers import representative_workbook
from conftest import PAGES, ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WORKSHEET_PAGES = ["checklist", "challenges", "mission", "swot", "smart", "report", "blank-worksheets"]


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations_when_empty(recorder, name):
    page = recorder.open(name)
    assert _axe_violations(page) == ""


@pytest.mark.parametrize("name", WORKSHEET_PAGES)
def test_page_has_no_axe_violations_when_filled(recorder, name):
    page = recorder.open(name)
    _open_workbook(page, representative_workbook(page.evaluate("window.CTToolkitContent")))
    page.reload()
    page.wait_for_load_state("load")
    # The seeded answers must be on screen, or this test checks an empty page twice.
    assert page.evaluate("CTToolkit.workbook.hasAnswers()")
    assert _axe_violations(page) == ""


def test_keyboard_focus_is_always_visible(recorder):
    page = recorder.open("checklist")
    unseen = []
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        if focused is None or focused["path"] in seen:
            continue
        seen.add(focused["path"])
        if not focused["visible"]:
            unseen.append(f"{focused['path']} (outline {focused['outline']}, box-shadow {focused['shadow']})")
    assert len(seen) > 20, "Tab should move through the page's links and worksheet controls"
    assert unseen == [], "focused elements with no visible focus indicator:\n" + "\n".join(unseen)


def test_save_status_is_announced_in_a_live_region(recorder):
    page = recorder.open("mission")
    status = page.locator("[data-workbook-status]")
    assert status.get_attribute("role") == "status" or status.get_attribute("aria-live") in (
        "polite",
        "assertive",
    )
    before = status.inner_text()
    page.locator("textarea[data-field='mission']").focus()
    page.keyboard.type("End trafficking in persons through partnership.")
    page.wait_for_function(
        "text => document.querySelector('[data-workbook-status]').innerText !== text", arg=before
    )
    assert status.inner_text().strip() != ""


# Helper functions ----------------------------------------------------------------------------


def _axe_violations(page) -> str:
    """axe-core's violations on the page as readable lines, or "" if there are none."""
    page.add_script_tag(path=str(AXE))
    # axe measures contrast and target sizes from layout, and blocks with content-visibility:
    # auto are laid out only near the viewport: lay out everything, as scrolling through would.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    # No preload: axe would fetch every stylesheet with XMLHttpRequest, which file:// forbids.
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})"
        ".then(result => result.violations)",
        AXE_TAGS,
    )
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            lines.append(f"    {' > '.join(map(str, node['target']))}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def _open_workbook(page, workbook: dict) -> None:
    page.evaluate("workbook => { CTToolkit.workbook.replace(workbook, 'opened'); }", workbook)


# Data ----------------------------------------------------------------------------------------

# The focused element's selector path and whether an outline or box shadow marks it.
FOCUS_STYLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const path = [];
  for (let node = element; node && node.nodeType === 1 && path.length < 4; node = node.parentElement) {
    path.unshift(node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') +
      (node.classList.length ? '.' + [...node.classList].join('.') : ''));
  }
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {path: path.join(' > '), visible: outline || !!shadow,
          outline: style.outlineStyle + ' ' + style.outlineWidth, shadow: style.boxShadow};
}"""
