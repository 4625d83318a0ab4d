"""`make serve`: nginx with TLS in front of gunicorn, driven as a user runs it.

Skipped (with the reason) where nginx is missing and cannot be installed (it needs root and
apt-get); `make test` installs it where it can.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest

from tests.support import free_port, wait_for
from tests.test_store import MINI, atomic_write, titled

ROOT = Path(__file__).resolve().parent.parent
CERT = ROOT / ".cache" / "serve" / "tls" / "localhost.crt"
SECURITY = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Strict-Transport-Security",
    "Referrer-Policy",
)


def eventually(condition: Callable[[], bool]) -> None:
    """Wait for ``condition`` (servers on a busy machine may take a while), or fail."""
    assert wait_for(condition, timeout=30), "timed out"


def nginx_available() -> bool:
    """True when nginx is installed, or `make serve` can install it (root with apt-get)."""
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return True
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


pytestmark = pytest.mark.skipif(
    not nginx_available(),
    reason="make serve needs Debian's nginx, which is not installed and cannot be installed here "
    "(that takes root and apt-get): apt-get install nginx libnginx-mod-http-brotli-static",
)


@dataclass
class Served:
    """A running `make serve`."""

    process: subprocess.Popen[bytes]
    https: int
    http: int
    data: Path
    log: Path

    def url(self, path: str = "/") -> str:
        return f"https://127.0.0.1:{self.https}{path}"


@dataclass(frozen=True)
class Reply:
    """A response, read whole."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> Reply:
    """GET (or POST ``data``) ``url``, trusting the certificate `make serve` made; no redirects."""
    context = ssl.create_default_context(cafile=CERT)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), NoRedirect())
    request = urllib.request.Request(url, data=data, headers={"Connection": "close", **(headers or {})})
    try:
        with opener.open(request, timeout=20) as response:
            return Reply(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers.items()), error.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`make serve` on free ports over a private copy of the mini timeline."""
    folder = tmp_path_factory.mktemp("serve")
    data = folder / "events.yaml"
    atomic_write(data, MINI)
    https, http = free_port(), free_port()
    log = folder / "serve.log"
    env = {
        **os.environ,
        "TIMELINE_EVENTS": str(data),
        "XDG_CACHE_HOME": str(folder),
        "TIMELINE_RELOAD_INTERVAL": "0.2",
        "WEB_CONCURRENCY": "2",
        "TIMELINE_PAGE_CACHE": "0",  # every page rendered: a killed worker is caught mid-request
    }
    with open(log, "wb") as out:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"HTTPS_PORT={https}", f"HTTP_PORT={http}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Served(process, https, http, data, log)
    try:
        deadline = time.monotonic() + 300
        while "Serving https://" not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"make serve did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def test_the_site_answers_over_tls_with_its_headers(served: Served) -> None:
    reply = fetch(served.url("/?tag=launch"))
    assert reply.status == 200
    assert "<title>" in reply.text
    for name in SECURITY:
        assert name in reply.headers
    assert reply.headers["Server"] == "nginx"  # no version


def test_http_redirects_to_https(served: Served) -> None:
    reply = fetch(f"http://127.0.0.1:{served.http}/events/laika?x=1")
    assert reply.status == 301
    assert reply.headers["Location"] == served.url("/events/laika?x=1")


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_an_unknown_host_gets_a_400_from_nginx(served: Served, scheme: str) -> None:
    port = served.https if scheme == "https" else served.http
    reply = fetch(f"{scheme}://127.0.0.1:{port}/", headers={"Host": "evil.example"})
    assert reply.status == 400
    assert "evil" not in reply.text
    assert "<h1>Bad request</h1>" in reply.text
    for name in SECURITY:
        assert name in reply.headers


@pytest.mark.parametrize(("name", "immutable"), [("app.css", False), ("htmx-2.0.11.min.js", True)])
def test_static_files_come_precompressed_from_nginx(served: Served, name: str, immutable: bool) -> None:
    original = (ROOT / "static" / name).read_bytes()
    br = fetch(served.url(f"/static/{name}"), {"Accept-Encoding": "br, gzip"})
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.body) == original
    gz = fetch(served.url(f"/static/{name}"), {"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.body) == original
    assert "X-Cache" not in br.headers  # from disk, not from the app
    assert ("immutable" in br.headers["Cache-Control"]) is immutable
    assert "Accept-Encoding" in br.headers["Vary"]
    for name_ in SECURITY:
        assert name_ in br.headers


@pytest.mark.parametrize(
    ("path", "data", "status"),
    [("/?q=" + "x" * 5000, None, 414), ("/", b"x" * 20_000, 413), ("/_errors/400.html", None, 404)],
)
def test_nginx_errors_carry_the_security_headers(
    served: Served, path: str, data: bytes | None, status: int
) -> None:
    reply = fetch(served.url(path), data=data)
    assert reply.status == status
    assert '<link rel="stylesheet" href="/static/app.css">' in reply.text
    for name in SECURITY:
        assert name in reply.headers


def test_the_cache_keeps_only_what_the_app_allows(served: Served) -> None:
    schema = [fetch(served.url("/schema/events.json")) for _ in range(2)]
    assert "max-age=3600" in schema[0].headers["Cache-Control"]
    assert schema[1].headers["X-Cache"] == "HIT"  # cacheable: kept
    pages = [fetch(served.url("/events/laika")) for _ in range(2)]
    assert "public" in pages[0].headers["Cache-Control"]
    assert pages[1].headers["X-Cache"] == "HIT"  # the app says a shared cache may keep it
    assert pages[1].headers["ETag"] == pages[0].headers["ETag"]
    health = [fetch(served.url("/healthz")) for _ in range(2)]
    assert health[1].headers["X-Cache"] == "MISS"  # no-store


def test_slow_clients_do_not_hold_the_workers(served: Served) -> None:
    """More slow-header sockets than workers: every normal request is still answered at once."""
    sockets = []
    for _ in range(40):
        raw = socket.create_connection(("127.0.0.1", served.https))
        slow = ssl.create_default_context(cafile=CERT).wrap_socket(raw, server_hostname="localhost")
        slow.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        sockets.append(slow)
    try:
        took = []
        for _ in range(20):
            for slow in sockets[:10]:
                slow.sendall(b"X-a: b\r\n")  # a header now and then, never the end
            start = time.monotonic()
            assert fetch(served.url("/?actor=laika")).status == 200
            took.append(time.monotonic() - start)
        assert max(took) < 2.0, took
    finally:
        for slow in sockets:
            slow.close()


def gunicorn_workers(served: Served) -> set[int]:
    """The gunicorn workers under `make serve` (the children of its gunicorn master)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                names[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {served.process.pid}
    for _ in range(6):
        tree |= {pid for pid, parent in parents.items() if parent in tree}
    masters = {
        pid
        for pid in tree
        if "gunicorn" in names.get(pid, "") and "gunicorn" not in names.get(parents[pid], "")
    }
    return {pid for pid in tree if parents.get(pid) in masters}


def test_a_killed_worker_costs_no_request(served: Served) -> None:
    statuses: list[int] = []
    stop = threading.Event()

    def flow() -> None:
        while not stop.is_set():
            statuses.append(fetch(served.url("/?tag=launch&q=orbit")).status)

    threads = [threading.Thread(target=flow) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(6):  # one worker at a time, each replaced (and answering) before the next goes
            time.sleep(0.5)
            victim = min(gunicorn_workers(served))
            os.kill(victim, signal.SIGKILL)
            eventually(lambda v=victim: v not in (now := gunicorn_workers(served)) and len(now) == 2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert len(statuses) > 10
    assert set(statuses) == {200}


def test_an_edit_reaches_every_worker_through_nginx(served: Served) -> None:
    atomic_write(served.data, titled("Edited behind nginx"))
    version = hashlib.sha256(titled("Edited behind nginx").encode()).hexdigest()
    eventually(lambda: json.loads(fetch(served.url("/healthz")).body)["data_version"] == version)
    # Addresses nginx has not kept: "/" itself may be in its cache for the max-age the app allows
    # (60 s), which is what a shared cache is for; each of these reaches a worker.
    probes = (served.url(f"/?probe={n}") for n in itertools.count())
    eventually(lambda: all("Edited behind nginx" in fetch(next(probes)).text for _ in range(10)))
    served.data.write_text("title: [oops\n", encoding="utf-8")
    eventually(lambda: json.loads(fetch(served.url("/healthz")).body)["last_reload_ok"] is False)
    assert "Edited behind nginx" in fetch(next(probes)).text
    atomic_write(served.data, MINI)
