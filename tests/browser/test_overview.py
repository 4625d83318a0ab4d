"""The overview axis in a real browser: with the mouse, the keyboard, and without JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.support import LiveServer


def test_clicking_a_bar_selects_its_year_in_place(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    page.evaluate("window.__marker = 'same page'")
    overview = page.locator("#overview")
    expect(overview.get_by_role("link")).to_have_count(2)
    overview.get_by_role("link", name="2021: 3 events", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?from=2021&to=2021$"))
    expect(page.locator("#results .event")).to_have_count(3)
    expect(page.locator("#status")).to_have_text("3 events match the filters.")
    expect(page.get_by_role("heading", name="Events per month in 2021")).to_be_visible()
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021")
    expect(page.get_by_role("textbox", name="To")).to_have_value("2021")
    assert page.evaluate("window.__marker") == "same page"

    # The form keeps the chosen dates when a facet changes next.
    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()
    expect(page).to_have_url(re.compile(r"\?from=2021&to=2021&actor=yulia-peresild$"))
    expect(page.locator("#results .event")).to_have_count(2)
    expect(overview.get_by_role("link", name="Oct 2021: 2 events", exact=True)).to_be_visible()

    # Zoom out again, keeping the facet.
    overview.get_by_role("link", name="All years").click()
    expect(page).to_have_url(re.compile(r"\?actor=yulia-peresild$"))
    expect(page.get_by_role("textbox", name="From")).to_have_value("")
    expect(overview.get_by_role("link", name="2021: 2 events", exact=True)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(r"from=2021&to=2021"))
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021")


def test_bars_follow_the_filters(page: Page, server: LiveServer, console_errors: list[str]) -> None:
    page.goto(server.url("/"))
    page.get_by_role("checkbox", name=re.compile(r"^Laika")).check()
    overview = page.locator("#overview")
    expect(overview.get_by_role("link", name="1957: 1 event", exact=True)).to_be_visible()
    expect(overview.get_by_role("link", name=re.compile(r"^2021"))).to_have_count(0)


def test_bars_work_from_the_keyboard(page: Page, server: LiveServer, console_errors: list[str]) -> None:
    page.goto(server.url("/"))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "1957: 2 events":
            break
    else:
        raise AssertionError("Tab never reached the 1957 bar")
    outline = page.evaluate("getComputedStyle(document.activeElement.querySelector('.ov-hit')).stroke")
    assert outline != "none"  # the focused bar is marked
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?from=1957&to=1957$"))
    expect(page.locator("#status")).to_have_text("2 events match the filters.")
    # The bar was replaced by the months of 1957: focus goes to the overview, not to the page top.
    expect(page.locator("#overview-heading")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="All years")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#overview").get_by_role("link", name="Jan 1957: 1 event")).to_be_focused()


def test_bars_are_plain_links_without_javascript(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("/?tag=launch"))
    page.locator("#overview").get_by_role("link", name="1957: 1 event", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?tag=launch&from=1957&to=1957$"))
    expect(page.locator("#results .event")).to_have_count(1)
    expect(page.get_by_role("textbox", name="From")).to_have_value("1957")
    expect(page.get_by_role("heading", name="Events per month in 1957")).to_be_visible()
    context.close()
