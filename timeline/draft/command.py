"""``timeline draft ARTICLE --published DATE [--source ID] [--events FILE] [--format yaml|json]``."""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path

from timeline.draft import draft_article
from timeline.draft.article import ArticleError, read_article
from timeline.draft.output import as_json, as_yaml
from timeline.draft.titles import slug
from timeline.load import LoadError, load
from timeline.model import Actor

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _fail(message: str, status: int) -> int:
    print(f"timeline draft: {message}", file=sys.stderr)
    return status


def _published(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def _known(events: Path | None) -> tuple[list[Actor], set[str], set[str]] | str:
    """Actors, event ids and source ids of ``events``, or the problem in words."""
    if events is None:
        return [], set(), set()
    if not events.is_file():
        return f"--events {events}: no such file"
    try:
        timeline = load(events)
    except LoadError as exc:
        return "\n".join(exc.lines(os.fspath(events)))
    except Exception as exc:  # pragma: no cover - any other failure to read the file
        return f"--events {events}: cannot load the file ({type(exc).__name__})"
    return list(timeline.actors.values()), {e.id for e in timeline.events}, set(timeline.sources)


def run(article: Path, published_text: str, source: str | None, events: Path | None, kind: str) -> int:
    """The command; returns its exit status (2: bad arguments, 1: unreadable input)."""
    published = _published(published_text)
    if published is None:
        return _fail(f"--published {published_text!r} is not a date: write YYYY-MM-DD, e.g. 2021-10-05", 2)
    if source is not None and not _ID.fullmatch(source):
        return _fail(f"--source {source!r} is not an id: lower-case letters, digits and hyphens", 2)
    known = _known(events)
    if isinstance(known, str):
        return _fail(known, 1)
    actors, event_ids, source_ids = known
    try:
        text = read_article(article)
    except ArticleError as exc:
        return _fail(str(exc), 1)
    drafts = draft_article(text, published, actors, event_ids)
    cited = source or slug(article.stem, limit=12)
    if kind == "json":
        sys.stdout.write(as_json(drafts, os.fspath(article), published))
    else:
        sys.stdout.write(as_yaml(drafts, os.fspath(article), published, cited))
        if events is not None and cited not in source_ids:
            print(
                f"timeline draft: note: add the source {cited!r} under sources: in {events}", file=sys.stderr
            )
    print(f"timeline draft: {len(drafts)} dated statements in {article}", file=sys.stderr)
    return 0
