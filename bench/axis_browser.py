"""A zoom or pan step of the time axis in a real browser: gesture → axis and list swapped.

Run: ``.venv/bin/python bench/axis_browser.py [--events 10000] [--steps 12]`` (not part of
``make test``; ``make bench-axis`` runs it). Serves generated events under gunicorn (as ``make serve``
does, page cache off so every step is rendered afresh) on a free loopback port, opens the timeline
in Debian's Chromium through Playwright, and times each step in the page itself, from the gesture's
input event to htmx's ``afterSettle`` of the results: keyboard zoom in and out, keyboard pan,
wheel zoom (its 80 ms wait for the end of the gesture included) and drag pan. Next to it, the same
measure for ticking a facet's checkbox (the filter swap the page already had), as a ratio. Each
round first focuses the axis's heading, the reader's first sign of use, at which app.js fetches
htmx and axis.js, and waits for both. ``--against REV`` serves the code of a git revision too and
interleaves its rounds with this tree's, for figures side by side.
Target: median under 150 ms at 10,000 events. On a shared machine, read medians and ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.exports import trees  # noqa: E402
from bench.generate import generate  # noqa: E402
from bench.load import Server  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
FACET = "facet checkbox"
# Record the time of the last input event of a gesture, and how long until the results settle.
WATCH = """() => {
  window.__steps = [];
  const mark = () => { window.__start = performance.now(); };
  for (const type of ["keydown", "wheel", "pointerup", "click"]) document.addEventListener(type, mark, true);
  document.addEventListener("htmx:afterSettle", (e) => {
    if (e.detail.target && e.detail.target.id === "results" && window.__start) {
      window.__steps.push(performance.now() - window.__start);
      window.__start = 0;
    }
  });
}"""


def step(page: Page, act: Callable[[], None]) -> float:
    """Do one gesture and wait for its swap; the time the page measured, in ms."""
    count = page.evaluate("window.__steps.length")
    act()
    deadline = time.monotonic() + 20
    while page.evaluate("window.__steps.length") == count:  # (wait_for_function would need eval)
        if time.monotonic() > deadline:
            raise SystemExit("a step did not end in a swap of the results within 20 s")
        page.wait_for_timeout(5)
    page.wait_for_timeout(150)  # let the page be idle again before the next gesture
    taken: float = page.evaluate("window.__steps[window.__steps.length - 1]")
    return taken


def enhance(page: Page) -> None:
    """A first sign of use (focus), then wait for htmx and axis.js, which app.js fetches then."""
    page.locator("#axis-heading").focus()
    deadline = time.monotonic() + 20
    while not page.evaluate("Boolean(window.htmx && document.querySelector('.axis-plot[data-ready]'))"):
        if time.monotonic() > deadline:
            raise SystemExit("htmx and axis.js did not arrive within 20 s")
        page.wait_for_timeout(5)


def focus_mark(page: Page) -> None:
    """Put the keyboard on the axis (its one tab stop)."""
    page.locator(".ax-wide a[tabindex='0']").focus()


def gestures(page: Page) -> dict[str, list[float]]:
    """One round of each gesture, starting from the year 2000."""
    times: dict[str, list[float]] = {}

    def add(name: str, taken: float) -> None:
        times.setdefault(name, []).append(taken)

    focus_mark(page)
    add("key: zoom in (+)", step(page, lambda: page.keyboard.press("+")))
    focus_mark(page)
    add("key: pan (PageDown)", step(page, lambda: page.keyboard.press("PageDown")))
    focus_mark(page)
    add("key: zoom out (-)", step(page, lambda: page.keyboard.press("-")))
    box = page.locator(".ax-wide").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] * 0.4, box["y"] + 20

    def wheel() -> None:
        page.mouse.move(x, y)
        page.mouse.wheel(0, -100)

    add("wheel: zoom in", step(page, wheel))

    def drag() -> None:
        page.mouse.move(x + 120, y)
        page.mouse.down()
        page.mouse.move(x, y, steps=6)
        page.mouse.up()

    add("drag: pan", step(page, drag))
    return times


def facet(page: Page) -> float:
    """Tick, then untick, the first actor's checkbox: the filter swap, for comparison."""
    box = page.locator("#facets input[type=checkbox]").first
    taken = step(page, box.check)
    step(page, box.uncheck)
    return taken


Times = dict[str, list[float]]


def one_round(page: Page, base: str, year: int, times: Times) -> None:
    """Open the year's window, then each gesture once and a facet's tick; add the times to ``times``."""
    page.goto(f"{base}/?from={year}&to={year}")
    page.evaluate(WATCH)
    enhance(page)
    for name, taken in gestures(page).items():
        times.setdefault(name, []).extend(taken)
    times.setdefault(FACET, []).append(facet(page))


def report(label: str, times: Times) -> float:
    """Print one tree's medians; return the median of every step."""
    every = [t for name, taken in times.items() if name != FACET for t in taken]
    baseline = statistics.median(times[FACET])
    print(f"{label}: gesture → axis and list swapped (ms)")
    for name, taken in times.items():
        if name != FACET:
            print(f"  {name:22s} median {statistics.median(taken):6.1f}   max {max(taken):6.1f}")
    print(f"  {'every step':22s} median {statistics.median(every):6.1f}   (target < 150)")
    ratio = statistics.median(every) / baseline
    print(f"  {FACET:22s} median {baseline:6.1f}   steps / facet = {ratio:.2f}")
    return statistics.median(every)


def main() -> None:
    """Serve (each tree), open, measure round by round, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=12, help="rounds of every gesture")
    parser.add_argument("--against", metavar="REV", help="also measure this git revision, rounds interleaved")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(generate(args.events), encoding="utf-8")
        measured = trees(args.against, Path(folder))
        servers: list[tuple[str, Server]] = []
        try:
            for n, (label, tree) in enumerate(measured):
                env = {"TIMELINE_EVENTS": str(path), "TIMELINE_CACHE_DIR": str(Path(folder) / f"cache-{n}")}
                env["TIMELINE_PAGE_CACHE"] = "0"
                servers.append((label, Server("timeline:create_app()", env, tree)))
            results: dict[str, Times] = {label: {} for label, _ in servers}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for round_ in range(args.steps):
                    for label, server in servers:
                        one_round(page, server.base, 2000 + round_, results[label])
                browser.close()
        finally:
            for _, server in servers:
                server.stop()
    print(f"{args.events:,} events, {args.steps} rounds")
    medians = [report(label, times) for label, times in results.items()]
    if args.against:
        print(f"before / now, every step: {medians[0] / medians[1]:.2f}")


if __name__ == "__main__":
    main()
