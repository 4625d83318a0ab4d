"""The ``timeline`` command: ``timeline check [PATH] [--archive DIR]``, ``timeline draft ARTICLE``,
``timeline import FILE``, ``timeline settings``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from timeline import importing, settings
from timeline.importing.yamlwrite import write_atomically
from timeline.load import LoadError, load


def check(path: Path, archive: Path | None) -> int:
    """Validate a data file; print every problem as PATH:LINE:COL: message. Exit status."""
    if archive is not None and not archive.is_dir():
        print(f"timeline check: --archive {archive}: not a directory", file=sys.stderr)
        return 2
    try:
        timeline = load(path, archive_dir=archive)
    except LoadError as exc:
        print("\n".join(exc.lines(os.fspath(path))))
        return 1
    except Exception as exc:
        print(f"{os.fspath(path)}:1:1: cannot load the file ({type(exc).__name__})")
        return 1
    quotes = sum(len(e.citations) for e in timeline.events)
    checked = " (quotes checked against the archive)" if archive else ""
    print(
        f"{os.fspath(path)}: OK — {len(timeline.events)} events, {len(timeline.sources)} sources, "
        f"{len(timeline.actors)} actors, {quotes} citations{checked}",
        file=sys.stderr,
    )
    return 0


def import_file(path: Path, output: Path | None, options: importing.Options) -> int:
    """Import a timeline; write it to ``output`` (or print it) only if all of it could be read."""
    try:
        text, warnings = importing.run(path, options)
    except importing.ImportFailed as exc:
        print("\n".join(exc.lines), file=sys.stderr)
        print(f"timeline import: nothing written ({exc.problems} problem(s))", file=sys.stderr)
        return 1
    if warnings:
        print("\n".join(warnings), file=sys.stderr)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(output, text)
    except OSError as exc:
        print(f"timeline import: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{os.fspath(output)}: written from {os.fspath(path)}", file=sys.stderr)
    return 0


def _import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import", help="turn a TimelineJS timeline (JSON or CSV) or our CSV export into an events file"
    )
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument("--format", choices=importing.FORMATS, help="the file's format (default: guessed)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: print it)")
    parser.add_argument(
        "--base-url", metavar="URL", help="resolve relative media and link addresses against this address"
    )
    parser.add_argument(
        "--events",
        type=Path,
        metavar="FILE",
        help="CSV: keep the title, tags, sources and actors of this data file",
    )
    parser.add_argument(
        "--zone",
        metavar="AREA/CITY",
        help="TimelineJS: the time zone its times were written in (default: UTC)",
    )


def show_settings() -> int:
    """Print every TIMELINE_* setting: name, type, default, current value and help."""
    try:
        current = settings.resolve({})
    except settings.SettingError as exc:
        print(f"timeline settings: {exc}", file=sys.stderr)
        return 2
    for name, kind, default, text in settings.table():
        value = current[name]
        shown = "" if name not in os.environ else f"  (now: {value})"
        print(f"{name} ({kind}, default {default}){shown}\n    {text}")
    return 0


def draft(args: argparse.Namespace) -> int:
    """Print the dated statements of an article as draft events (YAML) or JSON."""
    from timeline.draft.command import run

    return run(args.article, args.published, args.source, args.events, args.format)


def _draft_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    drafter = commands.add_parser(
        "draft",
        help="draft events from the dated statements of a news article",
        description="Find every sentence of ARTICLE that states or implies a date, resolve relative dates"
        " against the publication date, and print draft events to curate.",
    )
    drafter.add_argument("article", type=Path, metavar="ARTICLE", help="the article: UTF-8 text or HTML")
    drafter.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="the article's publication date (default: the published date of --source in --events)",
    )
    drafter.add_argument("--source", metavar="ID", help="the source id the drafts cite")
    drafter.add_argument(
        "--events",
        type=Path,
        metavar="FILE",
        help="an events file whose actors to recognise (and ids to avoid)",
    )
    drafter.add_argument("--format", choices=("yaml", "json"), default="yaml", help="output (default: yaml)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = argparse.ArgumentParser(prog="timeline", description="Tools for a citation-first timeline.")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate an events file and report every problem")
    checker.add_argument(
        "path", nargs="?", default="events.yaml", type=Path, help="the file (default: events.yaml)"
    )
    checker.add_argument(
        "--archive",
        type=Path,
        metavar="DIR",
        help="check each quote of a source with `archive:` against DIR/<archive>",
    )
    _import_parser(commands)
    commands.add_parser("settings", help="list every TIMELINE_* setting with its type, default and help")
    _draft_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "settings":
        return show_settings()
    if args.command == "draft":
        return draft(args)
    if args.command == "import":
        options = importing.Options(args.format, args.base_url, args.events, args.zone)
        return import_file(args.file, args.output, options)
    return check(args.path, args.archive)


if __name__ == "__main__":
    sys.exit(main())
