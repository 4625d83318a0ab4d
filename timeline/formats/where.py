"""Places in a file being read (a CSV cell, a JSON path), and the problems and warnings found there."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Where:
    """A place in an input file: ``ROW:COLUMN`` of a CSV cell, or the JSON path of a value."""

    order: tuple[int, ...]  # reading order, for sorting
    text: str  # "12:3" or "$.events[2].start_date.year"
    label: str = field(default="", compare=False)  # the CSV column's name, shown before a message
    record: tuple[int, ...] = field(default=(), compare=False)  # the row or slide it belongs to


def cell(row: int, col: int, label: str = "") -> Where:
    """A CSV cell: spreadsheet row (the header is row 1) and 1-based column."""
    return Where((row, col), f"{row}:{col}", label, (row,))


def json_path(order: tuple[int, ...], *parts: str | int) -> Where:
    """A value in a JSON document, written as a JSONPath such as ``$.events[2].text``.

    ``order`` is the reading order of the record it belongs to: (section, index)."""
    text = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)
    return Where(order, text, record=order)


WHOLE_FILE = Where((0,), "1:1")


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """One problem or warning, where it was found."""

    where: Where
    message: str

    def line(self, name: str, *, warning: bool = False) -> str:
        """``NAME:WHERE: [warning: ]label: message``."""
        label = f"{self.where.label}: " if self.where.label else ""
        return f"{name}:{self.where.text}: {'warning: ' if warning else ''}{label}{self.message}"


@dataclass(slots=True)
class Report:
    """The problems (the input cannot be used) and warnings (it was used; something was left out)."""

    problems: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    _records: set[tuple[int, ...]] = field(default_factory=set)  # rows and slides with problems

    def problem(self, where: Where, message: str) -> None:
        """Record a problem at ``where``."""
        self.problems.append(Note(where, message))
        self._records.add(where.record)

    def troubled(self, where: Where) -> bool:
        """True when a problem was found in the row or slide ``where`` belongs to."""
        return where.record in self._records

    def warn(self, where: Where, message: str) -> None:
        """Record a warning at ``where``."""
        self.warnings.append(Note(where, message))

    def lines(self, name: str) -> list[str]:
        """Every warning, then every problem, each on one line, in reading order."""
        warnings = [n.line(name, warning=True) for n in sorted(set(self.warnings))]
        return warnings + [n.line(name) for n in sorted(set(self.problems))]
