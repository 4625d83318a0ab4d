"""Rendered pages kept per process, so a page asked for again is neither rendered nor compressed.

A page is a pure function of its key (a filtered page costs ~6 ms to render, ~0.3 ms to send
from here), and every part of the key is normalised, so that requests which differ only in
ways the page ignores cannot multiply renders:

- the data version;
- the URL with its query string in normal form: only the route's allowed parameters, sorted
  by name (:func:`timeline.web.security._limits` rewrites the request to it before we look);
- the page's language (an address without a language prefix is negotiated from
  Accept-Language, so the language chosen is part of the key, not the raw header);
- the htmx mode (:func:`htmx_mode`): which region, if any, the request asks for, not the raw
  headers;
- the encoding the response gets (br, gzip or none, chosen as Flask-Compress chooses), not
  the raw Accept-Encoding header.

Off in development and tests unless ``TIMELINE_PAGE_CACHE`` (MiB per process, default 32; 0:
off) says otherwise. A page that comes to depend on anything else must add it to
:func:`page_key`, or its route must leave :data:`CACHED`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request
from flask_compress.flask_compress import _choose_algorithm, _format

from timeline.i18n import requested
from timeline.web import htmx
from timeline.web.lookup import store

PAGE_CACHE_MIB = 32
CACHED = frozenset(
    ("timeline.index", "timeline.event", "timeline.source", "timeline.actor", "timeline.country",
     "api.events", "api.event")
)  # fmt: skip


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


def encoding() -> str:
    """The content coding this request's response gets (pages are kept compressed, when they are)."""
    algorithms = _format(current_app.config["COMPRESS_ALGORITHM"])
    return _choose_algorithm(algorithms, request.headers.get("Accept-Encoding", "")) or "identity"


def page_key() -> tuple[str, ...]:
    """What the page for this request depends on, each part in normal form (see the module)."""
    # Asking for the snapshot also lets the store notice a changed file, as a view would. The
    # language is found without marking the answer as negotiated: an answer that does not speak
    # (the API's data) must not say Vary: Accept-Language because the cache looked.
    return (store().snapshot.version, request.url, requested(), htmx.mode(request), encoding())


def _from_cache() -> Response | None:
    """A page rendered before for this key."""
    cache: PageCache | None = current_app.extensions.get("timeline.pages")
    if cache is None or request.endpoint not in CACHED:
        return None
    key = page_key()
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
