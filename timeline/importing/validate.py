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


def check(text: str, draft: Draft, report: Report) -> None:
    """Load ``text`` (made from ``draft``); report each of its problems at the input's place."""
    try:
        build(text.encode("utf-8"))
    except LoadError as exc:
        places = _paths(text)
        for problem in exc.problems:
            path = places.get((problem.line, problem.col), ())
            report.problem(draft.origin(path), _PATH_PREFIX.sub("", problem.message, count=1))


def _paths(text: str) -> dict[tuple[int, int], Path]:
    """The path of the value (or key) written at each line and column of ``text``."""
    _, positions = yamlread.read(text)
    where = {position: path for path, position in positions.keys.items()}
    where.update({position: path for path, position in positions.values.items()})
    return where
