"""From a text (or an article's context) to frames: which sentences to parse, and parsing them once.

Only candidate sentences are parsed: those with a word form the cue model knows (or a colon); the others
become unparsed frames (their offsets and quotation marks are still used for contents that cross a sentence
break). Lines that are never attributions (bylines, "Follow X on Twitter", photo credits, video promos:
``[lines]`` in ``quotes.toml``) are left out altogether.

>>> frames = article_frames("Kim said talks would resume. Rain fell.")
>>> [(f.index, f.parsed) for f in frames]
[(0, True), (1, False)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..article import Article
from ..parse import ParsedArticle
from .candidates import Frame, make_frames
from .lexicon import lexicon
from .marks import quote_spans
from .model import MODEL_FILE

__all__ = ["article_frames", "candidate_sentences", "excluded_lines", "headline_end"]

#: at most this many characters of one text are parsed for attribution (the longest PolNeAR article has 28k);
#: sentences past it are not looked at, so a pasted 10 MB dump stays fast and linear
PARSE_BUDGET = 100_000
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=2)
def _cue_forms(path: str) -> frozenset[str]:
    import json

    with open(path, encoding="utf-8") as handle:
        return frozenset(json.load(handle).get("cue_forms", []))


def cue_forms() -> frozenset[str]:
    """Lower-case word forms of the cue lemmas (the surface test for "may hold a cue")."""
    return _cue_forms(str(MODEL_FILE))


def headline_end(text: str) -> int:
    """End offset of a headline line (a short first line without final punctuation, before a line break), or
    -1.

    >>> headline_end("Rubio: I Still Believe\\n\\nHe spoke."), headline_end("He spoke.\\nThen left.")
    (22, -1)
    """
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0].rstrip()
    if "\n" not in stripped or not first or len(first) > 200 or first[-1] in ".!?\"”'’":
        return -1
    return len(text) - len(stripped) + len(first)


def excluded_lines(text: str) -> list[tuple[int, int]]:
    r"""Spans of the lines that are never attributions: bylines, photo captions and credits, video promos
    (``[lines]`` in ``quotes.toml``), and every line of a "JUST WATCHED ... MUST WATCH" promo block.

    >>> text = "Kim said no.\n\nJUST WATCHED\n\nTrump: 'We win'\n\nMUST WATCH\n\nKevin Lamarque/Reuters"
    >>> [text[a:b] for a, b in excluded_lines(text)]
    ['JUST WATCHED', "Trump: 'We win'", 'MUST WATCH', 'Kevin Lamarque/Reuters']
    """
    patterns = lexicon().line_patterns
    out = []
    in_promo = False
    for m in _LINE.finditer(text):
        line = m.group().strip()
        low = line.lower()
        if low == "just watched":
            in_promo = True
        if in_promo or (len(line) < 400 and any(p.match(line) for p in patterns)):
            out.append(m.span())
        if low == "must watch" or (in_promo and len(line) > 200):
            in_promo = False
    return out


def candidate_sentences(article: Article, forms: frozenset[str]) -> list[int]:
    """Indices of the sentences that may hold a cue (a known cue form or a colon)."""
    out = []
    for s in article.sentences:
        if ":" in s.text or any(w.lower() in forms for w in _WORDS.findall(s.text)):
            out.append(s.index)
    return out


def _within_budget(sentences, budget: int) -> list[int]:
    """The indices of the sentences that fit the parse budget (later ones are left unparsed, unasked)."""
    out, used = [], 0
    for s in sentences:
        used += len(s.text)
        if used > budget:
            break
        out.append(s.index)
    return out


def article_frames(
    text_or_article: str | Article, parsed: ParsedArticle | None = None, parse_all: bool = False
) -> list[Frame]:
    """The frames of a text (``Article.raw``) or an article, parsing the candidate sentences (or all)."""
    article = text_or_article if isinstance(text_or_article, Article) else Article.raw(text_or_article)
    text = article.text
    excluded = excluded_lines(text)
    sentences = [
        s for s in article.sentences if not any(a <= s.start < b for a, b in excluded) and s.text.strip()
    ]
    wanted = [s.index for s in sentences] if parse_all else candidate_sentences(article, cue_forms())
    keep = {s.index for s in sentences}
    parsed = parsed or ParsedArticle(article)
    budget = min(parsed.max_chars, PARSE_BUDGET)
    wanted = _within_budget([article.sentences[i] for i in wanted if i in keep], budget)
    docs = {p.sentence.index: p.doc for p in parsed.sentences(wanted) if p.parsed}
    spans = [(s.index, s.start, s.end) for s in sentences]
    return make_frames(text, spans, docs, quote_spans(text), headline_end(text))
