"""``timeline draft``: dated statements out of a news article, as draft events to curate.

- :mod:`~timeline.draft.article`: the article's text (HTML reduced to text);
- :mod:`~timeline.draft.sentences`: its sentences (sentencex), captions and datelines included;
- :mod:`~timeline.draft.expressions`: the date expressions of a sentence (a small grammar);
- :mod:`~timeline.draft.tense`: whether a statement looks ahead of the publication date;
- :mod:`~timeline.draft.resolve`, :mod:`~timeline.draft.rules`, :mod:`~timeline.draft.relative`,
  :mod:`~timeline.draft.parts`, :mod:`~timeline.draft.clock`: the resolution rules, against the
  publication date;
- :mod:`~timeline.draft.times`: times of day joined to their days (live-blog stamps included);
- :mod:`~timeline.draft.spans`: ranges and open ends;
- :mod:`~timeline.draft.extract`: all of them over an article;
- :mod:`~timeline.draft.actors`, :mod:`~timeline.draft.titles`: actors, countries, titles, ids;
- :mod:`~timeline.draft.output`: YAML events or JSON.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import NamedTuple

from timeline.dates import DateError, parse_date, sort_key
from timeline.draft.actors import ActorMatcher, place_countries
from timeline.draft.extract import Found, extract
from timeline.draft.tense import Tense
from timeline.draft.titles import slug, title, unique_id
from timeline.model import Actor


class Draft(NamedTuple):
    """One dated statement of the article, as an event to curate."""

    date: str
    expression: str
    quote: str
    note: str | None
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    status: str | None  # "planned", or None (happened)
    id: str
    title: str


def _status(found: Found, published: date) -> str | None:
    """ "planned" for statements about what had not happened yet at publication time."""
    value = parse_date(found.span.edtf())
    day_start = calendar.timegm(published.timetuple())
    if value.lo >= day_start + 86400 or (found.tense is Tense.FUTURE and value.hi > day_start):
        return "planned"
    return None


def draft_article(
    text: str, published: date, actors: Iterable[Actor] = (), taken: Iterable[str] = ()
) -> list[Draft]:
    """The drafts of an article, sorted by date; ids avoid ``taken`` and each other."""
    matcher = ActorMatcher(actors)
    ids = set(taken)
    seen: set[tuple[str, str]] = set()
    drafts: list[tuple[tuple[int, int, str], Draft]] = []
    for found in extract(text, published):
        quote, edtf = found.sentence.text, found.span.edtf()
        if (quote, edtf) in seen:
            continue
        seen.add((quote, edtf))
        try:
            key = sort_key(parse_date(edtf), f"{found.sentence.start:09d}")
        except DateError:  # a rule produced something the date model refuses: leave it out
            continue
        names = matcher.actors(quote)
        countries = tuple(dict.fromkeys([*matcher.countries_of(names), *place_countries(quote)]))
        heading = title(quote, found.expression.split("; "))
        ident = unique_id(f"{slug(heading)}-{_id_date(edtf)}", ids)
        draft = Draft(
            edtf, found.expression, quote, found.span.note, tuple(names), countries,
            _status(found, published), ident, heading,
        )  # fmt: skip
        drafts.append((key, draft))
    return [d for _, d in sorted(drafts, key=lambda pair: pair[0])]


def _id_date(edtf: str) -> str:
    """The date part of a suggested id: digits of the first known point, to the day."""
    first = next((side for side in edtf.split("/") if side not in ("", "..")), edtf)
    return first[:10].lower().rstrip("-")


def published_text(published: date) -> str:
    """ "Tue 5 Oct 2021"."""
    when = datetime(published.year, published.month, published.day, tzinfo=UTC)
    return f"{when:%a} {published.day} {when:%b %Y}"


__all__ = ["Draft", "draft_article", "published_text"]
