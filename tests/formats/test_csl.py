"""CSL-JSON: valid against the CSL-JSON 1.0.2 schema, read back by citeproc (citeproc-py and pandoc's).

tests/data/csl-data.json is the schema as the Citation Style Language publishes it (tag v1.0.2
of citation-style-language/schema, MIT licence: tests/data/csl-data.LICENSE.txt).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from flask.testing import FlaskClient

from tests.formats.conftest import HOSTILE, PUBLISHER, VERSION_TIME, fetch
from tests.formats.oracle import pandoc_entries
from tests.support import DATA
from timeline.dates import parse_date
from timeline.formats import csl

SCHEMA = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))
MEDIA_TYPE = "application/vnd.citationstyles.csl+json"


def items(client: FlaskClient, url: str = "/export.csl.json") -> list[dict[str, Any]]:
    """An export, checked against the schema."""
    found: list[dict[str, Any]] = json.loads(fetch(client, url, MEDIA_TYPE))
    jsonschema.validate(found, SCHEMA)
    return found


def test_the_story_is_valid_csl_json_with_each_source_once(story: FlaskClient) -> None:
    found = items(story)
    events = [i for i in found if i["id"].startswith("event:")]
    sources = [i for i in found if i["id"].startswith("source:")]
    assert len(events) == len(story.get("/api/events?per_page=1000").json["events"])  # type: ignore[index]
    assert len(sources) == len({i["id"] for i in sources})  # once each
    assert {i["type"] for i in events} == {"webpage"}
    assert {i["type"] for i in sources} == {"article-newspaper"}


def test_an_event_is_a_page_of_this_timeline(mini: FlaskClient) -> None:
    by_id = {i["id"]: i for i in items(mini)}
    landing = by_id["event:landing"]
    assert (
        landing
        == {
            "id": "event:landing",
            "type": "webpage",
            "title": "The crew lands in Kazakhstan",
            "container-title": "Mini timeline",
            "publisher": PUBLISHER,
            "issued": {"date-parts": [[2021, 10, 18]]},  # its `updated` date
            "accessed": {"date-parts": [list(csl.today().timetuple()[:3])]},
            "URL": "http://localhost/events/landing",
            "keyword": "Landing",
        }
    )
    version_day = [VERSION_TIME.year, VERSION_TIME.month, VERSION_TIME.day]
    assert by_id["event:laika"]["issued"] == {"date-parts": [version_day]}  # no `updated`: the data's
    paper = by_id["source:paper"]
    assert paper["author"] == [{"family": "Writer", "given": "A."}]
    assert paper["container-title"] == "Daily Paper"
    assert "accessed" not in paper  # when a source was read is not known
    assert "URL" not in paper  # it has none: none is invented


def test_a_filtered_view_holds_its_events_and_their_sources(mini: FlaskClient) -> None:
    ids = [i["id"] for i in items(mini, "/export.csl.json?actor=laika")]
    assert ids == ["event:laika", "source:agency"]


def test_citeproc_reads_every_item_of_the_story(story: FlaskClient) -> None:
    found = items(story)
    source = CiteProcJSON(found)  # citeproc-py, as the pages use it
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("apa", validate=False), source, formatter.plain
    )
    bibliography.register(Citation([CitationItem(i["id"].lower()) for i in found]))
    entries = [str(e) for e in bibliography.bibliography()]
    assert len(entries) == len(found)
    assert all(any(i["URL"] in e for e in entries) for i in found if "URL" in i)
    reference = pandoc_entries(found, "apa")  # pandoc's citeproc, the reference: none dropped
    assert len(reference) == len(found)


def test_hostile_text_stays_data(hostile: FlaskClient) -> None:
    found = items(hostile)
    assert all(i["title"] == HOSTILE for i in found)  # JSON carries it as it is


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Thom Waite", [{"family": "Waite", "given": "Thom"}]),
        ("Waite, Thom", [{"family": "Waite", "given": "Thom"}]),
        ("Ludwig van Beethoven", [{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}]),
        ("Jean-Paul  Sartre", [{"family": "Sartre", "given": "Jean-Paul"}]),
        ("Reuters", [{"literal": "Reuters"}]),
        ("", []),
    ],
)
def test_bylines_split_as_reference_managers_split_them(author: str, names: list[dict[str, str]]) -> None:
    assert csl.names(author) == names


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2021-10-05", {"date-parts": [[2021, 10, 5]]}),
        ("2021-10", {"date-parts": [[2021, 10]]}),
        ("1957", {"date-parts": [[1957]]}),
        ("2021-12~", {"date-parts": [[2021, 12]], "circa": True}),
        ("2021-10-16?", {"date-parts": [[2021, 10, 16]], "circa": True}),
        ("2004-06/2006-08", {"date-parts": [[2004, 6], [2006, 8]]}),
        ("2021-10/..", {"date-parts": [[2021, 10]]}),
        ("196X", {"literal": "196X"}),
    ],
)
def test_dates_keep_their_precision(written: str, value: dict[str, Any]) -> None:
    assert csl.date_value(parse_date(written)) == value
    jsonschema.validate([{"id": "x", "type": "webpage", "issued": value}], SCHEMA)
