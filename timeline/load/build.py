"""Load ``events.yaml`` into a validated :class:`~timeline.model.Timeline`, or every problem.

Structure is checked against the published JSON Schema (:mod:`timeline.load.schema`, worded
by :mod:`timeline.load.structure`); meaning (dates, references, URLs, quotes) by
:mod:`timeline.load.checks`.  Every problem carries the line and column where it was
written, and nothing a file can contain raises anything but :class:`LoadError`.

Limits (each reported as a positioned problem, never a crash):

- file size: at most :data:`~timeline.load.files.MAX_FILE_BYTES` (128 MiB); a regular file,
  UTF-8 (a BOM is allowed);
- nesting: at most :data:`~timeline.load.yamlread.MAX_DEPTH` (32) levels (a valid file needs 5);
- values: at most :data:`~timeline.load.yamlread.MAX_VALUES` (5,000,000) scalars and collections;
- counts and lengths, from the schema: 200,000 events, 100,000 sources and actors, 200 tags,
  100 citations an event; ids 100 characters, titles and names 500, texts 10,000, URLs 2,048,
  dates 100.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from timeline.countries import country_name
from timeline.dates import sort_key
from timeline.load import structure
from timeline.load.archive import Archive
from timeline.load.checks import Checker, Raw, Refs, check_actor, check_event, check_source, check_tag
from timeline.load.document import Document
from timeline.load.files import read_file
from timeline.load.indexing import build_index, search_names
from timeline.load.problems import LoadError, Problem, whole_file
from timeline.load.yamlread import YamlProblems
from timeline.model import DEFAULT_LANGUAGE, Event, Tag, Timeline


def build(
    data: bytes, *, archive_dir: Path | None = None, found_problem: Callable[[], object] | None = None
) -> Timeline:
    """Validate the bytes of a data file and build its snapshot, or raise LoadError.

    ``found_problem``, if given, is called as soon as the file is known to be invalid, before
    the positions of its problems are found (which can take seconds for a large file).
    """
    try:
        return _build(Document(data, found_problem), data, Archive(archive_dir) if archive_dir else None)
    except YamlProblems as exc:  # also when positions, read late, show the fast path was wrong
        raise LoadError(exc.problems) from None
    except MemoryError:
        raise whole_file("the file is too large to load (out of memory)") from None


def load(path: Path, *, archive_dir: Path | None = None) -> Timeline:
    """Read and validate the data file at ``path``, or raise LoadError."""
    return build(read_file(path), archive_dir=archive_dir)


def _items(raw: Any, name: str) -> list[tuple[int, Raw]]:
    """The mappings of one top-level list that have an id (with their indexes)."""
    items = raw.get(name) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return []
    return [
        (i, item)
        for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _build(doc: Document, data: bytes, archive: Archive | None) -> Timeline:
    problems = structure.problems(doc)
    if problems and not isinstance(doc.value, dict):
        raise LoadError(problems)
    raw = doc.value
    language = raw.get("language") if isinstance(raw.get("language"), str) else None
    c = Checker(doc, archive, lenient=bool(problems))
    c.language = c.language_code(("language",), language) or DEFAULT_LANGUAGE
    c.texts((), raw, ("title", "description"))
    translations = c.guard(Checker.translations, (), raw) or ()
    tags = c.collect("tags", _items(raw, "tags"), check_tag) if isinstance(raw.get("tags"), list) else None
    sources = c.collect("sources", _items(raw, "sources"), check_source)
    actors = c.collect("actors", _items(raw, "actors"), check_actor)
    raw_events = _items(raw, "events")
    written = {kind: {item["id"] for _, item in _items(raw, kind)} for kind in ("sources", "actors", "tags")}
    refs = Refs(sources, actors, tags, {item["id"] for _, item in raw_events}, written)
    c.unique("events", raw_events)
    events: dict[str, Event] = {}
    for i, e in raw_events:
        if (event := c.guard(check_event, i, e, refs)) is not None:
            events.setdefault(event.id, event)
    if problems or c.problems:
        raise LoadError(_merged(problems, c.problems))
    built = _timeline(raw, data, tags, sources, actors, events)
    return replace(built, language=c.language, translations=translations)


def _merged(structure: list[Problem], meaning: list[Problem]) -> list[Problem]:
    """Structural problems first; a meaning problem at the same place would only repeat one."""
    taken = {(p.line, p.col) for p in structure}
    return [*structure, *(p for p in meaning if (p.line, p.col) not in taken)]


def _timeline(
    raw: Raw, data: bytes, tags: dict[str, Tag] | None, sources: Any, actors: Any, events: dict[str, Event]
) -> Timeline:
    """The snapshot of checked records, in the documented order, with its indexes."""
    ordered = tuple(sorted(events.values(), key=lambda ev: sort_key(ev.date, ev.id)))
    codes = {c for ev in ordered for c in ev.countries} | {c for a in actors.values() for c in a.countries}
    countries = {c: country_name(c) or c for c in sorted(codes)}
    tags = tags if tags is not None else {t: Tag(t, t) for ev in ordered for t in ev.tags}
    names = search_names(countries, tags, ordered)
    return Timeline(
        title=raw["title"],
        description=raw.get("description") or "",
        sources=sources,
        actors=actors,
        tags=tags,
        events=ordered,
        positions={ev.id: i for i, ev in enumerate(ordered)},
        index=build_index(ordered, actors, names),
        version=hashlib.sha256(data).hexdigest(),
        countries=countries,
    )
