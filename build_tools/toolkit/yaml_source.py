"""Read a YAML file and keep its node tree, so that any value can be traced to its line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import ContentProblem, field_path

# libyaml's loader builds the same node tree, with marks, several times faster; PyYAML ships
# it in its wheels, and falls back to pure Python where it was built without it.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            reason = error.problem or error.context or "cannot be read"
            self.problems.append(
                self._problem_at(mark.line + 1, mark.column + 1, "", f"YAML syntax error: {reason}")
            )
            self._root = None
        finally:
            loader.dispose()
        if self._root is not None:
            self.problems.extend(self._duplicate_keys(self._root, ()))

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

    def _duplicate_keys(self, node, path: tuple) -> list[ContentProblem]:
        # YAML itself lets a later key silently replace an earlier one; here that is an error.
        problems = []
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    mark = key.start_mark
                    problems.append(
                        self._problem_at(
                            mark.line + 1,
                            mark.column + 1,
                            field_path((*path, key.value)),
                            f"the key '{key.value}' appears twice in the same block",
                        )
                    )
                seen.add(key.value)
                problems.extend(self._duplicate_keys(value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                problems.extend(self._duplicate_keys(item, (*path, index)))
        return problems
