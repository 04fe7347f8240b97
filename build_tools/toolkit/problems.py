"""Content problems: where in which file something is wrong, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One thing wrong with the content, located at a line and column of a file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so that one build reports them all at once."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"{count} content problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([summary, *map(str, self.problems)]))


def field_path(parts: tuple | list) -> str:
    """Write a data path the way a content editor reads it: pillars[1].questions[3].text."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def display_name(path: Path, root: Path) -> str:
    """A file's name as editors see it in the project: content/checklist.yml."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
