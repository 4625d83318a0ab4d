"""Application start-up: configuration, and refusing to start on an invalid file."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import create_app, web


def test_data_file_from_the_environment(monkeypatch: pytest.MonkeyPatch, data_file: Path) -> None:
    monkeypatch.setenv("TIMELINE_EVENTS", str(data_file))
    app = create_app({"TIMELINE_CACHE_DIR": ""})
    assert app.test_client().get("/").data.count(b'class="event ') == 5


def test_refuses_to_start_on_an_invalid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "events.yaml"
    bad.write_text("title: x\nsources: [\n", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        create_app({"TIMELINE_EVENTS": str(bad), "TIMELINE_CACHE_DIR": ""})
    assert caught.value.code == 1
    assert capsys.readouterr().err.startswith(f"{bad}:3:1: YAML syntax error")


def test_a_broken_edit_keeps_the_last_good_data(client: object, data_file: Path) -> None:
    from flask.testing import FlaskClient

    assert isinstance(client, FlaskClient)
    data_file.write_text(data_file.read_text(encoding="utf-8") + "  - broken: [\n", encoding="utf-8")
    store = client.application.extensions["timeline.store"]
    store.check()
    assert client.get("/").data.count(b'class="event ') == 5
    health = client.get("/healthz").json
    assert health is not None
    assert health["last_reload_ok"] is False
    assert health["errors"][0]["line"] > 1


def test_warm_compiles_the_templates_before_the_workers_fork(data_file: Path) -> None:
    # gunicorn's master (timeline/serving.py) warms the app before forking: each worker would
    # otherwise compile every template and fill its caches on its first request.
    app = create_app({"TESTING": True, "TIMELINE_EVENTS": str(data_file), "TIMELINE_CACHE_DIR": ""})
    assert not app.jinja_env.cache  # tests start cold (and quick)
    web.warm(app)
    compiled = {name for (_, name) in app.jinja_env.cache}  # type: ignore[union-attr]
    assert {"index.html", "_results.html", "macros.html", "_facets.html", "errors/error.html"} <= compiled
