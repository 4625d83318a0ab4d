"""BibTeX for BibLaTeX/Biber: ``@online`` for the events' pages, ``@article`` for their sources.

Dates are written as BibLaTeX's ``date`` field, which reads EDTF level 1: an uncertain
(``2021-10-16?``) or approximate (``2021-12~``) date stays so. Text is escaped for LaTeX
(``& % $ # _ ~ ^ \\``), ``@`` is braced so no reader takes it for an entry, line breaks become
spaces, and braces are kept only when they nest; otherwise they are written as
``\\textbraceleft{}``/``\\textbraceright{}``, so no text can close a field or open an entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline.dates import FlexDate
from timeline.formats.reference import PAGE, Reference, references
from timeline.formats.view import View

ENTRY_TYPES = {PAGE: "online"}  # anything else: "article"
_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "@": "{@}",
}  # fmt: skip
_NESTED = str.maketrans({**_SPECIAL, "{": r"\{", "}": r"\}"})
_LOOSE = str.maketrans({**_SPECIAL, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"})
_ANY_SPECIAL = re.compile("[" + re.escape("".join(_SPECIAL)) + "{}]")  # most text has none: kept as is
_URL = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})


def _nests(text: str) -> bool:
    """True when every brace in ``text`` closes one opened before it, and all are closed."""
    depth = 0
    for char in text:
        if char in "{}":
            depth += 1 if char == "{" else -1
            if depth < 0:
                return False
    return depth == 0


def latex(text: str) -> str:
    """``text`` as the value of a braced BibTeX field: one line, LaTeX's specials escaped."""
    line = " ".join(text.split())
    if not _ANY_SPECIAL.search(line):
        return line
    plain = "{" not in line and "}" not in line
    return line.translate(_NESTED if plain or _nests(line) else _LOOSE)


def date_field(value: FlexDate) -> str:
    """BibLaTeX's ``date``: EDTF as the data writes it; a moment becomes its UTC day."""
    point = value.start
    if not value.interval and point is not None and point.utc is not None:
        return point.utc.strftime("%Y-%m-%d")
    return value.iso()


def fields(reference: Reference) -> list[tuple[str, str]]:
    """The entry's fields, in a fixed order, escaped."""
    found = [("title", latex(reference.title))]
    if reference.author:
        found.append(("author", latex(reference.author)))
    if reference.kind == PAGE:
        if reference.container:
            found.append(("titleaddon", latex(reference.container)))
        if reference.publisher:
            found.append(("organization", latex(reference.publisher)))
    elif reference.container:
        found.append(("journal", latex(reference.container)))
    if reference.issued is not None:
        found.append(("date", date_field(reference.issued)))
    if reference.url:
        found.append(("url", reference.url.translate(_URL)))
    if reference.keywords:
        found.append(("keywords", ", ".join(latex(k.replace(",", " ")) for k in reference.keywords)))
    return found


def entry(reference: Reference) -> str:
    """One BibTeX entry."""
    kind = ENTRY_TYPES.get(reference.kind, "article")
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields(reference))
    return f"@{kind}{{{reference.key},\n{body}}}\n\n"


def write(view: View) -> Iterator[str]:
    """The view's events and their sources, an entry at a time."""
    # Only our own URL goes outside the entries (urlencode writes "@" as %40): no data text.
    yield f"% The events of {view.links.view} and the sources they cite, for BibLaTeX/Biber.\n\n"
    for reference in references(view):
        yield entry(reference)
