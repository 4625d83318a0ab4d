"""Helpers for the hostile-input tests: a gunicorn server on loopback."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


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
    """``gunicorn "timeline:create_app()"`` on a free loopback port, as ``make serve`` runs it."""

    def __init__(
        self, env: Mapping[str, str], workers: int = 2, extra: tuple[str, ...] = (), log: Path | None = None
    ) -> None:
        self.port = free_port()
        command = [
            str(GUNICORN),
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
