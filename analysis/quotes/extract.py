"""From a text (or an article's context) to frames: which sentences to parse, and parsing them once.

Only candidate sentences are parsed: those the prefilter (:mod:`.prefilter`) expects to hold a cue the cue
model will find, from surface features of their words; the others become unparsed frames (their offsets
and quotation marks are still used for contents that cross a sentence break). Lines that are never
attributions (bylines, "Follow X on Twitter", photo credits, video promos: ``[lines]`` in ``quotes.toml``)
are left out altogether.

>>> frames = article_frames("Kim said talks would resume. Rain fell.")
>>> [(f.index, f.parsed) for f in frames]
[(0, True), (1, False)]
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ..article import Article
from ..parse import ParsedArticle
from .candidates import Frame, make_frames
from .lexicon import lexicon
from .marks import quote_spans
from .model import cue_forms, load_models
from .prefilter import choose_sentences

__all__ = ["article_frames", "candidate_sentences", "excluded_lines", "headline_end"]

#: at most this many characters of one text are parsed for attribution (the longest PolNeAR article has 28k);
#: sentences past it are not looked at, so a pasted 10 MB dump stays fast and linear
PARSE_BUDGET = 100_000
_LINE = re.compile(r"[^\n]+")


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


def candidate_sentences(
    article: Article, path: str | Path | None = None, quotes: list[tuple[int, int]] | None = None
) -> list[int]:
    """Indices of the sentences worth parsing for attribution (the prefilter of the model file ``path``,
    default the shipped one; ``quotes``: the text's quotation spans when already known).

    >>> candidate_sentences(Article.raw("Kim said talks would resume. Prices are high."))
    [0]
    """
    quotes = quote_spans(article.text) if quotes is None else quotes
    return _choose(article.text, article.sentences, quotes, path, None)


def _choose(text: str, sentences, quotes, path: str | Path | None, budget: int | None) -> list[int]:
    spans = [(s.index, s.start, s.end) for s in sentences]
    model = load_models(path).get("prefilter")
    return choose_sentences(text, spans, quotes, cue_forms(path), model, budget)


def article_frames(
    text_or_article: str | Article,
    parsed: ParsedArticle | None = None,
    parse_all: bool = False,
    path: str | Path | None = None,
) -> list[Frame]:
    """The frames of a text (``Article.raw``) or an article, parsing the candidate sentences (or all; the
    prefilter of the model file ``path``, default the shipped one)."""
    article = text_or_article if isinstance(text_or_article, Article) else Article.raw(text_or_article)
    text = article.text
    excluded = excluded_lines(text)
    sentences = [
        s for s in article.sentences if not any(a <= s.start < b for a, b in excluded) and s.text.strip()
    ]
    qspans = quote_spans(text)
    parsed = parsed or ParsedArticle(article)
    budget = min(parsed.max_chars, PARSE_BUDGET)
    if parse_all:
        lengths = itertools.accumulate(len(s.text) for s in sentences)
        wanted = [s.index for s, used in zip(sentences, lengths, strict=True) if used <= budget]
    else:
        wanted = _choose(text, sentences, qspans, path, budget)
    docs = {p.sentence.index: p.doc for p in parsed.sentences(wanted) if p.parsed}
    spans = [(s.index, s.start, s.end) for s in sentences]
    return make_frames(text, spans, docs, qspans, headline_end(text))
