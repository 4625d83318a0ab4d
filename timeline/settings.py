"""Every ``TIMELINE_*`` setting, declared once: name, type, default and one line of help.

A setting is read from the config passed to :func:`timeline.create_app` first, then from
the environment, then its default; each value is parsed and checked at start-up, and a bad
one stops the app with a message that names it.  ``timeline settings`` lists this table,
and the README's table is generated from it (a test keeps them in step).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent.parent


class SettingError(ValueError):
    """A setting whose value cannot be used; the message names it and says what it takes."""


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: how to read it from text, its default, and what it does."""

    name: str
    kind: str  # what the README and `timeline settings` call its type
    default: Any  # a value, or a function of no arguments that gives it at start-up
    help: str
    parse: Callable[[str], Any]
    shown: str = ""  # the default as the docs say it, where the value itself is not helpful

    def read(self, config: Mapping[str, Any], environ: Mapping[str, str]) -> Any:
        """The value from ``config``, else from ``environ``, else the default; checked."""
        if self.name in config:
            raw = config[self.name]
            return self.parse(raw) if isinstance(raw, str) else raw
        if self.name in environ:
            try:
                return self.parse(environ[self.name])
            except (ValueError, TypeError) as exc:
                raise SettingError(f"{self.name}={environ[self.name]!r}: {exc}") from None
        return self.default() if callable(self.default) else self.default

    @property
    def shown_default(self) -> str:
        """The default as a reader would write it."""
        if self.shown:
            return self.shown
        if self.default is None:
            return "(none)"
        if isinstance(self.default, tuple):
            return ",".join(item if isinstance(item, str) else "=".join(item) for item in self.default)
        if isinstance(self.default, Path):
            return (
                str(self.default.relative_to(ROOT))
                if self.default.is_relative_to(ROOT)
                else str(self.default)
            )
        return str(self.default)


def _number(low: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise ValueError("expected a number") from None
        if value < low:
            raise ValueError(f"expected a number of at least {low:g}")
        return value

    return parse


def _count(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.strip().isdigit() or int(text) < low:
            raise ValueError(f"expected a whole number of at least {low}")
        return int(text)

    return parse


def _path(text: str) -> Path:
    if not text.strip():
        raise ValueError("expected a path")
    return Path(text)


def _cache_dir(text: str) -> Path | None:
    return Path(text) if text else None


def _zones(text: str) -> tuple[tuple[str, str], ...]:
    """``Name=Area/City,Name=Area/City`` → pairs, each zone known to the IANA database."""
    pairs = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, key = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"expected Name=Area/City pairs separated by commas, not {item!r}")
        try:
            ZoneInfo(key.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {key.strip()!r}") from None
        pairs.append((name.strip(), key.strip()))
    return tuple(pairs)


def _text(text: str) -> str | None:
    return text.strip() or None


_HOST = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+")


def _hosts(text: str) -> tuple[str, ...]:
    """``host,host`` → host names (no scheme, path, port or wildcard), lower-case."""
    hosts = []
    for item in filter(None, (part.strip().lower() for part in text.split(","))):
        if not _HOST.fullmatch(item):
            raise ValueError(f"expected host names such as upload.wikimedia.org, not {item!r}")
        hosts.append(item)
    return tuple(hosts)


def _base_url(text: str) -> str:
    """``https://host[:port][/path]``: where readers reach the site; no query, fragment or user."""
    text = text.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError(f"expected an http(s) URL such as https://example.org, not {text!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise ValueError(f"expected an http(s) URL such as https://example.org, not {text!r}")
    if parts.query or parts.fragment or "#" in text or not text.isprintable() or " " in text:
        raise ValueError(f"expected an http(s) URL without query or fragment, not {text!r}")
    return text


_DIRECTIVE = re.compile(r'[a-z-]+(=([0-9]+|"[^"\\]*"))?', re.IGNORECASE)


def _cache_control(text: str) -> str:
    """A Cache-Control value: directives separated by commas (``public, max-age=60``)."""
    parts = [part.strip() for part in text.split(",")]
    bad = next((part for part in parts if not _DIRECTIVE.fullmatch(part)), None)
    if bad is not None:
        raise ValueError(f"expected Cache-Control directives such as 'public, max-age=60', not {bad!r}")
    return ", ".join(parts)


_SOURCE = re.compile(
    r"\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?(/\S*)?"
)


def _ancestors(text: str) -> str:
    """CSP ``frame-ancestors`` sources: ``*``, ``'self'``, ``https://example.org``, ``https:``…"""
    sources = text.split()
    bad = next((s for s in sources if not _SOURCE.fullmatch(s.lower()) or ";" in s or "," in s), None)
    if bad is not None or not sources:
        raise ValueError(
            f"expected frame-ancestors sources such as * or 'self' https://example.org, not {text!r}"
        )
    if "'none'" in sources and len(sources) > 1:
        raise ValueError("'none' cannot be combined with other sources")
    return " ".join(sources)


_TRUSTED = re.compile(r"\.?[a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\]")


def _trusted_hosts(text: str) -> tuple[str, ...]:
    """``example.org,.example.org`` → names (a leading dot: every subdomain too); ports are ignored."""
    hosts = []
    for item in filter(None, (part.strip().lower() for part in text.split(","))):
        if not _TRUSTED.fullmatch(item):
            raise ValueError(f"expected host names separated by commas (no scheme, path, port), not {item!r}")
        hosts.append(item)
    return tuple(hosts)


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


SETTINGS: tuple[Setting, ...] = (
    Setting("TIMELINE_EVENTS", "path", ROOT / "events.yaml", "The data file to serve.", _path),
    Setting(
        "TIMELINE_CACHE_DIR", "path", _default_cache_dir,
        "Where validated snapshots are cached (empty: no cache).", _cache_dir, "$XDG_CACHE_HOME/timeline",
    ),
    Setting(
        "TIMELINE_RELOAD_INTERVAL", "seconds", 1.0,
        "How often the data file is checked for changes (negative: never).", _number(float("-inf")),
    ),
    Setting(
        "TIMELINE_PAGE_CACHE", "MiB", None,
        "Rendered pages kept per process, in MiB (0: off).", _number(0),
        "32 when serving, 0 in debug and tests",
    ),
    Setting(
        "TIMELINE_REFERENCE_ZONES", "Name=Zone,…",
        (("Los Angeles", "America/Los_Angeles"), ("New York", "America/New_York"),
         ("Moscow", "Europe/Moscow"), ("Tokyo", "Asia/Tokyo")),
        "Places shown with an event's local day when the calendar day differs by place (names in "
        "English; other languages name each zone's city from CLDR).", _zones,
    ),
    Setting(
        "TIMELINE_PUBLISHER", "text", None,
        "Who publishes this timeline: the publisher in citations of its pages, and the author of its feeds"
        " (unset: feeds name the timeline's title).", _text,
    ),
    Setting(
        "TIMELINE_MEDIA_HOSTS", "host,…", (),
        "Hosts whose pictures, sound, video and pages may load in pages (HTTPS; added to the "
        "Content-Security-Policy); media from other hosts are shown as links.", _hosts, "(none)",
    ),
    Setting(
        "TIMELINE_BASE_URL", "URL", "http://127.0.0.1:5000",
        "Where readers reach the site: every absolute link (canonical, feeds, exports, the API, oEmbed)"
        " starts with it, never with the request's Host header.", _base_url,
    ),
    Setting(
        "TIMELINE_CACHE_CONTROL", "header", "public, max-age=60, stale-while-revalidate=600",
        "Cache-Control of pages, fragments, the API and exports (shared caches and CDNs obey it).",
        _cache_control,
    ),
    Setting(
        "TIMELINE_FRAME_ANCESTORS", "CSP sources", "*",
        "Sites that may show the embeds (/embed…) in a frame; every other page refuses framing.", _ancestors,
    ),
    Setting(
        "TIMELINE_RENDER_LIMIT", "events", 5000,
        "The most events one response may render (an export file; the API's per_page stays at most "
        "1,000): a request for more is a 400 that says how to ask for less.", _count(100),
    ),
    Setting(
        "TIMELINE_TRUSTED_HOSTS", "host,…", ("localhost", "127.0.0.1"),
        "Host names the site answers to (a leading dot: subdomains too); any other Host header "
        "gets a 400. Empty: any host (only behind a proxy that checks it).", _trusted_hosts,
    ),
)  # fmt: skip
BY_NAME = {s.name: s for s in SETTINGS}


def resolve(config: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every setting's value (config, then environment, then default), or SettingError."""
    environ = os.environ if environ is None else environ
    return {s.name: s.read(config, environ) for s in SETTINGS}


def table() -> list[tuple[str, str, str, str]]:
    """``(name, type, default, help)`` of each setting, for the CLI and the README."""
    return [(s.name, s.kind, s.shown_default, s.help) for s in SETTINGS]


def markdown() -> str:
    """The settings as the README's Markdown table."""
    rows = ["| setting | type | default | what it does |", "|---|---|---|---|"]
    rows += [f"| `{n}` | {k} | `{d}` | {h} |" for n, k, d, h in table()]
    return "\n".join(rows)
