"""Production figures through `make serve` (nginx + gunicorn) on a generated file of 100,000 events.

Run: ``make bench-production`` (or ``.venv/bin/python bench/production.py [--events 100000]
[--duration 20] [--slow 300] [--slow-seconds 60] [--only start,memory,...] [--extra PATH ...]
[--port 8443]``). Needs wrk (Debian's) and nginx; the Observatory scan needs node and npm.

Scenarios, in this order (``--only`` picks some; each prints its table as it ends):

- ``start``: cold start (empty snapshot cache), then warm start, until HTTPS answers.
- ``memory``: idle memory (PSS, private) of gunicorn's master and each worker after a warm-up.
- ``slow``: N slow-header sockets for S seconds against nginx while a reader asks for a page
  every 0.2 s (p50, p99, errors); the same against gunicorn alone for a third of the time.
- ``wrk``: 64 connections on a mix of pages, fragments, API, exports and static files: through nginx
  and against gunicorn alone, with and without a random unknown parameter on every request.
- ``edit``: a valid edit under load: seconds until every worker serves it, failed requests,
  peak memory (PSS of every process of the site).
- ``broken``: a broken edit under load: seconds until /healthz says so; pages keep the data.
- ``kill``: kill -9 of a worker, twice, under load: failed requests; every worker (the new
  ones too) serves the last good data while the file is still broken.
- ``models``: the same load through nginx for several gunicorn worker models and counts.
- ``observatory``: MDN HTTP Observatory's grade (the scanner installed from npm with
  --ignore-scripts in a temporary folder; the certificate `make serve` made is trusted).

On a shared 2-core machine everything else running shifts these figures: read ratios and
medians, and re-run to compare. The figures also go to bench/out/production.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate
from bench.site import (
    CERT,
    ROOT,
    Probe,
    Sampler,
    Server,
    Slow,
    fetch,
    gunicorn_alone,
    median,
    memory,
    percentile,
    serve,
    title_of,
    wrk,
    wrk_result,
    wrk_start,
)  # fmt: skip

SCENARIOS = ("start", "memory", "slow", "wrk", "edit", "broken", "kill", "models", "observatory")
TITLE, EDITED, QUIETLY = (
    "Synthetic timeline",
    "Synthetic timeline, edited",
    "Synthetic timeline, edited quietly",
)
OBSERVATORY = "@mdn/mdn-http-observatory@1.4.8"
ENCODING = {"Accept-Encoding": "gzip, deflate, br"}
RESULTS = {**ENCODING, "HX-Request": "true", "HX-Target": "results"}
MORE = {**ENCODING, "HX-Request": "true", "HX-Target": "more"}
MIX: list[tuple[str, dict[str, str]]] = [
    ("/", ENCODING), ("/?tag=launch", ENCODING), ("/?actor=actor-1&country=RU", ENCODING),
    ("/?q=rocket&from=2000&to=2010", ENCODING), ("/?tag=film&page=3", ENCODING),
    ("/events/event-123", ENCODING), ("/events/event-98765", ENCODING), ("/actors/actor-3", ENCODING),
    ("/countries/RU", ENCODING), ("/countries/US?page=2", ENCODING), ("/sources/source-3", ENCODING),
    ("/?tag=launch", RESULTS), ("/?country=US&page=2", MORE), ("/actors/actor-3?page=2", MORE),
    ("/api/events?tag=launch", ENCODING), ("/api/events?country=JP&per_page=100", ENCODING),
    ("/api/events/event-5", ENCODING), ("/export.atom?tag=launch", ENCODING),
    ("/export.bib?actor=actor-3", ENCODING),
    ("/static/app.css", ENCODING), ("/static/app.js", ENCODING), ("/static/htmx-2.0.11.min.js", ENCODING),
]  # fmt: skip


class Bench:
    """One run: the data, the ports, the figures."""

    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args, self.folder = args, folder
        self.data = folder / "events.yaml"
        self.original = generate(args.events)
        self.edited = self.original.replace(f"title: {TITLE}\n", f"title: {EDITED}\n", 1)
        self.quietly = self.original.replace(f"title: {TITLE}\n", f"title: {QUIETLY}\n", 1)
        middle = self.edited.index("\n  - id: event-", len(self.edited) // 2)
        self.broken = self.edited[:middle] + "\n  - id: [broken" + self.edited[middle:]
        self.wrong_reference = self.edited.replace("actors: [actor-1,", "actors: [actor-nobody,", 1)
        write(self.data, self.original)
        self.env = {"TIMELINE_EVENTS": str(self.data), "XDG_CACHE_HOME": str(folder / "cache")}
        self.https, self.http, self.alone = args.port, args.port + 1, args.port + 2
        self.base = f"https://127.0.0.1:{self.https}"
        self.figures: dict[str, Any] = {"events": args.events}
        self.mix = MIX + [(path, ENCODING) for path in args.extra]
        self.site: Server | None = None

    def log(self, name: str) -> Path:
        """Where a server's output goes (bench/out/, kept after the run)."""
        folder = ROOT / "bench" / "out"
        folder.mkdir(exist_ok=True)
        return folder / f"production-{name}.log"

    def start_site(self, workers: int | None = None, env: dict[str, str] | None = None) -> Server:
        """`make serve` (stopping any site this run started before)."""
        self.stop_site()
        self.site = serve(self.https, self.http, {**self.env, **(env or {})}, self.log("serve"), workers)
        return self.site

    def stop_site(self) -> None:
        if self.site is not None:
            self.site.stop()
            self.site = None

    def live(self) -> Server:
        """The running site (started warm if none is)."""
        return self.site or self.start_site()

    def warm_up(self, base: str) -> None:
        """Ask for every page of the mix a few times (page caches and worker warm-up)."""
        for _ in range(3):
            for path, headers in self.mix:
                fetch(base + path, headers)


def write(path: Path, text: str) -> None:
    """Replace the file the way careful editors do (a temporary file, then rename)."""
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def show(title: str, rows: list[tuple[str, ...]]) -> None:
    """Print a small table."""
    print(f"\n## {title}")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )
    sys.stdout.flush()


def until(condition: Callable[[], bool], timeout: float = 300.0) -> float | None:
    """Seconds until ``condition`` holds (polled every 0.1 s), or None after ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def health(base: str) -> dict[str, Any]:
    """/healthz, or {} when it does not answer."""
    reply = fetch(base + "/healthz")
    return json.loads(reply.body) if reply.status == 200 else {}


# --- scenarios -------------------------------------------------------------------------------


def scenario_start(bench: Bench) -> None:
    """Cold start (no snapshot cache) and warm start, to HTTPS answering."""
    shutil.rmtree(bench.folder / "cache", ignore_errors=True)
    cold = bench.start_site().start_seconds
    warm = [bench.start_site().start_seconds for _ in range(bench.args.repeat)]
    bench.figures["start"] = {"cold_s": cold, "warm_s": median(warm)}
    show(
        "Start (until https answers /healthz)",
        [
            ("", "seconds"),
            ("cold (no snapshot cache)", f"{cold:.1f}"),
            ("warm (snapshot cache)", f"{median(warm):.1f}"),
        ],
    )


def scenario_memory(bench: Bench) -> None:
    """Idle memory of gunicorn's master and workers after a warm-up."""
    site = bench.live()
    bench.warm_up(bench.base)
    time.sleep(2)
    master = memory(site.gunicorn_master())
    workers = [memory(pid) for pid in sorted(site.workers())]
    rows = [("process", "RSS MiB", "PSS MiB", "private MiB"), row("gunicorn master", master)]
    rows += [row(f"worker {i + 1}", m) for i, m in enumerate(workers)]
    total = site.total_pss()
    rows.append(("all processes (nginx too), PSS", "", f"{total / 1024:.0f}", ""))
    show("Idle memory after a warm-up", rows)
    bench.figures["memory"] = {
        "master_pss_mib": master["pss"] / 1024,
        "worker_pss_mib": median([w["pss"] / 1024 for w in workers]),
        "worker_private_mib": median([w["uss"] / 1024 for w in workers]),
        "total_pss_mib": total / 1024,
        "workers": len(workers),
    }


def row(name: str, m: dict[str, int]) -> tuple[str, ...]:
    return (name, f"{m['rss'] / 1024:.0f}", f"{m['pss'] / 1024:.0f}", f"{m['uss'] / 1024:.0f}")


def slow_run(base: str, host: str, port: int, tls: bool, count: int, seconds: float) -> dict[str, float]:
    """Slow sockets for ``seconds`` while a reader asks for a page every 0.2 s."""
    slow = Slow(host, port, count, tls)
    thread = threading.Thread(target=slow.run, args=(seconds,), daemon=True)
    thread.start()
    time.sleep(min(5.0, seconds / 4))  # the sockets are open
    probe = Probe(base + "/?tag=launch", every=0.2)
    thread.join()
    replies = [r for _, r in probe.stop()]
    ok = [r.seconds for r in replies if r.status == 200]
    return {
        "probes": len(replies),
        "errors": len(replies) - len(ok),
        "p50_ms": 1000 * median(ok),
        "p99_ms": 1000 * percentile(ok, 0.99),
        "max_ms": 1000 * max(ok, default=0),
        "cut": slow.cut,
    }


def scenario_slow(bench: Bench) -> None:
    """Slow-header sockets: nginx in front, then gunicorn alone."""
    bench.live()
    n, seconds = bench.args.slow, bench.args.slow_seconds
    front = slow_run(bench.base, "127.0.0.1", bench.https, True, n, seconds)
    bench.stop_site()
    alone = gunicorn_alone(bench.alone, bench.env, bench.log("alone"))
    try:
        direct = slow_run(f"http://127.0.0.1:{bench.alone}", "127.0.0.1", bench.alone, False, n, seconds / 3)
    finally:
        alone.stop()
    bench.figures["slow"] = {"sockets": n, "seconds": seconds, "nginx": front, "gunicorn_alone": direct}
    header = ("", "probes", "errors", "p50 ms", "p99 ms", "max ms", "sockets cut")
    show(
        f"{n} slow-header sockets ({seconds:.0f} s through nginx, {seconds / 3:.0f} s at gunicorn alone)",
        [header, slow_row("through nginx", front), slow_row("gunicorn alone", direct)],
    )


def slow_row(name: str, f: dict[str, float]) -> tuple[str, ...]:
    return (
        name,
        f"{f['probes']:.0f}",
        f"{f['errors']:.0f}",
        f"{f['p50_ms']:.0f}",
        f"{f['p99_ms']:.0f}",
        f"{f['max_ms']:.0f}",
        f"{f['cut']:.0f}",
    )


def checked_mix(bench: Bench, base: str) -> list[tuple[str, dict[str, str]]]:
    """The mix, without paths that do not answer 200 (said so)."""
    kept = []
    for path, headers in bench.mix:
        status = fetch(base + path, headers).status
        if status == 200:
            kept.append((path, headers))
        else:
            print(f"(left out of the mix: {path} answered {status})")
    return kept


def scenario_wrk(bench: Bench) -> None:
    """wrk on the mix: nginx vs gunicorn alone, with and without a random unknown parameter."""
    seconds, results = bench.args.duration, {}
    bench.live()
    mix = checked_mix(bench, bench.base)
    bench.warm_up(bench.base)
    for random_parameter in (False, True):
        results[("nginx", random_parameter)] = wrk(
            bench.base, mix, seconds, random_parameter=random_parameter
        )
    bench.stop_site()
    alone = gunicorn_alone(bench.alone, bench.env, bench.log("alone"))
    base = f"http://127.0.0.1:{bench.alone}"
    try:
        bench.warm_up(base)
        for random_parameter in (False, True):
            results[("gunicorn", random_parameter)] = wrk(
                base, mix, seconds, random_parameter=random_parameter
            )
    finally:
        alone.stop()
    rows = [("", "req/s", "p50 ms", "p99 ms", "errors", "requests")]
    for (server, random_parameter), r in results.items():
        name = ("through nginx" if server == "nginx" else "gunicorn alone") + (
            " + random parameter" if random_parameter else ""
        )
        rows.append(
            (name, f"{r.rps:.0f}", f"{r.p50_ms:.1f}", f"{r.p99_ms:.1f}", str(r.errors), str(r.requests))
        )
        bench.figures.setdefault("wrk", {})[name] = asdict(r)
    show(f"wrk, 64 connections, {seconds} s, a mix of {len(mix)} URLs", rows)


def under_load(bench: Bench, seconds: int, act: Callable[[Server], dict[str, Any]]) -> dict[str, Any]:
    """Run ``act`` while wrk (the mix) and a reader load the site; add their failures and peak memory."""
    site = bench.live()
    mix = [(p, h) for p, h in checked_mix(bench, bench.base) if not p.startswith("/static/")]
    load = wrk_start(bench.base, mix, seconds)
    probe = Probe(bench.base + "/", every=0.1)
    sampler = Sampler(site)
    time.sleep(3)
    try:
        figures = act(site)
    finally:
        result = wrk_result(load)
        replies = probe.stop()
        peak = sampler.stop()
    figures["wrk_detail"] = result.detail
    figures["wrk_p99_ms"], figures["wrk_max_ms"] = result.p99_ms, result.max_ms
    figures.update(
        wrk_rps=result.rps,
        wrk_errors=result.errors,
        wrk_requests=result.requests,
        probe_errors=sum(r.status != 200 for _, r in replies),
        peak_pss_mib=peak / 1024,
    )
    figures["titles"] = sorted({title_of(r.body) for _, r in replies if r.status == 200})
    return figures


def scenario_edit(bench: Bench) -> None:
    """A valid edit without load, then another under load."""
    write(bench.data, bench.original)
    bench.live()
    until(lambda: health(bench.base).get("file", {}).get("pending") is False)
    quiet = valid_edit(bench, bench.live(), bench.quietly, QUIETLY)
    loaded = under_load(
        bench, bench.args.duration + 30, lambda site: valid_edit(bench, site, bench.edited, EDITED)
    )
    time.sleep(3)
    loaded["pss_after_mib"] = bench.live().total_pss() / 1024
    bench.figures["edit"] = {"quiet": quiet, "under_load": loaded}
    q, f = quiet, loaded
    show(
        "A valid edit (the builder's CPU time is in the server's log)",
        [
            ("", "no load", "wrk, 64 connections"),
            ("first request with the new version, s", fmt(q["first_new_s"]), fmt(f["first_new_s"])),
            ("every worker on the new version, s", fmt(q["all_workers_s"]), fmt(f["all_workers_s"])),
            (
                "failed requests (wrk / reader)",
                "",
                f"{f['wrk_errors']} / {f['probe_errors']} {f['wrk_detail']}",
            ),
            ("wrk p99 / slowest, ms", "", f"{f['wrk_p99_ms']:.0f} / {f['wrk_max_ms']:.0f}"),
            ("peak PSS, every process, MiB", "", f"{f['peak_pss_mib']:.0f}"),
            ("PSS before / after, MiB", "", f"{f['pss_before_mib']:.0f} / {f['pss_after_mib']:.0f}"),
        ],
    )


def valid_edit(bench: Bench, site: Server, text: str, title: str) -> dict[str, Any]:
    """Write ``text``; time its first appearance and the old workers' leaving."""
    before, pss = site.workers(), site.total_pss()
    written = time.monotonic()
    write(bench.data, text)
    first = until(lambda: title_of(fetch(bench.base + "/").body) == title)
    every = until(lambda: not (site.workers() & before))  # the old workers are gone
    done = None if every is None else time.monotonic() - written
    return {"first_new_s": first, "all_workers_s": done, "pss_before_mib": pss / 1024}


def fmt(value: float | None) -> str:
    return "timed out" if value is None else f"{value:.1f}"


def scenario_broken(bench: Bench) -> None:
    """Broken edits under load (a wrong reference; a syntax error): /healthz says so, pages keep the data."""
    rows = [("", "wrong reference", "syntax error")]
    results = {}
    for name, text in (("reference", bench.wrong_reference), ("syntax", bench.broken)):
        write(bench.data, bench.edited)
        bench.live()
        until(
            lambda: (
                title_of(fetch(bench.base + "/").body) == EDITED and not health(bench.base)["file"]["pending"]
            )
        )
        results[name] = under_load(
            bench, bench.args.duration, lambda site, text=text: broken_edit(bench, text)
        )
    bench.figures["broken"] = results
    r, s = results["reference"], results["syntax"]
    rows += [
        ("/healthz: the file changed and is being checked, s", fmt(r["noticed_s"]), fmt(s["noticed_s"])),
        ("/healthz: last_reload_ok false, s", fmt(r["invalid_s"]), fmt(s["invalid_s"])),
        ("/healthz: the problems with their positions, s", fmt(r["reported_s"]), fmt(s["reported_s"])),
        ("titles the pages showed meanwhile", " | ".join(r["titles"]), " | ".join(s["titles"])),
        ("failed requests (wrk / reader)", f"{r['wrk_errors']} / {r['probe_errors']}",
         f"{s['wrk_errors']} / {s['probe_errors']}"),
    ]  # fmt: skip
    show("Broken edits under load", rows)


def broken_edit(bench: Bench, text: str) -> dict[str, Any]:
    """Write ``text`` and time what /healthz says."""
    written = time.monotonic()
    write(bench.data, text)
    noticed = until(
        lambda: (h := health(bench.base)) != {} and (h["file"]["pending"] or not h["last_reload_ok"])
    )
    invalid = until(lambda: health(bench.base).get("last_reload_ok") is False)
    invalid_s = None if invalid is None else time.monotonic() - written
    reported = until(lambda: (h := health(bench.base)).get("errors") and h["errors"][0]["line"] > 1)
    return {
        "noticed_s": noticed,
        "invalid_s": invalid_s,
        "reported_s": None if reported is None else time.monotonic() - written,
        "errors": health(bench.base).get("errors", [])[:1],
    }


def scenario_kill(bench: Bench) -> None:
    """kill -9 of a worker under load, twice; then every worker must show the last good data."""

    def act(site: Server) -> dict[str, Any]:
        killed = []
        for _ in range(2):
            victim = min(site.workers())
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
            until(lambda v=victim: v not in site.workers() and len(site.workers()) == workers, 60)
            time.sleep(4)
        return {"killed": len(killed)}

    workers = len(bench.live().workers())
    f = under_load(bench, bench.args.duration, act)
    titles = {title_of(fetch(bench.base + "/").body) for _ in range(4 * workers)}
    f["after_kill_titles"] = sorted(titles)
    f["file_still_broken"] = health(bench.base).get("last_reload_ok") is False
    bench.figures["kill"] = f
    show(
        "kill -9 of a worker under load (twice)",
        [
            ("", "value"),
            ("failed requests (wrk / reader)", f"{f['wrk_errors']} / {f['probe_errors']}"),
            ("requests", str(f["wrk_requests"])),
            (
                "titles served afterwards (file still broken)",
                " | ".join(titles) + f" ({f['file_still_broken']})",
            ),
        ],
    )
    write(bench.data, bench.edited)


def scenario_models(bench: Bench) -> None:
    """The mix through nginx for several gunicorn worker models."""
    models = [("sync", 3, ""), ("sync", 5, ""), ("gthread", 2, "--worker-class gthread --threads 4")]
    rows = [("model", "req/s", "p50 ms", "p99 ms", "errors", "PSS all MiB", "worker private MiB")]
    for name, count, extra in models:
        site = bench.start_site(count, {"GUNICORN_CMD_ARGS": extra} if extra else None)
        mix = checked_mix(bench, bench.base)
        bench.warm_up(bench.base)
        r = wrk(bench.base, mix, bench.args.duration)
        private = median([memory(pid).get("uss", 0) / 1024 for pid in site.workers()])
        label = f"{name} × {count}" + (" (4 threads each)" if extra else "")
        rows.append(
            (
                label,
                f"{r.rps:.0f}",
                f"{r.p50_ms:.1f}",
                f"{r.p99_ms:.1f}",
                str(r.errors),
                f"{site.total_pss() / 1024:.0f}",
                f"{private:.0f}",
            )
        )
        bench.figures.setdefault("models", {})[label] = {"rps": r.rps, "p99_ms": r.p99_ms, "errors": r.errors}
    bench.stop_site()
    show(f"gunicorn worker models through nginx (wrk, 64 connections, {bench.args.duration} s)", rows)


def scenario_observatory(bench: Bench) -> None:
    """MDN HTTP Observatory's grade, with the certificate `make serve` made trusted."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        print("\n(observatory: node and npm are needed; skipped)")
        return
    bench.live()
    folder = bench.folder / "observatory"
    installed = subprocess.run(
        [
            "npm",
            "install",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
            str(folder),
            OBSERVATORY,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    package = folder / "node_modules" / "@mdn" / "mdn-http-observatory"
    if installed.returncode != 0:
        print(f"\n(observatory: npm could not install {OBSERVATORY}; skipped)\n{installed.stderr[-500:]}")
        return
    (package / "conf" / "hsts-preload.json").write_text("{}")  # its install script downloads this list
    scan = subprocess.run(
        [
            "node",
            str(ROOT / "bench" / "observatory.mjs"),
            str(package),
            "localhost",
            str(bench.https),
            str(bench.http),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(CERT)},
    )
    try:
        result = json.loads(scan.stdout)
    except ValueError:
        print(f"\n(observatory: the scan failed)\n{scan.stdout[-500:]}{scan.stderr[-500:]}")
        return
    bench.figures["observatory"] = {k: result.get(k) for k in ("grade", "score", "passed", "tests")}
    failed = [name for name, test in result.get("results", {}).items() if not test["pass"]]
    show(
        "MDN HTTP Observatory (locally trusted certificate)",
        [
            ("grade", "score", "tests passed", "failed"),
            (
                str(result.get("grade")),
                str(result.get("score")),
                f"{result.get('passed')}/{result.get('tests')}",
                ", ".join(failed) or "none",
            ),
        ],
    )


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per run (default 20)")
    parser.add_argument("--slow", type=int, default=300, help="slow-header sockets (default 300)")
    parser.add_argument("--slow-seconds", type=float, default=60)
    parser.add_argument("--repeat", type=int, default=3, help="warm starts to take the median of")
    parser.add_argument("--only", default=",".join(SCENARIOS), help=f"some of {','.join(SCENARIOS)}")
    parser.add_argument(
        "--extra", action="append", default=[], help="another path for the wrk mix (repeatable)"
    )
    parser.add_argument(
        "--port", type=int, default=8443, help="HTTPS port; the next two are HTTP and gunicorn alone"
    )
    args = parser.parse_args()
    chosen = [s for s in SCENARIOS if s in args.only.split(",")]
    for tool in ("wrk", "openssl"):
        if shutil.which(tool) is None:
            print(
                f"bench/production.py needs {tool}: apt-get install -y --no-install-recommends {tool}",
                file=sys.stderr,
            )
            return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    with tempfile.TemporaryDirectory(prefix="timeline-production-") as folder:
        bench = Bench(args, Path(folder))
        size = bench.data.stat().st_size / 2**20
        print(f"{args.events:,} events ({size:.1f} MiB); scenarios: {', '.join(chosen)}")
        try:
            for name in chosen:
                globals()[f"scenario_{name}"](bench)
        finally:
            bench.stop_site()
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "production.json").write_text(json.dumps(bench.figures, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
