"""Render the toolkit's pages from the content model with Jinja templates.

The templates live in overrides/toolkit/ beside the theme's own. They are rendered by an
environment of our own rather than the theme's, for two reasons: it autoescapes (MkDocs'
does not), and it works without MkDocs, so the same pages can be made by another engine.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jinja2
import markdown as markdown_lib
from markupsafe import Markup

from .content import WORKSHEETS, Toolkit

# Data ------------------------------------------------------------------------------------

# Pages the toolkit generates: file name -> template; worksheets come in the guide's order.
PAGES = {"index": "home", **{name: name for name in WORKSHEETS}, "report": "report"}
PAGES["blank-worksheets"] = "blank-worksheets"
# Pages that assemble other parts have no content file of their own; their title is a UI string.
ASSEMBLED_PAGES = {"report": "site.pages.report", "blank-worksheets": "site.pages.print_all"}
MARKDOWN_EXTENSIONS = ["attr_list", "sane_lists"]


class PageRenderer:
    """Turns one page of the toolkit into HTML."""

    def __init__(self, toolkit: Toolkit, templates_dir: Path):
        self.toolkit = toolkit
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["markdown"] = render_markdown
        self.env.globals["t"] = self.translate

    def page_title(self, page: str) -> str:
        if page in ASSEMBLED_PAGES:
            return self.translate(ASSEMBLED_PAGES[page])
        return self.toolkit[PAGES[page]]["title"]

    def render(self, page: str, *, url_to: dict[str, str] | None = None) -> str:
        """The HTML of a page; `url_to` maps a page name to its relative link from this page."""
        kind = PAGES[page]
        template = self.env.get_template(f"{kind}.html")
        return template.render(
            toolkit=self.toolkit,
            content=self.toolkit.parts.get(kind, {}),
            title=self.page_title(page),
            page_titles={name: self.page_title(name) for name in PAGES},
            page=kind,
            url_to=url_to or {name: f"{name}.html" for name in PAGES},
        )

    def translate(self, key: str, **values) -> str:
        """A UI string by its dotted key ("workbook.save_file"), with {placeholders} filled."""
        value = self.toolkit.strings
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise KeyError(f"no UI string '{key}' in content/ui/")
            value = value[part]
        return value.format(**values) if values else value


def render_markdown(text: str) -> Markup:
    """Guidance text is Markdown written by content editors, so it is trusted as HTML."""
    converter = _markdown_converter()
    html = converter.convert(text or "")
    converter.reset()
    return Markup(html)


@cache
def _markdown_converter() -> markdown_lib.Markdown:
    # One converter for all fields: setting up its extensions costs more than converting.
    return markdown_lib.Markdown(extensions=MARKDOWN_EXTENSIONS)


def browser_script(toolkit: Toolkit) -> str:
    """content.js: the content and strings for the worksheets' scripts, as a plain script.

    A script, not a JSON file: pages opened from file:// cannot fetch files next to them.
    """
    data = json.dumps(toolkit.browser_data(), ensure_ascii=False, separators=(",", ":"))
    # Keep "</script>" and friends inert even though this is a separate file.
    data = data.replace("<", "\\u003c")
    return f"window.CTToolkitContent = {data};\n"
