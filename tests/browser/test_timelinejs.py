"""TimelineJS itself reads our TimelineJS exports: one slide per event, dates and media as we wrote them.

TimelineJS 3.9.11 comes from npm (package.json); the page loads ``dist/js/timeline.js`` and
``dist/css/timeline.css`` with ``{font: null}``.  Every request is answered from disk by
Playwright's router, so nothing reaches the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Route

from tests.formats.conftest import fetch, serve
from tests.formats.views import DATA, ROOT, export
from timeline import importing
from timeline.importing.yamlwrite import write_atomically
from timeline.load import load

TJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs"
ORIGIN = "http://timelinejs.test"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/tjs/css/timeline.css"></head>
<body><div id="timeline" style="width: 1000px; height: 640px"></div>
<script src="/tjs/js/timeline.js"></script>
<script>
window.__tl = new TL.Timeline("timeline", "%s", {font: null, script_path: "%s/tjs/js/"});
window.__tl.on("loaded", () => { window.__loaded = true; });
</script></body></html>"""
READ = """() => ({
  errors: window.__tl.config.messages.errors.map(String),
  slides: document.querySelectorAll(".tl-slide").length,
  ids: window.__tl.config.events.map((e) => e.unique_id),
  headlines: [...document.querySelectorAll(".tl-slide:not(.tl-slide-titleslide) .tl-headline")]
    .map((e) => e.textContent),
  groups: window.__tl.config.events.map((e) => e.group || ""),
  media: window.__tl.config.events.map((e) => (e.media && e.media.url) || ""),
  starts: window.__tl.config.events.map((e) => e.start_date.data),
  shown: [...document.querySelectorAll(".tl-slide .tl-headline-date")].map((e) => e.textContent),
})"""


def timelinejs(page: Page, data_name: str, body: str) -> dict[str, Any]:
    """Load ``body`` (served as /data/<data_name>) into TimelineJS; what it made of it."""
    if not (TJS / "dist" / "js" / "timeline.js").exists():
        pytest.fail("TimelineJS is not installed: run `make browser` (npm ci)")
    files = {"/": PAGE % (f"{ORIGIN}/data/{data_name}", ORIGIN), f"/data/{data_name}": body}

    def answer(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN).split("?")[0]
        if not route.request.url.startswith(ORIGIN + "/"):
            route.abort()  # media hosts and the like: nothing leaves the machine
        elif path in files:
            kind = "text/html" if path == "/" else "text/csv" if path.endswith(".csv") else "application/json"
            route.fulfill(status=200, content_type=f"{kind}; charset=utf-8", body=files[path])
        elif path.startswith("/tjs/") and (TJS / "dist" / path.removeprefix("/tjs/")).is_file():
            route.fulfill(status=200, path=TJS / "dist" / path.removeprefix("/tjs/"))
        else:
            route.fulfill(status=404, body="")

    page.route("**/*", answer)
    page.goto(ORIGIN + "/")
    page.wait_for_function("() => window.__loaded === true", timeout=20_000)
    found: dict[str, Any] = page.evaluate(READ)
    return found


@pytest.mark.parametrize("path", [ROOT / "events.yaml", DATA / "exports.yaml"], ids=["bundled", "fixture"])
def test_the_json_export_is_one_slide_per_event_with_our_ids(page: Page, path: Path) -> None:
    timeline = load(path)
    shown = timelinejs(page, "timeline.json", export(path, "timelinejs.json"))
    assert shown["errors"] == []
    assert shown["slides"] == len(timeline.events) + 1  # and the title slide
    assert sorted(shown["ids"]) == sorted(e.id for e in timeline.events)
    assert sorted(shown["headlines"]) == sorted(e.title for e in timeline.events)
    groups = dict(zip(shown["ids"], shown["groups"], strict=True))
    assert groups == {e.id: timeline.tags[e.tags[0]].label if e.tags else "" for e in timeline.events}


def test_timelinejs_shows_our_words_for_dates_it_cannot_say(page: Page) -> None:
    shown = timelinejs(page, "timeline.json", export(DATA / "exports.yaml", "timelinejs.json"))
    for words in ("c. Dec 2021", "16 Oct 2021?", "1960s", "2021 (month unknown)", "before 1 Jun 2021",
                  "after Jun 2021", "5 Oct 2021, 08:55 UTC (13:55 Baikonur time)"):  # fmt: skip
        assert words in shown["shown"]
    assert "1957" in shown["shown"]  # a plain year is left to TimelineJS, which says just that


def test_the_sheet_export_is_read_by_timelinejs_own_csv_parser(page: Page) -> None:
    timeline = load(ROOT / "events.yaml")
    shown = timelinejs(page, "timeline.csv", export(ROOT / "events.yaml", "timelinejs.csv"))
    assert shown["errors"] == []
    assert shown["slides"] == len(timeline.events) + 1
    assert sorted(shown["headlines"]) == sorted(e.title for e in timeline.events)
    launch = timeline.event("soyuz-ms-19-launch")
    assert launch is not None
    year, month, day = (launch.date.first.utc.year, launch.date.first.utc.month, launch.date.first.utc.day)  # type: ignore[union-attr]
    assert {"year": str(year), "month": str(month), "day": str(day)}.items() <= _start(
        shown, launch.title
    ).items()


def _start(shown: dict[str, Any], headline: str) -> dict[str, str]:
    data = shown["starts"][shown["headlines"].index(headline)]
    return {k: str(v) for k, v in data.items() if k in ("year", "month", "day")}


def test_an_imported_timelinejs_timeline_goes_back_into_timelinejs_with_its_media(
    page: Page, tmp_path: Path
) -> None:
    text, _ = importing.run(DATA / "timelinejs" / "my-own-timeline.csv", importing.Options())
    imported = tmp_path / "events.yaml"
    write_atomically(imported, text)
    timeline = load(imported)
    shown = timelinejs(page, "timeline.json", export(imported, "timelinejs.json"))
    assert shown["errors"] == []
    assert shown["slides"] == len(timeline.events) + 1
    assert sorted(shown["ids"]) == sorted(e.id for e in timeline.events)
    with_media = {e.id: e.media[0].url for e in timeline.events if e.media}
    assert with_media  # the template's images, videos and pages
    by_id = dict(zip(shown["ids"], shown["media"], strict=True))
    assert {ident: by_id[ident] for ident in with_media} == with_media


@pytest.mark.parametrize(
    ("name", "kind"), [("timelinejs.json", "application/json"), ("timelinejs.csv", "text/csv")]
)
def test_the_export_route_serves_what_timelinejs_reads(
    page: Page, tmp_path: Path, name: str, kind: str
) -> None:
    client = serve(tmp_path, ROOT / "events.yaml").test_client()
    body = fetch(client, f"/export.{name}?tag=launch", kind)
    launches = [e for e in load(ROOT / "events.yaml").events if "launch" in e.tags]
    shown = timelinejs(page, "view.csv" if name.endswith(".csv") else "view.json", body)
    assert shown["errors"] == []
    assert shown["slides"] == len(launches) + 1
    assert sorted(shown["headlines"]) == sorted(e.title for e in launches)
