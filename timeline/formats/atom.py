"""Atom (RFC 4287), written as the standard library's XML writer writes it, an entry at a time.

The feed's ``id`` is the view's page, each entry's the event's permalink; ``updated`` is the
event's ``updated`` date (else the data version's time), ``published`` its ``added`` date when
known. The summary is the date, place and summary in plain text; the content is XHTML with the
citations: each source linked, its quote as a blockquote, and its note. Each cited source with a
URL is also an ``atom:link rel="related"``, so readers that list links show the evidence. Every
text goes through the XML writer's escaping: data never becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.formats import text
from timeline.formats.text import stamp
from timeline.formats.view import View
from timeline.formats.xmlwriter import XmlWriter
from timeline.model import Event

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"


def _citations(out: XmlWriter, view: View, event: Event, sources: str) -> None:
    """The sources as an XHTML list: link, quote, note."""
    out.element("p", sources)
    out.open("ul")
    for citation in event.citations:
        source = view.timeline.sources[citation.source]
        out.open("li")
        if source.url:
            out.element("a", text.source_line(source), href=source.url)
        else:
            out.text(text.source_line(source))
        out.element("blockquote", f"“{citation.quote}”")
        if citation.note:
            out.element("p", text.note(citation.note))
        out.close("li")
    out.close("ul")


def _content(out: XmlWriter, view: View, event: Event, head: str, sources: str) -> None:
    """The entry's XHTML content: when and where (``head``), status, summary, citations."""
    out.open("content", type="xhtml")
    out.open("div", xmlns=XHTML)
    out.element("p", head)
    if (meaning := text.status(event)) is not None:
        out.element("p", meaning)
    if event.summary:
        out.element("p", event.summary)
    _citations(out, view, event, sources)
    out.close("div")
    out.close("content")


def entry(out: XmlWriter, view: View, event: Event, sources: str | None = None) -> None:
    """One event as an ``atom:entry`` (``sources``: what introduces the citations, if looked up)."""
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
    _content(out, view, event, head, sources or text.sources_heading())
    tags = view.timeline.tags
    for tag in event.tags:
        out.element("category", term=tag, label=tags[tag].label if tag in tags else tag)
    out.close("entry")


def _head(out: XmlWriter, view: View) -> None:
    """The feed's own elements."""
    out.declaration()
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
    out = XmlWriter()
    _head(out, view)
    out.whitespace("\n")
    yield out.take()
    sources = text.sources_heading()
    for event in view.events:
        entry(out, view, event, sources)
        out.whitespace("\n")
        yield out.take()
    out.close("feed")
    yield out.take() + "\n"
