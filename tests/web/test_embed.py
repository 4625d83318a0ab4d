"""Embeds (framed only where allowed), the embed code on pages, and oEmbed read by a consumer (micawber)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import micawber
import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support import LiveServer, parse
from timeline import create_app

BASE = "http://127.0.0.1:5000"  # TIMELINE_BASE_URL's default
FRAMEABLE = [
    "/embed",
    "/embed?actor=laika",
    "/embed/events/landing",
    "/embed/events/nope",
    "/embed?from=1957-13",
    "/ru/embed?actor=laika",
    "/ru/embed/events/landing",
]
NOT_FRAMEABLE = ["/", "/?actor=laika", "/events/landing", "/sources/paper", "/actors/laika", "/countries/SU",
                 "/api/events", "/oembed?url=http%3A//127.0.0.1%3A5000/", "/no/such/page", "/export.ics",
                 "/events/landing/cite.bib", "/healthz"]  # fmt: skip


def csp(response: object) -> dict[str, str]:
    """The Content-Security-Policy header as directives."""
    header = response.headers["Content-Security-Policy"]  # type: ignore[attr-defined]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("url", FRAMEABLE)
def test_embeds_may_be_framed(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert csp(response)["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in response.headers
    assert csp(response)["script-src"] == "'self'"  # the rest of the policy stays


@pytest.mark.parametrize("url", NOT_FRAMEABLE)
def test_nothing_else_may_be_framed(client: FlaskClient, url: str) -> None:
    with client.get(url) as response:
        assert csp(response)["frame-ancestors"] == "'none'"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_the_sites_that_may_frame_embeds_are_a_setting(data_file: Path) -> None:
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": "",
         "TIMELINE_FRAME_ANCESTORS": "'self' https://news.example"}
    )  # fmt: skip
    assert csp(app.test_client().get("/embed"))["frame-ancestors"] == "'self' https://news.example"
    assert csp(app.test_client().get("/"))["frame-ancestors"] == "'none'"


def test_an_embed_is_the_axis_and_the_list_and_a_way_out(client: FlaskClient) -> None:
    doc = parse(client.get("/embed?country=SU").data)
    assert not doc.find("header", "site-header")
    assert not doc.find("form")
    assert not doc.find("script")
    assert doc.one("base").attrs["target"] == "_blank"  # links open the full site in a new tab
    axis = doc.one("nav", id="axis")
    assert [n.attrs["id"] for n in doc.find("li", "event")] == ["event-sputnik-year", "event-laika"]
    out = doc.one("p", "embed-open").one("a")
    assert out.attrs["href"] == f"{BASE}/?country=SU"
    moves = [*axis.find("a", "axis-step"), *axis.find("a", "ax-t"), *axis.find("a", "ax-c")]
    assert moves
    for link in moves:  # zooming and panning the axis stay in the embed
        assert link.attrs["target"] == "_self"
        assert link.attrs["href"].startswith("/embed")
        assert "data-swap" not in link.attrs
    for mark in axis.find("a", "ax-m"):  # an event opens its page on the full site, in a new tab
        assert mark.attrs["href"].startswith("/events/")
        assert "target" not in mark.attrs


def test_an_event_embed_shows_the_event_and_links_to_its_page(client: FlaskClient) -> None:
    doc = parse(client.get("/embed/events/landing").data)
    assert doc.one("h1").text == "The crew lands in Kazakhstan"
    assert doc.one("p", "embed-open").one("a").attrs["href"] == f"{BASE}/events/landing"
    assert len(doc.find("li", "citation")) == 2


def oembed(client: FlaskClient, url: str, **args: str) -> tuple[int, dict[str, object]]:
    """The JSON oEmbed answer for ``url``."""
    response = client.get("/oembed", query_string={"url": url, **args})
    return response.status_code, response.json if response.status_code == 200 else {}  # type: ignore[return-value]


def iframe_src(html: str) -> str:
    """The src of the iframe in an oEmbed html."""
    return parse(html).one("iframe").attrs["src"]


def test_oembed_answers_a_rich_iframe_within_the_maximum_size(client: FlaskClient) -> None:
    status, answer = oembed(client, f"{BASE}/?actor=laika&country=SU", maxwidth="500", maxheight="9999")
    assert status == 200
    assert answer["type"] == "rich"
    assert answer["version"] == "1.0"
    assert answer["width"] == 500 and answer["height"] == 600  # noqa: PT018
    assert answer["title"] == "Laika · Soviet Union — Mini timeline"
    assert answer["provider_name"] == "Mini timeline"
    assert answer["provider_url"] == f"{BASE}/"
    assert answer["cache_age"] == 60
    frame = parse(str(answer["html"])).one("iframe")
    assert frame.attrs["width"] == "500" and frame.attrs["height"] == "600"  # noqa: PT018
    assert frame.attrs["src"] == f"{BASE}/embed?actor=laika&country=SU"
    assert frame.attrs["title"] == answer["title"]


@pytest.mark.parametrize(
    ("url", "embed"),
    [("/", "/embed"), ("/events/landing", "/embed/events/landing"), ("/actors/laika", "/embed?actor=laika"),
     ("/countries/SU", "/embed?country=SU"), ("/embed?tag=launch", "/embed?tag=launch"),
     ("/?tag=launch&page=2&utm_source=x", "/embed?tag=launch")],
)  # fmt: skip
def test_every_page_with_an_embed_has_one(client: FlaskClient, url: str, embed: str) -> None:
    status, answer = oembed(client, BASE + url)
    assert status == 200
    assert iframe_src(str(answer["html"])) == BASE + embed


@pytest.mark.parametrize(
    "url",
    ["https://evil.example/", f"{BASE.replace('5000', '5001')}/", "http://127.0.0.1:5000.evil.example/",
     f"{BASE}/sources/paper", f"{BASE}/events/nope", f"{BASE}/?actor=nobody", f"{BASE}/api/events",
     "javascript:alert(1)", "", f"{BASE}/no/such/page"],
)  # fmt: skip
def test_oembed_says_404_for_urls_that_are_not_ours_or_have_no_embed(client: FlaskClient, url: str) -> None:
    assert oembed(client, url)[0] == 404


def test_oembed_says_501_for_a_format_it_does_not_speak_and_400_for_a_bad_size(client: FlaskClient) -> None:
    assert oembed(client, f"{BASE}/", format="yaml")[0] == 501
    assert oembed(client, f"{BASE}/", maxwidth="wide")[0] == 400
    assert oembed(client, f"{BASE}/", maxheight="0")[0] == 400


def test_oembed_speaks_xml(client: FlaskClient) -> None:
    response = client.get("/oembed", query_string={"url": f"{BASE}/events/landing", "format": "xml"})
    assert response.mimetype == "text/xml"
    root = ET.fromstring(response.data)
    assert root.tag == "oembed"
    fields = {child.tag: child.text for child in root}
    assert fields["type"] == "rich"
    assert fields["version"] == "1.0"
    assert (fields["width"], fields["height"]) == ("600", "400")
    assert iframe_src(str(fields["html"])) == f"{BASE}/embed/events/landing"


@pytest.mark.parametrize(
    "url", ["/", "/?tag=launch", "/events/landing", "/actors/laika", "/countries/SU", "/ru/events/landing"]
)
def test_pages_with_an_embed_announce_oembed_in_json_and_xml(client: FlaskClient, url: str) -> None:
    alternates = parse(client.get(url).data).find("link", rel="alternate")
    links = {n.attrs["type"]: n.attrs["href"] for n in alternates if "type" in n.attrs}  # not hreflang
    for kind, fmt in (("application/json+oembed", "json"), ("text/xml+oembed", "xml")):
        found = urlsplit(links[kind])
        assert f"{found.scheme}://{found.netloc}{found.path}" == f"{BASE}/oembed"
        assert parse_qs(found.query) == {"url": [BASE + url], "format": [fmt]}
        assert client.get(found.path, query_string=found.query).status_code == 200


@pytest.mark.parametrize("url", ["/sources/paper", "/?from=1957-13"])
def test_pages_without_an_embed_announce_none(client: FlaskClient, url: str) -> None:
    types = [n.attrs.get("type", "") for n in parse(client.get(url).data).find("link", rel="alternate")]
    assert not [t for t in types if "oembed" in t]


def test_the_page_offers_its_embed_code(client: FlaskClient) -> None:
    for page in ("/?tag=launch", "/events/landing", "/ru/events/landing"):
        code = parse(client.get(page).data).one("section", "embed-code").one("textarea").raw
        assert code == oembed(client, BASE + page)[1]["html"]  # the same iframe, at its default size


def test_embeds_are_in_the_readers_language(client: FlaskClient) -> None:
    russian = client.get("/ru/embed/events/landing")
    doc = parse(russian.data)
    assert doc.one("html").attrs["lang"] == "ru"
    assert doc.one("h1").text == "Экипаж приземляется в Казахстане"
    assert doc.one("p", "embed-open").one("a").attrs["href"] == f"{BASE}/ru/events/landing"
    assert "Accept-Language" not in russian.headers["Vary"]
    view = parse(client.get("/ru/embed?country=SU").data).one("nav", id="axis")
    assert all(a.attrs["href"].startswith("/ru/embed") for a in view.find("a", "axis-step"))
    assert all(a.attrs["href"].startswith("/ru/events/") for a in view.find("a", "ax-m"))
    negotiated = client.get("/embed/events/landing", headers={"Accept-Language": "ru"})
    assert parse(negotiated.data).one("h1").text == "Экипаж приземляется в Казахстане"
    assert "Accept-Language" in negotiated.headers["Vary"]  # the same address is English for others
    assert client.get("/ru/oembed", query_string={"url": f"{BASE}/"}).status_code == 404  # for programs


def test_oembed_speaks_the_language_of_the_address(client: FlaskClient) -> None:
    response = client.get("/oembed", query_string={"url": f"{BASE}/ru/events/landing"})
    answer = response.json
    assert answer is not None
    assert answer["title"] == "Экипаж приземляется в Казахстане — Мини-хронология"
    assert answer["provider_url"] == f"{BASE}/ru/"
    assert iframe_src(answer["html"]) == f"{BASE}/ru/embed/events/landing"
    assert "Accept-Language" not in response.headers["Vary"]  # the address says the language
    asked = client.get(
        "/oembed", query_string={"url": f"{BASE}/events/landing"}, headers={"Accept-Language": "ru"}
    )
    assert asked.json is not None
    assert asked.json["title"] == "Экипаж приземляется в Казахстане — Мини-хронология"
    assert iframe_src(asked.json["html"]) == f"{BASE}/embed/events/landing"  # each reader's own language
    assert "Accept-Language" in asked.headers["Vary"]


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    """The app served for real, its base URL the server's own."""
    server = LiveServer(app)
    app.config["TIMELINE_BASE_URL"] = server.base
    server.thread.start()
    yield server
    server.server.shutdown()


def test_an_oembed_consumer_embeds_a_filtered_view(live: LiveServer) -> None:
    page = live.url("/?actor=laika&country=SU")
    html = parse(micawber.providers.fetch(page))  # what a consumer does first: find the endpoint
    endpoint = next(
        n.attrs["href"] for n in html.find("link") if n.attrs.get("type") == "application/json+oembed"
    )
    provider = micawber.Provider(endpoint.split("?")[0])
    answer = provider.request(page, maxwidth=640, maxheight=480)
    assert answer["type"] == "rich"
    assert (answer["width"], answer["height"]) == (640, 480)
    assert iframe_src(answer["html"]) == live.url("/embed?actor=laika&country=SU")
    framed = parse(micawber.providers.fetch(iframe_src(answer["html"])))
    assert [n.attrs["id"] for n in framed.find("li", "event")] == ["event-laika"]
    registry = micawber.ProviderRegistry()
    registry.register(live.url("/") + r"\S*", provider)
    assert iframe_src(registry.request(live.url("/events/landing"))["html"]) == live.url(
        "/embed/events/landing"
    )
    with pytest.raises(micawber.ProviderException):
        provider.request(live.url("/sources/paper"))  # no embed: a 404
