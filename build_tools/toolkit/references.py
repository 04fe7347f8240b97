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


def check_references(valid: dict[str, YamlSource], readable: dict[str, YamlSource]) -> list[ContentProblem]:
    """Problems that no single file's schema can see.

    `valid` files passed their schema and are checked; `readable` ones could be read, and their
    ids are used as targets when every item in the list has one (another error in the same
    file, such as a misspelt pillar, does not make its ids unknown).
    """
    problems = []
    for part, patterns in ID_COLLECTIONS.items():
        if part in valid:
            for pattern in patterns:
                problems.extend(_duplicate_ids(valid[part], pattern))

    if "checklist" in valid and "challenges" in readable:
        problems.extend(_checklist_references(valid["checklist"], readable["challenges"]))
    if "challenges" in valid:
        problems.extend(_group_references(valid["challenges"]))
    if "swot" in valid:
        problems.extend(_worked_example_references(valid["swot"]))
    return problems


def _checklist_references(checklist: YamlSource, challenges: YamlSource) -> list[ContentProblem]:
    challenge_ids = _complete_ids(challenges, ("challenges", "*"))
    if challenge_ids is None:
        return []  # the challenges file's own errors say why its ids cannot be read
    return [
        checklist.problem(path, f"{value!r} is not a challenge id in {challenges.display_name}")
        for path, value in _values(checklist, ("pillars", "*", "questions", "*", "challenges", "*"))
        if value not in challenge_ids
    ]


def _group_references(challenges: YamlSource) -> list[ContentProblem]:
    problems = []
    group_ids = _ids(challenges, ("groups", "*"))
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


def _complete_ids(source: YamlSource, items_pattern: tuple) -> list | None:
    """The ids of a list's items, or None unless the list exists and every item has a text id."""
    items = [value for _, value in _values(source, items_pattern)]
    if not items or not all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items):
        return None
    return [item["id"] for item in items]


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
