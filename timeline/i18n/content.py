"""The data file's own texts in the reader's language, and the language of every text shown.

The file is written in one language (``language:``, English by default) and may translate
titles, summaries, names, roles, labels and notes into others (``translations: {ru: {…}}`` on
each record). A text is shown in the page's language when the file has it; otherwise it is
shown as written and carries its language (:class:`Shown` ``.lang``), which templates put in a
``lang`` attribute (:func:`lang_attr`, :func:`in_lang`) so that screen readers and hyphenation
read it right. Quotes are never translated: they carry their source's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from babel import Locale
from markupsafe import Markup, escape

from timeline.countries import country_name
from timeline.i18n import format_locale, language, lazy_gettext
from timeline.model import Translations, texts_in

if TYPE_CHECKING:
    from timeline.model import Actor, Citation, Event, Source, Timeline


class Translated(Protocol):
    """A record that may carry translations of some of its texts."""

    @property
    def translations(self) -> Translations: ...


class Shown(str):
    """A text as shown, and its language when that is not the page's (``lang`` None: the page's)."""

    lang: str | None

    def __new__(cls, text: str, lang: str | None = None) -> Shown:
        shown = super().__new__(cls, text)
        shown.lang = lang
        return shown


def shown(text: str, lang: str) -> Shown:
    """``text`` written in ``lang``, marked when the page is in another language."""
    return Shown(text, None if lang == language() else lang)


def tr(original: str, record: Translated, field: str, lang: str) -> Shown:
    """``record``'s ``field`` (written ``original`` in ``lang``) in the page's language, if translated."""
    page = language()
    if page == lang:
        return Shown(original)
    translated = texts_in(record.translations, page).get(field)
    return Shown(translated) if translated else Shown(original, lang)


def tr_optional(original: str | None, record: Translated, field: str, lang: str) -> Shown | None:
    """As :func:`tr`, for a field that may be absent."""
    return None if not original else tr(original, record, field, lang)


def lang_attr(value: Any) -> Markup:
    """`` lang="xx"`` for a text in another language than the page's, else nothing."""
    lang = getattr(value, "lang", None)
    return Markup(' lang="') + lang + Markup('"') if lang else Markup("")  # Markup + str escapes the str


# Runs of text in another script than the text's own language, and the language screen readers
# should read them in: a file's Cyrillic is Russian ("Вызов" in an English title, a native name
# of unknown language), unless the whole text is said to be (a Russian source's quote), or the
# page is Russian.
_CYRILLIC = re.compile(r"[\u0400-\u052f]+(?:[\s\d«»\"'’(),.:;!?–—-]+[\u0400-\u052f]+)*")
SCRIPTS = ((_CYRILLIC, "ru"),)


def runs(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` in another language than its own (a :class:`Shown` text's ``lang``, else
    the page's), told by their script: (start, end, language)."""
    if text.isascii():
        return []
    own = getattr(text, "lang", None) or language()
    return [
        (m.start(), m.end(), lang) for pattern, lang in SCRIPTS if lang != own for m in pattern.finditer(text)
    ]


def _runs_marked(text: str) -> Markup:
    """``text`` escaped, its :func:`runs` in ``<span lang>``."""
    found = runs(text)
    if not found:
        return escape(text)
    out, at = [], 0
    for start, end, lang in sorted(found):
        out += [escape(text[at:start]), Markup('<span lang="{}">{}</span>').format(lang, text[start:end])]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def in_lang(value: Any) -> Markup:
    """The text, escaped, inside ``<span lang>`` when it is in another language than the page's
    (and any run in yet another script in its own)."""
    lang = getattr(value, "lang", None)
    inner = _runs_marked(value if isinstance(value, str) else str(value))
    if lang:
        return Markup('<span lang="') + str(lang) + Markup('">') + inner + Markup("</span>")
    return inner


# --- the records of a timeline ------------------------------------------------------------


def text(timeline: Timeline, record: Translated, field: str) -> Shown | None:
    """A text the file wrote (title, summary, place, role, label, note…) in the page's language."""
    original = getattr(record, field)
    return tr_optional(original, record, field, timeline.language)


def title(timeline: Timeline) -> Shown:
    """The timeline's own title."""
    return tr(timeline.title, timeline, "title", timeline.language)


def actor_name(timeline: Timeline, actor: Actor) -> Shown:
    """An actor's name: translated, else the native name when it is in the page's language."""
    page = language()
    translated = texts_in(actor.translations, page).get("name")
    if page != timeline.language and not translated and actor.native_name and actor.native_language == page:
        return Shown(actor.native_name)
    return tr(actor.name, actor, "name", timeline.language)


def native_name(timeline: Timeline, actor: Actor) -> Shown | None:
    """The native name, when it is not already the name shown (marked with its language, if known)."""
    if not actor.native_name or actor.native_name == actor_name(timeline, actor):
        return None
    if actor.native_language is None:
        return Shown(actor.native_name)
    return shown(actor.native_name, actor.native_language)


def _script(text: str) -> str:
    """The Unicode script of a text's first letter ("LATIN", "CYRILLIC", "CJK"…)."""
    letter = next((ch for ch in text if ch.isalpha()), None)
    return unicodedata.name(letter, "").split(" ", 1)[0] if letter else ""


def aliases(timeline: Timeline, actor: Actor) -> list[Shown]:
    """Other spellings of a name, each marked: in the native name's script, its language; else the file's."""
    native = _script(actor.native_name or "") if actor.native_language else ""
    own = _script(actor.name)
    result = []
    for alias in actor.aliases:
        in_native = native and native != own and _script(alias) == native
        result.append(shown(alias, (actor.native_language if in_native else None) or timeline.language))
    return result


def tag_label(timeline: Timeline, ident: str) -> Shown:
    """A tag's label (its id, when the file has no vocabulary entry for it)."""
    tag = timeline.tags.get(ident)
    return tr(tag.label, tag, "label", timeline.language) if tag is not None else Shown(ident)


def published(source: Source, field: str) -> Shown | None:
    """A source's title, publisher or author: as published, in the source's language."""
    value = getattr(source, field)
    return shown(value, source.language) if value else None


def quote(timeline: Timeline, citation: Citation) -> Shown:
    """A quote, verbatim, in its source's language (never translated)."""
    source = timeline.sources.get(citation.source)
    return shown(citation.quote, source.language if source is not None else timeline.language)


# Country names that CLDR lacks (withdrawn codes) or writes long where readers expect the short
# name: the catalogs give them, as the English names come from ``timeline.countries``.
COUNTRIES = {"SU": lazy_gettext("Soviet Union"), "US": lazy_gettext("United States")}


def country(timeline: Timeline, code: str) -> Shown:
    """A country's name in the page's language (catalog, else CLDR), or in English marked as such."""
    english = timeline.countries.get(code) or country_name(code) or code
    if language() == "en":
        return Shown(english)
    if code in COUNTRIES and (name := str(COUNTRIES[code])) != english:
        return Shown(name)
    local = Locale.parse(format_locale()).territories.get(code)
    return Shown(local) if local else Shown(english, "en")


def translated(timeline: Timeline) -> bool:
    """True when the page shows the file's texts in another language than they were written in."""
    return language() != timeline.language


# --- whole records, for writers that read them directly (the exports) ----------------------------


def _pick(record: Translated, field: str, page: str) -> Any:
    """The record's ``field`` in ``page``'s language if translated, else as written."""
    return texts_in(record.translations, page).get(field) or getattr(record, field)


def localised_timeline(timeline: Timeline) -> Timeline:
    """The timeline with its title, description, tag labels and our words on sources in the page's language.

    Writers of exports read records directly; given this copy (and :func:`localised_event` for
    each event), a file made from a Russian page is in Russian where the data file is. The index
    and the events are shared, and a timeline in the page's own language is returned as it is.
    """
    if not translated(timeline):
        return timeline
    page = language()
    tags = {k: t._replace(label=_pick(t, "label", page), description=_pick(t, "description", page))
            for k, t in timeline.tags.items()}  # fmt: skip
    sources = {
        k: s._replace(publisher=_pick(s, "publisher", page), note=_pick(s, "note", page))
        if texts_in(s.translations, page)
        else s
        for k, s in timeline.sources.items()
    }
    title, description = _pick(timeline, "title", page), _pick(timeline, "description", page)
    return replace(timeline, title=title, description=description, tags=tags, sources=sources)


def localised_event(timeline: Timeline, event: Event) -> Event:
    """The event with its title, summary, place, zone label and notes in the page's language."""
    page = language()
    if page == timeline.language:
        return event
    citations = tuple(
        c._replace(note=_pick(c, "note", page)) if c.translations else c for c in event.citations
    )
    texts = texts_in(event.translations, page)
    return event._replace(
        citations=citations,
        title=texts.get("title") or event.title,
        summary=texts.get("summary") or event.summary,
        place=texts.get("place") or event.place,
        zone_label=texts.get("zone_label") or event.zone_label,
    )


def localised_events(timeline: Timeline, events: Iterable[Event]) -> Iterator[Event]:
    """Each event in the page's language, as the writer asks for it (a stream stays a stream)."""
    return (localised_event(timeline, event) for event in events)
