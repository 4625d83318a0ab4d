"""Absolute URLs of this timeline's pages: the one place that decides the scheme and host.

Every absolute URL (canonical links, ``og:url``, the API's ``url``, oEmbed, feeds, exports,
redirects) is built from ``TIMELINE_BASE_URL``, never from the request's ``Host`` header: a
shared cache keeps what one reader was sent and serves it to everyone, so a page that echoed a
spoofed ``Host`` would poison it for all. Relative links (``url_for``) need no host at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, current_app, request
from werkzeug.datastructures import MultiDict
from werkzeug.routing import MapAdapter

from timeline.formats.view import Links
from timeline.query import Query


def _adapter() -> MapAdapter:
    """A URL builder bound to the configured base URL (made once per app)."""
    adapter: MapAdapter | None = current_app.extensions.get("timeline.urls")
    if adapter is None:
        base = urlsplit(current_app.config["TIMELINE_BASE_URL"])
        adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
        current_app.extensions["timeline.urls"] = adapter
    return adapter


def absolute(endpoint: str, **values: Any) -> str:
    """The absolute URL of a route (canonical links, feeds, exports, the API's ``url``)."""
    current_app.inject_url_defaults(endpoint, values)
    return _adapter().build(endpoint, values, force_external=True)


def current() -> str:
    """The absolute URL of the page being answered: its route and the parameters it took."""
    values: MultiDict[str, Any] = MultiDict(request.args)
    values.update(request.view_args or {})
    endpoint = request.endpoint or "timeline.index"
    current_app.inject_url_defaults(endpoint, values)
    return _adapter().build(endpoint, values, force_external=True)


# A record's id as the JSON Schema allows it: nothing in it that a URL would need to quote.
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SAMPLE = "id"


def by_id(endpoint: str) -> Callable[[str], str]:
    """``absolute(endpoint, ident=…)`` for many ids, the route's URL built once.

    An export links 100,000 events, and ``url_for`` costs more than an event's text: only the id
    changes from one link to the next. An id the schema would not allow goes through ``url_for``.
    """
    sample = absolute(endpoint, ident=_SAMPLE)
    if sample.count(_SAMPLE) != 1:
        return lambda ident: absolute(endpoint, ident=ident)
    head, _, tail = sample.partition(_SAMPLE)

    def link(ident: str) -> str:
        return f"{head}{ident}{tail}" if _ID.fullmatch(ident) else absolute(endpoint, ident=ident)

    return link


def links(query: Query) -> Links:
    """Absolute links for an export of the view ``query`` selects."""
    pairs = query.params()
    home = absolute("timeline.index")
    return Links(
        event=by_id("timeline.event"),
        source=by_id("timeline.source"),
        view=home + ("?" + urlencode(pairs) if pairs else ""),
        home=home,
        export=lambda name: absolute("exports.export", name=name) + ("?" + urlencode(pairs) if pairs else ""),
    )


def _location(response: Response) -> Response:
    """A redirect werkzeug made absolute from the request's host goes to the base URL instead."""
    location = response.headers.get("Location")
    parts = urlsplit(location or "")
    if location and parts.netloc and parts.netloc == request.host:
        base = current_app.config["TIMELINE_BASE_URL"]
        root = request.script_root
        path = parts.path[len(root) :] if root and parts.path.startswith(root) else parts.path
        response.headers["Location"] = base + path + (f"?{parts.query}" if parts.query else "")
    return response


def init_app(app: Flask) -> None:
    """No URL from the Host header: no slash-merging redirects (werkzeug writes their target, host
    included, into the body too), and any other redirect to the base URL."""
    app.url_map.merge_slashes = False
    for rule in app.url_map.iter_rules():  # the static route, made with the app
        rule.merge_slashes = False
    app.after_request(_location)
