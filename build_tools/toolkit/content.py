"""The toolkit's content model: load every content file, validate it, and check references.

Plain Python with no MkDocs import, so that it can be tested alone and run under any engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, ContentProblem, display_name
from .references import check_references
from .schemas import validate
from .ui_strings import DEFAULT_LANGUAGE, load_strings, missing_string_keys
from .yaml_source import YamlSource

# Data ------------------------------------------------------------------------------------

# The parts of the planning guide, each one YAML file under content/ with a schema of its name.
PARTS = ("home", "checklist", "challenges", "mission", "swot", "smart")
# The pages that carry a worksheet, in the order the guide uses them.
WORKSHEETS = ("checklist", "challenges", "mission", "swot", "smart")


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


def load_toolkit(
    content_dir: Path, *, language: str = DEFAULT_LANGUAGE, version: str, overrides_dir: Path | None = None
) -> Toolkit:
    """Load and check all content; raise ContentError listing every problem found.

    With `overrides_dir` (the theme's custom_dir), also check that every UI string its
    templates and scripts ask for exists.
    """
    content_dir = Path(content_dir)
    root = content_dir.parent
    problems: list[ContentProblem] = []

    sources = {part: _read(content_dir / f"{part}.yml", root, problems) for part in PARTS}
    valid = {}
    for part, source in sources.items():
        if source.data is not None and not source.problems:
            found = validate(source, part)
            problems.extend(found)
            if not found:
                valid[part] = source
    # References are checked from files that passed their own schema, to ids that can be read
    # in full: a file of the wrong shape would only add a flood of follow-on errors.
    readable = {part: source for part, source in sources.items() if source.data is not None}
    problems.extend(check_references(valid, readable))

    problems_before_strings = len(problems)
    strings = load_strings(content_dir / "ui", language, root, problems)
    # A UI file that could not be read would make every key it holds look missing.
    if overrides_dir is not None and len(problems) == problems_before_strings:
        problems.extend(missing_string_keys(strings, Path(overrides_dir), root))
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
    source = YamlSource(path, display_name(path, root))
    problems.extend(source.problems)
    if source.data is None and not source.problems:
        problems.append(ContentProblem(source.display_name, 1, 1, "", "the file is empty"))
    return source
