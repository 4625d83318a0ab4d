"""``timeline draft ARTICLE [--published DATE] [--source ID] [--events FILE] [--format yaml|json]``.

The publication date is ``--published``, or else the ``published`` date of the source that
``--source`` names in ``--events`` (a day, or an instant, whose UTC day is taken).
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

from timeline.dates import Precision
from timeline.draft import draft_article
from timeline.draft.article import ArticleError, read_article
from timeline.draft.output import as_json, as_yaml
from timeline.draft.titles import slug
from timeline.load import LoadError, load
from timeline.model import Actor, Source

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Known(NamedTuple):
    """What ``--events`` tells the drafts: actors to recognise, ids to avoid, sources."""

    actors: list[Actor]
    event_ids: set[str]
    sources: dict[str, Source]


class _Usage(Exception):
    """Arguments that do not say what is needed; the message says what to give."""


def _fail(message: str, status: int) -> int:
    print(f"timeline draft: {message}", file=sys.stderr)
    return status


def _published(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def _known(events: Path | None) -> _Known | str:
    """Actors, event ids and sources of ``events``, or the problem in words."""
    if events is None:
        return _Known([], set(), {})
    if not events.is_file():
        return f"--events {events}: no such file"
    try:
        timeline = load(events)
    except LoadError as exc:
        return "\n".join(exc.lines(os.fspath(events)))
    except Exception as exc:  # pragma: no cover - any other failure to read the file
        return f"--events {events}: cannot load the file ({type(exc).__name__})"
    return _Known(list(timeline.actors.values()), {e.id for e in timeline.events}, dict(timeline.sources))


def _source_day(source: str | None, events: Path | None, known: _Known) -> date:
    """The publication day of the source ``--source`` names in ``--events``, or :class:`_Usage`."""
    give = "give --published YYYY-MM-DD"
    if source is None:
        raise _Usage(f"no publication date: {give}, or --source ID with --events FILE listing that source")
    if events is None:
        raise _Usage(f"no publication date: --source {source} is looked up in --events FILE; or {give}")
    if source not in known.sources:
        raise _Usage(f"no publication date: {events} has no source {source!r}; {give}")
    published = known.sources[source].published
    if published is None or published.interval or published.start is None:
        raise _Usage(f"no publication date: source {source!r} in {events} has no published date; {give}")
    point = published.start
    if point.precision < Precision.DAY or point.month is None or point.day is None:
        raise _Usage(f"source {source!r} in {events} was published {published.iso()}, not on a day; {give}")
    return date(point.year, point.month, point.day)


def run(article: Path, published_text: str | None, source: str | None, events: Path | None, kind: str) -> int:
    """The command; returns its exit status (2: bad arguments, 1: unreadable input)."""
    given = None if published_text is None else _published(published_text)
    if published_text is not None and given is None:
        return _fail(f"--published {published_text!r} is not a date: write YYYY-MM-DD, e.g. 2021-10-05", 2)
    if source is not None and not _ID.fullmatch(source):
        return _fail(f"--source {source!r} is not an id: lower-case letters, digits and hyphens", 2)
    known = _known(events)
    if isinstance(known, str):
        return _fail(known, 1)
    try:
        published = given or _source_day(source, events, known)
    except _Usage as exc:
        return _fail(str(exc), 2)
    origin = "" if given else f"the published date of source `{source}` in {events}"
    try:
        text = read_article(article)
    except ArticleError as exc:
        return _fail(str(exc), 1)
    drafts = draft_article(text, published, known.actors, known.event_ids)
    cited = source or slug(article.stem, limit=12)
    if kind == "json":
        sys.stdout.write(as_json(drafts, os.fspath(article), published))
    else:
        sys.stdout.write(as_yaml(drafts, os.fspath(article), published, cited, origin))
        if events is not None and cited not in known.sources:
            print(
                f"timeline draft: note: add the source {cited!r} under sources: in {events}", file=sys.stderr
            )
    print(f"timeline draft: {len(drafts)} dated statements in {article}", file=sys.stderr)
    return 0
