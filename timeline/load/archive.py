"""Quote checks against archived plain-text copies of the sources (``timeline check --archive``)."""

from __future__ import annotations

from pathlib import Path

_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    }
)  # fmt: skip


def normalise_quote(text: str) -> str:
    """Text with whitespace collapsed and quote marks made plain, for quote checks."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


class Archive:
    """A folder of plain-text copies of sources; each file is read once, normalised."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._texts: dict[str, str | None] = {}

    def text(self, name: str) -> str | None:
        """The normalised text of ``name``, or None when it cannot be read."""
        if name not in self._texts:
            try:
                raw = (self.folder / name).read_text(encoding="utf-8", errors="replace")
                self._texts[name] = normalise_quote(raw)
            except OSError:
                self._texts[name] = None
        return self._texts[name]

    def problem(self, name: str, quote: str) -> tuple[str, str] | None:
        """``(field, message)`` when ``quote`` cannot be found in the archived ``name``."""
        text = self.text(name)
        if text is None:
            return "source", f"archive file {name!r} not found in {self.folder}"
        if normalise_quote(quote) not in text:
            return "quote", f"quote not found in {name}"
        return None
