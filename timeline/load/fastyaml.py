"""The fast path for large files: rapidyaml parses, emits JSON, and ``json.loads`` builds values.

It gives no positions, so it is used only to *accept* a file quickly: anything unusual
returns ``None`` and the caller falls back to the precise reader in
:mod:`timeline.yamlread`, which reports positions.  The fast path must never accept a value
the precise reader would read differently, so it declines:

- text that might hold an anchor, alias, tag, merge key, ``~``, a directive, a tab or
  compact nesting (the precise reader rejects or reads these differently; a false alarm
  only costs speed);
- text with so many possible values that rapidyaml's tree (~300 bytes a node) would not
  be bounded by :data:`MAX_VALUES`, or nested deeper than :data:`MAX_DEPTH` (rapidyaml
  would build it all before we could say no);
- duplicate keys, and anything rapidyaml or the JSON it emits cannot represent.

Bare numbers keep the text that was written (``json.loads`` with ``parse_int=str``), as the
precise reader does; ``true``/``null`` become JSON values that the schema then rejects,
which also sends the file to the precise reader.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from typing import Any

import ryml  # type: ignore[import-untyped]

from timeline.load.yamlread import MAX_DEPTH, MAX_VALUES

_stderr_lock = threading.Lock()
# Bytes that decline the fast path wherever they are: merge keys, tabs, directives, and
# compact nesting ("- - - x"), which can be deep without any bracket.
_DECLINE = (b"\t", b"\n%", b"- - ")
# Bytes that start an anchor (&a), alias (*a), tag (!t) or null (~) only after one of
# _BEFORE; elsewhere ("AT&T", "Go!") they are text.  Each occurrence is checked in Python,
# so a file with very many of them is simply left to the precise reader.
_MARKERS = (b"&", b"*", b"!", b"~")
_BEFORE = frozenset(b" \r\n[{,?:-")
_MAX_MARKERS = 10_000
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# Bytes that can start a value; their count bounds the number of nodes rapidyaml would make.
# (Single bytes: counting them runs at memory speed.)
_NODE_MARKS = (b"\n", b",", b"[", b"{", b"-", b"?", b":")


class _Unusual(Exception):
    """The file needs the precise reader."""


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its errors to fd 2 from C++; we report our own, so hide them."""
    with _stderr_lock:
        saved = os.dup(2)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing duplicate keys (the precise reader reports them)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Unusual("duplicate key")
    return result


def _shallow(data: bytes) -> bool:
    """True when flow brackets nest at most MAX_DEPTH deep (rapidyaml has no such limit)."""
    depth = 0
    for byte in data.translate(None, _NOT_BRACKETS):  # C-speed: keeps only the brackets
        if byte in b"[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif depth:  # a bracket inside a quoted string may close nothing
            depth -= 1
    return True


def _special(data: bytes, marker: int, at: int) -> bool:
    """True when the marker byte at ``at`` may be YAML syntax rather than text."""
    if at and data[at - 1] not in _BEFORE:
        return False
    after = data[at + 1] if at + 1 < len(data) else None
    if marker == ord("~"):  # a null only when the plain scalar is just "~"
        return after is None or after in b" \r\n,]}#"
    return after is not None and after not in b" \r\n,[]{}"


def _plain(data: bytes) -> bool:
    """True when nothing in ``data`` may be an anchor, alias, tag, null or merge key."""
    if data.startswith(b"%") or any(mark in data for mark in _DECLINE):
        return False
    if b"<" in data and b"<<" in data:  # the pair search is slow; the byte search is not
        return False
    seen = 0
    for marker in _MARKERS:
        at = data.find(marker)
        while at != -1:
            seen += 1
            if seen > _MAX_MARKERS or _special(data, marker[0], at):
                return False
            at = data.find(marker, at + 1)
    return True


def suitable(data: bytes) -> bool:
    """True when the fast path may read ``data`` (else only the precise reader may)."""
    if not _plain(data):
        return False
    return sum(data.count(mark) for mark in _NODE_MARKS) <= MAX_VALUES and _shallow(data)


def read_fast(data: bytes) -> Any | None:
    """Plain values of a YAML document, or None when the precise reader must decide."""
    if not suitable(data):
        return None
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(data)
            emitted = ryml.emit_json_malloc(tree, tree.root_id())
        return json.loads(
            emitted, object_pairs_hook=_pairs, parse_int=str, parse_float=str, parse_constant=str
        )
    except Exception:  # any failure here only means "ask the precise reader"
        return None
