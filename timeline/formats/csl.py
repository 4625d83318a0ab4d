"""CSL-JSON: citations for reference managers (Zotero, Mendeley, pandoc) and CSL processors.

Each event of the view is a web page of this timeline (``webpage``), and each source it cites
a newspaper article (``article-newspaper``) of its publisher, once, as
:mod:`timeline.formats.reference` says. The file is a JSON array of CSL items (CSL-JSON 1.0.2),
written an item at a time. The same items feed the "Cite this" strings.

- Authors are split as reference managers split a byline: "Thom Waite" → family "Waite",
  given "Thom"; "Waite, Thom" as written; lower-case words before the family name are a
  particle ("Ludwig van Beethoven"); a single word is a literal name.
- Dates keep their precision (``[[2021, 10]]`` for October 2021); an approximate or uncertain
  date is ``circa``; an interval with both ends known is a range; a date with unspecified
  digits (``196X``) is given as written.
- Our own pages carry the day they were accessed (today, UTC); a source's access date is not
  known, so it has none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from timeline.dates import FlexDate, Point
from timeline.formats.reference import ARTICLE, PAGE, Reference, references
from timeline.formats.view import View

MEDIA_TYPE = "application/vnd.citationstyles.csl+json"
TYPES = {PAGE: "webpage", ARTICLE: "article-newspaper"}


def today() -> date:
    """The day a reader accesses our pages (UTC): what their citations give as accessed."""
    return datetime.now(UTC).date()


def names(author: str | None) -> list[dict[str, str]]:
    """A byline as CSL names (see the module's docstring)."""
    if not author or not author.strip():
        return []
    text = " ".join(author.split())
    if "," in text:
        family, _, given = text.partition(",")
        return [{"family": family.strip(), "given": given.strip()}]
    given, _, family = text.rpartition(" ")
    if not given:
        return [{"literal": family}]
    words = given.split(" ")
    cut = len(words)
    while cut > 1 and words[cut - 1].islower():  # "Ludwig van": a particle, as CSL processors read it
        cut -= 1
    name = {"family": family, "given": " ".join(words[:cut])}
    if cut < len(words):
        name["dropping-particle"] = " ".join(words[cut:])
    return [name]


def _parts(point: Point) -> list[int]:
    return [p for p in (point.year, point.month, point.day) if p is not None]


def date_value(value: FlexDate) -> dict[str, Any]:
    """A date of the data file as a CSL date (see the module's docstring)."""
    points = [p for p in (value.start, value.end) if p is not None]
    if not points:
        return {"literal": value.iso()}
    if any(p.unspecified for p in points):
        return {"literal": value.iso()}
    shown = points if value.interval else points[:1]
    out: dict[str, Any] = {"date-parts": [_parts(p) for p in shown]}
    if any(p.approximate or p.uncertain for p in points):
        out["circa"] = True
    return out


def item(ref: Reference, accessed: date | None = None) -> dict[str, Any]:
    """One reference as a CSL-JSON item (only the fields it has)."""
    out: dict[str, Any] = {"id": ref.key, "type": TYPES.get(ref.kind, "webpage"), "title": ref.title}
    if ref.author:
        out["author"] = names(ref.author)
    if ref.container:
        out["container-title"] = ref.container
    if ref.publisher and ref.publisher != ref.container:  # an outlet is its own publisher
        out["publisher"] = ref.publisher
    if ref.issued is not None:
        out["issued"] = date_value(ref.issued)
    if accessed is not None:
        out["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    if ref.url:
        out["URL"] = ref.url
    if ref.keywords:
        out["keyword"] = ", ".join(ref.keywords)
    return out


def items(refs: Iterable[Reference], accessed: date) -> Iterator[str]:
    """A JSON array of CSL items, an item a piece; our own pages say they were accessed on ``accessed``."""
    yield "["
    for i, ref in enumerate(refs):
        cited = item(ref, accessed if ref.kind == PAGE else None)
        yield ("\n" if i == 0 else ",\n") + json.dumps(cited, ensure_ascii=False)
    yield "\n]\n"


def write(view: View) -> Iterator[str]:
    """The view's events and the sources they cite, as CSL-JSON."""
    return items(references(view), today())
