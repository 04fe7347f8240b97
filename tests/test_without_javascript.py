"""Without JavaScript, every worksheet page still shows its guidance and a blank worksheet that
prints (progressive enhancement: the scripts only add behaviour)."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.browser

WORKSHEETS = ["checklist", "challenges", "mission", "swot", "smart"]


@pytest.fixture
def page_without_javascript(chromium):
    context = chromium.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", WORKSHEETS)
def test_worksheet_shows_guidance_and_a_blank_worksheet_that_prints(
    page_without_javascript, site, tmp_path, name
):
    page = page_without_javascript
    page.goto((site / f"{name}.html").as_uri())
    assert page.locator("h1").first.is_visible()
    # Playwright turns scripts off through DevTools, where Chromium still hides <noscript>; a
    # browser with JavaScript off shows it, so check that the page carries the notice.
    notice = page.locator("noscript").evaluate_all("nodes => nodes.map(node => node.textContent).join(' ')")
    assert "This page needs JavaScript to fill in and save the worksheet" in notice
    worksheet = page.locator(f"[data-module='ct-{name}']")
    assert worksheet.is_visible()
    # Room to answer: fields, or ruled boxes where the script would put its editors.
    assert worksheet.locator("textarea, input, .ct-write, table").count() > 0
    # The buttons that need the script are not offered.
    assert page.get_by_role("button", name="Save workbook file").count() == 0 or not (
        page.get_by_role("button", name="Save workbook file").is_visible()
    )

    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert page.locator("h1").first.inner_text() in text
