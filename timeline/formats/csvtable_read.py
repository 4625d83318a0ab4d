"""Read the timeline's own CSV (see :mod:`timeline.formats.csvtable`) back into event records.

Every cell keeps its place (spreadsheet row, the header being row 1, and 1-based column), so
that any problem, found here or later by the loader, is reported where it was written.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Any

from timeline.formats import cells
from timeline.formats.csvtable import LIST_FIELDS, MEDIA_FIELDS, Column, column
from timeline.formats.where import Report, Where, cell

Path = tuple[str | int, ...]
REQUIRED = ("id", "title", "date", "citation_1_source", "citation_1_quote")
SOURCE_FIELDS = ("publisher", "title", "author", "published", "url")
_LIST_SPLIT = re.compile(r"[;,\s]+")
UNKNOWN = Column("unknown", "")
_TRIMMED = frozenset(  # ids, codes, dates and addresses: spaces around them are a spreadsheet's doing
    ("id", "date", "end", "zone", "status", "outcome", "actors", "countries", "tags", "source", "published",
     "url", "kind")
)  # fmt: skip


@dataclass(slots=True)
class Cited:
    """What a row says about one cited source: its id and the fields given, each with its place."""

    ident: str
    fields: dict[str, tuple[str, Where]]


@dataclass(slots=True)
class Row:
    """One event as read: its values as in ``events.yaml``, their places, and the sources it cites."""

    number: int
    record: dict[str, Any] = field(default_factory=dict)
    origins: dict[Path, Where] = field(default_factory=dict)
    cited: list[Cited] = field(default_factory=list)


def read(text: str, report: Report) -> list[Row]:
    """The events of a CSV text; every problem goes to ``report``."""
    records = _records(text, report)
    if not records:
        report.problem(cell(1, 1), "the file is empty: it needs a header row and one row per event")
        return []
    columns = _header(records[0], report)
    if report.problems:
        return []  # the rows cannot be read right under a wrong header: that comes first
    rows = []
    for number, values in enumerate(records[1:], start=2):
        if any(v.strip() for v in values):
            rows.append(_row(number, values, columns, report))
    return rows


def _records(text: str, report: Report) -> list[list[str]]:
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        report.problem(cell(len(records) + 1, 1), f"not readable as CSV: {exc}")
    return records


def _header(names: list[str], report: Report) -> list[Column | None]:
    columns: list[Column | None] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(names, start=1):
        name = raw.strip()
        found = column(name)
        if found is None and name:
            report.problem(cell(1, i), f"unknown column {name!r} (see the column list in the README)")
            found = UNKNOWN  # its cells are not reported again
        if name in seen:
            report.problem(cell(1, i), f"column {name!r} is already column {seen[name]}")
        seen.setdefault(name, i)
        columns.append(found)
    for name in REQUIRED:
        if name not in seen:
            report.problem(cell(1, 1), f"missing column {name!r}")
    return columns


def _row(number: int, values: list[str], columns: list[Column | None], report: Report) -> Row:
    row = Row(number)
    row.origins[()] = cell(number, 1)
    groups: dict[tuple[str, int], dict[str, tuple[str, Where]]] = {}
    for i, raw in enumerate(values, start=1):
        spec = columns[i - 1] if i <= len(columns) else None
        if spec is None or spec.group in ("permalink", "unknown") or not raw:
            if spec is None and raw.strip():
                report.problem(cell(number, i), "a value in a column without a (known) name")
            continue
        value = cells.restore(raw).strip() if spec.field in _TRIMMED else cells.restore(raw)
        where = cell(number, i, spec.field if spec.group == "event" else _name(spec))
        if spec.group == "event":
            _field(row, spec.field, value, where)
        elif value:
            groups.setdefault((spec.group, spec.number), {})[spec.field] = (value, where)
    _citations(row, groups, report)
    _media(row, groups)
    return row


def _name(spec: Column) -> str:
    return f"{spec.group}_{spec.number}_{spec.field}"


def _field(row: Row, name: str, value: str, where: Where) -> None:
    if not value or (name == "status" and value == "happened"):
        return
    if name in LIST_FIELDS:
        items = [item for item in _LIST_SPLIT.split(value) if item]
        row.record[name] = items
        row.origins[(name,)] = where
        row.origins.update({(name, j): where for j in range(len(items))})
        return
    row.record[name] = value
    row.origins[(name,)] = where


def _citations(row: Row, groups: dict[tuple[str, int], dict[str, tuple[str, Where]]], report: Report) -> None:
    citations: list[dict[str, str]] = []
    for (group, _), given in sorted(groups.items()):
        if group != "citation":
            continue
        if "source" not in given:
            first = min(where for _, where in given.values())
            report.problem(first, "this citation names no source (fill in its _source column)")
            continue
        ident, where = given["source"]
        j = len(citations)
        citation = {"source": ident.strip()}
        row.origins[("citations", j)] = row.origins[("citations", j, "source")] = where
        for name in ("quote", "note"):
            if name in given:
                citation[name] = given[name][0]
                row.origins[("citations", j, name)] = given[name][1]
        citations.append(citation)
        row.cited.append(Cited(ident.strip(), {k: v for k, v in given.items() if k in SOURCE_FIELDS}))
    row.record["citations"] = citations
    row.origins[("citations",)] = row.origins[()]


def _media(row: Row, groups: dict[tuple[str, int], dict[str, tuple[str, Where]]]) -> None:
    media: list[dict[str, str]] = []
    for (group, _), given in sorted(groups.items()):
        if group != "media":
            continue
        j = len(media)
        item = {name: value for name, (value, _) in given.items()}
        media.append(dict(sorted(item.items(), key=lambda kv: MEDIA_FIELDS.index(kv[0]))))
        row.origins[("media", j)] = min(where for _, where in given.values())
        row.origins.update({("media", j, name): where for name, (_, where) in given.items()})
    if media:
        row.record["media"] = media
