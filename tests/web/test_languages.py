"""The reader's language: chosen by the URL (/ru/, /en/) or, without a prefix, by Accept-Language.

Links keep the language, the switcher keeps the filters and the page, no cookie is ever set,
every page says which language it is in and where its other languages are, and a Russian
reader sees no English interface text: what is English on a Russian page is data the file did
not translate, and it is marked lang="en".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import NavigableString
from flask import Flask
from flask.testing import FlaskClient

from tests.support import ROOT, Node, bilingual, parse
from timeline import create_app
from timeline.load import load
from timeline.model import texts_in

HTMX = {"HX-Request": "true", "HX-Target": "results"}
BASE = "http://127.0.0.1:5000"  # TIMELINE_BASE_URL's default: absolute addresses never use the Host
RU = {"Accept-Language": "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"}


def html_lang(client: FlaskClient, path: str, status: int = 200, **headers: str) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == status
    return parse(response.data).one("html").attrs["lang"]


@pytest.mark.parametrize(
    ("path", "headers", "lang"),
    [
        ("/ru/", {}, "ru"),
        ("/en/", RU, "en"),  # the URL wins over the browser
        ("/ru/events/landing", {}, "ru"),
        ("/ru/sources/paper", {}, "ru"),
        ("/ru/actors/laika", {}, "ru"),
        ("/ru/countries/KZ", {}, "ru"),
        ("/", RU, "ru"),
        ("/", {"Accept-Language": "en;q=0.5, ru"}, "ru"),
        ("/", {"Accept-Language": "de-DE, de"}, "en"),  # no catalog: the default
        ("/", {}, "en"),
        ("/events/landing", RU, "ru"),
    ],
)
def test_the_url_or_else_accept_language_chooses(
    client: FlaskClient, path: str, headers: dict[str, str], lang: str
) -> None:
    assert html_lang(client, path, **headers) == lang


def test_only_a_negotiated_page_varies_on_accept_language(client: FlaskClient) -> None:
    assert "Accept-Language" in client.get("/", headers=RU).headers["Vary"]
    assert "Accept-Language" in client.get("/events/landing").headers["Vary"]
    assert "Accept-Language" not in client.get("/ru/").headers["Vary"]
    assert "Accept-Language" not in client.get("/en/events/landing").headers.get("Vary", "")


@pytest.mark.parametrize(
    "path", ["/", "/ru/", "/en/?actor=laika", "/ru/events/landing", "/ru/nothing", "/api/events?x=1"]
)
def test_no_cookie_is_ever_set(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers=RU)
    assert "Set-Cookie" not in response.headers


def page_links(doc: Node, app: Flask) -> list[str]:
    """Every address on this site that a page's links, forms and htmx requests go to, of a page
    that exists in every language (not the API, static files or citation files, which have none)."""
    found = [n.attrs[a] for a in ("href", "action", "hx-get") for n in doc.find() if a in n.attrs]
    paths = [urlsplit(url).path for url in found if url.startswith("/")]
    adapter = app.url_map.bind("localhost")
    return [p for p in paths if app.url_map.is_endpoint_expecting(str(adapter.match(p)[0]), "lang")]


@pytest.mark.parametrize(
    "path", ["/ru/", "/ru/?actor=yulia-peresild", "/ru/events/landing", "/ru/actors/yulia-peresild"]
)
def test_links_forms_and_htmx_requests_keep_the_language(client: FlaskClient, path: str) -> None:
    doc = parse(client.get(path).data)
    switcher = page_links(doc.one("nav", "languages"), client.application)
    links = [p for p in page_links(doc, client.application) if p not in switcher]
    assert links
    assert all(p.startswith("/ru/") for p in links), [p for p in links if not p.startswith("/ru/")]


def test_a_negotiated_page_keeps_links_without_a_prefix(client: FlaskClient) -> None:
    doc = parse(client.get("/", headers=RU).data)
    switcher = doc.one("nav", "languages")
    links = [p for p in page_links(doc, client.application) if p not in {"/en/", "/ru/"}]
    assert links
    assert not [p for p in links if p.startswith(("/ru/", "/en/"))]
    assert [a.attrs["href"] for a in switcher.find("a")] == ["/en/", "/ru/"]


def test_the_switcher_keeps_filters_and_page(client: FlaskClient) -> None:
    query = "country=RU&page=2&per_page=1&tag=launch"  # in normal form (parameters by name)
    doc = parse(client.get("/en/?tag=launch&country=RU&per_page=1&page=2").data)
    links = {a.attrs["hreflang"]: a for a in doc.one("nav", "languages").find("a")}
    assert links["ru"].attrs["href"] == f"/ru/?{query}"
    assert links["en"].attrs["href"] == f"/en/?{query}"
    assert links["en"].attrs["aria-current"] == "true"
    assert "aria-current" not in links["ru"].attrs
    assert links["ru"].attrs["lang"] == "ru"  # «Русский» is read in Russian on the English page
    assert links["ru"].text == "Русский"


def test_the_switcher_follows_an_htmx_change_of_the_filters(client: FlaskClient) -> None:
    fragment = parse(client.get("/ru/?actor=laika", headers=HTMX).data)
    switcher = fragment.one("nav", "languages")
    assert switcher.attrs["hx-swap-oob"] == "true"
    assert [a.attrs["href"] for a in switcher.find("a")] == ["/en/?actor=laika", "/ru/?actor=laika"]


def test_pages_name_their_language_versions(client: FlaskClient) -> None:
    """From the base URL (never the request's host), without the view the event page was opened from."""
    doc = parse(client.get("/ru/events/landing?x=1&actor=yulia-peresild", headers={"Host": "localhost"}).data)
    canonical = doc.one("link", rel="canonical").attrs["href"]
    assert canonical == f"{BASE}/ru/events/landing"
    alternates = {
        n.attrs["hreflang"]: n.attrs["href"]
        for n in doc.find("link", rel="alternate")
        if "hreflang" in n.attrs
    }
    assert alternates == {
        "en": f"{BASE}/en/events/landing",
        "ru": f"{BASE}/ru/events/landing",
        "x-default": f"{BASE}/events/landing",
    }
    switcher = [a.attrs["href"] for a in doc.one("nav", "languages").find("a")]  # the reader keeps the view
    assert switcher == ["/en/events/landing?actor=yulia-peresild", "/ru/events/landing?actor=yulia-peresild"]
    meta = {n.attrs.get("property"): n.attrs.get("content") for n in doc.find("meta")}
    assert meta["og:locale"] == "ru_RU"
    assert meta["og:locale:alternate"] == "en_GB"
    assert meta["og:url"] == canonical


def test_alternates_keep_the_filters(client: FlaskClient) -> None:
    doc = parse(client.get("/?actor=laika&tag=first", headers=RU).data)
    alternates = {
        n.attrs["hreflang"]: n.attrs["href"]
        for n in doc.find("link", rel="alternate")
        if "hreflang" in n.attrs
    }
    assert alternates["x-default"] == f"{BASE}/?actor=laika&tag=first"
    assert alternates["en"] == f"{BASE}/en/?actor=laika&tag=first"
    assert doc.one("link", rel="canonical").attrs["href"] == f"{BASE}/ru/?actor=laika&tag=first"


def test_a_redirect_keeps_the_language(client: FlaskClient) -> None:
    response = client.get("/ru/countries/su")
    assert response.status_code == 308
    assert response.headers["Location"] == "/ru/countries/SU"


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/ru/nothing", 404, "По этому адресу ничего нет."),
        ("/ru/events/nothing", 404, "Нет события с идентификатором «nothing»."),
        ("/ru/countries/XX", 404, "не связаны с кодом страны «XX»"),
        (
            "/ru/?from=2021-13",
            400,
            "«from» должно быть датой ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД"
            " либо временем UTC ГГГГ-ММ-ДДTЧЧ:ММZ, а не «2021-13»",
        ),
        ("/ru/?actor=nobody", 400, "неизвестный участник «nobody»"),
        ("/ru/?lanes=colour", 400, "«lanes» должно быть одним из: country, actor, tag"),
        ("/ru/?from=2022&to=2021", 400, "начало периода (from, 2022) позже его конца (to, 2021)"),
    ],
)
def test_errors_are_explained_in_russian(client: FlaskClient, path: str, status: int, text: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    doc = parse(response.data)
    assert doc.one("html").attrs["lang"] == "ru"
    assert text in doc.text


@pytest.mark.parametrize(
    ("path", "english", "russian"),
    [
        ("/api/events?from=2021-13", "'from' must be a date", "«from» должно быть датой"),
        ("/api/events?actor=nobody", "unknown actor 'nobody'", "неизвестный участник «nobody»"),
        ("/api/events?colour=red", "unknown parameter 'colour'", "неизвестный параметр «colour»"),
        ("/api/events/nothing", "There is no event with the id", "Нет события с идентификатором"),
    ],
)
def test_api_errors_follow_accept_language(
    client: FlaskClient, path: str, english: str, russian: str
) -> None:
    plain = client.get(path)
    assert english in plain.json["error"]  # type: ignore[index]
    answer = client.get(path, headers={"Accept-Language": "ru"})
    assert answer.status_code == plain.status_code
    assert russian in answer.json["error"]  # type: ignore[index]
    assert "Accept-Language" in answer.headers["Vary"]


@pytest.mark.parametrize("path", ["/api/events", "/api/events?actor=laika", "/api/events/landing"])
def test_an_api_answer_is_the_same_in_every_language(client: FlaskClient, path: str) -> None:
    """The same bytes (facet values with equal counts too), so a cache keeps one copy for all."""
    plain = client.get(path)
    russian = client.get(path, headers=RU)
    assert russian.data == plain.data
    assert "Accept-Language" not in russian.headers["Vary"]


def test_the_page_cache_keeps_languages_apart(data_file: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "TIMELINE_EVENTS": str(data_file),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_PAGE_CACHE": 1,
        }
    )
    client = app.test_client()
    assert html_lang(client, "/", **RU) == "ru"
    assert html_lang(client, "/") == "en"
    assert html_lang(client, "/", **RU) == "ru"
    assert html_lang(client, "/ru/") == "ru"


def test_russian_pages_say_the_translations_are_the_editors(client: FlaskClient) -> None:
    ru = parse(client.get("/ru/events/landing").data)
    assert "переведены её редакцией; цитаты приведены на языке оригинала" in ru.one("footer").text
    en = parse(client.get("/en/events/landing").data)
    assert not en.find("p", "translation-note")


# --- no English interface text on a Russian page ------------------------------------------------

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
URL = re.compile(r"https?://\S+")


def effective_lang(node: object) -> str:
    """The language a text is read in: the nearest lang attribute around it."""
    element = getattr(node, "parent", None)
    while element is not None:
        lang = getattr(element, "attrs", {}).get("lang")
        if lang:
            return str(lang)
        element = element.parent
    return ""


def latin_in_russian(html: bytes, allowed: set[str], *, fragment: bool = False) -> list[str]:
    """Latin-script words in the body that are read as Russian (acronyms like UTC and JSON allowed);
    a ``fragment`` (an htmx answer) is read in the Russian page it is swapped into."""
    doc = parse(html)
    body = doc.element if fragment else doc.one("body").element
    found = []
    for text in body.find_all(string=True):
        if not isinstance(text, NavigableString) or text.parent.name in ("script", "style"):
            continue
        if (effective_lang(text) or ("ru" if fragment else "")) != "ru":
            continue
        for word in LATIN_WORD.findall(URL.sub(" ", str(text))):  # addresses are in no language
            bare = word.strip("'’.-")
            if bare and not bare.isupper() and bare not in allowed:
                found.append(f"{bare!r} in {str(text).strip()[:80]!r}")
    return found


RUSSIAN_PAGES = [
    "/ru/",
    "/ru/?actor=yulia-peresild&country=KZ",
    "/ru/?tag=launch&from=2021&to=2021",
    "/ru/?actor=laika&country=KZ",
    "/ru/?lanes=tag",  # the axis's lanes: an untranslated tag's label marked
    "/ru/?lanes=actor",
    "/ru/events/landing",
    "/ru/events/cruise-flight",
    "/ru/events/sputnik-year",  # reads on to an untranslated title
    "/ru/events/laika?tag=first",  # the view it was opened from, named by an untranslated tag
    "/ru/sources/paper",
    "/ru/actors/yulia-peresild",
    "/ru/countries/SU",
    "/ru/?from=2021-13",
    "/ru/events/nothing",
    "/ru/?q=пересильд",  # a search: the words found marked
    "/ru/?q=Peresild+lands",  # typed in Latin letters: kept as typed
]


@pytest.mark.parametrize("path", RUSSIAN_PAGES)
def test_a_russian_page_has_no_english_but_marked_data(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    typed = set(LATIN_WORD.findall(path))  # ids and values the reader wrote come back as written
    assert latin_in_russian(response.data, {"Schema"} | typed) == []


@pytest.fixture(scope="module")
def story() -> Flask:
    """The app on the bundled story."""
    return create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(ROOT / "events.yaml"), "TIMELINE_CACHE_DIR": ""}
    )


def names_in_translations() -> set[str]:
    """Latin-script words the story's own Russian texts use (SpaceX, Crew Dragon, Falcon…)."""
    timeline = load(ROOT / "events.yaml")
    records = [timeline, *timeline.events, *timeline.actors.values(), *timeline.tags.values()]
    records += [*timeline.sources.values(), *(c for e in timeline.events for c in e.citations)]
    texts = [t for r in records for t in texts_in(r.translations, "ru").values()]
    return {w.strip("'’.-") for t in texts for w in LATIN_WORD.findall(t)}


@pytest.mark.parametrize(
    "path",
    [
        "/",  # 25 events of 36, and "Show more"
        "/?pages=2",
        "/?actor=yulia-peresild",
        "/?q=запуск",
        "/?lanes=actor&from=2021-10&to=2021-10",
        "/events/soyuz-ms-18-landing",
        "/events/soyuz-ms-19-launch?actor=yulia-peresild",
        "/sources/dazed-2021-05-13",
        "/actors/yulia-peresild",
        "/countries/KZ",
    ],
)
def test_a_russian_reader_of_the_story_sees_no_english_interface(story: Flask, path: str) -> None:
    response = story.test_client().get(path, headers=RU)
    assert parse(response.data).one("html").attrs["lang"] == "ru"
    assert latin_in_russian(response.data, names_in_translations() | {"Schema"}) == []


def test_a_source_keeps_its_language_on_every_page(tmp_path: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "TIMELINE_EVENTS": str(bilingual(tmp_path / "events.yaml")),
            "TIMELINE_CACHE_DIR": "",
        }
    )
    client = app.test_client()
    english = parse(client.get("/en/sources/gazeta").data)
    assert english.one("h1").attrs["lang"] == "ru"  # the title, as published
    assert english.one("blockquote").attrs["lang"] == "ru"  # the quote, never translated
    russian = parse(client.get("/ru/sources/gazeta").data)
    assert "lang" not in russian.one("h1").attrs
    assert "lang" not in russian.one("blockquote").attrs
    assert "Российское сообщение." in russian.one("p", "note").text  # our note, translated
    landing = client.get("/api/events/landing").json
    assert landing is not None
    assert [c["language"] for c in landing["citations"]] == ["en", "en", "ru"]


def test_media_captions_and_alt_texts_in_the_pages_language(data_file: Path) -> None:
    text = data_file.read_text(encoding="utf-8").replace(
        "    summary: A Soyuz launches with an actress aboard.\n",
        "    summary: A Soyuz launches with an actress aboard.\n"
        "    media:\n"
        "      - {url: https://example.org/a.jpg, kind: image, alt: A rocket on the pad,\n"
        "         caption: The launch, credit: Agency photo,\n"
        "         translations: {ru: {alt: Ракета на старте, caption: Старт}}}\n"
        "      - {url: https://example.org/b.jpg, kind: image, alt: The crew waves}\n",
    )
    data_file.write_text(text, encoding="utf-8")
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""})
    client = app.test_client()
    russian = parse(client.get("/ru/events/launch").data)
    first, second = russian.find("figure")
    assert first.one("span", "caption").text == "Старт"
    assert "lang" not in first.one("span", "caption").attrs
    assert first.one("a", "media-link").text == "Изображение: Ракета на старте"
    assert first.one("span", "credit").find("span")[1].attrs["lang"] == "en"  # a name, as written
    assert second.one("a", "media-link").one("span").attrs == {"lang": "en"}  # not translated: marked
    english = parse(client.get("/en/events/launch").data)
    assert english.find("figure")[0].one("span", "caption").text == "The launch"


def test_the_axis_speaks_the_pages_language(client: FlaskClient) -> None:
    """Marks are named by the translated title; lanes and places the file did not translate are marked."""
    russian = parse(client.get("/ru/?lanes=tag").data)
    wide = russian.find("svg", "ax-wide")[0]
    marks = {a.attrs["href"].split("?")[0]: a for a in wide.find("a", "ax-m")}
    launch = marks["/ru/events/launch"]
    assert launch.attrs["aria-label"] == "Экипаж стартует с Байконура, 5 окт. 2021\u202fг., 08:55 UTC"
    assert launch.attrs["data-pl"] == "en"  # "Baikonur Cosmodrome, Kazakhstan": not translated
    landing = marks["/ru/events/landing"]
    assert landing.attrs["data-p"] == "близ Джезказгана, Казахстан"
    assert "data-pl" not in landing.attrs
    lanes = {t.text: t.attrs.get("lang") for t in wide.find("text", "ax-lane-label")}
    assert lanes == {
        "Film · 2": "en",
        "Запуск · 2": None,
        "First · 1": "en",
        "Посадка · 1": None,
        "Другое · 1": None,
    }
    english = parse(client.get("/en/?lanes=tag").data).find("svg", "ax-wide")[0]
    assert not [n for n in english.walk() if "lang" in n.attrs or "data-pl" in n.attrs]


@pytest.mark.parametrize(
    "path", ["/ru/?actor=yulia-peresild", "/ru/?q=пересильд&tag=launch", "/ru/?from=2021-13", "/ru/?pages=2"]
)
def test_an_htmx_change_on_a_russian_page_answers_in_russian(client: FlaskClient, path: str) -> None:
    """The swapped results, the regions sent out of band and the facets' new counts and words."""
    response = client.get(path, headers=HTMX)
    typed = set(LATIN_WORD.findall(path))
    assert latin_in_russian(response.data, {"Schema"} | typed, fragment=True) == []
    counts = parse(response.data).find("template")
    for template in counts:
        words = json.loads(template.attrs["data-counts"])
        said = [*words["chosen"].values(), *(w for pair in words["words"].values() for w in pair)]
        assert not [w for w in said if LATIN_WORD.search(w)], said


@pytest.mark.parametrize("path", ["/?from=1957&to=2021", "/?from=2021-10&to=2021-10", "/events/sputnik-1"])
def test_a_russian_date_at_the_end_of_a_sentence_has_one_full_stop(story: Flask, path: str) -> None:
    """«4 окт. 1957 г.» ends with its own stop: the axis's summary, its gaps and the description add none."""
    html = story.test_client().get(path, headers=RU).text
    assert "г." in html
    assert "г.." not in html
