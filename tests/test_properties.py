"""Property tests: no request gets a 5xx, no file gets past the loader as an exception, and no
text (data or request) can add an element or attribute to a page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from tests.support import element_shape, parse
from timeline import create_app
from timeline.formats import FORMATS
from timeline.load import LoadError, build, document, yamlread
from timeline.model import Timeline
from timeline.web.security import MAX_QUERY_BYTES

ROOT = Path(__file__).parent.parent
MINI = Path(__file__).parent / "data" / "mini.yaml"
EVENTS = (ROOT / "events.yaml").read_text(encoding="utf-8")
HTMX = {"HX-Request": "true", "HX-Target": "results"}
# A failing example of a 100 kB file has a large repr: let Hypothesis show it, not warn about it.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)
# How many examples: from the profile (tests/conftest.py: "ci" under CI, "dev" otherwise).
SETTINGS = settings(
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def make_app(folder: Path, text: str, **config: Any) -> Flask:
    """The app on a data file with ``text``."""
    path = folder / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": "", **config})


@pytest.fixture(scope="module")
def mini_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """One client for every example (building an app per example would dominate the run time)."""
    return make_app(tmp_path_factory.mktemp("mini"), MINI.read_text(encoding="utf-8")).test_client()


# --- any query on any route: 200 or 400 ------------------------------------------------

ROUTES = [
    "/",
    "/api/events",
    "/events/laika",
    "/sources/agency",
    "/actors/laika",
    "/countries/SU",
    "/healthz",
    *(f"/export.{name}" for name in FORMATS),  # each writes the whole body: a failing writer fails here
]
# Routes whose 400 is a page: the timeline, the paged actor, country and source pages, and exports.
HTML_400 = {
    "/",
    "/sources/agency",
    "/actors/laika",
    "/countries/SU",
    *(f"/export.{name}" for name in FORMATS),
}
NAMES = ["actor", "country", "tag", "from", "to", "q", "page", "per_page", "lanes"]
NAMES += ["x", "", "actor[]", "__proto__"]
NAMES += ["limit"]
GOOD = ["laika", "yulia-peresild", "tom-cruise", "SU", "RU", "KZ", "NO", "launch", "film", "first"]
GOOD += ["1957", "2021-10", "2021-10-05", "9999-12-31", "0000", "1", "2", "3", "100", "1000", "-1", ""]
GOOD += ["2021-10-05T08Z", "2021-10-05T08:55Z", "0001-01-01T00Z", "9999-12-31T23:59Z"]
GOOD += ["country", "actor", "tag"]
values = st.one_of(
    st.sampled_from(GOOD), st.text(max_size=30), st.text(alphabet="0123456789-~/", max_size=12)
)
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(NAMES), st.text(max_size=6)), values), max_size=10)
raw_queries = st.text(alphabet="abcdefqr=&%;+0123456789-_.~/ ?#é\x00", max_size=60)


@SETTINGS
@given(route=st.sampled_from(ROUTES), query=pairs, htmx=st.booleans())
def test_any_parameters_on_any_route_get_200_or_400(
    mini_client: FlaskClient, route: str, query: list[tuple[str, str]], htmx: bool
) -> None:
    encoded = urlencode(query)
    response = mini_client.get(f"{route}?{encoded}", headers=HTMX if htmx else {})
    expected = {200, 400} if len(encoded.encode()) <= MAX_QUERY_BYTES else {414}
    if redirected_without_empty_fields(response, route):
        return
    assert response.status_code in expected
    if response.status_code == 400:
        assert ("<html" in response.text) == (not htmx and route in HTML_400)


@SETTINGS
@given(route=st.sampled_from(ROUTES), query=raw_queries)
def test_any_raw_query_string_gets_200_or_400(mini_client: FlaskClient, route: str, query: str) -> None:
    response = mini_client.get(route, query_string=quote(query, safe="=&%;+"))
    assert response.status_code in {200, 400} or redirected_without_empty_fields(response, route)


def redirected_without_empty_fields(response: TestResponse, route: str) -> bool:
    """True for the timeline's redirect of a form sent without JavaScript (q=&from=&to=) to the
    same view without its empty fields: always to the timeline itself, never elsewhere."""
    if response.status_code != 302:
        return False
    location = response.headers["Location"]
    assert route == "/"
    assert location == "/" or location.startswith("/?")
    assert "=&" not in location + "&"  # no empty value left
    return True


# --- any bytes, any edit of the real file: a snapshot or positioned problems -----------------


def outcome(data: bytes) -> Timeline | LoadError:
    """The snapshot, or the LoadError: anything else raised fails the test."""
    try:
        return build(data)
    except LoadError as error:
        caught = error
    lines = data.count(b"\n") + 2
    assert caught.problems
    assert all(1 <= p.line <= lines and p.col >= 1 and p.message for p in caught.problems)
    return caught


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_any_bytes_are_a_snapshot_or_positioned_problems(data: bytes) -> None:
    outcome(data)


YAML_BITS = [
    "&a ", "*a", "<<: ", "!!python/object:os.system ", "\t", '"', "'", "[", "]", "{", "}", ": ", "- ", "? ",
    "~", "NO", "010", "2020-02-30", "javascript:alert(1)", "---\n", "...\n", "%YAML 1.1\n", "#", "|", ">",
    "\\", "\x00", "\x07", "\u2028", "\ufeff", "\udc80", "é", "\n", "  ", "null", "!", "@", "`", "%",
]  # fmt: skip


@st.composite
def edited(draw: st.DrawFn, text: str = EVENTS) -> str:
    """The real events.yaml after a few random edits: deleted, doubled, moved, cut or mangled lines."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "double", "swap", "insert", "indent", "cut", "truncate"]))
        if kind == "delete":
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(YAML_BITS)) + lines[i][at:]
        elif kind == "indent":
            lines[i] = (
                " " * draw(st.integers(0, 3)) + lines[i].lstrip(" ") if draw(st.booleans()) else lines[i][1:]
            )
        elif kind == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines = lines[: i + 1]
    return "\n".join(lines)


def encode(text: str) -> bytes:
    """UTF-8, with lone surrogates turned into the invalid bytes they stand for."""
    return text.encode("utf-8", "surrogateescape") if "\udc80" in text else text.encode()


@SETTINGS
@given(text=edited())
def test_any_edit_of_the_real_file_is_a_snapshot_or_positioned_problems(text: str) -> None:
    outcome(encode(text))


@settings(SETTINGS, max_examples=max(10, settings().max_examples // 2))
@given(text=edited())
def test_the_fast_reader_never_disagrees_with_the_precise_one(text: str) -> None:
    data = encode(text)
    original = document.FAST_PATH_BYTES
    try:
        document.FAST_PATH_BYTES = 0  # every file may take the fast path
        fast = outcome(data)
    finally:
        document.FAST_PATH_BYTES = original
    precise = outcome(data)  # events.yaml is far below the threshold
    if isinstance(precise, LoadError):
        assert isinstance(fast, LoadError)
        assert fast.problems == precise.problems
    else:
        assert fast == precise


# --- XSS: text in the data or the request adds no element and no attribute ------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<!--",
    "]]><x>",
    '<a href="javascript:alert(1)">x</a>',
    '" autofocus onfocus="alert(1)',
    "' onmouseover='alert(1)",
    '<iframe srcdoc="<script>alert(1)</script>">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<div hx-get="/api/events" hx-trigger="load" hx-swap="outerHTML">',
    "hx-on:click=alert(1)",
    "{{ 7*7 }}{% raw %}",
    "${alert(1)}",
    "<style>*{display:none}</style>",
    "<base href=//evil.example/>",
    "<meta http-equiv=refresh content=0;url=//evil.example>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "javascript:alert(1)",
]


TEXT_FIELDS = {
    "tags": ("label", "description"),
    "sources": ("title", "publisher", "author", "note"),
    "actors": ("name", "native_name", "role"),
    "events": ("title", "place", "zone_label", "summary"),
}


def with_text(text: str) -> str:
    """mini.yaml with every text field (and every source URL's path) set to ``text``."""
    data, _ = yamlread.read(MINI.read_text(encoding="utf-8"))
    data["title"] = data["description"] = text
    for section, fields in TEXT_FIELDS.items():
        for item in data[section]:
            for field in fields:
                item[field] = text
            if section == "actors":
                item["aliases"] = [text]
            if section == "sources":
                item["url"] = "https://example.org/" + re.sub(r"[\s\\]", "", text)
            if section == "events":
                for citation in item["citations"]:
                    citation["quote"] = citation["note"] = text
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def pages(app: Flask) -> dict[str, str]:
    """Every kind of page (and the fragment) of the app's data, by URL."""
    client = app.test_client()
    timeline: Timeline = app.extensions["timeline.store"].snapshot
    urls = ["/", "/?tag=launch&tag=film", "#fragment", "/?from=bad", "/no/such/page"]
    urls += [f"/events/{e.id}" for e in timeline.events] + [f"/sources/{s}" for s in timeline.sources]
    urls += [f"/actors/{a}" for a in timeline.actors] + [f"/countries/{c}" for c in timeline.countries]
    found = {}
    for url in urls:
        response = client.get("/?tag=launch", headers=HTMX) if url == "#fragment" else client.get(url)
        assert response.status_code in {200, 400, 404}
        found[url] = response.text
    api = client.get("/api/events?per_page=1000").json
    assert api is not None
    found["api"] = json.dumps(api, sort_keys=True)
    return found


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter[tuple[str, tuple[str, ...]]]]:
    """The shape of every page when every text is harmless."""
    app = make_app(tmp_path_factory.mktemp("plain"), with_text("zzzz"))
    return {url: element_shape(html) for url, html in pages(app).items() if url != "api"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_data_text_adds_no_markup(
    tmp_path: Path, baseline: dict[str, Counter[tuple[str, tuple[str, ...]]]], payload: str
) -> None:
    app = make_app(tmp_path, with_text(payload))
    rendered = pages(app)
    for url, html in rendered.items():
        if url == "api":
            continue
        assert element_shape(html) == baseline[url], url
    api = json.loads(rendered["api"])
    assert api["events"][0]["title"] == payload  # JSON keeps the text exactly


PARAMETERS = ["q", "actor", "country", "tag", "from", "to", "page", "per_page", "lanes", "x"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_request_text_adds_no_markup(mini_client: FlaskClient, payload: str) -> None:
    for name in PARAMETERS:
        for headers in ({}, HTMX):
            attack = mini_client.get("/", query_string={name: payload}, headers=headers)
            plain = mini_client.get("/", query_string={name: "zzzz" + "z" * (name == "q")}, headers=headers)
            assert attack.status_code == plain.status_code, name
            assert element_shape(attack.text) == element_shape(plain.text), (name, headers)
    attack, plain = mini_client.get(f"/events/{quote(payload, safe='')}"), mini_client.get("/events/zzzz")
    assert element_shape(attack.text) == element_shape(plain.text)


@SETTINGS
@given(q=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=80))
def test_any_search_text_comes_back_intact_in_the_search_box(mini_client: FlaskClient, q: str) -> None:
    response = mini_client.get("/", query_string={"q": q})
    if not q.strip().isprintable():
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert parse(response.text).one("input", name="q").attrs["value"] == q.strip()
