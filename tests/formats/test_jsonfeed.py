"""JSON Feed 1.1: read back by fastfeedparser (a feed reader's parser) and checked against the spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import fastfeedparser
from flask.testing import FlaskClient

from bench.generate import generate
from tests.formats.conftest import HOSTILE, PUBLISHER, fetch, serve


def feed(client: FlaskClient, query: str = "") -> tuple[dict[str, Any], Any]:
    """The JSON Feed export of a view: as JSON, and as fastfeedparser reads it."""
    text = fetch(client, f"/export.json{query}", "application/feed+json")
    raw = json.loads(text)
    assert raw["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(raw["title"], str)
    assert all(isinstance(item["id"], str) for item in raw["items"])  # the spec's one required item field
    return raw, fastfeedparser.parse(text)


def test_items_carry_what_a_reader_shows(mini: FlaskClient) -> None:
    raw, parsed = feed(mini)
    assert parsed.feed.title == "Mini timeline"
    assert parsed.feed.author == PUBLISHER
    landing = parsed.entries[0]
    assert landing.id == landing.link == "http://localhost/events/landing"
    assert landing.title == "The crew lands in Kazakhstan"
    text = landing.content[0]["value"]
    assert text.startswith("17 Oct 2021, 04:35 UTC (10:35 Zhezkazgan time) · near Zhezkazgan, Kazakhstan")
    assert "“They will return on October 16.”\n  Note: They landed on 17 October (UTC)." in text
    assert landing.published == "2021-10-17T00:00:00+00:00"  # `added`
    assert landing.updated == "2021-10-18T06:00:00+00:00"  # `updated`
    assert [t["term"] for t in landing.tags] == ["Landing"]
    item = raw["items"][0]
    assert item["external_url"] == "https://example.org/report"
    moment = "2021-10-17T04:35Z"
    assert item["_timeline"] == {
        "date": moment,
        "earliest": moment,
        "latest": moment,
        "status": "happened",
        "zone": "Asia/Almaty",
    }


def test_a_planned_event_says_so_and_keeps_its_vague_date(mini: FlaskClient) -> None:
    raw, parsed = feed(mini, "?actor=tom-cruise")
    [planned] = parsed.entries
    text = planned.content[0]["value"]
    assert text.startswith("c. Oct 2021\n\nPlanned — announced, but not what happened.")
    assert raw["items"][0]["_timeline"]["date"] == "2021-10~"
    assert raw["home_page_url"] == "http://localhost/?actor=tom-cruise"
    assert raw["feed_url"] == "http://localhost/export.json?actor=tom-cruise"


def test_a_feed_holds_the_newest_hundred_unless_asked_for_more(tmp_path: Path) -> None:
    client = serve(tmp_path, generate(130)).test_client()
    newest = feed(client)[1].entries
    assert len(newest) == 100
    every = feed(client, "?limit=130")[1].entries
    assert len(every) == 130
    assert [e.id for e in newest] == [e.id for e in every[:100]]
    api = client.get("/api/events?per_page=1000").json
    assert api is not None
    assert [e.id for e in every] == [e["url"] for e in reversed(api["events"])]  # latest first


def test_hostile_text_stays_text(hostile: FlaskClient) -> None:
    raw, parsed = feed(hostile)
    assert raw["title"] == parsed.feed.title == HOSTILE
    assert raw["items"][0]["title"] == parsed.entries[0].title == HOSTILE
    assert f"“{HOSTILE}”\n  Note: {HOSTILE}" in parsed.entries[0].content[0]["value"]
