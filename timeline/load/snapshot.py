"""A compact, fast serialisation of a Timeline for the snapshot cache.

Pickle spends most of a warm start creating ~1.6 million small objects through Python-level
reducers (3.3 s for 100,000 events). Here every record becomes a plain tuple for ``marshal``,
which reads them at C speed, and ``tuple.__new__`` gives each its NamedTuple class back
without running any Python code per object. The format knows the model's shape: a change to a
record's fields changes ``cache.code_version()`` (model.py and dates.py are hashed), so an old
entry is never read with a new shape.
"""

from __future__ import annotations

import marshal
from dataclasses import fields
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from timeline.dates import FlexDate, Point, Precision
from timeline.index import Index
from timeline.model import Actor, Citation, Event, Media, Source, Tag, Timeline

FORMAT = 4  # 3: media; 4: languages and translations
_MEDIA = Event._fields.index("media")  # records inside an event are stored as plain tuples
_PRECISIONS = tuple(Precision)
_new = tuple.__new__


def _point_out(point: Point | None) -> tuple[Any, ...] | None:
    return None if point is None else (*point[:2], int(point.precision), *point[3:])


def _date_out(value: FlexDate | None) -> tuple[Any, ...] | None:
    if value is None:
        return None
    return (_point_out(value.start), _point_out(value.end), *value[2:])


def _point_in(raw: tuple[Any, ...] | None) -> Point | None:
    if raw is None:
        return None
    return _new(Point, (raw[0], raw[1], _PRECISIONS[raw[2]], *raw[3:]))


def _date_in(raw: tuple[Any, ...] | None) -> FlexDate | None:
    if raw is None:
        return None
    return _new(FlexDate, (_point_in(raw[0]), _point_in(raw[1]), *raw[2:]))


def _event_out(e: Event) -> tuple[Any, ...]:
    return (
        e.id, e.title, _date_out(e.date), tuple(tuple(c) for c in e.citations), _date_out(e.end),
        e.zone.key if e.zone else None, *e[6:14], _date_out(e.added), _date_out(e.updated),
        tuple(tuple(m) for m in e.media), *e[_MEDIA + 1 :],
    )  # fmt: skip


def _event_in(raw: tuple[Any, ...], zones: dict[str, ZoneInfo]) -> Event:
    zone = raw[5]
    if zone is not None and zone not in zones:
        zones[zone] = ZoneInfo(zone)
    return _new(
        Event,
        (
            raw[0], raw[1], _date_in(raw[2]), tuple(_new(Citation, c) for c in raw[3]), _date_in(raw[4]),
            zones[zone] if zone is not None else None, *raw[6:14], _date_in(raw[14]), _date_in(raw[15]),
            tuple(_new(Media, m) for m in raw[_MEDIA]), *raw[_MEDIA + 1 :],
        ),
    )  # fmt: skip


def dumps(timeline: Timeline) -> bytes:
    """The snapshot as bytes."""
    sources = tuple((*s[:4], _date_out(s.published), *s[5:]) for s in timeline.sources.values())
    actors = tuple((*a[:7], a.born.toordinal() if a.born else None, *a[8:]) for a in timeline.actors.values())
    index = tuple(getattr(timeline.index, f.name) for f in fields(Index))  # Index(*index) reads it back
    body: tuple[Any, ...] = (
        timeline.title, timeline.description, sources, actors,
        tuple(tuple(t) for t in timeline.tags.values()), tuple(_event_out(e) for e in timeline.events),
        timeline.positions, index, timeline.version, timeline.countries, timeline.language,
        timeline.translations,
    )  # fmt: skip
    return marshal.dumps((FORMAT, body))


def loads(data: bytes) -> Timeline:
    """A snapshot from bytes made by :func:`dumps` (ValueError if they are not)."""
    try:
        version, body = marshal.loads(data)  # noqa: S302 - our own cache files
    except (EOFError, TypeError) as exc:
        raise ValueError("not a snapshot") from exc
    if version != FORMAT:
        raise ValueError("snapshot format changed")
    (title, description, sources, actors, tags, events, positions, index, digest, countries, language,
     translations) = body  # fmt: skip
    zones: dict[str, ZoneInfo] = {}
    return Timeline(
        title=title,
        description=description,
        sources={s[0]: _new(Source, (*s[:4], _date_in(s[4]), *s[5:])) for s in sources},
        actors={
            a[0]: _new(Actor, (*a[:7], date.fromordinal(a[7]) if a[7] is not None else None, *a[8:]))
            for a in actors
        },
        tags={t[0]: _new(Tag, t) for t in tags},
        events=tuple(_event_in(e, zones) for e in events),
        positions=positions,
        index=Index(*index),
        version=digest,
        countries=countries,
        language=language,
        translations=translations,
    )
