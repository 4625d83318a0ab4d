"""Counting and finding set bits by position range, without touching the whole bitset each time.

A query's events are a bitset over 100,000 positions; shifting or masking that int costs time in
proportion to its size.  The axis asks hundreds of small questions ("how many in positions
1,200–1,350?"), so it reads the bitset once into bytes and answers each from a slice.
"""

from __future__ import annotations


class Bits:
    """A bitset read for range questions: ``count``, ``first``, ``positions`` within ``[start, stop)``."""

    __slots__ = ("_buffer", "bits")

    def __init__(self, bits: int) -> None:
        self.bits = bits
        self._buffer = bits.to_bytes((bits.bit_length() + 7) // 8, "little")

    def _chunk(self, start: int, stop: int) -> int:
        """The bits of positions ``[start, stop)`` as an int (bit 0 = ``start``)."""
        if stop <= start:
            return 0
        raw = int.from_bytes(self._buffer[start >> 3 : (stop + 7) >> 3], "little") >> (start & 7)
        return raw & ((1 << (stop - start)) - 1)

    def count(self, start: int, stop: int) -> int:
        """How many positions in ``[start, stop)`` are set."""
        return self._chunk(start, stop).bit_count()

    def first(self, start: int, stop: int) -> int | None:
        """The lowest set position in ``[start, stop)``, if any."""
        chunk = self._chunk(start, stop)
        return start + (chunk & -chunk).bit_length() - 1 if chunk else None

    def last(self, start: int, stop: int) -> int | None:
        """The highest set position in ``[start, stop)``, if any."""
        chunk = self._chunk(start, stop)
        return start + chunk.bit_length() - 1 if chunk else None

    def positions(self, start: int, stop: int, limit: int) -> list[int]:
        """Up to ``limit`` set positions in ``[start, stop)``, in order (read 512 at a time)."""
        found: list[int] = []
        for at in range(start, stop, 512):
            chunk = self._chunk(at, min(at + 512, stop))
            while chunk:
                lowest = chunk & -chunk
                found.append(at + lowest.bit_length() - 1)
                if len(found) >= limit:
                    return found
                chunk ^= lowest
        return found

    def nth(self, start: int, stop: int, n: int) -> int | None:
        """The ``n``-th (from 0) set position in ``[start, stop)``, if there are that many."""
        for at in range(start, stop, 512):
            chunk = self._chunk(at, min(at + 512, stop))
            count = chunk.bit_count()
            if n >= count:
                n -= count
                continue
            low, high = 1, chunk.bit_length()  # the narrowest low part of the chunk holding n + 1 bits
            while low < high:
                middle = (low + high) // 2
                if (chunk & ((1 << middle) - 1)).bit_count() > n:
                    high = middle
                else:
                    low = middle + 1
            return at + low - 1
        return None
