"""Suggested titles: the sentence without the words that only say when."""

from __future__ import annotations

from timeline.draft.titles import title


def test_a_title_leaves_out_the_date_and_the_dateline() -> None:
    assert title("LONDON (Reuters) - The bank cut rates on Tuesday.", ["on Tuesday"]) == "The bank cut rates"


def test_a_title_leaves_out_a_live_blog_stamp() -> None:
    assert title("07:02 Good morning from the coast, which flooded overnight.", []) == (
        "Good morning from the coast, which flooded overnight"
    )
    assert title("9:40 a.m. EST — The rocket lifted off.", []) == "The rocket lifted off"
