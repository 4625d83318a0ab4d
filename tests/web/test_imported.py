"""Import → `timeline check` → serve: a TimelineJS timeline shows every event with its media,
credits and links."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.support import DATA, event_ids, parse
from timeline import create_app
from timeline.cli import main
from timeline.load import load

HOSTS = "upload.wikimedia.org,www.youtube-nocookie.com"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """TimelineJS's own example sheet, imported and checked."""
    target = tmp_path_factory.mktemp("imported") / "events.yaml"
    assert main(["import", str(DATA / "timelinejs" / "my-own-timeline.csv"), "-o", str(target)]) == 0
    assert main(["check", str(target)]) == 0
    return target


@pytest.fixture
def site(imported: Path) -> FlaskClient:
    config = {"TESTING": True, "TIMELINE_EVENTS": str(imported), "TIMELINE_CACHE_DIR": ""}
    return create_app({**config, "TIMELINE_MEDIA_HOSTS": HOSTS}).test_client()


def test_every_event_is_on_the_timeline(site: FlaskClient, imported: Path) -> None:
    timeline = load(imported)
    page = site.get("/")
    assert page.status_code == 200
    assert event_ids(page.data) == [e.id for e in timeline.events]
    assert parse(page.data).one("h1").text == "MY OWN CSV"


def test_each_event_page_shows_its_media_credits_and_links(site: FlaskClient, imported: Path) -> None:
    timeline = load(imported)
    for event in timeline.events:
        doc = parse(site.get(f"/events/{event.id}").data)
        shown = doc.find("figure", "media")
        assert len(shown) == len(event.media), event.id
        for figure, media in zip(shown, event.media, strict=True):
            assert media.url in {a.attrs["href"] for a in figure.find("a")}, event.id
            if media.credit:
                assert figure.one("span", "credit").text == f"Credit: {media.credit}"
            if media.kind == "image" and media.url.startswith("https://upload.wikimedia.org/"):
                assert figure.one("img").attrs["alt"] == media.alt
        links = {a.attrs["href"] for a in doc.find("a", "out")}
        for cite in event.citations:
            source = timeline.sources[cite.source]
            if source.url:
                assert source.url in links, (event.id, source.url)
    ada = parse(site.get("/events/ada-lovelace").data)
    assert ada.one("img").attrs["src"].startswith("https://upload.wikimedia.org/")
    assert ada.one("span", "credit").text == "Credit: Wikimedia Commons"
    assert [a.text for a in ada.find("a", "out") if "wikipedia.org/wiki/" in a.attrs["href"]][:2] == [
        "en.wikipedia.org: Ada Lovelace",
        "en.wikipedia.org: Charles Babbage's Analytical Engine",
    ]


def test_claims_without_a_link_say_they_still_need_a_source(site: FlaskClient) -> None:
    doc = parse(site.get("/events/edith-clarke-bucking-the-trend").data)
    assert "This claim still needs a source" in doc.one("p", "note").text
