""" "Cite this" on event, source and timeline pages: golden strings in APA 7, Chicago (author-date)
and MLA 9 (each also checked against pandoc's citeproc, the reference), and the CSL-JSON and
BibTeX files a reference manager imports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from flask.testing import FlaskClient

from tests.formats.conftest import HOSTILE, MINI, serve, with_text
from tests.formats.oracle import normal, pandoc_html
from tests.support import DATA, parse
from timeline.formats import csl

HTMX = {"HX-Request": "true", "HX-Target": "results"}
# The data version's day is 30 November 2026 (VERSION_TIME); the landing event was updated on
# 18 October 2021; the publisher is TIMELINE_PUBLISHER. Italics are <i>.
GOLDEN = {
    "/events/landing": {
        "apa": "Orbit Film Desk. (2021, October 18). <i>The crew lands in Kazakhstan</i>. Mini Timeline. "
        "http://localhost/events/landing",
        "chicago": "Orbit Film Desk. 2021. “The Crew Lands in Kazakhstan.” Mini Timeline, October 18. "
        "http://localhost/events/landing.",
        "mla": "“The Crew Lands in Kazakhstan.” <i>Mini Timeline</i>, Orbit Film Desk, 18 Oct. 2021, "
        "http://localhost/events/landing.",
    },
    "/sources/paper": {
        "apa": "Writer, A. (2021, October 5). A newspaper story. <i>Daily Paper</i>.",
        "chicago": "Writer, A. 2021. “A Newspaper Story.” <i>Daily Paper</i>, October 5.",
        "mla": "Writer, A. “A Newspaper Story.” <i>Daily Paper</i>, 5 Oct. 2021.",
    },
    "/?actor=laika&country=SU": {
        "apa": "Orbit Film Desk. (2026, November 30). <i>Laika · Soviet Union</i>. Mini Timeline. "
        "http://localhost/?actor=laika&country=SU",
        "chicago": "Orbit Film Desk. 2026. “Laika · Soviet Union.” Mini Timeline, November 30. "
        "http://localhost/?actor=laika&country=SU.",
        "mla": "“Laika · Soviet Union.” <i>Mini Timeline</i>, Orbit Film Desk, 30 Nov. 2026, "
        "http://localhost/?actor=laika&country=SU.",
    },
}
FILES = {
    "/events/landing": "/events/landing/cite",
    "/sources/paper": "/sources/paper/cite",
    "/?actor=laika&country=SU": "/cite",
}
STYLES = {"apa": "apa", "chicago": "chicago-author-date", "mla": "modern-language-association"}
SCHEMA = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The app on mini.yaml, with a publisher and a known data version time."""
    return serve(tmp_path_factory.mktemp("cite"), MINI).test_client()


def shown(client: FlaskClient, url: str, **headers: str) -> dict[str, str]:
    """The citations a page shows, by style, as HTML."""
    doc = parse(client.get(url, headers=headers).data)
    section = doc.one("section", "cite")
    return {n.attrs["id"].rsplit("-", 1)[1]: "".join(str(c) for c in n.element.contents)
            for n in section.find("p", "cite-text")}  # fmt: skip


def download(client: FlaskClient, page: str, kind: str) -> str:
    """A citation file of a page."""
    query = page.partition("?")[2]
    url = f"{FILES[page]}.{kind}" + (f"?{query}" if query else "")
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return response.text


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_each_page_shows_the_golden_strings(mini: FlaskClient, page: str) -> None:
    assert shown(mini, page) == GOLDEN[page]


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_the_golden_strings_are_what_pandocs_citeproc_makes_of_the_csl_json(
    mini: FlaskClient, page: str
) -> None:
    [item] = json.loads(download(mini, page, "csl.json"))
    for name, csl_name in STYLES.items():
        assert pandoc_html([item], csl_name)[item["id"]] == normal(GOLDEN[page][name])


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_the_files_are_valid_csl_json_and_bibtex(mini: FlaskClient, page: str) -> None:
    items = json.loads(download(mini, page, "csl.json"))
    jsonschema.validate(items, SCHEMA)
    assert len(items) == 1
    library = bibtexparser.parse_string(download(mini, page, "bib"))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.key == items[0]["id"]
    assert entry["title"] == items[0]["title"]
    if page != "/sources/paper":
        assert entry["url"] == items[0]["URL"]
        assert items[0]["accessed"] == {"date-parts": [list(csl.today().timetuple()[:3])]}


def test_a_filtered_view_cites_its_filters_and_htmx_swaps_the_citation(mini: FlaskClient) -> None:
    assert shown(mini, "/?actor=laika&country=SU", **HTMX) == GOLDEN["/?actor=laika&country=SU"]
    whole = shown(mini, "/")
    assert whole["apa"].startswith("Orbit Film Desk. (2026, November 30). <i>Mini timeline</i>.")
    doc = parse(mini.get("/?tag=launch").data)
    assert [a.attrs["href"] for a in doc.one("p", "cite-files").find("a")] == [
        "/cite.csl.json?tag=launch",
        "/cite.bib?tag=launch",
    ]


def test_copy_buttons_wait_for_javascript(mini: FlaskClient) -> None:
    buttons = parse(mini.get("/events/landing").data).one("section", "cite").find("button")
    assert len(buttons) == 3
    assert all("hidden" in b.attrs and b.attrs["type"] == "button" for b in buttons)


@pytest.mark.parametrize(
    ("url", "status"),
    [("/events/landing/cite.ris", 404), ("/events/nope/cite.bib", 404), ("/sources/nope/cite.csl.json", 404),
     ("/cite.bib?actor=nobody", 400), ("/cite.bib?page=2", 400), ("/events/landing/cite.bib?x=1", 400)],
)  # fmt: skip
def test_bad_citation_files_are_clear_errors(mini: FlaskClient, url: str, status: int) -> None:
    assert mini.get(url).status_code == status


def test_hostile_text_is_cited_as_text(tmp_path: Path) -> None:
    client = serve(tmp_path, with_text(HOSTILE)).test_client()
    for page in ("/events/landing", "/sources/paper"):
        html = client.get(page).text
        section = html[
            html.index('<section class="cite"') : html.index(
                "</section>", html.index('<section class="cite"')
            )
        ]
        assert "<script>" not in section.lower()
        assert re.search(r"&lt;/title&gt;&lt;script&gt;", section, re.IGNORECASE)
        files = json.loads(client.get(f"{page}/cite.csl.json").data)
        assert files[0]["title"] == HOSTILE


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_a_russian_page_cites_in_the_styles_english_marked_so(mini: FlaskClient, page: str) -> None:
    """The same citation in every language: the file's texts, English words, the unprefixed address."""
    russian = "/ru" + page
    assert shown(mini, russian) == GOLDEN[page]
    section = parse(mini.get(russian).data).one("section", "cite")
    assert {n.attrs.get("lang") for n in section.find("p", "cite-text")} == {"en"}
    assert section.one("h2").text in (
        "Цитировать это событие",
        "Цитировать этот источник",
        "Цитировать эту выборку",
    )
    english = parse(mini.get(page).data).one("section", "cite")
    assert not [n for n in english.find("p", "cite-text") if "lang" in n.attrs]
    files = section.one("p", "cite-files").find("a")
    assert [a.attrs["href"] for a in files] == [
        a.attrs["href"] for a in english.one("p", "cite-files").find("a")
    ]
    assert [a.attrs.get("lang") for a in files] == ["en", "en"]  # format names, as the download links


def test_citation_files_are_the_same_in_every_language(mini: FlaskClient) -> None:
    for url in ("/events/landing/cite.csl.json", "/cite.bib?actor=laika&country=SU"):
        plain, russian = mini.get(url), mini.get(url, headers={"Accept-Language": "ru"})
        assert russian.data == plain.data
        assert "Accept-Language" not in russian.headers["Vary"]
    assert mini.get("/ru/events/landing/cite.bib").status_code == 404  # they have one address
    error = mini.get("/events/landing/cite.ris", headers={"Accept-Language": "ru"})
    assert "Нет файла цитирования" in error.text  # errors speak the reader's language
