"""Load ``events.yaml`` into a validated :class:`~timeline.model.Timeline`, or every problem.

Structure is checked against the published JSON Schema (``timeline/schema/events.schema.json``,
the one source of truth); meaning (dates, references, URLs, quotes) is checked here.  Every
problem carries the line and column where it was written, and nothing a file can contain
raises anything but :class:`LoadError`.

Limits (each reported as a positioned problem, never a crash):

- file size: at most :data:`MAX_FILE_BYTES` (128 MiB; the 100,000-event benchmark file of
  ``bench/generate.py`` is 42 MB); a regular file, UTF-8 (a BOM is allowed);
- nesting: at most :data:`~timeline.yamlread.MAX_DEPTH` (32) levels (a valid file needs 5);
- values: at most :data:`~timeline.yamlread.MAX_VALUES` (5,000,000) scalars and collections;
- counts and lengths, from the schema: 200,000 events, 100,000 sources and actors, 200 tags,
  100 citations an event; ids 100 characters, titles and names 500, texts 10,000, URLs 2,048,
  dates 100.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import fastjsonschema
import jsonschema

from timeline import fastyaml, yamlread
from timeline.countries import country_name
from timeline.dates import DateError, FlexDate, Precision, parse_date, parse_zone, sort_key
from timeline.index import build_index
from timeline.model import Actor, Citation, Event, Source, Tag, Timeline
from timeline.yamlread import Path as DocPath
from timeline.yamlread import Positions, Problem, YamlProblems, shown

SCHEMA_PATH = Path(__file__).parent / "schema" / "events.schema.json"
MAX_FILE_BYTES = 128 * 1024 * 1024
FAST_PATH_BYTES = 1024 * 1024  # below this the precise reader is fast enough on its own
MAX_URL = 2048
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

R = TypeVar("R")


class LoadError(Exception):
    """The file is not a valid timeline; ``problems`` lists every reason, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s)")

    def lines(self, name: str) -> list[str]:
        """The problems as ``NAME:LINE:COL: message`` lines."""
        return [f"{name}:{p.line}:{p.col}: {p.message}" for p in self.problems]


def _problem(message: str) -> LoadError:
    """A problem with the file as a whole (reported at 1:1)."""
    return LoadError([Problem(1, 1, message)])


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the file format."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with local ``$ref``s replaced by their definitions.

    fastjsonschema turns each ``$ref`` into a function call that formats an error-path
    string on every call, whether or not it fails: inlined, 100,000 events validate in
    0.6 s instead of 3.5 s.  A ``$ref`` with sibling keywords is merged with them.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    result = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inline(defs[ref.removeprefix("#/$defs/")], defs)
        overlap = (set(target) & set(result)) - {"description", "title"}
        return {**target, **result} if not overlap else {"allOf": [target, result]}
    return result


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: quick to say yes or no."""
    full = schema()
    return fastjsonschema.compile(_inline(full, full.get("$defs", {})))


@cache
def _full_validator() -> jsonschema.Draft202012Validator:
    """jsonschema's validator: slower, but lists every error with its path."""
    return jsonschema.Draft202012Validator(schema())


def read_file(path: Path) -> bytes:
    """Read the data file's bytes (at most MAX_FILE_BYTES of a regular file), or raise LoadError."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise _problem("is a directory, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise _problem("is not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                raise _problem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
            data = _read_bounded(handle, info.st_size)
    except FileNotFoundError:
        raise _problem("file not found") from None
    except IsADirectoryError:
        raise _problem("is a directory, not a file") from None
    except PermissionError:
        raise _problem("cannot read the file: permission denied") from None
    except OSError as exc:
        raise _problem(f"cannot read the file: {exc.strerror or 'input/output error'}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _problem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB")
    return data


def _read_bounded(handle: BinaryIO, size: int) -> bytes:
    """The file's bytes, reading at most one byte more than MAX_FILE_BYTES.

    read(n) allocates n bytes up front, so we ask for the size the stat gave, then go on in
    small steps only if the file grew meanwhile.
    """
    parts = [handle.read(size + 1)]
    total = len(parts[0])
    if total > size:
        while total <= MAX_FILE_BYTES and (chunk := handle.read(1 << 20)):
            parts.append(chunk)
            total += len(chunk)
    return b"".join(parts)


def _fast_valid(value: Any) -> bool:
    """True when ``value`` satisfies the schema."""
    try:
        _fast_validator()(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


class _Document:
    """The parsed document, with positions computed only if a problem needs them."""

    def __init__(self, data: bytes) -> None:
        self.text = yamlread.decode(data)
        self._positions: Positions | None = None
        if len(data) >= FAST_PATH_BYTES:
            value = fastyaml.read_fast(data)
            if value is not None and _fast_valid(value):
                self.value: Any = value
                self.valid = True  # against the schema
                return
        self.value, self._positions = yamlread.read(self.text)
        self.valid = self.value is not None and _fast_valid(self.value)

    def at(self, path: DocPath, message: str, *, key: bool = False) -> Problem:
        """A problem at the place ``path`` was written (positions are read on first need)."""
        if self._positions is None:
            _, self._positions = yamlread.read(self.text)
        return Problem(*self._positions.of(path, key=key), message)


def _schema_problems(doc: _Document) -> list[Problem]:
    """Every structural problem of the document, positioned."""
    if doc.value is None:
        return [Problem(1, 1, "the file is empty: it needs title, sources, actors and events")]
    if doc.valid:
        return []
    return [_schema_problem(doc, err) for err in _full_validator().iter_errors(doc.value)]


def _schema_problem(doc: _Document, err: jsonschema.ValidationError) -> Problem:
    """One schema error as a positioned problem that never quotes a huge value."""
    path = tuple(err.absolute_path)
    where = ".".join(str(p) for p in path) or "the file"
    rule: dict[str, Any] = err.schema if isinstance(err.schema, dict) else {}
    value, limit = err.instance, err.validator_value
    if err.validator == "additionalProperties":
        extra = sorted(set(value) - set(rule.get("properties", {})))  # type: ignore[arg-type]
        allowed = ", ".join(rule.get("properties", {}))
        return doc.at((*path, extra[0]), f"unknown key {shown(extra[0])} (allowed here: {allowed})", key=True)
    if err.validator == "required":
        return doc.at(path, f"{where}: {err.message}")  # names a property of the schema
    if err.validator == "type":
        hint = " (quote it)" if limit == "string" else ""
        return doc.at(path, f"{where}: expected {_a(limit)}, found {_kind(value)}{hint}")
    if err.validator == "pattern":
        return doc.at(path, f"{where}: {shown(str(value))} is not valid here ({_pattern_hint(path)})")
    if err.validator == "enum":
        choices = " | ".join(str(v) for v in limit)  # type: ignore[union-attr]
        return doc.at(path, f"{where}: {shown(str(value))} is not one of {choices}")
    if err.validator == "minItems" and path and path[-1] == "citations":
        return doc.at(path, f"{where}: an event needs at least one citation")
    if err.validator == "minLength":
        return doc.at(path, f"{where}: must not be empty")
    if err.validator == "maxLength":
        return doc.at(path, f"{where}: too long ({len(value):,} characters; at most {limit:,})")  # type: ignore[arg-type]
    if err.validator == "maxItems":
        return doc.at(path, f"{where}: too many items ({len(value):,}; at most {limit:,})")  # type: ignore[arg-type]
    # Any other rule: its name and limit, never the (possibly huge) value itself.
    return doc.at(path, f"{where}: does not satisfy {err.validator} {shown(str(limit))}")


def _a(kind: object) -> str:
    names = {"string": "text", "object": "a mapping (key: value)", "array": "a list"}
    return names.get(str(kind), str(kind))


def _kind(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def _pattern_hint(path: DocPath) -> str:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return {
        "url": "a URL must start with http:// or https://",
        "archive": "a plain file name",
        "zone": "an IANA time zone such as Asia/Almaty",
        "countries": "an ISO 3166-1 alpha-2 code in capitals, such as RU or SU",
    }.get(last, "ids are lower-case letters, digits and single hyphens, such as soyuz-ms-19-launch")


# --- semantics -------------------------------------------------------------------------


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


class _Builder:
    """Checks meaning and builds model objects, collecting every problem."""

    def __init__(self, doc: _Document, archive_dir: Path | None) -> None:
        self.doc = doc
        self.archive_dir = archive_dir
        self.problems: list[Problem] = []
        self._archives: dict[str, str | None] = {}
        self.lenient = False  # True when the schema found problems: items may be malformed

    def guard(self, method: Callable[..., Any], *args: Any) -> Any:
        """Run a check on one item; a malformed item (already reported) stops only itself."""
        if not self.lenient:
            return method(*args)
        try:
            return method(*args)
        except (KeyError, TypeError, AttributeError, ValueError):
            return None

    def fail(self, path: DocPath, message: str, *, key: bool = False) -> None:
        self.problems.append(self.doc.at(path, message, key=key))

    def date(self, path: DocPath, text: str, zone: ZoneInfo | None = None) -> FlexDate | None:
        try:
            return parse_date(text, zone)
        except DateError as exc:
            self.fail(path, f"bad date: {exc}")
            return None

    def unique(self, kind: str, items: list[tuple[int, dict[str, Any]]]) -> None:
        first: dict[str, int] = {}
        for i, item in items:
            ident = item["id"]
            if ident in first:
                line = self.doc.at((kind, first[ident], "id"), "").line
                self.fail((kind, i, "id"), f"duplicate {kind[:-1]} id {ident!r} (first on line {line})")
            else:
                first[ident] = i

    def countries(self, path: DocPath, codes: list[str]) -> tuple[str, ...]:
        for i, code in enumerate(codes):
            if country_name(code) is None:
                self.fail(
                    (*path, i), f"unknown country code {code!r} (ISO 3166-1 alpha-2; SU is the Soviet Union)"
                )
        return tuple(codes)

    def texts(self, path: DocPath, item: dict[str, Any], fields: tuple[str, ...]) -> None:
        """Report control characters in text fields (tabs and line breaks are fine)."""
        for name in fields:
            value = item.get(name)
            values = enumerate(value) if isinstance(value, list) else [(None, value)]
            for i, text in values:
                # isprintable() runs in C and is True for almost every text: the regex is rare.
                if isinstance(text, str) and not text.isprintable() and _CONTROL.search(text):
                    where = (*path, name) if i is None else (*path, name, i)
                    self.fail(where, f"{name} contains a control character")

    def collect(
        self, kind: str, raw: list[tuple[int, dict[str, Any]]], check: Callable[..., R]
    ) -> dict[str, R]:
        """Check each item of one list (ids unique); the first item of each id is kept."""
        self.unique(kind, raw)
        result: dict[str, R] = {}
        for i, item in raw:
            if (built := self.guard(check, i, item)) is not None:
                result.setdefault(item["id"], built)
        return result

    def tag(self, i: int, t: dict[str, Any]) -> Tag:
        """Check one tag."""
        self.texts(("tags", i), t, ("label", "description"))
        return Tag(t["id"], t["label"], t.get("description") or "")

    def source(self, i: int, s: dict[str, Any]) -> Source:
        """Check one source."""
        path: DocPath = ("sources", i)
        self.texts(path, s, ("title", "publisher", "author", "note"))
        published = self.date((*path, "published"), s["published"]) if s.get("published") else None
        if (url := s.get("url")) is not None and (why := check_url(url)):
            self.fail((*path, "url"), why)
        return Source(
            s["id"],
            s["title"],
            s["publisher"],
            s.get("author"),
            published,
            url,
            s.get("archive"),
            s.get("note"),
        )

    def actor(self, i: int, a: dict[str, Any]) -> Actor:
        """Check one actor."""
        path: DocPath = ("actors", i)
        self.texts(path, a, ("name", "native_name", "role", "aliases"))
        born: date | None = None
        if a.get("born"):
            value = self.date((*path, "born"), a["born"])
            if value is not None and (value.interval or value.precision is not Precision.DAY):
                self.fail((*path, "born"), "born must be a single day, such as 1984-09-05")
            elif value is not None:
                born = datetime.fromtimestamp(value.lo, UTC).date()
        countries = self.countries((*path, "countries"), a.get("countries") or [])
        return Actor(
            a["id"],
            a["name"],
            a["kind"],
            a.get("native_name"),
            a.get("role"),
            countries,
            tuple(a.get("aliases") or ()),
            born,
        )

    def event(self, i: int, e: dict[str, Any], refs: _Refs) -> Event | None:
        path: DocPath = ("events", i)
        self.texts(path, e, ("title", "place", "zone_label", "summary"))
        zone = None
        if e.get("zone"):
            try:
                zone = parse_zone(e["zone"])
            except DateError as exc:
                self.fail((*path, "zone"), str(exc))
        start = self.date((*path, "date"), e["date"], zone)
        end = self.date((*path, "end"), e["end"], zone) if e.get("end") else None
        if start is not None and end is not None:
            if start.interval:
                self.fail((*path, "end"), "the date is already an interval (a/b); remove end or the '/'")
            elif end.lo < start.lo:
                self.fail((*path, "end"), f"end {e['end']!r} is before the start {e['date']!r}")
        for field, known in (("actors", refs.actor_ids), ("tags", refs.tag_ids)):
            for j, ident in enumerate(e.get(field) or []):
                if known is not None and ident not in known:
                    self.fail((*path, field, j), f"unknown {field[:-1]} {ident!r}")
        countries = self.countries((*path, "countries"), e.get("countries") or [])
        status = e.get("status") or "happened"
        outcome = e.get("outcome")
        if outcome is not None:
            if outcome not in refs.events:
                self.fail((*path, "outcome"), f"unknown event {outcome!r}")
            elif outcome == e["id"]:
                self.fail((*path, "outcome"), "an event cannot be its own outcome")
            if status == "happened":
                self.fail((*path, "outcome"), "outcome is for planned or cancelled events (set status)")
        citations = tuple(
            self.citation((*path, "citations", j), c, refs) for j, c in enumerate(e["citations"])
        )
        if start is None:
            return None
        return Event(
            e["id"],
            e["title"],
            start,
            citations,
            end,
            zone,
            e.get("zone_label"),
            e.get("place"),
            e.get("summary") or "",
            tuple(e.get("actors") or ()),
            countries,
            tuple(e.get("tags") or ()),
            status,
            outcome,
        )

    def citation(self, path: DocPath, c: dict[str, Any], refs: _Refs) -> Citation:
        self.texts(path, c, ("quote", "note"))
        source = refs.sources.get(c["source"])
        if source is None and c["source"] not in refs.extra_sources:
            self.fail((*path, "source"), f"unknown source {c['source']!r}")
        if not c["quote"].strip():
            self.fail((*path, "quote"), "the quote is empty")
        elif source is not None and source.archive and self.archive_dir is not None:
            archived = self.archive(source.archive)
            if archived is None:
                self.fail(
                    (*path, "source"), f"archive file {source.archive!r} not found in {self.archive_dir}"
                )
            elif normalise_quote(c["quote"]) not in archived:
                self.fail((*path, "quote"), f"quote not found in {source.archive}")
        return Citation(c["source"], c["quote"], c.get("note"))

    def archive(self, name: str) -> str | None:
        if name not in self._archives:
            assert self.archive_dir is not None
            try:
                text = (self.archive_dir / name).read_text(encoding="utf-8", errors="replace")
                self._archives[name] = normalise_quote(text)
            except OSError:
                self._archives[name] = None
        return self._archives[name]


class _Refs:
    """The ids events may refer to."""

    def __init__(
        self,
        sources: dict[str, Source],
        actors: dict[str, Actor],
        tags: dict[str, Tag] | None,
        events: set[str],
    ) -> None:
        self.sources, self.actors, self.tags, self.events = sources, actors, tags, events
        self.extra_sources: set[str] = set()  # ids of items with structural problems
        self.extra_actors: set[str] = set()
        self.extra_tags: set[str] = set()

    @property
    def actor_ids(self) -> set[str]:
        """Every actor id written in the file."""
        return set(self.actors) | self.extra_actors

    @property
    def tag_ids(self) -> set[str] | None:
        """Every tag id written in the file (None: there is no vocabulary to check against)."""
        return None if self.tags is None else set(self.tags) | self.extra_tags


_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)


def normalise_quote(text: str) -> str:
    """Text with whitespace collapsed and quote marks made plain, for quote checks."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def build(data: bytes, *, archive_dir: Path | None = None) -> Timeline:
    """Validate the bytes of a data file and build its snapshot, or raise LoadError."""
    try:
        return _build(_Document(data), data, archive_dir)
    except YamlProblems as exc:  # also when positions, read late, show the fast path was wrong
        raise LoadError(exc.problems) from None
    except MemoryError:
        raise _problem("the file is too large to load (out of memory)") from None


def _items(raw: Any, name: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of one top-level list (with their indexes)."""
    items = raw.get(name) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return []
    return [
        (i, item)
        for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _ids(raw: Any, name: str) -> set[str]:
    items = raw.get(name) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _build(doc: _Document, data: bytes, archive_dir: Path | None) -> Timeline:
    problems = _schema_problems(doc)
    if problems and not isinstance(doc.value, dict):
        raise LoadError(problems)
    raw = doc.value
    b = _Builder(doc, archive_dir)
    b.lenient = bool(problems)
    b.texts((), raw, ("title", "description"))
    tags = b.collect("tags", _items(raw, "tags"), b.tag) if isinstance(raw.get("tags"), list) else None
    sources = b.collect("sources", _items(raw, "sources"), b.source)
    actors = b.collect("actors", _items(raw, "actors"), b.actor)
    raw_events = _items(raw, "events")
    b.unique("events", raw_events)
    refs = _Refs(sources, actors, tags, _ids(raw, "events"))
    refs.extra_sources, refs.extra_actors = _ids(raw, "sources"), _ids(raw, "actors")
    refs.extra_tags = _ids(raw, "tags")
    events: dict[str, Event] = {}
    for i, e in raw_events:
        event = b.guard(b.event, i, e, refs)
        if event is not None:
            events.setdefault(event.id, event)
    if problems or b.problems:
        # Structural problems first; a meaning problem at the same place would only repeat it.
        taken = {(p.line, p.col) for p in problems}
        raise LoadError([*problems, *(p for p in b.problems if (p.line, p.col) not in taken)])
    ordered = tuple(sorted(events.values(), key=lambda ev: sort_key(ev.date, ev.id)))
    codes = {c for ev in ordered for c in ev.countries} | {c for a in actors.values() for c in a.countries}
    return Timeline(
        title=raw["title"],
        description=raw.get("description") or "",
        sources=sources,
        actors=actors,
        tags=tags if tags is not None else {t: Tag(t, t) for ev in ordered for t in ev.tags},
        events=ordered,
        positions={ev.id: i for i, ev in enumerate(ordered)},
        index=build_index(ordered, actors),
        version=hashlib.sha256(data).hexdigest(),
        countries={c: country_name(c) or c for c in sorted(codes)},
    )


def load(path: Path, *, archive_dir: Path | None = None) -> Timeline:
    """Read and validate the data file at ``path``, or raise LoadError."""
    return build(read_file(path), archive_dir=archive_dir)
