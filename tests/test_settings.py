"""The settings table: read from config and the environment, checked at start-up, documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from timeline import create_app, settings


def test_the_readme_documents_every_setting_from_the_same_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings.markdown() in readme


def test_a_page_cache_of_zero_in_the_environment_turns_it_off(
    monkeypatch: pytest.MonkeyPatch, data_file: Path
) -> None:
    config = {"TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""}
    monkeypatch.setenv("TIMELINE_PAGE_CACHE", "8")
    assert "timeline.pages" in create_app(config).extensions  # the environment turns it on...
    monkeypatch.setenv("TIMELINE_PAGE_CACHE", "0")
    assert "timeline.pages" not in create_app(config).extensions  # ... and off
    monkeypatch.delenv("TIMELINE_PAGE_CACHE")
    assert "timeline.pages" in create_app(config).extensions  # on by default when serving


def test_config_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, data_file: Path) -> None:
    monkeypatch.setenv("TIMELINE_RELOAD_INTERVAL", "5")
    app = create_app({"TIMELINE_EVENTS": str(data_file), "TIMELINE_RELOAD_INTERVAL": -1})
    assert app.config["TIMELINE_RELOAD_INTERVAL"] == -1
    monkeypatch.setenv("TIMELINE_REFERENCE_ZONES", "Almaty=Asia/Almaty")
    assert create_app({"TIMELINE_EVENTS": str(data_file)}).config["TIMELINE_REFERENCE_ZONES"] == (
        ("Almaty", "Asia/Almaty"),
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("TIMELINE_PAGE_CACHE", "lots", "TIMELINE_PAGE_CACHE='lots': expected a number"),
        ("TIMELINE_PAGE_CACHE", "-1", "expected a number of at least 0"),
        ("TIMELINE_RELOAD_INTERVAL", "soon", "expected a number"),
        ("TIMELINE_REFERENCE_ZONES", "Mars=Olympus/Mons", "unknown time zone 'Olympus/Mons'"),
        ("TIMELINE_REFERENCE_ZONES", "Moscow", "expected Name=Area/City pairs"),
        ("TIMELINE_EVENTS", " ", "expected a path"),
        ("TIMELINE_MEDIA_HOSTS", "https://upload.wikimedia.org", "expected host names"),
        ("TIMELINE_MEDIA_HOSTS", "*.example.org", "expected host names"),
        ("TIMELINE_MEDIA_HOSTS", "example.org/path", "expected host names"),
        ("TIMELINE_MEDIA_HOSTS", "localhost", "expected host names"),
    ],
)
def test_a_bad_setting_stops_the_start_with_a_message_that_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as caught:
        create_app({})
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"timeline: {name}=")
    assert message in err


def test_timeline_settings_lists_every_setting() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "settings"], capture_output=True, text=True, check=True
    )
    for name, kind, default, _ in settings.table():
        assert f"{name} ({kind}, default {default})" in run.stdout
