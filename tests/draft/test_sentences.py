"""The sentence splitter: captions, credit lines, datelines and quotations stay whole, and every
sentence is a verbatim slice of the article (what `timeline check --archive` needs)."""

from __future__ import annotations

from timeline.draft.article import html_text
from timeline.draft.sentences import caption_paragraphs, split
from timeline.load import normalise_quote

ARTICLE = """Russia outruns US in race for first film shot in space

Yulia Peresild waves at the Baikonur Cosmodrome, Kazakhstan October 5, 2021.
Reuters

ZHEZKAZGAN, Kazakhstan, March 30 (Reuters) - A Soyuz capsule landed on Wednesday. It touched
down at 7:28 a.m. EDT (1128 GMT), ahead of schedule.

"Everything was new to us today. Every 30 seconds brought us something new," Peresild said.

The study of the Soviet
space programme was wrapped by hand at forty characters or
so, as old plain-text copies often are.
"""


def texts() -> list[str]:
    return [s.text for s in split(ARTICLE)]


def test_headline_caption_and_credit_are_sentences_of_their_own() -> None:
    sentences = texts()
    assert sentences[0] == "Russia outruns US in race for first film shot in space"
    assert sentences[1].endswith("Kazakhstan October 5, 2021.")
    assert sentences[2] == "Reuters"


def test_the_dateline_stays_with_its_sentence() -> None:
    assert "ZHEZKAZGAN, Kazakhstan, March 30 (Reuters) - A Soyuz capsule landed on Wednesday." in texts()


def test_a_time_of_day_does_not_end_a_sentence() -> None:
    assert "It touched down at 7:28 a.m. EDT (1128 GMT), ahead of schedule." in texts()


def test_a_quotation_stays_whole_with_its_attribution() -> None:
    quotation = '"Everything was new to us today. Every 30 seconds brought us something new," Peresild said.'
    assert quotation in texts()


def test_a_quotation_opening_after_a_sentence_ends_is_a_sentence_of_its_own() -> None:
    paragraph = (
        '"We got our reward," said the manager, who signed in May. "But it\'s July. Nobody wins in July."'
    )
    assert [s.text for s in split(paragraph)] == [
        '"We got our reward," said the manager, who signed in May.',
        '"But it\'s July. Nobody wins in July."',
    ]


def test_a_paragraph_with_a_photo_credit_is_a_caption() -> None:
    text = "Runners set off in April. (Photo by K. Imari/Valley Herald)\n\nThe race was run in April."
    assert caption_paragraphs(text) == {0}
    assert caption_paragraphs("Workers at the site. Photograph: Rosa Dunne") == {0}
    assert caption_paragraphs("The budget (2021/22) was cut.") == set()


def test_hard_wrapped_lines_are_joined() -> None:
    assert any(s.startswith("The study of the Soviet space programme was wrapped") for s in texts())


def test_every_sentence_is_found_in_the_article_as_the_archive_check_reads_it() -> None:
    article = normalise_quote(ARTICLE)
    assert all(normalise_quote(s.text) in article for s in split(ARTICLE))


def test_html_is_reduced_to_paragraphs_without_scripts() -> None:
    page = (
        "<!doctype html><html><head><title>x</title><style>p{}</style></head><body>"
        "<p>The crew launched on <b>Tuesday</b>.</p><script>var a = 'October 5, 2021';</script>"
        "<figure><img src=x alt=''><figcaption>Baikonur, October 5, 2021 &mdash; AFP</figcaption></figure>"
        "</body></html>"
    )
    assert html_text(page) == "The crew launched on Tuesday.\n\nBaikonur, October 5, 2021 — AFP"


def test_a_time_stamp_on_a_line_of_its_own_opens_its_entry_s_first_sentence() -> None:
    text = "All times GMT\n\n14:05\nThe council opened a rest centre. More soon."
    assert [s.text for s in split(text)] == [
        "All times GMT",
        "14:05 The council opened a rest centre.",
        "More soon.",
    ]
