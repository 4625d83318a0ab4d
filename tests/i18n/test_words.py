"""Counted nouns and numbers in Russian and English: CLDR plural rules through the catalogs."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from timeline.i18n.words import counted, number

Speaking = Callable[[str], AbstractContextManager[None]]
NBSP = "\xa0"  # CLDR groups Russian thousands with a no-break space

PLURALS = [
    # Russian: one (1, 21, 101), few (2–4, 22), many (0, 5–20, 11–14, 25, 111)
    ("ru", "event", 0, "0 событий"),
    ("ru", "event", 1, "1 событие"),
    ("ru", "event", 2, "2 события"),
    ("ru", "event", 4, "4 события"),
    ("ru", "event", 5, "5 событий"),
    ("ru", "event", 11, "11 событий"),
    ("ru", "event", 12, "12 событий"),
    ("ru", "event", 14, "14 событий"),
    ("ru", "event", 21, "21 событие"),
    ("ru", "event", 22, "22 события"),
    ("ru", "event", 25, "25 событий"),
    ("ru", "event", 101, "101 событие"),
    ("ru", "event", 111, "111 событий"),
    ("ru", "event", 1234, f"1{NBSP}234 события"),
    ("ru", "source", 1, "1 источник"),
    ("ru", "source", 3, "3 источника"),
    ("ru", "source", 11, "11 источников"),
    ("ru", "source", 21, "21 источник"),
    ("ru", "note", 1, "1 примечание редакции"),
    ("ru", "note", 2, "2 примечания редакции"),
    ("ru", "note", 5, "5 примечаний редакции"),
    ("ru", "year", 1, "1 год"),
    ("ru", "year", 3, "3 года"),
    ("ru", "year", 11, "11 лет"),
    ("ru", "quiet_years", 21, "21 год без событий"),
    ("ru", "quiet_years", 23, "23 года без событий"),
    ("ru", "quiet_years", 5, "5 лет без событий"),
    ("ru", "events_match", 36, "Найдено 36 событий."),
    ("ru", "events_match", 21, "Найдено 21 событие."),
    ("ru", "events_match_filters", 2, "Под фильтры подходят 2 события."),
    ("ru", "cited_by", 1, "Цитируется в 1 событии"),
    ("ru", "cited_by", 21, "Цитируется в 21 событии"),
    ("ru", "cited_by", 5, "Цитируется в 5 событиях"),
    ("ru", "more", 44, "ещё 44"),
    # English: one and other
    ("en", "event", 0, "0 events"),
    ("en", "event", 1, "1 event"),
    ("en", "event", 2, "2 events"),
    ("en", "event", 21, "21 events"),
    ("en", "event", 1234, "1,234 events"),
    ("en", "source", 1, "1 source"),
    ("en", "source", 11, "11 sources"),
    ("en", "note", 1, "1 note on the record"),
    ("en", "note", 2, "2 notes on the record"),
    ("en", "quiet_years", 1, "1 year with no events"),
    ("en", "quiet_years", 21, "21 years with no events"),
    ("en", "events_match", 1, "1 event matches."),
    ("en", "cited_by", 21, "Cited by 21 events"),
]


@pytest.mark.parametrize(("lang", "noun", "n", "text"), PLURALS)
def test_counted_nouns_follow_the_languages_plural_rules(
    speaking: Speaking, lang: str, noun: str, n: int, text: str
) -> None:
    with speaking(lang):
        assert counted(noun, n) == text


@pytest.mark.parametrize(("lang", "text"), [("en", "1,234,567"), ("ru", f"1{NBSP}234{NBSP}567")])
def test_numbers_are_grouped_as_the_language_writes_them(speaking: Speaking, lang: str, text: str) -> None:
    with speaking(lang):
        assert number(1234567) == text
