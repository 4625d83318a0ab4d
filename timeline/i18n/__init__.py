"""Everything a reader sees in words: messages, plurals, numbers and dates, in the page's language.

Templates and Python code that show text to readers call this package only:

- ``_`` / ``ngettext`` / ``lazy_gettext``: messages from the catalogs under
  ``timeline/translations`` (Flask-Babel; a string outside a request stays as written);
- :mod:`timeline.i18n.words`: counts with their plural forms ("5 events"), numbers ("1,234");
- :mod:`timeline.i18n.dates`: honest date display (precision, uncertainty, time zones) with
  month names and patterns from CLDR through Babel.

The language of a request is chosen by :func:`language` (English unless a later step of the
request sets ``g.lang``), so a translation touches catalogs, not templates.
"""

from __future__ import annotations

from typing import Any

import flask_babel  # type: ignore[import-untyped]
from flask import Flask, g, has_request_context

LANGUAGES = ("en",)  # the languages with a catalog; the first is the default
# The CLDR locale whose date patterns and month names each language uses: British English
# writes the day first ("5 Oct 2021"), as this timeline always has.
FORMATS = {"en": "en_GB", "ru": "ru"}


def gettext(string: str, **variables: Any) -> str:
    """``string`` from the current language's catalog, with ``%(name)s`` variables filled in."""
    return str(flask_babel.gettext(string, **variables))


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """The plural form of the catalog's message that fits ``num`` (CLDR rules), filled in."""
    return str(flask_babel.ngettext(singular, plural, num, **variables))


def lazy_gettext(string: str, **variables: Any) -> Any:
    """A message translated when it is shown (for module-level tables)."""
    return flask_babel.lazy_gettext(string, **variables)


_ = gettext


def language() -> str:
    """The language of the current request (the default outside a request)."""
    if has_request_context():
        chosen: str | None = g.get("lang")
        if chosen in LANGUAGES:
            return chosen
    return LANGUAGES[0]


def format_locale() -> str:
    """The CLDR locale that formats dates and numbers for the current language."""
    lang = language()
    return FORMATS.get(lang, lang)


def init_app(app: Flask) -> None:
    """Install Flask-Babel (catalogs in ``timeline/translations``) and the template helpers."""
    flask_babel.Babel(app, locale_selector=language, default_translation_directories="translations")
    from timeline.i18n import dates, words

    app.jinja_env.globals.update(
        number=words.number,
        counted=words.counted,
        lang=language,
        date_text=dates.date_text,
    )


__all__ = ["_", "gettext", "language", "lazy_gettext", "ngettext"]
