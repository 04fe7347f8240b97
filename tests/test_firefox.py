"""The unzipped toolkit in Firefox ESR from file://, driven through WebDriver BiDi: every page
shows itself with no request outside its folder and no script error, and answers survive a
reload."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import PAGES
from firefox_bidi import Firefox

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    with Firefox(tmp_path_factory.mktemp("firefox-profile")) as browser:
        browser.subscribe("network.beforeRequestSent", "log.entryAdded")
        yield browser


@pytest.fixture
def tab(firefox) -> str:
    firefox.events.clear()
    return firefox.top_context()


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_with_nothing_outside_its_folder(firefox, tab, site: Path, name):
    firefox.navigate(tab, (site / f"{name}.html").as_uri())
    heading = firefox.evaluate(tab, "(document.querySelector('h1') || {}).textContent || ''")
    assert heading.strip() != "", f"{name}.html has no visible heading"
    # Late scripts (the search worker shim) make their requests after "complete".
    time.sleep(0.3)
    firefox.evaluate(tab, "1")  # collects the events that arrived meanwhile
    inside = site.as_uri() + "/"
    requests = firefox.requested_urls()
    assert [url for url in requests if url.startswith(("http:", "https:", "ws:", "wss:"))] == []
    files = json.loads(firefox.loaded_files(tab)) + [url for url in requests if url.startswith("file:")]
    # The page's own scripts and styles must be among them, or this test proves nothing.
    for essential in ("assets/toolkit/toolkit.bundle.js", "assets/toolkit/content.js", ".min.css"):
        assert any(url.endswith(essential) for url in files), f"{essential} not found on {name}.html"
    assert [url for url in files if not url.startswith(inside)] == []
    assert firefox.log_errors() == []


def test_typed_answer_survives_a_reload(firefox, tab, site: Path):
    firefox.navigate(tab, (site / "mission.html").as_uri())
    field = "document.querySelector(\"textarea[data-field='mission']\")"
    # The profile is shared by this module's tests: start from an empty field.
    firefox.evaluate(tab, f"{field}.value = ''")
    firefox.evaluate(tab, f"{field}.focus()")
    answer = "Freedom from exploitation for everyone"
    firefox.type_text(tab, answer)
    assert firefox.evaluate(tab, f"{field}.value") == answer
    # Reloaded at once, before the autosave delay: leaving the page must save the answer.
    firefox.reload(tab)
    firefox.evaluate(tab, "new Promise(resolve => setTimeout(resolve, 100))")
    assert firefox.evaluate(tab, f"{field}.value") == answer
    assert firefox.log_errors() == []
    stored = firefox.evaluate(tab, "JSON.stringify(localStorage.getItem(CTToolkit.workbook.STORAGE_KEY))")
    assert answer in json.loads(stored)
