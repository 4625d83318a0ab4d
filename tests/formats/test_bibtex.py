"""BibTeX: read back by bibtexparser 2 (LaTeX decoded by its middleware, as a reference manager would)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware
from flask.testing import FlaskClient

from tests.formats.conftest import HOSTILE, MINI, PUBLISHER, fetch, serve

VERBATIM = ("date", "url")  # BibLaTeX reads these as written: "~" in a date means approximate


def bib(client: FlaskClient, query: str = "") -> dict[str, Any]:
    """The BibTeX export of a view as bibtexparser reads it: entries by key, text fields decoded."""
    text = fetch(client, f"/export.bib{query}", "application/x-bibtex")
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    raw = {e.key: e for e in bibtexparser.parse_string(text).entries}
    entries = {e.key: (e, raw[e.key]) for e in library.entries}
    assert len(entries) == len(library.entries)  # keys are unique
    return entries


def values(entry: Any) -> dict[str, str]:
    """An entry's fields by name (decoded LaTeX, but dates and URLs as written)."""
    decoded, raw = entry
    return {f.key: raw.fields_dict[f.key].value if f.key in VERBATIM else f.value for f in decoded.fields}


def test_each_event_is_a_page_of_the_timeline_and_each_source_an_article(story: FlaskClient) -> None:
    entries = bib(story, "?actor=yulia-peresild&tag=landing")
    assert [k for k in entries if k.startswith("event:")] == ["event:soyuz-ms-18-landing"]
    assert entries["event:soyuz-ms-18-landing"][0].entry_type == "online"
    sources = [k for k in entries if k.startswith("source:")]
    cited = story.get("/api/events/soyuz-ms-18-landing").json["citations"]  # type: ignore[index]
    assert sources == [
        f"source:{s}" for s in dict.fromkeys(c["source"] for c in cited)
    ]  # each once, in order
    assert all(entries[k][0].entry_type == "article" for k in sources)
    landing = values(entries["event:soyuz-ms-18-landing"])
    assert landing == {
        "title": "Soyuz MS-18 lands in Kazakhstan with the first film crew back from orbit",
        "titleaddon": "The race to shoot the first feature film in orbit",
        "organization": PUBLISHER,
        "date": "2026-11-30",  # no `updated`: the data version's day
        "url": "http://localhost/events/soyuz-ms-18-landing",
        "keywords": "Landing, Film",
    }
    tass = values(entries["source:tass-2021-10-17-landing"])
    assert tass == {
        "title": "Russia’s Soyuz MS-18 spacecraft lands in Kazakhstan",
        "journal": "TASS",
        "date": "2021-10-17",
        "url": "https://tass.com/science/1350499",
    }


def test_keys_stay_the_same_in_every_view(mini: FlaskClient) -> None:
    whole, filtered = bib(mini), bib(mini, "?actor=laika")
    assert list(filtered) == ["event:laika", "source:agency"]
    assert all(values(filtered[k]) == values(whole[k]) for k in filtered)
    assert list(whole) == [
        "event:sputnik-year", "event:laika", "event:cruise-flight", "event:launch", "event:landing",
        "source:agency", "source:paper",
    ]  # fmt: skip


def test_dates_are_biblatex_edtf(mini: FlaskClient, tmp_path: Path) -> None:
    entries = bib(mini)
    assert values(entries["event:landing"])["date"] == "2021-10-18"  # its `updated`
    assert values(entries["source:paper"])["date"] == "2021-10-05"  # written "5 October 2021"
    assert values(entries["source:paper"])["author"] == "A. Writer"
    vague = MINI.read_text(encoding="utf-8").replace("published: 2021-10-17", "published: 2021-10~")
    served = bib(serve(tmp_path, vague, TIMELINE_PUBLISHER="").test_client())
    assert values(served["source:agency"])["date"] == "2021-10~"
    assert "organization" not in values(served["event:laika"])  # no publisher set, none claimed


def test_braces_that_nest_are_kept(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "title: Laika orbits the Earth", "title: Laika {Лайка} & co"
    )
    entries = bib(serve(tmp_path, text).test_client(), "?actor=laika")
    assert values(entries["event:laika"])["title"] == "Laika {Лайка} & co"


def test_hostile_text_stays_in_its_field(hostile: FlaskClient) -> None:
    entries = bib(hostile)
    assert len(entries) == 7  # five events, two sources: no entry made from text
    title = values(entries["event:landing"])["title"]
    # One line; braces that do not nest are written as LaTeX symbols, which the decoder drops.
    assert " ".join(title.split()) == " ".join(HOSTILE.replace("{", "").replace("}", "").split())
    assert values(entries["source:agency"])["journal"] == title
