"""Meaning checks, one small function per record kind, on top of shared field checks.

The schema has already checked structure; here dates, references, URLs, countries, control
characters and quotes are checked, and model records are built.  Every problem is collected
with the position it was written at; nothing here raises for a bad file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from timeline.countries import country_name
from timeline.dates import DateError, FlexDate, Point, Precision, parse_date, parse_zone
from timeline.load.archive import Archive
from timeline.load.document import Document
from timeline.load.problems import Problem
from timeline.load.yamlread import Path as DocPath
from timeline.model import (
    DEFAULT_LANGUAGE,
    NO_TRANSLATIONS,
    Actor,
    Citation,
    Event,
    Media,
    Source,
    Tag,
    Translations,
)

MAX_URL = 2048
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
R = TypeVar("R")
Raw = dict[str, Any]


def check_url(url: str) -> str | None:
    """Why ``url`` is not a safe http(s) link, or None when it is."""
    if len(url) > MAX_URL:
        return f"URL is longer than {MAX_URL:,} characters"
    # isprintable() is False for control, format (bidi overrides, zero-width) and separator
    # characters: none belongs in a link a reader is asked to trust.
    if url != url.strip() or not url.isprintable() or re.search(r"[\s\\]", url):
        return "URL contains spaces, backslashes, control or invisible characters"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return "URL is malformed (check the host and port)"
    if parts.scheme.lower() not in ("http", "https"):
        return f"URL scheme must be http or https, not {parts.scheme or 'none'!r}"
    if not parts.hostname or not url.lower().startswith(f"{parts.scheme.lower()}://"):
        return "URL must have a host (https://example.org/…)"
    if "@" in parts.netloc:
        return "URL must not contain a user name or password"
    return None


@dataclass(slots=True)
class Refs:
    """The ids records may refer to (``written``: also those of records with structural problems)."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    tags: dict[str, Tag] | None
    events: set[str]
    written: dict[str, set[str]] = field(default_factory=dict)

    def known(self, kind: str) -> set[str] | None:
        """Every id of ``kind`` written in the file (None: no tag vocabulary to check against)."""
        if kind == "tags" and self.tags is None:
            return None
        return self.written.get(kind, set())


class Checker:
    """Collects positioned problems while records are checked."""

    def __init__(
        self, doc: Document, archive: Archive | None, *, lenient: bool, language: str = DEFAULT_LANGUAGE
    ) -> None:
        self.doc = doc
        self.archive = archive
        self.problems: list[Problem] = []
        self.lenient = lenient  # the schema found problems: items may be malformed
        self.language = language  # what the file's own texts are written in

    def guard(self, check: Callable[..., R], *args: Any) -> R | None:
        """Run a check on one item; a malformed item (already reported) stops only itself."""
        if not self.lenient:
            return check(self, *args)
        try:
            return check(self, *args)
        except (KeyError, TypeError, AttributeError, ValueError):
            return None

    def fail(self, path: DocPath, message: str, *, key: bool = False) -> None:
        """Record a problem at the place ``path`` was written."""
        self.problems.append(self.doc.at(path, message, key=key))

    def date(self, path: DocPath, text: str, zone: ZoneInfo | None = None) -> FlexDate | None:
        """The date written at ``path``, or None (with a problem)."""
        try:
            return parse_date(text, zone)
        except DateError as exc:
            self.fail(path, f"bad date: {exc}")
            return None

    def unique(self, kind: str, items: list[tuple[int, Raw]]) -> None:
        """Report ids used twice in one list, naming the line of the first."""
        first: dict[str, int] = {}
        for i, item in items:
            ident = item["id"]
            if ident in first:
                line = self.doc.at((kind, first[ident], "id"), "").line
                self.fail((kind, i, "id"), f"duplicate {kind[:-1]} id {ident!r} (first on line {line})")
            else:
                first[ident] = i

    def countries(self, path: DocPath, codes: list[str]) -> tuple[str, ...]:
        """Country codes, each checked against ISO 3166."""
        for i, code in enumerate(codes):
            if country_name(code) is None:
                self.fail(
                    (*path, i), f"unknown country code {code!r} (ISO 3166-1 alpha-2; SU is the Soviet Union)"
                )
        return tuple(codes)

    def texts(self, path: DocPath, item: Raw, fields: tuple[str, ...]) -> None:
        """Report control characters in text fields (tabs and line breaks are fine)."""
        for name in fields:
            value = item.get(name)
            values = enumerate(value) if isinstance(value, list) else [(None, value)]
            for i, text in values:
                # isprintable() runs in C and is True for almost every text: the regex is rare.
                if isinstance(text, str) and not text.isprintable() and _CONTROL.search(text):
                    where = (*path, name) if i is None else (*path, name, i)
                    self.fail(where, f"{name} contains a control character")

    def language_code(self, path: DocPath, code: str | None, *, key: bool = False) -> str | None:
        """A language tag that CLDR knows (``ru``, ``pt-BR``), or None (with a problem)."""
        if code is None:
            return None
        try:
            Locale.parse(code, sep="-")
        except (UnknownLocaleError, ValueError):
            self.fail(path, f"unknown language {code!r} (a BCP 47 tag such as en, ru or pt-BR)", key=key)
            return None
        return code

    def translations(self, path: DocPath, item: Raw) -> Translations:
        """The record's ``translations``: known languages other than the file's, checked texts."""
        raw = item.get("translations")
        if not raw:
            return NO_TRANSLATIONS
        kept: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        for lang, texts in raw.items():
            where = (*path, "translations", lang)
            if self.language_code(where, lang, key=True) is None:
                continue
            if lang == self.language:
                message = f"the file is written in {lang!r}: a translation into it repeats the text"
                self.fail(where, message, key=True)
                continue
            self.texts(where, texts, tuple(texts))
            for name in texts:
                needs = "zone" if name == "zone_label" else name  # a zone's city has a name of its own
                if not item.get(needs):
                    self.fail((*where, name), f"translates {name}, but the record has no {needs}", key=True)
            kept.append((lang, tuple(sorted(texts.items()))))
        return tuple(sorted(kept))

    def references(self, path: DocPath, values: list[str], kind: str, known: set[str] | None) -> None:
        """Report ids in ``values`` that name no record of ``kind``."""
        for j, ident in enumerate(values):
            if known is not None and ident not in known:
                self.fail((*path, j), f"unknown {kind} {ident!r}")

    def collect(self, kind: str, raw: list[tuple[int, Raw]], check: Callable[..., R]) -> dict[str, R]:
        """Check each item of one list (ids unique); the first item of each id is kept."""
        self.unique(kind, raw)
        result: dict[str, R] = {}
        for i, item in raw:
            if (built := self.guard(check, i, item)) is not None:
                result.setdefault(item["id"], built)
        return result


def check_tag(c: Checker, i: int, t: Raw) -> Tag:
    """One word of the tag vocabulary."""
    c.texts(("tags", i), t, ("label", "description"))
    return Tag(t["id"], t["label"], t.get("description") or "", c.translations(("tags", i), t))


def check_source(c: Checker, i: int, s: Raw) -> Source:
    """One cited source: its date and URL."""
    path: DocPath = ("sources", i)
    c.texts(path, s, ("title", "publisher", "author", "note"))
    published = c.date((*path, "published"), s["published"]) if s.get("published") else None
    if (url := s.get("url")) is not None and (why := check_url(url)):
        c.fail((*path, "url"), why)
    language = c.language_code((*path, "language"), s.get("language")) or c.language
    return Source(
        s["id"], s["title"], s["publisher"], s.get("author"), published, url, s.get("archive"), s.get("note"),
        language, c.translations(path, s),
    )  # fmt: skip


def check_actor(c: Checker, i: int, a: Raw) -> Actor:
    """One actor: birth date and countries."""
    path: DocPath = ("actors", i)
    c.texts(path, a, ("name", "native_name", "role", "aliases"))
    born = _born(c, (*path, "born"), a["born"]) if a.get("born") else None
    countries = c.countries((*path, "countries"), a.get("countries") or [])
    kind = "organisation" if a["kind"] == "organization" else a["kind"]
    native = c.language_code((*path, "native_language"), a.get("native_language"))
    if native is not None and not a.get("native_name"):
        c.fail((*path, "native_language"), "native_language is the language of native_name: add native_name")
    return Actor(
        a["id"], a["name"], kind, a.get("native_name"), a.get("role"), countries,
        tuple(a.get("aliases") or ()), born, native, c.translations(path, a),
    )  # fmt: skip


def _born(c: Checker, path: DocPath, text: str) -> date | None:
    value = c.date(path, text)
    if value is None:
        return None
    if value.interval or value.precision is not Precision.DAY:
        c.fail(path, "born must be a single day, such as 1984-09-05")
        return None
    return datetime.fromtimestamp(value.lo, UTC).date()


def check_event(c: Checker, i: int, e: Raw, refs: Refs) -> Event | None:
    """One event: dates, references, outcome and citations."""
    path: DocPath = ("events", i)
    c.texts(path, e, ("title", "place", "zone_label", "summary"))
    zone, start, end = _event_dates(c, path, e)
    c.references((*path, "actors"), e.get("actors") or [], "actor", refs.known("actors"))
    c.references((*path, "tags"), e.get("tags") or [], "tag", refs.known("tags"))
    countries = c.countries((*path, "countries"), e.get("countries") or [])
    status = e.get("status") or "happened"
    _outcome(c, path, e, status, refs)
    citations = tuple(
        check_citation(c, (*path, "citations", j), cite, refs) for j, cite in enumerate(e["citations"])
    )
    added, updated = _stamps(c, path, e, zone)
    media = tuple(check_media(c, (*path, "media", j), item) for j, item in enumerate(e.get("media") or ()))
    if start is None:
        return None
    return Event(
        e["id"], e["title"], start, citations, end, zone, e.get("zone_label"), e.get("place"),
        e.get("summary") or "", tuple(e.get("actors") or ()), countries, tuple(e.get("tags") or ()),
        status, e.get("outcome"), added, updated, media, c.translations(path, e),
    )  # fmt: skip


def _event_dates(
    c: Checker, path: DocPath, e: Raw
) -> tuple[ZoneInfo | None, FlexDate | None, FlexDate | None]:
    """The event's zone, date and optional end, checked against each other."""
    zone = None
    if e.get("zone"):
        try:
            zone = parse_zone(e["zone"])
        except DateError as exc:
            c.fail((*path, "zone"), str(exc))
    start = c.date((*path, "date"), e["date"], zone)
    end = c.date((*path, "end"), e["end"], zone) if e.get("end") else None
    if start is not None and end is not None:
        if start.interval:
            c.fail((*path, "end"), "the date is already an interval (a/b); remove end or the '/'")
        elif end.lo < start.lo:
            c.fail((*path, "end"), f"end {e['end']!r} is before the start {e['date']!r}")
    return zone, start, end


def _stamp(c: Checker, path: DocPath, name: str, text: str, zone: ZoneInfo | None) -> FlexDate | None:
    """``added`` or ``updated``: one day, or one moment, known exactly (feeds need a real time)."""
    value = c.date(path, text, zone)
    if value is None:
        return None
    point = value.start
    if value.interval or point is None or point.precision < Precision.DAY or _doubtful(point):
        c.fail(path, f"{name} must be a day (2026-11-30) or a moment (2026-11-30T09:15Z), not {text!r}")
        return None
    return value


def _doubtful(point: Point) -> bool:
    """True for an approximate, uncertain or partly unspecified date."""
    return point.approximate or point.uncertain or bool(point.unspecified)


def _stamps(
    c: Checker, path: DocPath, e: Raw, zone: ZoneInfo | None
) -> tuple[FlexDate | None, FlexDate | None]:
    """When the event was added and last updated, if the file says; updated is not before added."""
    added = _stamp(c, (*path, "added"), "added", e["added"], zone) if e.get("added") else None
    updated = _stamp(c, (*path, "updated"), "updated", e["updated"], zone) if e.get("updated") else None
    if added is not None and updated is not None and updated.hi <= added.lo:
        c.fail((*path, "updated"), f"updated {e['updated']!r} is before added {e['added']!r}")
    return added, updated


def _outcome(c: Checker, path: DocPath, e: Raw, status: str, refs: Refs) -> None:
    """A planned or cancelled event may name the event that happened instead."""
    outcome = e.get("outcome")
    if outcome is None:
        return
    if outcome not in refs.events:
        c.fail((*path, "outcome"), f"unknown event {outcome!r}")
    elif outcome == e["id"]:
        c.fail((*path, "outcome"), "an event cannot be its own outcome")
    if status == "happened":
        c.fail((*path, "outcome"), "outcome is for planned or cancelled events (set status)")


def check_citation(c: Checker, path: DocPath, raw: Raw, refs: Refs) -> Citation:
    """One citation: a known source, a quote that is not empty (and found in the archive)."""
    c.texts(path, raw, ("quote", "note"))
    source = refs.sources.get(raw["source"])
    if source is None and raw["source"] not in refs.written.get("sources", ()):
        c.fail((*path, "source"), f"unknown source {raw['source']!r}")
    if not raw["quote"].strip():
        c.fail((*path, "quote"), "the quote is empty")
    elif source is not None and source.archive and c.archive is not None:
        found = c.archive.problem(source.archive, raw["quote"])
        if found is not None:
            c.fail((*path, found[0]), found[1])
    return Citation(raw["source"], raw["quote"], raw.get("note"), c.translations(path, raw))


def check_media(c: Checker, path: DocPath, raw: Raw) -> Media:
    """One picture, sound, video or page: a safe URL and printable texts."""
    c.texts(path, raw, ("caption", "credit", "alt"))
    if (why := check_url(raw["url"])) is not None:
        c.fail((*path, "url"), why)
    return Media(
        raw["url"],
        raw["kind"],
        raw.get("caption"),
        raw.get("credit"),
        raw.get("alt"),
        c.translations(path, raw),
    )
