"""Real-browser flows: filters without reloads, history, no-JS, permalinks."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.support import LiveServer


def titles(page: Page) -> list[str]:
    """The event titles shown, in order."""
    return page.locator("#results .event-title").all_inner_texts()


def test_filter_by_actor_then_country_without_reload(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    expect(page.locator("#results .event")).to_have_count(5)
    page.evaluate("window.__marker = 'same page'")  # disappears if the page reloads

    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()
    expect(page).to_have_url(re.compile(r"actor=yulia-peresild"))
    expect(page.locator("#results .event")).to_have_count(2)
    expect(page.locator("#status")).to_have_text(re.compile(r"2 events match"))

    page.get_by_role("checkbox", name=re.compile(r"^Kazakhstan")).check()
    expect(page).to_have_url(re.compile(r"actor=yulia-peresild&country=KZ"))
    assert titles(page) == ["The crew launches from Baikonur", "The crew lands in Kazakhstan"]
    assert page.evaluate("window.__marker") == "same page"
    assert "Yulia Peresild" in page.title()

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?actor=yulia-peresild$"))
    expect(page.locator("#results .event")).to_have_count(2)
    page.go_back()
    expect(page.locator("#results .event")).to_have_count(5)


def test_focus_stays_on_the_changed_checkbox(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    box = page.get_by_role("checkbox", name=re.compile(r"^Laika"))
    box.focus()
    page.keyboard.press("Space")
    expect(page.locator("#results .event")).to_have_count(1)
    focused = page.evaluate("document.activeElement.id")
    assert focused == "actor-laika"


def test_same_flow_without_javascript(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("/"))
    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"actor=yulia-peresild"))
    page.get_by_role("checkbox", name=re.compile(r"^Kazakhstan")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"actor=yulia-peresild&country=KZ"))
    assert titles(page) == ["The crew launches from Baikonur", "The crew lands in Kazakhstan"]
    page.go_back()
    expect(page.locator("#results .event")).to_have_count(2)
    context.close()


def test_permalink_shows_a_source_link(page: Page, server: LiveServer, console_errors: list[str]) -> None:
    page.goto(server.url("/"))
    page.get_by_role("link", name="The crew lands in Kazakhstan").click()
    expect(page).to_have_url(server.url("/events/landing"))
    expect(page.get_by_role("heading", level=1)).to_have_text("The crew lands in Kazakhstan")
    link = page.get_by_role("link", name=re.compile("Space Agency"))
    expect(link).to_have_attribute("href", "https://example.org/report")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(page.locator(".day-note")).to_contain_text("16 Oct 2021")


def test_invalid_filter_shows_an_alert_and_keeps_the_form(page: Page, server: LiveServer) -> None:
    page.goto(server.url("/"))
    page.get_by_role("textbox", name="From").fill("2021-13")
    page.get_by_role("textbox", name="From").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("'from' must be a date")
    expect(page.get_by_role("textbox", name="From")).to_have_value("2021-13")
    page.get_by_role("textbox", name="From").fill("2021")
    page.get_by_role("textbox", name="From").press("Enter")
    expect(page.locator("#results .event")).to_have_count(3)
