"""The timeline on a phone (320 px): events come first, filters and introduction fold away."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support import LiveServer
from timeline import create_app

SCREEN = {"width": 320, "height": 568}


@pytest.fixture(scope="module")
def story_server() -> Iterator[LiveServer]:
    """The bundled story, served for real."""
    live = LiveServer(create_app({"TESTING": True, "TIMELINE_CACHE_DIR": ""}))
    live.thread.start()
    yield live
    live.server.shutdown()


def first_event_top(page: Page) -> float:
    """Where the first event starts, in px from the top of the page."""
    first = page.locator("#results li.event").first
    top: float = first.evaluate("e => e.getBoundingClientRect().top + scrollY")
    return top


@pytest.mark.parametrize("path", ["/", "/?actor=yulia-peresild&country=KZ", "/?q=Gagarin"])
def test_the_first_event_starts_within_one_and_a_half_screens(
    page: Page, story_server: LiveServer, path: str, console_errors: list[str]
) -> None:
    page.set_viewport_size(SCREEN)
    page.goto(story_server.url(path))
    assert first_event_top(page) <= 1.5 * SCREEN["height"]


def test_filters_fold_behind_a_disclosure_that_counts_them(
    page: Page, story_server: LiveServer, console_errors: list[str]
) -> None:
    page.set_viewport_size(SCREEN)
    page.goto(story_server.url("/?actor=yulia-peresild&country=KZ&from=2021"))
    disclosure = page.locator(".filters-summary")
    expect(disclosure).to_have_text("Filters (3 active)")
    search = page.get_by_role("searchbox", name="Search")
    expect(search).to_be_hidden()
    disclosure.click()
    expect(search).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Klim Shipenko")).check()
    expect(disclosure).to_have_text("Filters (4 active)")  # follows each change
    expect(search).to_be_visible()  # and stays open while the reader works in it


def test_the_introduction_folds_on_phones_and_shows_on_wide_screens(
    page: Page, story_server: LiveServer, console_errors: list[str]
) -> None:
    page.set_viewport_size(SCREEN)
    page.goto(story_server.url("/"))
    lede = page.locator(".lede")
    expect(lede).to_be_hidden()
    page.get_by_text("About this timeline").click()
    expect(lede).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    expect(lede).to_be_visible()
    expect(page.get_by_text("About this timeline")).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Search")).to_be_visible()
    expect(page.locator(".filters-summary")).to_be_hidden()
