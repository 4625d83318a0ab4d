"""Keyboard only: reach a filter, change it, hear the count, reach the first result and its source."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.support import LiveServer

FOCUSED = "document.activeElement"


def tab_until(page: Page, test: str, limit: int = 80) -> None:
    """Press Tab until the JavaScript ``test`` of the focused element holds (at most ``limit`` times)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => Boolean({test}))({FOCUSED})"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def focus_is_visible(page: Page) -> bool:
    """True when the focused element draws a focus outline."""
    style = page.evaluate(f"(e => getComputedStyle(e).outlineStyle)({FOCUSED})")
    return style not in ("none", "")


def test_filter_and_reach_the_first_source_with_the_keyboard_only(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    tab_until(page, "e.name === 'actor' && e.value === 'yulia-peresild'")
    assert focus_is_visible(page)
    page.keyboard.press("Space")

    expect(page.locator("#results .event")).to_have_count(2)
    expect(page.locator("#status")).to_have_text("2 events match the filters.")
    expect(page).to_have_url(re.compile(r"\?actor=yulia-peresild$"))
    expect(page.locator("input[name=actor][value=yulia-peresild]")).to_be_focused()
    expect(page.locator("input[name=actor][value=yulia-peresild]")).to_be_checked()

    tab_until(page, "e.matches('#results .event-title a')")
    assert page.evaluate(f"{FOCUSED}.textContent") == "The crew launches from Baikonur"
    assert focus_is_visible(page)
    tab_until(page, "e.matches('#results details.sources > summary')", limit=10)
    page.keyboard.press("Enter")
    # The newspaper has no public address: its source link goes to the page about it.
    tab_until(page, "e.closest('.citation')", limit=3)
    assert page.evaluate(f"{FOCUSED}.closest('li.event').id") == "event-launch"
    assert page.evaluate(f"{FOCUSED}.textContent") == "Daily Paper: A newspaper story"
    assert page.evaluate(f"{FOCUSED}.getAttribute('href')") == "/sources/paper"
    assert focus_is_visible(page)


def test_show_more_moves_focus_to_the_first_new_event(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?per_page=2"))
    more = page.get_by_role("link", name=re.compile(r"^Show more events"))
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#results .event")).to_have_count(4)
    expect(page.locator("#results .event").nth(2).locator(".event-title a")).to_be_focused()


def test_skip_link_goes_to_the_events(page: Page, server: LiveServer, console_errors: list[str]) -> None:
    page.goto(server.url("/"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the events")).to_be_focused()
    page.keyboard.press("Enter")
    tab_until(page, "e.closest('#results')", limit=3)
    expect(
        page.locator("#axis").get_by_role("link", name="Zoom in", exact=True)
    ).to_be_focused()  # the axis first


def test_enter_ticks_a_facet_checkbox_as_space_does(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    tab_until(page, "e.name === 'actor' && e.value === 'laika'")
    page.keyboard.press("Enter")
    expect(page.locator("input[name=actor][value=laika]")).to_be_checked()
    expect(page.locator("#results .event")).to_have_count(1)
    expect(page.locator("input[name=actor][value=laika]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("input[name=actor][value=laika]")).not_to_be_checked()
    expect(page.locator("#results .event")).to_have_count(5)


def test_enter_on_a_chip_filters_and_leaves_focus_in_the_results(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    tab_until(page, "e.matches('#event-laika .chip-country')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?country=SU$"))
    expect(page.locator("#results .event")).to_have_count(2)
    # Not the body: the reader goes on from the results they asked for.
    assert page.evaluate(f"{FOCUSED}.closest('#results') !== null")
    tab_until(page, "e.matches('#results .event-title a')", limit=40)
    assert page.evaluate(f"{FOCUSED}.textContent") == "The year of Sputnik"
