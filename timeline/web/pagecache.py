"""Rendered pages kept per process, so a page asked for again is neither rendered nor compressed.

Keys are the data version, the URL, the htmx headers and Accept-Encoding: a page is a pure
function of those (a filtered page costs ~6 ms to render, ~0.3 ms to send from here). Off in
development and tests unless ``TIMELINE_PAGE_CACHE`` (MiB per process, default 32; 0: off)
says otherwise. A page that comes to depend on anything else must add it to :data:`_VARY`, or
its route must leave :data:`CACHED`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request

from timeline.web.lookup import store

PAGE_CACHE_MIB = 32
CACHED = frozenset(
    ("timeline.index", "timeline.event", "timeline.source", "timeline.actor", "timeline.country",
     "api.events", "api.event")
)  # fmt: skip
# What else a page depends on (Accept-Encoding: pages are kept compressed, when they are).
_VARY = ("HX-Request", "HX-Target", "HX-History-Restore-Request", "Accept-Encoding")


@dataclass(frozen=True, slots=True)
class Page:
    """A rendered response, kept as bytes and headers."""

    body: bytes
    headers: tuple[tuple[str, str], ...]


class PageCache:
    """Rendered pages of the current snapshot, least recently used first out.

    A page is a pure function of the snapshot (its version is part of every key), the URL
    and the htmx headers: rendering it again for the same key would give the same bytes.
    Bounded in bytes, per process; a page over an eighth of the budget is not kept.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[tuple[str, ...], Page] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Page | None:
        """The page for ``key``, if kept."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, ...], page: Page) -> None:
        """Keep ``page``, dropping the least recently used pages to stay within the budget."""
        if len(page.body) > self.max_bytes // 8:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self.size -= len(old.body) if old is not None else 0
            self._pages[key] = page
            self.size += len(page.body)
            while self.size > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped.body)


def _from_cache() -> Response | None:
    """A page rendered before for this data version, URL and htmx headers."""
    cache: PageCache | None = current_app.extensions.get("timeline.pages")
    if cache is None or request.endpoint not in CACHED:
        return None
    # Asking for the snapshot also lets the store notice a changed file, as a view would.
    key = (store().snapshot.version, request.url, *(request.headers.get(h, "") for h in _VARY))
    page = cache.get(key)
    g.data_version = key[0]
    if page is None:
        g.page_key = key
        return None
    return Response(page.body, headers=list(page.headers))


def _to_cache(response: Response) -> Response:
    """Keep a page rendered for a cacheable request."""
    key = g.pop("page_key", None)
    cache: PageCache | None = current_app.extensions.get("timeline.pages")
    if key is not None and cache is not None and response.status_code == 200 and not response.is_streamed:
        cache.put(key, Page(response.get_data(), tuple(response.headers.items())))
    return response


def init_app(app: Flask) -> None:
    """Install the cache (after :func:`timeline.security.init_app`, whose limits come first)."""
    mib = app.config["TIMELINE_PAGE_CACHE"]
    if mib is None:
        mib = 0 if app.debug or app.testing else PAGE_CACHE_MIB
    if not mib:
        return
    app.extensions["timeline.pages"] = PageCache(int(float(mib) * 2**20))
    app.before_request(_from_cache)
    # Flask runs after_request functions last-registered first: put this one at the front of
    # the list so that it runs last, and keeps the page exactly as it leaves the app (headers
    # set, compressed if a compressor is installed), and a hit costs no compression either.
    app.after_request_funcs.setdefault(None, []).insert(0, _to_cache)
