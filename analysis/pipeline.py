"""One call analyses a whole article: every registered analysis, on one shared segmentation.

An *analysis* is a function ``(article) -> dict[str, table]`` where a table is a pandas DataFrame or,
cheaper in a corpus run, a list of row dicts. The pipeline passes the same :class:`~analysis.article.Article`
to every analysis, so paragraphs, sentences and tokens are computed once (``Article.sentences`` is cached)
and no module re-splits the text. Every row of every table carries ``article_id``.

Tables with the same name from several analyses are joined on their key columns (``article_id`` and, when
both have them, ``sentence`` / ``paragraph``): the ``articles`` table (one row per article) gathers the
scalar summaries of all analyses.

The analyses to run are listed once, in :data:`ANALYSES`, as ``(name, "module:function")`` pairs imported
lazily on first use. To add one, append a pair (or call :func:`register`). An intermediate result that
several analyses need (the quotes, say) is computed once per article through :func:`shared`.

>>> from analysis.article import Article
>>> result = analyze_article(Article.from_text("Seoul pressed China. It failed.", id="a1"))
>>> result.articles[["article_id", "n_sentences", "n_words"]].to_dict("records")
[{'article_id': 'a1', 'n_sentences': 2, 'n_words': 5}]
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import nlp
from .article import Article, load_article
from .errors import ArgumentError

__all__ = [
    "ANALYSES",
    "ArticleAnalysis",
    "analyze_article",
    "article_table",
    "register",
    "registered_analyses",
    "shared",
    "resolve_analyses",
    "KEY_COLUMNS",
]

Table = pd.DataFrame | list[dict[str, Any]]
AnalysisFunction = Callable[[Article], Mapping[str, Table]]

#: The registry: ``(name, "module:function")`` or ``(name, callable)``, run in this order.
#: Modules are imported on first use, so a missing optional analysis costs nothing until asked for.
ANALYSES: list[tuple[str, str | AnalysisFunction]] = [
    ("articles", "analysis.pipeline:article_table"),
    ("stats", "analysis.stats:tables"),
    ("sentiment", "analysis.pipeline:sentiment_tables"),
    ("quotes", "analysis.pipeline:quote_tables"),
    ("stance", "analysis.pipeline:stance_tables"),
]

#: Columns on which same-named tables from different analyses are joined (those both tables have).
KEY_COLUMNS = ("article_id", "sentence", "paragraph")

_RESOLVED: dict[str, AnalysisFunction] = {}


def register(name: str, function: str | AnalysisFunction) -> None:
    """Add (or replace) an analysis in the registry.

    >>> register("word_count", lambda a: {"articles": [{"article_id": a.id, "chars": len(a.text)}]})
    >>> registered_analyses()[-1]
    'word_count'
    >>> ANALYSES.pop()[0]  # undo the example: leave the registry as it was
    'word_count'
    """
    if not name or not isinstance(name, str):
        raise ArgumentError(f"analysis name must be a non-empty string, got {name!r}")
    _RESOLVED.pop(name, None)
    for i, (existing, _) in enumerate(ANALYSES):
        if existing == name:
            ANALYSES[i] = (name, function)
            return
    ANALYSES.append((name, function))


def registered_analyses() -> list[str]:
    """Names of the registered analyses, in run order."""
    return [name for name, _ in ANALYSES]


def _resolve(name: str, target: str | AnalysisFunction) -> AnalysisFunction:
    if name in _RESOLVED:
        return _RESOLVED[name]
    if callable(target):
        function = target
    else:
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(module_name)
        try:
            function = getattr(module, attribute)
        except AttributeError as exc:
            raise ArgumentError(f"analysis {name!r}: {module_name} has no function {attribute!r}") from exc
    _RESOLVED[name] = function
    return function


def resolve_analyses(analyses: Sequence[str] | None = None) -> list[tuple[str, AnalysisFunction]]:
    """``(name, function)`` for the named analyses (all registered ones when None), in registry order."""
    known = dict(ANALYSES)
    if analyses is None:
        names = list(known)
    else:
        if isinstance(analyses, str):
            analyses = [analyses]
        unknown = [name for name in analyses if name not in known]
        if unknown:
            raise ArgumentError(
                f"analyses: unknown {', '.join(map(repr, unknown))}; registered: {', '.join(known)}"
            )
        names = [name for name in known if name in set(analyses)]
    return [(name, _resolve(name, known[name])) for name in names]


def shared(article: Article, key: str, compute: Callable[[], Any]) -> Any:
    """A per-article intermediate result computed once and shared by every analysis of the same article.

    For example quotes, which sentiment (voice of a sentence) and stance (who says it) both need:

    >>> a = Article.from_text("Seoul pressed China.", id="s")
    >>> calls = []
    >>> first = shared(a, "n", lambda: calls.append(1) or len(a.sentences))
    >>> second = shared(a, "n", lambda: calls.append(1) or len(a.sentences))
    >>> first, second, len(calls)
    (1, 1, 1)
    """
    cache = article.__dict__.setdefault("_shared", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


# -------------------------------------------------------------------------------------- built-in analysis


def _timestamp(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return pd.Timestamp(value.year, value.month, value.day)
    return None


def article_table(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The ``articles`` table: one row with the article's header fields and size.

    >>> a = Article.from_text(
    ...     "Talks stall\\n\\nBy Jane Roe, Reuters\\n\\nBEIJING (Reuters) - Talks stalled.", id="x"
    ... )
    >>> row = article_table(a)["articles"][0]
    >>> row["title"], row["agency"], row["n_sentences"], row["n_words"]
    ('Talks stall', 'Reuters', 1, 2)
    """
    return {
        "articles": [
            {
                "article_id": article.id,
                "title": article.title,
                "byline": article.byline,
                "agency": article.agency,
                "published": _timestamp(article.published),
                "source": article.source,
                "path": article.path,
                "n_paragraphs": len(article.paragraphs),
                "n_sentences": len(article.sentences),
                "n_words": len(nlp.words(article.text)),
            }
        ]
    }


def article_quotes(article: Article) -> list:
    """The attributions of ``article`` (:func:`analysis.quotes.quotes_for_article`), found once and shared."""
    from .quotes import quotes_for_article

    return shared(article, "quotes", lambda: quotes_for_article(article))


def quote_tables(article: Article) -> dict[str, list[dict[str, Any]]]:
    """The ``quotes`` table: one row per attribution (every :class:`~analysis.quotes.Quote` field, ``words``)
    numbered by ``quote``."""
    from dataclasses import fields

    quotes = article_quotes(article)
    if not quotes:
        return {"quotes": []}
    # the fields of a Quote are all scalars, so this is ``asdict(q)`` without its recursive deep copy
    names = [f.name for f in fields(quotes[0])]
    return {
        "quotes": [
            {"quote": i, **{n: getattr(q, n) for n in names}, "words": q.words} for i, q in enumerate(quotes)
        ]
    }


def sentiment_tables(article: Article) -> dict[str, Table]:
    """The ``sentences`` table of :func:`analysis.sentiment.sentence_table` (with the voice of each sentence,
    from the shared quotes) and article-level means for the ``articles`` table."""
    import numpy as np

    from .sentiment import _sentence_rows, sentence_table

    if not article.sentences:
        table = sentence_table(article, article_quotes(article))
        summary = dict.fromkeys(
            [
                "sentiment_polarity_mean",
                "vader_compound_mean",
                "negative_sentence_share",
                "positive_sentence_share",
            ]
        )
        return {"sentences": table, "articles": [{"article_id": article.id, **summary}]}
    # the rows of sentence_table with article_id built in (one frame, no copy to add the column); the means
    # are those pandas computes (a float64 sum divided by the count)
    rows, columns = _sentence_rows(article, article_quotes(article), article_id=article.id)
    n = len(rows)
    labels = [row["label"] for row in rows]
    summary = {
        "sentiment_polarity_mean": float(np.array([row["polarity"] for row in rows], dtype=float).mean()),
        "vader_compound_mean": float(np.array([row["vader_compound"] for row in rows], dtype=float).mean()),
        "negative_sentence_share": float(labels.count("negative") / n),
        "positive_sentence_share": float(labels.count("positive") / n),
    }
    return {"sentences": rows, "articles": [{"article_id": article.id, **summary}]}


def stance_tables(article: Article) -> dict[str, Table]:
    """``stance`` (one row per government), ``stance_evidence`` (one row per mention, with its voice from the
    shared quotes) and ``relations`` (who does what to whom) from :mod:`analysis.stance`."""
    from .stance import (
        _evidence_rows,
        _relations_rows,
        _stance_rows,
        actor_relations,
        government_stance,
        stance_evidence,
    )

    # The tables of stance_evidence, government_stance and actor_relations, built with article_id in the
    # rows (one frame each, no copy to add the column); empty ones as those functions return them.
    quotes = article_quotes(article)
    if not isinstance(article, Article):
        evidence = stance_evidence(article, quotes)
        return {
            "stance": government_stance(article, quotes, evidence=evidence),
            "stance_evidence": evidence,
            "relations": actor_relations(article),
        }
    evidence_rows = _evidence_rows(article, quotes, article_id=article.id)
    if evidence_rows:
        stance = [{"article_id": article.id, **row} for row in _stance_rows(evidence_rows)]
        evidence = evidence_rows
    else:
        evidence = _empty_table("stance_evidence", lambda: stance_evidence(article, quotes), article.id)
        stance = _empty_table(
            "stance", lambda: government_stance(article, quotes, evidence=evidence), article.id
        )
    relation_rows = _relations_rows(article, article_id=article.id)
    if relation_rows:
        relations = relation_rows
    else:
        relations = _empty_table("relations", lambda: actor_relations(article), article.id)
    return {"stance": stance, "stance_evidence": evidence, "relations": relations}


_EMPTY_TABLES: dict[str, pd.DataFrame] = {}


def _empty_table(name: str, compute: Callable[[], pd.DataFrame], article_id: str) -> pd.DataFrame:
    """An analysis' empty table with its ``article_id`` column, as the pipeline would build it.

    Built once (from ``compute()``, which must return no rows), then copied (an empty frame does not
    depend on the article).
    """
    if name not in _EMPTY_TABLES:
        frame = _with_article_id(compute(), article_id)
        if len(frame):
            return frame
        _EMPTY_TABLES[name] = frame
    return _EMPTY_TABLES[name].copy()


# ----------------------------------------------------------------------------------------------- result


def as_frame(table: Table) -> pd.DataFrame:
    """A DataFrame from a table given as a DataFrame or as a list of row dicts."""
    if isinstance(table, pd.DataFrame):
        return table
    return pd.DataFrame.from_records(list(table))


def _with_article_id(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    if "article_id" not in frame.columns:
        frame = frame.copy()
        frame.insert(0, "article_id", article_id)
    elif frame.columns[0] != "article_id":
        frame = frame[["article_id", *[c for c in frame.columns if c != "article_id"]]]
    return frame


def _keys_of(row: Mapping[str, Any], keys: Sequence[str]) -> tuple:
    return tuple(row.get(k) for k in keys)


def combine_rows(
    parts: Iterable[tuple[str, str, Table]], article_id: str | None = None
) -> list[tuple[str, str, Table]]:
    """Join same-named tables given as row lists without pandas, when their rows line up one to one on
    :data:`KEY_COLUMNS` (as the one-row ``articles`` tables do); other parts are returned unchanged for
    :func:`merge_tables`. Rows get ``article_id`` when it is missing."""
    combined: list[tuple[str, str, Table]] = []
    where: dict[str, int] = {}
    for name, table, data in parts:
        if not isinstance(data, pd.DataFrame):
            data = [
                row if "article_id" in row or article_id is None else {"article_id": article_id, **row}
                for row in data
            ]
        if table in where:
            index = where[table]
            owner, _, current = combined[index]
            if (
                isinstance(current, list)
                and isinstance(data, list)
                and len(current) == len(data)
                and current
                and data
            ):
                keys = [k for k in KEY_COLUMNS if k in current[0] and k in data[0]]
                if all(_keys_of(a, keys) == _keys_of(b, keys) for a, b in zip(current, data, strict=True)):
                    clash = (set(current[0]) & set(data[0])) - set(keys)
                    if clash:
                        raise ArgumentError(
                            f"table {table!r}: analyses {owner!r} and {name!r} both write column(s) "
                            f"{', '.join(sorted(clash))}; rename one of them"
                        )
                    merged = [{**a, **b} for a, b in zip(current, data, strict=True)]
                    combined[index] = (f"{owner}+{name}", table, merged)
                    continue
            combined.append((name, table, data))
            continue
        where[table] = len(combined)
        combined.append((name, table, data))
    return combined


def merge_tables(parts: Iterable[tuple[str, str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Combine ``(analysis, table, frame)`` parts: same-named tables are joined on :data:`KEY_COLUMNS`."""
    tables: dict[str, pd.DataFrame] = {}
    owners: dict[str, str] = {}
    for analysis, name, frame in parts:
        if name not in tables:
            tables[name], owners[name] = frame, analysis
            continue
        current = tables[name]
        keys = [c for c in KEY_COLUMNS if c in current.columns and c in frame.columns]
        clash = (set(current.columns) & set(frame.columns)) - set(keys)
        if clash:
            raise ArgumentError(
                f"table {name!r}: analyses {owners[name]!r} and {analysis!r} both write column(s) "
                f"{', '.join(sorted(clash))}; rename one of them"
            )
        tables[name] = current.merge(frame, on=keys, how="outer", sort=False)
        owners[name] = f"{owners[name]}+{analysis}"
    return tables


@dataclass
class ArticleAnalysis:
    """Everything the pipeline found in one article, as named tidy DataFrames.

    ``result.tables()`` gives the dict; each table is also an attribute (``result.articles``,
    ``result.sentences``...) and an item (``result["quotes"]``). Every table has an ``article_id`` column.
    """

    article_id: str
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    analyses: list[str] = field(default_factory=list)
    article: Article | None = field(default=None, repr=False, compare=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name."""
        return dict(self.frames)

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self.frames[name]
        except KeyError:
            raise KeyError(f"no table {name!r}; tables: {', '.join(self.frames)}") from None

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(
            f"ArticleAnalysis has no table or attribute {name!r}; tables: {', '.join(frames)}"
        )

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.frames))

    def __repr__(self) -> str:
        shapes = ", ".join(f"{name}={len(frame)}" for name, frame in self.frames.items())
        return f"ArticleAnalysis(article_id={self.article_id!r}, tables: {shapes})"


def _as_article(article: Article | str | Path) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, Path):
        return load_article(article)
    if isinstance(article, str):
        if "\n" not in article and len(article) < 4096 and Path(article).is_file():
            return load_article(article)
        return Article.from_text(article)
    raise ArgumentError(
        f"article: expected an Article, a file path or a text string, got {type(article).__name__}"
    )


def run_analyses(
    article: Article, functions: Sequence[tuple[str, AnalysisFunction]]
) -> list[tuple[str, str, Table]]:
    """Run each analysis on ``article``; ``(analysis, table, data)`` for every table they return."""
    parts = []
    for name, function in functions:
        result = function(article)
        if not isinstance(result, Mapping):
            raise ArgumentError(
                f"analysis {name!r} returned {type(result).__name__}, expected a dict of tables"
            )
        for table, data in result.items():
            parts.append((name, table, data))
    return parts


def analyze_article(article: Article | str | Path, analyses: Sequence[str] | None = None) -> ArticleAnalysis:
    """Analyse one article with every registered analysis (or those named in ``analyses``).

    ``article`` is an :class:`~analysis.article.Article`, a path to a text file, or the text itself.

    >>> result = analyze_article("Seoul pressed China. It failed.", analyses=["articles"])
    >>> list(result.tables()), int(result.articles.loc[0, "n_sentences"])
    (['articles'], 2)
    """
    article = _as_article(article)
    functions = resolve_analyses(analyses)
    parts = combine_rows(run_analyses(article, functions), article.id)
    return ArticleAnalysis(
        article_id=article.id,
        frames=merge_tables(
            [(name, table, _with_article_id(as_frame(data), article.id)) for name, table, data in parts]
        ),
        analyses=[name for name, _ in functions],
        article=article,
    )
