"""Checks that span content files: unique ids, and references that lead somewhere."""

from __future__ import annotations

from collections.abc import Iterator

from .problems import ContentProblem
from .yaml_source import YamlSource

# Data ------------------------------------------------------------------------------------

# Lists whose items carry ids that saved answers refer to; "*" stands for every item.
# The ids in one entry must be unique together (a question id is unique across pillars).
ID_COLLECTIONS = {
    "checklist": [("your_information", "*"), ("pillars", "*"), ("pillars", "*", "questions", "*")],
    "challenges": [("groups", "*"), ("challenges", "*")],
    "mission": [("examples", "*"), ("prompts", "*")],
    "swot": [("quadrants", "*"), ("sections", "*")],
    "smart": [("criteria", "*")],
}


def check_references(sources: dict[str, YamlSource]) -> list[ContentProblem]:
    """Problems that no single file's schema can see, among the files given.

    Give only files that passed their schema; a check that needs a file not given is skipped.
    """
    problems = []
    for part, patterns in ID_COLLECTIONS.items():
        if part in sources:
            for pattern in patterns:
                problems.extend(_duplicate_ids(sources[part], pattern))

    if "challenges" in sources:
        problems.extend(_challenge_references(sources["challenges"], sources.get("checklist")))
    if "swot" in sources:
        problems.extend(_worked_example_references(sources["swot"]))
    return problems


def _challenge_references(challenges: YamlSource, checklist: YamlSource | None) -> list[ContentProblem]:
    problems = []
    challenge_ids = _ids(challenges, ("challenges", "*"))
    group_ids = _ids(challenges, ("groups", "*"))
    if checklist is not None:
        for path, value in _values(checklist, ("pillars", "*", "questions", "*", "challenges", "*")):
            if value not in challenge_ids:
                problems.append(
                    checklist.problem(path, f"{value!r} is not a challenge id in {challenges.display_name}")
                )
    for path, value in _values(challenges, ("challenges", "*", "group")):
        if value not in group_ids:
            problems.append(
                challenges.problem(path, f"{value!r} is not one of {', '.join(map(str, group_ids))}")
            )
    return problems


def _worked_example_references(swot: YamlSource) -> list[ContentProblem]:
    problems = []
    example = swot.data["worked_example"]
    for path, value in _values(swot, ("worked_example", "policy_elements", "*", "from", "*")):
        quadrant, _, position = value.rpartition("-")
        items = example[quadrant]
        if int(position) > len(items):
            problems.append(
                swot.problem(path, f"{value!r} names item {position}, but {quadrant} has {len(items)}")
            )
    return problems


# Helper functions ---------------------------------------------------------------------------


def _values(source: YamlSource, pattern: tuple) -> Iterator[tuple[tuple, object]]:
    """Every (path, value) in the file that matches a pattern such as ("pillars", "*", "id")."""

    def walk(value, path, rest):
        if not rest:
            yield path, value
            return
        step, *rest = rest
        if step == "*" and isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index), rest)
        elif isinstance(value, dict) and step in value:
            yield from walk(value[step], (*path, step), rest)

    yield from walk(source.data, (), list(pattern))


def _ids(source: YamlSource, items_pattern: tuple) -> list:
    return [value for _, value in _values(source, (*items_pattern, "id"))]


def _duplicate_ids(source: YamlSource, items_pattern: tuple) -> list[ContentProblem]:
    first_seen: dict = {}
    problems = []
    for path, value in _values(source, (*items_pattern, "id")):
        if not isinstance(value, str):
            continue
        if value in first_seen:
            line, _ = source.position(first_seen[value])
            problems.append(source.problem(path, f"the id {value!r} is already used on line {line}"))
        else:
            first_seen[value] = path
    return problems
