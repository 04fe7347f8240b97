"""Read a YAML file and keep its node tree, so that any value can be traced to its line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import ContentProblem, field_path

# libyaml's loader builds the same node tree, with marks, several times faster; PyYAML ships
# it in its wheels, and falls back to pure Python where it was built without it.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TEXT_TAG = "tag:yaml.org,2002:str"
# What YAML turns an unquoted key into, by the last part of its tag, in an editor's words.
KEY_READ_AS = {
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "timestamp": "a date",
    "null": "nothing",
}
# The constructs PyYAML names when it reports where a broken one began, in an editor's words.
YAML_CONTEXTS = {
    "while scanning a quoted scalar": "the quoted text",
    "while parsing a quoted scalar": "the quoted text",
    "while parsing a flow sequence": "the [ ] list",
    "while parsing a flow mapping": "the { } block",
    "while parsing a block collection": "the list",
    "while parsing a block mapping": "the block of fields",
    "while scanning a simple key": "the key",
    "while scanning a block scalar": "the text block",
    "while constructing a mapping": "the block of fields",
}


class YamlSource:
    """One content file: its data, and the position of every key and item in it.

    PyYAML's composed node tree carries a start mark for each node; walking it along a
    data path gives the line and column that an error message should name.
    """

    def __init__(self, path: Path, display_name: str):
        self.display_name = display_name
        self.data = None
        self.problems: list[ContentProblem] = []
        self._root = None
        if not path.is_file():
            self.problems.append(self._problem_at(1, 1, "", "the file is missing"))
            return
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            self.problems.append(self._problem_at(1, 1, "", f"not UTF-8 text ({error.reason})"))
            return
        loader = Loader(text)
        try:
            self._root = loader.get_single_node()
            if self._root is not None:
                self.data = loader.construct_document(self._root)
        except yaml.YAMLError as error:
            line, column = _error_position(error, text)
            self.problems.append(self._problem_at(line, column, "", _describe_yaml_error(error)))
            self._root = None
        finally:
            loader.dispose()
        if self._root is not None:
            self.problems.extend(self._key_problems(self._root, ()))

    def problem(self, path: tuple | list, message: str) -> ContentProblem:
        """A problem located at the value that `path` leads to (or as near as it exists)."""
        line, column = self.position(path)
        return self._problem_at(line, column, field_path(path), message)

    def position(self, path: tuple | list) -> tuple[int, int]:
        """Line and column (both from 1) of the key or item that `path` names."""
        node, mark = self._root, None
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                entry = next((e for e in node.value if e[0].value == part), None)
                if entry is None:
                    break
                mark, node = entry[0].start_mark, entry[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        if mark is None:
            mark = self._root.start_mark if self._root is not None else None
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)

    # Helper functions -------------------------------------------------------------------

    def _problem_at(self, line: int, column: int, field: str, message: str) -> ContentProblem:
        return ContentProblem(self.display_name, line, column, field, message)

    def _key_problems(self, node, path: tuple) -> list[ContentProblem]:
        # Keys must be text: YAML reads `yes:` as true and `2024-01-01:` as a date, which no
        # template or string lookup can find. And YAML lets a later key silently replace an
        # earlier one; here that is an error.
        problems = []
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                mark = key.start_mark
                if not (isinstance(key, yaml.ScalarNode) and key.tag == TEXT_TAG):
                    problems.append(
                        self._problem_at(mark.line + 1, mark.column + 1, field_path(path), _non_text_key(key))
                    )
                    continue
                if key.value in seen:
                    problems.append(
                        self._problem_at(
                            mark.line + 1,
                            mark.column + 1,
                            field_path((*path, key.value)),
                            f"the key '{key.value}' appears twice in the same block",
                        )
                    )
                seen.add(key.value)
                problems.extend(self._key_problems(value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                problems.extend(self._key_problems(item, (*path, index)))
        return problems


# Helper functions -----------------------------------------------------------------------


def _error_position(error: yaml.YAMLError, text: str) -> tuple[int, int]:
    """Line and column (from 1) where the parser gave up."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            return mark.line + 1, mark.column + 1
    # A ReaderError (a character YAML does not allow) has only an offset into the text.
    position = getattr(error, "position", None)
    if isinstance(position, int) and 0 <= position <= len(text):
        line_start = text.rfind("\n", 0, position) + 1
        return text.count("\n", 0, position) + 1, position - line_start + 1
    return 1, 1


def _describe_yaml_error(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.reader.ReaderError):
        character = error.character
        code = ord(character) if isinstance(character, str) else character
        return (
            f"the character U+{code:04X} is not allowed in YAML (an invisible control character); delete it"
        )
    if not isinstance(error, yaml.MarkedYAMLError):
        return f"YAML syntax error: {error}"
    message = f"YAML syntax error: {error.problem or error.context or 'cannot be read'}"
    # The parser often gives up lines after the real mistake (an unclosed quote is noticed
    # at the end of the file), so say where the construct it was reading began.
    if error.problem and error.context and error.context_mark is not None:
        what = YAML_CONTEXTS.get(error.context, error.context.removeprefix("while ").strip())
        message += f" (in {what} that starts on line {error.context_mark.line + 1})"
    return message


def _non_text_key(key) -> str:
    if not isinstance(key, yaml.ScalarNode):
        return "a key must be a plain name, not a list or a block"
    read_as = KEY_READ_AS.get(key.tag.rpartition(":")[2], "something other than text")
    return f'the key {key.value} is read as {read_as}, not as text; put it in quotes: "{key.value}":'
