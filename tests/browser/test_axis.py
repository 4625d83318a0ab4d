"""The time axis in a real browser: wheel, drag, range, keyboard, touch, and without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect

from tests.support import ROOT, LiveServer, enhance
from timeline import create_app

FOCUSED = "document.activeElement"


@pytest.fixture(scope="module")
def story() -> Iterator[LiveServer]:
    """The bundled story, served for real."""
    app = create_app(
        {"TESTING": True, "TIMELINE_EVENTS": str(ROOT / "events.yaml"), "TIMELINE_CACHE_DIR": ""}
    )
    live = LiveServer(app)
    live.thread.start()
    yield live
    live.server.shutdown()


def requests_to_the_page(page: Page) -> list[str]:
    """The timeline page's URLs the page asks for from now on (gestures, links, history)."""
    seen: list[str] = []

    def record(request: Request) -> None:
        if re.search(r"/\?|/$", request.url) and request.resource_type in ("xhr", "fetch", "document"):
            seen.append(request.url)

    page.on("request", record)
    return seen


def plot_box(page: Page) -> dict[str, float]:
    box = page.locator(".ax-svg:visible").bounding_box()
    assert box is not None
    return box


def x_of(page: Page, fraction: float) -> float:
    box = plot_box(page)
    return box["x"] + box["width"] * fraction


def focused_label(page: Page) -> str | None:
    label: str | None = page.evaluate(f"{FOCUSED}.getAttribute('aria-label')")
    return label


def test_a_cluster_zooms_in_place_and_the_filters_follow(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    page.evaluate("window.__marker = 'same page'")
    axis = page.locator("#axis")
    axis.locator(".ax-wide").get_by_role("link", name="3 events, 1 Oct 2021 – 17 Oct 2021: zoom in").click()
    expect(page).to_have_url(re.compile(r"\?from=2021-10-01&to=2021-10-17$"))
    expect(page.locator("#results .event")).to_have_count(3)
    expect(page.locator("#status")).to_have_text("3 events match the filters.")
    expect(axis.locator(".axis-window")).to_have_text("1 Oct 2021 – 17 Oct 2021")
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021-10-01")
    expect(page.get_by_role("textbox", name="To")).to_have_value("2021-10-17")
    assert page.evaluate("window.__marker") == "same page"

    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()  # the dates stay
    expect(page).to_have_url(re.compile(r"\?from=2021-10-01&to=2021-10-17&actor=yulia-peresild$"))
    expect(page.locator("#results .event")).to_have_count(2)
    expect(axis.locator(".ax-wide a.ax-m")).to_have_count(2)

    axis.get_by_role("link", name="Zoom out").click()  # three times as long: all of her events
    expect(page).to_have_url(re.compile(r"\?actor=yulia-peresild$"))
    expect(page.get_by_role("textbox", name="From")).to_have_value("")
    page.go_back()
    expect(page).to_have_url(re.compile(r"from=2021-10-01&to=2021-10-17"))
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021-10-01")


def test_the_wheel_zooms_around_the_pointer_in_one_request(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    asked = requests_to_the_page(page)
    page.mouse.move(x_of(page, 4.5 / 31), plot_box(page)["y"] + 20)  # over 5 October
    page.mouse.wheel(0, -100)  # a notch: half the window, the 5th where it was
    expect(page).to_have_url(re.compile(r"\?from=2021-10-0\d&to=2021-10-\d\d$"))
    start, end = re.findall(r"from=2021-10-(\d\d)&to=2021-10-(\d\d)", page.url)[0]
    assert int(start) <= 5 <= int(end)
    assert int(end) - int(start) <= 16
    assert len(asked) == 1
    expect(page.locator("#axis .axis-window")).not_to_have_text("Oct 2021")
    # A trackpad sends a burst of wheel events for one gesture: still one request.
    page.wait_for_timeout(300)
    page.locator(".ax-wide").evaluate(
        """svg => { const box = svg.getBoundingClientRect();
          for (let i = 0; i < 5; i++) svg.dispatchEvent(new WheelEvent("wheel", {deltaY: 20,
            clientX: box.left + box.width / 2, clientY: box.top + 20, bubbles: true, cancelable: true})); }"""
    )
    expect(page).not_to_have_url(re.compile(rf"from=2021-10-{start}&to=2021-10-{end}$"))
    page.wait_for_timeout(300)
    assert len(asked) == 2
    expect(page.locator("#results .event").first).to_be_visible()


def test_dragging_moves_the_window_in_one_request(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    asked = requests_to_the_page(page)
    y = plot_box(page)["y"] + 20
    page.mouse.move(x_of(page, 0.6), y)
    page.mouse.down()
    page.mouse.move(x_of(page, 0.4), y, steps=8)  # the month slides left: later dates come in
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"\?from=2021-10-0[5-8]&to=2021-11-0[5-8]$"))
    assert len(asked) == 1
    expect(page.locator("#results .event")).to_have_count(2)  # the planned flight (all October), the landing


def test_dragging_along_the_dates_chooses_a_range(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    asked = requests_to_the_page(page)
    ruler = page.locator(".ax-wide .ax-rule-bg").bounding_box()
    assert ruler is not None
    y = ruler["y"] + 15
    page.mouse.move(x_of(page, 3.5 / 31), y)  # the middle of 4 October
    page.mouse.down()
    page.mouse.move(x_of(page, 9.5 / 31), y, steps=8)  # to the middle of the 10th
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"\?from=2021-10-04&to=2021-10-10$"))
    assert len(asked) == 1
    expect(page.locator("#results .event")).to_have_count(
        2
    )  # the planned flight (all October) and the launch


def test_the_axis_is_one_tab_stop_with_arrows_a_tooltip_and_the_list_in_step(
    page: Page, story: LiveServer, console_errors: list[str]
) -> None:
    page.goto(story.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    page.locator("#axis .axis-nav a").last.focus()
    page.keyboard.press("Tab")
    first = focused_label(page)
    assert first is not None
    assert page.evaluate(f"Boolean({FOCUSED}.closest('.ax-wide'))")
    outline = page.evaluate(f"getComputedStyle({FOCUSED}.querySelector('.ax-hit')).stroke")
    assert outline != "none"  # the focused mark is marked
    page.keyboard.press("Tab")
    assert not page.evaluate(f"Boolean({FOCUSED}.closest('.ax-svg'))")  # one tab stop
    page.keyboard.press("Shift+Tab")
    assert focused_label(page) == first  # back on the same mark

    page.keyboard.press("Home")
    home = focused_label(page) or ""
    assert home.startswith(
        "Reported flight of Tom Cruise"
    )  # the first in time: the planned flight, all October
    assert home.endswith("Oct 2021 (planned, did not happen)")
    page.keyboard.press("End")
    last = focused_label(page) or ""
    assert "lands in Kazakhstan" in last or "2 events" in last
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    label = focused_label(page) or ""
    tip = page.locator("#ax-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(label)
    if "Baikonur" in label or page.evaluate(f"{FOCUSED}.getAttribute('data-p')"):
        expect(tip).to_contain_text(page.evaluate(f"{FOCUSED}.getAttribute('data-p')"))
    ident = page.evaluate(f"{FOCUSED}.getAttribute('href')").split("?")[0].rsplit("/", 1)[-1]
    expect(page.locator(f"#event-{ident}")).to_have_class(re.compile(r"is-axis-focus"))


def test_the_axis_script_comes_at_first_use_and_keeps_the_reader_on_their_mark(
    page: Page, story: LiveServer, console_errors: list[str]
) -> None:
    held: list[Route] = []

    def hold(route: Route) -> None:  # axis.js on a slow line: held until released below
        held.append(route)

    page.route("**/axis.*.js", hold)
    page.goto(story.url("/?from=2021-10&to=2021-10"), wait_until="load")
    page.wait_for_timeout(300)
    assert held == []  # not part of the first view
    mark = page.locator(".ax-wide a.ax-m").last
    label = mark.get_attribute("aria-label")
    mark.focus()  # until axis.js is here, every mark is a link in the tab order
    for _ in range(250):
        if held:
            break
        page.wait_for_timeout(20)
    assert len(held) == 1  # asked for at the first sign of use
    held[0].continue_()
    expect(page.locator(".axis-plot[data-ready]")).to_have_count(1)
    assert focused_label(page) == label  # the reader stays where they were…
    expect(mark).to_have_attribute("tabindex", "0")  # …which is now the axis's one tab stop
    expect(page.locator("#ax-tip")).to_contain_text(label or "")
    page.keyboard.press("Tab")
    assert not page.evaluate(f"Boolean({FOCUSED}.closest('.ax-svg'))")
    page.keyboard.press("Shift+Tab")
    assert focused_label(page) == label


def test_three_key_presses_zoom_from_all_time_to_the_launch_day(
    page: Page, story: LiveServer, console_errors: list[str]
) -> None:
    page.goto(story.url("/"))
    enhance(page)
    page.locator("#axis .axis-nav a").last.focus()
    page.keyboard.press("Tab")  # the axis: its middle event
    for expected in (
        r"\?from=2021&to=2021$",
        r"\?from=2021-10&to=2021-10$",
        r"\?from=2021-10-05&to=2021-10-05$",
    ):
        page.keyboard.press("+")
        expect(page).to_have_url(re.compile(expected))
        expect(page.locator(".ax-wide a[tabindex='0']")).to_be_focused()  # focus stays on the axis
    expect(page.locator("#results .event")).to_have_count(4)
    on_the_axis = page.locator(".ax-wide a[tabindex='0']")
    page.keyboard.press("PageDown")
    expect(page).to_have_url(re.compile(r"\?from=2021-10-06&to=2021-10-06$"))
    expect(on_the_axis).to_be_focused()
    page.keyboard.press("PageUp")
    expect(page).to_have_url(re.compile(r"\?from=2021-10-05&to=2021-10-05$"))
    expect(on_the_axis).to_be_focused()
    page.keyboard.press("-")
    expect(page).to_have_url(re.compile(r"\?from=2021-10&to=2021-10$"))
    expect(page.locator(".ax-wide a[tabindex='0']")).to_be_focused()

    # Enter opens the focused event; the event page reads on within the same view.
    page.keyboard.press("Home")
    while "(planned" in (focused_label(page) or "") or "events," in (focused_label(page) or ""):
        page.keyboard.press("ArrowRight")
    opened = focused_label(page) or ""
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/events/[a-z0-9-]+\?from=2021-10&to=2021-10$"))
    expect(page.locator("h1")).to_have_text(opened.split(", ")[0])
    before = page.url
    page.keyboard.press("ArrowRight")  # the next event of October 2021
    expect(page).not_to_have_url(before)
    expect(page).to_have_url(re.compile(r"\?from=2021-10&to=2021-10$"))
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(before)


RULER_TEXT = """svg => {
  const plot = svg.closest(".axis-plot").getBoundingClientRect();
  return [...svg.querySelectorAll("text.ax-tl, text.ax-ctx, text.ax-gap-label")]
    .map(t => { const box = t.getBoundingClientRect(); return {text: t.textContent,
      row: t.getAttribute("y"), left: box.left, right: box.right, width: box.width}; })
    .filter(t => t.width > 0)
    .map(t => ({...t, inside: t.left >= plot.left - 0.5 && t.right <= plot.right + 0.5}));
}"""
RULED_VIEWS = [
    "/", "/?from=2021&to=2021", "/?from=2021-10&to=2021-10", "/?from=2021-10-05&to=2021-10-05",
    "/?actor=yulia-peresild&country=KZ", "/?lanes=country", "/?from=1957&to=1969",
    "/?from=2021-09&to=2021-11", "/ru/?actor=yulia-peresild&country=KZ", "/ru/?from=2021&to=2021",
    "/ru/?from=2021-10-05&to=2021-10-05",
]  # fmt: skip


# 640 px: the wide layout at its narrowest; 1280 px: with the minor labels between the ticks.
@pytest.mark.parametrize("width", [320, 640, 1100, 1280])
def test_no_word_of_the_ruler_runs_into_another(browser: Browser, story: LiveServer, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for view in RULED_VIEWS:
        page.goto(story.url(view))
        labels: list[dict[str, Any]] = page.locator(".ax-svg:visible").evaluate(RULER_TEXT)
        assert len(labels) >= 3
        for row in {label["row"] for label in labels}:
            line = sorted((label for label in labels if label["row"] == row), key=lambda label: label["left"])
            for left, right in pairwise(line):
                assert left["right"] <= right["left"], (
                    f"{view} at {width} px: {left['text']!r} runs into {right['text']!r}"
                )
        outside = [label["text"] for label in labels if not label["inside"]]
        assert not outside, f"{view} at {width} px: {outside} reach out of the axis"
    context.close()


def test_a_swipe_pans_on_a_phone(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server.url("/?from=2021-10&to=2021-10"))
    enhance(page)
    expect(page.locator(".ax-narrow")).to_be_visible()
    expect(page.locator(".ax-wide")).to_be_hidden()
    page.locator(".ax-narrow").scroll_into_view_if_needed()
    box = plot_box(page)
    y = box["y"] + 20
    cdp = context.new_cdp_session(page)
    points: list[dict[str, Any]] = [
        {"x": box["x"] + box["width"] * f, "y": y} for f in (0.7, 0.6, 0.5, 0.4, 0.3)
    ]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [points[0]]})
    for point in points[1:]:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    expect(page).to_have_url(re.compile(r"\?from=2021-10-1\d&to=2021-11-1\d$"))
    context.close()


def test_the_list_page_is_marked_on_the_axis(
    page: Page, story: LiveServer, console_errors: list[str]
) -> None:
    page.goto(story.url("/?per_page=10"))
    expect(page.locator("#axis")).to_have_class(re.compile("has-pages"))
    listed = page.locator(".ax-wide .ax-m.is-listed")
    assert listed.count() >= 3
    unlisted = page.locator(".ax-wide .ax-c:not(.is-listed)").first
    assert float(unlisted.evaluate("e => getComputedStyle(e).opacity")) < 1  # drawn fainter
    expect(page.locator(".ax-wide .ax-listed")).to_be_visible()


def test_without_javascript_every_step_is_a_link(browser: Browser, story: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(story.url("/"))
    axis = page.locator("#axis")
    for expected in (r"/\?from=2021&to=2021$", r"/\?from=2021-10&to=2021-10$"):
        axis.get_by_role("link", name="Zoom in", exact=True).click()
        expect(page).to_have_url(re.compile(expected))
    axis.locator(".ax-wide").get_by_role("link", name="Zoom to 5 Oct 2021").click()
    expect(page).to_have_url(re.compile(r"/\?from=2021-10-05&to=2021-10-05$"))
    expect(page.locator("#results .event")).to_have_count(4)
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021-10-05")
    page.get_by_role("checkbox", name=re.compile(r"^Launch")).check()
    page.get_by_role("button", name="Apply filters").click()
    # the empty fields a plain form sends are dropped by a redirect to the view's normal form
    expect(page).to_have_url(re.compile(r"/\?from=2021-10-05&tag=launch&to=2021-10-05$"))
    axis.get_by_role("link", name="Country").click()
    expect(page).to_have_url(re.compile(r"&lanes=country$"))
    expect(axis.locator(".ax-wide .ax-lane-label")).to_have_text(["Kazakhstan · 1", "Russia · 1"])
    context.close()
