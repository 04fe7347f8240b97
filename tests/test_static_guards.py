"""Static checks over the toolkit's own templates and scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from toolkit import load_toolkit

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "overrides/assets/toolkit").glob("*.js"))
TEMPLATES = sorted((ROOT / "overrides/toolkit").glob("*.html"))
# t("group.key") in templates, t("group.key") / CTToolkit.t("group.key") in scripts.
STRING_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def resolve(strings: dict, key: str):
    value = strings
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def test_every_ui_string_key_used_exists_in_english():
    strings = load_toolkit(ROOT / "content", version="0.0.0").strings
    used = {
        (path.relative_to(ROOT).as_posix(), key)
        for path in [*SCRIPTS, *TEMPLATES]
        for key in STRING_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "no t() calls found: the pattern is wrong"
    missing = sorted((where, key) for where, key in used if not isinstance(resolve(strings, key), str))
    assert missing == []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_never_insert_html(script):
    # What users type or open must be shown as text: these would parse it as HTML.
    code = script.read_text(encoding="utf-8")
    found = re.findall(r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\(|\beval\(", code)
    assert found == []
