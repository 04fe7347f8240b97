"""UI strings: load them (English under a translation), check their {placeholders}, and
check that every key a template or script asks for exists.

A wrong string would otherwise only show up while a page renders, or in a user's browser.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path

from .problems import ContentProblem, display_name
from .schemas import validate
from .yaml_source import YamlSource

# Data ------------------------------------------------------------------------------------

DEFAULT_LANGUAGE = "en"
# t("group.key") in templates, t("group.key") / CTToolkit.t("group.key") in scripts. A key
# built at run time (t("swot.lists." + name)) does not match and is not checked.
STRING_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")
# Where the templates and scripts that use UI strings live, under the theme's custom_dir.
USER_PATTERNS = ("toolkit/*.html", "assets/toolkit/*.js")
# core.js fills {name} for \w+ names and the templates pass names, so {0}, {a.b} or {n:>3}
# would not work in one or the other.
PLACEHOLDER_NAME = re.compile(r"^[A-Za-z_]\w*$", re.ASCII)


def load_strings(ui_dir: Path, language: str, root: Path, problems: list) -> dict[str, dict]:
    """UI strings, one file per group: English first, then the language's own over it.

    A string the translation lacks stays in English, so a partial translation still builds.
    """
    strings: dict[str, dict] = {}
    languages = [DEFAULT_LANGUAGE] + ([language] if language != DEFAULT_LANGUAGE else [])
    for code in languages:
        for path in sorted((ui_dir / code).glob("*.yml")):
            source = YamlSource(path, display_name(path, root))
            problems.extend(source.problems)
            if source.problems:
                continue
            found = validate(source, "ui-strings-group")
            problems.extend(found)
            if found or not source.data:
                continue
            problems.extend(_placeholder_problems(source, source.data, ()))
            if code == DEFAULT_LANGUAGE:
                strings[path.stem] = source.data
            else:
                english = f"content/ui/{DEFAULT_LANGUAGE}/{path.name}"
                base = strings.get(path.stem, {})
                strings[path.stem] = _merged(base, source.data, source, english, (), problems)
    if not strings:
        problems.append(ContentProblem(display_name(ui_dir, root), 1, 1, "", "no UI strings found"))
    return strings


def string_keys_used(overrides_dir: Path) -> Iterator[tuple[Path, int, int, str]]:
    """(file, line, column, key) of every t("group.key") in the templates and scripts."""
    for pattern in USER_PATTERNS:
        for path in sorted(overrides_dir.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            for match in STRING_KEY.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                yield path, line, column, match.group(1)


def missing_string_keys(strings: dict, overrides_dir: Path, root: Path) -> list[ContentProblem]:
    """A problem at each t("...") call whose key names no UI string in English."""
    return [
        ContentProblem(
            display_name(path, root),
            line,
            column,
            f't("{key}")',
            f"no such UI string in content/ui/{DEFAULT_LANGUAGE}/",
        )
        for path, line, column, key in string_keys_used(overrides_dir)
        if not isinstance(resolve(strings, key), str)
    ]


def resolve(strings: dict, key: str):
    """The string (or group) a dotted key names, or None."""
    value = strings
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def placeholders(text: str) -> set[str]:
    """The {names} in a well-formed UI string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# Helper functions -----------------------------------------------------------------------


def _placeholder_problems(source: YamlSource, data: dict, path: tuple) -> list[ContentProblem]:
    # The site fills strings with Python's str.format and the scripts with {name}: a stray
    # brace or a placeholder that is not a plain name breaks one or the other.
    problems = []
    for key, value in data.items():
        if isinstance(value, dict):
            problems.extend(_placeholder_problems(source, value, (*path, key)))
            continue
        try:
            parsed = list(string.Formatter().parse(value))
        except ValueError:
            problems.append(
                source.problem(
                    (*path, key),
                    "a { or } that is not part of a placeholder: placeholders are written "
                    "{name}, and braces cannot be used as text",
                )
            )
            continue
        for _, name, spec, conversion in parsed:
            if name is not None and (not PLACEHOLDER_NAME.match(name) or spec or conversion):
                whole = (
                    "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                )
                problems.append(
                    source.problem(
                        (*path, key),
                        f"{whole} is not a placeholder: write a name of letters, digits and _ "
                        "in braces, such as {count}",
                    )
                )
    return problems


def _merged(
    base: dict, override: dict, source: YamlSource, english: str, path: tuple, problems: list
) -> dict:
    """`base` (English) with the translation's strings over it; `path` leads to `override` in `source`."""
    merged = dict(base)
    for key, value in override.items():
        here = (*path, key)
        if key not in base:
            merged[key] = value
        elif isinstance(value, dict) != isinstance(base[key], dict):
            # A group where English has one text (or the reverse) would break every t() call.
            ours = "a group of texts" if isinstance(value, dict) else "one text"
            theirs = "a group of texts" if isinstance(base[key], dict) else "one text"
            problems.append(source.problem(here, f"is {ours} here, but {theirs} in {english}"))
        elif isinstance(value, dict):
            merged[key] = _merged(base[key], value, source, english, here, problems)
        else:
            # The pages pass only the values the English string names.
            extra = _placeholders_or_none(value) - _placeholders_or_none(base[key])
            if extra:
                names = ", ".join("{" + name + "}" for name in sorted(extra))
                problems.append(source.problem(here, f"uses {names}, which the English string does not have"))
            merged[key] = value
    return merged


def _placeholders_or_none(text: str) -> set[str]:
    try:
        return placeholders(text)
    except ValueError:
        return set()  # a malformed string is reported on its own
