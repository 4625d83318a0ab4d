"""Hot reload: broken edits never replace good data, and the server says what is wrong.

The last test runs the app under gunicorn with two workers, breaks the data file in every
way an editor (or a person) can while requests flow, and checks that every response is a
200 with the old data until a valid file is atomically put in place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, render_template
from flask.testing import FlaskClient

from bench.generate import generate
from tests.support import DATA, Gunicorn, obeys_file_permissions, wait_for
from timeline import create_app, store
from timeline.load import LoadError, build
from timeline.store import Store

BROKEN = DATA / "broken"
MINI = (DATA / "mini.yaml").read_text(encoding="utf-8")


def titled(title: str) -> str:
    """The mini timeline under another title."""
    return MINI.replace("title: Mini timeline", f"title: {title}", 1)


def atomic_write(path: Path, text: str) -> None:
    """Write the way careful editors do: a temporary file in the same folder, then rename."""
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.chmod(0o644)
    os.replace(temp, path)


@pytest.fixture
def reloading(data_file: Path) -> Flask:
    """The app on a private data file, checking it on every request."""
    return create_app(
        {
            "TESTING": True,
            "TIMELINE_EVENTS": str(data_file),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_RELOAD_INTERVAL": 0,
        }
    )


def shown_title(client: FlaskClient) -> str:
    """The timeline title the home page shows (in its <title>)."""
    page = client.get("/")
    assert page.status_code == 200
    return page.text.split("<title>", 1)[1].split("</title>", 1)[0]


def half(path: Path) -> None:
    path.write_text(MINI[: len(MINI) // 2 + 7], encoding="utf-8")  # cut inside a value


def replace_with_directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


FAULTS: dict[str, Callable[[Path], object]] = {
    "half-written": half,
    "syntax-error": lambda p: p.write_text(MINI.replace("title: Mini timeline", "title: [oops"), "utf-8"),
    "alias-bomb": lambda p: shutil.copy(BROKEN / "alias-bomb.yaml", p),
    "emptied": lambda p: p.write_bytes(b""),
    "deleted": lambda p: p.unlink(),
    "directory": replace_with_directory,
    "latin-1": lambda p: shutil.copy(BROKEN / "latin-1.yaml", p),
    "javascript-url": lambda p: p.write_text(
        MINI.replace("https://example.org/report", "javascript:x"), "utf-8"
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_broken_file_keeps_the_last_good_data(reloading: Flask, data_file: Path, fault: str) -> None:
    client = reloading.test_client()
    version = client.get("/healthz").json["data_version"]  # type: ignore[index]
    FAULTS[fault](data_file)
    assert shown_title(client) == "Mini timeline"
    health = client.get("/healthz")
    assert health.status_code == 200
    body = health.json
    assert body is not None
    assert body["data_version"] == version
    assert body["last_reload_ok"] is False
    assert body["errors"]
    assert all(set(e) == {"line", "col", "message"} and e["line"] >= 1 for e in body["errors"])
    # Repaired: the new version is served and the error is gone.
    if data_file.is_dir():
        data_file.rmdir()
    atomic_write(data_file, titled("Repaired timeline"))
    assert shown_title(client) == "Repaired timeline"
    body = client.get("/healthz").json
    assert body is not None
    assert body["last_reload_ok"] is True
    assert body["errors"] == []
    assert body["data_version"] == hashlib.sha256(titled("Repaired timeline").encode()).hexdigest()


def test_healthz_positions_the_problem(reloading: Flask, data_file: Path) -> None:
    client = reloading.test_client()
    data_file.write_text(MINI.replace("date: 1957-11-03", "date: 1957-02-30"), encoding="utf-8")
    client.get("/")
    body = client.get("/healthz").json
    assert body is not None
    line = MINI.splitlines().index("    date: 1957-11-03") + 1
    assert body["errors"] == [
        {"line": line, "col": 11, "message": "bad date: day 30 does not exist in February 1957"}
    ]


def test_a_broken_version_is_logged_once(
    reloading: Flask, data_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = reloading.test_client()
    caplog.set_level(logging.ERROR, logger="timeline")
    data_file.write_text("title: [oops\n", encoding="utf-8")
    for _ in range(5):
        client.get("/")
    data_file.unlink()
    for _ in range(5):
        client.get("/")
    messages = [r.getMessage() for r in caplog.records if "keeping the last good data" in r.getMessage()]
    assert len(messages) == 2
    assert f"{data_file}:2:1: YAML syntax error" in messages[0]
    assert f"{data_file}:1:1: file not found" in messages[1]


def test_a_file_that_cannot_be_read_is_logged_once_while_its_time_stamp_is_recent(
    reloading: Flask, data_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A just-replaced file is read again at each check for a couple of seconds (its mtime may hide
    # an edit); a file that cannot be read at all must not be reported again at each of them.
    client = reloading.test_client()
    caplog.set_level(logging.ERROR, logger="timeline")
    data_file.unlink()
    os.mkfifo(data_file)
    for _ in range(5):
        assert client.get("/").status_code == 200
    messages = [r.getMessage() for r in caplog.records if "keeping the last good data" in r.getMessage()]
    assert len(messages) == 1
    assert "is not a regular file" in messages[0]


def test_an_edit_that_keeps_size_and_mtime_is_still_noticed(reloading: Flask, data_file: Path) -> None:
    # Same size, same inode, and the mtime put back: only the bytes tell the edit apart.
    client = reloading.test_client()
    before = data_file.stat()
    data_file.write_text(titled("Mini timelinX"), encoding="utf-8")
    os.utime(data_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert data_file.stat().st_size == before.st_size
    assert shown_title(client) == "Mini timelinX"


def test_the_data_version_time_is_the_mtime_of_the_version_served(reloading: Flask, data_file: Path) -> None:
    live: Store = reloading.extensions["timeline.store"]
    first = data_file.stat().st_mtime_ns // 1_000_000_000
    assert live.modified == first
    os.utime(data_file, (1_600_000_000, 1_600_000_000.7))
    live.check()  # the same bytes touched: still the version first read
    assert live.modified == first
    atomic_write(data_file, titled("Another title"))
    os.utime(data_file, (1_700_000_000, 1_700_000_000.7))
    assert shown_title(reloading.test_client()) == "Another title"
    assert live.modified == 1_700_000_000  # whole seconds, like HTTP dates
    atomic_write(data_file, "title: [broken")
    os.utime(data_file, (1_800_000_000, 1_800_000_000))
    live.check()
    assert live.modified == 1_700_000_000  # a broken file is not the version served


def test_a_file_that_changes_while_it_is_read_is_not_swapped_in(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = Store(data_file, None, interval=0)
    real = store.load_cached

    def load_then_edit(path: Path, cache_dir: Path | None) -> object:
        snapshot = real(path, cache_dir)
        atomic_write(path, titled("Newest"))  # an editor saves again mid-reload
        return snapshot

    data_file.write_text(titled("Intermediate"), encoding="utf-8")
    monkeypatch.setattr(store, "load_cached", load_then_edit)
    live.check()
    assert live.snapshot.title == "Mini timeline"  # the stale read was discarded
    monkeypatch.setattr(store, "load_cached", real)
    live.check()
    assert live.snapshot.title == "Newest"


def test_a_large_file_reloads_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    atomic_write(path, generate(50))
    live = Store(path, None, interval=0)
    big = generate(3000)
    assert len(big.encode()) >= store.BACKGROUND_BYTES
    atomic_write(path, big)
    live.check()  # returns at once: the parse runs on a thread
    deadline = time.monotonic() + 30
    while len(live.snapshot.events) != 3000 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(live.snapshot.events) == 3000
    assert live.status.last_reload_ok is True


def test_the_development_banner_lists_the_problems(data_file: Path) -> None:
    app = create_app(
        {
            "DEBUG": True,
            "TIMELINE_EVENTS": str(data_file),
            "TIMELINE_CACHE_DIR": "",
            "TIMELINE_RELOAD_INTERVAL": 0,
        }
    )
    data_file.write_text(MINI.replace("kind: animal", "kind: robot"), encoding="utf-8")
    with app.test_request_context("/"):
        app.extensions["timeline.store"].check()
        html = render_template("_data_banner.html")
    line = MINI.splitlines().index("    kind: animal") + 1
    assert "events.yaml has 1 problem</strong>" in html
    assert f"line {line}, column 11: actors.1.kind: &#39;robot&#39; is not one of" in html
    assert str(data_file.parent) not in html  # the file's name, never its path


def test_no_banner_outside_development(reloading: Flask, data_file: Path) -> None:
    data_file.write_text("title: [oops\n", encoding="utf-8")
    with reloading.test_request_context("/"):
        reloading.extensions["timeline.store"].check()
        assert render_template("_data_banner.html").strip() == ""


# --- gunicorn, two workers, faults while requests flow -------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """One response seen by the request threads."""

    started: float
    path: str
    status: int
    version: str  # which data it showed: "v1", "v2", "other"


PATHS = ("/", "/?actor=laika&country=SU", "/events/laika", "/api/events?tag=launch", "/healthz", "#fragment")


def ask(base: str, path: str, markers: list[tuple[str, str]]) -> Answer:
    """One request on a new connection (so the two workers share the load)."""
    started = time.monotonic()
    headers = {}
    if path == "#fragment":
        path, headers = "/?tag=launch", {"HX-Request": "true", "HX-Target": "results"}
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, ""
    found = {name for name, marker in markers if marker in body}
    return Answer(started, path, status, found.pop() if len(found) == 1 else "other")


def health(base: str) -> dict[str, Any]:
    """The server's /healthz."""
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
        body: dict[str, Any] = json.loads(response.read())
        return body


def eventually(condition: Callable[[], bool]) -> None:
    """Wait for ``condition`` (servers on a busy machine may take a while), or fail."""
    assert wait_for(condition, timeout=30), "timed out"


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A folder for the data file, the cache and the server's log."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-fault-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_faults_under_gunicorn_never_produce_an_error(data_dir: Path) -> None:
    path = data_dir / "events.yaml"
    v1 = MINI
    v2 = MINI.replace("Laika orbits the Earth", "Laika circles the Earth")
    unreadable = MINI.replace("Laika orbits the Earth", "Laika rounds the Earth")
    half_file = v2[: len(v2) // 2 + 7]
    syntax_error = v2.replace("kind: person", "kind: [person")
    for broken in (half_file, syntax_error):
        with pytest.raises(LoadError):
            build(broken.encode())
    atomic_write(path, v1)
    cache = data_dir / "cache"
    log = data_dir / "gunicorn.log"
    env = {"TIMELINE_EVENTS": str(path), "XDG_CACHE_HOME": str(cache), "TIMELINE_RELOAD_INTERVAL": "0.2"}
    server = Gunicorn(env, 2, log=log)
    answers: list[Answer] = []
    stop = threading.Event()
    markers = [  # what each version shows: an event title on pages and in JSON, its hash on /healthz
        ("v1", "Laika orbits the Earth"),
        ("v1", hashlib.sha256(v1.encode()).hexdigest()),
        ("v2", "Laika circles the Earth"),
        ("v2", hashlib.sha256(v2.encode()).hexdigest()),
        ("unreadable", "Laika rounds the Earth"),
    ]

    def flow(offset: int) -> None:
        i = offset
        while not stop.is_set():
            answer = ask(server.base, PATHS[i % len(PATHS)], markers)
            answers.append(answer)
            i += 1

    threads = [threading.Thread(target=flow, args=(n,)) for n in range(3)]
    try:
        server.wait_ready()
        for thread in threads:
            thread.start()
        steps: list[tuple[str, Callable[[], object]]] = [
            ("half file", lambda: path.write_text(half_file, encoding="utf-8")),
            ("syntax error", lambda: path.write_text(syntax_error, encoding="utf-8")),
            ("alias bomb", lambda: shutil.copy(BROKEN / "alias-bomb.yaml", path)),
            ("deleted", path.unlink),
            ("unreadable", lambda: write_unreadable(path, unreadable)),
        ]
        # The server is started without the power to ignore file permissions, even as root.
        assert obeys_file_permissions(server.process.pid)
        for _, step in steps:
            before = health(server.base)["errors"]
            step()
            eventually(
                lambda b=before: (
                    (h := health(server.base))["errors"] not in ([], b) and not h["file"]["pending"]
                )
            )
        replaced = time.monotonic()
        atomic_write(path, v2)
        v2_hash = hashlib.sha256(v2.encode()).hexdigest()
        eventually(lambda: health(server.base)["data_version"] == v2_hash)
        switched = time.monotonic()
        # Requests keep flowing: the new version, from every worker.
        eventually(lambda: sum(a.started > switched + 0.2 for a in answers) >= 30)
    finally:
        stop.set()
        for thread in threads:
            if thread.ident is not None:
                thread.join(timeout=15)
        server.stop()
    assert len(answers) > 100
    assert {a.status for a in answers} == {200}, sorted(
        {(a.path, a.status) for a in answers if a.status != 200}
    )
    before = [a for a in answers if a.started < replaced]
    after = [a for a in answers if a.started > switched + 0.2]  # old workers finish their requests
    assert {a.version for a in before} == {"v1"}
    assert {a.version for a in after} == {"v2"}
    assert len(after) > 20
    # The master reported each broken version once, not each worker, nor once per request. Four
    # steps write in place, and the master may catch a file between its creation and its text:
    # one more version each.
    logged = log.read_text(encoding="utf-8").count("keeping the last good data")
    assert len(steps) <= logged <= len(steps) + 4


def write_unreadable(path: Path, text: str) -> None:
    """A valid file (with new data) that the server may not read: it must not be served."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o000)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def test_healthz_alone_notices_an_edit(reloading: Flask, data_file: Path) -> None:
    client = reloading.test_client()
    atomic_write(data_file, titled("Seen by the health check"))
    body = client.get("/healthz").json  # no page was asked for
    assert body is not None
    assert body["data_version"] == hashlib.sha256(titled("Seen by the health check").encode()).hexdigest()
    assert body["file"]["pending"] is False
    data_file.chmod(0o600)  # a change of permissions alone is looked at too
    assert client.get("/healthz").json["file"]["mode"] == "0600"  # type: ignore[index]
