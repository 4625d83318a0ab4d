"""What a resolved date expression denotes, before it is written in the project's date model."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple


class When(NamedTuple):
    """One point: a year, month, day or minute, or an EDTF unspecified form such as ``197X``."""

    year: int | None
    month: int | None = None
    day: int | None = None
    moment: datetime | None = None  # aware, for a time of day with its zone
    pattern: str | None = None  # "197X", "19XX"
    approximate: bool = False  # "c. 1720", "on or about June 3, 2016": EDTF "~"

    @classmethod
    def of(cls, value: date) -> When:
        """A day."""
        return cls(value.year, value.month, value.day)

    @property
    def date(self) -> date | None:
        """The day, when the point has one."""
        if self.moment is not None:
            return self.moment.date()
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def rank(self) -> int:
        """0 for decades and centuries, 1 year, 2 month, 3 day, 4 time of day."""
        if self.moment is not None:
            return 4
        if self.pattern is not None or self.year is None:
            return 0
        return 1 + (self.month is not None) + (self.day is not None)

    def edtf(self) -> str:
        """The point as the date model writes it: ``2021``, ``2021-10``, ``2021-10-05T08:40-05:00``."""
        if self.pattern is not None:
            return self.pattern
        if self.moment is not None:
            offset = self.moment.utcoffset() or timedelta(0)
            if offset == timedelta(0):
                return self.moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
            return self.moment.isoformat(timespec="minutes")
        assert self.year is not None
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + ("~" if self.approximate else "")


class Span(NamedTuple):
    """A resolved expression: one point, or an interval whose sides may be open (``..``)."""

    start: When | None
    end: When | None = None
    interval: bool = False
    note: str | None = None

    def edtf(self) -> str:
        """EDTF text that :func:`timeline.dates.parse_date` accepts."""
        if not self.interval:
            assert self.start is not None
            return self.start.edtf()
        left = self.start.edtf() if self.start else ".."
        right = self.end.edtf() if self.end else ".."
        return f"{left}/{right}"

    @property
    def last(self) -> When | None:
        """The finest known point: the one later anaphora ("two days later") count from."""
        return self.end if self.interval and self.end is not None else self.start
