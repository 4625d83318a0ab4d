"""Everything a reader sees in words: messages, plurals, numbers and dates, in the page's language.

Templates and Python code that show text to readers call this package only:

- ``_`` / ``ngettext`` / ``pgettext`` / ``lazy_gettext``: messages from the catalogs under
  ``timeline/translations`` (Flask-Babel; a string outside a request stays as written);
- :mod:`timeline.i18n.words`: counts with their plural forms ("5 events"), numbers ("1,234");
- :mod:`timeline.i18n.dates`: honest date display (precision, uncertainty, time zones) with
  month names and patterns from CLDR through Babel;
- :mod:`timeline.i18n.content`: the data file's own texts in the reader's language, where the
  file translates them, and the language of every text that is not.

The language of a request is :func:`language`: the one its URL names (``/ru/…``, set by
:mod:`timeline.web.languages`), else the best match of its ``Accept-Language`` header, else
English. A translation touches catalogs, not templates.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import flask_babel  # type: ignore[import-untyped]
from flask import Flask, g, has_request_context, request

LANGUAGES = ("en", "ru")  # the languages with a catalog; the first is the default
# Each language's name in itself, for the switcher.
NAMES = {"en": "English", "ru": "Русский"}
# The CLDR locale whose date patterns and month names each language uses: British English
# writes the day first ("5 Oct 2021"), as this timeline always has.
FORMATS = {"en": "en_GB", "ru": "ru"}
# What Open Graph calls each language (a territory is required there).
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


def gettext(string: str, **variables: Any) -> str:
    """``string`` from the current language's catalog, with ``%(name)s`` variables filled in."""
    return str(flask_babel.gettext(string, **variables))


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """The plural form of the catalog's message that fits ``num`` (CLDR rules), filled in."""
    return str(flask_babel.ngettext(singular, plural, num, **variables))


def pgettext(context: str, string: str, **variables: Any) -> str:
    """``string`` in ``context`` (the same English words may need other words elsewhere)."""
    return str(flask_babel.pgettext(context, string, **variables))


def lazy_gettext(string: str, **variables: Any) -> Any:
    """A message translated when it is shown (for module-level tables)."""
    return flask_babel.lazy_gettext(string, **variables)


_ = gettext


def negotiated() -> str:
    """The catalog language that best fits the request's ``Accept-Language`` (else the default)."""
    best: str | None = request.accept_languages.best_match(LANGUAGES)
    return best or LANGUAGES[0]


def language() -> str:
    """The language of the current request (the default outside a request).

    Chosen by the URL when :mod:`timeline.web.languages` set ``g.lang``; otherwise negotiated
    from ``Accept-Language`` once per request (``g.lang_negotiated`` then says the response
    depends on that header).
    """
    if not has_request_context():
        return LANGUAGES[0]
    chosen: str | None = g.get("lang")
    if chosen is None:
        chosen = g.lang = negotiated()
        g.lang_negotiated = True
    return chosen


def choose(lang: str | None) -> None:
    """Start a request in ``lang`` (chosen by its URL), or with the language still to negotiate (None).

    Everything the previous request of this context left (its language, Flask-Babel's cached
    locale) is dropped, so requests that share an application context never share a language.
    """
    g.lang = lang
    g.lang_explicit = lang is not None
    g.lang_negotiated = False
    flask_babel.refresh()


def requested() -> str:
    """The language this request is answered in, found without marking the answer as negotiated.

    For keys that must tell languages apart (the page cache) even where the answer turns out
    not to depend on the language: only what the answer itself says may add to its ``Vary``.
    """
    if not has_request_context():
        return LANGUAGES[0]
    chosen: str | None = g.get("lang")
    return chosen or negotiated()


@contextmanager
def speaking(lang: str, *, in_urls: bool = False) -> Iterator[None]:
    """Words in ``lang`` for a while, whatever the request's language; links with its prefix if ``in_urls``.

    For what does not follow the reader: a citation is in its styles' English, the API's data
    is the same in every language, an oEmbed answer speaks the language of the page it embeds.
    The request's own language comes back afterwards, and a language negotiated before stays
    negotiated (the answer still depends on Accept-Language where it spoke the reader's).
    """
    if not has_request_context():
        yield
        return
    saved = g.get("lang"), g.get("lang_explicit", False)
    g.lang, g.lang_explicit = lang, in_urls
    flask_babel.refresh()
    try:
        yield
    finally:
        g.lang, g.lang_explicit = saved
        flask_babel.refresh()


def format_locale() -> str:
    """The CLDR locale that formats dates and numbers for the current language."""
    lang = language()
    return FORMATS.get(lang, lang)


def init_app(app: Flask) -> None:
    """Install Flask-Babel (catalogs in ``timeline/translations``) and the template helpers."""
    from timeline.i18n import catalogs, content, dates, words

    catalogs.compile_stale(catalogs.DIRECTORY)
    flask_babel.Babel(app, locale_selector=language, default_translation_directories=str(catalogs.DIRECTORY))
    app.jinja_env.globals.update(
        number=words.number,
        counted=words.counted,
        lang=language,
        date_text=dates.date_text,
        lang_attr=content.lang_attr,
        in_lang=content.in_lang,
    )


__all__ = [
    "_",
    "choose",
    "gettext",
    "language",
    "lazy_gettext",
    "ngettext",
    "pgettext",
    "requested",
    "speaking",
]
