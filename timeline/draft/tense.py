"""Is a dated phrase about the future (at publication time) or the past? The verbs near it decide.

The rules are small on purpose. A date's own words decide first ("later this month", "last week",
"for delivery in October"; "since" looks back). Otherwise the tense markers of its clause count
(``will``, ``is set to``, ``scheduled``, ``predicted``, the timetable present "opens" … against
``was``, ``-ed`` verbs, ``up from`` …): the nearest one before the date, else the nearest after it,
unless the date is the subject of the verb after it ("December will be colder"). A marker beyond ",
and", "but", "which", "since" … belongs to another clause; "said" counts only for a date right
after it ("said on Monday", not "will land on Monday, NASA said"). A future marker right after
``was``/``were``/``had been`` ("had been due to return in October") is a plan that belonged to the
past, and so is "we expected to" (but not a reported "said it expected to"). A date set apart by a
comma with no verb of its own before it dates the clause after it ("On Monday, the authority said
…", "The minister, speaking on Tuesday, said …"); a date in a relative clause ("which reports on
Nov. 14,") takes no verb from beyond the clause's closing comma; a deadline or start set by an
order ("ordered her to report by Aug. 19", "voted to require it starting July 1") takes no tense
from the ordering. A deadline ("until Thursday") with no tense, or after a present perfect ("has
cancelled all crossings until Thursday"), looks ahead. None when nothing tells.
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
    r"scheduled|slated|planned|plans?\s+to|plans|expect(?:s|ed)?|predict(?:s|ed)?|aims?\s+to|intends?\s+to|"
    r"to\s+be\s+held|upcoming|(?:is|are)\s+to|(?:no|not)\s+later\s+than|(?:no|not)\s+earlier\s+than|"
    r"deadline|(?:is|are|be)\s+(?:forecast|likely)|"
    # the present of a timetable: "pre-orders open on Friday", "the museum opens on Saturday"
    r"(?<!\bis\s)(?<!\bwas\s)open|opens|begins|starts|closes|ends|resumes?|takes\s+effect|go(?:es)?\s+on\s+sale|"
    r"comes\s+out|premieres|kicks\s+off|takes\s+place|airs|debuts|ships|launches"
)
_IRREGULAR = (
    "was were had did said told began came went took made saw won lost left flew led met sent spent held"
    " fell rose became brought built bought caught chose drew drove fought found gave got grew kept knew"
    " ran sat shot sold spoke stood struck thought threw wrote"
    " laid paid sought taught fled fed bled hid lit sank sang rang drank swam spun stuck hung dug swung"
    " slid lent bent dealt felt slept swept wept crept meant heard understood withdrew forgot forgave"
    " ate shook stole froze woke arose bore tore swore wore blew"
)
_NOT_PAST = frozenset([
    "scheduled", "slated", "planned", "expected", "predicted", "need", "speed", "seed", "feed", "red", "bed",
    "hundred",
])  # fmt: skip
_MARKER = re.compile(
    rf"\b(?P<future>{_FUTURE})\b|\b(?P<past>{'|'.join(_IRREGULAR.split())}|[a-z]{{2,}}ed|(?:up|down)\s+from|"
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)set(?=\s+(?:a|an|the|its|his|her|their)\b))\b",  # "set a date"
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|our|my|your|best|well|newly)\s+$", re.IGNORECASE
)
_OWN = (
    (
        re.compile(
            r"\b(?:later\s+(?:this|in|today|tonight)|(?<!the\s)next|tomorrow|coming|from\s+now|upcoming)\b",
            re.IGNORECASE,
        ),
        "future",
    ),
    (re.compile(r"\b(?:last|ago|yesterday|earlier|previous)\b", re.IGNORECASE), "past"),
)
# A marker on the far side of one of these belongs to another clause ("…, but the company warns…");
# a bare "and" often joins nouns ("an actress and film director docked"), so only ", and" counts,
# and not before a preposition ("…, and for the full year in March" shares the verb before it).
_BOUNDARY = re.compile(
    r"(?:,\s*and|\bbut)\b(?!\s+(?:for|in|on|at|by|from|to|until|with|then|again|also|later|earlier)\b)"
    r"|\b(?:while|whereas|who|which|whose|since|because|although|though)\b|;"
)
_LEADS_AHEAD = re.compile(
    r"(?i:\bfor\s+(?:delivery|shipment|loading)\s+(?:in|on|by)\s+|\bcontracts?\s+for\s+)$"
)  # "wheat for delivery in October", "the contract for November"
_SINCE = re.compile(r"(?i:\bsince\s+(?:early\s+|mid-?\s*|late\s+)?)$")
_DEADLINE = re.compile(  # "until Thursday", "until at least Monday", "until 09:00 on Saturday"
    r"(?i:\b(?:until|till|through|by)\s+(?:at\s+(?:the\s+)?(?:least|latest)\s+)?"
    r"(?:(?:\d{1,2}[:.]\d\d|\d{1,2}\s*[ap]\.?m\.?|noon|midday|midnight)(?:\s+[A-Z]{2,4})?,?\s+(?:on\s+)?)?)$"
)
_PERFECT = re.compile(r"(?i:\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en)\b[^,;]*)$")
_REPORTING = frozenset(["said", "says", "told", "tells", "added", "wrote", "reported", "stated"])
_GOVERNS = re.compile(r"\s+(?:\w+\s+){0,3}?(?:on|in|at|late|early|last|this)?\s*")  # "told a meeting on"
_SUBJECT_GAP = re.compile(r"\s+(?:alone\s+|itself\s+)?")
_PREPOSITION = re.compile(
    r"(?i:\b(?:in|on|at|by|from|since|until|till|during|before|after|for|of|to|through)\s+)$"
)
_LEADING = re.compile(r"(?i:(?:in|on|at|by|from|since|until|during|for)\b)")
_OWN_SINCE = re.compile(r"\bsince\s*$")
_PASSIVE = re.compile(  # "is closed", "will stay closed": a participle, no past
    r"\b(?:be|been|being|is|are|am|stay|stays|stayed|staying|remain|remains|remained|remaining|keep|keeps|kept)\s+$",
    re.IGNORECASE,
)
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PLAN_WORDS = frozenset(["expected", "planned", "predicted", "scheduled"])
_PLANNER = re.compile(r"(?i:\b(?:I|we|you|he|she|it|they|had)\s+)$")  # "we expected", "had planned"
_REPORTED = re.compile(r"(?i:\b(?:said|told|added|stated|announced|reported|wrote)\b)")  # "said it expected"
_COMMA = re.compile(r"\s*,")
_RELATIVE = re.compile(r"(?i:\b(?:which|who|whose)\b)[^,;]*$")
_INFINITIVE = re.compile(r"(?i:\bto\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that)\b)[a-z]+\b)")
_SETS_BOUNDS = re.compile(r"(?i:\b(?:by|until|till|starting|beginning|effective|as\s+of)\s+)$")


def _skipped(marker: re.Match[str], sentence: str, start: int, end: int) -> bool:
    """A past marker that is no verb of the statement ("the red", "a newly built", "is expected"),
    or a reporting verb that does not govern the date ("will land on Monday, NASA said": the
    saying is past, the landing is not; "said on Monday", "On Monday, NASA said" and "The
    minister, speaking on Tuesday, said" do govern it; an aside, "…, officials said, …", does not)."""
    word = marker.group().lower()
    if word in _REPORTING and not (
        (marker.end() <= start and _GOVERNS.fullmatch(sentence, marker.end(), start))
        or (
            marker.start() >= end
            and _set_apart(sentence, start, end)
            and not _COMMA.match(sentence, marker.end())
        )
    ):
        return True
    return _skipped_past(marker, sentence)


def _set_apart(sentence: str, start: int, end: int) -> bool:
    """True for a date set apart by a comma with no verb of its own before it ("On Monday, the
    authority said …", "The minister, speaking on Tuesday, said …"): it dates the clause after."""
    if not _COMMA.match(sentence, end):
        return False
    opening = sentence.rfind(",", 0, start) + 1
    return not any(not _skipped_past(m, sentence) for m in _MARKER.finditer(sentence, opening, start))


def _skipped_past(marker: re.Match[str], sentence: str) -> bool:
    """A past-looking word that is no verb ("the red", "a newly built")."""
    before = sentence[: marker.start()]
    return bool(marker["past"]) and (
        marker.group().lower() in _NOT_PAST
        or bool(_DETERMINER.search(before))
        or bool(_PASSIVE.search(before))
    )


def _other_clause(sentence: str, marker: re.Match[str], start: int, end: int) -> bool:
    """True when the marker is the verb of another clause than the date's: beyond ", and", "but",
    "which" … (:data:`_BOUNDARY`); after the date, past the comma that closes the relative clause
    the date is in ("Nordwerk, which reports on Nov. 14, warned"); before the date,
    a past verb whose infinitive sets a deadline or a start ("ordered her to report by Aug. 19",
    "voted to require it starting July 1": the date is the order's, not the ordering's)."""
    if _BOUNDARY.search(sentence, *_between(sentence, marker, start, end)):
        return True
    if marker.start() >= end:
        gap = sentence[end : marker.start()]
        return "," in gap and bool(_RELATIVE.search(sentence, 0, start))
    return bool(
        marker["past"]
        and _INFINITIVE.search(sentence, marker.end(), start)
        and _SETS_BOUNDS.search(sentence, 0, start)
    )


def _between(sentence: str, marker: re.Match[str], start: int, end: int) -> tuple[int, int]:
    """The text between a marker and the date, less the date's own "since"."""
    if marker.start() >= end:
        return end, marker.start()
    own = _OWN_SINCE.search(sentence, marker.end(), start)
    return marker.end(), own.start() if own else start


def _past_plan(sentence: str, marker: re.Match[str]) -> bool:
    """ "had been due to return", "was scheduled", "we expected to book": a plan made in the past."""
    before = sentence[: marker.start()]
    if _PAST_PLAN.search(before):
        return True
    planned = marker.group().lower() in _PLAN_WORDS and bool(_PLANNER.search(before))
    return planned and not _REPORTED.search(before)  # "said it expected …" is reported, still ahead


def _governed(sentence: str, start: int, end: int) -> bool:
    """True when a preposition introduces the date ("on Monday", "in December"): it is no subject."""
    return bool(_PREPOSITION.search(sentence[:start]) or _LEADING.match(sentence, start, end))


def tense(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the statement whose date expression is ``sentence[start:end]``: the
    expression's own ("later this month", "yesterday", "for delivery in October"), else that of the
    nearest marker in the same clause; a deadline ("until Thursday") of a statement with no tense
    or in the present perfect ("has cancelled all crossings until Thursday") is ahead."""
    for pattern, own in _OWN:
        if pattern.search(sentence[start:end]):
            return Tense(own)
    before = sentence[:start]
    if _LEADS_AHEAD.search(before):
        return Tense.FUTURE
    if _SINCE.search(before):
        return Tense.PAST  # "held at its old level since July": since looks back
    found = _nearest(sentence, start, end)
    if found is None and _ordered(sentence, start):
        return None  # "ordered her to report by Aug. 19": after the order, which may itself be past
    if _DEADLINE.search(before) and (found is None or (found is Tense.PAST and _PERFECT.search(before))):
        return Tense.FUTURE
    return found


def _ordered(sentence: str, start: int) -> bool:
    """True for a deadline or start set by a past order ("ordered her to report by Aug. 19")."""
    if not _SETS_BOUNDS.search(sentence, 0, start):
        return False
    return any(
        m["past"] and _INFINITIVE.search(sentence, m.end(), start)
        for m in _MARKER.finditer(sentence, 0, start)
    )


def _nearest(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the marker nearest to ``sentence[start:end]`` in its clause."""
    best: tuple[int, Tense] | None = None
    for marker in _MARKER.finditer(sentence):
        if start <= marker.start() < end or _skipped(marker, sentence, start, end):
            continue
        if _other_clause(sentence, marker, start, end):
            continue
        kind = Tense.FUTURE if marker["future"] else Tense.PAST
        if kind is Tense.FUTURE and _past_plan(sentence, marker):
            kind = Tense.PAST
        # a verb before the date governs it more often than one after ("who received units on
        # Monday will be allowed"): markers after the date count only when none comes before,
        # unless the date is the verb's subject ("suggests December will be colder")
        if marker.end() <= start:
            distance = start - marker.end()
        elif _SUBJECT_GAP.fullmatch(sentence, end, marker.start()) and not _governed(sentence, start, end):
            distance = 0
        else:
            distance = 10_000 + marker.start() - end
        if best is None or distance < best[0]:
            best = (distance, kind)
    return None if best is None else best[1]


# verbs whose past is their present ("the firm cut 40 jobs"): a clause with one may be past
_SAME_IN_PAST = re.compile(
    r"(?i:\b(?:cut|put|hit|shut|quit|let|spread|cost|hurt|shed|split|beat|bet|cast|burst|upset|bid|thrust)\b)"
)


def unsure(sentence: str, start: int, end: int) -> bool:
    """True when the sentence has a verb whose tense cannot be read ("In January the firm cut 40
    jobs"): a date there with no tense may be a past one as well as a coming one."""
    return bool(_SAME_IN_PAST.search(sentence[:start]) or _SAME_IN_PAST.search(sentence, end))
