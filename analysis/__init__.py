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
__version__ = "0.4.2"

#: Submodules loaded on first attribute access (``analysis.sentiment.polarity(...)`` works after a bare
#: ``import analysis``) without paying for NLTK, pandas or models at import time.
_SUBMODULES = frozenset(
    {
        "nlp",
        "article",
        "corpus",
        "stats",
        "sentiment",
        "quotes",
        "stance",
        "gazetteer",
        "figures",
        "report",
        "pipeline",
        "runner",
        "cli",
        "errors",
        "htmltext",
        "corpus_views",
        "sentiment_data",
        "target_sentiment",
        "parse",
        "context",
        "mentions",
    }
)
_LAZY = {
    "Quote": "quotes",
    "extract_quotes": "quotes",
    "quotes_for_article": "quotes",
    "polarity": "sentiment",
    "target_sentiment": "stance",
    "TargetSentiment": "stance",
    "government_stance": "stance",
    "stance_evidence": "stance",
    "actor_relations": "stance",
    "default_gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
    "analyze_article": "pipeline",
    "ArticleContext": "context",
    "ParsedArticle": "parse",
    "ArticleAnalysis": "pipeline",
    "run_corpus": "runner",
    "read_results": "runner",
    "read_tables": "runner",
    "RunSummary": "runner",
}


def __getattr__(name: str):
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SUBMODULES | set(_LAZY))
