"""Check an import's output with the timeline's own loader, and report problems where the input had them.

The text to be written is loaded exactly as ``timeline check`` would load it; each problem the
loader finds (at a line and column of that text) is traced back through the path of the value
written there to the cell or JSON path it was made from.
"""

from __future__ import annotations

import re

from timeline.formats.where import Report
from timeline.importing.draft import Draft, Path
from timeline.load import LoadError, build, yamlread

_PATH_PREFIX = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*: ")  # "events.3.citations.0.quote: …"
_FIRST_ON_LINE = re.compile(r"\(first on line (\d+)\)")


def check(text: str, draft: Draft, report: Report) -> None:
    """Load ``text`` (made from ``draft``); report each of its problems at the input's place."""
    try:
        build(text.encode("utf-8"))
    except LoadError as exc:
        places = _paths(text)
        known = {note.where.record for note in report.problems}
        for problem in exc.problems:
            where = draft.origin(places.get((problem.line, problem.col), ()))
            if where.record not in known:  # a row or slide with problems of its own says enough
                report.problem(where, _reword(problem.message, places, draft))


def _reword(message: str, places: dict[tuple[int, int], Path], draft: Draft) -> str:
    """The loader's message in the input's terms: no path prefix, no line of the written text."""
    message = _PATH_PREFIX.sub("", message, count=1)
    if (match := _FIRST_ON_LINE.search(message)) is not None:
        line = int(match[1])
        path = next((p for (n, _), p in places.items() if n == line and p and p[-1] == "id"), ())
        message = message.replace(match[0], f"(first at {draft.origin(path).text})")
    return message


def _paths(text: str) -> dict[tuple[int, int], Path]:
    """The path of the value (or key) written at each line and column of ``text``."""
    _, positions = yamlread.read(text)
    where = {position: path for path, position in positions.keys.items()}
    where.update({position: path for path, position in positions.values.items()})
    return where
