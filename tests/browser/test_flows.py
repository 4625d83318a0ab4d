"""Real-browser flows: filters without reloads, history, no-JS, permalinks."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, Route, expect

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
    # both views hold two events: wait for this one's own filters before the next Back
    expect(page.locator(".active-filters")).not_to_contain_text("Kazakhstan")
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
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["actor", "laika"]


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


def requests_to_the_timeline(page: Page) -> list[str]:
    """A list that fills with the timeline requests the page makes from now on."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if re.search(r"/(\?.*)?$", r.url) else None)
    return seen


def test_enter_in_the_search_box_is_one_request_and_one_step_back(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    sent = requests_to_the_timeline(page)
    box = page.get_by_role("searchbox", name="Search")
    box.fill("Peresild")
    box.press("Enter")  # fires "search", "change" and "submit"
    expect(page).to_have_url(re.compile(r"\?q=Peresild$"))
    expect(page.locator("#results .event")).to_have_count(2)
    page.get_by_role("button", name="Apply filters").click()  # nothing changed: nothing sent
    page.wait_for_timeout(300)
    assert sent == [server.url("/?q=Peresild")]
    page.go_back()  # one press is one step
    expect(page).to_have_url(server.url("/"))
    expect(page.locator("#results .event")).to_have_count(5)


def test_typing_then_apply_is_one_request_and_one_step_back(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    sent = requests_to_the_timeline(page)
    page.get_by_role("searchbox", name="Search").fill("Peresild")
    page.get_by_role("button", name="Apply filters").click()  # the box's "change" and the submit
    expect(page).to_have_url(re.compile(r"\?q=Peresild$"))
    expect(page.locator("#results .event")).to_have_count(2)
    page.wait_for_timeout(300)
    assert sent == [server.url("/?q=Peresild")]
    page.go_back()
    expect(page).to_have_url(server.url("/"))
    expect(page.locator("#results .event")).to_have_count(5)


def test_clearing_the_search_box_shows_every_event_at_once(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?q=Peresild"))
    expect(page.locator("#results .event")).to_have_count(2)
    box = page.get_by_role("searchbox", name="Search")
    box.focus()
    box.press("Escape")  # clears the box, as its × does
    expect(page).to_have_url(server.url("/"))
    expect(page.locator("#results .event")).to_have_count(5)
    expect(page.locator(".active-filters")).to_have_count(0)
    expect(box).to_be_focused()  # no blur was needed
    box.fill("laika")
    box.press("Enter")
    expect(page.locator("#results .event")).to_have_count(1)
    box.evaluate("b => { b.value = ''; b.dispatchEvent(new Event('search', {bubbles: true})); }")  # the ×
    expect(page.locator("#results .event")).to_have_count(5)


def test_chips_on_event_cards_filter_in_place(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    page.evaluate("window.__marker = 'same page'")
    page.locator("#event-laika").get_by_role("link", name="Soviet Union").click()
    expect(page).to_have_url(server.url("/?country=SU"))
    expect(page.locator("#results .event")).to_have_count(2)
    assert page.evaluate("window.__marker") == "same page"  # swapped, not reloaded
    expect(page.locator("input[name=country][value=SU]")).to_be_checked()  # the form follows
    assert page.evaluate("document.activeElement !== document.body")


def test_a_filter_that_cannot_be_applied_is_explained_in_view_and_leaves_the_list(
    page: Page, server: LiveServer
) -> None:
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(server.url("/?country=SU"))
    page.locator(".filters-summary").click()  # the filters' disclosure (narrow screens)
    date = page.get_by_role("textbox", name="From")
    date.fill("2021-13")
    page.get_by_role("button", name="Apply filters").click()  # far down the page
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("'from' must be a date")
    expect(alert).to_be_in_viewport()
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_url(server.url("/?country=SU"))  # the invalid address is not pushed
    expect(page.locator("#results .event")).to_have_count(2)  # the list stays as it was
    expect(page.locator("input[name=country][value=SU]")).to_be_checked()
    date.fill("1957")
    date.press("Enter")
    expect(page).to_have_url(server.url("/?from=1957&country=SU"))
    expect(alert).to_have_text("")
    expect(date).not_to_have_attribute("aria-invalid", "true")


def test_show_more_says_what_is_shown_and_a_reload_keeps_it(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/?per_page=2"))
    expect(page.locator("#range")).to_have_text("Events 1–2 of 5, oldest first.")
    page.get_by_role("link", name=re.compile(r"^Show more events")).click()
    expect(page.locator("#results .event")).to_have_count(4)
    expect(page.locator("#range")).to_have_text("Events 1–4 of 5, oldest first.")
    expect(page).to_have_url(server.url("/?per_page=2&pages=2"))
    page.reload()
    expect(page.locator("#results .event")).to_have_count(4)
    page.get_by_role("link", name=re.compile(r"^Show more events")).click()
    expect(page.locator("#range")).to_have_text("5 events, oldest first.")  # all of them now
    expect(page.get_by_role("link", name=re.compile(r"^Show more events"))).to_have_count(0)


def test_facet_values_stay_in_place_and_say_when_they_would_give_nothing(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    page.goto(server.url("/"))
    order = page.locator("#facets .facet-country input").evaluate_all("bs => bs.map(b => b.value)")
    box = page.locator("input[name=actor][value=laika]")
    box.evaluate("b => { b.__same = true; }")  # gone if the lists are rebuilt
    page.get_by_role("checkbox", name=re.compile(r"^Kazakhstan")).check()
    expect(page.locator("#status")).to_have_text(re.compile(r"2 events match"))
    assert page.locator("#facets .facet-country input").evaluate_all("bs => bs.map(b => b.value)") == order
    assert box.evaluate("b => b.__same === true")  # only the counts changed
    expect(page.get_by_role("checkbox", name="Yulia Peresild 2 events")).to_be_visible()
    expect(page.locator("fieldset.facet-country .selected-count")).to_have_text("1 chosen")
    laika = page.get_by_role("checkbox", name="Laika 0 events")  # greyed, still there
    expect(laika).to_be_enabled()
    assert "none" in laika.evaluate("b => b.closest('li').className")
    expect(page.locator("legend", has_text="Who")).to_contain_text("(any of)")
    page.get_by_role("link", name=re.compile(r"^Kazakhstan.*remove")).click()  # a link, not the form
    expect(page.locator("input[name=country][value=KZ]")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Laika 1 event")).to_be_visible()
    assert "none" not in box.evaluate("b => b.closest('li').className")


def test_the_json_link_follows_the_filters(page: Page, server: LiveServer, console_errors: list[str]) -> None:
    page.goto(server.url("/"))
    page.get_by_role("checkbox", name=re.compile(r"^Laika")).check()
    expect(page).to_have_url(re.compile(r"actor=laika"))
    link = page.get_by_role("navigation", name="Site").get_by_role("link", name="JSON")
    expect(link).to_have_attribute("href", "/api/events?actor=laika")
    response = page.request.get(server.url(link.get_attribute("href") or ""))
    assert [e["id"] for e in response.json()["events"]] == ["laika"]


def test_the_form_without_javascript_leaves_out_empty_fields(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("/"))
    page.get_by_role("checkbox", name=re.compile(r"^Laika")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(server.url("/?actor=laika"))  # not ?q=&from=&to=&actor=laika
    expect(page.locator("#results .event")).to_have_count(1)
    context.close()


def test_htmx_comes_when_the_reader_reaches_for_the_page_and_a_change_waits_for_it(
    page: Page, server: LiveServer, console_errors: list[str]
) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "htmx" in r.url else None)

    def slow(route: Route) -> None:
        page.wait_for_timeout(400)  # htmx on a slow line: the box is ticked before it arrives
        route.continue_()

    page.route("**/htmx-*.js", slow)
    page.goto(server.url("/"), wait_until="load")
    page.wait_for_timeout(300)
    assert fetched == []  # not part of the first view
    page.evaluate("window.__marker = 'same page'")
    page.get_by_role("checkbox", name=re.compile(r"^Laika")).check()
    expect(page).to_have_url(server.url("/?actor=laika"))
    expect(page.locator("#results .event")).to_have_count(1)
    assert page.evaluate("window.__marker") == "same page"
    assert len(fetched) == 1
