"""The shared reload: one process validates, workers are replaced by warm forks of the master.

The first tests drive :class:`timeline.reload.Leader` in this process (the master's side); the
last ones run gunicorn with deploy/gunicorn.conf.py, as `make serve` does.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from tests.support import Gunicorn, obeys_file_permissions, wait_for
from tests.test_store import MINI, atomic_write, titled
from timeline.load.document import FAST_PATH_BYTES
from timeline.reload import Leader, build_elsewhere, main
from timeline.store import Status, Store, signature


def eventually(condition: Callable[[], bool]) -> None:
    """Wait for ``condition`` (servers on a busy machine may take a while), or fail."""
    assert wait_for(condition, timeout=30), "timed out"


@pytest.fixture
def leader(data_file: Path, tmp_path: Path) -> Iterator[Leader]:
    """A leader over the mini timeline whose SIGHUP is a direct call to adopt (as gunicorn makes it)."""
    store = Store(data_file, tmp_path / "cache", interval=0)
    chief = Leader(store, 0)
    chief._signal_master = chief.adopt
    yield chief
    chief.stop()


def published(chief: Leader) -> Status:
    """The status the workers read."""
    return Status.from_json(json.loads(chief.status_file.read_text(encoding="utf-8")))


def test_a_valid_edit_is_built_once_and_swapped_in(leader: Leader, data_file: Path) -> None:
    atomic_write(data_file, titled("Edited"))
    leader.poll()
    assert leader.store.snapshot.title == "Edited"
    status = published(leader)
    assert status.last_reload_ok is True
    assert status.data_version == hashlib.sha256(titled("Edited").encode()).hexdigest()
    assert len(list((leader.store.cache_dir or Path()).glob("*.snapshot"))) == 2  # start-up + edit


def test_a_broken_edit_is_published_and_the_data_kept(leader: Leader, data_file: Path) -> None:
    data_file.write_text(MINI.replace("date: 1957-11-03", "date: 1957-02-30"), encoding="utf-8")
    leader.poll()
    assert leader.store.snapshot.title == "Mini timeline"
    status = published(leader)
    assert status.last_reload_ok is False
    line = MINI.splitlines().index("    date: 1957-11-03") + 1
    assert [(p.line, p.col) for p in status.errors] == [(line, 11)]
    atomic_write(data_file, MINI)  # put back: the version served, so nothing to build
    leader.poll()
    assert published(leader).last_reload_ok is True


def test_a_change_of_permissions_alone_is_looked_at(leader: Leader, data_file: Path) -> None:
    leader.poll()
    data_file.chmod(0o600)  # ctime and mode change; the bytes do not
    assert leader.store.changed(signature(data_file))
    leader.poll()
    assert published(leader).seen == signature(data_file)
    assert published(leader).last_reload_ok is True


def test_the_builder_prints_its_verdict(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([str(data_file), str(tmp_path)])
    good = json.loads(capsys.readouterr().out)
    assert good["ok"] is True
    assert Path(good["entry"]).parent == tmp_path
    data_file.write_text("title: [oops\n", encoding="utf-8")
    main([str(data_file), str(tmp_path)])
    bad = json.loads(capsys.readouterr().out)
    assert bad["ok"] is False
    assert bad["problems"][0][:2] == [2, 1]


# --- under gunicorn ------------------------------------------------------------------------


def get(base: str, path: str = "/") -> str:
    """A page's body, on a new connection (so that any worker may answer)."""
    request = urllib.request.Request(base + path, headers={"Connection": "close"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body: str = response.read().decode()
        return body


def health(base: str) -> dict[str, Any]:
    """The server's /healthz."""
    return dict(json.loads(get(base, "/healthz")))


def title_of(html: str) -> str:
    """The timeline title a page shows."""
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Gunicorn, Path]]:
    """gunicorn (three workers, shared reload) over a private copy of the mini timeline."""
    path = tmp_path / "events.yaml"
    atomic_write(path, MINI)
    env = {"TIMELINE_EVENTS": str(path), "XDG_CACHE_HOME": str(tmp_path), "TIMELINE_RELOAD_INTERVAL": "0.2"}
    server = Gunicorn(env, 3, log=tmp_path / "gunicorn.log")
    try:
        server.wait_ready()
        yield server, path
    finally:
        server.stop()


def every_worker_shows(base: str, title: str, tries: int = 30) -> Callable[[], bool]:
    """A condition: ``tries`` requests in a row, on new connections, all show ``title``."""
    return lambda: all(title_of(get(base)) == title for _ in range(tries))


def test_workers_are_replaced_by_forks_holding_the_new_version(served: tuple[Gunicorn, Path]) -> None:
    server, path = served
    before = server.workers()
    atomic_write(path, titled("Second"))
    eventually(
        lambda: health(server.base)["data_version"] == hashlib.sha256(titled("Second").encode()).hexdigest()
    )
    eventually(lambda: not server.workers() & before)  # the old workers finished and left
    # Three again (on a busy machine the master may still be between a replacement's fork and
    # the last old worker's reaping for a moment; a worker too many for good would fail here).
    eventually(lambda: len(server.workers()) == 3)
    assert every_worker_shows(server.base, "Second")()


def test_a_worker_killed_while_the_file_is_broken_comes_back_with_the_last_good_version(
    served: tuple[Gunicorn, Path],
) -> None:
    server, path = served
    atomic_write(path, titled("Last good"))
    eventually(every_worker_shows(server.base, "Last good", 10))
    path.write_text("title: [oops\n", encoding="utf-8")
    eventually(lambda: health(server.base)["last_reload_ok"] is False)
    for victim in server.workers():
        os.kill(victim, signal.SIGKILL)
    eventually(lambda: len(server.workers()) == 3)
    assert every_worker_shows(server.base, "Last good")()  # not the start-up version
    assert health(server.base)["last_reload_ok"] is False


def test_healthz_watches_the_file_without_page_requests(served: tuple[Gunicorn, Path]) -> None:
    server, path = served
    assert obeys_file_permissions(server.process.pid)
    path.chmod(0)  # same bytes, same mtime: only ctime and mode say it
    eventually(lambda: (h := health(server.base))["last_reload_ok"] is False and not h["file"]["pending"])
    state = health(server.base)
    assert state["file"]["readable"] is False
    assert state["file"]["mode"] == "0000"
    assert state["errors"][0]["message"] == "cannot read the file: permission denied"
    path.chmod(0o644)
    eventually(lambda: health(server.base)["last_reload_ok"] is True)
    assert health(server.base)["file"]["readable"] is True


def test_a_large_broken_file_is_called_invalid_before_its_problems_are_located(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    text = generate(3000).replace("    date: ", "    date: 2021-02-30 # ", 1)  # a bad date, early on
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size >= FAST_PATH_BYTES  # read by the fast path: positions come later
    said: list[float] = []
    verdict = build_elsewhere(path, None, tmp_path, lambda: said.append(time.monotonic()))
    assert len(said) == 1
    assert verdict["ok"] is False
    assert verdict["problems"][0][2] == "bad date: day 30 does not exist in February 2021"
