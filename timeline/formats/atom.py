"""Atom (RFC 4287), written with the standard library's XML writer, an entry at a time.

The feed's ``id`` is the view's page, each entry's the event's permalink; ``updated`` is the
event's ``updated`` date (else the data version's time), ``published`` its ``added`` date when
known. The summary is the date, place and summary in plain text; the content is XHTML with the
citations: each source linked, its quote as a blockquote, and its note. Each cited source with a
URL is also an ``atom:link rel="related"``, so readers that list links show the evidence. Every
text goes through the XML writer's escaping: data never becomes markup.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from timeline.formats import text
from timeline.formats.text import stamp, xml_safe
from timeline.formats.view import View
from timeline.model import Event

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"


class _Out:
    """An XML writer whose output is taken a piece at a time."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.xml = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)

    def take(self) -> str:
        """What was written since the last call."""
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def open(self, name: str, **attrs: str) -> None:
        """Start an element."""
        self.xml.startElement(name, AttributesImpl({k: xml_safe(v) for k, v in attrs.items()}))

    def close(self, name: str) -> None:
        """End an element."""
        self.xml.endElement(name)

    def element(self, name: str, content: str | None = None, **attrs: str) -> None:
        """A whole element with text content (escaped)."""
        self.open(name, **attrs)
        if content:
            self.xml.characters(xml_safe(content))
        self.close(name)


def _citations(out: _Out, view: View, event: Event) -> None:
    """The sources as an XHTML list: link, quote, note."""
    out.element("p", text.sources_heading())
    out.open("ul")
    for citation in event.citations:
        source = view.timeline.sources[citation.source]
        out.open("li")
        if source.url:
            out.element("a", text.source_line(source), href=source.url)
        else:
            out.xml.characters(xml_safe(text.source_line(source)))
        out.element("blockquote", f"“{citation.quote}”")
        if citation.note:
            out.element("p", text.note(citation.note))
        out.close("li")
    out.close("ul")


def _content(out: _Out, view: View, event: Event, head: str) -> None:
    """The entry's XHTML content: when and where (``head``), status, summary, citations."""
    out.open("content", type="xhtml")
    out.open("div", xmlns=XHTML)
    out.element("p", head)
    if (meaning := text.status(event)) is not None:
        out.element("p", meaning)
    if event.summary:
        out.element("p", event.summary)
    _citations(out, view, event)
    out.close("div")
    out.close("content")


def entry(out: _Out, view: View, event: Event) -> None:
    """One event as an ``atom:entry``."""
    permalink = view.links.event(event.id)
    out.open("entry")
    out.element("id", permalink)
    out.element("title", event.title, type="text")
    out.element("link", rel="alternate", type="text/html", href=permalink)
    related = {}
    for citation in event.citations:
        source = view.timeline.sources[citation.source]
        if source.url and source.url not in related:
            related[source.url] = text.source_line(source)
    for url, title in related.items():
        out.element("link", rel="related", type="text/html", href=url, title=title)
    if (added := text.published(event)) is not None:
        out.element("published", stamp(added))
    out.element("updated", stamp(text.updated(view, event)))
    head = text.heading(event)
    out.element("summary", text.teaser(event, head), type="text")
    _content(out, view, event, head)
    tags = view.timeline.tags
    for tag in event.tags:
        out.element("category", term=tag, label=tags[tag].label if tag in tags else tag)
    out.close("entry")


def _head(out: _Out, view: View) -> None:
    """The feed's own elements."""
    out.xml.startDocument()
    out.open("feed", xmlns=ATOM)
    out.element("id", view.links.view)
    out.element("title", view.title, type="text")
    if view.timeline.description:
        out.element("subtitle", view.timeline.description, type="text")
    out.element("updated", stamp(view.updated))
    out.open("author")
    out.element("name", view.publisher or view.timeline.title)
    out.element("uri", view.links.home)
    out.close("author")
    out.element("link", rel="alternate", type="text/html", href=view.links.view)
    if view.links.export is not None:
        out.element("link", rel="self", type="application/atom+xml", href=view.links.export("atom"))


def write(view: View) -> Iterator[str]:
    """The feed, an entry at a time."""
    out = _Out()
    _head(out, view)
    out.xml.ignorableWhitespace("\n")
    yield out.take()
    for event in view.events:
        entry(out, view, event)
        out.xml.ignorableWhitespace("\n")
        yield out.take()
    out.close("feed")
    out.xml.endDocument()
    yield out.take() + "\n"
