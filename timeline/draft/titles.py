"""Suggested titles and ids for drafted events, from the sentence that dates them."""

from __future__ import annotations

import re
import unicodedata

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)*(?:,\s*\w+\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,30}\))?\s*[-—–]+\s*)"
)
_STAMP = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-—–:|]?\s+(?=[A-Z\"“‘'])")
_LABEL = re.compile(r"^(?:(?:file\s+)?photo(?:\s+caption)?|caption|picture|update[d]?)\s*:\s*", re.IGNORECASE)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "their",
        "his",
        "her",
        "will",
        "would",
        "after",
        "before",
        "into",
        "over",
        "than",
        "then",
        "there",
        "which",
        "who",
    ]
)
_WORDS = 12
_ID_WORDS = 6


def title(sentence: str, expressions: list[str]) -> str:
    """A short title: the sentence without its dateline, live-blog stamp, photo label and date words,
    cut at a clause."""
    text = _LABEL.sub("", _DATELINE.sub("", _STAMP.sub("", sentence)))
    for expression in sorted(expressions, key=len, reverse=True):
        text = re.sub(
            rf"(?:\b(?:on|in|at|since|by|during|of)\s+)?{re.escape(expression)}", " ", text, count=1
        )
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split())).strip(" ,;:-—–")
    text = re.sub(r"^[\"“”'‘’]+|[\"“”'‘’]+$", "", text)
    words = text.split()
    if len(words) > _WORDS:
        cut = next((i + 1 for i, w in enumerate(words) if i >= 4 and w.endswith((",", ";", ":"))), _WORDS)
        words = words[: min(cut, _WORDS)]
    while len(words) > 1 and words[-1].lower().strip(".,;:") in _STOP:
        words.pop()
    text = " ".join(words).rstrip(".,;:")
    return text[:1].upper() + text[1:] if text else "Untitled"


def slug(text: str, limit: int = _ID_WORDS) -> str:
    """Lower-case ASCII words joined by hyphens, common words left out."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in _STOP]
    return "-".join(words[:limit]) or "event"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when it is taken; the result is added to ``taken``."""
    candidate, number = base[:90].strip("-"), 2
    while candidate in taken:
        candidate = f"{base[:86].strip('-')}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
