"""Where a filter interaction spends its time in the browser: a Chromium performance trace.

Run against a served timeline (``make serve``, or gunicorn on any port)::

    .venv/bin/python bench/trace.py http://127.0.0.1:8000 [--tag launch] [--runs 3] [--save DIR]

For each run it opens the page in a fresh headless Chromium context (1280×800), ticks the tag
checkbox the way a reader would, waits until the results are swapped and the URL pushed, and
records a trace of that interaction (plus a CPU profile of the page's JavaScript). It prints the
main thread's time by kind of work (HTML parsing, style, layout, paint, script, garbage
collection), the scripts' hottest functions, the page's weight and element counts, and the
interaction's duration (change event → last DOM change). ``--save`` keeps the raw trace JSON,
which Chromium's DevTools Performance panel opens.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
CATEGORIES = ["devtools.timeline", "v8", "blink", "disabled-by-default-devtools.timeline", "v8.execute"]
# Trace event names, grouped into the kinds of work the DevTools summary shows.
KINDS = {
    "ParseHTML": "parse HTML",
    "ParseAuthorStyleSheet": "parse CSS",
    "UpdateLayoutTree": "style",
    "RecalculateStyles": "style",
    "Layout": "layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "Layerize": "paint",
    "Commit": "paint",
    "UpdateLayer": "paint",
    "MinorGC": "GC",
    "MajorGC": "GC",
    "V8.GC_SCAVENGER": "GC",
    "BlinkGC.AtomicPhase": "GC",
    "EvaluateScript": "script",
    "v8.compile": "script",
    "FunctionCall": "script",
    "EventDispatch": "script",
    "TimerFire": "script",
    "FireAnimationFrame": "script",
    "XHRReadyStateChange": "script",
    "XHRLoad": "script",
    "RunMicrotasks": "script",
    "V8.Execute": "script",
}
WATCH = """(() => {
  window.__t = {t0: null, last: null, pushed: null};
  const mark = () => { if (window.__t.t0 === null) window.__t.t0 = performance.now(); };
  addEventListener("change", mark, true);
  const push = history.pushState;
  history.pushState = function (...a) {
    const r = push.apply(this, a); window.__t.pushed = performance.now(); return r;
  };
  window.__t.steps = {};
  const names = ["htmx:load", "htmx:beforeSend", "htmx:beforeSwap", "htmx:afterSwap", "htmx:afterSettle"];
  for (const name of names) {
    addEventListener(name, () => {
      if (window.__t.t0 !== null && !(name in window.__t.steps)) window.__t.steps[name] = performance.now();
    }, true);
  }
  new MutationObserver(() => { if (window.__t.t0 !== null) window.__t.last = performance.now(); })
    .observe(document, {childList: true, subtree: true, characterData: true, attributes: true});
})();"""


def main_thread(events: list[dict[str, Any]]) -> tuple[int, int] | None:
    """(pid, tid) of the page's renderer main thread."""
    for e in events:
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain":
            return e["pid"], e["tid"]
    return None


def by_kind(events: list[dict[str, Any]]) -> Counter[str]:
    """Milliseconds of main-thread CPU by kind, counting nested events once (outermost wins).

    CPU time (the trace's ``tdur``) rather than wall time: on a shared machine the wall clock
    also counts the time other processes had the core.
    """
    thread = main_thread(events)
    spans = sorted(
        (e["ts"], e["ts"] + e.get("dur", 0), e.get("tdur", e.get("dur", 0)), KINDS[e["name"]])
        for e in events
        if e.get("ph") == "X" and e.get("name") in KINDS and (e["pid"], e["tid"]) == thread
    )
    total: Counter[str] = Counter()
    end = -1
    for start, stop, cpu, kind in spans:
        if start >= end:  # not nested in the previous outermost span
            total[kind] += cpu / 1000
            end = stop
    return total


def _name(frame: dict[str, Any]) -> str:
    url = frame["url"].rsplit("/", 1)[-1]
    return f"{frame['functionName'] or '(anonymous)'} {url}:{frame['lineNumber'] + 1}".strip()


def hot_functions(
    profile: dict[str, Any], top: int = 40
) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The functions with the most self time, and with the most total time (callees included), in ms."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", ())}
    self_ms: Counter[str] = Counter()
    total_ms: Counter[str] = Counter()
    for sample, delta in zip(profile.get("samples", []), profile.get("timeDeltas", []), strict=False):
        self_ms[_name(nodes[sample]["callFrame"])] += delta / 1000
        seen, node = set(), sample
        while node is not None:
            name = _name(nodes[node]["callFrame"])
            if name not in seen and nodes[node]["callFrame"]["url"]:
                total_ms[name] += delta / 1000
                seen.add(name)
            node = parent.get(node)
    return self_ms.most_common(top), total_ms.most_common(top)


def weight(page: Page) -> dict[str, int]:
    """Elements in the document, and of the results (the time axis's among them) and facets."""
    counted: dict[str, int] = page.evaluate(
        """() => ({elements: document.getElementsByTagName('*').length,
                  results: document.querySelectorAll('#results *').length,
                  axis: document.querySelectorAll('#axis *').length,
                  facets: document.querySelectorAll('#facets *').length,
                  events: document.querySelectorAll('#results li.event').length,
                  html_bytes: document.documentElement.outerHTML.length})"""
    )
    return counted


def one_run(browser: Any, url: str, options: argparse.Namespace, number: int) -> dict[str, Any]:
    """Trace one filter interaction; return its figures."""
    tag, save = options.tag, options.save
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    if options.htmx_source:  # readable function names in the profile
        page.route("**/htmx-*.js", lambda route: route.fulfill(path=options.htmx_source))  # hashed names too
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    before = weight(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 100})
    browser.start_tracing(page=page, categories=CATEGORIES)
    cdp.send("Profiler.start")
    page.locator(f'input[name="tag"][value="{tag}"]').check()
    page.wait_for_url(lambda u: "tag=" in u)
    page.wait_for_function("() => window.__t.last !== null && performance.now() - window.__t.last > 300")
    profile = cdp.send("Profiler.stop")["profile"]
    raw = browser.stop_tracing()
    timing = page.evaluate("() => window.__t")
    after = weight(page)
    context.close()
    if save:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"trace-{number}.json").write_bytes(raw)
    events = json.loads(raw)
    events = events["traceEvents"] if isinstance(events, dict) else events
    return {
        "interaction_ms": max(timing["last"], timing["pushed"] or 0) - timing["t0"],
        "steps": {k.removeprefix("htmx:"): v - timing["t0"] for k, v in timing["steps"].items()},
        "kinds": by_kind(events),
        "hot": hot_functions(profile),
        "before": before,
        "after": after,
    }


def transfer(url: str) -> dict[str, int]:
    """gzip -9 bytes of the page, its stylesheets and scripts (what a first view downloads)."""
    import re
    import urllib.request

    def get(address: str) -> bytes:
        with urllib.request.urlopen(address) as response:
            body: bytes = response.read()
            return body

    html = get(url)
    sizes = {"document": len(gzip.compress(html, 9))}
    base = url.split("/", 3)
    origin = "/".join(base[:3])
    for ref in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        sizes[ref.decode().rsplit("/", 1)[-1]] = len(gzip.compress(get(origin + ref.decode()), 9))
    return sizes


def report(runs: list[dict[str, Any]], sizes: dict[str, int]) -> None:
    """Print medians over the runs."""
    times = [r["interaction_ms"] for r in runs]
    shown = ", ".join(f"{t:.0f}" for t in times)
    print(f"interaction (change → last DOM change): median {statistics.median(times):.0f} ms (runs: {shown})")
    steps = sorted(
        {k for r in runs for k in r["steps"]},
        key=lambda k: statistics.median(r["steps"].get(k, 0) for r in runs),
    )
    print(
        "  htmx steps after the change (median ms): "
        + ", ".join(
            f"{k} {statistics.median(r['steps'][k] for r in runs if k in r['steps']):.0f}" for k in steps
        )
    )
    print("main thread CPU by kind of work (median ms):")
    kinds = sorted(
        {k for r in runs for k in r["kinds"]}, key=lambda k: -statistics.median(r["kinds"][k] for r in runs)
    )
    print(f"  {'all':<12} {statistics.median(sum(r['kinds'].values()) for r in runs):8.1f}")
    for kind in kinds:
        print(f"  {kind:<12} {statistics.median(r['kinds'][kind] for r in runs):8.1f}")
    hot_self, hot_total = runs[0]["hot"]
    print("hottest script functions (first run, self ms):")
    for name, ms in hot_self:
        print(f"  {ms:8.1f}  {name}")
    print("script functions by total time, callees included (first run, ms):")
    for name, ms in hot_total:
        print(f"  {ms:8.1f}  {name}")
    print("page before → after:", runs[0]["before"], "→", runs[0]["after"])
    total = sum(sizes.values())
    print(
        "first view, gzip -9 bytes:",
        ", ".join(f"{k} {v:,}" for k, v in sizes.items()),
        f"= {total / 1024:.1f} KiB",
    )


def main() -> int:
    """Trace the filter interaction ``--runs`` times and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--tag", default="launch")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="keep the raw traces in this folder")
    parser.add_argument("--htmx-source", type=Path, help="serve this unminified htmx.js instead (names)")
    options = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        runs = []
        for number in range(options.runs):
            runs.append(one_run(browser, options.url, options, number))
            time.sleep(0.2)
        browser.close()
    report(runs, transfer(options.url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
