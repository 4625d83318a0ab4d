"""The time axis as HTML, without JavaScript: every mark, cluster, tick and step is a plain link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from bench.generate import generate
from tests.support import ROOT, Node, event_ids, parse
from timeline import create_app

HTMX = {"HX-Request": "true", "HX-Target": "results"}
STEPS = {"out": "Zoom out", "in": "Zoom in", "earlier": "Earlier", "later": "Later"}


def axis(client: FlaskClient, path: str, status: int = 200) -> Node:
    response = client.get(path)
    assert response.status_code == status
    return parse(response.data).one("nav", id="axis")


def steps(nav: Node) -> dict[str, str]:
    """The zoom and pan links that lead somewhere, by name."""
    return {a.attrs["data-step"]: a.attrs["href"] for a in nav.find("a", "axis-step")}


def svg_elements(nav: Node) -> int:
    return sum(len(svg.walk()) for svg in nav.find("svg"))


@pytest.fixture(scope="module")
def story() -> FlaskClient:
    """A client of the bundled story."""
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(ROOT / "events.yaml"), "TIMELINE_CACHE_DIR": ""}
    )
    return app.test_client()


def test_marks_are_links_to_event_pages_that_carry_the_view(client: FlaskClient) -> None:
    nav = axis(client, "/?tag=launch&from=2021&to=2021")
    wide = nav.one("svg", "ax-wide")
    marks = wide.find("a", "ax-m")
    assert [(m.attrs["aria-label"], m.attrs["href"]) for m in marks] == [
        (
            "The crew launches from Baikonur, 5 Oct 2021, 08:55 UTC",
            "/events/launch?tag=launch&from=2021&to=2021",
        )
    ]
    assert marks[0].attrs["data-p"] == "Baikonur Cosmodrome, Kazakhstan"  # for the tooltip
    assert marks[0].one("rect", "ax-hit").attrs["height"] == "24"  # a 24 px target
    assert "data-swap" not in marks[0].attrs  # an event page is a page of its own


def test_planned_events_say_so_in_words_and_shape(client: FlaskClient) -> None:
    nav = axis(client, "/?from=2021-10&to=2021-10")
    planned = nav.one("svg", "ax-wide").one("a", "is-planned")
    assert planned.attrs["aria-label"] == "Cruise to fly in October, c. Oct 2021 (planned, did not happen)"
    assert "is-doubt" in planned.classes  # approximate: dashed
    assert planned.one("use", "ax-glyph").attrs["href"] == "#ax-planned"  # a diamond, not just a colour
    assert planned.one("rect", "ax-band")  # across the month it may denote


def test_clusters_zoom_into_their_span_in_place(client: FlaskClient) -> None:
    nav = axis(client, "/")
    cluster = nav.one("svg", "ax-wide").find("a", "ax-c")[-1]
    assert cluster.attrs["aria-label"] == "3 events, 1 Oct 2021 – 17 Oct 2021: zoom in"
    assert cluster.text == "3"
    href = cluster.attrs["href"]
    assert href == "/?from=2021-10-01&to=2021-10-17"
    assert "data-swap" in cluster.attrs  # app.js swaps the results in place (and pushes the URL)
    assert event_ids(client.get(href).data) == ["cruise-flight", "launch", "landing"]


def test_the_long_empty_stretch_is_a_break_named_in_words(client: FlaskClient) -> None:
    nav = axis(client, "/")
    assert len(nav.one("svg", "ax-wide").find("g", "ax-gap")) == 1
    summary = nav.one("p", "axis-summary").text
    assert summary.startswith("5 events, 1957 – 2021. Times in UTC.")
    assert "No events between 3 Nov 1957 and c. Oct 2021." in summary
    assert nav.one("svg", "ax-wide").one("text", "ax-gap-label").text == "63 yrs"


def test_tick_labels_zoom_to_their_unit(client: FlaskClient) -> None:
    nav = axis(client, "/?from=2021&to=2021")
    ticks = nav.one("svg", "ax-wide").find("a", "ax-t")
    october = next(t for t in ticks if t.text == "Oct")
    assert october.attrs["aria-label"] == "Zoom to Oct 2021"
    assert october.attrs["href"] == "/?from=2021-10&to=2021-10"
    assert "data-swap" in october.attrs


def test_zoom_and_pan_are_links_that_keep_the_filters(client: FlaskClient) -> None:
    nav = axis(client, "/?actor=yulia-peresild&from=2021-10&to=2021-10")
    assert steps(nav) == {
        "out": "/?actor=yulia-peresild",  # a year would hold every one of her events: every date
        "in": "/?actor=yulia-peresild&from=2021-10-17&to=2021-10-17",  # the day of her middle event
    }  # nothing of hers before or after October 2021: no Earlier, no Later
    assert [s.text for s in nav.find("span", "is-off")] == ["← Earlier", "→ Later"]
    wide = axis(client, "/?from=2021-10&to=2021-10")
    assert steps(wide) == {
        "out": "/?from=2021&to=2021",
        "in": "/?from=2021-10-05&to=2021-10-05",
        "earlier": "/?from=2021-09&to=2021-09",
    }  # no event after October 2021: no Later


def test_all_time_zooms_to_october_2021_and_to_the_launch_day_in_three_links(story: FlaskClient) -> None:
    path, seen = "/", []
    for _ in range(3):
        path = steps(axis(story, path))["in"]
        seen.append(path)
    assert seen == ["/?from=2021&to=2021", "/?from=2021-10&to=2021-10", "/?from=2021-10-05&to=2021-10-05"]
    assert event_ids(story.get(path).data) == [
        "cruise-october-2021-flight-reported",
        "filming-aboard-iss",
        "soyuz-ms-19-launch",
        "soyuz-ms-19-docking",
    ]
    # The same three steps by tick labels: 2021 is a label of all time only on wide screens.
    october = next(a for a in axis(story, seen[0]).find("a", "ax-t") if a.text == "Oct")
    day = next(a for a in axis(story, october.attrs["href"]).find("a", "ax-t") if a.text == "5")
    assert day.attrs["href"] == seen[2]


def test_lanes_are_a_choice_kept_by_every_link(story: FlaskClient) -> None:
    nav = axis(story, "/?lanes=country")
    labels = [t.text for t in nav.one("svg", "ax-wide").find("text", "ax-lane-label")]
    assert labels[:4] == ["Russia · 20", "Kazakhstan · 13", "United States · 11", "Soviet Union · 7"]
    chosen = nav.one(cls="axis-lanes")
    assert chosen.one("strong").text == "Country"
    assert [a.attrs["href"] for a in chosen.find("a")] == ["/", "/?lanes=actor", "/?lanes=tag"]
    assert steps(nav)["in"] == "/?from=2021&to=2021&lanes=country"
    page = parse(story.get("/?lanes=country&tag=launch").data)
    assert page.one("input", name="lanes").attrs["value"] == "country"  # the filter form keeps them
    assert page.one("a", "chip-remove").attrs["href"] == "/?lanes=country"
    download = parse(story.get("/?lanes=country&tag=launch").data).find("a", type="text/calendar")[0]
    assert (
        download.attrs["href"] == "/export.ics?tag=launch"
    )  # lanes are how the page draws, not what it holds
    assert story.get(download.attrs["href"]).status_code == 200
    narrow = nav.one("svg", "ax-narrow").find("text", "ax-lane-label")
    assert [t.text for t in narrow][-1].startswith("Other")  # phones: three lanes and the rest


def test_a_window_to_the_minute_is_a_valid_filter(story: FlaskClient) -> None:
    nav = axis(story, "/?from=2021-10-05T08Z&to=2021-10-05T08Z")
    assert nav.one("span", "axis-window").text == "5 Oct 2021, 08:00–08:59 UTC"
    assert [t.text for t in nav.one("svg", "ax-wide").find("text", "ax-tl")][:3] == [
        "08:00",
        "08:05",
        "08:10",
    ]
    assert (
        "from 5 Oct 2021, 08:00 UTC"
        in parse(story.get("/?from=2021-10-05T08Z").data).one(cls="active-filters").text
    )
    assert story.get("/?from=2021-10-05T24Z").status_code == 400
    assert story.get("/?lanes=colour").status_code == 400


def test_the_axis_is_swapped_with_the_list(client: FlaskClient) -> None:
    doc = parse(client.get("/?from=2021-10&to=2021-10", headers=HTMX).data)
    assert doc.one("nav", id="axis").one("span", "axis-window").text == "Oct 2021"
    assert event_ids(doc.element.decode()) == ["cruise-flight", "launch", "landing"]


def test_a_window_without_events_still_has_its_axis(client: FlaskClient) -> None:
    nav = axis(client, "/?from=1990&to=1990")
    assert nav.one("p", "axis-summary").text == "0 events, 1990. Times in UTC."
    assert set(steps(nav)) == {"out", "in", "earlier", "later"}


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """A client of 20,000 generated events (the element count no longer grows well before that)."""
    path: Path = tmp_path_factory.mktemp("many") / "events.yaml"
    path.write_text(generate(20_000), encoding="utf-8")
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""})
    return app.test_client()


@pytest.mark.parametrize(
    "query",
    ["", "lanes=actor", "lanes=country", "lanes=tag&from=1990&to=1999", "from=2000&to=2000&lanes=actor",
     "from=2021-10&to=2021-10", "from=2021-10-05&to=2021-10-05&lanes=country", "actor=actor-3&lanes=tag"],
)  # fmt: skip
def test_the_axis_stays_within_two_thousand_elements(many: FlaskClient, query: str) -> None:
    nav = axis(many, "/?" + query)
    assert svg_elements(nav) <= 2000
    assert re.search(r"^[\d,]+ events?, ", nav.one("p", "axis-summary").text)


def test_the_event_page_reads_on_within_the_view_it_was_opened_from(story: FlaskClient) -> None:
    doc = parse(story.get("/events/soyuz-ms-19-launch?actor=yulia-peresild").data)
    assert doc.one("p", "reading-where").text == (
        "5 of 10 in this view (Yulia Peresild) · Back to the list at this event"
    )
    assert doc.one("a", "reading-back").attrs["href"] == "/?actor=yulia-peresild#event-soyuz-ms-19-launch"
    nav = doc.one("nav", "reading")
    previous, following = nav.one("a", rel="prev"), nav.one("a", rel="next")
    assert previous.attrs["href"] == "/events/filming-aboard-iss?actor=yulia-peresild"
    assert (
        previous.text
        == "← Previous Twelve days of filming The Challenge aboard the ISS 5 Oct 2021 – 17 Oct 2021"
    )
    assert following.attrs["href"] == "/events/soyuz-ms-19-docking?actor=yulia-peresild"
    assert "12:22 UTC" in following.one("span", "reading-when").text
    assert nav.one("p", "reading-keys").text == "Keyboard: ← previous event, → next event."
    canonical = doc.one("link", rel="canonical").attrs["href"]
    assert canonical.endswith("/events/soyuz-ms-19-launch")  # the view is not another page


def test_the_view_travels_from_the_list_and_the_axis_to_the_event_page(story: FlaskClient) -> None:
    doc = parse(story.get("/?country=US&per_page=5&page=2").data)
    card = doc.find("li", "event")[0]
    link = card.one("h3", "event-title").one("a").attrs["href"]
    assert link == "/events/doge-1-announced?country=US&per_page=5"  # the sixth
    back = parse(story.get(link).data).one("a", "reading-back").attrs["href"]
    assert back == "/?country=US&per_page=5&page=2#event-doge-1-announced"
    actor = parse(story.get("/actors/yulia-peresild").data).find("h3", "event-title")[0].one("a")
    assert actor.attrs["href"] == "/events/peresild-shipenko-selected?actor=yulia-peresild"  # her events
    mark = axis(story, "/?country=US&from=2020&to=2020").one("svg", "ax-wide").find("a", "ax-m")[0]
    assert mark.attrs["href"].endswith("?country=US&from=2020&to=2020")


def test_a_permalink_without_a_view_reads_on_through_the_whole_timeline(story: FlaskClient) -> None:
    doc = parse(story.get("/events/sputnik-1").data)
    assert doc.one("p", "reading-where").text.startswith("1 of 36 in this timeline")
    assert not doc.find("a", rel="prev")
    assert doc.one("a", rel="next").attrs["href"] == "/events/sputnik-2-laika"
    broken = parse(story.get("/events/sputnik-1?from=nonsense").data)  # a broken view still opens the event
    assert broken.one("p", "reading-where").text.startswith("1 of 36 in this timeline")


def test_the_key_explains_the_kinds_of_mark_the_axis_draws_and_no_others(story: FlaskClient) -> None:
    def key(path: str) -> list[str]:
        found = axis(story, path).find("ul", "axis-key")
        return [li.text.strip() for li in found[0].find("li")] if found else []

    assert key("/?actor=yulia-peresild&country=KZ") == ["event", "date within"]  # two dots and a day
    october = key("/?from=2021-10&to=2021-10")
    assert october == ["event", "span", "date within", "planned", "several"]  # the filming, Cruise's plan
    assert "planned" not in key("/?country=KZ")
    assert key("/?from=1990&to=1990") == []  # nothing drawn, nothing to explain
