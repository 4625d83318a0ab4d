"""The Content-Security-Policy in a real browser: no violation anywhere, and hostile data stays text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from tests.support import LiveServer
from tests.test_properties import with_text
from timeline import create_app

# Chromium reports violations both in the console and as DOM events; listen to both.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""
PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>'


class Watch:
    """CSP violations and dialogs seen by a page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.messages: list[str] = []
        self.dialogs: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self.console)
        page.on("dialog", self.dialog)

    def console(self, message: ConsoleMessage) -> None:
        if re.search(r"Content.Security.Policy|Refused to", message.text, re.IGNORECASE):
            self.messages.append(message.text)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def violations(self) -> list[str]:
        """Everything the page reported as blocked by the policy."""
        found: list[str] = self.page.evaluate("window.__cspViolations || []")
        return self.messages + found


@pytest.fixture
def watch(page: Page) -> Iterator[Watch]:
    """A page that fails the test on any CSP violation or dialog."""
    watcher = Watch(page)
    yield watcher
    assert watcher.dialogs == []
    assert watcher.violations() == []


PAGES = [
    "/",
    "/?actor=yulia-peresild&country=KZ",
    "/?from=2021&to=2021",
    "/?from=2021-13",
    "/events/landing",
    "/sources/paper",
    "/actors/yulia-peresild",
    "/countries/KZ",
    "/no/such/page",
    "/api/events",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_a_csp_violation(page: Page, server: LiveServer, watch: Watch, path: str) -> None:
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("Array.isArray(window.__cspViolations)")  # the recorder is in place
    assert watch.violations() == []


def test_an_injected_inline_script_is_blocked(page: Page, server: LiveServer) -> None:
    watcher = Watch(page)
    page.goto(server.url("/"))
    page.evaluate(
        """() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
        const d = document.createElement('div');
        d.setAttribute('style', 'color: red');
        document.body.appendChild(d);
    }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    blocked = " ".join(watcher.violations())
    assert "script-src" in blocked


def test_htmx_filtering_works_under_the_policy(page: Page, server: LiveServer, watch: Watch) -> None:
    page.goto(server.url("/"))
    page.evaluate("window.__marker = 'same page'")
    page.get_by_role("checkbox", name=re.compile(r"^Laika")).check()
    expect(page.locator("#results .event")).to_have_count(1)
    assert page.evaluate("window.__marker") == "same page"  # swapped by htmx, not reloaded
    page.get_by_role("textbox", name="From").fill("2021-13")
    page.get_by_role("textbox", name="From").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("'from' must be a date")
    assert watch.violations() == []


def payload_server(folder: Path, text: str) -> LiveServer:
    """A live server on mini.yaml with every text field set to ``text``."""
    path = folder / "events.yaml"
    path.write_text(with_text(text), encoding="utf-8")
    app: Flask = create_app({"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": ""})
    live = LiveServer(app)
    live.thread.start()
    return live


def element_count(page: Page) -> int:
    """How many elements the rendered document has."""
    count: int = page.evaluate("document.getElementsByTagName('*').length")
    return count


@pytest.mark.parametrize(
    "path", ["/", "/events/landing", "/sources/agency", "/actors/laika", "/countries/SU"]
)
def test_hostile_data_adds_no_element(page: Page, tmp_path: Path, watch: Watch, path: str) -> None:
    for name in ("plain", "hostile"):
        (tmp_path / name).mkdir()
    plain, hostile = payload_server(tmp_path / "plain", "zzzz"), payload_server(tmp_path / "hostile", PAYLOAD)
    try:
        page.goto(plain.url(path))
        expected = element_count(page)
        page.goto(hostile.url(path))
        page.wait_for_load_state("networkidle")
        assert element_count(page) == expected
        assert page.locator("img[src=x], svg[onload], script:not([src])").count() == 0
        expect(page.get_by_text(PAYLOAD).first).to_be_attached()  # shown as text
    finally:
        plain.server.shutdown()
        hostile.server.shutdown()
