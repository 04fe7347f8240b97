"""The unzipped toolkit, opened from file:// in Chromium: every page, search, nothing outside."""

from __future__ import annotations

import re

import pytest
from conftest import PAGES
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_from_file_with_no_outside_request(recorder, name):
    page = recorder.open(name)
    page.wait_for_load_state("networkidle")  # late scripts (the search worker shim) load too
    assert page.locator("h1").first.is_visible()
    assert recorder.outside_requests() == []
    assert recorder.errors == []


def test_search_finds_a_challenge_by_a_word_in_it(recorder):
    page = recorder.open("index")
    page.locator(".md-search__input").click()
    # Material's search reacts to key presses, not to fill().
    page.keyboard.type("referral")
    # Results update as each letter arrives: wait for those of the whole word.
    expect(page.locator(".md-search-result__item").first).to_contain_text("referral", ignore_case=True)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"^\d+ matching"))
    # The blank worksheets repeat the questions; search shows each hit once, on its own page.
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert links and not [link for link in links if "blank-worksheets" in link]


def test_zip_has_no_source_maps_or_unused_search_languages(toolkit_zip):
    import zipfile

    names = zipfile.ZipFile(toolkit_zip).namelist()
    assert not [name for name in names if name.endswith(".map")]
    assert not [name for name in names if "/assets/javascripts/lunr/" in name]
    assert any(name.endswith("/index.html") for name in names)
    assert any(name.endswith("iframe-worker/shim.js") for name in names)
