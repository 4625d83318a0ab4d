"""A tiny helper for htmx requests (after django-htmx)."""

from __future__ import annotations

from flask import Request, Response

VARY = ("HX-Request", "HX-Target")  # what a page that may answer with a fragment depends on
ERROR_VARY = ("HX-Request", "HX-History-Restore-Request")  # what an error page depends on (is_htmx)
# Ids of the page regions htmx swaps or app.js finds: templates use them through the ``regions``
# global, and app.js reads them from the page's ``timeline-regions`` meta element.
RESULTS = "results"
MORE = "more"
REGIONS = {
    "results": RESULTS,
    "more": MORE,
    "facets": "facets",
    "filters": "filters",
    "status": "status",
    "alert": "alert",
    "axis": "axis",
    "range": "range",
    "active": "active-count",
    "json": "json-link",
    "counts": "facet-counts",
    "languages": "languages",
}


def targets(request: Request, region: str) -> bool:
    """True when this is an htmx request whose swap target is the element ``#region``."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Target") == region


def is_request(request: Request) -> bool:
    """True for any request htmx makes (a history restore included)."""
    return request.headers.get("HX-Request") == "true"


def is_htmx(request: Request) -> bool:
    """True for any htmx request that is not a history restore."""
    return request.headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in request.headers


def mode(request: Request) -> str:
    """The htmx headers in normal form: what a response can depend on, whatever else they say."""
    if request.headers.get("HX-Request") != "true":
        return ""
    target = request.headers.get("HX-Target")
    region = target if target in (RESULTS, MORE) else ""
    return f"htmx:{region}" + (":restore" if "HX-History-Restore-Request" in request.headers else "")


def vary(response: Response) -> Response:
    """Mark a response that depends on the htmx headers."""
    for header in VARY:
        response.vary.add(header)
    return response
