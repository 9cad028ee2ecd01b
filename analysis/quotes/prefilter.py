"""Stage 0, which sentences to parse: a surface model guesses, before any parsing, whether a sentence holds a
cue the cue model will find.

Parsing is most of the cost of attribution, and most words whose form may be a cue are not one ("is", "are",
"made", "support"). Each word whose form the cue model knows (and each colon) gets surface features: the
form, its neighbours ("they say", "to talk"), whether it stands inside, just after or just before a
quotation, whether a capitalised word precedes it. The ``prefilter`` model (a logistic regression in
``quotes_model.json``, trained on PolNeAR by ``training/train_quotes.py`` with the words where the trained
cue model found a true attribution as positives) scores each; a sentence is parsed when its best word
reaches the model's threshold. A model file without a ``prefilter`` parses every sentence with a known
form.

>>> from analysis.quotes.model import cue_forms, load_models
>>> model, forms = load_models()["prefilter"], cue_forms()
>>> text = "Kim said talks would resume. Prices are high."
>>> word_score(model, text, 0, 28, [], forms) >= model.threshold > word_score(model, text, 29, 45, [], forms)
True
"""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import LinearModel

__all__ = ["WORD", "word_features", "word_score", "choose_sentences"]

#: the surface words (and colons) the prefilter looks at
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|:")
_PRONOUNS = frozenset("i you he she it we they who".split())
_NEXT_CLAUSE = frozenset(("that", "to", "he", "she", "they", "it", "we", "i"))


def _spans_in(quotes: list[tuple[int, int]], starts: list[int], start: int, end: int) -> list:
    k = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    while k < len(quotes) and quotes[k][0] < end:
        if quotes[k][1] > start:
            out.append(quotes[k])
        k += 1
    return out


def word_features(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    forms: frozenset[str],
    starts: list[int] | None = None,
) -> list[tuple[int, list[str]]]:
    """``(offset, features)`` of every word of ``text[start:end]`` whose lower-case form is in ``forms`` (and
    of every colon); ``quotes``: the text's sorted quotation spans (``starts``: their start offsets).

    >>> [(pos, f[:2]) for pos, f in word_features("Kim said no.", 0, 12, [], frozenset({"said"}))]
    [(4, ['f=said', 'f|prev=said|kim'])]
    """
    matches = list(WORD.finditer(text, start, end))
    low = [m.group().lower() for m in matches]
    if not any(w in forms or w == ":" for w in low):
        return []
    near = _spans_in(quotes, [a for a, _ in quotes] if starts is None else starts, start, end)
    sq = bool(near)
    n = len(low)
    out = []
    for i, m in enumerate(matches):
        f = low[i]
        if f not in forms and f != ":":
            continue
        pos = m.start()
        prev = low[i - 1] if i else "<s>"
        nxt = low[i + 1] if i + 1 < n else "</s>"
        p2 = low[i - 2] if i > 1 else "<s>"
        n2 = low[i + 2] if i + 2 < n else "</s>"
        cap = i > 0 and matches[i - 1].group()[:1].isupper()
        inq = qb = qa = False
        for a, b in near:
            inq = inq or a <= pos < b
            qb = qb or pos - 6 <= b <= pos
            qa = qa or pos < a <= m.end() + 6
        out.append(
            (
                pos,
                [
                    f"f={f}",
                    f"f|prev={f}|{prev}",
                    f"f|next={f}|{nxt}",
                    f"f|inq={f}|{inq}",
                    f"f|qb={f}|{qb}",
                    f"f|qa={f}|{qa}",
                    f"f|pcap={f}|{cap}",
                    f"inq={inq}",
                    f"qb={qb}",
                    f"qa={qa}",
                    f"f|pp={f}|{prev in _PRONOUNS}",
                    f"sq={sq}",
                    f"f|sq={f}|{sq}",
                    f"f|first={f}|{i == 0}",
                    f"f|p2={f}|{p2}",
                    f"f|n2={f}|{n2}",
                    f"f|pn={f}|{prev}|{nxt}",
                    f"prev={prev}",
                    f"next={nxt}",
                    f"f|nclause={f}|{nxt in _NEXT_CLAUSE}",
                    f"f|last={f}|{i >= n - 3}",
                    f"f|pcapq={f}|{cap}|{sq}",
                ],
            )
        )
    return out


def word_score(
    model: LinearModel,
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    forms: frozenset[str],
    starts: list[int] | None = None,
) -> float:
    """The prefilter's probability for the best word of ``text[start:end]`` (0.0 when no word may be a
    cue)."""
    best = -math.inf
    for _, features in word_features(text, start, end, quotes, forms, starts):
        best = max(best, model.score(features))
    if best == -math.inf:
        return 0.0
    return 1.0 / (1.0 + math.exp(-best)) if best > -50 else 0.0


def choose_sentences(
    text: str,
    sentences: list[tuple[int, int, int]],
    quotes: list[tuple[int, int]],
    forms: frozenset[str],
    model: LinearModel | None,
    budget: int | None = None,
) -> list[int]:
    """Indices of the sentences ``(index, start, end)`` to parse: those whose best word reaches the
    prefilter's threshold (with no prefilter model: those with a word in ``forms`` or a colon), in order,
    until their characters would exceed ``budget`` (later sentences are not looked at)."""
    starts = [a for a, _ in quotes]
    out, used = [], 0
    for index, a, b in sentences:
        if model is None:
            chosen = any(m.group().lower() in forms or m.group() == ":" for m in WORD.finditer(text, a, b))
        else:
            chosen = word_score(model, text, a, b, quotes, forms, starts) >= model.threshold
        if chosen:
            used += b - a
            if budget is not None and used > budget:
                break
            out.append(index)
    return out
