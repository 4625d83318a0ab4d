"""Search on the timeline page: every suggestion finds events, and what was found is marked."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.support import ROOT, Node, event_ids, parse
from timeline import create_app


@pytest.fixture(scope="module")
def story() -> FlaskClient:
    """A client of the app on the bundled story."""
    return create_app({"TESTING": True, "TIMELINE_CACHE_DIR": ""}).test_client()


def suggestions(doc: Node) -> list[str]:
    """Every search the page suggests: the placeholder's words and the hint's example."""
    box = doc.one("input", id="q")
    words = [w.strip() for w in box.attrs["placeholder"].rstrip("…").split(",")]
    hint = re.match(r"Every word must match, in any script: (\S+) finds", doc.one(id="q-hint").text)
    return words + ([hint.group(1)] if hint else [])


@pytest.mark.parametrize("which", ["story", "client"])
def test_every_search_the_page_suggests_finds_events(request: pytest.FixtureRequest, which: str) -> None:
    client: FlaskClient = request.getfixturevalue(which)
    examples = suggestions(parse(client.get("/").data))
    assert len(examples) == 4
    for q in examples:
        assert event_ids(client.get("/", query_string={"q": q}).data), q


def readme_examples() -> list[str]:
    """The searches the README's paragraph on text search gives as examples."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = text[text.index("Text search finds") :].split("\n\n")[0]
    return re.findall(r"`([^`=]+)`", paragraph)


def test_every_search_the_readme_suggests_finds_events(story: FlaskClient) -> None:
    examples = readme_examples()
    assert examples == [
        "запуск",
        "Пересильд",
        '"Yulia Peresild"',
        "Байконур",
        "Gagarin",
        "Петр Дубров",
        "ПЕРЕСИЛЬД",
    ]
    for q in examples:
        assert event_ids(story.get("/", query_string={"q": q}).data), q


def test_what_was_found_is_marked_and_quotes_that_hold_it_are_shown_open(story: FlaskClient) -> None:
    doc = parse(story.get("/?q=Gagarin").data)
    vostok = doc.one("li", id="event-vostok-1-gagarin")
    assert "Gagarin" in [m.text for m in vostok.one("h3").find("mark")]
    # Sputnik 1 is found by a quote only: its sources are open, the word marked there.
    sputnik = doc.one("li", id="event-sputnik-1")
    sources = sputnik.one("details", "sources")
    assert "open" in sources.attrs
    assert [m.text for m in sources.find("mark")] == ["Gagarin"]
    assert not sputnik.one("h3").find("mark")
    # A word found in a summary is marked there.
    press = parse(story.get("/?q=accelerated").data).one(
        "li", id="event-soyuz-ms-19-preflight-press-conference"
    )
    assert [m.text for m in press.one("p", "summary").find("mark")] == ["accelerated"]
    # Without a search nothing is marked and every source list starts closed.
    plain = parse(story.get("/").data)
    assert not plain.find("mark")
    assert not any("open" in d.attrs for d in plain.find("details", "sources"))


def test_a_search_in_another_script_marks_the_words_as_written(story: FlaskClient) -> None:
    doc = parse(story.get("/", query_string={"q": "Байконур"}).data)
    marks = {m.text for m in doc.find("mark")}
    assert "Baikonur" in marks
    assert event_ids(story.get("/", query_string={"q": '"Peresild Shipenko"'}).data) == []
    both = event_ids(story.get("/", query_string={"q": "Peresild Shipenko"}).data)
    assert "peresild-shipenko-selected" in both
