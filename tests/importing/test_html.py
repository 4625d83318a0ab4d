"""TimelineJS's HTML text → plain text, its links, and the sentence that carries each link."""

from __future__ import annotations

import pytest

from timeline.importing.html import plain, sentence


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("Line one<br>line two", "Line one\nline two"),
        ("<p>  Spaces\n  and\tbreaks   collapse </p>", "Spaces and breaks collapse"),
        ("A &amp; B &lt;b&gt; &#8220;quoted&#8221;", "A & B <b> “quoted”"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("<p>Shown</p><script>alert(1)</script><style>p{}</style>", "Shown"),
        ('<span class="tl-note">A note</span> and <em>emphasis</em>', "A note and emphasis"),
        ("", ""),
    ],
)
def test_plain_text_as_a_reader_sees_it(html: str, text: str) -> None:
    assert plain(html).text == text


def test_links_keep_their_words_address_and_place() -> None:
    found = plain(
        '<p>Take <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada Lovelace</a>: a pioneer.</p>'
        "<p>See https://example.org/page. for more</p>"
    )
    first, bare = found.links
    assert (first.href, first.words) == ("https://en.wikipedia.org/wiki/Ada_Lovelace", "Ada Lovelace")
    assert found.text[first.start : first.end] == "Ada Lovelace"
    assert (bare.href, bare.words) == ("https://example.org/page", "https://example.org/page")


def test_the_sentence_around_a_link() -> None:
    found = plain(
        "<p>Women have been programming since before it was a thing. Take "
        '<a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada Lovelace</a>: Daughter of Lord Byron, '
        "she's often credited as the first computer programmer. Dr. Smith agreed.</p>"
    )
    [link] = found.links
    assert sentence(found.text, link.start, link.end) == (
        "Take Ada Lovelace: Daughter of Lord Byron, she's often credited as the first computer programmer."
    )


def test_a_link_over_two_sentences_gives_both() -> None:
    found = plain('<p>Before. <a href="https://example.org/">It flew. It landed.</a> After.</p>')
    [link] = found.links
    assert sentence(found.text, link.start, link.end) == "It flew. It landed."
