"""Static checks over the toolkit's own templates and scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from toolkit import load_toolkit
from toolkit.ui_strings import missing_string_keys, string_keys_used

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "overrides/assets/toolkit").glob("*.js"))


def test_every_ui_string_key_used_exists_in_english():
    strings = load_toolkit(ROOT / "content", version="0.0.0").strings
    assert list(string_keys_used(ROOT / "overrides")), "no t() calls found: the pattern is wrong"
    assert [str(problem) for problem in missing_string_keys(strings, ROOT / "overrides", ROOT)] == []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_never_insert_html(script):
    # What users type or open must be shown as text: these would parse it as HTML.
    code = script.read_text(encoding="utf-8")
    found = re.findall(r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\(|\beval\(", code)
    assert found == []
