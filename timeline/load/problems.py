"""What is wrong with a data file: positioned problems, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the file, at a 1-based line and column."""

    line: int
    col: int
    message: str


class LoadError(Exception):
    """The file is not a valid timeline; ``problems`` lists every reason, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s)")

    def lines(self, name: str) -> list[str]:
        """The problems as ``NAME:LINE:COL: message`` lines."""
        return [f"{name}:{p.line}:{p.col}: {p.message}" for p in self.problems]


def whole_file(message: str) -> LoadError:
    """A problem with the file as a whole (reported at 1:1)."""
    return LoadError([Problem(1, 1, message)])


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted for a message: shortened, with control characters made visible."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(short)
