"""Caching any shared cache understands: validators, 304s, Cache-Control, Vary, hashed static files,
and absolute URLs that never come from the request's Host header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.http import http_date, parse_date

from tests.support import parse
from timeline import create_app
from timeline.web.assets import IMMUTABLE, Assets

HTMX = {"HX-Request": "true", "HX-Target": "results"}
DEFAULT = "public, max-age=60, stale-while-revalidate=600"
CACHED = ["/", "/?tag=launch&from=1957", "/events/laika", "/sources/agency", "/actors/laika",
          "/countries/SU", "/api/events?tag=launch", "/api/events/laika", "/export.ics?tag=launch",
          "/export.bib", "/export.atom"]  # fmt: skip


@pytest.mark.parametrize("url", CACHED)
@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_successful_answers_carry_validators_and_answer_304(
    client: FlaskClient, url: str, coding: str
) -> None:
    first = client.get(url, headers={"Accept-Encoding": coding})
    assert first.status_code == 200
    tag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', tag)  # strong
    assert first.headers["Cache-Control"] == DEFAULT
    same = {"Accept-Encoding": coding}
    again = client.get(url, headers={**same, "If-None-Match": tag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == tag
    assert again.headers["Cache-Control"] == DEFAULT
    assert client.get(url, headers={**same, "If-None-Match": f'"other", {tag}'}).status_code == 304
    assert client.get(url, headers={**same, "If-Modified-Since": modified}).status_code == 304
    earlier = http_date(parse_date(modified).timestamp() - 1)  # type: ignore[union-attr]
    assert client.get(url, headers={**same, "If-Modified-Since": earlier}).status_code == 200
    assert client.head(url, headers={**same, "If-None-Match": tag}).status_code == 304


def test_the_etag_names_the_representation(client: FlaskClient) -> None:
    def tag(url: str, **headers: str) -> str:
        return client.get(url, headers=headers).headers["ETag"]

    page = tag("/?tag=launch")
    assert tag("/?tag=launch") == page  # stable
    assert tag("/?tag=launch", **HTMX) != page  # the fragment
    assert tag("/?tag=launch", **{"Accept-Encoding": "gzip"}) != page  # the coding
    assert tag("/?tag=landing") != page  # the URL
    assert tag("/?tag=launch&utm_source=x") == page  # a parameter the page ignores
    gzip = tag("/?tag=launch", **{"Accept-Encoding": "gzip"})
    plain = client.get("/?tag=launch", headers={"If-None-Match": gzip})
    assert plain.status_code == 200  # a copy in another coding is not this one


def test_a_new_data_version_is_a_new_etag_and_a_full_answer(client: FlaskClient, data_file: Path) -> None:
    first = client.get("/events/laika")
    data_file.write_text(data_file.read_text().replace("Laika orbits", "Laika circles"), encoding="utf-8")
    client.application.extensions["timeline.store"].check()
    second = client.get("/events/laika", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    assert "Laika circles the Earth" in second.text
    assert second.headers["ETag"] != first.headers["ETag"]


def test_cache_control_comes_from_the_setting(data_file: Path) -> None:
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": "",
         "TIMELINE_CACHE_CONTROL": "public,max-age=300"}
    )  # fmt: skip
    assert app.test_client().get("/").headers["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize(
    ("url", "status"),
    [("/no/such/page", 404), ("/events/nope", 404), ("/api/events/nope", 404), ("/?from=1957-13", 400),
     ("/api/events?from=1957-13", 400)],
)  # fmt: skip
def test_errors_are_kept_briefly_and_have_no_validators(client: FlaskClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["Cache-Control"] == "public, max-age=10"
    assert "ETag" not in response.headers
    assert "Last-Modified" not in response.headers


def test_a_server_error_is_not_kept(app: Flask) -> None:
    app.add_url_rule("/boom", view_func=lambda: 1 / 0)
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert response.headers["Cache-Control"] == "no-store"


# Headers a reader's browser, htmx or a proxy may send; a response that changes with one must name it.
PROBES = {
    "HX-Request": "true",
    "HX-Target": "results",
    "HX-History-Restore-Request": "true",
    "Accept": "application/json",
    "Accept-Encoding": "gzip",
    "Accept-Language": "ru",
    "Cookie": "session=1",
    "User-Agent": "curl/8",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "http",
}
VARY_URLS = [*CACHED, "/no/such/page", "/events/nope", "/api/events/nope", "/?from=1957-13", "/?tag=nope"]


def body(client: FlaskClient, url: str, headers: dict[str, str]) -> tuple[int, bytes, str | None]:
    """What a cache would store: the status, the bytes and their media type."""
    response = client.get(url, headers=headers)
    return response.status_code, response.data, response.headers.get("Content-Type")


@pytest.mark.parametrize("url", VARY_URLS)
def test_vary_names_every_request_header_the_answer_depends_on(client: FlaskClient, url: str) -> None:
    # Alone, and on top of an htmx request (HX-Target and the history restore only matter with it).
    for base in ({}, {"HX-Request": "true"}):
        plain = body(client, url, base)
        vary = {h.lower() for h in client.get(url, headers=base).vary}
        for name, value in PROBES.items():
            if body(client, url, {**base, name: value}) != plain:
                assert name.lower() in vary, f"{url} changes with {name} (base {base}) but Vary is {vary}"


def test_a_404_depends_on_the_history_restore_header_and_says_so(client: FlaskClient) -> None:
    fragment = client.get("/no/such/page", headers={"HX-Request": "true"})
    restore = client.get(
        "/no/such/page", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert fragment.data != restore.data  # a fragment for htmx, the whole page for a history restore
    assert "HX-History-Restore-Request" in restore.vary


def test_the_api_varies_only_on_the_coding(client: FlaskClient) -> None:
    for url in ("/api/events?tag=launch", "/api/events/laika"):
        english, russian = client.get(url), client.get(url, headers={"Accept-Language": "ru"})
        assert set(english.vary) == set(russian.vary) == {"Accept-Encoding"}
        assert russian.data == english.data  # the same bytes for every reader: one copy in a cache
    for url in ("/api/events/nope", "/api/events?tag=nothing", "/api/events?colour=red"):
        assert set(client.get(url).vary) == {"Accept-Encoding", "Accept-Language"}  # errors speak


# --- static files -----------------------------------------------------------------------------


def test_pages_link_static_files_by_content_hash_and_those_are_immutable(
    app: Flask, client: FlaskClient
) -> None:
    doc = parse(client.get("/").data)
    urls = [n.attrs["href"] for n in doc.find("link") if n.attrs.get("rel") in ("stylesheet", "icon")]
    urls += [n.attrs["src"] for n in doc.find("script")]
    urls += [n.attrs["data-htmx"] for n in doc.find("script") if "data-htmx" in n.attrs]  # app.js gets it
    urls += [n.attrs["data-later"] for n in doc.find("script") if "data-later" in n.attrs]  # and this
    assert len(urls) == 5  # the icon, app.css, app.js, htmx and the time axis's axis.js (app.js fetches both)
    for url in urls:
        name = url.rsplit("/", 1)[1]
        assert re.fullmatch(r"[a-z0-9.-]+\.[0-9a-f]{10}\.(css|js|svg)", name), name
        with client.get(url) as response:
            assert response.status_code == 200
            assert response.headers["Cache-Control"] == IMMUTABLE
            plain = (
                name[: -len(name.rsplit(".", 2)[1]) - len(name.rsplit(".", 1)[1]) - 2]
                + "."
                + name.rsplit(".", 1)[1]
            )
            assert response.data == (Path(app.static_folder or "") / plain).read_bytes()


def test_plain_and_outdated_static_names_still_answer_but_are_revalidated(client: FlaskClient) -> None:
    for url in ("/static/app.css", "/static/app.0123456789.css"):
        with client.get(url) as response:
            assert response.status_code == 200
            assert response.headers["Cache-Control"] == "no-cache"
    with client.get("/static/nope.0123456789.css") as response:
        assert response.status_code == 404


def test_a_changed_file_gets_a_new_name(tmp_path: Path) -> None:
    (tmp_path / "app.css").write_text("a{}", encoding="utf-8")
    assets = Assets(tmp_path)
    before = assets.hashed("app.css")
    (tmp_path / "app.css").write_text("a{color:red}", encoding="utf-8")
    after = assets.hashed("app.css")
    assert before != after
    assert assets.original(after) == ("app.css", True)
    assert assets.original(before) == ("app.css", False)
    assert assets.hashed("missing.css") == "missing.css"


# --- absolute URLs ----------------------------------------------------------------------------

SPOOF_URLS = [*CACHED, "/?from=1957-13", "/no/such/page", "/countries/su", "/events//laika",
              "/schema/events.json", "/healthz", "/static/app.css"]  # fmt: skip
SPOOFED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "gopher"}


@pytest.fixture
def any_host(data_file: Path) -> FlaskClient:
    """The app with the host check off, as behind a proxy that does it: the Host header reaches it."""
    config = {"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""}
    return create_app({**config, "TIMELINE_TRUSTED_HOSTS": ""}).test_client()


@pytest.mark.parametrize("url", SPOOF_URLS)
def test_a_spoofed_host_changes_no_url_in_any_answer(any_host: FlaskClient, url: str) -> None:
    client = any_host
    honest = client.get(url)
    spoofed = client.get(url, headers=SPOOFED)
    assert spoofed.status_code == honest.status_code
    for response in (honest, spoofed):
        text = response.get_data() + str(response.headers).encode()
        assert b"evil.example" not in text
        assert b"gopher" not in text
        response.close()
    assert spoofed.get_data() == honest.get_data()
    assert spoofed.headers.get("Location") == honest.headers.get("Location")


def test_absolute_urls_come_from_the_base_url(data_file: Path) -> None:
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": "",
         "TIMELINE_BASE_URL": "https://timeline.example/space/"}
    )  # fmt: skip
    client = app.test_client()
    doc = parse(client.get("/?actor=laika").data)
    assert doc.one("link", rel="canonical").attrs["href"] == "https://timeline.example/space/en/?actor=laika"
    og = {n.attrs.get("property"): n.attrs.get("content") for n in doc.find("meta")}
    assert og["og:url"] == "https://timeline.example/space/en/?actor=laika"
    versions = {
        n.attrs["hreflang"]: n.attrs["href"]
        for n in doc.find("link", rel="alternate")
        if "hreflang" in n.attrs
    }
    assert versions["ru"] == "https://timeline.example/space/ru/?actor=laika"
    assert versions["x-default"] == "https://timeline.example/space/?actor=laika"
    assert str(og["og:image"]).startswith("https://timeline.example/space/static/card.")
    api = client.get("/api/events/laika").json
    assert api is not None
    assert api["url"] == "https://timeline.example/space/events/laika"
    redirect = client.get("/countries/su")
    assert redirect.status_code == 308
    assert redirect.headers["Location"] in ("/countries/SU", "https://timeline.example/space/countries/SU")
