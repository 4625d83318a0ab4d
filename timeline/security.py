"""Security headers on every response, and the request limits that come before any view.

- Only GET and HEAD; a query string of at most 2 KiB (longer: 414).
- Each route sees only the query parameters it allows (:data:`PARAMETERS`): others are
  dropped before the view runs, so no view can come to depend on an unvetted parameter.
  The views' parser (:mod:`timeline.query`) bounds and validates the allowed ones.
- Every response, static files and errors included, carries :data:`HEADERS`, no cookie,
  and ``charset=utf-8`` on text.

Rendered pages are also kept here, in a :class:`~timeline.store.PageCache` per process, keyed
by the data version, the URL, the htmx headers and Accept-Encoding: a page asked for again is
neither rendered nor compressed again (a filtered page costs ~6 ms to render, ~0.3 ms to send
from the cache).  Off in development and tests unless ``TIMELINE_PAGE_CACHE`` (MiB per
process, default 32; 0: off) says otherwise.
"""

from __future__ import annotations

from flask import Flask, Response, abort, current_app, g, request
from werkzeug.datastructures import ImmutableMultiDict

from timeline.store import Page, PageCache, Store

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'; manifest-src 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    # Only features browsers know: an unknown one (interest-cohort) logs a console error.
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Frame-Options": "DENY",
}
MAX_QUERY_BYTES = 2048
_FILTER = frozenset(("actor", "country", "tag", "from", "to", "q", "page", "per_page"))
PARAMETERS: dict[str, frozenset[str]] = {
    "timeline.index": _FILTER,
    "timeline.api_events": _FILTER,
}
_TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")
PAGE_CACHE_MIB = 32
CACHED = frozenset(
    f"timeline.{name}" for name in ("index", "event", "source", "actor", "country", "api_events", "api_event")
)
# What else a page depends on (Accept-Encoding: pages are kept compressed, when they are).
_VARY = ("HX-Request", "HX-Target", "HX-History-Restore-Request", "Accept-Encoding")


def _limits() -> None:
    """Refuse other methods and long query strings; drop parameters the route does not take."""
    if request.method not in ("GET", "HEAD"):
        abort(405)
    if len(request.query_string) > MAX_QUERY_BYTES:
        abort(414)
    allowed = PARAMETERS.get(request.endpoint or "", frozenset())
    if any(name not in allowed for name in request.args):
        kept = [(k, v) for k, v in request.args.items(multi=True) if k in allowed]
        request.args = ImmutableMultiDict(kept)


def _from_cache() -> Response | None:
    """A page rendered before for this data version, URL and htmx headers."""
    cache: PageCache | None = current_app.extensions.get("timeline.pages")
    if cache is None or request.endpoint not in CACHED:
        return None
    store: Store = current_app.extensions["timeline.store"]
    # Asking for the snapshot also lets the store notice a changed file, as a view would.
    key = (store.snapshot.version, request.url, *(request.headers.get(h, "") for h in _VARY))
    page = cache.get(key)
    if page is None:
        g.page_key = key
        return None
    return Response(page.body, headers=list(page.headers))


def _to_cache(response: Response) -> Response:
    """Keep a page rendered for a cacheable request."""
    key = g.pop("page_key", None)
    cache: PageCache | None = current_app.extensions.get("timeline.pages")
    if key is not None and cache is not None and response.status_code == 200 and not response.is_streamed:
        cache.put(key, Page(response.get_data(), tuple(response.headers.items())))
    return response


def _is_text(mimetype: str) -> bool:
    """True for types that carry text (and so a charset)."""
    return mimetype.startswith(_TEXT_TYPES) or mimetype.endswith(("+json", "+xml"))


def _headers(response: Response) -> Response:
    """Add the security headers and the charset; remove any cookie."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if _is_text(response.mimetype or "") and "charset" not in response.mimetype_params:
        response.mimetype_params["charset"] = "utf-8"
    response.headers.pop("Set-Cookie", None)
    return response


def init_app(app: Flask) -> None:
    """Install the limits, the headers and the page cache."""
    mib = app.config.get("TIMELINE_PAGE_CACHE")
    if mib is None:
        mib = 0 if app.debug or app.testing else PAGE_CACHE_MIB
    if mib:
        app.extensions["timeline.pages"] = PageCache(int(float(mib) * 2**20))
    app.before_request(_limits)
    app.before_request(_from_cache)
    app.after_request(_headers)
    # Flask runs after_request functions last-registered first: put this one at the front of
    # the list so that it runs last, and keeps the page exactly as it leaves the app (headers
    # set, compressed if a compressor is installed), and a hit costs no compression either.
    app.after_request_funcs.setdefault(None, []).insert(0, _to_cache)
