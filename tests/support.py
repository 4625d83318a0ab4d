"""What tests share: an HTML helper on BeautifulSoup, live servers (werkzeug and gunicorn), and
small factories. One module, so no test writes its own parser or server again."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Tag
from flask import Flask
from werkzeug.serving import make_server

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

# --- HTML ----------------------------------------------------------------------------------


class Node:
    """One element of a parsed page: its tag, attributes (class joined), text, and lookups."""

    def __init__(self, element: Tag) -> None:
        self.element = element

    @property
    def tag(self) -> str:
        """The element's name."""
        return str(self.element.name)

    @property
    def attrs(self) -> dict[str, str]:
        """Attributes as written (a class list joined by spaces; a bare attribute is "")."""
        return {k: " ".join(v) if isinstance(v, list) else str(v) for k, v in self.element.attrs.items()}

    @property
    def classes(self) -> list[str]:
        """The class names."""
        return self.attrs.get("class", "").split()

    @property
    def raw(self) -> str:
        """All text inside, as written."""
        return self.element.get_text()

    @property
    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        return " ".join(self.raw.split())

    @property
    def parent(self) -> Node | None:
        """The enclosing element (None for the document itself)."""
        up = self.element.parent
        return Node(up) if isinstance(up, Tag) else None

    @property
    def children(self) -> list[Node]:
        """The child elements."""
        return [Node(c) for c in self.element.children if isinstance(c, Tag)]

    def walk(self) -> list[Node]:
        """This element and every element inside it, in document order."""
        return [self, *(Node(t) for t in self.element.find_all(True))]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Elements inside (this one included) matching a tag, a class and attribute values.

        Attribute names are written as keywords: ``aria_label`` stands for ``aria-label``,
        ``class_``/``for_`` for ``class``/``for``.
        """
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k) == v for k, v in wanted.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        """The single element matching (the test fails if there are none or several)."""
        found = self.find(tag, cls, **attrs)
        assert len(found) == 1, f"{len(found)} × {tag}.{cls} {attrs}"
        return found[0]

    def inside(self, other: Node) -> bool:
        """True when this element is ``other`` or within it."""
        return self.element is other.element or other.element in self.element.parents


def parse(html: str | bytes) -> Node:
    """The document (or fragment) as a Node."""
    text = html.decode() if isinstance(html, bytes) else html
    return Node(BeautifulSoup(text, "html.parser"))


def text_of(html: str | bytes) -> str:
    """The text of a page, entities decoded, whitespace collapsed."""
    return parse(html).text


def event_ids(html: str | bytes) -> list[str]:
    """The ids of the event cards (``li.event``) shown, in order."""
    return [n.attrs["id"].removeprefix("event-") for n in parse(html).find("li", "event")]


def element_shape(html: str | bytes) -> dict[tuple[str, tuple[str, ...]], int]:
    """How many of each element (with its attribute names) a page has: what injection would change."""
    counts: dict[tuple[str, tuple[str, ...]], int] = {}
    for node in parse(html).walk()[1:]:
        key = (node.tag, tuple(sorted(node.element.attrs)))
        counts[key] = counts.get(key, 0) + 1
    return counts


def bilingual(target: Path) -> Path:
    """mini.yaml with a source published in Russian, which the landing quotes, written to ``target``."""
    text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    archive: paper.txt\n",
        "    archive: paper.txt\n"
        "  - id: gazeta\n    title: Экипаж вернулся\n    publisher: Gazeta\n    published: 2021-10-17\n"
        "    url: https://example.org/gazeta\n    language: ru\n    note: A Russian report.\n"
        "    translations:\n      ru: {note: Российское сообщение.}\n",
    )
    text = text.replace(
        "          ru: {note: Они приземлились 17 октября (UTC).}\n",
        "          ru: {note: Они приземлились 17 октября (UTC).}\n"
        "      - source: gazeta\n        quote: Капсула приземлилась в 07:35 по московскому времени.\n",
    )
    target.write_text(text, encoding="utf-8")
    return target


# --- waiting -------------------------------------------------------------------------------


def wait_for(condition: Callable[[], bool], timeout: float = 10.0, step: float = 0.02) -> bool:
    """Poll ``condition`` until it holds (True) or ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


# What app.js fetches at the reader's first sign of use has arrived: htmx, and the time axis's
# axis.js where the page draws an axis (it marks the axis data-ready).
ENHANCED = """Boolean(window.htmx) && !document.querySelector('.axis-plot:not([data-ready])')"""


def enhance(page: Page) -> None:
    """Show the page a first sign of use (focus on its main region), then wait for htmx and axis.js.

    Without it a test's first gesture could come before the scripts that handle it.
    """
    page.locator("main").focus()
    assert wait_for(lambda: bool(page.evaluate(ENHANCED))), "htmx and axis.js did not arrive"


# --- servers -------------------------------------------------------------------------------


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


GUNICORN = Path(sys.executable).parent / "gunicorn"
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"  # as `make serve` runs it


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def drop_file_override() -> None:
    """In the child before exec: even as root, obey file permissions (so chmod 000 bites)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0)


def obeys_file_permissions(pid: int) -> bool:
    """True when process ``pid`` cannot bypass file permissions (not root, or root without the override)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    effective = int(next(line.split()[1] for line in status.splitlines() if line.startswith("CapEff:")), 16)
    return not effective & (1 << _CAP_DAC_OVERRIDE | 1 << _CAP_DAC_READ_SEARCH)


class Gunicorn:
    """``gunicorn -c deploy/gunicorn.conf.py`` on a free loopback port, as ``make serve`` runs it.

    ``config=False``: plain ``gunicorn "timeline:create_app()"``, each worker reloading on its own.
    """

    def __init__(
        self,
        env: Mapping[str, str],
        workers: int = 2,
        extra: tuple[str, ...] = (),
        log: Path | None = None,
        *,
        config: bool = True,
    ) -> None:
        self.port = free_port()
        command = [
            str(GUNICORN),
            *(("--config", str(CONFIG)) if config else ()),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            *extra,
            "timeline:create_app()",
        ]
        self.stderr = open(log or os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            start_new_session=True,
            preexec_fn=drop_file_override,
        )

    @property
    def base(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 20.0) -> None:
        """Wait until the server answers /healthz (or fail with its exit status)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer within the time limit")

    def workers(self) -> set[int]:
        """The process ids of the master's workers, now."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in children.read_text(encoding="ascii").split()}

    def stop(self) -> None:
        """Stop the master and its workers (the master's own process group only)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.stderr.close()
