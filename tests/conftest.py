"""Shared fixtures: the app on a small data file, its client, and a real server for browsers."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from hypothesis import settings

from tests.support import DATA, LiveServer
from timeline import create_app

# Property tests: thorough and reproducible in CI (derandomized, so a failure there fails the
# same way here), quicker in the inner loop. HYPOTHESIS_PROFILE=ci locally runs CI's examples.
settings.register_profile("ci", max_examples=120, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=40)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    """A private copy of tests/data/mini.yaml that a test may rewrite."""
    target = tmp_path / "events.yaml"
    shutil.copy(DATA / "mini.yaml", target)
    return target


@pytest.fixture
def app(data_file: Path) -> Flask:
    """The app on the mini timeline, without the snapshot cache (pytest-flask uses this)."""
    return create_app({"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""})


@pytest.fixture
def server(app: Flask) -> Iterator[LiveServer]:
    """The app served for real, for browser tests."""
    live = LiveServer(app)
    live.thread.start()
    yield live
    live.server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (Playwright's own download is not reachable here)."""
    if Path(CHROMIUM).exists():
        return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
    return {**browser_type_launch_args, "args": CHROMIUM_ARGS}
