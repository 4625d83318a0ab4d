"""The timeline's own CSV → an events file: events from the rows, the records they name from the
citation columns, or from the data file given with ``--events`` (its title, tags, sources, actors).
"""

from __future__ import annotations

from typing import Any

from timeline.dates import DateError, parse_date
from timeline.formats.csvtable_read import Cited, Row
from timeline.formats.where import Report, Where, cell
from timeline.importing.draft import Draft, Record

SOURCE_ORDER = ("id", "title", "publisher", "author", "published", "url")


def draft(rows: list[Row], stem: str, base: Record | None, report: Report) -> Draft:
    """The events file the rows describe (``base``: the values of an existing data file)."""
    result = Draft(root=cell(1, 1))
    _start(result, stem, base, report)
    defined: dict[str, tuple[Cited, Where]] = {}
    for row in rows:
        if not report.troubled(row.origins[()]):  # its problems are reported already
            result.add_event(row.record, row.origins)
        for j, cited in enumerate(row.cited):
            _source(result, cited, row.origins[("citations", j)], defined, report)
        _actors(result, row, report)
        _tags(result, row, report)
    return result


def _start(result: Draft, stem: str, base: Record | None, report: Report) -> None:
    if base is None:
        result.title = stem
        report.warn(result.root, f"a CSV has no title: the timeline is called {stem!r} (edit title:)")
        return
    result.title, result.description = base["title"], base.get("description") or ""
    if isinstance(base.get("tags"), list):
        result.tags = {}
        for tag in base["tags"]:
            result.add("tags", tag, result.root)
    for kind in ("sources", "actors"):
        for record in base.get(kind) or []:
            result.add(kind, record, result.root)


def _source(
    result: Draft, cited: Cited, where: Where, defined: dict[str, tuple[Cited, Where]], report: Report
) -> None:
    """Define a cited source from its columns the first time; check later rows agree."""
    first = defined.get(cited.ident)
    if first is not None:
        _agree(cited, first, report)
        return
    defined[cited.ident] = (cited, where)
    given = {name: value for name, (value, _) in cited.fields.items()}
    if cited.ident in result.sources:
        _compare_with_file(result.sources[cited.ident], cited, report)
        return
    missing = [name for name in ("title", "publisher") if name not in given]
    if missing:
        columns = " and ".join(f"{where.label.rsplit('_', 1)[0]}_{name}" for name in missing)
        report.problem(where, f"source {cited.ident!r} is not described: fill in {columns}")
    record = {"id": cited.ident, **given}
    result.add("sources", {k: record[k] for k in SOURCE_ORDER if k in record}, where)


def _agree(cited: Cited, first: tuple[Cited, Where], report: Report) -> None:
    earlier, place = first
    for name, (value, where) in cited.fields.items():
        if name in earlier.fields and earlier.fields[name][0] != value:
            before = earlier.fields[name][0]
            report.problem(
                where,
                f"source {cited.ident!r} has {name} {before!r} on row {place.order[0]}:"
                f" a source has one {name}",
            )


def _compare_with_file(record: Record, cited: Cited, report: Report) -> None:
    for name, (value, where) in cited.fields.items():
        if not _same(name, record.get(name), value):
            report.warn(
                where,
                f"source {cited.ident!r}: kept the data file's {name} {record.get(name)!r} "
                "(change sources in the data file)",
            )


def _same(name: str, written: Any, value: str) -> bool:
    if written == value:
        return True
    if name != "published" or not isinstance(written, str):
        return False
    try:
        return parse_date(written).iso() == parse_date(value).iso()
    except DateError:
        return False


def _actors(result: Draft, row: Row, report: Report) -> None:
    for j, ident in enumerate(row.record.get("actors") or []):
        if ident not in result.actors:
            where = row.origins[("actors", j)]
            result.add("actors", {"id": ident, "name": ident, "kind": "other"}, where)
            report.warn(
                where,
                f"actor {ident!r} is described nowhere: added with its id as name and kind other"
                " (import with --events FILE to take actors from your data file)",
            )


def _tags(result: Draft, row: Row, report: Report) -> None:
    if result.tags is None:
        return
    for j, ident in enumerate(row.record.get("tags") or []):
        if ident not in result.tags:
            where = row.origins[("tags", j)]
            result.add("tags", {"id": ident, "label": ident}, where)
            report.warn(where, f"tag {ident!r} is not in the data file's tags: added with its id as label")
