"""Is a dated phrase about the future (at publication time) or the past? The nearest verb decides.

The rule is small on purpose: the future and past markers nearest to the date expression in its
sentence win (``will``, ``is set to``, ``scheduled`` … against ``was``, ``said``, ``-ed`` verbs …);
a future marker right after ``was``/``were``/``had been`` ("had been due to return in October") is
a plan that belonged to the past, so it counts as past. None when the sentence has no marker.
"""

from __future__ import annotations

import re
from enum import Enum


class Tense(Enum):
    """Whether a statement looks ahead of the publication date or back from it."""

    PAST = "past"
    FUTURE = "future"


_FUTURE = (
    r"will|['’]ll|shall|would(?!\s+have)|going\s+to|set\s+(?:to|for)|due\s+(?:to|on|in|for|at)|"
    r"scheduled|slated|planned|plans?\s+to|plans|expect(?:s|ed)?|aims?\s+to|intends?\s+to|"
    r"to\s+be\s+held|upcoming|(?:is|are)\s+to|(?:no|not)\s+later\s+than|(?:no|not)\s+earlier\s+than|"
    r"deadline|tomorrow|next"
)
_IRREGULAR = (
    "was were had did said told began came went took made saw won lost left flew led met sent spent held"
    " fell rose became brought built bought caught chose drew drove fought found gave got grew kept knew"
    " ran sat shot sold spoke stood struck thought threw wrote ago last yesterday earlier"
)
_NOT_PAST = frozenset(
    ["scheduled", "slated", "planned", "expected", "need", "speed", "seed", "feed", "red", "bed", "hundred"]
)
_MARKER = re.compile(
    rf"\b(?P<future>{_FUTURE})\b|\b(?P<past>{'|'.join(_IRREGULAR.split())}|[a-z]{{2,}}ed)\b", re.IGNORECASE
)
_DETERMINER = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|our|my|your|best|well|newly)\s+$", re.IGNORECASE
)
_OWN = (
    (
        re.compile(
            r"\b(?:later\s+(?:this|in|today|tonight)|next|tomorrow|coming|from\s+now|upcoming)\b|^in\s+\S+\s+(?:day|week|fortnight|month|year)s?\b",
            re.IGNORECASE,
        ),
        "future",
    ),
    (re.compile(r"\b(?:last|ago|yesterday|earlier|previous)\b", re.IGNORECASE), "past"),
)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.IGNORECASE)
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)


def tense(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the statement whose date expression is ``sentence[start:end]``: the
    expression's own ("later this month", "yesterday"), else that of the nearest marker."""
    for pattern, own in _OWN:
        if pattern.search(sentence[start:end]):
            return Tense(own)
    best: tuple[int, Tense] | None = None
    for marker in _MARKER.finditer(sentence):
        if start <= marker.start() < end:
            continue
        word = marker.group().lower()
        before = sentence[: marker.start()]
        if marker["past"] and (word in _NOT_PAST or _DETERMINER.search(before) or _PASSIVE.search(before)):
            continue
        kind = Tense.FUTURE if marker["future"] else Tense.PAST
        if kind is Tense.FUTURE and _PAST_PLAN.search(sentence[: marker.start()]):
            kind = Tense.PAST
        distance = start - marker.end() if marker.end() <= start else marker.start() - end
        if best is None or distance < best[0]:
            best = (distance, kind)
    return None if best is None else best[1]
