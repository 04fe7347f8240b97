"""Shared fixtures: the built toolkit unzipped from its zip, and a recorded Chromium page.

Browser tests open the unzipped zip from file://, as a user with a USB stick would. Every
page records each request it makes and each script error; a test fails on any request to a
file outside the unzipped folder and on any script error.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services at start and on the way.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = [
    "index",
    "checklist",
    "challenges",
    "mission",
    "swot",
    "smart",
    "report",
    "blank-worksheets",
    "privacy",
]


@pytest.fixture(scope="session")
def toolkit_zip() -> Path:
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    path = ROOT / "dist" / f"counter-trafficking-toolkit-{version}.zip"
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `make build` (make test does it first).")
    return path


@pytest.fixture(scope="session")
def site(toolkit_zip: Path, tmp_path_factory) -> Path:
    """The toolkit's folder, extracted from the zip as the README tells users to."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(toolkit_zip) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_instance, tmp_path_factory):
    # Chromium writes to ~/.config: give it a HOME of its own.
    home = tmp_path_factory.mktemp("chromium-home")
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "HOME": str(home)}
    )
    yield browser
    browser.close()


class PageRecorder:
    """What a page did besides showing itself: requests, script errors, dialogs."""

    def __init__(self, page, site: Path):
        self.page = page
        self.site = site
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )

    def url(self, name: str) -> str:
        return (self.site / f"{name}.html").as_uri()

    def open(self, name: str):
        self.page.goto(self.url(name))
        self.page.wait_for_load_state("load")
        return self.page

    def outside_requests(self) -> list[str]:
        inside = self.site.as_uri() + "/"
        return [
            url for url in self.requests if not (url.startswith(inside) or url.startswith(("data:", "blob:")))
        ]


@pytest.fixture
def context(chromium):
    """A fresh browser profile per test: its own, empty storage."""
    context = chromium.new_context(accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def recorder(context, site) -> PageRecorder:
    """A page that fails the test on any request outside the toolkit's folder or any script error."""
    page = context.new_page()
    recorder = PageRecorder(page, site)
    yield recorder
    assert recorder.outside_requests() == [], "requests outside the toolkit's folder"
    assert recorder.errors == [], "script errors on the page"


@pytest.fixture
def page(recorder):
    return recorder.page
