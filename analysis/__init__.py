"""analysis: read news articles the way a media researcher does, offline.

>>> import analysis
>>> article = analysis.Article.from_text("Seoul pressed Beijing. China said nothing.")
>>> len(article.sentences)
2
"""

from __future__ import annotations

from .article import Article, EncodingWarning, Sentence, load_article
from .corpus import CorpusReader, SkippedRecord, load_corpus
from .errors import AnalysisError, ArgumentError, ConfigError, InputError, ModelError

__all__ = [
    "AnalysisError",
    "ArgumentError",
    "Article",
    "ConfigError",
    "CorpusReader",
    "EncodingWarning",
    "InputError",
    "ModelError",
    "Sentence",
    "SkippedRecord",
    "load_article",
    "load_corpus",
]
__version__ = "0.1.0"
