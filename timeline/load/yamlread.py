"""Read YAML into plain data plus the line/column of every value, safely and at C speed.

libyaml (PyYAML's ``CSafeLoader``) turns the text into a stream of events; we build plain
Python values from that stream ourselves, in one loop with an explicit stack, so that:

- YAML 1.1's surprises cannot happen: every scalar stays the text that was written (``NO``
  is "NO", ``010`` is "010", ``1957-10-04`` is "1957-10-04"); only an empty value or
  ``null``/``~`` becomes ``None``;
- anchors, aliases, merge keys, explicit tags, complex keys, duplicate keys and a second
  document are rejected with their position, *as they stream by*: an alias is never
  resolved, so an alias bomb ("billion laughs") costs one event per alias, not exponential
  memory;
- nesting deeper than :data:`MAX_DEPTH` stops the read at once, with no recursion anywhere
  (PyYAML's own composer recurses in C and crashes the process at ~50,000 nested brackets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from timeline.load.problems import Problem, shown

Path = tuple[str | int, ...]

MAX_DEPTH = 32  # a valid file nests 5 deep: file → events → event → citations → citation
MAX_VALUES = 5_000_000  # scalars and collections: 100,000 events use 2 to 4 million
MAX_PROBLEMS = 1000  # stop collecting after this many: the first ones say what is wrong
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_PLAIN_TAGS = frozenset(("!", "tag:yaml.org,2002:str"))  # tags that only say "this is text"
_COLLECTION_TAGS = frozenset(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"))
_SKIP = object()  # the key of a value that is read (for syntax) but not kept


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


def _at(mark: Any) -> tuple[int, int]:
    """The 1-based (line, column) of a libyaml mark."""
    return (mark.line + 1, mark.column + 1)


def position_of_offset(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM allowed) or raise YamlProblems at the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
        before = data[:start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        # The column counts characters, like every other position, not bytes.
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        message = f"the file is not UTF-8 (byte 0x{data[start]:02x}); save it as UTF-8"
        raise YamlProblems([Problem(line, col, message)]) from None
    if "\x00" in text:
        raise YamlProblems([Problem(*position_of_offset(text, text.index("\x00")), "NUL character in file")])
    return text


def _tag_name(tag: str) -> str:
    """A tag as written (``!!int``), shortened for a message."""
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return short if len(short) <= 40 else short[:39] + "…"


class _Frame:
    """An open mapping or sequence: its value, its path, and (for mappings) the pending key."""

    __slots__ = ("as_key", "first", "key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: Path | None, as_key: bool) -> None:
        self.value = value
        self.path = path  # None: not kept (a rejected key or value), so no positions either
        self.as_key = as_key
        self.key: Any = None  # None: a mapping waiting for its next key
        self.first: dict[str, int] = {}  # key -> line it was first written on


class _Stop(Exception):
    """Reading cannot usefully go on (too deep, too many problems, a second document)."""


class _Reader:
    """Builds values from libyaml events, collecting problems with their positions."""

    def __init__(self) -> None:
        self.positions = Positions({}, {})
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.count = 0  # values read so far, to bound memory

    def fail(self, where: tuple[int, int], message: str) -> None:
        """Record a problem; stop once there are enough to act on."""
        self.problems.append(Problem(*where, message))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(Problem(*where, f"stopped after {MAX_PROBLEMS} problems"))
            raise _Stop

    def node(self, event: Any, where: tuple[int, int]) -> None:
        """Count a node, and reject what it may carry that we never accept: anchors, tags."""
        self.count += 1
        if self.count > MAX_VALUES:
            self.fail(where, f"the file has more than {MAX_VALUES:,} values")
            raise _Stop
        if event.anchor is not None:
            self.fail(where, f"anchors (&{shown(event.anchor)[1:-1]}) are not allowed; write the value out")
        tag = event.tag
        if tag is not None and tag not in _PLAIN_TAGS and tag not in _COLLECTION_TAGS:
            self.fail(where, f"YAML tags such as {_tag_name(tag)} are not allowed; quote the value instead")

    def child_path(self, where: tuple[int, int]) -> Path | None:
        """The path of a value about to be added to the open collection (None: not kept)."""
        if not self.stack:
            self.positions.values[()] = where
            return ()
        frame = self.stack[-1]
        if frame.path is None:
            return None
        if isinstance(frame.value, list):
            path: Path = (*frame.path, len(frame.value))
        elif frame.key is None or frame.key is _SKIP:
            return None
        else:
            path = (*frame.path, frame.key)
        self.positions.values[path] = where
        return path

    def add(self, value: Any) -> None:
        """Put a finished value into the open collection (or make it the document)."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if frame.key is not _SKIP:
            frame.value[frame.key] = value
        frame.key = None

    def key(self, event: Any, where: tuple[int, int]) -> None:
        """Take a scalar as the next key of the open mapping."""
        frame = self.stack[-1]
        text: str = event.value
        if text == "<<" and event.implicit[0]:
            self.fail(where, "merge keys (<<) are not allowed; write the keys out")
            frame.key = _SKIP
        elif text in frame.first:
            self.fail(where, f"duplicate key {shown(text)} (first defined on line {frame.first[text]})")
            frame.key = _SKIP
        else:
            frame.first[text] = where[0]
            frame.key = text
            if frame.path is not None:
                self.positions.keys[(*frame.path, text)] = where

    def expecting_key(self) -> bool:
        """True when the next node of the open collection is a mapping key."""
        if not self.stack:
            return False
        frame = self.stack[-1]
        return isinstance(frame.value, dict) and frame.key is None

    def scalar(self, event: Any) -> None:
        """A scalar: a key, or a value kept as the text that was written."""
        where = _at(event.start_mark)
        self.node(event, where)
        if self.expecting_key():
            self.key(event, where)
            return
        self.child_path(where)
        value: str | None = event.value
        if event.tag is None and event.implicit[0] and value in _NULLS:
            value = None
        self.add(value)

    def alias(self, event: Any) -> None:
        """An alias is never followed: reject it and keep nothing in its place."""
        where = _at(event.start_mark)
        self.fail(where, f"aliases (*{shown(event.anchor)[1:-1]}) are not allowed; write the value out")
        if self.expecting_key():
            self.stack[-1].key = _SKIP
        else:
            self.add(None)

    def start(self, event: Any, value: dict[str, Any] | list[Any]) -> None:
        """Open a mapping or sequence."""
        where = _at(event.start_mark)
        self.node(event, where)
        if len(self.stack) >= MAX_DEPTH:
            self.fail(where, f"nested too deeply (more than {MAX_DEPTH} levels)")
            raise _Stop
        if self.expecting_key():
            self.fail(where, "mapping keys must be plain text")
            self.stack.append(_Frame(value, None, as_key=True))
            return
        self.stack.append(_Frame(value, self.child_path(where), as_key=False))

    def end(self) -> None:
        """Close the innermost mapping or sequence."""
        frame = self.stack.pop()
        if frame.as_key:
            self.stack[-1].key = _SKIP  # the value after a rejected key is read, not kept
        else:
            self.add(frame.value)

    def document(self, event: Any) -> None:
        """Allow exactly one document."""
        self.documents += 1
        if self.documents > 1:
            self.fail(_at(event.start_mark), "only one YAML document is allowed (remove this '---')")
            raise _Stop


_HANDLERS: dict[type, Callable[[_Reader, Any], None]] = {
    yaml.ScalarEvent: _Reader.scalar,
    yaml.AliasEvent: _Reader.alias,
    yaml.MappingStartEvent: lambda reader, event: reader.start(event, {}),
    yaml.SequenceStartEvent: lambda reader, event: reader.start(event, []),
    yaml.MappingEndEvent: lambda reader, event: reader.end(),
    yaml.SequenceEndEvent: lambda reader, event: reader.end(),
    yaml.DocumentStartEvent: _Reader.document,
}


_OPENERS = {
    "while scanning a quoted scalar": "quoted text",
    "while parsing a flow sequence": "[ list",
    "while parsing a flow mapping": "{ mapping",
}


def _unclosed(exc: yaml.MarkedYAMLError, found: tuple[int, int]) -> Problem | None:
    """An unclosed quote or bracket, named with the place it opens: that is where the fix goes.

    libyaml notices only later: at the next line, or at the end of the file.
    """
    what = _OPENERS.get(exc.context or "")
    problem = exc.problem or ""
    if what is None or exc.context_mark is None:
        return None
    line, col = _at(exc.context_mark)
    if "end of stream" in problem:  # the end of the file says nothing: point at the opening
        return Problem(line, col, f"YAML syntax error: this {what} is never closed")
    if problem.startswith("did not find expected ','"):
        opened = f"the {what} opened at line {line}, column {col} is not closed"
        return Problem(*found, f"YAML syntax error: {problem} ({opened})")
    return None


def _syntax_problem(text: str, exc: yaml.YAMLError) -> Problem:
    """A libyaml error as a positioned problem with a readable message."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = _at(mark) if mark is not None else (1, 1)
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            return Problem(*where, "a tab is not allowed here (YAML indents with spaces)")
        if unclosed := _unclosed(exc, where):
            return unclosed
        message = exc.problem or exc.context or "YAML syntax error"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        return Problem(*where, f"YAML syntax error: {message}")
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml reports the offset in UTF-8 bytes of the text it was given.
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "replace"))
        char = exc.character if isinstance(exc.character, int) else 0
        return Problem(*position_of_offset(text, index), f"control character U+{char:04X} is not allowed")
    return Problem(1, 1, "YAML syntax error")


def read(text: str) -> tuple[Any, Positions]:
    """Parse ``text`` into plain values and their positions, or raise YamlProblems."""
    reader = _Reader()
    handlers = _HANDLERS
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(reader, event)
    except _Stop:
        pass
    except yaml.YAMLError as exc:
        reader.problems.append(_syntax_problem(text, exc))
    except UnicodeEncodeError as exc:  # a lone surrogate cannot reach libyaml as UTF-8
        where = position_of_offset(text, exc.start)
        reader.problems.append(Problem(*where, "the text contains an invalid character (a lone surrogate)"))
    if reader.problems:
        raise YamlProblems(reader.problems)
    return reader.root, reader.positions
