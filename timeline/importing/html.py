"""HTML as TimelineJS texts hold it → plain text, the links in it, and the sentence around each link.

Block elements (``<p>``, ``<li>``, ``<blockquote>``…) become paragraphs separated by a blank
line, ``<br>`` a line break; other white space collapses to single spaces, as a browser shows
it.  Links are ``<a href>`` elements and, as TimelineJS's autolink does, bare ``http(s)://``
addresses in the text.  Sentences are those ``timeline draft`` finds (sentencex).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from timeline.draft.sentences import split

_BLOCKS = frozenset(
    (
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "tr", "ul",
    )
)  # fmt: skip
_HIDDEN = frozenset(("script", "style", "template", "iframe", "noscript"))
_BARE_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True, slots=True)
class Link:
    """A link in the plain text: where its words are, and the address it points to."""

    href: str
    start: int
    end: int
    words: str


@dataclass(frozen=True, slots=True)
class Plain:
    """The text as a reader sees it, and its links."""

    text: str
    links: tuple[Link, ...]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, list[Link]]] = []
        self.current = ""
        self.links: list[Link] = []
        self.open: list[tuple[str, int]] = []  # the <a href> elements not yet closed
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.close_paragraph()
        elif tag == "br" and self.current:
            self.current = self.current.rstrip(" ") + "\n"
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.open.append((href.strip(), len(self.current)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.close_paragraph()
        elif tag == "a" and self.open:
            href, start = self.open.pop()
            end = len(self.current.rstrip())
            if href and end > start:
                self.links.append(Link(href, start, end, self.current[start:end].strip()))

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        words = re.sub(r"[ \t\r\n\f]+", " ", data)
        if not self.current or self.current.endswith((" ", "\n")):
            words = words.lstrip(" ")  # so a paragraph never starts with white space
        self.current += words

    def close_paragraph(self) -> None:
        text = self.current.rstrip()
        if text:
            links = [Link(k.href, k.start, min(k.end, len(text)), k.words) for k in self.links]
            self.paragraphs.append((text, links))
        self.current, self.links = "", []
        self.open = [(href, 0) for href, _ in self.open]


def plain(html: str) -> Plain:
    """The plain text of an HTML fragment, and its links (offsets into that text)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.close_paragraph()
    text, links, offset = "", [], 0
    for i, (paragraph, found) in enumerate(reader.paragraphs):
        if i:
            text += "\n\n"
            offset += 2
        links += [Link(k.href, k.start + offset, k.end + offset, k.words) for k in found]
        text += paragraph
        offset += len(paragraph)
    return Plain(text, tuple(sorted(links + _bare(text, links), key=lambda k: k.start)))


def _bare(text: str, links: list[Link]) -> list[Link]:
    """Bare addresses in the text that no ``<a>`` covers (TimelineJS links them itself)."""
    found = []
    for match in _BARE_URL.finditer(text):
        url = match[0].rstrip(_TRAILING)
        start, end = match.start(), match.start() + len(url)
        if not any(k.start <= start < k.end for k in links):
            found.append(Link(url, start, end, url))
    return found


def sentence(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that hold the characters ``start`` to ``end``."""
    pieces = [s.text for s in split(text) if s.start < end and s.start + len(s.text) > start]
    return " ".join(pieces) or text[start:end]
