"""The data file's texts in the reader's language: translated where the file says, else marked."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from flask import Flask

from tests.support import bilingual
from timeline.i18n import content
from timeline.load import load
from timeline.model import Timeline

Speaking = Callable[[str], AbstractContextManager[None]]


@pytest.fixture
def timeline(app: Flask) -> Timeline:
    """The mini timeline (English, partly translated into Russian)."""
    snapshot: Timeline = app.extensions["timeline.store"].snapshot
    return snapshot


def shown(value: content.Shown | None) -> tuple[str, str | None] | None:
    """A shown text and the language it is marked with (None: the page's own)."""
    return None if value is None else (str(value), value.lang)


def test_a_translated_text_is_shown_in_the_pages_language(timeline: Timeline, speaking: Speaking) -> None:
    landing = timeline.event("landing")
    assert landing is not None
    with speaking("ru"):
        assert shown(content.text(timeline, landing, "title")) == ("Экипаж приземляется в Казахстане", None)
        assert shown(content.text(timeline, landing, "place")) == ("близ Джезказгана, Казахстан", None)
    with speaking("en"):
        assert shown(content.text(timeline, landing, "title")) == ("The crew lands in Kazakhstan", None)


def test_an_untranslated_text_is_shown_as_written_and_marked(timeline: Timeline, speaking: Speaking) -> None:
    laika = timeline.event("laika")
    assert laika is not None
    with speaking("ru"):
        assert shown(content.text(timeline, laika, "title")) == ("Laika orbits the Earth", "en")
        assert shown(content.text(timeline, laika, "place")) is None  # nothing to show
        assert shown(content.text(timeline, timeline, "description")) == (
            "A test file with a few events.",
            "en",
        )
        assert shown(content.title(timeline)) == ("Мини-хронология", None)


def test_quotes_keep_their_sources_language(tmp_path: Path, speaking: Speaking) -> None:
    timeline = load(bilingual(tmp_path / "events.yaml"))
    landing = timeline.event("landing")
    assert landing is not None
    english, russian = landing.citations[0], landing.citations[2]
    with speaking("ru"):
        assert shown(content.quote(timeline, english)) == ("The capsule landed at 04:35 UTC.", "en")
        assert shown(content.quote(timeline, russian)) == (russian.quote, None)
        assert shown(content.text(timeline, landing.citations[1], "note")) == (
            "Они приземлились 17 октября (UTC).",
            None,
        )
    with speaking("en"):
        assert shown(content.quote(timeline, english)) == ("The capsule landed at 04:35 UTC.", None)
        assert shown(content.quote(timeline, russian)) == (russian.quote, "ru")
        assert shown(content.published(timeline.sources["gazeta"], "title")) == ("Экипаж вернулся", "ru")


def test_names_in_russian_come_from_translations_or_the_native_name(
    timeline: Timeline, speaking: Speaking
) -> None:
    yulia, laika, cruise = (timeline.actors[i] for i in ("yulia-peresild", "laika", "tom-cruise"))
    with speaking("ru"):
        assert shown(content.actor_name(timeline, yulia)) == ("Юлия Пересильд", None)
        assert content.native_name(timeline, yulia) is None  # it is the name shown already
        assert shown(content.actor_name(timeline, laika)) == ("Лайка", None)
        assert shown(content.actor_name(timeline, cruise)) == ("Том Круз", None)
        assert [shown(a) for a in content.aliases(timeline, yulia)] == [
            ("Peresild", "en"),
            ("Julia Peresild", "en"),
            ("Пересильд", None),
        ]
    with speaking("en"):
        assert shown(content.actor_name(timeline, yulia)) == ("Yulia Peresild", None)
        assert shown(content.native_name(timeline, yulia)) == ("Юлия Пересильд", "ru")
        assert [a.lang for a in content.aliases(timeline, yulia)] == [None, None, "ru"]


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("ru", [("СССР", None), ("США", None), ("Казахстан", None), ("Россия", None)]),
        ("en", [("Soviet Union", None), ("United States", None), ("Kazakhstan", None), ("Russia", None)]),
    ],
)
def test_country_names_in_the_pages_language(
    timeline: Timeline, speaking: Speaking, lang: str, names: list[tuple[str, None]]
) -> None:
    with speaking(lang):
        assert [shown(content.country(timeline, c)) for c in ("SU", "US", "KZ", "RU")] == names


def test_tag_labels_translated_or_marked(timeline: Timeline, speaking: Speaking) -> None:
    with speaking("ru"):
        assert shown(content.tag_label(timeline, "launch")) == ("Запуск", None)
        assert shown(content.tag_label(timeline, "film")) == ("Film", "en")
        assert content.translated(timeline)
    with speaking("en"):
        assert not content.translated(timeline)


@pytest.mark.parametrize(
    ("value", "attr", "html"),
    [
        (content.Shown("Лайка", "ru"), ' lang="ru"', '<span lang="ru">Лайка</span>'),
        (content.Shown("<b>", None), "", "&lt;b&gt;"),
        (content.Shown("<i>", "en"), ' lang="en"', '<span lang="en">&lt;i&gt;</span>'),
        ("plain", "", "plain"),
    ],
)
def test_markup_of_a_language_escapes_the_text(value: str, attr: str, html: str) -> None:
    assert str(content.lang_attr(value)) == attr
    assert str(content.in_lang(value)) == html
