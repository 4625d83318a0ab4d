"""Template helpers: URLs for filtered views, dates, names (no data selection here)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from flask import Flask, current_app, g, url_for
from markupsafe import Markup

from timeline import present
from timeline.axis import Links
from timeline.axis.view import pct
from timeline.dates import DateError, parse_filter_date
from timeline.formats import FORMATS
from timeline.i18n import OG_LOCALES, _, content, language, lazy_gettext
from timeline.i18n.content import Translated
from timeline.i18n.dates import day_text, point_text
from timeline.media import Shown, show
from timeline.model import Event, Timeline
from timeline.query import MAX_PAGES, Query, label
from timeline.web import htmx, urls
from timeline.web.lookup import data

HTMX_FILE = "htmx-2.0.11.min.js"  # vendored; tests check its sha256


def view_endpoint() -> str:
    """Where views of the timeline are shown: the timeline page, or its embed (``g.view_endpoint``)."""
    endpoint: str = g.get("view_endpoint", "timeline.index")
    return endpoint


def query_url(query: Query, *, page: bool = False, **change: str) -> str:
    """The timeline URL for ``query`` (optionally with its page, or one facet value added)."""
    for name, value in change.items():
        query = query.with_value(name, value)
    pairs = query.params(page=page, lanes=True)
    return url_for(view_endpoint()) + ("?" + urlencode(pairs) if pairs else "")


def without_url(query: Query, name: str, value: str | None = None) -> str:
    """The timeline URL with one filter value removed."""
    return query_url(query.without(name, value))


def page_url(query: Query, page: int, pages: int = 1) -> str:
    """The URL of another page of the same query (``pages`` pages from it)."""
    pairs = query.view_params()
    if page > 1:
        pairs.append(("page", str(page)))
    if pages > 1:
        pairs.append(("pages", str(pages)))
    return url_for(view_endpoint()) + ("?" + urlencode(pairs) if pairs else "")


@dataclass(frozen=True, slots=True)
class Download:
    """A link to the current view in one export format."""

    label: str
    url: str
    media_type: str
    newest: int | None  # a feed that holds only the newest this many of the view's events


def downloads(query: Query, total: int) -> list[Download]:
    """The view ``query`` selects, in every export format (with its filters, never its page)."""
    pairs = query.params()
    suffix = "?" + urlencode(pairs) if pairs else ""
    return [
        Download(
            fmt.label,
            url_for("exports.export", name=fmt.name) + suffix,
            fmt.media_type,
            fmt.newest if fmt.newest is not None and total > fmt.newest else None,
        )
        for fmt in FORMATS.values()
    ]


def more_url(query: Query) -> str | None:
    """The URL of this list with one more page shown (None when that would show too many)."""
    return page_url(query, query.page, query.pages + 1) if query.pages < MAX_PAGES else None


def span_url(query: Query, start: str | None = None, end: str | None = None) -> str:
    """The timeline URL for ``query`` with its dates replaced (none: every date)."""
    return query_url(replace(query, start=start, end=end, page=1))


def view_args(query: Query) -> str:
    """The query string that carries a view to an event page ("?actor=…"; empty for the whole timeline)."""
    pairs = query.view_params()
    return "?" + urlencode(pairs) if pairs else ""


def event_url(ident: str, query: Query | None = None) -> str:
    """An event's page, opened from the view ``query`` (its previous and next are that view's)."""
    return url_for("timeline.event", ident=ident) + (view_args(query) if query is not None else "")


def list_url(query: Query, page: int, ident: str) -> str:
    """The list of ``query`` at the page that holds event ``ident``, scrolled to it."""
    return page_url(query, page) + f"#event-{ident}"


def axis_links() -> Links:
    """Where the axis's links go (prefixes, so that marks are joined, not routed one by one): views
    stay where they are shown (the page, or its embed), events open their page."""
    return Links(url_for(view_endpoint()), url_for("timeline.event", ident="_")[:-1])


def api_url(query: Query) -> str:
    """The JSON API's URL for the same filters (and page)."""
    pairs = query.params(page=True)
    return url_for("api.events") + ("?" + urlencode(pairs) if pairs else "")


def filter_date(text: str) -> str:
    """A ``from``/``to`` value in words ("Sep 2021"), or as written if it is not a date."""
    try:
        return point_text(parse_filter_date(text))
    except DateError:
        return text


def _filter_parts(timeline: Timeline, query: Query) -> list[str]:
    """The filters of a view in words, each name as shown (marked when not in the page's language)."""
    parts: list[str] = [label(timeline, n, v) for n in ("actor", "country", "tag") for v in getattr(query, n)]
    if query.start or query.end:
        start, end = (filter_date(d) if d else "…" for d in (query.start, query.end))
        parts.append(_("%(start)s to %(end)s", start=start, end=end))
    if query.q:
        parts.append(_("“%(text)s”", text=query.q))
    return parts


def filter_title(timeline: Timeline, query: Query) -> str:
    """What a filtered view shows, in words ("Yulia Peresild · Kazakhstan · Oct 2021 to 2022")."""
    return " · ".join(_filter_parts(timeline, query))


def filter_html(timeline: Timeline, query: Query) -> Markup:
    """:func:`filter_title` in a page's text: each name the file did not translate in its ``lang``."""
    return Markup(" · ").join(content.in_lang(part) for part in _filter_parts(timeline, query))


def sentence(text: str) -> str:
    """``text`` ended with a full stop, unless it ends with one already (a Russian date does: «г.»)."""
    return text if text.endswith(".") else f"{text}."


def titled(*parts: str) -> str:
    """A page title from the most to the least specific part ("Laika — The race to film in orbit")."""
    return " — ".join(p for p in parts if p)


def page_title(timeline: Timeline, query: Query, errors: list[str]) -> str:
    """The timeline page's title: says when a filter is invalid, and names an active one."""
    name = content.title(timeline)
    if errors:
        return titled(_("Invalid filter"), name)
    return titled(filter_title(timeline, query) if query.active else "", name)


KINDS = {
    "person": lazy_gettext("Person"),
    "organisation": lazy_gettext("Organisation"),
    "spacecraft": lazy_gettext("Spacecraft"),
    "animal": lazy_gettext("Animal"),
    "other": lazy_gettext("Other"),
}


MEDIA_KINDS = {
    "image": lazy_gettext("Image"),
    "video": lazy_gettext("Video"),
    "audio": lazy_gettext("Audio"),
    "page": lazy_gettext("Page"),
}


def media_kind(kind: str) -> str:
    """A medium's kind in words."""
    return str(MEDIA_KINDS.get(kind, kind))


def kind_label(kind: str) -> str:
    """An actor's kind in words."""
    return str(KINDS.get(kind, kind))


def media_of(event: Event) -> list[Shown]:
    """How each medium of ``event`` is shown under this app's media hosts."""
    hosts = current_app.config["TIMELINE_MEDIA_HOSTS"]
    return [show(item, hosts) for item in event.media]


def when(event: Event, *, seconds: bool = False) -> str:
    """The event's date in words, its local time named in the page's language."""
    return present.when(event, seconds=seconds, written=data().language)


def written(record: Translated, field: str) -> str | None:
    """A text of the data file in the page's language, or marked with its own (macros without a timeline)."""
    return content.text(data(), record, field)


def og_locales() -> tuple[str, list[str]]:
    """Open Graph's locale of the page, and of its other languages."""
    page = language()
    return OG_LOCALES[page], [locale for lang, locale in OG_LOCALES.items() if lang != page]


def init_app(app: Flask) -> None:
    """Register the helpers with Jinja."""
    app.jinja_env.globals.update(
        htmx_file=HTMX_FILE,
        regions=htmx.REGIONS,
        query_url=query_url,
        without_url=without_url,
        page_url=page_url,
        api_url=api_url,
        filter_date=filter_date,
        more_url=more_url,
        span_url=span_url,
        downloads=downloads,
        feeds=[f for f in FORMATS.values() if f.newest is not None],
        outlets=present.outlets,
        cited=present.cited,
        quoted=present.quoted,
        shown=present.shown,
        shown_in=present.shown_in,
        self_quoted=present.self_quoted,
        noted=present.noted,
        facet_parts=present.facet_parts,
        facet_counts=present.facet_counts,
        filter_title=filter_title,
        filter_html=filter_html,
        page_title=page_title,
        titled=titled,
        kind_label=kind_label,
        day_text=day_text,
        when=when,
        datetime_attr=present.datetime_attr,
        ages=present.ages,
        year_of=present.year_of,
        facet_label=label,
        media_of=media_of,
        media_kind=media_kind,
        absolute=urls.absolute,
        event_url=event_url,
        view_args=view_args,
        list_url=list_url,
        og_locales=og_locales,
        written=written,
        # The file's texts in the page's language (or marked with their own): see i18n.content.
        tr=content.text,
        site_title=content.title,
        actor_name=content.actor_name,
        native_name=content.native_name,
        aliases=content.aliases,
        tag_label=content.tag_label,
        published=content.published,
        quote_of=content.quote,
        country=content.country,
        translated=content.translated,
        written_in=content.shown,  # ("BibTeX", "en"): a text in a known language, marked on other pages
    )
    app.jinja_env.filters["pct"] = pct
    app.jinja_env.filters["sentence"] = sentence
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
