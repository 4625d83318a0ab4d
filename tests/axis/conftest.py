"""Fixtures for the axis: the bundled story and small timelines, and a helper that builds an axis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from tests.support import ROOT
from timeline import axis, create_app
from timeline.axis.build import Axis
from timeline.load import build as load_build
from timeline.load.cache import load_cached
from timeline.model import Timeline
from timeline.query import apply, parse_query


@pytest.fixture(scope="session")
def story() -> Timeline:
    """The bundled story (events.yaml): 36 events from 1957 to 2023."""
    return load_cached(ROOT / "events.yaml", None)


@pytest.fixture(scope="session")
def story_app() -> Iterator[Flask]:
    """An app on the bundled story, with a request context (messages and links need one)."""
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(ROOT / "events.yaml"), "TIMELINE_CACHE_DIR": ""}
    )
    with app.test_request_context():
        yield app


def build(timeline: Timeline, **params: str) -> Axis:
    """The axis of ``timeline`` for the query string ``params`` (``from_`` stands for ``from``)."""
    args = MultiDict([(k.rstrip("_"), v) for k, v in params.items()])
    query = parse_query(args, timeline)
    built = axis.build(timeline, query, apply(timeline, query))
    assert built is not None
    return built


def timeline_of(*events: str | dict[str, str]) -> Timeline:
    """A timeline of events given by date ("2021-10-05") or by fields ({"date": …, "end": …, "status": …})."""
    lines = [
        "title: T", "actors: []", "sources:", "  - {id: s, title: S, publisher: P}", "events:",
    ]  # fmt: skip
    for number, event in enumerate(events):
        fields = {"date": event} if isinstance(event, str) else event
        lines += [f"  - id: e{number}", f"    title: Event {number}"]
        lines += [
            f"    {key}: {value}" if key == "countries" else f"    {key}: '{value}'"
            for key, value in fields.items()
        ]
        lines += ["    citations:", "      - {source: s, quote: Q}"]
    return load_build("\n".join(lines).encode())
