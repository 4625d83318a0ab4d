"""Spreadsheet-safe CSV cells, shared by every CSV the timeline writes and reads.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or a
carriage return) as a formula: a quote such as ``=HYPERLINK(…)`` would become a live link.  Such
cells are written with a leading apostrophe, which spreadsheets show as text, and the apostrophe
is removed again on import.  The rule is reversible for every text: a cell that already starts
with apostrophes before one of those characters gets one more, so ``restore(neutralise(t)) == t``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence

_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """The cell as written: an apostrophe before a cell a spreadsheet would run as a formula."""
    return "'" + cell if _FORMULA.match(cell) else cell


def restore(cell: str) -> str:
    """The text of a cell written by :func:`neutralise` (any other cell is left as it is)."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def lines(rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """CSV text (RFC 4180: quoted where needed, CRLF line ends), one row at a time, cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
