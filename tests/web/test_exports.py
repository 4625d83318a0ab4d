"""``/export.<format>``: the page's filters, every registered format, streamed, never a 5xx."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generate import generate
from tests.support import parse
from timeline import create_app
from timeline.formats import FORMATS
from timeline.web.exports import CHUNK, gathered


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_streams_a_download_named_after_the_view(client: FlaskClient, name: str) -> None:
    response = client.get(f"/export.{name}?actor=yulia-peresild&country=KZ&from=2021&q=crew")
    assert response.status_code == 200
    assert response.is_streamed  # written while it is sent, never held whole
    assert response.mimetype == FORMATS[name].media_type
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="mini-timeline-yulia-peresild-kz-from-2021-crew.{name}"'
    )
    assert response.data


def test_a_file_name_is_plain_ascii_and_short(client: FlaskClient) -> None:
    response = client.get("/export.ics", query_string={"q": "Пересильд " + "long words " * 15})
    response.close()
    disposition = response.headers["Content-Disposition"]
    name = disposition.split('filename="', 1)[1].rstrip('"')
    assert name.startswith("mini-timeline-long-words-long-words")
    assert name.endswith(".ics")
    assert len(name) <= 84
    assert name.isascii()


def test_an_unknown_format_is_a_404_that_lists_the_formats(client: FlaskClient) -> None:
    response = client.get("/export.pdf")
    assert response.status_code == 404
    assert "There is no export format “pdf”" in response.text
    assert all(f"export.{name}" in response.text for name in FORMATS)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=2", "unknown parameter 'page' (this address takes actor, country, from, limit, q, tag, to)"),
        ("per_page=10", "unknown parameter 'per_page'"),
        ("actr=laika", "unknown parameter 'actr'"),
        ("limit=0", "'limit' must be a whole number from 1 to 200,000"),
        ("limit=abc", "'limit' must be a whole number from 1 to 200,000"),
        ("limit=200001", "'limit' must be a whole number from 1 to 200,000"),
        ("limit=1&limit=2", "'limit' may be given only once"),
        ("from=2021-13", "'from' must be a date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("actor=nobody", "unknown actor 'nobody'"),
    ],
)
def test_a_bad_parameter_is_a_400_that_says_which(client: FlaskClient, query: str, message: str) -> None:
    response = client.get(f"/export.ics?{query}")
    assert response.status_code == 400
    assert message in html.unescape(response.text)


def test_limit_keeps_the_latest_events_of_the_view(client: FlaskClient) -> None:
    text = client.get("/export.ics?limit=2").text
    uids = [line.removeprefix("UID:").split("@")[0] for line in text.splitlines() if line.startswith("UID:")]
    assert uids == ["launch", "landing"]  # the two latest, still oldest first
    whole = client.get("/export.ics").text
    assert whole.count("BEGIN:VEVENT") == 5


def test_head_sends_the_headers_only(client: FlaskClient) -> None:
    response = client.head("/export.ics?tag=launch")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.data == b""


def test_the_page_offers_its_view_in_every_format(client: FlaskClient) -> None:
    page = parse(client.get("/?actor=yulia-peresild&from=2021").text)
    section = page.one("div", "downloads")
    assert section.one("h2").text == "Download this view as"
    links = section.find("a")
    assert [a.text for a in links] == [f.label for f in FORMATS.values()]
    for link, fmt in zip(links, FORMATS.values(), strict=True):
        assert link.attrs["href"] == f"/export.{fmt.name}?actor=yulia-peresild&from=2021"
        assert link.attrs["type"] == fmt.media_type
        followed = client.get(link.attrs["href"])
        assert (followed.status_code, followed.mimetype) == (200, fmt.media_type)
        assert followed.data  # read to the end: the stream closes
    feeds = [link for link in page.find("link", rel="alternate") if "type" in link.attrs]  # not hreflang
    feeds = [f for f in feeds if "oembed" not in f.attrs["type"]]
    assert [(f.attrs["type"], f.attrs["href"]) for f in feeds] == [
        ("application/atom+xml", "/export.atom"),
        ("application/feed+json", "/export.json"),
    ]  # feed readers discover the whole timeline's feeds


def test_no_downloads_for_an_empty_or_invalid_view(client: FlaskClient) -> None:
    assert not parse(client.get("/?actor=laika&country=KZ").text).find("div", "downloads")
    assert not parse(client.get("/?from=2021-13").text).find("div", "downloads")


def test_a_feed_link_says_it_holds_only_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(generate(120), encoding="utf-8")
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""})
    items = parse(app.test_client().get("/").text).one("div", "downloads").find("li")
    newest = "(the newest 100)"
    assert [i.text for i in items] == [
        "iCalendar (.ics)", f"Atom {newest}", f"JSON Feed {newest}", "BibTeX", "CSL-JSON",
        "CSV (spreadsheet)", "TimelineJS sheet (CSV)", "TimelineJS (JSON)",
    ]  # fmt: skip


def test_a_file_over_the_render_budget_is_a_400_that_says_how_to_ask_for_less(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(generate(150), encoding="utf-8")
    config = {
        "TESTING": True,
        "TIMELINE_EVENTS": str(path),
        "TIMELINE_CACHE_DIR": "",
        "TIMELINE_RENDER_LIMIT": 100,
    }
    client = create_app(config).test_client()
    refused = client.get("/export.ics")
    assert refused.status_code == 400
    assert "This would hold 150 events; one response holds at most 100." in refused.text
    assert "limit=100" in refused.text
    assert client.get("/export.ics?limit=100").status_code == 200
    assert client.get("/export.bib?tag=launch").status_code == 200  # a smaller view
    assert client.get("/export.atom").status_code == 200  # a feed holds the newest 100


@settings(deadline=None)
@given(pieces=st.lists(st.text(max_size=50)), size=st.integers(1, 200))
def test_a_download_is_sent_in_chunks_of_at_least_the_chunk_size(pieces: list[str], size: int) -> None:
    chunks = list(gathered(iter(pieces), size))
    assert "".join(chunks) == "".join(pieces)  # nothing lost, nothing reordered
    assert all(size <= len(chunk) < size + 50 for chunk in chunks[:-1])  # bounded, and few
    assert all(chunks)


def test_a_large_download_is_sent_in_few_large_chunks(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(generate(400), encoding="utf-8")
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""})
    response = app.test_client().get("/export.ics", buffered=False)
    chunks = list(response.response)  # type: ignore[arg-type]
    response.close()
    assert len(chunks) < 10 < 400  # not a write per event
    assert all(len(chunk) >= CHUNK for chunk in chunks[:-1])


def test_a_file_from_a_russian_page_is_in_russian(client: FlaskClient) -> None:
    """The page's export links keep its language, and the file says what the page says."""
    page = parse(client.get("/ru/?actor=yulia-peresild").data)
    links = [a.attrs["href"] for a in page.find("a") if "/export." in a.attrs.get("href", "")]
    assert links
    assert all(href.startswith("/ru/export.") for href in links)
    feed = client.get("/ru/export.json?actor=yulia-peresild").json
    assert feed is not None
    assert feed["title"] == "Мини-хронология — Юлия Пересильд"
    titles = [item["title"] for item in feed["items"]]
    assert titles == ["Экипаж приземляется в Казахстане", "Экипаж стартует с Байконура"]
    calendar = client.get("/ru/export.ics?actor=yulia-peresild").data.decode()
    unfolded = calendar.replace("\r\n ", "")  # iCalendar folds long lines
    assert "SUMMARY:Экипаж приземляется в Казахстане" in unfolded
    assert "Примечание редакции: Они приземлились 17 октября (UTC)." in unfolded  # the note, translated
    assert "The capsule landed at 04:35 UTC." in unfolded  # the quote, never
    english = client.get("/en/export.json?actor=yulia-peresild").json
    assert english is not None
    assert english["items"][0]["title"] == "The crew lands in Kazakhstan"
