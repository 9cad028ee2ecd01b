"""analysis: read news articles the way a media researcher does, offline.

>>> import analysis
>>> article = analysis.Article.from_text("Seoul pressed Beijing. China said nothing.")
>>> len(article.sentences)
2
"""

from __future__ import annotations

from .article import Article, EncodingWarning, Sentence, load_article
from .errors import AnalysisError, ArgumentError, ConfigError, InputError, ModelError

__all__ = [
    "AnalysisError",
    "ArgumentError",
    "Article",
    "ConfigError",
    "EncodingWarning",
    "InputError",
    "ModelError",
    "Sentence",
    "load_article",
]
__version__ = "0.1.0"
