"""Security headers on every response, and the request limits that come before any view."""

from __future__ import annotations

from flask import Flask, Response, abort, request

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
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Frame-Options": "DENY",
}
MAX_QUERY_BYTES = 2048


def _limits() -> None:
    if request.method not in ("GET", "HEAD"):
        abort(405)
    if len(request.query_string) > MAX_QUERY_BYTES:
        abort(414)


def _headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    mimetype = response.mimetype or ""
    if (
        mimetype.startswith("text/") or mimetype.endswith("json")
    ) and "charset" not in response.mimetype_params:
        response.mimetype_params["charset"] = "utf-8"
    response.headers.pop("Set-Cookie", None)
    return response


def init_app(app: Flask) -> None:
    """Install the limits and headers."""
    app.before_request(_limits)
    app.after_request(_headers)
