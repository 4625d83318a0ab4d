"""Exports of real data files through the app, fetched as a reader's client would."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient

from timeline import create_app
from timeline.load import yamlread

ROOT = Path(__file__).parent.parent.parent
MINI = ROOT / "tests" / "data" / "mini.yaml"
# The data version's time of every file served here (its mtime): what `updated` falls back to.
VERSION_TIME = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
PUBLISHER = "Orbit Film Desk"
HOSTILE = (
    "</title><script>alert(1)</script> & \"quotes\" 'single' <![CDATA[ ]]> {braces} } @x{ % \\ "
    '=cmd|" /C calc"!A0 \u202eevil \U0001f680 \ufffe\nEND:VEVENT\nBEGIN:VALARM\n; x=y, z'
)


def serve(folder: Path, source: Path | str, **config: object) -> Flask:
    """The app on a copy of ``source`` (a path, or the file's text) whose mtime is VERSION_TIME."""
    path = folder / "events.yaml"
    if isinstance(source, Path):
        shutil.copy(source, path)
    else:
        path.write_text(source, encoding="utf-8")
    os.utime(path, (VERSION_TIME.timestamp(), VERSION_TIME.timestamp()))
    settings = {"TESTING": True, "TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": "",
                "TIMELINE_BASE_URL": "http://localhost"}  # fmt: skip
    return create_app({**settings, "TIMELINE_PUBLISHER": PUBLISHER, **config})


@pytest.fixture(scope="session")
def story(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """A client of the app serving the bundled story."""
    return serve(tmp_path_factory.mktemp("story"), ROOT / "events.yaml").test_client()


@pytest.fixture(scope="session")
def mini(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """A client of the app serving tests/data/mini.yaml."""
    return serve(tmp_path_factory.mktemp("mini"), MINI).test_client()


def _in_url(char: str) -> bool:
    """True for a character a data file's URL may hold."""
    return char.isprintable() and not char.isspace() and char != "\\"


def with_text(text: str) -> str:
    """mini.yaml with every text a reader sees set to ``text`` (and ``text`` in every URL's path)."""
    data, _ = yamlread.read(MINI.read_text(encoding="utf-8"))
    data["title"] = data["description"] = text
    for section, fields in {
        "tags": ("label", "description"),
        "sources": ("title", "publisher", "author", "note"),
        "actors": ("name", "native_name", "role"),
        "events": ("title", "place", "zone_label", "summary"),
    }.items():
        for item in data[section]:
            item.update(dict.fromkeys(fields, text))
            if section == "sources":
                item["url"] = "https://example.org/" + "".join(c for c in text if _in_url(c))
            for citation in item.get("citations", ()):
                citation["quote"] = citation["note"] = text
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """A client of the app serving mini.yaml with HOSTILE in every text."""
    return serve(tmp_path_factory.mktemp("hostile"), with_text(HOSTILE)).test_client()


def fetch(client: FlaskClient, url: str, media_type: str) -> str:
    """The body of a successful export, checked to be the media type promised, as a download."""
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.mimetype == media_type
    assert response.mimetype_params.get("charset") == "utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return response.text


Fetch = Callable[[FlaskClient, str, str], str]
