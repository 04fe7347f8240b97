"""Render the toolkit's pages from the content model with Jinja templates.

The templates live in overrides/toolkit/ beside the theme's own. They are rendered by an
environment of our own rather than the theme's, for two reasons: it autoescapes (MkDocs'
does not), and it works without MkDocs, so the same pages can be made by another engine.
"""

from __future__ import annotations

import json
import re
import traceback
from functools import cache
from pathlib import Path

import jinja2
import markdown as markdown_lib
from markupsafe import Markup

from .content import WORKSHEETS, Toolkit
from .problems import ContentError, ContentProblem, display_name
from .ui_strings import DEFAULT_LANGUAGE, placeholders

# Data ------------------------------------------------------------------------------------

# Pages the toolkit generates: file name -> template; worksheets come in the guide's order.
PAGES = {
    "index": "home",
    **{name: name for name in WORKSHEETS},
    "report": "report",
    "blank-worksheets": "blank-worksheets",
}
# Pages that assemble other parts have no content file of their own; their title is a UI string.
ASSEMBLED_PAGES = {"report": "site.pages.report", "blank-worksheets": "site.pages.print_all"}
MARKDOWN_EXTENSIONS = ["attr_list", "sane_lists"]


class UIStringError(Exception):
    """A template asked for a UI string that is missing, or did not give its {placeholders}."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)


class PageRenderer:
    """Turns one page of the toolkit into HTML."""

    def __init__(self, toolkit: Toolkit, templates_dir: Path, *, root: Path | None = None):
        self.toolkit = toolkit
        # Problems name templates from the project's root: overrides/toolkit/checklist.html.
        self.root = root if root is not None else Path(templates_dir).resolve().parents[1]
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

    def render_all(self) -> dict[str, str]:
        """Every page's HTML; raise ContentError naming each template line that failed.

        Rendering everything up front lets a build stop on a bad page before writing anything.
        """
        pages, problems = {}, []
        for page in PAGES:
            try:
                pages[page] = self.render(page)
            except ContentError as error:
                problems.extend(error.problems)
        if problems:
            raise ContentError(problems)
        return pages

    def render(self, page: str) -> str:
        """The HTML of a page; raises ContentError located at the template line that failed.

        Every page sits at the site's top level, so a page's link to another is its file name.
        """
        kind = PAGES[page]
        try:
            template = self.env.get_template(f"{kind}.html")
            return template.render(
                toolkit=self.toolkit,
                content=self.toolkit.parts.get(kind, {}),
                title=self.page_title(page),
                page_titles={name: self.page_title(name) for name in PAGES},
                page=kind,
                url_to={name: f"{name}.html" for name in PAGES},
            )
        except Exception as error:  # any failure at all becomes a located problem
            raise ContentError([self._template_problem(error, page)]) from error

    def translate(self, key: str, **values) -> str:
        """A UI string by its dotted key ("workbook.save_file"), with {placeholders} filled."""
        value = self.toolkit.strings
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise UIStringError(key, f"no such UI string in content/ui/{DEFAULT_LANGUAGE}/")
            value = value[part]
        if not isinstance(value, str):
            raise UIStringError(key, "is a group of UI strings, not one string")
        missing = placeholders(value) - values.keys()
        if missing:
            needed = ", ".join("{" + name + "}" for name in sorted(missing))
            given = ", ".join(sorted(values)) or "no values"
            raise UIStringError(key, f"the UI string uses {needed}, but the template gives {given}")
        return value.format(**values) if values else value

    # Helper functions -------------------------------------------------------------------

    def _template_problem(self, error: Exception, page: str) -> ContentProblem:
        """Where in which template an error happened, worded for whoever edits the content."""
        file, line = self._template_line(error, f"{PAGES[page]}.html")
        line_text = _line_of(file, line)
        if isinstance(error, UIStringError):
            field, needle, message = f't("{error.key}")', error.key, str(error)
        elif isinstance(error, jinja2.UndefinedError):
            # "'dict object' has no attribute 'hint'": a field the content left out.
            names = re.findall(r"'([^']*)'", str(error))
            needle = names[-1] if names else ""
            field = ""
            message = (
                f"the content has no field '{needle}' here; if the schema makes it optional, "
                f'the template must read it with .get("{needle}")'
            )
        else:
            field, needle = "", ""
            message = f"{type(error).__name__}: {error}"
        column = line_text.find(needle) + 1 if needle and needle in line_text else _indent(line_text) + 1
        return ContentProblem(
            display_name(file, self.root), line, column, field, f"{message} (making the page {page})"
        )

    def _template_line(self, error: Exception, template: str) -> tuple[Path, int]:
        if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
            return Path(error.filename), error.lineno
        # Jinja rewrites tracebacks so that template code shows as frames of the .html file.
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
        if frames:
            return Path(frames[-1].filename), frames[-1].lineno or 1
        return Path(self.env.loader.searchpath[0]) / template, 1


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


def _line_of(file: Path, line: int) -> str:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
