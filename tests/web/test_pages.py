"""The HTML of each page: landmarks, headings, regions, the time axis, meta tags, no inline code."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.support import Node, parse

HTMX = {"HX-Request": "true", "HX-Target": "results"}


def page(client: FlaskClient, path: str, status: int = 200, **headers: str) -> Node:
    """GET ``path`` and parse it."""
    response = client.get(path, headers=headers)
    assert response.status_code == status
    return parse(response.data)


PAGES = [
    "/",
    "/?actor=yulia-peresild",
    "/?from=2021-13",
    "/events/landing",
    "/sources/paper",
    "/actors/laika",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_landmarks_one_h1_and_a_skip_link(client: FlaskClient, path: str) -> None:
    doc = page(client, path, 400 if "13" in path else 200)
    assert doc.one("html").attrs["lang"] == "en"
    main = doc.one("main")
    assert main.attrs["id"] == "main"
    assert len(doc.find("h1")) == 1
    assert doc.one("h1").inside(main)
    skip = doc.find("a", "skip-link")[0]
    assert skip.attrs["href"] == "#main"
    assert doc.one("header")
    assert doc.one("footer")
    assert doc.one("nav", aria_label="Site")


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_styles_or_scripts(client: FlaskClient, path: str) -> None:
    doc = page(client, path, 400 if "13" in path else 200)
    for node in doc.walk():
        assert "style" not in node.attrs, node.tag
        assert not any(name.startswith(("on", "hx-on")) for name in node.attrs), node.tag
        if node.tag == "script":
            assert node.attrs.get("src", "").startswith("/static/")
    assert not doc.find("style")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "Mini timeline"),
        ("/?actor=yulia-peresild&country=KZ", "Yulia Peresild · Kazakhstan — Mini timeline"),
        ("/?from=2021&to=2021", "2021 to 2021 — Mini timeline"),
        ("/events/landing", "The crew lands in Kazakhstan — Mini timeline"),
    ],
)
def test_titles_and_share_previews_say_what_is_shown(client: FlaskClient, path: str, title: str) -> None:
    doc = page(client, path)
    assert doc.one("title").text == title
    meta = {n.attrs.get("property") or n.attrs.get("name"): n.attrs.get("content") for n in doc.find("meta")}
    assert meta["og:title"] == meta["twitter:title"] == title
    assert meta["og:description"]
    assert meta["twitter:description"]
    assert meta["description"]
    base = "http://127.0.0.1:5000"  # TIMELINE_BASE_URL's default: never the request's host
    assert meta["og:url"] == base + path
    assert doc.one("link", rel="canonical").attrs["href"] == base + path
    assert meta["og:image"].startswith(base + "/static/card.")
    assert meta["twitter:card"] == "summary"


def test_icon_and_share_image_are_served(client: FlaskClient) -> None:
    doc = page(client, "/")
    icon = doc.one("link", rel="icon")
    with client.get(icon.attrs["href"]) as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
    with client.get("/static/card.png") as response:
        assert response.status_code == 200
        assert response.data.startswith(b"\x89PNG")


def test_the_timeline_is_an_ordered_list_of_dated_events_with_headings(client: FlaskClient) -> None:
    doc = page(client, "/")
    years = doc.one("ol", "years")
    assert [h.text for h in years.find("h2", "year-heading")] == ["1957", "2021"]
    gap = years.one("li", "gap")
    assert gap.text == "63 years with no events"
    events = years.find("li", "event")
    assert len(events) == 5
    for event in events:
        assert event.parent is not None
        assert event.parent.tag == "ol"
        assert event.find("h3")
        stamp = event.one("time").attrs["datetime"]
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d:\d\dZ)?)?)?", stamp)


def test_status_and_alert_live_outside_the_swapped_region(client: FlaskClient) -> None:
    doc = page(client, "/")
    results = doc.one(id="results")
    status = doc.one(id="status")
    alert = doc.one(id="alert")
    assert status.attrs["role"] == "status"
    assert alert.attrs["role"] == "alert"
    assert not status.inside(results)
    assert not alert.inside(results)
    assert status.text == "5 events match."
    assert alert.text == ""


def test_a_bad_filter_is_explained_in_the_alert(client: FlaskClient) -> None:
    doc = page(client, "/?from=2021-13&actor=laika", 400)
    assert "'from' must be a date" in doc.one(id="alert").text
    assert doc.one("title").text == "Invalid filter — Mini timeline"
    assert doc.one("input", id="from").attrs["value"] == "2021-13"


def test_htmx_fragment_updates_status_alert_facets_and_axis(client: FlaskClient) -> None:
    doc = page(client, "/?actor=laika", **HTMX)
    assert not doc.find("main")
    assert doc.one(id="status").attrs["hx-swap-oob"] == "innerHTML"
    assert doc.one(id="status").text == "1 event matches the filters."
    assert doc.one(id="alert").attrs["hx-swap-oob"] == "innerHTML"
    assert doc.one(id="alert").text == ""
    assert doc.one(id="facets").attrs["hx-swap-oob"] == "true"
    assert doc.one("input", id="actor-laika").attrs.get("checked") == ""
    assert doc.one("nav", id="axis")


def test_htmx_fragment_for_a_bad_filter_fills_the_alert_and_keeps_the_facets(client: FlaskClient) -> None:
    doc = page(client, "/?from=nonsense&actor=laika", 400, **HTMX)
    assert "'from' must be a date" in doc.one(id="alert").text
    assert doc.one(id="status").text == "The filter could not be applied."
    assert not doc.find(id="facets")  # the user's choices stay as they are
    assert not doc.find(id="axis")


def test_active_filters_can_be_removed_one_by_one(client: FlaskClient) -> None:
    doc = page(client, "/?actor=yulia-peresild&country=KZ&from=2021-09&to=2021-10-17")
    chips = doc.one(cls="active-filters").find("a", "chip-remove")
    assert [(c.text, c.attrs["href"]) for c in chips] == [
        ("Yulia Peresild× (remove this filter)", "/?country=KZ&from=2021-09&to=2021-10-17"),
        ("Kazakhstan× (remove this filter)", "/?actor=yulia-peresild&from=2021-09&to=2021-10-17"),
        # Dates in words, as everywhere else ("from 2021-09" was the raw parameter).
        ("from Sept 2021× (remove this filter)", "/?actor=yulia-peresild&country=KZ&to=2021-10-17"),
        ("to 17 Oct 2021× (remove this filter)", "/?actor=yulia-peresild&country=KZ&from=2021-09"),
    ]
    for chip in chips:
        assert chip.attrs["hx-get"] == chip.attrs["href"]
    legend = doc.one("fieldset", "facet-actor").one("legend")
    assert legend.text == "Who (any of) 1 chosen"
    assert doc.one("title").text == "Yulia Peresild · Kazakhstan · Sept 2021 to 17 Oct 2021 — Mini timeline"


def test_event_cards_show_chips_status_sources_and_flagged_notes(client: FlaskClient) -> None:
    doc = page(client, "/")
    landing = doc.one("li", id="event-landing")
    chips = landing.one("ul", "chips").find("a", "chip")
    assert [(c.text, c.attrs["href"]) for c in chips] == [
        ("Yulia Peresild (aged 37)", "/?actor=yulia-peresild"),
        ("Russia", "/?country=RU"),
        ("Kazakhstan", "/?country=KZ"),
        ("#Landing", "/?tag=landing"),
    ]
    summary = landing.one("summary")
    assert summary.text == "2 sources: Daily Paper, Space Agency ⚑ 1 note on the record"  # oldest first
    citations = landing.find("li", "citation")
    assert citations[0].one("p", "note").text.startswith("⚑ Note on the record: They landed on 17 October")
    assert citations[1].one("a", "out").attrs["href"] == "https://example.org/report"
    assert "17 Oct 2021" in citations[1].one("p", "cite-head").text
    planned = doc.one("li", id="event-cruise-flight")
    assert "event-planned" in planned.classes
    assert planned.one("p", "status").text == "Planned — announced, but not what happened."


def test_source_page_uses_the_same_pieces(client: FlaskClient) -> None:
    doc = page(client, "/sources/paper")
    assert doc.one("h1").text == "A newspaper story"
    items = [li for li in doc.one("ol", "citing").children if li.tag == "li"]
    assert len(items) == 3
    for item in items:
        assert item.one("time").attrs["datetime"]
        assert item.one("h3").find("a")
    assert any(item.find("p", "note") for item in items)
