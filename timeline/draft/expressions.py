"""The date expressions of one sentence: a small explicit grammar of regular expressions.

Each pattern finds one kind of expression and names its parts; :mod:`.resolve` turns them into
dates. Overlapping matches keep the longest. Month and weekday names must be capitalised; a month
on its own needs a word such as "in", "since" or "early" before it ("May" always does).
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}  # fmt: skip


def _month(name: str) -> str:
    return (
        rf"(?P<{name}>(?:January|February|March|April|May|June|July|August|September|October|November|"
        rf"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
    )


def _day(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!:\d|\.\d|,\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>1\d{{3}}|2[01]\d\d)\b"


ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_ORDINALS = "(?i:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
HOLIDAYS = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31), "bonfire night": (11, 5),
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
    "christmas": (12, 25),
}  # fmt: skip
_HOLIDAYS = (
    r"(?:New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween|Bonfire\s+Night|Christmas\s+(?:Eve|Day)"
    r"|Boxing\s+Day|Christmas(?!['’]?s?\s+(?:Eve|Day)))"
)
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_LEAD = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_YEAR_TAIL = rf"(?:,?\s+{_year('y')}|\s+(?P<yrel>this|last|next)\s+year)?"
_MOD = (
    r"(?P<mod>(?i:\b(?:early|mid|late)|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|(?:the\s+)?(?:spring|summer|autumn|fall|winter)"
    r"(?:\s+of)?))[\s-]+"
)
_COUNTS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]"
_NUMBER = r"\d+|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
ZONES = (
    r"UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|BST|CET|CEST|EET|EEST|WET|WEST|MSK|JST|KST|"
    r"AEST|AEDT|ACST|AWST|NZST|NZDT|ET|CT|MT|PT|"
    r"(?:Eastern|Central|Mountain|Pacific|Moscow|Kyiv|Kiev|London|Paris|Berlin|Tokyo|Beijing)"
    r"(?:\s+(?:[Ss]tandard|[Dd]aylight|[Ss]ummer))?\s+[Tt]ime|local\s+time"
)
_CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))(?![A-Za-z])"
    r"|(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)(?![\d:])"
    r"|(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:GMT|UTC|Z)\b)"
    r"|(?P<noon>(?i:noon|midday|midnight)))"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b(?!-)"),
        (
            "mdy",
            rf"{_WEEKDAY_LEAD}{_month('m')}\s+{_day('d')}(?:\s*[-–—]\s*{_day('d2')})?{_YEAR_TAIL}",
        ),
        (
            "dmy",
            rf"{_WEEKDAY_LEAD}{_day('d')}(?:\s*(?:[-–—]|and|to)\s*(?:the\s+)?{_day('d2')})?(?:\s+of)?\s+{_month('m')}"
            rf"{_YEAR_TAIL}",
        ),
        ("my", rf"(?:{_MOD})?{_month('m')},?\s+(?:of\s+)?{_year('y')}"),
        ("holiday", rf"(?P<holiday>{_HOLIDAYS})(?:,?\s+{_year('y')})?"),
        (
            "month",
            rf"(?:{_MOD})?{_month('m')}(?:['’]s)?(?!\s*\d)(?:\s+(?P<yrel>this|last|next)\s+year\b)?",
        ),
        # "the July-September period": two months of one year
        ("monthspan", rf"{_month('m')}\s*[-–]\s*{_month('m2')}(?!\s*\d)"),
        (
            "numeric",
            r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b(?![/\d]|\.\d)",
        ),
        ("yrange", rf"(?<![\w$£€#-]){_year('y')}\s*[-–—/]\s*(?P<y2>\d{{4}}|\d{{2}})\b(?!\s*[-–]\s*\d)"),
        (
            "decade",
            r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
            r"(?:(?P<dec>1\d\d|20\d)0['’]?s|['’](?P<dec2>[2-9])0s|(?<![\w'’])(?P<dec3>[1-9])0s)\b",
        ),
        (
            "century",
            rf"(?i:the\s+)?(?:(?P<cen>2[01]|1\d|[1-9])(?:st|nd|rd|th)|(?P<cenw>{_ORDINALS}))[\s-]+(?i:century)",
        ),
        (
            "quarter",
            rf"(?:\bQ(?P<q>[1-4])|(?i:(?:the\s+)?(?P<qn>first|second|third|fourth)(?:\s+quarter\s+of|-quarter)))"
            rf"\s+{_year('y')}",
        ),
        ("year", rf"(?:{_MOD})?(?<![\w$£€#.,/:]){_year('y')}(?:['’]s)?(?![\w%/-]|[.,:]\d)"),
        (
            "quarterof",
            r"(?i:the\s+(?P<qn>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<qrel>this|last|next)\s+year)?)\b",
        ),
        (
            "months",
            rf"(?i:the\s+(?:(?P<edge>first|last)\s+(?P<count>{_COUNTS})\s+months|(?P<half>first|second)\s+half)"
            rf"\s+of\s+(?:(?P<mrel>this|last|next|the)\s+year\b|{_year('y')}))",
        ),
        ("quarteradj", r"(?i:\b(?P<qn>first|second|third|fourth)-quarter)\b(?!\s+(?:of\s+)?\d)"),
        ("half", r"(?i:the\s+(?P<half>first|second)\s+half)\b(?!\s+of\b)"),
        (
            "nthday",
            rf"(?i:the\s+(?P<nth>first|second|third|fourth|last)\s+){_WEEKDAY}\s+(?i:of|in)\s+{_month('m')}"
            rf"(?:,?\s+{_year('y')})?",
        ),
        ("shortyear", r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]?s\b)"),
        (
            "fiscal",
            r"(?:(?i:\b(?:fiscal|financial)\s+(?:year\s+)?)|\bFY\s?)(?P<fy>(?:19|20)\d\d|\d\d)\b(?![/-]\d)",
        ),
        (
            "season",
            r"(?i:the\s+(?P<season>spring|summer|autumn|fall|winter))\b(?!\s+(?:of|term|season|semester)\b)",
        ),
        (
            "nth",
            r"(?i:the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?P<nrel>this|last|next)\s+month)\b",
        ),
        (
            "weekday",
            rf"(?:(?P<wrel>(?i:last|next|this|on|early|late))\s+)?{_WEEKDAY}(?:['’]s)?"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night))|\s+(?P<week>week)\b)?",
        ),
        (
            "relday",
            r"(?i:(?P<rd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|"
            r"tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)(?:['’]s)?"
            r"(?:\s+(?:morning|afternoon|evening|night))?)\b",
        ),
        (
            "period",
            r"(?i:(?:(?P<pmod>earlier|later|early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
            r"the\s+middle\s+of)\s+)?(?P<prel>this(?:\s+past)?|last|next|the\s+previous|the\s+following|that|the\s+same|"
            r"the\s+next(?=\s+(?:morning|afternoon|evening|night)))\s+"
            r"(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter|day|morning|afternoon|evening|night))\b",
        ),
        (
            "period",
            r"(?i:(?P<pmod>earlier|later|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)"
            r"\s+(?:in\s+)?the\s+(?P<unit>week|month|year))\b",
        ),
        ("period", r"(?i:(?P<unit>year)[-\s]end)\b"),
        ("period", r"(?i:(?:over|at|during|for)\s+the\s+(?P<unit>weekend))\b"),
        (
            "offset",
            rf"(?i:(?P<n>{_NUMBER})\s+(?P<unit>minute|hour|day|week|fortnight|month|year)s?\s+"
            r"(?P<dir>ago|earlier|later|before|after(?:wards?)?|from\s+now))\b",
        ),
        (
            "offset",
            rf"(?i:\bin\s+(?P<n>{_NUMBER})\s+(?P<unit>day|week|fortnight|month|year)s?(?:['’]\s*time)?)\b",
        ),
        (
            "offset",
            r"(?i:the\s+(?P<ref>next|following|previous|preceding)\s+(?P<unit>day|week|month|year)|"
            r"the\s+(?P<unit2>day)\s+(?P<dir2>before|after))\b",
        ),
        (
            "daypart",
            r"(?i:(?:the\s+)?(?:(?P<dmod>early|late|mid)[\s-]*)?(?P<dpart>morning|afternoon|evening))\b",
        ),
        ("time", rf"{_CLOCK}(?:\s*(?P<zone>{ZONES})\b)?(?:\s*\((?P<alt>[^()]{{1,40}})\))?"),
    )
)


class Mention(NamedTuple):
    """One date expression found in a sentence: its kind, where it is, and its named parts."""

    kind: str
    start: int
    end: int
    text: str
    parts: dict[str, str]


_MONTH_CUES = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "during",
        "before",
        "after",
        "between",
        "of",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "and",
        "to",
        "or",
        "for",
        "a",
        "an",
    ]
)
_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|June|July|August|September|October|November|December)\s+(?:to|and|or)\s+$"
)
_MONTH_VERB = re.compile(
    r"\s+(?:alone\s+)?(?:will|was|is|has|had|saw|brought|began|ended)\b"
)  # "October alone brought"
_NOT_MAY = frozenset(["and", "to", "or", "for", "a", "an"])  # "may" is a verb; "a May" is rare
_NOT_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:no|number|flight|route|highway|room|page|pages|pp|model|version|apollo|soyuz|salyut|"
    r"vostok|progress|expedition|sts|pad|gate|channel|windows|office|asteroid|comet|act)\.?\s*)$|[\w]-$|\d\s$"
    r"|©\s*$"  # "the Public Records Act 1998", "© 2022 Valley Herald"
)
_NOT_YEAR_AFTER = re.compile(  # "2000 people", "2021 GK7", "0471 2021 88" (a telephone number)
    r"\s+[A-Z]{1,3}\d|\s+(?:km|m|kg|t|mph|kph|metres|meters|miles|feet|ft|people|tonnes|tons)\b(?!['’])|\s\d"
)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b(?!['’])")  # "2000 seats", unless "in 1952 as", "of 1793 describes"
_DATE_PREPOSITION = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|between)\s*)$"
)
_YEAR_CUES = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|through|during|before|after|of|circa|c\.|around|about|"
    r"early|late|mid|between|and|to)[\s-]*)$"
)
_FIGURATIVE = re.compile(
    r"(?i:\b(?:as\s+if|as\s+though|like)\s+(?:it|that)\s+(?:was|were|is|had\s+been)\s+)$"
)
FISCAL_END_WORDS = (
    r"(?i:\b(?:fiscal|financial)\s+year,?\s+(?:which\s+|that\s+)?(?:ends?|ending|closes|runs\s+(?:to|through|until))"
    r"\s+(?:on\s+|in\s+|at\s+the\s+end\s+of\s+)?)"
)
FISCAL_END = re.compile(FISCAL_END_WORDS + "$")
FISCAL_DEFINITION = re.compile(FISCAL_END_WORDS + r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _month("fm"))
_SHORT_YEAR_CUES = re.compile(r"(?i:\b(?:in|since|from|of|by|until|till|during)\s+)$")
_SEASON_CUES = frozenset(
    ["in", "during", "over", "for", "by", "until", "till", "through", "throughout", "since"]
)
_NOWADAYS = re.compile(r"(?i:\b(?:stands?|remains?|survives?|exists?|still)\s+)$")  # "that stands today"
_THAN = re.compile(r"\s+than\b")
_THAN_BEFORE = re.compile(r"(?i:\bthan\s+)$")
_BASE_BEFORE = re.compile(r"(?i:\b(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+)$")
_SAME_PERIOD = re.compile(  # "up 8% on the same period last year": the base of a comparison
    r"(?i:\b(?:from|on|over|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:in\s+)?the\s+same\s+"
    r"(?:period|quarter|month|week|time|day|months|weeks)\s+(?:of\s+|in\s+)?)$"
)
# "for the second time in four months", "the biggest fall in five years": a span of time, no date
_DURATION = re.compile(
    r"(?i:\b(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|only|most|least|best|worst|times?|"
    r"(?!(?:inter|w|t|requ|prot|for|harv|sugg|qu|r|n|ch|arr|cont|gu|v|inv|manif|hon|mod|earn)est\b)[a-z]+est)"
    r"\b(?:[^\w,;:]+[\w'’-]+){0,4}?[^\w,;:]+)$"
)
_DAYPART_CUES = re.compile(r"(?i:\b(?:by|in|during|until|till|through)\s+)$")
_HOLIDAY_CUES = re.compile(
    r"(?i:\b(?:by|until|till|since|on)\s+)$"
)  # "by Christmas"; "at Christmas" may be every year
_DECADE_BEFORE = re.compile(r"\d0['’]?s\s*(?:[-–]|and|to|or|through)\s*(?:the\s+)?$")  # "the 1960s and 70s"
_NAMED = re.compile(r"\s+[A-Z][a-z]")  # "June Talliver": a month that opens a name
_THE_LAST = re.compile(r"(?i:\bthe\s+(?:very\s+)?)$")
_EVERY = re.compile(r"(?i:\b(?:every|each)\s+(?:other\s+)?(?:\w+\s+and\s+)?)$")  # "every Tuesday and Friday"
_SOME_DAY = re.compile(r"(?i:\b(?:a|an|one|some|that)\s+(?:[a-z]+\s+)?)$")  # "one Sunday", "a grey Sunday"
_NOT_WEEKDAY = re.compile(r"(?:Black|Good|Cyber|Super|Ash|Holy|Palm|Easter|Bloody|Man)\s+$")


def _plausible(kind: str, sentence: str, match: re.Match[str], latest_year: int) -> bool:
    """Rules that keep words and numbers which only look like dates out."""
    before = sentence[: match.start()]
    parts = match.groupdict()
    if kind == "month" and not parts.get("mod"):
        cue = re.search(r"([A-Za-z]+)[\s-]*$", before)
        word = cue.group(1).lower() if cue else ""
        if parts["m"] == "May" and word in _NOT_MAY and _MONTH_BEFORE.search(before):
            return True  # "from March to May"
        if word not in _MONTH_CUES or (parts["m"] == "May" and word in _NOT_MAY):
            subject = not before.strip(" \"“‘'") or _MONTH_VERB.match(sentence, match.end())
            possessive = re.match(r"['’]s\b", sentence[match.end() - 2 :])
            named = _NAMED.match(sentence, match.end())
            return bool(subject or possessive) and parts["m"] != "May" and not named
    if kind == "year" and not parts.get("mod"):
        year = int(parts["y"])
        if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(sentence, match.end()):
            return False
        if _PLURAL_AFTER.match(sentence, match.end()) and not _DATE_PREPOSITION.search(before):
            return False
        return bool(_YEAR_CUES.search(before)) or 1800 <= year <= latest_year
    if kind in ("daypart", "holiday", "decade", "offset") and not _cued(kind, match, before):
        return False
    if kind == "relday":
        return not (_FIGURATIVE.search(before) or _NOWADAYS.search(before))
    if kind in ("period", "offset") and (
        _THAN.match(sentence, match.end()) or _THAN_BEFORE.search(before) or _SAME_PERIOD.search(before)
    ):
        return False  # "a week later than last year", "up on the same period last year": comparisons
    if kind in ("mdy", "dmy", "month") and FISCAL_END.search(before):
        return False  # "whose fiscal year ends on June 30": every year, not a date
    if kind == "shortyear":
        return bool(_SHORT_YEAR_CUES.search(before))  # "in '98", not a quotation mark before a number
    if kind == "season":
        cue = re.search(r"([A-Za-z]+)\s*$", before)
        return cue is not None and cue.group(1).lower() in _SEASON_CUES
    if kind == "period" and (parts.get("prel") or "").lower() == "last" and _THE_LAST.search(before):
        return False  # "the last day of the consultation", "over the last year": no date
    if kind == "weekday":
        some_day = not parts.get("wrel") and _SOME_DAY.search(before)  # not "a judge on Monday"
        return not (_NOT_WEEKDAY.search(before) or _EVERY.search(before) or some_day)
    if kind == "offset" and (parts.get("dir") or "").lower() in (
        "before",
        "after",
        "afterwards",
        "afterward",
    ):
        return not re.match(r"\s+[a-z]", sentence[match.end() :])
    return True


def _cued(kind: str, match: re.Match[str], before: str) -> bool:
    """The words before an expression that make it a date, or show it is none."""
    parts = match.groupdict()
    if kind == "daypart":  # "by early evening", "during the afternoon"
        return bool(_DAYPART_CUES.search(before))
    if kind == "holiday" and parts["holiday"] == "Christmas":
        return bool(_HOLIDAY_CUES.search(before))
    if kind == "decade" and parts.get("dec3"):
        return bool(_DECADE_BEFORE.search(before))
    if kind == "offset" and match.group().lower().startswith("in") and _DURATION.search(before):
        return False  # "for the second time in four months": a span of time
    # "fell 21% from a year earlier": a year-on-year comparison, no date of its own
    yearly = kind == "offset" and (parts.get("unit") or "").lower() == "year"
    return not (yearly and _BASE_BEFORE.search(before))


def find(sentence: str, latest_year: int) -> list[Mention]:
    """The date expressions of ``sentence``, left to right, overlaps resolved to the longest."""
    found: list[Mention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            if match.end() > match.start() and _plausible(kind, sentence, match, latest_year):
                parts = {k: v for k, v in match.groupdict().items() if v is not None}
                found.append(Mention(kind, match.start(), match.end(), match.group(), parts))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
