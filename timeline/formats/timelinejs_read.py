"""Read TimelineJS's two formats into slides: its JSON, and its Google-Sheets CSV template.

The JSON format is TimelineJS's documented one (``title``, ``events``, ``eras``; slides with
``start_date``/``end_date``, ``text``, ``media``, ``group``, ``display_date``, ``unique_id``).
The CSV is read the way TimelineJS's own importer reads a sheet (``src/js/core/ConfigFactory.js``,
3.9.x): the columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Alt Text, Type, Group,
Background, and the older Start Date, End Date and Tag; cells trimmed; ``Type`` ``title`` (the
first one) and ``era`` rows.  Each value keeps its place: ``ROW:COLUMN`` or a JSON path.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from typing import Any

from timeline.formats import cells
from timeline.formats.where import Report, Where, cell, json_path

DATE_PARTS = ("year", "month", "day", "hour", "minute", "second")
SLIDE_FIELDS = ("headline", "text", "group", "display_date", "unique_id")
MEDIA_FIELDS = ("url", "caption", "credit", "alt", "thumbnail")


@dataclass(frozen=True, slots=True)
class Value:
    """A text from the file, and where it was."""

    text: str
    where: Where


@dataclass(slots=True)
class When:
    """A TimelineJS date: its parts as written (integers as text), a UTC offset if one was given."""

    where: Where
    parts: dict[str, Value] = field(default_factory=dict)
    offset: str | None = None  # "Z" or "+06:00", from an ISO 8601 Start Date


@dataclass(slots=True)
class Slide:
    """One slide (the title, an event or an era), with the places of its values."""

    where: Where
    start: When | None = None
    end: When | None = None
    fields: dict[str, Value] = field(default_factory=dict)  # SLIDE_FIELDS
    media: dict[str, Value] = field(default_factory=dict)  # MEDIA_FIELDS


@dataclass(slots=True)
class Sheet:
    """A whole TimelineJS timeline."""

    title: Slide | None
    events: list[Slide]
    eras: list[Slide]


# --- JSON --------------------------------------------------------------------------------


def read_json(text: str, report: Report) -> Sheet | None:
    """The slides of a TimelineJS JSON document (None: not readable at all)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        report.problem(Where((exc.lineno, exc.colno), f"{exc.lineno}:{exc.colno}"), f"not JSON: {exc.msg}")
        return None
    except RecursionError:  # Python's parser recurses: a thousand nested brackets are enough
        report.problem(json_path((0,)), "the JSON nests too deeply for a TimelineJS file")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        report.problem(json_path((0,)), "a TimelineJS file is an object with an events list")
        return None
    if data.get("scale") == "cosmological":
        report.problem(
            json_path((0,), "scale"), "a cosmological timeline cannot be imported (years 1 to 9999 only)"
        )
    title = _json_slide(data["title"], (0, 0), ("title",), report) if data.get("title") is not None else None
    events = [_json_slide(s, (1, i), ("events", i), report) for i, s in enumerate(data["events"])]
    eras_raw: list[Any] = data["eras"] if isinstance(data.get("eras"), list) else []
    eras = [_json_slide(s, (2, i), ("eras", i), report) for i, s in enumerate(eras_raw)]
    return Sheet(title, [s for s in events if s], [s for s in eras if s])


def _json_slide(
    raw: Any, order: tuple[int, ...], path: tuple[str | int, ...], report: Report
) -> Slide | None:
    if not isinstance(raw, dict):
        report.problem(json_path(order, *path), "a slide is an object ({...})")
        return None
    slide = Slide(json_path(order, *path))
    for name in ("start_date", "end_date"):
        if raw.get(name) is not None:
            when = _json_date(raw[name], order, (*path, name), report)
            setattr(slide, "start" if name == "start_date" else "end", when)
    for name, target, keys in (
        ("text", slide.fields, ("headline", "text")),
        ("media", slide.media, MEDIA_FIELDS),
    ):
        part = raw.get(name)
        if isinstance(part, dict):
            _texts(part, keys, target, order, (*path, name), report)
        elif part is not None:
            report.problem(json_path(order, *path, name), f"{name} is an object ({{...}})")
    _texts(raw, ("group", "display_date", "unique_id"), slide.fields, order, path, report)
    return slide


def _json_date(raw: Any, order: tuple[int, ...], path: tuple[str | int, ...], report: Report) -> When | None:
    if not isinstance(raw, dict):
        report.problem(json_path(order, *path), 'a date is an object such as {"year": 1957}')
        return None
    when = When(json_path(order, *path))
    for name in DATE_PARTS:
        value = raw.get(name)
        where = json_path(order, *path, name)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            report.problem(where, f"{name} is a whole number")
        elif isinstance(value, float) and not value.is_integer():
            report.problem(where, f"{name} is a whole number, not {value}")
        else:
            when.parts[name] = Value(str(int(value)) if isinstance(value, float) else str(value), where)
    if isinstance(raw.get("display_date"), str) and raw["display_date"].strip():
        when.parts["display_date"] = Value(raw["display_date"], json_path(order, *path, "display_date"))
    return when


def _texts(
    raw: dict[str, Any],
    keys: tuple[str, ...],
    target: dict[str, Value],
    order: tuple[int, ...],
    path: tuple[str | int, ...],
    report: Report,
) -> None:
    for key in keys:
        value = raw.get(key)
        where = json_path(order, *path, key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            if value.strip():
                target[key] = Value(value, where)
        elif value is not None:
            report.problem(where, f"{key} is text")


# --- CSV ---------------------------------------------------------------------------------

V3_DATES = {
    "start": ("Year", "Month", "Day", "Time"),
    "end": ("End Year", "End Month", "End Day", "End Time"),
}
CSV_FIELDS = {"Headline": "headline", "Text": "text", "Display Date": "display_date", "Group": "group"}
CSV_MEDIA = {
    "Media": "url",
    "Media Caption": "caption",
    "Media Credit": "credit",
    "Alt Text": "alt",
    "Media Thumbnail": "thumbnail",
}
KNOWN_COLUMNS = frozenset(
    (*V3_DATES["start"], *V3_DATES["end"], *CSV_FIELDS, *CSV_MEDIA, "Type", "Background", "Start Date",
     "End Date", "Tag")
)  # fmt: skip


def read_csv(text: str, report: Report) -> Sheet | None:
    """The slides of a TimelineJS sheet saved as CSV (None: no header row)."""
    try:
        records = list(csv.reader(text.splitlines(keepends=True)))
    except csv.Error as exc:
        report.problem(cell(1, 1), f"not readable as CSV: {exc}")
        return None
    if not records:
        report.problem(cell(1, 1), "the file is empty: it needs TimelineJS's header row (Year, Month, …)")
        return None
    names = [name.strip() for name in records[0]]
    for i, name in enumerate(names, start=1):
        if name and name not in KNOWN_COLUMNS:
            report.warn(cell(1, i), f"column {name!r} is not one TimelineJS reads: ignored")
    sheet = Sheet(None, [], [])
    for number, values in enumerate(records[1:], start=2):
        row = {
            n: Value(cells.restore(v).strip(), cell(number, i, n))
            for i, (n, v) in enumerate(zip(names, values, strict=False), 1)
        }
        if any(v.text for n, v in row.items() if n in KNOWN_COLUMNS):
            _csv_row(sheet, number, row, "Start Date" in names or "End Date" in names, report)
    return sheet


def _csv_row(sheet: Sheet, number: int, row: dict[str, Value], v1: bool, report: Report) -> None:
    slide = Slide(cell(number, 1))
    for column, name in CSV_FIELDS.items():
        if column in row and row[column].text:
            slide.fields[name] = row[column]
    if "group" not in slide.fields and row.get("Tag") and row["Tag"].text:
        slide.fields["group"] = row["Tag"]
    slide.media = {
        name: row[column] for column, name in CSV_MEDIA.items() if column in row and row[column].text
    }
    if v1:
        slide.start, slide.end = (_v1_date(row.get(c), report) for c in ("Start Date", "End Date"))
    else:
        slide.start, slide.end = (_v3_date(row, V3_DATES[side], report) for side in ("start", "end"))
    kind = row["Type"].text.lower() if "Type" in row else ""
    if kind == "title" and sheet.title is None:
        sheet.title = slide
    elif kind == "era":
        sheet.eras.append(slide)
    else:
        if kind == "title":
            report.warn(row["Type"].where, "a second title row: read as an event, as TimelineJS does")
        sheet.events.append(slide)


def _v3_date(row: dict[str, Value], columns: tuple[str, ...], report: Report) -> When | None:
    year, month, day, time = (row.get(c) for c in columns)
    if time is not None and time.text and (year is None or not year.text):
        report.problem(time.where, "a time needs a year (and a day) in the same row")
        return None
    if year is None or not year.text:
        return None
    when = When(year.where)
    for name, value in (("year", year), ("month", month), ("day", day)):
        if value is not None and value.text:
            when.parts[name] = Value(re.sub(r"[\s,]+", "", value.text), value.where)
    if time is not None and time.text:
        _time(when, time, report)
    return when


def _time(when: When, time: Value, report: Report) -> None:
    """A Time cell as TimelineJS reads it: ``16:30``, ``4:30 PM``, ``1630``, ``16.30``, ``16:30:15``."""
    text = time.text
    period = re.search(r"\s*([AaPp])\.?[Mm]\.?\s*$", text)
    if period:
        text = text[: period.start()].strip()
    compact = re.fullmatch(r"\s*(\d{1,2})(\d{2})\s*", text)
    parts = list(compact.groups()) if compact else re.split(r"[:.]", text)
    if not 1 <= len(parts) <= 3 or not all(p.strip().isdigit() for p in parts):
        report.problem(time.where, f"cannot read the time {time.text!r} (write 16:30, 4:30 PM or 16:30:15)")
        return
    hour = int(parts[0])
    if period and period[1].lower() == "p" and hour != 12:
        hour += 12
    elif period and period[1].lower() == "a" and hour == 12:
        hour = 0
    when.parts["hour"] = Value(str(hour), time.where)
    for name, part in zip(("minute", "second"), parts[1:], strict=False):
        when.parts[name] = Value(str(int(part)), time.where)


_SHORT = re.compile(r"([+-]?\d+?)(?:-(\d{2}))?(?:-(\d{2}))?")
_ISO_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?"
)
_SLASHED = re.compile(r"(\d+)/(\d+)(?:/(\d+))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _v1_date(value: Value | None, report: Report) -> When | None:
    """A Start Date or End Date cell, read as TimelineJS's ``parseDate`` reads it."""
    if value is None or not value.text:
        return None
    text, when = value.text, When(value.where)
    if m := _SHORT.fullmatch(text):
        found = dict(zip(("year", "month", "day"), m.groups(), strict=False))
    elif m := _ISO_TIME.fullmatch(text):
        found = dict(zip(DATE_PARTS, m.groups()[:6], strict=False))
        when.offset = m[7]
    elif m := _SLASHED.fullmatch(
        text
    ):  # TimelineJS reads 1/2/2000 as month/day/year, and 5/2000 as month/year
        first, second, third, *clock = m.groups()
        found = {"month": first, "day": second, "year": third} if third else {"month": first, "year": second}
        found.update(zip(("hour", "minute", "second"), clock, strict=False))
    else:
        report.problem(
            value.where,
            f"cannot read the date {text!r} (TimelineJS reads 2021-10-05, 10/5/2021, 10/2021 or 2021)",
        )
        return None
    when.parts = {k: Value(str(int(v)), value.where) for k, v in found.items() if v is not None}
    return when
