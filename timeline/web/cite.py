""" "Cite this": an event, a source or a filtered view in APA 7, Chicago and MLA, and as files.

The strings come from :mod:`timeline.formats.styles` (a CSL processor) for the reference
:mod:`timeline.formats.reference` makes, so they say what the CSL-JSON and BibTeX files say.
The pages show them without an access date (none of the three styles prints one for a dated
page); the files carry it (``/events/<id>/cite.csl.json`` and ``.bib``, ``/sources/<id>/…``,
``/cite.csl.json?<filters>`` for a view), which is why those answers change with the day.

A citation is bibliographic data in its styles' language (American English, the locale the
styles are rendered in), the same on every page: the file's texts as written, the filters in
English words, and the page's address without a language prefix (the permalink that opens in
each reader's language). So a citation file has one address, like the API, and on a page in
another language the strings are marked ``lang="en"``. CSL's Russian locale was not an
option: in these styles it gives ungrammatical dates ("17 октябрь 2021 г.", a nominative
month), and APA, Chicago and MLA are English-language styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, request, url_for
from markupsafe import Markup

from timeline.formats import bibtex, csl, styles
from timeline.formats.reference import Reference, event_reference, source_reference, view_reference
from timeline.formats.view import View
from timeline.i18n import _, language, lazy_gettext, speaking
from timeline.model import Event, Source, Timeline
from timeline.query import Query, QueryError, parse_query
from timeline.web.lookup import data, found, store
from timeline.web.templating import filter_title
from timeline.web.urls import links

bp = Blueprint("cite", __name__)
FILES = {"csl.json": csl.MEDIA_TYPE, "bib": "application/x-bibtex"}  # each carries the day it was made
LABELS = (("csl.json", "CSL-JSON"), ("bib", "BibTeX"))
KNOWN = "cite.csl.json, cite.bib"
LANGUAGE = styles.LOCALE.split("-")[0]  # what citations are written in ("en")
# What readers call each style, in their language (the strings themselves stay in English).
STYLE_NAMES = {
    "apa": lazy_gettext("APA 7"),
    "chicago": lazy_gettext("Chicago (author-date)"),
    "mla": lazy_gettext("MLA 9"),
}


@dataclass(frozen=True, slots=True)
class Styled:
    """A citation in one style, as HTML (data escaped, italics as tags)."""

    name: str
    label: str
    html: Markup


@dataclass(frozen=True, slots=True)
class Citing:
    """What a "Cite this" section shows: the three styles, and where the files are."""

    key: str
    styled: list[Styled]
    files: list[tuple[str, str]]  # (label, URL)
    lang: str | None  # the citations' language, when the page is in another


def _view(timeline: Timeline, query: Query) -> View:
    """The data a reference needs about the page it cites (no events: it cites one thing)."""
    return View(
        timeline=timeline,
        events=(),
        total=0,
        title=timeline.title,
        links=links(query),
        updated=datetime.fromtimestamp(store().modified, UTC),
        publisher=current_app.config["TIMELINE_PUBLISHER"],
    )


def _citing(ref: Reference, endpoint: str, **values: Any) -> Citing:
    item = csl.item(ref)
    styled = [
        Styled(s.name, str(STYLE_NAMES.get(s.name, s.label)), styles.html(item, s)) for s in styles.STYLES
    ]
    files = [(label, url_for(endpoint, kind=kind, **values)) for kind, label in LABELS]
    return Citing(ref.key, styled, files, None if language() == LANGUAGE else LANGUAGE)


def event_ref(timeline: Timeline, event: Event) -> Reference:
    """An event as a page of this timeline (in the citations' language, whatever the page's)."""
    with speaking(LANGUAGE):
        return event_reference(_view(timeline, Query()), event)


def view_ref(timeline: Timeline, query: Query) -> Reference:
    """A filtered view as a page of this timeline (the filters in the citations' language)."""
    with speaking(LANGUAGE):
        title = filter_title(timeline, query)
        return view_reference(_view(timeline, query), title, urlencode(query.params()))


def for_event(timeline: Timeline, event: Event) -> Citing:
    """ "Cite this" for an event's page."""
    return _citing(event_ref(timeline, event), "cite.event", ident=event.id)


def for_source(source: Source) -> Citing:
    """ "Cite this" for a source, in its own right."""
    return _citing(source_reference(source), "cite.source", ident=source.id)


def for_view(timeline: Timeline, query: Query) -> Citing:
    """ "Cite this" for the filtered view."""
    citing = _citing(view_ref(timeline, query), "cite.view")
    pairs = query.params()
    suffix = "?" + urlencode(pairs) if pairs else ""
    files = [(label, url + suffix) for label, url in citing.files]
    return Citing(citing.key, citing.styled, files, citing.lang)


def _file(ref: Reference, kind: str) -> Response:
    """One reference as a CSL-JSON or BibTeX file."""
    if kind not in FILES:
        message = _(
            "There is no citation file “%(name)s” (there are cite.csl.json and cite.bib).", name=kind[:40]
        )
        abort(404, description=message)
    body = "".join(csl.items([ref], csl.today())) if kind == "csl.json" else bibtex.entry(ref)
    response = Response(body, mimetype=FILES[kind])
    name = ref.key.replace(":", "-")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


@bp.get("/events/<ident>/cite.<kind>")
def event(ident: str, kind: str) -> Response:
    """An event's citation as a file."""
    timeline = data()
    return _file(event_ref(timeline, found(timeline.event(ident), "event", ident)), kind)


@bp.get("/sources/<ident>/cite.<kind>")
def source(ident: str, kind: str) -> Response:
    """A source's citation as a file."""
    timeline = data()
    return _file(source_reference(found(timeline.sources.get(ident), "source", ident)), kind)


@bp.get("/cite.<kind>")
def view(kind: str) -> Response:
    """A filtered view's citation as a file."""
    timeline = data()
    try:
        query = parse_query(request.args, timeline)
    except QueryError as exc:
        abort(400, description="; ".join(exc.messages))
    return _file(view_ref(timeline, query), kind)
