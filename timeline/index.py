"""Precomputed indexes over a snapshot's events, built once at load time.

Sets of events are bitsets held in Python ints (bit *i* = the *i*-th event in chronological
order): AND/OR and ``bit_count()`` run in C, so facet counts over 100,000 events cost
microseconds, never a scan.  Dates use bisection over the sorted start bounds; the few events
whose span is long (or open) are checked one by one.  Text search is a substring find over one
folded blob.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

LONG_SPAN = 400 * 86400  # events longer than this (or open) are checked individually
SEPARATOR = "\x00"


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (Cyrillic й→и, ё→е too)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


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
        """Events whose folded text contains ``needle`` (already folded)."""
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
