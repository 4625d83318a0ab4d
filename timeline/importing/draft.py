"""An events file being built by an import, and where in the input each of its values came from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from timeline.formats.where import Where

Path = tuple[str | int, ...]
Record = dict[str, Any]
MAX_ID = 100


def slug(text: str, fallback: str) -> str:
    """An id (``[a-z0-9]+(-[a-z0-9]+)*``, at most 100 characters) made from ``text``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # Péter -> Peter
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(words) > MAX_ID:
        words = words[:MAX_ID].rsplit("-", 1)[0] if "-" in words[:MAX_ID] else words[:MAX_ID]
    return words or fallback


@dataclass(slots=True)
class Draft:
    """The values of an ``events.yaml`` in the making; ``origins`` maps their paths to the input."""

    root: Where
    title: str = ""
    description: str = ""
    tags: dict[str, Record] | None = None  # None: no vocabulary (tags are what events use)
    sources: dict[str, Record] = field(default_factory=dict)
    actors: dict[str, Record] = field(default_factory=dict)
    events: list[Record] = field(default_factory=list)
    origins: dict[Path, Where] = field(default_factory=dict)
    _places: dict[tuple[str, str], Where] = field(default_factory=dict)

    def unique(self, wanted: str, taken: Any) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``… : the first that is not in ``taken``."""
        if wanted not in taken:
            return wanted
        n = 2
        while (candidate := f"{wanted[: MAX_ID - 1 - len(str(n))]}-{n}") in taken:
            n += 1
        return candidate

    def add(self, kind: str, record: Record, where: Where) -> None:
        """Add a source, actor or tag record (by its id), first mentioned at ``where``."""
        table = self.tags if kind == "tags" else getattr(self, kind)
        assert table is not None
        table[record["id"]] = record
        self._places[(kind, record["id"])] = where

    def add_event(self, record: Record, origins: dict[Path, Where]) -> None:
        """Add an event; ``origins`` maps paths inside it (``()`` for itself) to the input."""
        index = len(self.events)
        self.events.append(record)
        for path, where in origins.items():
            self.origins[("events", index, *path)] = where

    def data(self) -> Record:
        """The file's values, in the documented order, with the origins of every record filled in."""
        data: Record = {"title": self.title}
        if self.description:
            data["description"] = self.description
        self.origins[("title",)] = self.origins.get(("title",), self.root)
        for kind in ("tags", "sources", "actors"):
            table = self.tags if kind == "tags" else getattr(self, kind)
            if table is None:
                continue
            data[kind] = list(table.values())
            for i, ident in enumerate(table):
                self.origins[(kind, i)] = self._places.get((kind, ident), self.root)
        data["events"] = self.events
        return data

    def origin(self, path: Path) -> Where:
        """Where the value at ``path`` came from (that of its nearest recorded ancestor)."""
        while path:
            if path in self.origins:
                return self.origins[path]
            path = path[:-1]
        return self.root
