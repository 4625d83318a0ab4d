"""The HTML of each page: landmarks, headings, regions, the time axis, meta tags, no inline code."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
    assert meta["og:url"] == base + "/en" + path  # the page in its language (see test_languages)
    assert doc.one("link", rel="canonical").attrs["href"] == base + "/en" + path
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
    # The facets stay on the page: only their counts come, for app.js to put in place.
    assert not doc.find(id="facets")
    counts = doc.one("template", id="facet-counts")
    data = json.loads(counts.attrs["data-counts"])
    assert data["counts"]["actor"] == {"yulia-peresild": 2, "laika": 1, "tom-cruise": 1}  # any of them
    assert data["selected"]["actor"] == ["laika"]
    assert data["chosen"]["actor"] == "1 chosen"
    assert data["words"]["1"] == ["1", "1 event"]
    full = page(client, "/?actor=laika")
    assert counts.attrs["data-version"] == full.one(id="facets").attrs["data-version"]
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
    assert all("data-swap" in chip.attrs for chip in chips)  # swapped in place by app.js
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


def test_chips_on_event_cards_are_plain_links_to_the_filtered_timeline(client: FlaskClient) -> None:
    # On the timeline page app.js swaps the results in place (tests/browser/test_flows.py);
    # without it, or on other pages, a chip opens the filtered timeline.
    for path in ("/", "/actors/laika", "/events/laika"):
        chip = next(c for c in page(client, path).find("a", "chip-actor") if c.text == "Laika")
        assert chip.attrs["href"] == "/?actor=laika"
        assert not [name for name in chip.attrs if name.startswith("hx-")]


def test_the_htmx_answer_to_a_bad_filter_swaps_nothing_and_pushes_nothing(client: FlaskClient) -> None:
    response = client.get("/?from=2021-13&actor=laika", headers=HTMX)
    assert response.status_code == 400
    assert response.headers["HX-Reswap"] == "none"
    assert response.headers["HX-Push-Url"] == "false"
    doc = parse(response.data)
    assert doc.one(id="alert").one("div", "problem").attrs["data-invalid"] == "from"
    assert "still shows the events of the last filter that worked" in doc.one(id="alert").text
    assert not doc.find("title")  # the page keeps the title of what it still shows


def test_the_page_for_a_bad_filter_keeps_the_valid_choices_and_marks_the_field(client: FlaskClient) -> None:
    doc = page(client, "/?from=2021-13&actor=laika&q=orbit", 400)
    assert doc.one("input", id="from").attrs["aria-invalid"] == "true"
    assert "aria-invalid" not in doc.one("input", id="q").attrs
    assert doc.one("input", name="actor", value="laika").attrs.get("checked") == ""
    assert doc.one("input", id="q").attrs["value"] == "orbit"
    assert "open" in doc.one("details", "filters-panel").attrs  # shown on phones too
    assert doc.one(id="active-count").text == "(2 active)"


def test_facets_explain_how_they_combine_and_grey_what_gives_nothing(client: FlaskClient) -> None:
    doc = page(client, "/?country=KZ")
    facets = doc.one(id="facets")
    assert "any of them" in facets.one("p", "facet-logic").text
    assert [lg.text.split(" (")[0] for lg in facets.find("legend")] == ["Who", "Country", "Kind of event"]
    assert all("(any of)" in lg.text for lg in facets.find("legend"))
    laika, yulia = (facets.one("input", name="actor", value=v).parent for v in ("laika", "yulia-peresild"))
    assert laika is not None
    assert laika.tag == "label"  # which holds the checkbox
    assert laika.text == "Laika 0 0 events"
    assert laika.parent is not None
    assert "none" in laika.parent.classes  # the list item: greyed
    assert yulia is not None
    assert yulia.parent is not None
    assert "none" not in yulia.parent.classes


def test_the_json_link_and_the_active_count_follow_the_filters(client: FlaskClient) -> None:
    doc = page(client, "/?actor=laika&from=1957")
    assert doc.one("a", id="json-link").attrs["href"] == "/api/events?actor=laika&from=1957"
    assert doc.one(id="active-count").text == "(2 active)"
    fragment = page(client, "/?actor=laika", **HTMX)
    link = fragment.one("a", id="json-link")
    assert (link.attrs["href"], link.attrs["hx-swap-oob"]) == ("/api/events?actor=laika", "true")
    assert fragment.one(id="active-count").text == "(1 active)"
    elsewhere = page(client, "/events/laika").one("nav", aria_label="Site").find("a")
    assert elsewhere[1].attrs["href"] == "/api/events"


def test_a_form_sent_without_javascript_is_redirected_without_its_empty_fields(client: FlaskClient) -> None:
    response = client.get("/?q=&from=&to=&actor=laika&actor=")
    assert response.status_code == 302
    assert response.headers["Location"] == "/?actor=laika"
    assert client.get("/?q=&from=&to=").headers["Location"] == "/"
    # htmx requests never carry them (app.js drops them); were one to, it is answered as is.
    assert client.get("/?q=&actor=laika", headers=HTMX).status_code == 200


def test_quotes_that_open_with_their_own_mark_get_no_second_one(client: FlaskClient, data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8")
    quoted = text.replace("quote: The rocket lifted off", "quote: “The rocket lifted off")
    data_file.write_text(quoted, encoding="utf-8")
    client.application.extensions["timeline.store"].check()
    quotes = page(client, "/").one("li", id="event-launch").find("blockquote")
    assert [q.classes for q in quotes] == [["quote", "self-quoted"]]
    assert quotes[0].text == "“The rocket lifted off on Tuesday."


def test_text_in_cyrillic_is_marked_as_russian(client: FlaskClient) -> None:
    doc = page(client, "/actors/yulia-peresild")
    assert [n.text for n in doc.find("span", lang="ru")] == ["Юлия Пересильд", "Пересильд"]  # and an alias
    assert doc.one("html").attrs["lang"] == "en"


def test_the_404_page_has_the_site_frame_and_a_search(client: FlaskClient) -> None:
    doc = page(client, "/events/nothing-here", 404)
    assert doc.one("a", "brand").text == "Mini timeline"
    assert doc.one("nav", aria_label="Site")
    assert doc.one("footer")
    search = doc.one("form", role="search")
    assert search.attrs["action"] == "/"
    assert search.one("input").attrs["name"] == "q"
    assert doc.one("title").text == "Not found (404) — Mini timeline"
