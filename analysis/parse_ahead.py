"""Parsing ahead: the sentences the analyses of an article will ask the parser for, parsed before they ask.

The parse is lazy (:class:`~analysis.parse.ParsedArticle`): the quote finder asks for its candidate
sentences, the government mentions for theirs, each in a batch of its own. Every call to spaCy has a fixed
cost of about 4 ms (as much as parsing four sentences), so a corpus run pays it twice per article for nine
sentences on average. Here the sentences the analyses *will* ask for are predicted from the surface (the
quote prefilter's choice, the sentences holding a government name the surface rules accept) and parsed for
several articles in one stream (:func:`analysis.parse.parse_many`); the analyses then find them parsed.

Nothing else changes: a parse does not depend on the other sentences of its batch, a prediction that misses
a sentence only leaves it to the lazy parse, and articles long enough for a parse budget to matter (more than
:data:`analysis.quotes.extract.PARSE_BUDGET` characters) are not parsed ahead at all.

>>> from analysis.context import ArticleContext
>>> context = ArticleContext.of("Seoul pressed China, officials said. Rain fell. China said nothing.")
>>> planned_sentences(context, {"quotes", "mentions"})
[0, 2]
>>> parse_ahead([context, ArticleContext.of("Rain fell.")], {"quotes", "mentions"})
>>> context.parsed.stats["sentences_parsed"]
2
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .parse import parse_many

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .context import ArticleContext

__all__ = ["USES", "mention_sentences", "parse_ahead", "planned_sentences", "quote_sentences"]

log = logging.getLogger(__name__)

#: The shared results whose sentences can be predicted: ``context.quotes`` and ``context.mentions``.
USES = frozenset({"quotes", "mentions"})


def quote_sentences(article: Article) -> list[int]:
    """The sentences the quote finder will parse (:func:`analysis.quotes.extract.article_frames`): the
    prefilter's candidates, less the lines that are never attributions and blank sentences; none for a text
    longer than the quote finder's parse budget (there the budget decides).

    >>> from analysis.article import Article
    >>> quote_sentences(Article.from_text("Kim said talks would resume. Prices are high."))
    [0]
    """
    from .quotes.extract import PARSE_BUDGET, candidate_sentences, excluded_lines
    from .quotes.marks import quote_spans

    text = article.text
    if len(text) > PARSE_BUDGET:
        return []
    excluded = excluded_lines(text)
    kept = {
        s.index
        for s in article.sentences
        if s.text.strip() and not any(a <= s.start < b for a, b in excluded)
    }
    return [i for i in candidate_sentences(article, quotes=quote_spans(text)) if i in kept]


def mention_sentences(article: Article) -> list[int]:
    """The sentences the government mentions will parse (:func:`analysis.mentions.decide_mentions`): those
    holding a gazetteer match the surface rules accept.

    >>> from analysis.article import Article
    >>> mention_sentences(Article.from_text("Rain fell. Seoul pressed China."))
    [1]
    """
    from .gazetteer import default_gazetteer

    wanted = set()
    for m in default_gazetteer().candidates(article.text):
        if m.is_government:
            s = article.sentence_at(m.start)
            if s is not None:
                wanted.add(s.index)
    return sorted(wanted)


def planned_sentences(context: ArticleContext, uses: Collection[str]) -> list[int]:
    """The sentences of ``context`` that the shared results in ``uses`` (``"quotes"``, ``"mentions"``) will
    parse, sorted; none for an article longer than its parse budget or already parsed in part."""
    article, parsed = context.article, context.parsed
    if len(article.text) > parsed.max_chars or parsed.stats["sentences_parsed"]:
        return []
    wanted: set[int] = set()
    if "quotes" in uses and not context.computed()["quotes"]:
        wanted.update(quote_sentences(article))
    if "mentions" in uses and not context.computed()["mentions"]:
        wanted.update(mention_sentences(article))
    return sorted(wanted)


def parse_ahead(contexts: Sequence[ArticleContext], uses: Collection[str]) -> None:
    """Parse, in one stream, the sentences each context's analyses will ask for (``uses``: the shared
    results they read). For one article alone, the mentions' sentences are only announced
    (:meth:`~analysis.parse.ParsedArticle.expect`) and parsed with the quote finder's batch: predicting the
    quote finder's own choice costs about as much as the call to spaCy it would save. A failure here is not
    an error of any article: it is logged and the analyses parse lazily, as without this step, and report
    whatever is wrong with the article that has it."""
    uses = set(uses) & USES
    if not uses or not contexts:
        return
    try:
        if len(contexts) == 1:
            if "mentions" in uses and not contexts[0].computed()["mentions"]:
                contexts[0].parsed.expect(mention_sentences(contexts[0].article))
            return
        parse_many([(c.parsed, planned_sentences(c, uses)) for c in contexts])
    except Exception as exc:  # noqa: BLE001 - an optimisation only; the lazy parse will meet the problem
        log.debug("parsing ahead failed (%s: %s); the analyses parse lazily", type(exc).__name__, exc)
