"""In Chromium: another site frames the embed but not the pages, and "Cite this" copies its text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.support import LiveServer


@pytest.fixture
def newsroom(server: LiveServer) -> Iterator[LiveServer]:
    """Another origin (a newsroom's article) that frames an embed and, wrongly, a page."""
    site = Flask("newsroom")

    @site.get("/")
    def article() -> str:
        embed = server.url("/embed?actor=yulia-peresild")
        page = server.url("/?actor=yulia-peresild")
        return (
            "<!doctype html><title>Article</title><h1>Article</h1>"
            f'<iframe id="embed" src="{embed}" width="800" height="600" title="Timeline"></iframe>'
            f'<iframe id="page" src="{page}" width="800" height="300" title="Page"></iframe>'
        )

    live = LiveServer(site)
    live.thread.start()
    yield live
    live.server.shutdown()


def test_another_site_shows_the_embed_but_not_the_page(
    page: Page, server: LiveServer, newsroom: LiveServer
) -> None:
    refused: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "frame-ancestors" in message.text:
            refused.append(message.text)

    page.on("console", record)
    page.goto(newsroom.url("/"))
    embed = page.frame_locator("#embed")
    expect(embed.locator("li.event").first).to_be_visible()
    expect(embed.locator(".embed-open a")).to_have_text("Open the full timeline")
    expect(embed.locator("form")).to_have_count(0)
    framed_page = page.frame_locator("#page")
    expect(framed_page.locator("li.event")).to_have_count(0)  # refused: nothing of it shows
    assert any(server.base in text for text in refused), refused


@pytest.fixture
def clipboard(page: Page, server: LiveServer) -> Page:
    """A page allowed to write and read the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base)
    return page


def test_copy_puts_the_citation_on_the_clipboard(
    clipboard: Page, server: LiveServer, console_errors: list[str]
) -> None:
    clipboard.goto(server.url("/events/landing"))
    cite = clipboard.locator("section.cite")
    apa = cite.locator("#cite-event-apa")
    button = cite.get_by_role("button", name="Copy the APA 7 citation")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text("Copied")
    expect(cite.locator(".copy-status")).to_have_text("Copied")
    assert clipboard.evaluate("navigator.clipboard.readText()") == apa.inner_text().strip()


def test_without_javascript_the_text_is_there_and_no_button(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("/events/landing"))
    expect(page.locator("#cite-event-apa")).to_contain_text("The crew lands in Kazakhstan")
    expect(page.locator("section.cite button")).to_have_count(3)
    for button in page.locator("section.cite button").all():
        expect(button).to_be_hidden()
    context.close()
