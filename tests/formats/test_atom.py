"""Atom: read back by feedparser, which must find nothing wrong (``bozo`` 0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from bench.generate import generate
from tests.formats.conftest import HOSTILE, MINI, PUBLISHER, VERSION_TIME, fetch, serve


def atom(client: FlaskClient, query: str = "") -> Any:
    """The Atom export of a view, as feedparser reads it (checked to be well formed)."""
    parsed = feedparser.parse(fetch(client, f"/export.atom{query}", "application/atom+xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_an_entry_links_its_page_and_its_sources(story: FlaskClient) -> None:
    entries = {e.id: e for e in atom(story).entries}
    landing = entries["http://localhost/events/soyuz-ms-18-landing"]
    assert landing.link == "http://localhost/events/soyuz-ms-18-landing"
    assert landing.title == "Soyuz MS-18 lands in Kazakhstan with the first film crew back from orbit"
    related = [link.href for link in landing.links if link.rel == "related"]
    assert related[0] == "https://tass.com/science/1350499"
    assert related[1].startswith("https://www.newsbreak.com/news/2405578998821/")
    assert len(related) == len(set(related))  # a source cited twice is linked once
    assert landing.summary.startswith("17 Oct 2021, 04:35 UTC (10:35 Zhezkazgan time) · Steppe southeast")
    assert [t.term for t in landing.tags] == ["landing", "film"]


def test_quotes_and_notes_reach_the_reader(mini: FlaskClient) -> None:
    landing = atom(mini).entries[0]
    content = landing.content[0].value
    assert "<blockquote>“They will return on October 16.”</blockquote>" in content
    assert "<p>Note: They landed on 17 October (UTC).</p>" in content
    assert '<a href="https://example.org/report">Space Agency, “Agency report” (17 Oct 2021)</a>' in content
    planned = atom(mini, "?tag=film").entries[1]
    assert planned.title == "Cruise to fly in October"
    assert "Planned — announced, but not what happened." in planned.content[0].value


def test_dates_come_from_the_data(mini: FlaskClient) -> None:
    feed = atom(mini)
    assert feed.feed.updated_parsed[:6] == VERSION_TIME.timetuple()[:6]  # the data version's time
    landing, launch = feed.entries[0], feed.entries[1]
    assert landing.updated == "2021-10-18T06:00:00Z"  # its `updated`
    assert landing.published == "2021-10-17T00:00:00Z"  # its `added`
    assert launch.updated == "2026-11-30T12:00:00Z"  # none: the data's time
    assert "published" not in launch


def test_the_feed_names_its_publisher_view_and_self(mini: FlaskClient, tmp_path: Path) -> None:
    feed = atom(mini, "?country=KZ").feed
    assert feed.title == "Mini timeline — Kazakhstan"
    assert feed.author == PUBLISHER
    assert feed.link == "http://localhost/?country=KZ"
    assert [link.href for link in feed.links if link.rel == "self"] == [
        "http://localhost/export.atom?country=KZ"
    ]
    unnamed = serve(tmp_path, MINI, TIMELINE_PUBLISHER="").test_client()
    assert atom(unnamed).feed.author == "Mini timeline"  # no publisher set: the timeline's title


def test_a_feed_holds_the_newest_hundred_unless_asked_for_more(tmp_path: Path) -> None:
    client = serve(tmp_path, generate(150)).test_client()
    newest = atom(client).entries
    assert len(newest) == 100
    every = atom(client, "?limit=150").entries
    assert len(every) == 150
    assert [e.id for e in newest] == [e.id for e in every[:100]]  # the latest first
    api = client.get("/api/events?per_page=1000").json
    assert api is not None
    assert [e.id for e in every] == [e["url"] for e in reversed(api["events"])]
    assert len(atom(client, "?limit=3").entries) == 3


def test_hostile_text_stays_text(hostile: FlaskClient) -> None:
    feed = atom(hostile)
    readable = HOSTILE.replace("\ufffe", "")  # XML cannot carry U+FFFE at all: it is dropped
    assert feed.feed.title == readable
    entry = feed.entries[0]
    assert entry.title == readable
    assert entry.summary.endswith(readable)
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert [q.get_text() for q in content.find_all("blockquote")] == [f"“{readable}”"] * 2
    assert content.find_all("p")[-1].get_text() == f"Note: {readable}"
    assert not content.find_all(["script", "title"])
