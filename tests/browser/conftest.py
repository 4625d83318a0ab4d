"""Browser tests: every page load is watched for console errors and CSP violations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser is a browser test."""
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def console_errors(page: Page) -> Iterator[list[str]]:
    """Console errors (CSP violations included); the test fails if any appear."""
    errors: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield errors
    assert errors == [], f"console errors: {errors}"
