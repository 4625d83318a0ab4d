"""Precomputed indexes over a snapshot's events, built once at load time.

Sets of events are bitsets held in Python ints (bit *i* = the *i*-th event in chronological
order): AND/OR and ``bit_count()`` run in C, so facet counts over 100,000 events cost
microseconds, never a scan.  Dates use bisection over the sorted start bounds; the few events
whose span is long (or open) are checked one by one.  Text search is a substring find over one
folded blob, once for each word or phrase of the search.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

LONG_SPAN = 400 * 86400  # events longer than this (or open) are checked individually
SEPARATOR = "\x00"


# Transliteration: anyascii (ISC licence, like our MIT one; Unidecode is GPL). Letters lose
# their accents first (NFKD), so й→и and ё→е as a Russian reader writes them: "Байконур" →
# "baikonur", "Королёв" and "Королев" → "korolev". Apostrophes go (ь, ъ and ’ become "'"),
# so "Пересильд" → "peresild" and "Kazakhstan’s" → "kazakhstans".
_DROP = str.maketrans("", "", "'")


def fold(text: str) -> str:
    """The form every indexed text and every search term is compared in.

    Case-, accent- and script-insensitive: Latin, Cyrillic and every other script become
    lower-case ASCII. The one place text is folded: anything indexed goes through here, and
    ``fold(text)`` equals the folds of its characters joined (``fold_map`` relies on it).
    """
    if text.isascii():
        return text.lower().translate(_DROP)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return anyascii(bare).lower().translate(_DROP)


def fold_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the position in ``text`` it comes from."""
    if text.isascii():
        kept = [i for i, c in enumerate(text) if c != "'"]
        return fold(text), kept
    parts, origin = [], []
    for position, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        origin += [position] * len(folded)
    return "".join(parts), origin


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


# A search is words and "quoted phrases" (straight or typographic quotes, or «guillemets»);
# every one must occur. Punctuation around a bare word is ignored ("Gagarin," is "gagarin").
_TERM = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|(\S+)')
_EDGE = "\"'“”«»‘’()[]{},.;:!?"


def terms(query: str) -> tuple[str, ...]:
    """The folded words and phrases of a search text, each of which an event must contain."""
    found: list[str] = []
    for match in _TERM.finditer(query):
        phrase = next(g for g in match.groups() if g is not None)
        if match.group(4) is not None:
            phrase = phrase.strip(_EDGE)
        folded = " ".join(fold(phrase).split())
        if folded and folded not in found:
            found.append(folded)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Index:
    """Everything a query needs, precomputed."""

    size: int
    all: int
    by_actor: dict[str, int]
    by_country: dict[str, int]
    by_tag: dict[str, int]
    by_source: dict[str, int]  # events citing each source (for source pages)
    by_outcome: dict[str, int]  # planned events whose outcome is each event (for event pages)
    anchors: tuple[int, ...]
    his: tuple[int, ...]
    long: tuple[int, ...]  # positions of long or open-ended events
    blob: str
    offsets: tuple[int, ...]

    def facet(self, name: str) -> dict[str, int]:
        """The bitsets of a facet (``actor``, ``country``, ``tag``) or, for pages, ``source``/``outcome``."""
        tables = {"actor": self.by_actor, "country": self.by_country, "tag": self.by_tag,
                  "source": self.by_source, "outcome": self.by_outcome}  # fmt: skip
        return tables[name]

    def overlapping(self, start: int, end: int) -> int:
        """Events whose span overlaps ``[start, end)``."""
        anchors, his = self.anchors, self.his
        first = bisect_left(anchors, start)
        stop = bisect_left(anchors, end)
        bits = ((1 << (stop - first)) - 1) << first if stop > first else 0
        # Events that began before ``start`` overlap only if they last past it.
        for position in range(bisect_left(anchors, start - LONG_SPAN), min(first, stop)):
            if his[position] > start:
                bits |= 1 << position
        # A long event that began (or may have begun) before ``start``; it began before ``end``.
        for position in self.long:
            if position < first and his[position] > start:
                bits |= 1 << position
        return bits

    def matching(self, needle: str) -> int:
        """Events whose folded text contains ``needle`` (already folded: see :func:`terms`)."""
        if not needle:
            return self.all
        blob, offsets, found = self.blob, self.offsets, []
        at = blob.find(needle)
        while at != -1:
            position = bisect_right(offsets, at) - 1
            found.append(position)
            if position + 1 >= len(offsets):
                break
            at = blob.find(needle, offsets[position + 1])
        return bits_of(found, self.size)


def bits_of(positions: Iterable[int], size: int) -> int:
    """A bitset of ``positions`` (< ``size``), built in O(size) rather than O(size × count)."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def positions(bits: int, skip: int, limit: int) -> list[int]:
    """The positions of set bits, in order, after skipping ``skip`` of them; at most ``limit``."""
    if skip >= bits.bit_count():
        return []
    if skip:
        low, high = 0, bits.bit_length()
        while low < high:  # the smallest width holding more than ``skip`` set bits
            mid = (low + high) // 2
            if (bits & ((1 << mid) - 1)).bit_count() > skip:
                high = mid
            else:
                low = mid + 1
        base = low - 1
        bits >>= base
        found = [base]
        bits &= ~1
    else:
        base, found = 0, []
    while bits and len(found) < limit:
        lowest = bits & -bits
        offset = lowest.bit_length() - 1
        found.append(base + offset)
        bits ^= lowest
    return found[:limit]


# The set bits of each byte value, lowest first: ``each`` walks a bitset a byte at a time.
_BYTE_BITS = tuple(tuple(b for b in range(8) if value >> b & 1) for value in range(256))


def each(bits: int, *, reverse: bool = False) -> Iterator[int]:
    """Every position of a set bit, in order (or last first), in time linear in the bitset's size.

    :func:`positions` copies the whole int for each bit it clears: fine for a page of 100,
    quadratic for an export of 100,000.
    """
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    indexes = range(len(data) - 1, -1, -1) if reverse else range(len(data))
    for i in indexes:
        if byte := data[i]:
            found = _BYTE_BITS[byte]
            for bit in reversed(found) if reverse else found:
                yield i * 8 + bit
