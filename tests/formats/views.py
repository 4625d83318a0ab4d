"""Views of a data file, as the export route hands them to writers, without Flask."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from timeline.formats import FORMATS
from timeline.formats.view import Links, View
from timeline.load import load
from timeline.model import Event, Timeline

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
BASE = "https://timeline.example"
LINKS = Links(
    event=lambda ident: f"{BASE}/events/{ident}",
    source=lambda ident: f"{BASE}/sources/{ident}",
    view=f"{BASE}/",
    home=f"{BASE}/",
)


def view_of(timeline: Timeline, events: Iterable[Event] | None = None) -> View:
    """A view of ``events`` (default: all of them, streamed as a generator)."""
    chosen = list(timeline.events if events is None else events)
    return View(
        timeline, iter(chosen), len(chosen), timeline.title, LINKS, datetime(2021, 10, 17, tzinfo=UTC)
    )


def export(path: Path, name: str) -> str:
    """The whole timeline in ``path`` exported in format ``name``."""
    return "".join(FORMATS[name].write(view_of(load(path))))
