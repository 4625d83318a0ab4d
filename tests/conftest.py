"""Shared fixtures: the app on a small data file, its client, and a real server for browsers."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from timeline import create_app

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
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


class LiveServer:
    """A threaded werkzeug server on a free loopback port."""

    def __init__(self, app: Flask) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """The server's base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.server.server_port}"

    def url(self, path: str = "/") -> str:
        """An absolute URL on this server."""
        return self.base + path


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
