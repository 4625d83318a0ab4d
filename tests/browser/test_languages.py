"""The language switcher and a first visit in Russian, in a real browser (with and without JavaScript)."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.support import LiveServer


def test_switching_language_keeps_the_filters_and_back_returns(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/en/"))
    page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild")).check()  # swapped in by htmx
    expect(page).to_have_url(re.compile(r"/en/\?actor=yulia-peresild$"))
    expect(page.locator("#status")).to_have_text("2 events match the filters.")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/\?actor=yulia-peresild$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Юлия Пересильд"))).to_be_checked()
    expect(page.locator("#status")).to_have_text("Под фильтры подходят 2 события.")
    expect(page.locator("#results .event-title").first).to_have_text("Экипаж стартует с Байконура")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/en/\?actor=yulia-peresild$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Yulia Peresild"))).to_be_checked()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("#results .event")).to_have_count(5)


def test_the_switcher_follows_filters_changed_in_place(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/ru/"))
    page.get_by_role("checkbox", name=re.compile(r"^Лайка")).check()
    expect(page).to_have_url(re.compile(r"/ru/\?actor=laika$"))
    english = page.get_by_role("navigation", name="Язык").get_by_role("link", name="English")
    expect(english).to_have_attribute("href", "/en/?actor=laika")
    english.click()
    expect(page).to_have_url(re.compile(r"/en/\?actor=laika$"))
    expect(page.locator("#results .event")).to_have_count(1)


def test_switching_without_javascript(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("/en/?tag=launch&to=1957"))
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/\?tag=launch&to=1957$"))
    expect(page.locator("#status")).to_have_text("Под фильтры подходит 1 событие.")
    context.close()


def test_a_first_visit_from_a_russian_browser_is_in_russian(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(locale="ru-RU")  # sends Accept-Language: ru-RU
    page = context.new_page()
    page.goto(server.url("/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text("Мини-хронология")
    expect(page.locator("#status")).to_have_text("Найдено 5 событий.")
    # Links keep negotiating: the next page is in Russian too, and no cookie was needed for it.
    page.locator("#event-landing .event-title a").click()
    expect(page).to_have_url(re.compile(r"/events/landing$"))
    expect(page.locator("h1")).to_have_text("Экипаж приземляется в Казахстане")
    assert context.cookies() == []
    context.close()
