"""Sentences of an article, each with its place in the text, by sentencex.

Paragraphs are split on blank lines; inside a paragraph a line break ends a sentence unless the
line looks hard-wrapped (long and ending inside a sentence, or followed by a lower-case word) or is
a live blog's time stamp on a line of its own (it opens the entry's first sentence), so
headlines, photo captions, credit lines and datelines stay sentences of their own. A quotation that
opens after a sentence has ended starts a sentence of its own. ``a.m.`` and
``p.m.`` are hidden from the segmenter (which would end a sentence at "a.m. EDT"), keeping every
offset, so each sentence is a verbatim slice of the article.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import sentencex

_CLOCK = re.compile(r"\b([AaPp])\.([Mm])\.")
_WRAPPED = re.compile(r"[a-z0-9,;]$")
_WRAP_WIDTH = 40
_QUOTE_OPENS = re.compile(r"(?<=[.!?])\s+(?=[\"“][A-Z])")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
# a live blog's time stamp on a line of its own ("07:15", "9:40 a.m. EST"): it heads the line after it
STAMP_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?)"
    r"(?:[ \t]+[A-Z]{2,4})?[ \t]*$"
)


class Sentence(NamedTuple):
    """One sentence: its text as in the article (whitespace collapsed) and its offset."""

    text: str
    start: int
    paragraph: int


def _lines(paragraph: str, offset: int) -> list[tuple[str, int]]:
    """The paragraph's runs of lines that belong together, with their offsets."""
    runs: list[tuple[str, int]] = []
    position = offset
    for line in paragraph.split("\n"):
        previous = runs[-1][0].rstrip() if runs else ""
        joined = previous and (
            (len(previous) >= _WRAP_WIDTH and _WRAPPED.search(previous))
            or line[:1].islower()
            or STAMP_LINE.fullmatch(previous)
        )
        if joined and line.strip():
            text, start = runs[-1]
            runs[-1] = (text + "\n" + line, start)
        elif line.strip():
            runs.append((line, position))
        position += len(line) + 1
    return runs


def _segments(text: str) -> list[tuple[str, int]]:
    """Sentences of one run of text, as (verbatim slice, offset within the run)."""
    masked = _CLOCK.sub(lambda m: f"{m[1]}_{m[2]}_", text)
    found: list[tuple[str, int]] = []
    cursor = 0
    for piece in sentencex.segment("en", masked):
        stripped = piece.strip()
        if not stripped:
            continue
        start = masked.find(stripped, cursor)
        if start < 0:  # the segmenter changed the text: fall back to the whole run
            return [(text, 0)]
        for part, at in _at_quotations(text[start : start + len(stripped)]):
            found.append((part, start + at))
        cursor = start + len(stripped)
    return found


def _at_quotations(piece: str) -> list[tuple[str, int]]:
    """A segment cut again where a sentence ends and a quotation opens (`… in May. "But it's July.`),
    when every quotation before that point is closed."""
    parts: list[tuple[str, int]] = []
    begin = 0
    for cut in _QUOTE_OPENS.finditer(piece):
        head = piece[begin : cut.start()]
        if head.count('"') % 2 == 0 and head.count("“") == head.count("”"):
            parts.append((head.rstrip(), begin))
            begin = cut.end()
    parts.append((piece[begin:], begin))
    return parts


def split(text: str) -> list[Sentence]:
    """Every sentence of the article, in order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(_PARAGRAPH.finditer(text)):
        for run, start in _lines(paragraph.group(), paragraph.start()):
            for piece, at in _segments(run):
                sentences.append(Sentence(" ".join(piece.split()), start + at, number))
    return sentences


_CREDIT = re.compile(
    r"\((?:Photo|Photograph|Picture|Image)s?\b[^)]*\)"  # (Photo by …), (Photo: …)
    r"|\b(?:Photo|Photograph|Picture|Image)s?(?:\s+by|\s*:)\s*[A-Z]"  # Photograph: Name
    r"|\([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s*/\s*[A-Z][^)]*\)"  # (Name Surname/Agency)
    r"|©"
)


def caption_paragraphs(text: str) -> frozenset[int]:
    """The numbers (as in :attr:`Sentence.paragraph`) of the paragraphs that carry a photo credit."""
    return frozenset(n for n, p in enumerate(_PARAGRAPH.finditer(text)) if _CREDIT.search(p.group()))
