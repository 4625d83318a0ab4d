"""Media in a real browser: allowed hosts load under the strict CSP, nothing else leaves the page."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Route

from tests.support import DATA, LiveServer
from timeline import create_app

# A 2×1 PNG, served for the pictures of the fixture's hosts: nothing reaches the network.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYGD4z8DAwMAAAA0AAZ0l7o4AAAAASUVORK5CYII="
)
HOSTS = "upload.wikimedia.org,www.youtube-nocookie.com,example.org"


def serve(hosts: str) -> LiveServer:
    app = create_app(
        {
            "TIMELINE_EVENTS": str(DATA / "exports.yaml"),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_MEDIA_HOSTS": hosts,
        }
    )
    live = LiveServer(app)
    live.thread.start()
    return live


@pytest.fixture
def with_hosts() -> Iterator[LiveServer]:
    live = serve(HOSTS)
    yield live
    live.server.shutdown()


@pytest.fixture
def without_hosts() -> Iterator[LiveServer]:
    live = serve("")
    yield live
    live.server.shutdown()


def route_media(page: Page, base: str) -> list[str]:
    """Answer the media hosts from here; return the list of off-site requests the page made."""
    asked: list[str] = []

    def answer(route: Route) -> None:
        url = route.request.url
        if url.startswith(base):
            route.continue_()
            return
        asked.append(url)
        if url.endswith(".jpg"):
            route.fulfill(status=200, content_type="image/png", body=PNG)
        elif url.endswith(".mp3"):
            route.fulfill(status=404, body="")
        else:
            route.fulfill(
                status=200, content_type="text/html", body="<!doctype html><title>player</title><p>player"
            )

    page.route("**/*", answer)
    return asked


def test_media_from_allowed_hosts_load_with_no_csp_violation(
    page: Page, with_hosts: LiveServer, console_errors: list[str]
) -> None:
    asked = route_media(page, with_hosts.base)
    page.goto(with_hosts.url("/events/launch"))
    image = page.locator("figure img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('figure img').complete")
    assert image.evaluate("img => img.naturalWidth") == 2
    box = page.locator("figure .media-box").first.bounding_box()
    assert box is not None
    assert round(box["width"] / box["height"], 2) == round(16 / 9, 2)  # reserved before the image loaded
    page.locator("figure iframe").last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert any(url.startswith("https://www.youtube-nocookie.com/embed/") for url in asked)
    assert console_errors == []


def test_without_media_hosts_nothing_is_fetched_from_elsewhere(
    page: Page, without_hosts: LiveServer, console_errors: list[str]
) -> None:
    asked = route_media(page, without_hosts.base)
    page.goto(without_hosts.url("/events/launch"))
    page.wait_for_load_state("networkidle")
    assert page.locator("figure a.media-link").count() == 4
    assert asked == []
