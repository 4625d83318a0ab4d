"""The JSON API: same filters as the page, documented shape, pages, JSON errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from timeline import create_app


def get(client: FlaskClient, url: str) -> Any:
    """The JSON body of a successful request."""
    response = client.get(url)
    assert response.status_code == 200, response.data
    assert response.mimetype == "application/json"
    return response.json


def test_actor_filter_returns_exactly_that_actors_events(client: FlaskClient) -> None:
    body = get(client, "/api/events?actor=yulia-peresild")
    assert [e["id"] for e in body["events"]] == ["launch", "landing"]
    assert all("yulia-peresild" in e["actors"] for e in body["events"])
    assert body["total"] == 2


def test_country_narrows_and_two_actors_give_the_union(client: FlaskClient) -> None:
    both = get(client, "/api/events?actor=yulia-peresild&country=RU")
    assert [e["id"] for e in both["events"]] == ["launch", "landing"]
    assert get(client, "/api/events?actor=yulia-peresild&country=SU")["total"] == 0
    union = get(client, "/api/events?actor=laika&actor=tom-cruise")
    assert [e["id"] for e in union["events"]] == ["laika", "cruise-flight"]


def test_event_shape(client: FlaskClient) -> None:
    event = get(client, "/api/events/landing")
    assert list(event) == [
        "id",
        "title",
        "date",
        "start",
        "end",
        "earliest",
        "latest",
        "uncertain",
        "approximate",
        "precision",
        "zone",
        "summary",
        "place",
        "actors",
        "countries",
        "tags",
        "status",
        "outcome",
        "added",
        "updated",
        "url",
        "citations",
        "media",
        "translations",
    ]
    assert event["date"] == "2021-10-17T04:35Z"
    assert event["start"] == "2021-10-17T04:35Z"
    assert event["end"] is None
    assert (event["earliest"], event["latest"]) == ("2021-10-17T04:35Z", "2021-10-17T04:35Z")
    assert (event["uncertain"], event["approximate"]) == (False, False)
    assert event["precision"] == "minute"
    assert event["url"].endswith("/events/landing")
    assert event["citations"][1] == {
        "source": "paper",
        "publisher": "Daily Paper",
        "title": "A newspaper story",
        "url": None,
        "quote": "They will return on October 16.",
        "note": "They landed on 17 October (UTC).",
        "language": "en",
        "translations": {"ru": {"note": "Они приземлились 17 октября (UTC)."}},
    }
    assert event["translations"]["ru"]["title"] == "Экипаж приземляется в Казахстане"


def test_precision_and_normalised_dates(client: FlaskClient) -> None:
    events = {e["id"]: e for e in get(client, "/api/events")["events"]}
    assert (events["sputnik-year"]["date"], events["sputnik-year"]["precision"]) == ("1957", "year")
    assert (events["laika"]["start"], events["laika"]["precision"]) == ("1957-11-03", "day")
    assert events["cruise-flight"]["date"] == "2021-10~"
    # An API consumer can place a year or an approximate month on an axis.
    assert (events["sputnik-year"]["earliest"], events["sputnik-year"]["latest"]) == (
        "1957-01-01",
        "1957-12-31",
    )
    assert (events["cruise-flight"]["earliest"], events["cruise-flight"]["latest"]) == (
        "2021-10-01",
        "2021-10-31",
    )
    assert events["cruise-flight"]["approximate"] is True
    assert events["cruise-flight"]["status"] == "planned"
    assert events["launch"]["precision"] == "second"


def test_facets_and_paging(client: FlaskClient) -> None:
    body = get(client, "/api/events?per_page=2&page=2")
    assert (body["total"], body["page"], body["per_page"]) == (5, 2, 2)
    assert [e["id"] for e in body["events"]] == ["cruise-flight", "launch"]
    assert body["facets"]["country"] == {"KZ": 2, "RU": 2, "SU": 2, "US": 1}
    assert body["facets"]["actor"]["yulia-peresild"] == 2


def test_invalid_filters_give_json_errors(client: FlaskClient) -> None:
    for url in ("/api/events?actor=nobody", "/api/events?from=2021-13", "/api/events?per_page=1001"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json
        assert response.json["error"]
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404
    assert missing.json == {
        "error": "There is no event with the id “nope”.",
        "errors": ["There is no event with the id “nope”."],
        "status": 404,
    }


def test_a_page_over_the_render_budget_is_a_400_that_names_it(data_file: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "TIMELINE_EVENTS": str(data_file),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_RENDER_LIMIT": 150,
        }
    )
    client = app.test_client()
    assert client.get("/api/events?per_page=150").status_code == 200
    refused = client.get("/api/events?per_page=151")
    assert refused.status_code == 400
    assert refused.json["error"] == "'per_page' must be a whole number from 1 to 150"  # type: ignore[index]
