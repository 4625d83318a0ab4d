"""Every route through the Flask client: full pages, htmx fragments, 400s and 404s."""

from __future__ import annotations

import gzip
import hashlib
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support import ROOT, event_ids, parse

HTMX = {"HX-Request": "true", "HX-Target": "results"}


def test_timeline_page_lists_every_event_with_citations(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert event_ids(response.data) == ["sputnik-year", "laika", "cruise-flight", "launch", "landing"]
    html = response.data.decode()
    assert "<title>Mini timeline</title>" in html
    assert 'href="https://example.org/report" rel="noopener noreferrer"' in html
    assert "They landed on 17 October (UTC)." in html  # the note on a citation
    assert "Planned" in html
    assert '<time datetime="2021-10-05T08:55:02Z">5 Oct 2021, 08:55 UTC (13:55 Baikonur time)</time>' in html
    assert "5 events match" in html


def test_filtered_page_shows_the_same_events_as_the_api(client: FlaskClient) -> None:
    for query in (
        "actor=yulia-peresild",
        "actor=yulia-peresild&country=KZ",
        "actor=laika&actor=tom-cruise",
        "q=Laika",
    ):
        page = event_ids(client.get(f"/?{query}").data)
        api = [e["id"] for e in client.get(f"/api/events?{query}").json["events"]]  # type: ignore[index]
        assert page == api, query


def test_htmx_request_for_results_gets_only_the_fragment(client: FlaskClient) -> None:
    response = client.get("/?actor=laika", headers=HTMX)
    assert response.status_code == 200
    html = response.data.decode()
    assert "<html" not in html
    assert "<form" not in html
    assert event_ids(response.data) == ["laika"]
    assert '<p id="status" hx-swap-oob="innerHTML">1 event matches the filters.</p>' in html
    assert "<title>Laika — Mini timeline</title>" in html
    assert set(response.headers["Vary"].split(", ")) >= {"HX-Request", "HX-Target"}


def test_other_htmx_requests_get_the_full_page(client: FlaskClient) -> None:
    boosted = client.get("/?actor=laika", headers={"HX-Request": "true", "HX-Target": "main"})
    assert b"<html" in boosted.data
    plain = client.get("/?actor=laika")
    assert b"<html" in plain.data
    assert plain.headers["Vary"]


def many_events(path: Path, count: int) -> None:
    """Write a valid file with ``count`` events, one a day from 1 Jan 2000."""
    lines = ["title: Many", "sources:", "  - {id: s, title: S, publisher: P}", "actors: []", "events:"]
    for i in range(count):
        day = date(2000, 1, 1) + timedelta(days=i)
        lines.append(
            f"  - {{id: e{i:03d}, title: Event {i}, date: {day}, citations: [{{source: s, quote: q}}]}}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_more_appends_the_next_page_and_the_address_keeps_it(client: FlaskClient, data_file: Path) -> None:
    many_events(data_file, 60)
    client.application.extensions["timeline.store"].check()
    first = parse(client.get("/").data)
    assert len(first.find("li", "event")) == 25  # a quick first view
    assert first.one(id="range").text == "Events 1–25 of 60, oldest first."
    more = first.one(id="more").one("a")
    assert more.attrs["href"] == "/?page=2"  # without JavaScript: the next page
    assert (more.attrs["hx-get"], more.attrs["hx-push-url"]) == ("/?pages=2", "true")
    assert more.attrs["hx-target"] == "#more"
    appended = client.get("/?pages=2", headers={"HX-Request": "true", "HX-Target": "more"})
    assert event_ids(appended.data) == [f"e{i:03d}" for i in range(25, 50)]
    html = appended.data.decode()
    assert "<form" not in html
    assert 'id="results"' not in html
    assert "(continued)" in html  # the year 2000 goes on from the first page
    fragment = parse(appended.data)
    # The line above the list says what it shows now, and the next "Show more" asks for 3 pages.
    assert fragment.one(id="range").attrs["hx-swap-oob"] == "true"
    assert fragment.one(id="range").text == "Events 1–50 of 60, oldest first."
    assert fragment.one(id="more").one("a").attrs["hx-get"] == "/?pages=3"
    # The address pushed after "Show more" shows the same list when reloaded.
    reloaded = client.get("/?pages=2")
    assert event_ids(reloaded.data) == [f"e{i:03d}" for i in range(50)]
    assert parse(reloaded.data).one(id="range").text == "Events 1–50 of 60, oldest first."
    beyond = client.get("/?page=4")
    assert beyond.status_code == 400
    assert b"only 3 pages" in beyond.data


def test_a_list_shown_whole_says_how_many_events_it_has(client: FlaskClient) -> None:
    assert parse(client.get("/?actor=laika").data).one(id="range").text == "1 event, oldest first."
    assert parse(client.get("/").data).one(id="range").text == "5 events, oldest first."


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/?actor=nobody", "unknown actor"),
        ("/?from=2021-13", "&#39;from&#39; must be a date"),
        ("/?from=2022&to=2021", "is after"),
        ("/?q=a&q=b", "only once"),
    ],
)
def test_invalid_filters_give_a_400_page_that_keeps_the_form(
    client: FlaskClient, url: str, message: str
) -> None:
    response = client.get(url)
    assert response.status_code == 400
    html = response.data.decode()
    assert message in html
    assert 'role="alert"' in html
    assert '<form id="filters"' in html
    fragment = client.get(url, headers=HTMX)
    assert fragment.status_code == 400
    assert b"<html" not in fragment.data
    assert message.encode() in fragment.data


def test_invalid_value_is_kept_in_the_form_for_correction(client: FlaskClient) -> None:
    html = client.get("/?from=2021-13").data.decode()
    assert re.search(r'id="from" name="from" value="2021-13"', html)


def test_event_page(client: FlaskClient) -> None:
    html = client.get("/events/landing").data.decode()
    assert '<h1 id="event-title">The crew lands in Kazakhstan</h1>' in html
    assert "The calendar day depends on where you were." in html
    assert "16 Oct 2021" in html
    assert "21:35 PDT" in html
    assert 'Yulia Peresild <span class="age">(aged 37)</span>' in html


def test_planned_event_links_to_what_happened(client: FlaskClient) -> None:
    html = client.get("/events/cruise-flight").data.decode()
    assert "What happened instead" in html
    assert 'href="/events/launch"' in html
    assert "earlier plan" in client.get("/events/launch").data.decode()


def test_source_page_lists_every_citing_event_with_quotes(client: FlaskClient) -> None:
    html = client.get("/sources/paper").data.decode()
    assert html.count('class="quote"') == 3
    assert "No public address is known for this source." in html


def test_actor_and_country_pages(client: FlaskClient) -> None:
    actor = client.get("/actors/yulia-peresild")
    assert actor.status_code == 200
    assert event_ids(actor.data) == ["launch", "landing"]
    assert "Юлия Пересильд" in actor.data.decode()
    country = client.get("/countries/SU")
    assert "Soviet Union" in country.data.decode()
    assert event_ids(country.data) == ["sputnik-year", "laika"]


def test_country_codes_are_case_insensitive_where_typed(client: FlaskClient) -> None:
    moved = client.get("/countries/su")
    assert moved.status_code == 308
    assert moved.headers["Location"].endswith("/countries/SU")
    assert event_ids(client.get("/?country=su").data) == event_ids(client.get("/?country=SU").data)


@pytest.mark.parametrize(
    "url", ["/events/nope", "/sources/nope", "/actors/nope", "/countries/XX", "/nowhere"]
)
def test_friendly_404s(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert b"Go to the timeline" in response.data
    assert b"Traceback" not in response.data


def test_schema_is_published(client: FlaskClient) -> None:
    with client.get("/schema/events.json") as response:
        assert response.status_code == 200
        schema = response.json
    assert schema["properties"]["events"]["items"]["required"] == ["id", "title", "date", "citations"]  # type: ignore[index]


def test_vendored_htmx_is_the_released_file(client: FlaskClient) -> None:
    data = (ROOT / "static" / "htmx-2.0.11.min.js").read_bytes()
    assert (
        hashlib.sha256(data).hexdigest() == "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
    )
    assert b'data-htmx="/static/htmx-2.0.11.min.d6fdc75f20.js"' in client.get("/").data  # app.js fetches it


def test_security_headers_on_pages_and_errors(client: FlaskClient) -> None:
    for url in ("/", "/api/events", "/nowhere", "/?actor=nobody", "/static/app.css"):
        with client.get(url) as response:
            csp = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in csp
            assert "unsafe-inline" not in csp
            assert "frame-ancestors 'none'" in csp
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "Set-Cookie" not in response.headers


def test_only_get_and_head(client: FlaskClient) -> None:
    assert client.post("/").status_code == 405
    assert client.head("/").status_code == 200


def test_pages_are_compressed_for_clients_that_accept_it(client: FlaskClient) -> None:
    plain = client.get("/")
    squeezed = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert squeezed.headers["Content-Encoding"] == "gzip"
    assert len(squeezed.data) < len(plain.data) / 3
    assert "Accept-Encoding" in squeezed.headers["Vary"]
    assert gzip.decompress(squeezed.data) == plain.data


def test_moments_at_the_ends_of_the_calendar_are_shown_in_every_zone(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: edge-{i}\n    title: Edge {i}\n    date: {date}\n    zone: {zone}\n"
        "    citations:\n      - source: agency\n        quote: It happened.\n"
        for i, (date, zone) in enumerate(
            [("0001-01-02T00:00Z", "America/New_York"), ("9999-12-30T23:59Z", "Asia/Tokyo")]
        )
    )
    path.write_text(text + extra, encoding="utf-8")
    from timeline import create_app

    client = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""}
    ).test_client()
    for url in ("/", "/events/edge-0", "/events/edge-1", "/export.ics", "/export.atom", "/api/events/edge-1"):
        assert client.get(url).status_code == 200, url
