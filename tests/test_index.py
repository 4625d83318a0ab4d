"""Text folding and search terms (timeline.index): one form for every script, words and phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.index import fold, fold_map, terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ёлка Café ÉCOLE", "elka cafe ecole"),  # case and accents
        ("Байконур", "baikonur"),  # Cyrillic in Latin letters, й as и
        ("Королёв", "korolev"),
        ("Королев", "korolev"),  # ё typed as е
        ("Пересильд", "peresild"),  # the soft sign leaves nothing behind
        ("Kazakhstan’s", "kazakhstans"),  # nor do apostrophes
        ("Straße", "strasse"),
        ("ﬁrst", "first"),  # compatibility forms
    ],
)
def test_fold_makes_every_script_lower_case_ascii(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(max_size=40))
def test_fold_is_the_fold_of_each_character_and_fold_map_points_back(text: str) -> None:
    folded, origin = fold_map(text)
    assert folded == fold(text) == "".join(fold(c) for c in text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Peresild Shipenko", ("peresild", "shipenko")),
        ('"Peresild Shipenko" Байконур', ("peresild shipenko", "baikonur")),
        ("“lifts  off” «Вызов»", ("lifts off", "vyzov")),
        ("Gagarin, (Vostok)", ("gagarin", "vostok")),
        ('"unclosed phrase', ("unclosed", "phrase")),
        ("soyuz SOYUZ Союз", ("soyuz",)),  # the same word once
        ("MS-19", ("ms-19",)),  # inner punctuation stays
        ('"" ,', ()),
    ],
)
def test_terms_are_words_and_quoted_phrases(query: str, found: tuple[str, ...]) -> None:
    assert terms(query) == found
