"""Quoted-source attribution: who is quoted or paraphrased, by whom, with which cue, and on whose behalf.

Learned from PolNeAR (hand-annotated US political news) on the spaCy parse, in five stages a reader can
follow, each a module:

1. :mod:`.candidates` — the candidate sentences are parsed; every word whose lemma may be a cue ("say",
   "according", "claim", "support", a headline's colon) is a candidate with its features;
2. :mod:`.decisions` — the cue model keeps the candidates that are cues;
3. :mod:`.spans` — the content model picks each cue's content among the parse's complements, the quotations
   and the clauses around it; quotation sentences that follow with no cue of their own continue it;
4. :mod:`.speakers` and :mod:`.resolve` — the source model picks the source (or none) among the noun
   phrases; pronouns, names and descriptions resolve to one canonical speaker per source;
5. :mod:`.sourcetypes` — speaker type, affiliation and whom a source speaks for.

The models are logistic regressions in ``analysis/models/quotes_model.json`` (``training/train_quotes.py``
rebuilds them); the word lists are in ``analysis/data/quotes.toml``. :func:`explain_quotes` shows every
candidate with its decision and reason.

>>> quotes = extract_quotes('"We will win," Kim Sung-joo said. He added that it would take time.')
>>> [(q.kind, q.cue, q.speaker) for q in quotes]
[('direct', 'said', 'Kim Sung-joo'), ('indirect', 'added', 'Kim Sung-joo')]
"""

from __future__ import annotations

import re
from pathlib import Path

from ..article import Article, Sentence
from ..errors import ArgumentError
from .attribution import Attribution, find_attributions
from .build import Quote, build_quotes
from .extract import article_frames
from .marks import quote_spans
from .model import cue_vocabulary, load_models
from .sourcetypes import SPEAKER_TYPES, country_of, place_of
from .views import TABLES, quote_records, quote_table, source_summary

__all__ = [
    "SPEAKER_TYPES",
    "TABLES",
    "Quote",
    "country_of",
    "explain_quotes",
    "extract_quotes",
    "find_quotes",
    "place_of",
    "quote_records",
    "quote_spans",
    "quote_table",
    "quotes_for_article",
    "source_summary",
]


def _raw_article(text: str, sentences: list[tuple[int, int]] | None) -> Article:
    article = Article.raw(text)
    if sentences is not None:
        article.__dict__["sentences"] = [
            Sentence(i, a, b, 0, text[a:b]) for i, (a, b) in enumerate(sentences) if 0 <= a < b <= len(text)
        ]
    return article


def _paragraph_starts(text: str) -> list[int]:
    return sorted({0, *(m.end() for m in re.finditer(r"\n\s*", text))})


def _quotes_of(article: Article, parsed=None, explain: bool = False, model=None) -> tuple[list[Quote], list]:
    frames = article_frames(article, parsed, path=model)
    found, cues = find_attributions(frames, load_models(model), cue_vocabulary(model), explain=explain)
    return build_quotes(article.text, frames, found, _paragraph_starts(article.text)), cues


def extract_quotes(
    text: str, sentences: list[tuple[int, int]] | None = None, *, model: str | Path | None = None
) -> list[Quote]:
    """Every attribution in ``text`` with content, cue, speaker, type, affiliation and anonymity; offsets are
    into exactly ``text``. ``sentences`` (optional): precomputed ``(start, end)`` sentence spans of ``text``;
    ``model`` (optional): another model file written by ``training/train_quotes.py`` (default: the shipped
    ``analysis/models/quotes_model.json``).

    >>> q = extract_quotes("Prices will rise, according to Seoul's Unification Ministry.")[0]
    >>> (q.text, q.kind, q.cue, q.speaker, q.speaker_type, q.affiliation)  # doctest: +NORMALIZE_WHITESPACE
    ('Prices will rise', 'indirect', 'according to', "Seoul's Unification Ministry", 'government',
     'South Korea')
    """
    if not isinstance(text, str):
        raise ArgumentError(f"extract_quotes(text): expected a str, got {type(text).__name__}")
    if not text.strip():
        return []
    if model is not None and not Path(model).is_file():
        raise ArgumentError(f"extract_quotes(model): no model file at {model}")
    return _quotes_of(_raw_article(text, sentences), model=model)[0]


def explain_quotes(text: str) -> list[dict]:
    """Every cue candidate of ``text`` with its decision and reason, and the quote it became (if any).

    >>> rows = explain_quotes("Kim said talks would resume.")
    >>> [(r["cue"], r["decision"]) for r in rows]
    [('said', 'quote'), ('talks', 'rejected')]
    >>> rows[1]["reason"].startswith("not a cue")
    True
    """
    if not isinstance(text, str):
        raise ArgumentError(f"explain_quotes(text): expected a str, got {type(text).__name__}")
    if not text.strip():
        return []
    quotes, cues = _quotes_of(_raw_article(text, None), explain=True)
    by_cue = {(q.cue_start, q.cue_end): q for q in quotes}
    rows = []
    for c in cues:
        q = by_cue.get((c.start, c.end))
        rows.append(
            {
                "cue": c.text,
                "cue_start": c.start,
                "sentence": c.frame.index,
                "probability": round(c.probability, 3),
                "decision": "quote" if q is not None else "rejected",
                "reason": q.reason if q else c.reason,
                "content": q.text if q else None,
                "speaker": q.speaker if q else None,
            }
        )
    return rows


def quotes_for_article(article) -> list[Quote]:
    """Attributions of an :class:`~analysis.article.Article` (offsets into ``article.text``)."""
    if not isinstance(article, Article):
        raise ArgumentError("quotes_for_article(article): expected an Article with a .text string")
    return _quotes_of(article)[0]


def find_quotes(context) -> list[Quote]:
    """The attributions of the article of an :class:`~analysis.context.ArticleContext` (offsets into
    ``article.text``), using and filling its shared parse; ``context.quotes`` holds the result."""
    return _quotes_of(context.article, context.parsed)[0]


__all__ += ["Attribution"]
