"""MkDocs adapter: the toolkit's pages, made from content/ by build_tools/toolkit.

Thin on purpose: loading, validating and rendering live in build_tools/toolkit, which has no
MkDocs import. This module only hands their results to MkDocs' events.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
# The content model is plain Python kept outside hooks/, so tests and other engines can use it.
sys.path.insert(0, str(ROOT / "build_tools"))

from toolkit import ContentError, load_toolkit  # noqa: E402
from toolkit.render import PAGES, PageRenderer, browser_script  # noqa: E402

log = logging.getLogger("mkdocs.hooks.toolkit_pages")
# The blank worksheets repeat every question and challenge: searching them would show each hit twice.
SEARCH_EXCLUDED = {"blank-worksheets"}
renderer: PageRenderer | None = None
rendered_pages: dict[str, str] = {}

# Hooks -------------------------------------------------------------------------------------


# Load and check all content and render every page first, so that bad content (or a template
# it breaks) stops the build with located messages before anything is written.
def on_config(config: MkDocsConfig) -> None:
    global renderer, rendered_pages
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    try:
        toolkit = load_toolkit(
            ROOT / "content",
            language=config.theme["language"],
            version=version,
            overrides_dir=ROOT / "overrides",
        )
        renderer = PageRenderer(toolkit, ROOT / "overrides" / "toolkit", root=ROOT)
        rendered_pages = renderer.render_all()
    except ContentError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        raise Abort(
            f"{count} content problem{'s' if count != 1 else ''} (listed above); nothing was built."
        ) from None
    config.extra["toolkit_version"] = version


# Add one generated page per part of the guide, and the content for the worksheets' scripts.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in PAGES:
        title = renderer.page_title(page)
        front_matter = f"---\ntoolkit_page: {page}\ntitle: {_yaml_text(title)}\n"
        if page in SEARCH_EXCLUDED:
            front_matter += "search:\n  exclude: true\n"
        front_matter += "---\n"
        files.append(File.generated(config, f"{page}.md", content=front_matter))
    files.append(
        File.generated(config, "assets/toolkit/content.js", content=browser_script(renderer.toolkit))
    )
    return files


# Replace a generated page's (empty) Markdown body with its rendered template.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    name = page.meta.get("toolkit_page")
    if name not in PAGES:
        return None
    return rendered_pages[name]


# Helper functions ---------------------------------------------------------------------------


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
