"""``timeline import``: bring a timeline from TimelineJS (JSON or its Google-Sheets CSV) or from the
timeline's own CSV export into a valid ``events.yaml``.

Reading is the formats' business (:mod:`timeline.formats.timelinejs_read`,
:mod:`timeline.formats.csvtable_read`); here the records become an events file
(:mod:`~timeline.importing.slides`, :mod:`~timeline.importing.fromcsv`), which is written as
YAML and loaded by the timeline's own loader before anything is written
(:mod:`~timeline.importing.validate`).  Every problem is reported where the input has it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from timeline.dates import DateError, parse_zone
from timeline.formats import csvtable_read, timelinejs_read
from timeline.formats.where import WHOLE_FILE, Report
from timeline.importing import fromcsv, slides, validate, yamlwrite
from timeline.importing.draft import Draft, Record
from timeline.load import LoadError, build, check_url, read_file
from timeline.load.document import Document
from timeline.load.yamlread import YamlProblems, decode

FORMATS = ("timelinejs-json", "timelinejs-csv", "csv")
LABELS = {"timelinejs-json": "TimelineJS JSON", "timelinejs-csv": "TimelineJS CSV", "csv": "timeline CSV"}


class ImportFailed(Exception):
    """The input cannot be imported; ``lines`` says every reason, each where it was found."""

    def __init__(self, lines: list[str], problems: int | None = None) -> None:
        self.problems = len(lines) if problems is None else problems
        super().__init__(f"{self.problems} problem(s)")
        self.lines = lines  # the warnings too, when the input was read


@dataclass(frozen=True, slots=True)
class Options:
    """How to import: the format (None: guess), and what TimelineJS files leave open."""

    format: str | None = None
    base_url: str | None = None  # relative media and link URLs are resolved against it
    events: Path | None = None  # CSV: the data file whose title, tags, sources and actors to keep
    zone: str | None = None  # TimelineJS: the time zone its times were written in


def run(path: Path, options: Options) -> tuple[str, list[str]]:
    """The events file ``path`` becomes, and the warnings; or raise ImportFailed."""
    name = os.fspath(path)
    report = Report()
    text = _text(path, name)
    kind = options.format or guess(path, text)
    if kind is None:
        raise ImportFailed([f"{name}:1:1: cannot tell the format: give --format ({' | '.join(FORMATS)})"])
    zone = _zone(options.zone)
    if options.base_url is not None and (why := check_url(options.base_url)):
        raise ImportFailed([f"--base-url: {why}"])
    result = _draft(kind, text, path, options, zone, report)
    label = LABELS[kind]
    output = yamlwrite.dumps(result.data(), f"Imported from {path.name} ({label}) by timeline import.")
    if result.events or not report.problems:  # records with problems were left out of the draft
        validate.check(output, result, report)
    if report.problems:
        raise ImportFailed(report.lines(name), len(set(report.problems)))
    return output, report.lines(name)


def _text(path: Path, name: str) -> str:
    try:
        return decode(read_file(path))
    except LoadError as exc:
        raise ImportFailed(exc.lines(name)) from None
    except YamlProblems as exc:  # not UTF-8
        raise ImportFailed([f"{name}:{p.line}:{p.col}: {p.message}" for p in exc.problems]) from None


def _zone(zone: str | None) -> str | None:
    if zone is not None:
        try:
            parse_zone(zone)
        except DateError as exc:
            raise ImportFailed([f"--zone: {exc}"]) from None
    return zone


def guess(path: Path, text: str) -> str | None:
    """The format of a file, from its name and its first line."""
    suffix = path.suffix.lower()
    if suffix == ".json" or text.lstrip().startswith("{"):
        return "timelinejs-json"
    if suffix not in (".csv", ".txt", ".tsv", ""):
        return None
    first = text.partition("\n")[0]
    names = {part.strip().strip('"').strip() for part in first.split(",")}
    if {"id", "date"} <= names:
        return "csv"
    if names & {"Year", "Start Date", "Headline"}:
        return "timelinejs-csv"
    return None


def _draft(kind: str, text: str, path: Path, options: Options, zone: str | None, report: Report) -> Draft:
    if kind == "csv":
        base = _base(options.events) if options.events else None
        return fromcsv.draft(csvtable_read.read(text, report), path.stem, base, report)
    if options.events is not None:
        raise ImportFailed(["--events: only a CSV import (--format csv) takes records from a data file"])
    read_slides = timelinejs_read.read_json if kind == "timelinejs-json" else timelinejs_read.read_csv
    sheet = read_slides(text, report)
    settings = slides.Settings(path.name, options.base_url, zone)
    return slides.draft(sheet, settings, report) if sheet is not None else Draft(root=WHOLE_FILE)


def _base(path: Path) -> Record:
    """The values of the data file given with ``--events``, which must be valid."""
    try:
        data = read_file(path)
        build(data)
    except LoadError as exc:
        raise ImportFailed(
            [*exc.lines(os.fspath(path)), f"--events {path}: fix the data file first"]
        ) from None
    return dict(Document(data).value)  # valid: read by the fast path when it is large
