"""Filters: parse request parameters into a frozen Query, apply it, count facets, page."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from timeline.countries import country_name
from timeline.dates import MAX_TS, DateError, parse_filter_date
from timeline.i18n import _, content, language, ngettext
from timeline.i18n.content import Shown
from timeline.i18n.words import number
from timeline.index import positions, terms
from timeline.model import Event, Timeline

FACETS = ("actor", "country", "tag")
SINGLE = ("from", "to", "q", "page", "per_page", "pages", "lanes")
LANES = ("country", "actor", "tag")  # the facets the time axis can split into lanes
MAX_VALUES = 20  # per repeatable facet
MAX_Q = 200
PAGE_SIZE = 100  # the API's page, and an actor's, a country's or a source's
LIST_PAGE = 25  # the timeline page's: a quick first view; "Show more" adds as many again
MAX_PER_PAGE = 1000  # the API's largest page (and never more than TIMELINE_RENDER_LIMIT)
MAX_PAGE = 100_000
MAX_PAGES = 40  # pages shown at once (after "Show more"): at most 1,000 events on the timeline page


# "unknown actor 'x'": one message per facet, so that each language can word it.
_UNKNOWN: dict[str, Callable[[str], str]] = {
    "actor": lambda value: _("unknown actor '%(value)s'", value=value),
    "country": lambda value: _("unknown country '%(value)s'", value=value),
    "tag": lambda value: _("unknown tag '%(value)s'", value=value),
}


def _date_format(name: str, value: str) -> str:
    """Why a ``from``/``to`` value is refused."""
    return _(
        "'%(name)s' must be a date YYYY, YYYY-MM or YYYY-MM-DD,"
        " or a UTC time YYYY-MM-DDTHH:MMZ, not '%(value)s'",
        name=name,
        value=value,
    )


class Args(Protocol):
    """What we read from a request's query string (werkzeug's MultiDict fits)."""

    def getlist(self, key: str) -> list[str]: ...


Problems = list[tuple[str, str]]  # (parameter, message)


class QueryError(ValueError):
    """Parameters that cannot be answered; every message is safe to show to the user.

    ``fields`` names the parameters at fault, so a form can mark those fields invalid.
    """

    def __init__(self, problems: Sequence[tuple[str, str] | str]) -> None:
        pairs = [("", p) if isinstance(p, str) else p for p in problems]  # a bare message names no field
        self.messages = [message for _, message in pairs if message]
        self.fields = tuple(dict.fromkeys(name for name, _ in pairs if name))
        super().__init__("; ".join(self.messages))


@dataclass(frozen=True, slots=True)
class Query:
    """A validated filter: OR within a facet, AND across facets, dates and text."""

    actor: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    start: str | None = None  # the ``from`` parameter as given
    end: str | None = None  # the ``to`` parameter as given
    q: str = ""
    page: int = 1
    per_page: int = PAGE_SIZE
    lanes: str | None = None  # how the time axis is split (a view, not a filter)
    pages: int = 1  # how many pages from ``page`` are shown together (timeline page only)

    @property
    def active(self) -> bool:
        """True when any filter narrows the timeline."""
        return bool(self.actor or self.country or self.tag or self.start or self.end or self.q)

    def params(self, *, page: bool = False, lanes: bool = False) -> list[tuple[str, str]]:
        """The filter as query-string pairs (page only when asked and not the first; lanes, how the
        page draws the view, only when asked: exports, citations and the API take filters only)."""
        pairs = [(name, v) for name in FACETS for v in getattr(self, name)]
        pairs += [(k, v) for k, v in (("from", self.start), ("to", self.end), ("q", self.q)) if v]
        if lanes and self.lanes:
            pairs.append(("lanes", self.lanes))
        if page and self.page > 1:
            pairs.append(("page", str(self.page)))
        if page and self.pages > 1:
            pairs.append(("pages", str(self.pages)))
        return pairs

    def view_params(self) -> list[tuple[str, str]]:
        """The view a link carries (to another page of the list, or to an event page that reads on
        in it): the filters, the lanes, and the page size when it is not the list's."""
        pairs = self.params(lanes=True)
        if self.per_page != LIST_PAGE:
            pairs.append(("per_page", str(self.per_page)))
        return pairs

    def without(self, name: str, value: str | None = None) -> Query:
        """This query with one facet value (or a whole filter) removed, back on page 1."""
        if name in FACETS:
            kept = tuple(v for v in getattr(self, name) if value is not None and v != value)
            return replace(self, page=1, **{name: kept})  # type: ignore[arg-type]
        field = {"from": "start", "to": "end"}.get(name, name)
        return replace(self, page=1, **{field: "" if field == "q" else None})  # type: ignore[arg-type]

    def with_value(self, name: str, value: str) -> Query:
        """This query with one more facet value, back on page 1."""
        current: tuple[str, ...] = getattr(self, name)
        chosen = (*current, value) if value not in current else current
        return replace(self, page=1, **{name: chosen})  # type: ignore[arg-type]


def _single(args: Args, name: str, errors: Problems) -> str | None:
    values = args.getlist(name)
    if len(values) > 1:
        errors.append((name, _("'%(name)s' may be given only once", name=name)))
        return None
    return values[0] if values else None


def _number(text: str | None, name: str, high: int, default: int, errors: Problems) -> int:
    if text is None or text == "":
        return default
    # The length test comes first so that int() never sees a huge string.
    if len(text) > len(str(high)) or not text.isascii() or not text.isdigit() or not 1 <= int(text) <= high:
        errors.append((name, _("'%(name)s' must be a whole number from 1 to %(high)s", name=name, high=high)))
        return default
    return int(text)


def _facet(args: Args, name: str, known: Mapping[str, object] | None, errors: Problems) -> tuple[str, ...]:
    written = (v.upper() if name == "country" else v for v in args.getlist(name))  # "su" is SU
    values = list(dict.fromkeys(v for v in written if v != ""))
    if len(values) > MAX_VALUES:
        errors.append(
            (name, _("at most %(count)s values of '%(name)s' at once", count=MAX_VALUES, name=name))
        )
        return ()
    for value in values:
        if (
            len(value) > 100
            or (known is not None and value not in known)
            or (known is None and country_name(value) is None)
        ):
            shown = (
                value
                if len(value) <= 40 and value.isprintable()
                else value[:40].encode("unicode_escape").decode()
            )
            errors.append((name, _UNKNOWN[name](shown)))
    return tuple(values)


def parse_query(
    args: Args, timeline: Timeline, *, max_per_page: int = PAGE_SIZE, per_page: int = PAGE_SIZE
) -> Query:
    """Validate request parameters into a Query, or raise QueryError listing every problem.

    ``per_page`` is the page size when the parameters give none (at most ``max_per_page``).
    """
    errors: Problems = []
    actor = _facet(args, "actor", timeline.actors, errors)
    country = _facet(args, "country", None, errors)
    tag = _facet(args, "tag", timeline.tags, errors)
    start, end = _single(args, "from", errors) or None, _single(args, "to", errors) or None
    bounds = []
    for name, text in (("from", start), ("to", end)):
        if text is not None:
            try:
                if not text.isascii():  # "١٩٥٧" is digits to Python, not to our readers
                    raise DateError(text)
                bounds.append(parse_filter_date(text))
            except DateError:
                shown = text[:20] if text.isprintable() else _("that value")
                errors.append((name, _date_format(name, shown)))
    if start and end and len(bounds) == 2 and bounds[0].lo >= bounds[1].hi:
        errors += [
            ("from", _("'from' (%(start)s) is after 'to' (%(end)s)", start=start, end=end)),
            ("to", ""),
        ]
    q = (_single(args, "q", errors) or "").strip()
    if len(q) > MAX_Q:
        errors.append(("q", _("the search text is longer than %(count)s characters", count=MAX_Q)))
    elif not q.isprintable() and q:
        errors.append(("q", _("the search text contains control characters")))
    page = _number(_single(args, "page", errors), "page", MAX_PAGE, 1, errors)
    size = _number(
        _single(args, "per_page", errors), "per_page", max_per_page, min(per_page, max_per_page), errors
    )
    pages = _number(_single(args, "pages", errors), "pages", MAX_PAGES, 1, errors)
    lanes = _single(args, "lanes", errors) or None
    if lanes is not None and lanes not in LANES:
        errors.append(
            ("lanes", _("'%(name)s' must be one of %(values)s", name="lanes", values=", ".join(LANES)))
        )
    if errors:
        raise QueryError(errors)
    query = Query(actor, country, tag, start, end, q, page, size, lanes, pages)
    if page > 1:  # a page past the last one is a bad parameter like any other
        last = max(1, -(-count(timeline, query) // size))
        if page > last:
            raise QueryError([("page", _too_far(last, filtered=True))])
    return query


def _too_far(pages: int, *, filtered: bool = False) -> str:
    """Why a page past the last cannot be shown."""
    if filtered:
        return ngettext(
            "there is only %(count)s page of events for these filters",
            "there are only %(count)s pages of events for these filters",
            pages,
            count=number(pages),
        )
    return ngettext(
        "there is only %(count)s page of events",
        "there are only %(count)s pages of events",
        pages,
        count=number(pages),
    )


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One choice of a facet, with how many events it would give."""

    value: str
    label: Shown  # in the page's language, or marked with its own
    count: int
    selected: bool


@dataclass(frozen=True, slots=True)
class Result:
    """What a query found: the page of events, the total, and facet counts."""

    query: Query
    total: int
    events: list[Event]
    facets: dict[str, list[FacetValue]]

    @property
    def first(self) -> int:
        """The number of the first event shown (1-based)."""
        return (self.query.page - 1) * self.query.per_page + 1

    @property
    def last(self) -> int:
        """The number of the last event shown."""
        return self.first + len(self.events) - 1

    @property
    def has_more(self) -> bool:
        """True when a later page exists."""
        return self.last < self.total


_MEMO: dict[tuple[object, ...], dict[str, int]] = {}
_MEMO_SIZE = 32
_memo_lock = threading.Lock()


def _filters(timeline: Timeline, query: Query) -> dict[str, int]:
    """The matching events of each filter, remembered for the last few filters.

    Paging asks for the same filter again (once to check the page number, once to answer),
    and popular filters repeat; a text search over 100,000 events costs milliseconds.
    """
    key = (timeline.version, query.actor, query.country, query.tag, query.start, query.end, query.q)
    with _memo_lock:
        parts = _MEMO.get(key)
    if parts is None:
        parts = _compute_filters(timeline, query)
        with _memo_lock:
            _MEMO[key] = parts
            while len(_MEMO) > _MEMO_SIZE:
                del _MEMO[next(iter(_MEMO))]
    return parts


def date_bounds(query: Query) -> tuple[int, int] | None:
    """The chosen ``[from, to)`` in UTC seconds (open ends unbounded), or None without dates."""
    if not (query.start or query.end):
        return None
    low = parse_filter_date(query.start).lo if query.start else -(2**62)
    high = parse_filter_date(query.end).hi if query.end else MAX_TS + 1
    return low, high


def matching(timeline: Timeline, query: Query) -> int:
    """Events matching the whole query, every page (a bitset)."""
    return _and(_filters(timeline, query), timeline.index.all)


def matching_except_dates(timeline: Timeline, query: Query) -> int:
    """Events matching the query's facets and text, whatever its dates (a bitset)."""
    return _and(_filters(timeline, query), timeline.index.all, skip="date")


def events_with(timeline: Timeline, name: str, value: str) -> list[Event]:
    """Every event with this actor, country, tag, source or outcome, in order (from the index, no scan)."""
    bits = timeline.index.facet(name).get(value, 0)
    return [timeline.events[p] for p in positions(bits, 0, bits.bit_count())]


def selected(timeline: Timeline, query: Query) -> int:
    """The events matching the query (all pages), as a bitset of positions."""
    return _and(_filters(timeline, query), timeline.index.all)


@dataclass(frozen=True, slots=True)
class Paging:
    """Which page of a list is shown: its number, its size, and how many items there are in all."""

    page: int
    size: int
    total: int

    @property
    def skip(self) -> int:
        """How many items come before this page."""
        return (self.page - 1) * self.size

    @property
    def has_more(self) -> bool:
        """True when a later page exists."""
        return self.page * self.size < self.total

    @property
    def remaining(self) -> int:
        """How many items follow this page."""
        return max(0, self.total - self.page * self.size)


def parse_page(args: Args, total: int, size: int = PAGE_SIZE) -> Paging:
    """The ``page`` parameter of a list of ``total`` items, or QueryError (a page past the last too)."""
    errors: Problems = []
    page = _number(_single(args, "page", errors), "page", MAX_PAGE, 1, errors)
    pages = max(1, -(-total // size))
    if not errors and page > pages:
        errors.append(("page", _too_far(pages)))
    if errors:
        raise QueryError(errors)
    return Paging(page, size, total)


def events_page(
    timeline: Timeline, name: str, value: str, args: Args
) -> tuple[Paging, list[Event], Event | None]:
    """One page of the events with this actor, country or source (``page`` from ``args``).

    Also the event just before the page (so that a continued year is not headed again).
    """
    bits = timeline.index.facet(name).get(value, 0)
    paging = parse_page(args, bits.bit_count())
    before = (
        positions(bits, paging.skip - 1, paging.size + 1) if paging.skip else positions(bits, 0, paging.size)
    )
    shown = [timeline.events[p] for p in before]
    previous = shown.pop(0) if paging.skip else None
    return paging, shown, previous


def count(timeline: Timeline, query: Query) -> int:
    """How many events match the query (all pages)."""
    return selected(timeline, query).bit_count()


def _compute_filters(timeline: Timeline, query: Query) -> dict[str, int]:
    """The matching events of each active filter, as bitsets."""
    index = timeline.index
    parts: dict[str, int] = {}
    for name in FACETS:
        chosen: tuple[str, ...] = getattr(query, name)
        if chosen:
            table = index.facet(name)
            bits = 0
            for value in chosen:
                bits |= table.get(value, 0)
            parts[name] = bits
    if (bounds := date_bounds(query)) is not None:
        parts["date"] = index.overlapping(*bounds)
    if query.q:  # every word and "quoted phrase" must occur
        bits = index.all
        for term in terms(query.q):
            bits &= index.matching(term)
        parts["q"] = bits
    return parts


def _and(parts: dict[str, int], everything: int, skip: str | None = None) -> int:
    bits = everything
    for name, value in parts.items():
        if name != skip:
            bits &= value
    return bits


def label(timeline: Timeline, facet: str, value: str) -> Shown:
    """What readers see for a facet value, in their language where the file or CLDR has it."""
    if facet == "actor":
        actor = timeline.actors.get(value)
        return content.actor_name(timeline, actor) if actor else Shown(value)
    if facet == "country":
        return content.country(timeline, value)
    return content.tag_label(timeline, value)


_ORDER: dict[tuple[str, str, str], list[tuple[str, Shown]]] = {}


def facet_order(timeline: Timeline, name: str) -> list[tuple[str, Shown]]:
    """Every value of a facet with its label, most events first (in the whole timeline).

    The order never depends on the filter, so a list does not re-sort under the reader's
    pointer as they tick values; values that would give no events stay in place. Labels are in
    the page's language, so each language has its order.
    """
    key = (timeline.version, name, language())
    order = _ORDER.get(key)
    if order is None:
        table = timeline.index.facet(name)
        labelled = [(value, label(timeline, name, value)) for value in table]
        order = sorted(labelled, key=lambda pair: (-table[pair[0]].bit_count(), pair[1].casefold()))
        with _memo_lock:
            for old in [k for k in _ORDER if k[0] != timeline.version]:
                del _ORDER[old]
            _ORDER[key] = order
    return order


def apply(timeline: Timeline, query: Query) -> Result:
    """Run the query: matching events (one page), the total, and facet counts."""
    index = timeline.index
    parts = _filters(timeline, query)
    bits = _and(parts, index.all)
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        base = _and(parts, index.all, skip=name)
        chosen = set(getattr(query, name))
        table = index.facet(name)
        values = [
            FacetValue(value, text, (table[value] & base).bit_count(), value in chosen)
            for value, text in facet_order(timeline, name)
        ]
        values += [FacetValue(v, label(timeline, name, v), 0, True) for v in chosen if v not in table]
        facets[name] = values
    skip = (query.page - 1) * query.per_page
    page = [timeline.events[p] for p in positions(bits, skip, query.per_page * query.pages)]
    return Result(query, bits.bit_count(), page, facets)
