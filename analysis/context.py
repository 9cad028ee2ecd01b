"""The per-article context: what the analyses of one article share, made once and passed to each of them.

One :class:`ArticleContext` per article holds

- ``article``: the :class:`~analysis.article.Article` (text, paragraphs, Punkt sentences with offsets);
- ``parsed``: its lazy :class:`~analysis.parse.ParsedArticle` (spaCy parse of the sentences analyses ask for);
- ``quotes``: the attributions (:func:`analysis.quotes.find_quotes`), found on first use;
- ``mentions``: the government mentions with their government-or-not decisions
  (:func:`analysis.mentions.find_mentions`), found on first use.

Nothing is cached on the Article itself: an analysis that needs the quotes takes the context and reads
``context.quotes``; the pipeline makes the context, runs every analysis on it, and drops it with the article.
Results given to the constructor are used as they are (a caller that already has the quotes passes them in).

>>> context = ArticleContext.of("Seoul pressed China, officials said. China said nothing.")
>>> [q.speaker for q in context.quotes], sorted({m.government for m in context.mentions})
(['officials'], ['China', 'South Korea'])
>>> context.parsed.stats["sentences"]
2
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article, load_article
from .errors import ArgumentError
from .parse import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from .gazetteer import GovernmentMention
    from .quotes import Quote

__all__ = ["ArticleContext", "as_article"]


def as_article(article: Article | str | Path, function: str = "article") -> Article:
    """An Article from an Article, a path to a text file, or the text itself (an ArgumentError otherwise).

    >>> as_article("Seoul pressed China.").sentences[0].text
    'Seoul pressed China.'
    """
    if isinstance(article, Article):
        return article
    if isinstance(article, Path):
        return load_article(article)
    if isinstance(article, str):
        if "\n" not in article and len(article) < 4096 and _is_file(article):
            return load_article(article)
        return Article.from_text(article)
    raise ArgumentError(
        f"{function}: expected an Article, a file path or a text string, got {type(article).__name__}"
    )


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


class ArticleContext:
    """What the analyses of one article share (see the module docstring)."""

    __slots__ = ("article", "parsed", "_quotes", "_mentions")

    def __init__(
        self,
        article: Article,
        *,
        parsed: ParsedArticle | None = None,
        quotes: Sequence[Quote] | None = None,
        mentions: Sequence[GovernmentMention] | None = None,
    ):
        if not isinstance(article, Article):
            raise ArgumentError(f"ArticleContext(article): expected an Article, got {type(article).__name__}")
        self.article = article
        self.parsed = parsed if parsed is not None else ParsedArticle(article)
        self._quotes = list(quotes) if quotes is not None else None
        self._mentions = list(mentions) if mentions is not None else None

    @classmethod
    def of(cls, article: Article | str | Path | ArticleContext) -> ArticleContext:
        """The context of an Article, a path or a text (a context is returned as it is)."""
        if isinstance(article, ArticleContext):
            return article
        return cls(as_article(article))

    @property
    def quotes(self) -> list[Quote]:
        """The article's attributions, found once (:func:`analysis.quotes.find_quotes`)."""
        if self._quotes is None:
            from .quotes import find_quotes

            self._quotes = find_quotes(self)
        return self._quotes

    @property
    def mentions(self) -> list[GovernmentMention]:
        """Every gazetteer match with its decision, found once (:func:`analysis.mentions.find_mentions`)."""
        if self._mentions is None:
            from .mentions import find_mentions

            self._mentions = find_mentions(self)
        return self._mentions

    def computed(self) -> dict[str, Any]:
        """Which shared results exist so far (for tests and the speed benchmark)."""
        return {
            "quotes": self._quotes is not None,
            "mentions": self._mentions is not None,
            **self.parsed.stats,
        }

    def __repr__(self) -> str:
        return f"ArticleContext(article={self.article.id!r}, {self.computed()})"
