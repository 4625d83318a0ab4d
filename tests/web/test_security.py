"""Requests and responses: methods, limits, 400s with clear messages, headers on everything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support import parse, text_of
from timeline import create_app
from timeline.formats import FORMATS
from timeline.web.security import MAX_QUERY_BYTES

HTMX = {"HX-Request": "true", "HX-Target": "results"}
CHECKLIST_CSP = {  # /work/shared/guides/security.md
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
}
CHECKLIST_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}


def boom() -> str:
    """A view that fails, to see the 500 page."""
    raise RuntimeError("secret detail /work/main/timeline/views.py")


@pytest.fixture
def app(data_file: Path) -> Flask:
    """The app on the mini timeline, with a route that raises (added before any request)."""
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""})
    app.add_url_rule("/boom", view_func=boom)
    app.add_url_rule("/api/boom", "api_boom", view_func=boom)
    return app


def static_file(app: Flask, name: str) -> str:
    """The URL of a file in static/."""
    with app.test_request_context():
        from flask import url_for

        return url_for("static", filename=name)


RESPONSES = {
    "page": ("GET", "/", {}),
    "filtered page": ("GET", "/?actor=laika&country=SU&from=1957&to=1958&q=orbit", {}),
    "htmx fragment": ("GET", "/?tag=launch", HTMX),
    "event": ("GET", "/events/laika", {}),
    "source": ("GET", "/sources/agency", {}),
    "actor": ("GET", "/actors/laika", {}),
    "country": ("GET", "/countries/SU", {}),
    "api": ("GET", "/api/events?tag=launch", {}),
    "api event": ("GET", "/api/events/laika", {}),
    "healthz": ("GET", "/healthz", {}),
    "schema": ("GET", "/schema/events.json", {}),
    "head": ("HEAD", "/", {}),
    **{f"export {n}": ("GET", f"/export.{n}?actor=yulia-peresild", {}) for n in FORMATS},
    "400 export": ("GET", "/export.ics?limit=0", {}),
    "404 export": ("GET", "/export.pdf", {}),
    "400 page": ("GET", "/?from=1957-13", {}),
    "400 fragment": ("GET", "/?from=1957-13", HTMX),
    "400 json": ("GET", "/api/events?from=1957-13", {}),
    "404 page": ("GET", "/no/such/page", {}),
    "404 json": ("GET", "/api/events/nope", {}),
    "405": ("POST", "/", {}),
    "414": ("GET", "/?q=" + "x" * MAX_QUERY_BYTES, {}),
    "500 page": ("GET", "/boom", {}),
    "500 fragment": ("GET", "/boom", HTMX),
    "500 json": ("GET", "/api/boom", {}),
}


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_response_carries_the_security_headers(client: FlaskClient, name: str) -> None:
    method, url, headers = RESPONSES[name]
    response = client.open(url, method=method, headers=headers)
    check_headers(response.headers)
    response.close()  # file responses hold the file open until closed


@pytest.mark.parametrize("name", ["app.css", "app.js", "favicon.svg", "htmx-2.0.11.min.js"])
def test_static_files_carry_the_security_headers(app: Flask, client: FlaskClient, name: str) -> None:
    response = client.get(static_file(app, name))
    assert response.status_code == 200
    check_headers(response.headers)
    response.close()


def check_headers(headers: object) -> None:
    """The checklist's headers, no cookie, and UTF-8 declared on text."""
    from werkzeug.datastructures import Headers

    assert isinstance(headers, Headers)
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    for directive, source in CHECKLIST_CSP.items():
        assert policy[directive] == source, directive
    assert all("unsafe" not in value for value in policy.values())
    for name, value in CHECKLIST_HEADERS.items():
        assert headers[name] == value, name
    assert "Set-Cookie" not in headers
    assert headers["Content-Type"].endswith("charset=utf-8"), headers["Content-Type"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("url", ["/", "/api/events", "/events/laika", "/no/such/page"])
def test_only_get_and_head(client: FlaskClient, method: str, url: str) -> None:
    response = client.open(url, method=method)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_head_answers_like_get_without_a_body(client: FlaskClient) -> None:
    response = client.head("/events/laika")
    assert response.status_code == 200
    assert response.data == b""


def test_query_string_is_limited_to_2_kib(client: FlaskClient) -> None:
    at_limit = "/?q=" + "x" * (MAX_QUERY_BYTES - 2)
    assert client.get(at_limit).status_code == 400  # read, then refused as too long a search
    over = client.get("/?q=" + "x" * (MAX_QUERY_BYTES - 1))
    assert over.status_code == 414
    assert "The query string is too long (at most 2 KiB)." in over.text


BAD_QUERIES = {
    "repeated single-valued parameter": ("from=1957&from=1958", "'from' may be given only once"),
    "malformed date": (
        "from=1957-13",
        "'from' must be a date YYYY, YYYY-MM or YYYY-MM-DD, or a UTC time YYYY-MM-DDTHH:MMZ, not '1957-13'",
    ),
    "impossible day": ("to=2021-02-30", "'to' must be a date YYYY, YYYY-MM or YYYY-MM-DD"),
    "non-ASCII digits": ("from=%D9%A1%D9%A9%D9%A5%D9%A7", "'from' must be a date"),
    "dates in the wrong order": ("from=2021&to=1957", "'from' (2021) is after 'to' (1957)"),
    "unknown actor id": ("actor=belka", "unknown actor 'belka'"),
    "unknown tag id": ("tag=nope", "unknown tag 'nope'"),
    "unknown country code": ("country=XX", "unknown country 'XX'"),
    "too many facet values": (
        "&".join(f"actor=a{i}" for i in range(21)),
        "at most 20 values of 'actor' at once",
    ),
    "search too long": ("q=" + "x" * 201, "the search text is longer than 200 characters"),
    "control character in search": ("q=a%07b", "the search text contains control characters"),
    "page not a number": ("page=two", "'page' must be a whole number from 1 to 100000"),
    "page with many digits": ("page=0000001000000000", "'page' must be a whole number"),
    "page past the last": ("page=2", "there is only 1 page of events for these filters"),
    "per_page too large": ("per_page=5000", "'per_page' must be a whole number from 1 to"),
}


@pytest.mark.parametrize("name", sorted(BAD_QUERIES))
def test_bad_parameters_get_a_400_with_a_clear_message(client: FlaskClient, name: str) -> None:
    query, message = BAD_QUERIES[name]
    page = client.get(f"/?{query}")
    assert page.status_code == 400
    assert "<html" in page.text
    assert text_of(page.text).count(message) >= 1, text_of(page.text)
    fragment = client.get(f"/?{query}", headers=HTMX)
    assert fragment.status_code == 400
    assert "<html" not in fragment.text
    assert message in text_of(fragment.text)
    api = client.get(f"/api/events?{query}")
    assert api.status_code == 400
    assert api.json is not None
    if name != "per_page too large":  # the API allows up to 1,000 a page
        assert any(message in m for m in api.json["errors"])


def test_the_api_names_an_unknown_parameter_in_a_400(client: FlaskClient) -> None:
    response = client.get("/api/events?actor=laika&acter=laika")
    assert response.status_code == 400
    assert response.json is not None
    assert "unknown parameter 'acter'" in response.json["error"]
    assert "actor" in response.json["error"]  # and says what it takes
    assert client.get("/api/events/laika?x=1").status_code == 400


def test_pages_ignore_unknown_parameters(client: FlaskClient) -> None:
    plain = client.get("/?actor=laika")
    noisy = client.get("/?actor=laika&debug=1&callback=alert&__proto__=x&actor%00=y")
    assert noisy.status_code == 200
    assert re.findall(rb'id="event-[^"]+"', noisy.data) == re.findall(rb'id="event-[^"]+"', plain.data)
    assert client.get("/events/laika?q=%3Cscript%3E&page=x").status_code == 200


@pytest.mark.parametrize(
    ("url", "headers", "kind"),
    [("/boom", {}, "page"), ("/boom", HTMX, "fragment"), ("/api/boom", {}, "json")],
)
def test_500_shows_no_internals(client: FlaskClient, url: str, headers: dict[str, str], kind: str) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == 500
    for leak in ("Traceback", "RuntimeError", "secret detail", "/work/", "views.py", "werkzeug", "Flask"):
        assert leak not in response.text
    if kind == "json":
        assert response.json == {
            "error": "The server hit a problem while answering. It has been logged.",
            "errors": ["The server hit a problem while answering. It has been logged."],
            "status": 500,
        }
    else:
        assert "The server hit a problem while answering. It has been logged." in response.text
        assert ("<html" in response.text) == (kind == "page")


@pytest.mark.parametrize(
    "url", ["/no/such/page", "/events/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/static/nope.js"]
)
def test_404_pages_show_no_internals(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "<script>alert" not in response.text
    for leak in ("Traceback", "/work/", "static folder", "werkzeug", "NotFound"):
        assert leak not in response.text


def test_htmx_is_configured_without_eval_and_pages_have_no_inline_code(client: FlaskClient) -> None:
    page = client.get("/").text
    found = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", page)
    assert found is not None
    config = json.loads(found.group(1))
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False
    assert config["selfRequestsOnly"] is True
    assert config["historyRestoreAsHxRequest"] is False
    for url in ("/", "/?tag=launch", "/events/launch", "/sources/paper", "/actors/laika", "/no/such/page"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url  # no inline script
        assert not re.search(r"<style\b", html), url
        assert not re.search(r"\s(?:on[a-z]+|style|hx-on[^=]*)=", html), url


@pytest.fixture
def cached(data_file: Path) -> Flask:
    """The app with its page cache on (tests turn it off by default) and checking the file always."""
    config = {"TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": "", "TIMELINE_RELOAD_INTERVAL": 0}
    return create_app({**config, "TESTING": True, "TIMELINE_PAGE_CACHE": 1})


def test_a_cached_page_is_the_page_the_view_renders(cached: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    client = cached.test_client()
    first = client.get("/?actor=laika")
    monkeypatch.setattr("timeline.web.lookup.render_template", lambda *a, **k: pytest.fail("rendered again"))
    again = client.get("/?actor=laika")
    assert again.data == first.data
    assert again.headers["Vary"] == first.headers["Vary"]
    check_headers(again.headers)


def test_the_page_cache_keeps_pages_and_fragments_apart(cached: Flask) -> None:
    client = cached.test_client()
    page, fragment = client.get("/?tag=launch"), client.get("/?tag=launch", headers=HTMX)
    assert client.get("/?tag=launch", headers=HTMX).data == fragment.data
    assert client.get("/?tag=launch").data == page.data
    assert "<html" in page.text
    assert "<html" not in fragment.text


def test_a_new_data_version_is_never_served_from_the_cache(cached: Flask, data_file: Path) -> None:
    client = cached.test_client()
    assert "Laika orbits the Earth" in client.get("/events/laika").text
    data_file.write_text(data_file.read_text().replace("Laika orbits", "Laika circles"), encoding="utf-8")
    assert "Laika circles the Earth" in client.get("/events/laika").text
    data_file.write_text("title: [broken\n", encoding="utf-8")  # the last good data stays
    assert "Laika circles the Earth" in client.get("/events/laika").text
    assert client.get("/healthz").json["last_reload_ok"] is False  # type: ignore[index]


def test_the_page_cache_stays_within_its_budget(cached: Flask) -> None:
    client = cached.test_client()
    for i in range(200):
        client.get(f"/?q=search+number+{i}")
    pages = cached.extensions["timeline.pages"]
    assert 0 < pages.size <= 2**20


def test_cached_pages_keep_their_encoding_apart(cached: Flask) -> None:
    client = cached.test_client()
    plain = client.get("/?tag=film")
    compressed = client.get("/?tag=film", headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    for _ in range(2):  # the second time, both come from the cache
        again_plain = client.get("/?tag=film")
        again_compressed = client.get("/?tag=film", headers={"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in again_plain.headers
        assert again_plain.data == plain.data
        assert again_compressed.headers.get("Content-Encoding") == compressed.headers.get("Content-Encoding")
        assert again_compressed.data == compressed.data
        check_headers(again_compressed.headers)


# --- hosts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/", "/?tag=launch", "/api/events", "/events/laika", "/static/app.css", "/nope"]
)
@pytest.mark.parametrize("host", ["evil.example", "EVIL.example:8443", "localhost.evil.example", "127.0.0.2"])
def test_an_unknown_host_gets_a_400_that_never_repeats_it(client: FlaskClient, url: str, host: str) -> None:
    response = client.get(url, headers={"Host": host})
    assert response.status_code == 400
    assert "evil" not in response.text.lower()
    assert "127.0.0.2" not in response.text
    assert "does not answer to that host name" in response.text
    check_headers(response.headers)


@pytest.mark.parametrize("host", ["localhost", "localhost:5000", "127.0.0.1:8443"])
def test_the_trusted_hosts_are_answered(client: FlaskClient, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 200
    # ... and the links in the page come from the configured base URL, whatever the host
    base = client.application.config["TIMELINE_BASE_URL"]
    assert f'<link rel="canonical" href="{base}/en/">' in response.text  # in the page's language
    doc = parse(response.data)
    alternates = [n.attrs["href"] for n in doc.find("link", rel="alternate") if "hreflang" in n.attrs]
    assert alternates == [f"{base}/en/", f"{base}/ru/", f"{base}/"]


def test_trusted_hosts_are_a_setting(data_file: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "TIMELINE_EVENTS": str(data_file),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_TRUSTED_HOSTS": "timeline.example.org, .example.net",
        }
    )
    client = app.test_client()
    assert client.get("/", headers={"Host": "timeline.example.org"}).status_code == 200
    assert client.get("/", headers={"Host": "www.example.net"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost"}).status_code == 400


@pytest.mark.parametrize("value", ["https://example.org", "example.org/path", "exa mple.org", "a,b:80"])
def test_a_trusted_host_that_is_not_a_host_name_stops_the_app(
    data_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    monkeypatch.setenv("TIMELINE_TRUSTED_HOSTS", value)
    with pytest.raises(SystemExit):
        create_app({"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""})
    assert "TIMELINE_TRUSTED_HOSTS" in capsys.readouterr().err


# --- page-cache keys in normal form ------------------------------------------------------


def test_unknown_or_reordered_parameters_do_not_multiply_renders(
    cached: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = cached.test_client()
    first = client.get("/?actor=laika&tag=launch")
    monkeypatch.setattr("timeline.web.lookup.render_template", lambda *a, **k: pytest.fail("rendered again"))
    for url in (
        "/?tag=launch&actor=laika",
        "/?actor=laika&x=1&tag=launch",
        "/?utm_source=feed&tag=launch&actor=laika&fbclid=abc",
        "/?actor=%6Caika&tag=launch",
    ):
        assert client.get(url).data == first.data, url
    assert len(cached.extensions["timeline.pages"]._pages) == 1


@pytest.mark.parametrize(("path", "lang"), [("/", "en"), ("/ru/", "ru")])
def test_the_canonical_link_is_the_normal_form(client: FlaskClient, path: str, lang: str) -> None:
    html = client.get(f"{path}?x=1&tag=launch&actor=laika&actor=gagarin").text
    base = client.application.config["TIMELINE_BASE_URL"]
    canonical = f"{base}/{lang}/?actor=laika&amp;actor=gagarin&amp;tag=launch"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_header_variants_that_mean_the_same_share_a_page(cached: Flask) -> None:
    client = cached.test_client()
    gzip = client.get("/?tag=film", headers={"Accept-Encoding": "gzip"})
    assert gzip.headers["Content-Encoding"] == "gzip"
    for value in ("gzip, deflate", "deflate, gzip;q=1.0", "identity;q=0.5, gzip", "GZIP, foo"):
        again = client.get("/?tag=film", headers={"Accept-Encoding": value})
        assert again.headers["Content-Encoding"] == "gzip"
        assert again.data == gzip.data
    fragment = client.get("/?tag=film", headers=HTMX)
    for target in ("somewhere", "x" * 50, ""):
        page = client.get("/?tag=film", headers={"HX-Request": "true", "HX-Target": target})
        assert "<html" in page.text  # not the fragment: only the results region gets one
    assert client.get("/?tag=film", headers=HTMX).data == fragment.data
    # One page per encoding and htmx mode: the gzip page, the fragment, the page for other targets.
    assert len(cached.extensions["timeline.pages"]._pages) == 3
