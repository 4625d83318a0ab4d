"""Render the timeline to PNG with headless Chromium: desktop, 320 px, dark mode, print, the time axis;
in Russian too."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import create_app  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
# name -> (viewport width, height, colour scheme, media, full page, the page: its language prefix and
# its own path, or None for --path)
SHOTS: dict[str, tuple[int, int, str, str, bool, str, str | None]] = {
    "desktop": (1280, 900, "light", "screen", False, "", None),
    "mobile-320": (320, 900, "light", "screen", False, "", None),
    "dark": (1280, 900, "dark", "screen", False, "", None),
    "print": (800, 1100, "light", "print", False, "", None),
    "desktop-ru": (1280, 900, "light", "screen", False, "/ru", None),
    "mobile-320-ru": (320, 900, "light", "screen", False, "/ru", None),
    "event-ru": (1280, 1500, "light", "screen", False, "/ru", "/events/soyuz-ms-18-landing"),
}


def shoot(
    browser: Browser, base: str, page_path: str, out: Path, name: str, *, full: bool | None = None
) -> Path:
    """Render one page in one of the SHOTS settings (and its language) and save it as PNG."""
    width, height, scheme, media, full_page, prefix, own = SHOTS[name]
    url = base + prefix + (own or page_path)
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.emulate_media(media=media, color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(url)
    if media == "print":
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page if full is None else full)
    width_px = page.evaluate("document.documentElement.scrollWidth")
    if width_px > width:
        print(f"warning: {name} scrolls sideways ({width_px} > {width} px)", file=sys.stderr)
    context.close()
    return path


# The time axis alone: October 2021, one lane per country (the filming as a 12-day bar).
AXIS = "/?from=2021-10&to=2021-10&lanes=country"


def axis(browser: Browser, base: str, out: Path) -> Path:
    """Render the time axis of October 2021, with lanes by country, as docs/screenshots/axis.png."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.goto(base + AXIS)
    path = out / "axis.png"
    page.locator("#axis").screenshot(path=str(path))
    context.close()
    return path


def card(browser: Browser, out: Path) -> Path:
    """Render the favicon as the 512 px share image (og:image) of every page."""
    page = browser.new_page(viewport={"width": 512, "height": 512})
    svg = (ROOT / "static" / "favicon.svg").read_text(encoding="utf-8").replace("<svg ", "<svg width=512 ", 1)
    page.set_content(f"<body style='margin:0;background:#1d3557'>{svg}</body>")
    page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": 512, "height": 512})
    page.close()
    return out


def main() -> None:
    """Serve the bundled timeline on a free port and render the shots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--path", default="/", help="the page to render (default: the timeline)")
    parser.add_argument("--full", action="store_true", help="capture whole pages, not the first screen")
    parser.add_argument("--only", choices=sorted(SHOTS), action="append", help="render only these shots")
    parser.add_argument("--card", action="store_true", help="also render static/card.png from the favicon")
    args = parser.parse_args()
    app = create_app({"TIMELINE_RELOAD_INTERVAL": -1})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            launch = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
            browser = p.chromium.launch(args=ARGS, **launch)  # type: ignore[arg-type]
            if args.card:
                print(card(browser, ROOT / "static" / "card.png"))
            for name in args.only or SHOTS:
                print(shoot(browser, base, args.path, args.out, name, full=args.full or None))
            if not args.only:
                print(axis(browser, base, args.out))
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
