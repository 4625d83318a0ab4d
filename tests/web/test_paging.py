"""Actor, country and source pages show their events 100 at a time, with "more", like the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bench.generate import generate
from tests.support import event_ids, parse
from timeline import create_app
from timeline.query import events_with

MORE = {"HX-Request": "true", "HX-Target": "more"}
LISTS = [
    ("/actors/actor-1", "actor", "actor-1"),
    ("/countries/RU", "country", "RU"),
    ("/sources/source-1", "source", "source-1"),
]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The app on 2,500 generated events: every actor, country and source has more than 200."""
    path: Path = tmp_path_factory.mktemp("paging") / "events.yaml"
    path.write_text(generate(2500), encoding="utf-8")
    return create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""})


def shown(html: str, name: str) -> list[str]:
    """The events a list page shows, in order (a source page lists citations, not cards)."""
    if name != "source":
        return event_ids(html)
    links = parse(html).find("ol", "citing")[0].find("a")
    return [a.attrs["href"].removeprefix("/events/") for a in links]


@pytest.mark.parametrize(("url", "name", "value"), LISTS)
def test_the_pages_together_show_every_event_once_in_order(
    big: Flask, url: str, name: str, value: str
) -> None:
    client = big.test_client()
    everything = [e.id for e in events_with(big.extensions["timeline.store"].snapshot, name, value)]
    assert len(everything) > 200
    seen: list[str] = []
    page, next_url = 1, url
    while next_url:
        html = client.get(next_url).text
        ids = shown(html, name)
        assert len(ids) == min(100, len(everything) - len(seen))
        seen += ids
        more = parse(html).find("div", id="more")[0].find("a")
        next_url = more[0].attrs["href"] if more else ""
        page += 1
        if next_url:
            assert next_url == f"{url}?page={page}"
            assert f"({len(everything) - len(seen)} more)" in more[0].text
    assert seen == everything


@pytest.mark.parametrize(("url", "name", "value"), LISTS)
def test_more_for_htmx_is_the_next_page_alone(big: Flask, url: str, name: str, value: str) -> None:
    client = big.test_client()
    fragment = client.get(url + "?page=2", headers=MORE).text
    full = client.get(url + "?page=2").text
    assert "<html" not in fragment
    assert shown(fragment, name) == shown(full, name)
    assert 'hx-get="' + url + '?page=3"' in fragment
    assert f'<a href="{url}">' in full  # "Earlier events": back to the first page
    assert "Events 101–200 of" in full


@pytest.mark.parametrize(("url", "name", "value"), LISTS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=999", "there are only"),
        ("page=0", "must be a whole number"),
        ("page=x", "must be a whole number"),
        ("page=1&page=2", "only once"),
    ],
)
def test_a_bad_page_is_a_400_that_says_why(
    big: Flask, url: str, name: str, value: str, query: str, message: str
) -> None:
    response = big.test_client().get(f"{url}?{query}")
    assert response.status_code == 400
    assert message in response.text


def test_other_parameters_are_dropped_and_the_page_kept(big: Flask) -> None:
    client = big.test_client()
    assert shown(client.get("/actors/actor-1?utm_source=x&page=2").text, "actor") == shown(
        client.get("/actors/actor-1?page=2").text, "actor"
    )


def test_a_short_list_has_no_pager(client: FlaskClient) -> None:
    html = client.get("/actors/laika").text
    assert "Show more events" not in html
    assert "Events 1–" not in html
