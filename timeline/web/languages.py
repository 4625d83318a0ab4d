"""The reader's language in the URL, and the links between the languages of a page.

- ``/ru/…`` and ``/en/…`` choose the language: every page of the localised blueprints
  (:data:`LOCALISED`) has one rule per form, on the same endpoint, so ``url_for`` everywhere
  keeps working and keeps the prefix of the page it is called from (:func:`_keep`);
- an address without a prefix (the links people already have, a first visit) is in the
  language ``Accept-Language`` asks for, and its response says ``Vary: Accept-Language``;
  links on it keep having no prefix, so the next page is negotiated the same way;
- no cookie: the choice lives in the URL only, so a link shared is read in the language the
  sender chose, and Back returns to the language before.

The switcher (:func:`choices`) links to the same page, filters and page number included, in
each language; :func:`alternates` gives the ``hreflang`` links (the unprefixed address is the
``x-default``) and :func:`canonical` the page's canonical address in its language, both absolute
from ``TIMELINE_BASE_URL`` (never from the request's host) and with the query string in normal
form. An event page's query string only says which view it was opened from (it changes the
previous and next): the switcher keeps it, its canonical and alternate addresses do not.

Pages for readers are localised (the timeline, exports, embeds); answers for programs are not:
the API and the oEmbed endpoint (whose answer speaks the language of the address it is asked
about), nor the citation files (bibliographic data, in the styles' English: see
:mod:`timeline.web.cite`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, current_app, g, request, url_for

from timeline.i18n import LANGUAGES, NAMES, choose, language
from timeline.web.urls import absolute

LOCALISED = ("timeline", "exports", "embed")  # blueprints whose pages (and files) exist in every language
UNLOCALISED = frozenset(("embed.oembed",))  # ... but for these answers to programs
# Pages whose query string says only where the reader came from: not part of their address.
CONTEXT_ONLY = frozenset(("timeline.event",))
PREFIX = f"/<any({', '.join(LANGUAGES)}):lang>"


@dataclass(frozen=True, slots=True)
class Choice:
    """One language of the switcher: its code, its name in itself, the link, and whether it is shown."""

    lang: str
    name: str
    url: str
    current: bool


def localise(app: Flask) -> None:
    """Give every page of the localised blueprints a second rule under ``/<lang>``."""
    for rule in list(app.url_map.iter_rules()):
        if rule.endpoint.split(".", 1)[0] in LOCALISED and rule.endpoint not in UNLOCALISED:
            methods = sorted((rule.methods or {"GET"}) - {"HEAD", "OPTIONS"})
            app.add_url_rule(PREFIX + rule.rule, endpoint=rule.endpoint, methods=methods)


def localised(endpoint: str | None) -> bool:
    """True when ``endpoint`` has a page in every language."""
    return endpoint is not None and current_app.url_map.is_endpoint_expecting(endpoint, "lang")


def _from_url(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Take the language from the URL's prefix (views never see it), also where no page matched."""
    lang = values.pop("lang", None) if values else None
    if lang is None and endpoint is None:
        first = request.path.split("/", 2)[1]
        lang = first if first in LANGUAGES else None
    choose(lang)


def _keep(endpoint: str, values: dict[str, Any]) -> None:
    """Links from a page whose URL chose the language keep it (when the target has a prefix)."""
    if "lang" not in values and g.get("lang_explicit") and localised(endpoint):
        values["lang"] = g.lang


def _vary(response: Response) -> Response:
    """A response whose language came from Accept-Language says so."""
    if g.get("lang_negotiated"):
        response.vary.add("Accept-Language")
    return response


def _query() -> str:
    """The query string as the view reads it (allowed parameters only), with its ``?``."""
    pairs = list(request.args.items(multi=True))
    return "?" + urlencode(pairs) if pairs else ""


def _here(lang: str | None, *, external: bool = False, address: bool = False) -> str:
    """This page in ``lang`` (None: without a prefix); the timeline when this is no page.

    ``address``: the page's own address, without a query string that only says where the reader
    came from (:data:`CONTEXT_ONLY`).
    """
    endpoint = request.endpoint if localised(request.endpoint) else None
    values: dict[str, Any] = dict(request.view_args or {}) if endpoint else {}
    values["lang"] = lang  # None builds the unprefixed rule (url_for drops None values)
    build = absolute if external else url_for
    if endpoint is None:
        return build("timeline.index", **values)
    return build(endpoint, **values) + ("" if address and endpoint in CONTEXT_ONLY else _query())


def choices() -> list[Choice]:
    """The switcher: this page, with its filters and page, in each language."""
    current = language()
    return [Choice(lang, NAMES[lang], _here(lang), lang == current) for lang in LANGUAGES]


def alternates() -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` of this page in each language, and the negotiating ``x-default``."""
    return [(lang, _here(lang, external=True, address=True)) for lang in LANGUAGES] + [
        ("x-default", _here(None, external=True, address=True))
    ]


def canonical() -> str:
    """The absolute address of this page in its language."""
    return _here(language(), external=True, address=True)


def init_app(app: Flask) -> None:
    """Install the prefix rules (after the blueprints), the URL hooks and the template helpers."""
    localise(app)
    app.url_value_preprocessor(_from_url)
    app.url_defaults(_keep)
    app.after_request(_vary)
    app.jinja_env.globals.update(
        languages=choices, alternates=alternates, canonical=canonical, in_language=localised
    )
