"""An article's text: UTF-8 plain text as it is, HTML reduced to its paragraphs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_HTML = re.compile(r"<(?:!doctype|html|body|p|div|article|br|h[1-6]|figcaption)\b", re.IGNORECASE)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SKIPPED = frozenset(["script", "style", "noscript", "template", "head", "svg"])


class ArticleError(Exception):
    """An article that cannot be read; the message says why, in one line."""


class _Text(HTMLParser):
    """Collects the text of an HTML page, a blank line between blocks, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(markup: str) -> str:
    """The text of an HTML document: one paragraph per block element, whitespace collapsed."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def is_html(text: str, name: str = "") -> bool:
    """True for a file named *.htm(l) or whose text starts like HTML."""
    return name.lower().endswith((".html", ".htm")) or bool(_HTML.search(text[:2000]))


def read_article(path: Path) -> str:
    """The article's text (HTML reduced to text), or :class:`ArticleError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory, not an article") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html_text(text) if is_html(text, path.name) else text
