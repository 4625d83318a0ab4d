"""Security headers on every response, and the request limits that come before any view.

- Only GET and HEAD; a query string of at most 2 KiB (longer: 414).
- Each route sees only the query parameters it allows (:data:`PARAMETERS`): on pages others
  are dropped before the view runs, so no view can come to depend on an unvetted parameter
  (a link with a tracking parameter still works); the API answers them with a 400 that names
  them, as do exports and citation files (:data:`STRICT`), so a misspelt filter is never
  silently ignored.  What is kept is put in one order (by name; values of a name keep theirs)
  and re-encoded, and the request's query string becomes that normal form: reordered,
  re-encoded or padded URLs are the same request to the views, the canonical link and the
  page cache.
  The views' parser (:mod:`timeline.query`) bounds and validates the allowed ones.
- Every response, static files and errors included, carries :data:`HEADERS`, no cookie,
  and ``charset=utf-8`` on text.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from flask import Flask, Response, abort, current_app, request
from werkzeug.datastructures import ImmutableMultiDict

from timeline.i18n import _


def csp(media_hosts: Iterable[str] = ()) -> str:
    """The Content-Security-Policy: our own files only, and media from ``media_hosts`` (HTTPS)."""
    hosts = "".join(f" https://{host}" for host in media_hosts)
    media = f"media-src{hosts}; frame-src{hosts}; " if hosts else ""
    return (
        f"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'{hosts}; {media}"
        "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
        "frame-ancestors 'none'; manifest-src 'self'"
    )


CSP = csp()  # with no media hosts (the default)
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
_PAGE = frozenset(("page",))
_VIEW = (_FILTER - {"page"}) | {"lanes"}  # the view an event page was opened from
PARAMETERS: dict[str, frozenset[str]] = {
    # pages: how many pages one list shows ("Show more"); lanes: how the time axis is split
    "timeline.index": _FILTER | {"lanes", "pages"},
    "timeline.event": _VIEW,
    "api.events": _FILTER,
    # A file holds the whole view (or its latest ``limit`` events), never a page of it.
    "exports.export": (_FILTER - {"page", "per_page"}) | {"limit"},
    "cite.view": _FILTER - {"page", "per_page"},  # a view is cited whole, never a page of it
    "embed.index": _FILTER | {"lanes"},
    "embed.oembed": frozenset(("url", "maxwidth", "maxheight", "format")),
    "timeline.actor": _PAGE,
    "timeline.country": _PAGE,
    "timeline.source": _PAGE,
}
# Only these may be shown in a frame (on the sites TIMELINE_FRAME_ANCESTORS names); every other
# answer says frame-ancestors 'none' and X-Frame-Options: DENY.
FRAMEABLE = frozenset(("embed.index", "embed.event"))
STRICT = frozenset(("api.events", "api.event", "exports.export", "cite.view", "cite.event", "cite.source"))
_TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/x-bibtex")


def _limits() -> None:
    """Refuse other methods and long query strings; drop parameters the route does not take."""
    if request.method not in ("GET", "HEAD"):
        abort(405)
    if len(request.query_string) > MAX_QUERY_BYTES:
        abort(414)
    allowed = PARAMETERS.get(request.endpoint or "", frozenset())
    unknown = [name for name in request.args if name not in allowed]
    if unknown and request.endpoint in STRICT:
        name = _printable(unknown[0])
        if allowed:
            message = _(
                "unknown parameter '%(name)s' (this address takes %(takes)s)",
                name=name,
                takes=", ".join(sorted(allowed)),
            )
        else:
            message = _("unknown parameter '%(name)s' (this address takes no parameters)", name=name)
        abort(400, description=message)
    kept = sorted(
        ((k, v) for k, v in request.args.items(multi=True) if k in allowed), key=lambda pair: pair[0]
    )  # a stable sort: the values of one name keep their order, which the page shows
    request.args = ImmutableMultiDict(kept)
    request.query_string = urlencode(kept).encode("ascii")


def _printable(name: str) -> str:
    """A parameter name safe to quote in a message."""
    return name[:40] if name.isprintable() else name[:40].encode("unicode_escape").decode()


def _is_text(mimetype: str) -> bool:
    """True for types that carry text (and so a charset)."""
    return mimetype.startswith(_TEXT_TYPES) or mimetype.endswith(("+json", "+xml"))


def _headers(response: Response) -> Response:
    """Add the security headers and the charset; remove any cookie."""
    headers = current_app.extensions["timeline.headers"]
    if request.endpoint in FRAMEABLE:
        headers = current_app.extensions["timeline.headers.framed"]
    for name, value in headers.items():
        response.headers.setdefault(name, value)
    if _is_text(response.mimetype or "") and "charset" not in response.mimetype_params:
        response.mimetype_params["charset"] = "utf-8"
    response.headers.pop("Set-Cookie", None)
    return response


def init_app(app: Flask) -> None:
    """Install the limits and the headers (the policy names the configured media hosts)."""
    policy = csp(app.config.get("TIMELINE_MEDIA_HOSTS", ()))
    app.extensions["timeline.headers"] = {**HEADERS, "Content-Security-Policy": policy}
    # Embeds: framed by the sites TIMELINE_FRAME_ANCESTORS names (no X-Frame-Options, which knows
    # no list), and readable by a site with COEP.
    ancestors = app.config.get("TIMELINE_FRAME_ANCESTORS", "'none'")
    framed = policy.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")
    app.extensions["timeline.headers.framed"] = {
        **{k: v for k, v in HEADERS.items() if k != "X-Frame-Options"},
        "Content-Security-Policy": framed,
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    app.before_request(_limits)
    app.after_request(_headers)
