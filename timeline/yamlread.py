"""Read YAML into plain data plus the line/column of every value, safely and at C speed.

libyaml (PyYAML's ``CSafeLoader``) composes the node tree; we build plain Python values from
it ourselves so that YAML 1.1's surprises cannot happen: every scalar stays the text that was
written (``NO`` is the string "NO", ``010`` is "010", ``1957-10-04`` is "1957-10-04"); only an
empty value or ``null``/``~`` becomes ``None``.  Anchors, aliases, merge keys, explicit tags
and duplicate keys are rejected with their position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]

MAX_DEPTH = 64
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "value")
)
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# A cheap test for anything that might be an anchor or alias; only then do we scan events.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the file, at a 1-based line and column."""

    line: int
    col: int
    message: str


class YamlProblems(Exception):
    """The text is not acceptable YAML; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


@dataclass(slots=True)
class Positions:
    """Where each value (and each mapping key) of the document was written."""

    values: dict[Path, tuple[int, int]]
    keys: dict[Path, tuple[int, int]]

    def of(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest written ancestor."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if not key and path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def _mark(node: yaml.Node | yaml.Event | yaml.Mark | None) -> tuple[int, int]:
    if node is None:
        return (1, 1)
    mark = getattr(node, "start_mark", node)  # libyaml's C Mark is not a yaml.Mark
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM allowed) or raise YamlProblems at the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblems(
            [Problem(line, col, f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")]
        ) from None
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        raise YamlProblems([Problem(line, index - text.rfind("\n", 0, index), "NUL character in file")])
    return text


def _anchor_problems(text: str) -> list[Problem]:
    problems: list[Problem] = []
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                Problem(*_mark(event), f"aliases (*{event.anchor}) are not allowed; write the value out")
            )
        elif anchor := getattr(event, "anchor", None):
            problems.append(
                Problem(*_mark(event), f"anchors (&{anchor}) are not allowed; write the value out")
            )
        if len(problems) >= 100:
            break
    return problems


def read(text: str) -> tuple[Any, Positions]:
    """Parse ``text`` into plain values and their positions, or raise YamlProblems."""
    if _MAYBE_ANCHOR.search(text):
        try:
            if problems := _anchor_problems(text):
                raise YamlProblems(problems)
        except yaml.MarkedYAMLError:
            pass  # the compose below reports syntax errors with their position
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "YAML syntax error"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        raise YamlProblems([Problem(*_mark(mark), f"YAML syntax error: {message}")]) from None
    except yaml.YAMLError as exc:
        raise YamlProblems([Problem(1, 1, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise YamlProblems(
            [Problem(1, 1, f"the file is nested too deeply (more than {MAX_DEPTH} levels)")]
        ) from None
    positions = Positions({}, {})
    if root is None:
        return None, positions
    found: list[Problem] = []
    builder = _Builder(positions, found)
    value = builder.build(root, (), 0)
    if found:
        raise YamlProblems(found)
    return value, positions


class _Builder:
    """Walks the node tree once, building values and recording positions."""

    def __init__(self, positions: Positions, problems: list[Problem]) -> None:
        self.values = positions.values
        self.keys = positions.keys
        self.problems = problems
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(*_mark(node), message))

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if id(node) in self.seen:
            self.fail(node, "aliases are not allowed; write the value out")
            return None
        self.seen.add(id(node))
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self.fail(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        if node.tag not in _STANDARD_TAGS:
            self.fail(node, f"YAML tags such as {node.tag!r} are not allowed")
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG and node.style is None:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self.mapping(node, path, depth)

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.fail(key_node, "merge keys (<<) are not allowed; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "mapping keys must be plain text")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.fail(key_node, f"duplicate key {key!r} (first defined on line {first_line[key]})")
                continue
            first_line[key] = line
            self.keys[(*path, key)] = (line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result
