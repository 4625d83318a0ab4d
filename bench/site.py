"""Tools for bench/production.py: the site under `make serve`, gunicorn alone, wrk, probes, memory.

Everything runs on loopback; every process started here is stopped by its owner object.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CERT = ROOT / ".cache" / "serve" / "tls" / "localhost.crt"
PYTHON = Path(sys.executable)


# --- servers ---------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (all threads' children)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def cmdline(pid: int) -> str:
    """A process's command line, or "" once it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo += children(current)
    return out


def memory(pid: int) -> dict[str, int]:
    """Rss, Pss and USS (private pages) of a process, in KiB (empty once it is gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return {}
    values = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in text.splitlines()[1:])}
    return {
        "rss": values["Rss"],
        "pss": values["Pss"],
        "uss": values["Private_Clean"] + values["Private_Dirty"],
    }


class Server:
    """A server process group (`deploy/serve.py`, or gunicorn alone), started and stopped here."""

    def __init__(self, command: list[str], env: dict[str, str], ready: Callable[[], bool], log: Path) -> None:
        self.log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        started = time.monotonic()
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        while not ready():
            if self.process.poll() is not None:
                raise SystemExit(f"{command[1]} exited with status {self.process.returncode}; see {log}")
            if time.monotonic() - started > 900:
                self.stop()
                raise SystemExit(f"{command[1]} did not start within 900 s; see {log}")
            time.sleep(0.1)
        self.start_seconds = time.monotonic() - started

    def gunicorn_master(self) -> int:
        """The gunicorn master's pid."""
        for pid in tree(self.process.pid):
            line = cmdline(pid)
            if "gunicorn" in line and "timeline.reload" not in line and "gunicorn" not in cmdline(ppid(pid)):
                return pid
        raise RuntimeError("no gunicorn master")

    def workers(self) -> set[int]:
        """The gunicorn workers now (not the reload's builder process)."""
        master = self.gunicorn_master()
        return {pid for pid in children(master) if "timeline.reload" not in cmdline(pid)}

    def total_pss(self) -> int:
        """PSS of every process of the site, KiB (nginx, gunicorn, a reload's builder)."""
        return sum(memory(pid).get("pss", 0) for pid in tree(self.process.pid))

    def stop(self) -> None:
        """Stop the whole process group."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def ppid(pid: int) -> int:
    """The parent of ``pid`` (0 once it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def serve(port: int, http_port: int, env: dict[str, str], log: Path, workers: int | None = None) -> Server:
    """`make serve` as the Makefile runs it (access log off), on ``port`` (HTTPS) and ``http_port``."""
    command = [str(PYTHON), "deploy/serve.py", "--https-port", str(port), "--http-port", str(http_port)]
    command += ["--access-log", "off"] + (["--workers", str(workers)] if workers else [])
    base = f"https://127.0.0.1:{port}"
    return Server(command, env, lambda: fetch(base + "/healthz").status == 200, log)


def gunicorn_alone(port: int, env: dict[str, str], log: Path, workers: int | None = None) -> Server:
    """gunicorn with deploy/gunicorn.conf.py on a TCP port, no nginx: what `make serve` used to be."""
    command = [str(PYTHON.parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}"] + (["--workers", str(workers)] if workers else [])
    base = f"http://127.0.0.1:{port}"
    return Server(command, env, lambda: fetch(base + "/healthz").status == 200, log)


# --- requests --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reply:
    """One response (status 0: no response at all), and how long it took."""

    status: int
    body: str
    seconds: float


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 10.0) -> Reply:
    """GET ``url`` on a new connection (HTTPS trusts the certificate `make serve` made)."""
    scheme, rest = url.split("://", 1)
    hostport, _, path = rest.partition("/")
    host, _, port = hostport.partition(":")
    started = time.monotonic()
    if scheme == "https":
        context = (
            ssl.create_default_context(cafile=CERT) if CERT.exists() else ssl._create_unverified_context()
        )
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, int(port), timeout=timeout, context=context
        )
    else:
        connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request("GET", "/" + path, headers={"Connection": "close", **(headers or {})})
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
        return Reply(response.status, body, time.monotonic() - started)
    except (OSError, http.client.HTTPException):
        return Reply(0, "", time.monotonic() - started)
    finally:
        connection.close()


def title_of(body: str) -> str:
    """The page's <title>."""
    found = re.search(r"<title>(.*?)</title>", body, re.S)
    return found.group(1) if found else ""


@dataclass
class Probe:
    """A normal reader asking for ``path`` every ``every`` seconds, on a new connection each time."""

    url: str
    every: float = 0.1
    replies: list[tuple[float, Reply]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.replies.append((time.monotonic(), fetch(self.url, timeout=30)))
            self._stop.wait(self.every)

    def stop(self) -> list[tuple[float, Reply]]:
        """Stop; every reply, with the time it was asked."""
        self._stop.set()
        self._thread.join(timeout=60)
        return self.replies


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (nearest rank), 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def median(values: list[float]) -> float:
    """The median, 0 for no values."""
    return statistics.median(values) if values else 0.0


class Sampler:
    """The site's total PSS every quarter second, in a thread."""

    def __init__(self, site: Server) -> None:
        self.site, self.samples = site, [site.total_pss()]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self.samples.append(self.site.total_pss())

    def stop(self) -> int:
        """Stop; the peak, in KiB."""
        self._stop.set()
        self._thread.join()
        return max(self.samples)


# --- wrk -------------------------------------------------------------------------------------

LUA = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local random_parameter = %(random)s
math.randomseed(os.time())
request = function()
  local i = math.random(#paths)
  local p = paths[i]
  -- the API and the exports refuse unknown parameters (a 400 that names them)
  if random_parameter and string.sub(p, 1, 5) ~= "/api/" and string.sub(p, 1, 8) ~= "/export." then
    local sep = string.find(p, "?", 1, true) and "&" or "?"
    p = p .. sep .. "x=" .. math.random(1, 1000000000)
  end
  return wrk.format("GET", p, headers[i])
end
"""


@dataclass(frozen=True, slots=True)
class Load:
    """What wrk measured."""

    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and non-2xx/3xx responses
    requests: int
    detail: str = ""  # which errors
    max_ms: float = 0.0


def lua(mix: list[tuple[str, dict[str, str]]], random_parameter: bool) -> Path:
    """A wrk script asking for the paths of ``mix`` at random (with their headers)."""

    def table(headers: dict[str, str]) -> str:
        return "{" + ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items()) + "}"

    text = LUA % {
        "paths": ", ".join(f'"{path}"' for path, _ in mix),
        "headers": ", ".join(table(headers) for _, headers in mix),
        "random": "true" if random_parameter else "false",
    }
    handle, name = tempfile.mkstemp(suffix=".lua")
    os.write(handle, text.encode())
    os.close(handle)
    return Path(name)


def wrk_start(
    base: str, mix: list[tuple[str, dict[str, str]]], seconds: int, *, random_parameter: bool = False
) -> subprocess.Popen[str]:
    """Start wrk on ``mix`` against ``base`` (read its result with :func:`wrk_result`)."""
    script = lua(mix, random_parameter)
    # A request is failed at 30 s, as nginx would fail it (proxy_read_timeout 35 s).
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    command += ["-s", str(script)]
    return subprocess.Popen([*command, base], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_result(process: subprocess.Popen[str]) -> Load:
    """Wait for wrk and read its report."""
    out, _ = process.communicate(timeout=900)

    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    try:
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        p50 = ms(re.search(r"^\s+50%\s+(\S+)\s*$", out, re.M).group(1))  # type: ignore[union-attr]
        p99 = ms(re.search(r"^\s+99%\s+(\S+)\s*$", out, re.M).group(1))  # type: ignore[union-attr]
        done = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
        slowest = ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    except AttributeError:
        raise SystemExit(f"cannot read wrk's report:\n{out}") from None
    kinds = {kind: int(n) for kind, n in re.findall(r"(connect|read|write|timeout) (\d+)", out)}
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        kinds["non-2xx"] = int(found.group(1))
    detail = ", ".join(f"{kind} {n}" for kind, n in kinds.items() if n)
    return Load(rps, p50, p99, sum(kinds.values()), done, detail, slowest)


def wrk(
    base: str, mix: list[tuple[str, dict[str, str]]], seconds: int, *, random_parameter: bool = False
) -> Load:
    """Run wrk on ``mix`` for ``seconds``."""
    return wrk_result(wrk_start(base, mix, seconds, random_parameter=random_parameter))


# --- slow clients ----------------------------------------------------------------------------


@dataclass
class Slow:
    """Slow-header sockets held open against a server, each sending a header line now and then."""

    host: str
    port: int
    count: int
    tls: bool
    every: float = 5.0
    opened: int = 0
    cut: int = 0  # closed by the server (then opened again)

    def run(self, seconds: float) -> None:
        """Keep ``count`` sockets going for ``seconds``."""
        asyncio.run(self._all(seconds))

    async def _all(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(self._one(deadline) for _ in range(self.count)))

    async def _one(self, deadline: float) -> None:
        context = ssl._create_unverified_context() if self.tls else None
        while time.monotonic() < deadline:
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(self.host, self.port, ssl=context), timeout=10
                )
                self.opened += 1
                writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
                while time.monotonic() < deadline:
                    await asyncio.sleep(self.every)
                    if reader.at_eof():
                        raise ConnectionError
                    writer.write(b"X-Slow: 1\r\n")
                    await writer.drain()
                writer.close()
            except (TimeoutError, OSError, ConnectionError, ssl.SSLError):
                self.cut += 1
                await asyncio.sleep(0.5)
