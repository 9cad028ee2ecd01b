"""Quotation marks: the spans of quoted passages in a text, found in one linear scan.

Straight and curly double quotes, guillemets, low-9 marks and the New York Times' two single quotes ('') all
count. A quote is never continued across a paragraph break: a quote left open at the end of a paragraph is
closed there (the next paragraph may reopen it, the news convention for long quotes); a stray mark with no
partner is closed at the end of its sentence.

>>> quote_spans('He said "yes" and «no».')
[(8, 13), (18, 22)]
>>> is_quote_mark("“"), is_quote_mark("'")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["QUOTE_MARKS", "is_quote_mark", "quote_spans", "has_quote_mark"]

OPENING = "“«„"
CLOSING = "”»"
#: every double quotation mark (the NYT's '' is matched separately)
QUOTE_MARKS = '"“”«»„'
_MARK = re.compile(r"''(?!')|[\"“”«»„]")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])")
_LINE = re.compile(r"[^\n]+")


def is_quote_mark(text: str) -> bool:
    """Is ``text`` a double quotation mark (or the NYT's '')?"""
    return text in QUOTE_MARKS or text == "''"


def has_quote_mark(text: str) -> bool:
    """Does ``text`` contain a double quotation mark?

    >>> has_quote_mark("a ''quoted'' word"), has_quote_mark("it's")
    (True, False)
    """
    return _MARK.search(text) is not None


def _opens(text: str, i: int, i_end: int, p0: int, p1: int, open_at: int) -> bool:
    """Does the mark at ``text[i:i_end]`` open a quote (else it closes the open one)?"""
    ch = text[i:i_end]
    prev = text[i - 1] if i > p0 else " "
    nxt = text[i_end] if i_end < len(text) else " "
    next_boundary = nxt.isspace() or nxt in ".,;:!?)—–" or i_end >= p1
    prev_boundary = prev.isspace() or prev in "([{—–-/:" or i == p0
    if ch in OPENING:  # a typo'd closing mark ('unusual,“ said') closes the open quote
        return not (open_at >= 0 and next_boundary and not prev_boundary)
    if ch in CLOSING:
        return open_at < 0 and prev_boundary and not next_boundary
    if open_at >= 0:  # a new quote opens only if it looks so
        return prev_boundary and not next_boundary
    return not (next_boundary and not prev_boundary)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _close_open(text: str, open_at: int, p1: int) -> int:
    """Where a quote still open at the end of its paragraph ends."""
    following = text[p1 : p1 + 8].lstrip()
    if following.startswith(tuple(QUOTE_MARKS)) or following.startswith("''"):
        return _rstrip(text, open_at, p1)
    stop = _SENTENCE_END.search(text, open_at + 1, p1)
    return stop.end() if stop else p1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages, quotation marks included, in order; never across a paragraph break."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        p0, p1 = line.span()
        open_at = -1
        for m in _MARK.finditer(text, p0, p1):
            i, i_end = m.span()
            if _opens(text, i, i_end, p0, p1, open_at):
                if open_at >= 0:  # nested or unclosed quote: end the previous one before this mark
                    end = _rstrip(text, open_at, i)
                    if end > open_at + 1:
                        spans.append((open_at, end))
                open_at = i
            elif open_at >= 0:
                spans.append((open_at, i_end))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, _close_open(text, open_at, p1)))
    return spans
