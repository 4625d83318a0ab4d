"""TimelineJS's Google-Sheets template as CSV (``timelinejs.csv``), to paste into a newsroom's sheet.

The columns are the template's, in its order — Year, Month, Day, Time, End Year, End Month,
End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media
Thumbnail, Type, Group, Background — and then Alt Text, which TimelineJS also reads.  The first
row is the title slide (Type ``title``); times are UTC, the Display Date says the rest (see
:mod:`timeline.formats.timelinejs`).  Cells are spreadsheet-safe.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.formats import cells, timelinejs
from timeline.formats.view import View
from timeline.model import Event

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background", "Alt Text",
)  # fmt: skip


def _date_cells(parts: dict[str, int] | None) -> list[str]:
    """Year, Month, Day and Time cells for a TimelineJS date object."""
    if parts is None:
        return ["", "", "", ""]
    time = ""
    if "hour" in parts:
        time = f"{parts['hour']:02d}:{parts['minute']:02d}"
        time += f":{parts['second']:02d}" if "second" in parts else ""
    return [str(parts["year"]), str(parts.get("month", "")), str(parts.get("day", "")), time]


def row(view: View, slides: timelinejs.Slides, event: Event) -> list[str]:
    """One event's row, in :data:`COLUMNS` order."""
    start, end, display = timelinejs.dates(event)
    media = timelinejs.media(event) or {}
    return [
        *_date_cells(start), *_date_cells(end), display, timelinejs.words(event.title),
        slides.text(event), media.get("url", ""), media.get("credit", ""), media.get("caption", ""),
        "", "", timelinejs.group(view, event), "", media.get("alt", ""),
    ]  # fmt: skip


def write(view: View) -> Iterator[str]:
    """The view as rows of TimelineJS's sheet: the header, the title slide, one row per event."""
    title = [""] * len(COLUMNS)
    title[COLUMNS.index("Headline")] = timelinejs.words(view.title)
    title[COLUMNS.index("Text")] = timelinejs.title_text(view)
    title[COLUMNS.index("Type")] = "title"
    yield from cells.lines([COLUMNS, title])
    slides = timelinejs.Slides(view)
    yield from cells.lines(row(view, slides, event) for event in view.events)
