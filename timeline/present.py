"""Presentation helpers: what templates show, computed in Python (templates only present)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from timeline.i18n import content, language
from timeline.i18n.content import Shown
from timeline.i18n.dates import LocalDay, age_text, date_text, local_days, place_names
from timeline.i18n.words import counted, number
from timeline.index import fold_map
from timeline.model import DEFAULT_LANGUAGE, Actor, Citation, Event, Source, Timeline, texts_in
from timeline.query import FACETS, FacetValue, Query

GAP_YEARS = 2  # a jump of more than this many years between events is marked as a gap
OUTLETS = 3  # publishers named on a closed source list


@dataclass(frozen=True, slots=True)
class YearGroup:
    """Events of one year, and how many empty years came before it."""

    year: int
    events: list[Event]
    gap_before: int  # empty years between the previous group and this one (0 = none marked)
    continued: bool = False


def year_of(event: Event) -> int:
    """The year an event is filed under (the year of its sort anchor, UTC)."""
    return datetime.fromtimestamp(event.date.anchor, UTC).year


def group_by_year(events: list[Event], previous: Event | None = None) -> list[YearGroup]:
    """Consecutive events grouped by year, with gaps marked."""
    groups: list[YearGroup] = []
    last_year = year_of(previous) if previous is not None else None
    for event in events:
        year = year_of(event)
        if groups and groups[-1].year == year:
            groups[-1].events.append(event)
            continue
        gap = year - last_year - 1 if last_year is not None and year - last_year > GAP_YEARS else 0
        groups.append(YearGroup(year, [event], gap, continued=last_year == year))
        last_year = year
    return groups


def zone_words(event: Event, written: str = DEFAULT_LANGUAGE) -> str | None:
    """The event's zone label in the page's language (None: name the zone's city instead).

    ``written`` is the language the file is written in; a label it does not translate into the
    page's language is not shown there, since a phrase such as «по времени …» needs its grammar.
    """
    page = language()
    if page == written:
        return event.zone_label
    return texts_in(event.translations, page).get("zone_label")


def when(event: Event, *, seconds: bool = False, written: str = DEFAULT_LANGUAGE) -> str:
    """The event's date as readers see it, honest to precision and zone."""
    return date_text(event.date, event.end, event.zone, zone_words(event, written), seconds=seconds)


def datetime_attr(event: Event) -> str:
    """A valid HTML ``<time datetime>`` value for the event's start."""
    point = event.date.first
    if point.utc is not None:
        return point.utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return point.bound_iso(last=False)


def ages(timeline: Timeline, event: Event) -> dict[str, str]:
    """Each actor's age at the event in words ("aged 37"), where their birth date is known."""
    result = {}
    for ident in event.actors:
        actor = timeline.actors.get(ident)
        if actor is not None and actor.born is not None and actor.kind == "person":
            age = age_text(actor.born, event.date)
            if age is not None:
                result[ident] = age
    return result


def day_differences(
    event: Event, reference: list[tuple[str, ZoneInfo]], written: str = DEFAULT_LANGUAGE
) -> list[LocalDay] | None:
    """Local days and times when the calendar day of an instant differs by place, else None."""
    point = event.date.first
    if point.utc is None:
        return None
    places = place_names(event.zone, zone_words(event, written), reference)
    rows = local_days(point, places)
    return rows if len({row.day for row in rows}) > 1 else None


@dataclass(frozen=True, slots=True)
class Cited:
    """One source an event cites, with every quote the event takes from it."""

    source: Source
    citations: list[Citation]


def _published(source: Source) -> tuple[int, int]:
    """Sort key: sources by publication, the undated after the dated."""
    return (0, source.published.anchor) if source.published is not None else (1, 0)


def cited(timeline: Timeline, event: Event) -> list[Cited]:
    """The event's sources, each once with all its quotes (in the order written), oldest source first."""
    grouped: dict[str, list[Citation]] = {}
    for citation in event.citations:
        if citation.source in timeline.sources:
            grouped.setdefault(citation.source, []).append(citation)
    sources = sorted((timeline.sources[ident] for ident in grouped), key=_published)  # stable for ties
    return [Cited(source, grouped[source.id]) for source in sources]


def outlets(timeline: Timeline, sources: list[Cited]) -> list[Shown]:
    """The distinct publishers of these sources, in order (in the page's language, if translated)."""
    names = {str(name): name for c in sources if (name := content.text(timeline, c.source, "publisher"))}
    return list(names.values())


def noted(event: Event) -> int:
    """How many of an event's citations carry a note on a source error."""
    return sum(1 for c in event.citations if c.note)


@dataclass(frozen=True, slots=True)
class FacetParts:
    """A facet's values split into those shown and those behind "more"."""

    shown: list[FacetValue]
    more: list[FacetValue]
    selected: int  # how many values are chosen
    open: bool  # a chosen value is among the hidden ones


def facet_parts(values: list[FacetValue], limit: int, most: int = 300) -> FacetParts:
    """Split facet values for display (at most ``most`` behind "more", and every chosen value)."""
    shown, more = values[:limit], values[limit : limit + most]
    more += [v for v in values[limit + most :] if v.selected]  # the form must keep what is ticked
    return FacetParts(shown, more, sum(v.selected for v in values), any(v.selected for v in more))


def _spans(text: str, found: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the search terms occur in ``text`` (positions in ``text``, merged, in order)."""
    if not found or not text:
        return []
    folded, origin = fold_map(text)
    spans = []
    for term in found:
        at = folded.find(term)
        while at != -1:
            spans.append((origin[at], origin[at + len(term) - 1] + 1))
            at = folded.find(term, at + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> Markup:
    """``text[start:end]`` escaped, with the parts of ``marks`` that fall in it in ``<mark>``."""
    out, at = [], start
    for low, high in marks:
        low, high = max(low, start), min(high, end)
        if low < high:
            out += [escape(text[at:low]), Markup("<mark>%s</mark>") % text[low:high]]
            at = high
    out.append(escape(text[at:end]))
    return Markup("").join(out)


def shown(text: str, found: tuple[str, ...] = ()) -> Markup:
    """``text`` escaped for HTML, with the search terms ``found`` in ``<mark>`` and runs in
    another language than the page's in ``<span lang>`` (so screen readers pronounce them)."""
    marks, langs = _spans(text, found), content.runs(text)
    if not marks and not langs:
        return escape(text)
    out, at = [], 0
    for start, end, lang in sorted(langs):
        inner = _marked(text, start, end, marks)
        out += [_marked(text, at, start, marks), Markup('<span lang="%s">%s</span>') % (lang, inner)]
        at = end
    out.append(_marked(text, at, len(text), marks))
    return Markup("").join(out)


def shown_in(text: str, found: tuple[str, ...] = ()) -> Markup:
    """:func:`shown`, inside ``<span lang>`` when ``text`` is in another language than the page's
    (a :class:`Shown` text the file did not translate)."""
    lang = getattr(text, "lang", None)
    inner = shown(text, found)
    return Markup('<span lang="%s">%s</span>') % (lang, inner) if lang else inner


_OPENING_MARKS = "\"'“‘„«‹「『"


def self_quoted(quote: str) -> bool:
    """True when a quote opens with its own quotation mark (we then add none around it)."""
    return quote.lstrip()[:1] in _OPENING_MARKS


def quoted(event: Event, found: tuple[str, ...]) -> bool:
    """True when a search term occurs in one of the event's quotes (its sources are shown open)."""
    return any(_spans(c.quote, found) for c in event.citations)


def facet_counts(facets: dict[str, list[FacetValue]], limit: int) -> dict[str, dict[str, object]]:
    """New counts for facet lists already on the page (app.js puts them in place): for each
    facet the count of every listed value, the ticked values, "N chosen"; and the words of each
    count ("21", "21 events")."""
    counts: dict[str, object] = {}
    selected: dict[str, object] = {}
    chosen: dict[str, object] = {}
    words: dict[str, object] = {}
    for name, values in facets.items():
        parts = facet_parts(values, limit)
        listed = parts.shown + parts.more
        counts[name] = {v.value: v.count for v in listed}
        selected[name] = [v.value for v in values if v.selected]
        chosen[name] = counted("chosen", parts.selected) if parts.selected else ""
        for v in listed:
            words.setdefault(str(v.count), [number(v.count), counted("event", v.count)])
    return {"counts": counts, "selected": selected, "chosen": chosen, "words": words}


def active_filters(query: Query) -> int:
    """How many filters narrow the view (each facet value, each date, the search)."""
    chosen = sum(len(getattr(query, name)) for name in FACETS)
    return chosen + bool(query.start) + bool(query.end) + bool(query.q)


@dataclass(frozen=True, slots=True)
class SearchExamples:
    """Searches to suggest, taken from the data so that each finds events (in the page's language)."""

    words: list[str]  # for the search box's placeholder
    across: tuple[Shown, Shown] | None  # a word in another script than the name it finds, and that name


def _last_word(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _across(timeline: Timeline, actors: list[Actor]) -> tuple[Shown, Shown] | None:
    """A name as the page shows it, and the word in another script that finds it ("Пересильд"
    finds Peresild on an English page, "Peresild" finds Пересильд on a Russian one)."""
    for actor in actors:
        name = content.actor_name(timeline, actor)
        other, lang = (
            (actor.native_name, actor.native_language) if name.isascii() else (actor.name, timeline.language)
        )
        if other and other.isascii() != name.isascii():
            word = content.shown(_last_word(other), lang) if lang else Shown(_last_word(other))
            return word, Shown(_last_word(name), name.lang)
    return None


_EXAMPLES: dict[tuple[str, str], SearchExamples] = {}  # (data version, language): kept per version


def search_examples(timeline: Timeline) -> SearchExamples:
    """The surname of the person in most events, a name in another script, the commonest tag.

    Worked out once per data version and language: ranking every actor by its events is a few
    milliseconds at 100,000 events, and the timeline page asks on every request.
    """
    key = (timeline.version, language())
    found = _EXAMPLES.get(key)
    if found is None:
        if len(_EXAMPLES) >= 8:  # a few languages of the data served, and the one before it
            _EXAMPLES.clear()
        found = _EXAMPLES[key] = _search_examples(timeline)
    return found


def _search_examples(timeline: Timeline) -> SearchExamples:
    by_actor = timeline.index.by_actor
    actors = sorted(timeline.actors.values(), key=lambda a: (-by_actor.get(a.id, 0).bit_count(), a.id))
    actors = [a for a in actors if by_actor.get(a.id)]
    people = [a for a in actors if a.kind == "person"] or actors
    words = [_last_word(content.actor_name(timeline, people[0]))] if people else []
    across = _across(timeline, actors)
    if across:
        words.append(across[0])
    tags = sorted(timeline.index.by_tag.items(), key=lambda item: (-item[1].bit_count(), item[0]))
    if tags and tags[0][0] in timeline.tags:
        words.append(content.tag_label(timeline, tags[0][0]))
    return SearchExamples(list(dict.fromkeys(words)), across)
