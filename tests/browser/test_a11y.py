"""Accessibility in a real browser: axe-core (WCAG 2.0–2.2 A/AA and best practices), reflow, print."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support import DATA, ROOT, LiveServer, enhance
from timeline import create_app

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN = """(tags) => axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  iframes: false,  // embedded players are other sites' pages
  rules: {'target-size': {enabled: true}},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')),
})))"""


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """axe is injected as a script, which the page's CSP would block: bypass it for these tests."""
    return {**browser_context_args, "bypass_csp": True}


def violations(page: Page) -> list[dict[str, Any]]:
    """What axe-core finds on the page as it is now."""
    assert AXE.exists(), f"{AXE} is missing: run `make browser` (or `npm ci`) first"
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(RUN, TAGS)
    return found


PAGES = [
    ("timeline", "/", 1280, "light", 200),
    ("filtered", "/?actor=yulia-peresild&country=KZ", 1280, "light", 200),
    ("filtered to nothing", "/?actor=laika&country=KZ", 1280, "light", 200),
    ("axis: a year", "/?from=2021&to=2021", 1280, "light", 200),
    ("axis: a month", "/?from=2021-10&to=2021-10", 1280, "light", 200),
    ("axis: a day", "/?from=2021-10-05&to=2021-10-05", 1280, "light", 200),
    ("axis: an hour", "/?from=2021-10-05T08Z&to=2021-10-05T08Z", 1280, "light", 200),
    ("axis: lanes", "/?lanes=country", 1280, "light", 200),
    ("axis: lanes, a month, 320 px", "/?lanes=country&from=2021-10&to=2021-10", 320, "light", 200),
    ("axis: a day, dark", "/?from=2021-10-05&to=2021-10-05&lanes=actor", 1280, "dark", 200),
    ("axis: pages", "/?per_page=2", 1280, "light", 200),
    ("event page in a view", "/events/launch?actor=yulia-peresild", 1280, "light", 200),
    ("event page in a view, dark, 320 px", "/events/launch?actor=yulia-peresild", 320, "dark", 200),
    ("400 error", "/?from=2021-13", 1280, "light", 400),
    ("404 error", "/events/nothing-here", 1280, "light", 404),
    ("event page", "/events/landing", 1280, "light", 200),
    ("source page", "/sources/paper", 1280, "light", 200),
    ("actor page", "/actors/yulia-peresild", 1280, "light", 200),
    ("320 px", "/?actor=yulia-peresild", 320, "light", 200),
    ("dark mode", "/?tag=film", 1280, "dark", 200),
    ("event page, dark, 320 px", "/events/launch", 320, "dark", 200),
    ("embed", "/embed?actor=yulia-peresild", 640, "light", 200),
    ("embed of an event, dark, 320 px", "/embed/events/landing", 320, "dark", 200),
    ("search, marks", "/?q=peresild+lifted", 1280, "light", 200),
    ("search, marks, dark", "/?q=peresild+lifted", 1280, "dark", 200),
    # In Russian, at 320 px: longer words, Cyrillic, untranslated data marked lang="en".
    ("ru timeline", "/ru/", 320, "light", 200),
    ("ru filtered", "/ru/?actor=yulia-peresild&country=KZ", 320, "light", 200),
    ("ru event page", "/ru/events/landing", 320, "light", 200),
    ("ru source page", "/ru/sources/paper", 320, "light", 200),
    ("ru actor page", "/ru/actors/yulia-peresild", 320, "light", 200),
    ("ru 400 error", "/ru/?from=2021-13", 320, "light", 400),
    ("ru 404 error", "/ru/events/nothing-here", 320, "light", 404),
    ("ru, dark", "/ru/?tag=film", 1280, "dark", 200),
    ("ru search, marks, 320 px", "/ru/?q=пересильд", 320, "light", 200),
    ("ru axis, lanes", "/ru/?from=2021-10&to=2021-10&lanes=country", 1280, "light", 200),
]


@pytest.mark.parametrize(("name", "path", "width", "scheme", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_axe_finds_nothing(
    page: Page, server: LiveServer, name: str, path: str, width: int, scheme: str, status: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    response = page.goto(server.url(path))
    assert response is not None
    assert response.status == status
    page.locator("details.sources").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert violations(page) == []


def test_axe_finds_nothing_on_the_axis_in_use(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    page.locator(".ax-wide a[tabindex='0']").focus()
    page.keyboard.press("End")
    expect(page.locator("#ax-tip")).to_be_visible()
    page.locator("details.axis-more").evaluate("d => d.open = true")
    assert violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_open_filters_at_320_px(page: Page, server: LiveServer, scheme: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(server.url("/?country=KZ&from=2021-13"))
    expect(page.locator("#from")).to_be_visible()  # a bad filter opens the filters
    page.goto(server.url("/?country=KZ"))
    page.locator(".filters-summary").click()
    page.locator("details.more-values").evaluate_all("ds => ds.forEach(d => d.open = true)")
    expect(page.locator("input[name=actor][value=laika]")).to_be_visible()  # greyed: it gives no event here
    assert violations(page) == []


def test_axe_finds_nothing_after_filtering_in_place(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/"))
    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()
    expect(page.locator("#status")).to_have_text(re.compile(r"2 events match"))
    page.get_by_role("textbox", name="From").fill("2021-13")
    page.get_by_role("textbox", name="From").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("'from' must be a date")
    assert violations(page) == []


@pytest.mark.parametrize(
    "path", ["/", "/events/landing", "/sources/paper", "/?from=2021&to=2021", "/ru/", "/ru/events/landing"]
)
def test_no_sideways_scrolling_at_320_px(page: Page, server: LiveServer, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(server.url(path))
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    inside = page.evaluate(
        """() => { const axis = document.querySelector('#axis');
          if (!axis) return true;
          const box = axis.getBoundingClientRect();
          return [...document.querySelectorAll('#axis .ax-narrow *')].every(e => {
            const r = e.getBoundingClientRect();
            return r.width === 0 || (r.left >= box.left - 0.5 && r.right <= box.right + 0.5); }); }"""
    )
    assert inside  # the axis draws inside its box


def test_print_lists_every_citation_with_its_address(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/?actor=yulia-peresild"))
    page.emulate_media(media="print")
    # Closed source lists print too (CSS alone, without the beforeprint handler).
    quote = page.locator("#event-landing .quote").first
    expect(quote).to_be_visible()
    link = page.locator("#event-landing a.out").first
    assert "https://example.org/report" in link.evaluate("a => getComputedStyle(a, '::after').content")
    expect(page.locator(".print-link")).to_contain_text("actor=yulia-peresild")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator("#axis .ax-wide")).to_be_visible()  # the axis of the printed view
    expect(page.locator("#axis .axis-nav")).to_be_hidden()


def test_print_names_the_filters_without_stray_commas(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/?actor=yulia-peresild&country=KZ&from=2021-10"))
    page.emulate_media(media="print")
    # What the paper shows: each chip's visible words, then the comma its item adds (CSS).
    printed = page.locator(".active-filters li").evaluate_all(
        """items => items.map(li => {
          const shown = [...li.querySelectorAll('a > :not(.visually-hidden)')]
            .filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent).join('');
          const words = li.querySelector('a').firstChild.textContent + shown;
          const after = getComputedStyle(li, '::after').content;
          return words + (after === 'none' ? '' : JSON.parse(after));
        }).join('')"""
    )
    assert printed == "Yulia Peresild, Kazakhstan, from Oct 2021"


def test_a_quote_gets_one_pair_of_marks(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/events/launch"))
    paragraph = page.locator(".quote p").first
    assert paragraph.evaluate("p => getComputedStyle(p, '::before').content") == '"“"'
    page.evaluate("document.querySelector('.quote').classList.add('self-quoted')")  # as for “It seemed…
    assert paragraph.evaluate("p => getComputedStyle(p, '::before').content") == "none"
    assert paragraph.evaluate("p => getComputedStyle(p, '::after').content") == "none"


def test_no_motion_when_reduced_motion_is_asked_for(page: Page, server: LiveServer) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.goto(server.url("/"))
    duration = page.locator("#results").evaluate("e => getComputedStyle(e).transitionDuration")
    assert duration in ("0s", "")


@pytest.mark.parametrize("hosts", ["", "upload.wikimedia.org,www.youtube-nocookie.com,example.org"])
@pytest.mark.parametrize("path", ["/events/launch", "/?tag=launch"])
def test_axe_finds_nothing_on_media_shown_as_figures_or_as_links(page: Page, hosts: str, path: str) -> None:
    app = create_app(
        {
            "TIMELINE_EVENTS": str(DATA / "exports.yaml"),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_MEDIA_HOSTS": hosts,
        }
    )
    live = LiveServer(app)
    live.thread.start()
    try:
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(live.base) else route.abort(),
        )
        page.goto(live.url(path))
        page.locator("details.sources").evaluate_all("ds => ds.forEach(d => d.open = true)")
        assert violations(page) == []
    finally:
        live.server.shutdown()
