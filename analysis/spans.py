"""Lookups of character spans in sorted lists, in logarithmic time.

Several analyses ask "which sentence holds this offset", "is this mention inside a quote", "does this hit
overlap a mention already found". Scanning every span for every question is quadratic and stalls on a huge
input (a 10 MB dump has tens of thousands of sentences and mentions); :class:`SpanIndex` answers the same
questions with a binary search.

>>> index = SpanIndex([(0, 10), (10, 25), (30, 40)])
>>> index.position_of(12), index.position_of(27), index.covering(31, 35), index.overlapping(20, 32)
(1, None, [2], [1, 2])
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence


class SpanIndex:
    """Character spans ``(start, end)`` (end exclusive), kept in the order given, searchable by offset.

    Positions returned are indices into the sequence given to the constructor.

    >>> SpanIndex([(5, 9), (0, 3)]).covering(6, 8)
    [0]
    """

    __slots__ = ("_ends", "_max_length", "_order", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        spans = [(int(s), int(e)) for s, e in spans]
        self._order = sorted(range(len(spans)), key=lambda i: spans[i])
        self._starts = [spans[i][0] for i in self._order]
        self._ends = [spans[i][1] for i in self._order]
        self._max_length = max((e - s for s, e in spans), default=0)

    def __len__(self) -> int:
        return len(self._order)

    def _candidates(self, lo: int, hi: int) -> range:
        """Sorted positions whose start lies in ``[lo, hi)``."""
        return range(bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi))

    def covering(self, start: int, end: int) -> list[int]:
        """Positions of the spans that contain ``[start, end)`` whole, in order of their start.

        >>> SpanIndex([(0, 10), (2, 4)]).covering(2, 4)
        [0, 1]
        """
        found = []
        for k in self._candidates(start - self._max_length, start + 1):
            if self._ends[k] >= end:
                found.append(self._order[k])
        return found

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions of the spans that share at least one character with ``[start, end)``
        (an empty query span overlaps the spans that contain its offset).

        >>> SpanIndex([(0, 5), (5, 9)]).overlapping(4, 6)
        [0, 1]
        """
        end = max(end, start + 1)
        found = []
        for k in self._candidates(start - self._max_length, end):
            if self._ends[k] > start and self._starts[k] < end:
                found.append(self._order[k])
        return found

    def position_of(self, offset: int) -> int | None:
        """Position of the first span (by start) holding character ``offset``, or None.

        >>> SpanIndex([(0, 3), (3, 6)]).position_of(3)
        1
        """
        hits = self.covering(offset, offset + 1)
        return hits[0] if hits else None


def position_in_sorted(spans: Sequence[tuple[int, int]], offset: int) -> int | None:
    """Index of the span holding ``offset`` in ``spans`` sorted by start and not overlapping (sentences,
    paragraphs), or None; one binary search, no index to build.

    >>> position_in_sorted([(0, 4), (5, 9)], 6), position_in_sorted([(0, 4), (5, 9)], 4)
    (1, None)
    """
    i = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return i
    return None
