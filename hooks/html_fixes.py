"""MkDocs adapter: small corrections to the HTML that Material's templates write.

Each fix is a precise substitution on one element of Material's markup, so that a change in a
future Material release makes the fix a no-op (and the validity and accessibility tests fail)
rather than rewriting something else.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Data ----------------------------------------------------------------------------------------

# Material's hidden drawer and search checkboxes carry autocomplete="off" so that Firefox does
# not restore an open drawer after going back. HTML allows autocomplete only on text-like
# inputs, so the Nu Html Checker rejects it on a checkbox; Material's own script resets both
# toggles on load, so dropping the attribute costs nothing.
TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
    r' autocomplete="off"(>)'
)

# Material's search overlay is a role="dialog" with no name (axe: aria-dialog-name). It is named
# with the search field's own label, which Material has already translated.
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
SEARCH_FIELD_LABEL = re.compile(
    r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"'
)

# Hooks ---------------------------------------------------------------------------------------


# Make Material's markup valid HTML and give its search dialog an accessible name.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix_material_markup(output)


# The same for 404.html, which MkDocs renders as a template, not as a page.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if not template_name.endswith(".html"):
        return None
    return _fix_material_markup(output_content)


# Helper functions ----------------------------------------------------------------------------


def _fix_material_markup(output: str) -> str:
    output = TOGGLE_AUTOCOMPLETE.sub(r"\1\2", output)
    return _name_search_dialog(output)


def _name_search_dialog(output: str) -> str:
    label = SEARCH_FIELD_LABEL.search(output)
    if label is None:
        return output
    # The label was escaped by Material's template already, so it is safe in an attribute.
    named = f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{label.group(1)}">'
    return SEARCH_DIALOG.sub(lambda _: named, output, count=1)
