"""What every view needs: the current snapshot, lookup-or-404, and rendering with Vary set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Response, abort, current_app, g, render_template

from timeline.i18n import _
from timeline.i18n.words import number
from timeline.model import Timeline
from timeline.store import Store
from timeline.web import htmx

T = TypeVar("T")
_NOT_FOUND: dict[str, Callable[[str], str]] = {
    "event": lambda ident: _("There is no event with the id “%(id)s”.", id=ident),
    "source": lambda ident: _("There is no source with the id “%(id)s”.", id=ident),
    "actor": lambda ident: _("There is no actor with the id “%(id)s”.", id=ident),
    "country": lambda code: _(
        "No event or actor of this timeline is linked to the country code “%(id)s”.", id=code
    ),
}


def store() -> Store:
    """The live data store of this app."""
    live: Store = current_app.extensions["timeline.store"]
    return live


def data() -> Timeline:
    """The current snapshot (its version is what this response's validators name)."""
    snapshot = store().snapshot
    g.data_version = snapshot.version
    return snapshot


def render_limit() -> int:
    """The most events one response may render (``TIMELINE_RENDER_LIMIT``)."""
    limit: int = current_app.config["TIMELINE_RENDER_LIMIT"]
    return limit


def within_budget(count: int, advice: str) -> None:
    """A 400 when a response would render more than ``TIMELINE_RENDER_LIMIT`` events (with ``advice``)."""
    limit = render_limit()
    if count > limit:
        message = _("This would hold %(count)s events; one response holds at most %(limit)s.",
                    count=number(count), limit=number(limit))  # fmt: skip
        abort(400, description=f"{message} {advice}")


def found(value: T | None, kind: str, ident: str) -> T:
    """``value``, or a 404 (a page, fragment or JSON error) that names what was not found."""
    if value is None:
        abort(404, description=_NOT_FOUND[kind](ident[:100]))
    return value


def render(template: str, status: int = 200, **context: Any) -> Response:
    """A rendered template that says it depends on the htmx headers."""
    response = current_app.make_response((render_template(template, **context), status))
    return htmx.vary(response)
