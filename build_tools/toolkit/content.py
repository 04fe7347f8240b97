"""The toolkit's content model: load every content file, validate it, and check references.

Plain Python with no MkDocs import, so that it can be tested alone and run under any engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, ContentProblem
from .references import check_references
from .schemas import validate
from .yaml_source import YamlSource

# Data ------------------------------------------------------------------------------------

# The parts of the planning guide, each one YAML file under content/ with a schema of its name.
PARTS = ("home", "checklist", "challenges", "mission", "swot", "smart")
# The pages that carry a worksheet, in the order the guide uses them.
WORKSHEETS = ("checklist", "challenges", "mission", "swot", "smart")
DEFAULT_LANGUAGE = "en"


@dataclass
class Toolkit:
    """Everything the site shows, validated; `parts` maps a part name to its data."""

    language: str
    version: str
    parts: dict[str, dict]
    strings: dict[str, dict]
    sources: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, part: str) -> dict:
        return self.parts[part]

    def browser_data(self) -> dict:
        """What the worksheets' scripts need: the content, the UI strings and the version."""
        return {
            "language": self.language,
            "version": self.version,
            "strings": self.strings,
            **{part: self.parts[part] for part in WORKSHEETS},
        }


def load_toolkit(content_dir: Path, *, language: str = DEFAULT_LANGUAGE, version: str) -> Toolkit:
    """Load and check all content; raise ContentError listing every problem found."""
    content_dir = Path(content_dir)
    root = content_dir.parent
    problems: list[ContentProblem] = []

    sources = {part: _read(content_dir / f"{part}.yml", root, problems) for part in PARTS}
    for part, source in sources.items():
        if source.data is not None and not source.problems:
            problems.extend(validate(source, part))
    # References are checked whenever every file could be read, so that one run reports
    # broken references together with schema errors (the checks tolerate malformed data).
    if all(source.data is not None for source in sources.values()):
        problems.extend(check_references(sources))

    strings = _load_strings(content_dir / "ui", language, root, problems)
    if problems:
        raise ContentError(problems)
    return Toolkit(
        language=language,
        version=version,
        parts={part: source.data for part, source in sources.items()},
        strings=strings,
        sources={part: source.display_name for part, source in sources.items()},
    )


# Helper functions -----------------------------------------------------------------------


def _read(path: Path, root: Path, problems: list[ContentProblem]) -> YamlSource:
    display_name = _display_name(path, root)
    source = YamlSource(path, display_name)
    problems.extend(source.problems)
    if source.data is None and not source.problems:
        problems.append(ContentProblem(display_name, 1, 1, "", "the file is empty"))
    return source


def _load_strings(ui_dir: Path, language: str, root: Path, problems: list) -> dict[str, dict]:
    """UI strings, one file per group: English first, then the language's own over it.

    A string the translation lacks stays in English, so a partial translation still builds.
    """
    strings: dict[str, dict] = {}
    languages = [DEFAULT_LANGUAGE] + ([language] if language != DEFAULT_LANGUAGE else [])
    for code in languages:
        for path in sorted((ui_dir / code).glob("*.yml")):
            source = YamlSource(path, _display_name(path, root))
            problems.extend(source.problems)
            if source.problems:
                continue
            found = validate(source, "ui-strings-group")
            problems.extend(found)
            if not found and source.data:
                strings[path.stem] = _merged(strings.get(path.stem, {}), source.data)
    if not strings:
        problems.append(ContentProblem(_display_name(ui_dir, root), 1, 1, "", "no UI strings found"))
    return strings


def _merged(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merged(base.get(key, {}), value) if isinstance(value, dict) else value
    return merged


def _display_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
