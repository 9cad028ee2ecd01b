"""Government mentions of an article: every gazetteer match, with the decision whether it is the government.

:func:`find_mentions` is what :attr:`analysis.context.ArticleContext.mentions` holds: each
:class:`~analysis.gazetteer.GovernmentMention` keeps ``is_government`` and the ``reason`` for it, so tables
and the evidence view can show why a mention counted (or not).

>>> from analysis.context import ArticleContext
>>> [(m.text, m.government, m.is_government) for m in ArticleContext.of("Seoul pressed China.").mentions]
[('Seoul', 'South Korea', True), ('China', 'China', True)]
"""

from __future__ import annotations

from .gazetteer import GovernmentMention, default_gazetteer

__all__ = ["find_mentions"]


def find_mentions(context) -> list[GovernmentMention]:
    """Every gazetteer match in ``context.article`` (offsets into its text), with its government-or-place
    decision and reason, using the article's own sentence spans."""
    article = context.article
    spans = [(s.start, s.end) for s in article.sentences]
    return default_gazetteer().find_mentions(article.text, spans)
