"""The fast path for large files: rapidyaml parses, emits JSON, and ``json.loads`` builds values.

It gives no positions, so it is used only to *accept* a file quickly: a parse error or a
duplicate key returns ``None``, and the caller falls back to the precise reader in
:mod:`timeline.yamlread`, which reports positions.  JSON types bare numbers, which the schema
(strings everywhere) then rejects, sending the file to the precise reader too; files that might
hold anchors, aliases or ``~`` never come here (see :func:`timeline.loading.read_document`).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from typing import Any

import ryml  # type: ignore[import-untyped]

_stderr_lock = threading.Lock()


class _Unusual(Exception):
    """The file needs the precise reader."""


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints parse errors to fd 2 from C++; we report our own, so hide them."""
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
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Unusual("duplicate key")
    return result


def read_fast(data: bytes) -> Any | None:
    """Plain values of a YAML document, or None when the precise reader must decide."""
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(data)
        emitted = ryml.emit_json_malloc(tree, tree.root_id())
        # Integers keep the text that was written (a bare year ``1957`` stays "1957").
        return json.loads(emitted, object_pairs_hook=_pairs, parse_int=str)
    except Exception:
        return None
