"""The parsed document: plain values, and the positions of what was written, read on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timeline.load import fastyaml, schema, yamlread
from timeline.load.problems import Problem
from timeline.load.yamlread import Path as DocPath
from timeline.load.yamlread import Positions

FAST_PATH_BYTES = 1024 * 1024  # below this the precise reader is fast enough on its own


class Document:
    """The parsed document, with positions computed only if a problem needs them.

    ``found_problem`` is called once, when the first problem is known and before its position
    is looked for (which, for a large file that took the fast path, means reading it again).
    """

    def __init__(self, data: bytes, found_problem: Callable[[], object] | None = None) -> None:
        self.text = yamlread.decode(data)
        self._found_problem = found_problem
        self._positions: Positions | None = None
        if len(data) >= FAST_PATH_BYTES:
            value = fastyaml.read_fast(data)
            if value is not None and schema.valid(value):
                self.value: Any = value
                self.valid = True  # against the schema
                return
        self.value, self._positions = yamlread.read(self.text)
        self.valid = self.value is not None and schema.valid(self.value)

    def at(self, path: DocPath, message: str, *, key: bool = False) -> Problem:
        """A problem at the place ``path`` was written (positions are read on first need)."""
        if self._positions is None:
            if self._found_problem is not None:
                self._found_problem()
            _, self._positions = yamlread.read(self.text)
        return Problem(*self._positions.of(path, key=key), message)
