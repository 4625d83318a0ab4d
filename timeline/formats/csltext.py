"""How CSL processors treat the text of a field: quotation marks, title case, punctuation.

citeproc-py leaves quotation marks in the data as written and never alternates them, title-
cases only words that follow a space, and leaves a period after a closing quotation mark. CSL
processors (citeproc-js in Zotero, pandoc's citeproc) do otherwise, and so do we, following
pandoc's citeproc (the golden tests' oracle):

- **Quotations in the data** (``"…"``, ``'…'``, “…”, ‘…’) become quotation *marks* (private use
  characters), as do the quotes a style puts around a title; :func:`finish` then writes them
  double at the outer level and single within (“A ‘B’ C”), and an apostrophe is always ’.
- **Title case**: a word is a run of letters and digits; a word is capitalised at the start,
  after a space, hyphen, slash or dash (``All-Civilian``, ``(Probable``), unless it is a stop
  word or a single letter (the last word always is, unless a single letter: see
  :func:`_last_word`); words with a capital already (``iPhone``, ``NASA``) are left alone.
- **Punctuation in quotes** (American English): a period or comma right after a closing
  quotation mark goes inside it (“Title.”), and a title's own ? or ! absorbs the period.
"""

from __future__ import annotations

import re

OPEN = "\ue007"  # a quotation begins
CLOSE = "\ue008"  # a quotation ends
MARKERS = re.compile("[\ue000-\ue00f]")  # every private-use marker the rendering uses
_OPENERS = " \t\n([{\u2014\u2013-/\"“'‘" + OPEN
# The CSL specification's stop words, and the ones pandoc's citeproc adds (about, van, von, de, d, l).
STOP_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on",
     "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
     "about", "van", "von", "de", "d", "l")
)  # fmt: skip


def _opens(before: str) -> bool:
    """True when a quotation mark after ``before`` opens a quotation."""
    return before == "" or before[-1] in _OPENERS


def quotations(text: str) -> str:
    """Quotation marks in the data as :data:`OPEN`/:data:`CLOSE`; apostrophes as ’.

    A mark that cannot be paired stays as written.
    """
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # (the mark as written, its index in out)
    for i, ch in enumerate(text):
        before, after = "".join(out[-1:]), text[i + 1 : i + 2]
        single = ch in "'‘’"
        closes = stack and (stack[-1][0] in "'‘’") == single and not before.isspace() and before != ""
        if single and before[-1:].isalnum() and after[:1].isalnum():
            out.append("’")  # an apostrophe: Russia's, s'est
        elif ch in "\"”'’" and closes:
            out[stack.pop()[1]] = OPEN
            out.append(CLOSE)
        elif ch in "\"“'‘" and _opens(before) and after and not after.isspace():
            stack.append((ch, len(out)))
            out.append(ch)
        else:
            out.append("’" if ch == "'" else ch)
    for mark, index in stack:  # never closed: an apostrophe or a stray mark, as written
        out[index] = "’" if mark == "'" else mark
    return "".join(out)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _major(word: str, last: bool) -> bool:
    """True for a word that title case capitalises after a word break: not one letter, not a stop word
    (unless it ends the title)."""
    return len(word) > 1 and (word not in STOP_WORDS or last)


_CHUNKS = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)


def _last_word(chunks: list[str]) -> int:
    """The index of the title's last word, which is capitalised even if a stop word ("Look Up"):
    the last run of letters, when only punctuation follows it ("Up.", "(To)"), not a space
    ("up …", "to 2") or the end of a quotation ("‘to’"). -1 when there is none."""
    words = [i for i, c in enumerate(chunks) if c[:1].isalnum()]
    if not words:
        return -1
    rest = "".join(chunks[words[-1] + 1 :])
    return -1 if any(c.isspace() or c == CLOSE for c in rest) else words[-1]


def title_case(text: str) -> str:
    """Title case as CSL processors apply it to English titles (see the module's docstring)."""
    chunks = _CHUNKS.findall(text)
    last_word = _last_word(chunks)
    state = "start"
    out = []
    for i, chunk in enumerate(chunks):
        lower_word = chunk[:1].isalnum() and chunk.islower()
        if lower_word and (
            state in ("start", "sentence") or (state == "word-end" and _major(chunk, i == last_word))
        ):
            chunk = _capitalised(chunk)
        out.append(chunk)
        end = chunk[-1]
        if end in ".?!:":
            state = "sentence-end"
        elif end.isalnum():
            state = "word"
        elif end.isspace() and state == "sentence-end":
            state = "sentence"
        elif end.isspace() or end in "-/\u2013\u2014":
            state = "word-end"
    return "".join(out)


_PUNCT_AFTER_CLOSE = re.compile(CLOSE + "([.,])")
# A period right after a ? ! or . that ends a title (inside its quotation marks or italics) is dropped.
_ABSORBED = re.compile("([?!.][" + CLOSE + "\ue000]*)\\.")


def finish(text: str) -> str:
    """Punctuation moved into quotations, then quotation marks written by level: “outer ‘inner’”."""
    text = _PUNCT_AFTER_CLOSE.sub(lambda m: m.group(1) + CLOSE, text)
    text = _ABSORBED.sub(r"\1", text)
    out, depth = [], 0
    for ch in text:
        if ch == OPEN:
            out.append("“" if depth % 2 == 0 else "‘")
            depth += 1
        elif ch == CLOSE:
            depth = max(depth - 1, 0)
            out.append("”" if depth % 2 == 0 else "’")
        else:
            out.append(ch)
    return "".join(out)
