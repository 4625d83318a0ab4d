"""Absolute URLs of this timeline's pages: the one place that decides the scheme and host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import url_for

from timeline.formats.view import Links
from timeline.query import Query


def absolute(endpoint: str, **values: Any) -> str:
    """The absolute URL of a route (canonical links, feeds, exports, the API's ``url``)."""
    return url_for(endpoint, _external=True, **values)


def links(query: Query) -> Links:
    """Absolute links for an export of the view ``query`` selects."""
    pairs = query.params()
    home = absolute("timeline.index")
    return Links(
        event=lambda ident: absolute("timeline.event", ident=ident),
        source=lambda ident: absolute("timeline.source", ident=ident),
        view=home + ("?" + urlencode(pairs) if pairs else ""),
        home=home,
        export=lambda name: absolute("exports.export", name=name) + ("?" + urlencode(pairs) if pairs else ""),
    )
