"""Citation strings from citeproc-py (corrected) are the strings pandoc's citeproc writes."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from tests.formats.oracle import normal, pandoc_html
from timeline.formats import styles

WEB, NEWS = "webpage", "article-newspaper"


def item(kind: str = WEB, **fields: Any) -> dict[str, Any]:
    """A CSL item: a title, a site and a date unless the test says otherwise."""
    base: dict[str, Any] = {
        "id": "item",
        "type": kind,
        "title": "Russia outruns US in race for first film shot in space",
        "container-title": "TRT World",
        "issued": {"date-parts": [[2021, 10, 5]]},
        "URL": "https://www.trtworld.com/magazine/russia-outruns-us",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


# Each case exercises something citeproc-py gets wrong on its own (see timeline/formats/citeproc_fixes.py
# and csltext.py), or a shape of the data this timeline has.
CASES = {
    "no author: the title or the site stands in, once": item(),
    "newspaper article without author (Chicago's stray 'Edition.')": item(NEWS),
    "given names stay whole in Chicago and MLA": item(author=[{"family": "Waite", "given": "Thom"}]),
    "a particle": item(author=[{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}]),
    "hyphenated given name": item(NEWS, author=[{"family": "Sartre", "given": "Jean-Paul"}]),
    "an organisation as author": item(author=[{"literal": "Reuters"}]),
    "a page of this timeline, published by someone": item(
        title="The crew lands in Kazakhstan",
        **{"container-title": "The race to shoot the first feature film in orbit"},
        publisher="Example Press",
        accessed={"date-parts": [[2026, 12, 1]]},
    ),
    "month precision, approximate": item(issued={"date-parts": [[2021, 12]], "circa": True}),
    "year only": item(issued={"date-parts": [[2022]]}),
    "no date and no address": item(issued=None, URL=None),
    "a title that ends in a question mark": item(title="Is this the first film in space?"),
    "a title that ends in an exclamation mark": item(NEWS, title="Godspeed! All-civilian mission launches!"),
    "a title that ends in a period": item(title="ALL CAPS, and a period."),
    "quotations in the title: straight, single, curly": item(title="\"Salyut 7\" is 'the best' and “Вызов”"),
    "an apostrophe and an unpaired quote": item(title="Russia's 'unpaired quote"),
    "title case: parentheses, hyphens, dashes, stop words": item(
        title="what's up (probable; not confirmed) all-civilian Inspiration4–first of a kind in orbit",
        **{"container-title": "President of Russia (kremlin.ru) via the web"},
    ),
    "title case leaves other languages' small words and capitals": item(
        title="Il y a exactement 35 ans, le vaisseau à bord s’est approché de la station Salyut-7",
    ),
    "title case: the last word, or not": item(title="a thing to look up (or not) … from 2021 to …"),
    "title case: the last word before a period": item(title="What to look up."),
    "Cyrillic": item(title="Роскосмос, Первый канал и Yellow, Black and White снимут фильм в космосе"),
    "markup-like text stays text": item(title="<script>alert(1)</script> & friends"),
}


SITES = ("TASS", "Interfax", "SpaceNews", "Space.com", "Seradata", "People", "Time Out", "Sputnik", "Dazed")


def cases() -> dict[str, dict[str, Any]]:
    """The cases, each with its own id, and its own site, year and title where it has the default ones."""
    out = {}
    default = item()["title"]
    for i, (name, case) in enumerate(sorted(CASES.items())):
        if case["title"] == default:
            case = {**case, "title": f"{default} (part {i})"}
        if case.get("container-title") == "TRT World":
            case = {**case, "container-title": f"{SITES[i % len(SITES)]} {i}"}
        if case.get("issued") == {"date-parts": [[2021, 10, 5]]}:
            case = {**case, "issued": {"date-parts": [[2000 + i, 10, 5]]}}
        out[name] = {**case, "id": f"case-{i}"}
    return out


@cache
def reference(csl: str) -> dict[str, str]:
    """pandoc's strings for every case in one style (one run)."""
    return pandoc_html(list(cases().values()), csl)


@pytest.mark.parametrize("style", styles.STYLES, ids=lambda s: s.name)
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_string_is_what_pandocs_citeproc_writes(case: str, style: styles.Style) -> None:
    cited = cases()[case]
    assert normal(str(styles.html(cited, style))) == reference(style.csl)[cited["id"]]


def test_data_never_becomes_markup() -> None:
    cited = item(title="<script>alert(1)</script>", **{"container-title": "A & B \ue001x\ue000"})
    for style in styles.STYLES:
        rendered = str(styles.html(cited, style))
        assert "<script" not in rendered.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered.lower()
        assert "A &amp; B x" in rendered  # a forged formatting marker is dropped, not obeyed
