"""One call analyses a whole article: every registered analysis on one shared per-article context.

The data flow is one way. An :class:`~analysis.article.Article` (segmented once) goes into an
:class:`~analysis.context.ArticleContext` (its lazy parse, quotes and government mentions, each computed at
most once); every *analysis* is a function ``(context) -> {table name: [row dict, ...]}`` that declares the
columns and types of the tables it writes (its *schema*); the pipeline alone adds ``article_id`` to every row
and turns the records into typed pandas frames. The ``articles`` table (one row per article) gathers the
columns that several analyses contribute; every other table belongs to one analysis.

The analyses to run are listed once, in :data:`ANALYSES`, as :class:`AnalysisSpec` entries whose function
and schema are imported lazily on first use. To add one, call :func:`register`.

>>> from analysis.article import Article
>>> result = analyze_article(Article.from_text("Seoul pressed China. It failed.", id="a1"))
>>> result.articles[["article_id", "n_sentences", "n_words"]].to_dict("records")
[{'article_id': 'a1', 'n_sentences': 2, 'n_words': 5}]
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import nlp
from .article import Article
from .context import ArticleContext, as_article
from .errors import ArgumentError
from .parse_ahead import parse_ahead

__all__ = [
    "ANALYSES",
    "ARTICLES",
    "AnalysisSpec",
    "ArticleAnalysis",
    "HEADER_SCHEMA",
    "Records",
    "ResolvedAnalysis",
    "Schema",
    "analyze_article",
    "analysis_records",
    "article_records",
    "build_frames",
    "header_records",
    "register",
    "registered_analyses",
    "resolve_analyses",
    "table_schemas",
    "typed_column",
    "uses_of",
]

#: Column name -> dtype ("str", "int64", "Int64" (nullable), "float64", "bool", "datetime64[us]").
Schema = Mapping[str, str]
#: Rows by table name, as an analysis returns them.
Records = dict[str, list[dict[str, Any]]]
AnalysisFunction = Callable[[ArticleContext], Mapping[str, list[dict[str, Any]]]]

#: The one table every analysis may add columns to (one row per article).
ARTICLES = "articles"


@dataclass(frozen=True)
class AnalysisSpec:
    """One registered analysis: its name, its function and the schemas of the tables it writes.

    ``function`` and ``tables`` may be ``"module:attribute"`` strings, imported on first use. ``tables``
    None means the columns are inferred from the rows (for quick user analyses). ``uses``: the shared
    results of the context the analysis reads (``"quotes"``, ``"mentions"``), so that corpus runs parse
    their sentences ahead, several articles at a time (:mod:`analysis.parse_ahead`); leaving it empty
    changes no result, only the speed.
    """

    name: str
    function: str | AnalysisFunction
    tables: str | Mapping[str, Schema] | None = None
    uses: tuple[str, ...] = ()


HEADER_SCHEMA: dict[str, Schema] = {
    ARTICLES: {
        "title": "str",
        "byline": "str",
        "agency": "str",
        "published": "datetime64[us]",
        "source": "str",
        "path": "str",
        "n_paragraphs": "int64",
        "n_sentences": "int64",
        "n_words": "int64",
    },
    "warnings": {"stage": "str", "problem": "str"},
}

#: The registry, run in this order.
ANALYSES: list[AnalysisSpec] = [
    AnalysisSpec("articles", "analysis.pipeline:header_records", "analysis.pipeline:HEADER_SCHEMA"),
    AnalysisSpec("stats", "analysis.stats:stats_records", "analysis.stats:TABLES"),
    AnalysisSpec(
        "sentiment", "analysis.sentiment:sentiment_records", "analysis.sentiment:TABLES", ("quotes",)
    ),
    AnalysisSpec("quotes", "analysis.quotes:quote_records", "analysis.quotes:TABLES", ("quotes",)),
    AnalysisSpec(
        "stance", "analysis.stance:stance_records", "analysis.stance:TABLES", ("quotes", "mentions")
    ),
]


@dataclass(frozen=True)
class ResolvedAnalysis:
    """An analysis with its function and schemas imported (what :func:`resolve_analyses` returns)."""

    name: str
    function: AnalysisFunction
    tables: Mapping[str, Schema] | None
    uses: tuple[str, ...] = ()


def register(
    name: str,
    function: str | AnalysisFunction,
    tables: str | Mapping[str, Schema] | None = None,
    uses: Sequence[str] = (),
) -> None:
    """Add (or replace) an analysis in the registry (``uses``: see :class:`AnalysisSpec`).

    >>> count = lambda context: {"articles": [{"chars": len(context.article.text)}]}
    >>> register("chars", count, {"articles": {"chars": "int64"}})
    >>> analyze_article("Seoul pressed China.", analyses=["chars"]).articles.chars.tolist()
    [20]
    >>> unregister("chars")
    """
    if not name or not isinstance(name, str):
        raise ArgumentError(f"analysis name must be a non-empty string, got {name!r}")
    if isinstance(uses, str) or not all(isinstance(u, str) for u in uses):
        raise ArgumentError(f"analysis {name!r}: uses must be a list of names such as 'quotes', got {uses!r}")
    spec = AnalysisSpec(name, function, tables, tuple(uses))
    for i, existing in enumerate(ANALYSES):
        if existing.name == name:
            ANALYSES[i] = spec
            return
    ANALYSES.append(spec)


def unregister(name: str) -> None:
    """Remove an analysis from the registry (no error when it is not there)."""
    ANALYSES[:] = [spec for spec in ANALYSES if spec.name != name]


def registered_analyses() -> list[str]:
    """Names of the registered analyses, in run order."""
    return [spec.name for spec in ANALYSES]


def _import(target: str, name: str) -> Any:
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, attribute)
    except AttributeError as exc:
        raise ArgumentError(f"analysis {name!r}: {module_name} has no attribute {attribute!r}") from exc


def _resolve(spec: AnalysisSpec) -> ResolvedAnalysis:
    function = _import(spec.function, spec.name) if isinstance(spec.function, str) else spec.function
    if not callable(function):
        raise ArgumentError(f"analysis {spec.name!r}: {spec.function!r} is not callable")
    tables = _import(spec.tables, spec.name) if isinstance(spec.tables, str) else spec.tables
    return ResolvedAnalysis(spec.name, function, tables, tuple(spec.uses))


def resolve_analyses(
    analyses: Sequence[str] | Sequence[AnalysisSpec] | None = None,
) -> list[ResolvedAnalysis]:
    """The named analyses (all registered ones when None) with their functions and schemas imported,
    in registry order. Specs may be given directly (corpus workers receive the specs of the run)."""
    if (
        analyses is not None
        and not isinstance(analyses, str)
        and all(isinstance(a, AnalysisSpec) for a in analyses)
    ):
        return [_resolve(spec) for spec in analyses]
    known = {spec.name: spec for spec in ANALYSES}
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
    return [_resolve(known[name]) for name in names]


def specs_for(analyses: Sequence[str] | None = None) -> list[AnalysisSpec]:
    """The registered specs of the named analyses (all when None), in registry order (checked)."""
    names = {r.name for r in resolve_analyses(analyses)}
    return [spec for spec in ANALYSES if spec.name in names]


def uses_of(resolved: Sequence[ResolvedAnalysis]) -> set[str]:
    """The shared results of the context that the analyses read (what parsing ahead looks at).

    >>> sorted(uses_of(resolve_analyses(["sentiment", "stance"])))
    ['mentions', 'quotes']
    """
    return {use for r in resolved for use in r.uses}


def table_schemas(resolved: Sequence[ResolvedAnalysis]) -> dict[str, dict[str, str] | None]:
    """The schema of every table the analyses write; the ``articles`` columns of all analyses joined.

    A column declared twice in ``articles``, or a table other than ``articles`` written by two analyses, is
    an ArgumentError naming both analyses.
    """
    schemas: dict[str, dict[str, str] | None] = {}
    owners: dict[str, str] = {}
    column_owner: dict[str, str] = {}
    for r in resolved:
        for table, schema in (r.tables or {}).items():
            if table != ARTICLES and table in schemas:
                raise ArgumentError(
                    f"table {table!r}: analyses {owners[table]!r} and {r.name!r} both write it"
                )
            owners.setdefault(table, r.name)
            current = schemas.setdefault(table, {})
            for column, dtype in schema.items():
                if column in column_owner and table == ARTICLES:
                    raise ArgumentError(
                        f"table {table!r}: analyses {column_owner[column]!r} and {r.name!r} both write "
                        f"column {column}; rename one of them"
                    )
                if table == ARTICLES:
                    column_owner[column] = r.name
                current[column] = dtype
    return schemas


# -------------------------------------------------------------------------------------- built-in analysis


def _timestamp(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return pd.Timestamp(value.year, value.month, value.day)
    return None


def header_records(context: ArticleContext) -> Records:
    """The ``articles`` columns of the header (title, byline, agency, published, source, path and size), and
    a ``warnings`` row for each thing the loader was given but could not use (``article.notes``).

    >>> text = "Talks stall\\n\\nBy Jane Roe, Reuters\\n\\nBEIJING (Reuters) - Talks stalled."
    >>> a = Article.from_text(text, id="x")
    >>> row = header_records(ArticleContext(a))["articles"][0]
    >>> row["title"], row["agency"], row["n_sentences"], row["n_words"]
    ('Talks stall', 'Reuters', 1, 2)
    """
    article = context.article
    return {
        ARTICLES: [
            {
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
        ],
        "warnings": [{"stage": "load", "problem": note} for note in article.notes],
    }


# ------------------------------------------------------------------------------------ records and frames


def analysis_records(context: ArticleContext, resolved: Sequence[ResolvedAnalysis]) -> Records:
    """Run each analysis on ``context``: rows by table, ``article_id`` first in every row, the ``articles``
    contributions joined into one row."""
    article_id = context.article.id
    records: Records = {}
    article_row: dict[str, Any] = {"article_id": article_id}
    for r in resolved:
        result = r.function(context)
        if not isinstance(result, Mapping):
            raise ArgumentError(
                f"analysis {r.name!r} returned {type(result).__name__}, expected a dict of tables"
            )
        for table, rows in result.items():
            if isinstance(rows, pd.DataFrame):
                raise ArgumentError(
                    f"analysis {r.name!r}: table {table!r} must be a list of row dicts, not a DataFrame"
                )
            if table == ARTICLES:
                if len(rows) > 1:
                    raise ArgumentError(f"analysis {r.name!r}: the articles table takes one row per article")
                for row in rows:
                    clash = (set(row) & set(article_row)) - {"article_id"}
                    if clash:
                        raise ArgumentError(
                            f"table 'articles': analysis {r.name!r} writes column(s) "
                            f"{', '.join(sorted(clash))} "
                            "that another analysis wrote; rename one of them"
                        )
                    article_row.update(row)
                continue
            target = records.setdefault(table, [])
            target.extend({"article_id": article_id, **row} for row in rows)
    if len(article_row) > 1 or any(r.tables and ARTICLES in r.tables for r in resolved):
        records = {ARTICLES: [article_row], **records}
    return records


def article_records(
    article: Article | str | Path | ArticleContext, analyses: Sequence[str] | None = None
) -> Records:
    """The rows of every table for one article (what a corpus worker computes per article).

    >>> article_records("Seoul pressed China.", analyses=["articles"])["articles"][0]["n_words"]
    3
    """
    context, resolved = ArticleContext.of(article), resolve_analyses(analyses)
    parse_ahead([context], uses_of(resolved))
    return analysis_records(context, resolved)


def build_frames(
    records: Mapping[str, list[dict[str, Any]]], schemas: Mapping[str, Schema | None], strict: bool = True
) -> dict[str, pd.DataFrame]:
    """Typed DataFrames from rows: the columns (``article_id`` first) and dtypes of each table's schema, in
    schema order; a table with no rows is an empty frame with those columns. Tables are given in the order of
    ``schemas``, then any others. ``strict=False`` (some analysis declared no schema) appends undeclared
    columns with inferred types instead of raising.

    >>> frames = build_frames({"t": [{"article_id": "a", "n": 1}]}, {"t": {"n": "int64"}})
    >>> frames["t"].dtypes.astype(str).tolist()
    ['str', 'int64']
    """
    frames: dict[str, pd.DataFrame] = {}
    for table in [*schemas, *(t for t in records if t not in schemas)]:
        rows = records.get(table, [])
        schema = schemas.get(table)
        if schema is None:
            frames[table] = pd.DataFrame.from_records(rows) if rows else pd.DataFrame({"article_id": []})
            continue
        if not rows:  # most articles leave some tables empty: one typed empty frame per schema, copied
            frames[table] = _empty_frame(table, tuple(schema.items())).copy()
            continue
        extra = list(dict.fromkeys(k for row in rows for k in row if k not in schema and k != "article_id"))
        if extra and strict:
            raise ArgumentError(f"table {table!r}: rows have undeclared column(s) {', '.join(extra)}")
        ids = [row["article_id"] for row in rows]
        columns = {"article_id": typed_column(ids, "str", table, "article_id")}
        for name, dtype in schema.items():
            columns[name] = typed_column([row.get(name) for row in rows], dtype, table, name)
        frame = pd.DataFrame(columns, copy=False)  # the columns are new arrays: nothing to protect
        for name in extra:
            frame[name] = pd.Series([row.get(name) for row in rows], dtype=object).infer_objects()
        frames[table] = frame
    return frames


@lru_cache(maxsize=256)
def _empty_frame(table: str, schema: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The frame of a table with no rows (callers copy it)."""
    columns = {"article_id": typed_column([], "str", table, "article_id")}
    for name, dtype in schema:
        columns[name] = typed_column([], dtype, table, name)
    return pd.DataFrame(columns)


_NUMPY_TYPES = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}
_NULLABLE = {"int64": "Int64", "bool": "boolean"}


@lru_cache(maxsize=64)
def _pandas_dtype(dtype: str) -> Any:
    """The dtype object of a schema type name (parsing the name costs more than building a short column)."""
    return pd.api.types.pandas_dtype(dtype)


def _arrow_strings(values: list[Any]) -> Any:
    """``values`` (all str or None) as pandas' ``str`` array straight from one Arrow array, or None when the
    ``str`` dtype is not Arrow-backed here. Same array as ``pd.array(values, dtype="str")``, without its
    per-value conversion pass."""
    dtype = _pandas_dtype("str")
    if getattr(dtype, "storage", None) != "pyarrow":
        return None
    import pyarrow as pa

    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)


def typed_column(values: list[Any], dtype: str, table: str = "", column: str = "") -> Any:
    """One column of values as an array of ``dtype`` (a schema type); an int or bool column with missing
    values becomes its nullable pandas type rather than failing.

    >>> typed_column([1, None], "int64").dtype, typed_column(["a", None], "str").dtype
    (Int64Dtype(), <StringDtype(na_value=nan)>)
    """
    try:
        if dtype in _NUMPY_TYPES:
            try:
                return np.array(values, dtype=_NUMPY_TYPES[dtype])
            except (TypeError, ValueError):
                if dtype not in _NULLABLE:
                    raise
                return pd.array(values, dtype=_pandas_dtype(_NULLABLE[dtype]))
        if dtype == "str" and all(type(v) is str or v is None for v in values):
            strings = _arrow_strings(values)
            if strings is not None:
                return strings
        return pd.array(values, dtype=_pandas_dtype(dtype))
    except (TypeError, ValueError) as exc:
        raise ArgumentError(f"table {table!r}, column {column!r}: values are not {dtype} ({exc})") from exc


# ----------------------------------------------------------------------------------------------- result


@dataclass
class ArticleAnalysis:
    """Everything the pipeline found in one article, as named tidy DataFrames.

    ``result.tables()`` gives the dict; each table is also an attribute (``result.articles``,
    ``result.sentences``...) and an item (``result["quotes"]``). Every table has an ``article_id`` column.
    ``result.context`` is the article's context (its parse, quotes and mentions).
    """

    article_id: str
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    analyses: list[str] = field(default_factory=list)
    context: ArticleContext | None = field(default=None, repr=False, compare=False)

    @property
    def article(self) -> Article | None:
        return self.context.article if self.context is not None else None

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


def analyze_article(
    article: Article | str | Path | ArticleContext, analyses: Sequence[str] | None = None
) -> ArticleAnalysis:
    """Analyse one article with every registered analysis (or those named in ``analyses``).

    ``article`` is an :class:`~analysis.article.Article`, a path to a text file, the text itself, or an
    :class:`~analysis.context.ArticleContext` (to reuse a parse or quotes already made).

    >>> result = analyze_article("Seoul pressed China. It failed.", analyses=["articles"])
    >>> list(result.tables()), int(result.articles.loc[0, "n_sentences"])
    (['articles', 'warnings'], 2)
    """
    context = (
        article
        if isinstance(article, ArticleContext)
        else ArticleContext(as_article(article, "analyze_article"))
    )
    resolved = resolve_analyses(analyses)
    parse_ahead([context], uses_of(resolved))
    records = analysis_records(context, resolved)
    return ArticleAnalysis(
        article_id=context.article.id,
        frames=build_frames(
            records, table_schemas(resolved), strict=all(r.tables is not None for r in resolved)
        ),
        analyses=[r.name for r in resolved],
        context=context,
    )
