"""Building a snapshot's query indexes from its events (see :mod:`timeline.index`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from timeline.countries import local_country_name
from timeline.index import LONG_SPAN, SEPARATOR, Index, bits_of, fold
from timeline.model import Actor, Event, Tag

FACET_FIELDS = ("actor", "country", "tag", "source", "outcome")


def search_names(
    countries: Mapping[str, str], tags: Mapping[str, Tag], events: Sequence[Event]
) -> dict[str, str]:
    """What a search finds countries and tags by: their names in every language the file speaks
    (a country's from CLDR, a tag's as translated), so "посадка" finds the events tagged Landing."""
    spoken = {code for event in events for code, _ in event.translations}
    languages = sorted(spoken | {code for tag in tags.values() for code, _ in tag.translations})
    names = {
        code: " ".join(dict.fromkeys([name, *(local_country_name(code, lang) or "" for lang in languages)]))
        for code, name in countries.items()
    }
    for ident, tag in tags.items():  # ids are lower case, codes not
        labels = [text for _, texts in tag.translations for field, text in texts if field == "label"]
        names[ident] = " ".join([tag.label, *labels])
    return names


def search_text(event: Event, actors: dict[str, Actor], names: Mapping[str, str] | None = None) -> str:
    """Everything a text search looks at for one event, folded, in every language the file has it:
    its texts, its actors' names, and the ``names`` of its tags and countries (so "launch" finds the
    events tagged Launch)."""
    parts = [event.title, event.summary, event.place or ""]
    for _, texts in event.translations:
        parts += [text for name, text in texts if name in ("title", "summary", "place")]
    parts += [c.quote for c in event.citations]
    for ident in event.actors:
        actor = actors.get(ident)
        if actor is not None:
            parts += [actor.name, actor.native_name or "", *actor.aliases]
            parts += [text for _, texts in actor.translations for name, text in texts if name == "name"]
    if names:
        parts += [names.get(key, "") for key in (*event.tags, *event.countries)]
    return fold(" \n ".join(parts).replace(SEPARATOR, " "))


def _values(event: Event) -> tuple[tuple[str, Sequence[str]], ...]:
    """The facet values of one event, by facet name."""
    sources = tuple(dict.fromkeys(c.source for c in event.citations))
    outcome = (event.outcome,) if event.outcome else ()
    return (
        ("actor", event.actors), ("country", event.countries), ("tag", event.tags),
        ("source", sources), ("outcome", outcome),
    )  # fmt: skip


def build_index(
    events: Sequence[Event], actors: dict[str, Actor], names: Mapping[str, str] | None = None
) -> Index:
    """Index events already in chronological order (``names``: of tags and countries, for search)."""
    groups: dict[str, dict[str, list[int]]] = {name: {} for name in FACET_FIELDS}
    long: list[int] = []
    texts: list[str] = []
    for position, event in enumerate(events):
        for name, values in _values(event):
            for value in values:
                groups[name].setdefault(value, []).append(position)
        if event.hi - event.date.anchor > LONG_SPAN or event.lo != event.date.anchor:
            long.append(position)
        texts.append(search_text(event, actors, names))
    offsets, at = [], 0
    for text in texts:
        offsets.append(at)
        at += len(text) + 1
    size = len(events)
    tables = {name: {k: bits_of(v, size) for k, v in groups[name].items()} for name in FACET_FIELDS}
    return Index(
        size=size,
        all=(1 << size) - 1,
        by_actor=tables["actor"],
        by_country=tables["country"],
        by_tag=tables["tag"],
        by_source=tables["source"],
        by_outcome=tables["outcome"],
        anchors=tuple(e.date.anchor for e in events),
        his=tuple(e.hi for e in events),
        long=tuple(long),
        blob=SEPARATOR.join(texts),
        offsets=tuple(offsets),
    )
