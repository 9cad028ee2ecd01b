"""Corpus-level views on the result tables of a corpus run (see :mod:`analysis.runner`).

Expected columns (what the analyses write):

- ``articles``: article_id, title, published, source, path, n_words ...
- ``quotes``: article_id, speaker, speaker_type, affiliation, anonymous, kind, text
- ``stance``: article_id, government, mentions, score, label

>>> arts = pd.DataFrame({"article_id": ["business/001", "sport/002", "sport/003"]})
>>> articles_per_category(arts).to_dict()
{'sport': 2, 'business': 1}
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .errors import ArgumentError

__all__ = [
    "default_corpus",
    "add_category",
    "anonymous_share",
    "articles_over_time",
    "articles_per_category",
    "corpus_overview",
    "stance_by_government",
    "stance_over_time",
    "top_sources",
]


ROOT = Path(__file__).resolve().parents[1]


def default_corpus() -> Path:
    """The corpus the corpus notebook reads: ``$NEWS_ANALYSIS_CORPUS``, else the BBC corpus under
    ``$NEWS_ANALYSIS_DATA`` (default ``../shared/data``) when present, else the ``seeds/`` folder."""
    explicit = os.environ.get("NEWS_ANALYSIS_CORPUS")
    if explicit:
        return Path(explicit)
    data = Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data"))
    bbc = data / "news_corpus" / "bbc"
    chosen = bbc if bbc.is_dir() else ROOT / "seeds"
    # From the repository root (where the notebooks run), say it as ../shared/..., not as a local path.
    return Path(os.path.relpath(chosen)) if Path.cwd().resolve() == ROOT.resolve() else chosen


def _require(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ArgumentError(
            f"{name} table lacks column(s) {', '.join(missing)}; has: {', '.join(map(str, frame.columns))}"
        )


def add_category(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with a ``category`` column: the folder of the article id ("business/001" -> "business"),
    else the ``source``, else "all"."""
    _require(articles, ["article_id"], "articles")
    ids = articles["article_id"].astype(str)
    folder = ids.str.rsplit("/", n=1).str[0].where(ids.str.contains("/"))
    category = folder
    if "source" in articles.columns:
        category = category.fillna(articles["source"])
    return articles.assign(category=category.fillna("all").astype(str))


def articles_per_category(articles: pd.DataFrame) -> pd.Series:
    """Number of articles per category (see :func:`add_category`), largest first."""
    counts = add_category(articles)["category"].value_counts()
    counts.index.name = "category"
    counts.name = "articles"
    return counts


def articles_over_time(articles: pd.DataFrame, freq: str = "MS") -> pd.DataFrame:
    """Articles per period (rows) and category (columns); empty when no article has a date."""
    _require(articles, ["article_id", "published"], "articles")
    dated = add_category(articles).dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame()
    period = pd.to_datetime(dated["published"]).dt.to_period(freq.rstrip("S") or "M").dt.start_time
    return dated.assign(period=period).pivot_table(
        index="period", columns="category", values="article_id", aggfunc="count", fill_value=0
    )


def stance_by_government(stance: pd.DataFrame) -> pd.DataFrame:
    """Per government: articles that mention it, total mentions, mean stance score, and share of each label.

    >>> st = pd.DataFrame({"article_id": ["a", "b"], "government": ["China", "China"],
    ...                    "mentions": [2, 1], "score": [-0.5, 0.1], "label": ["negative", "neutral"]})
    >>> row = stance_by_government(st).loc["China"]
    >>> int(row["articles"]), int(row["mentions"]), float(row["mean_score"]), float(row["share_negative"])
    (2, 3, -0.2, 0.5)
    """
    _require(stance, ["article_id", "government", "mentions", "score", "label"], "stance")
    grouped = stance.groupby("government")
    table = pd.DataFrame(
        {
            "articles": grouped["article_id"].nunique(),
            "mentions": grouped["mentions"].sum(),
            "mean_score": grouped["score"].mean().round(3),
        }
    )
    shares = pd.crosstab(stance["government"], stance["label"], normalize="index").add_prefix("share_")
    return table.join(shares).sort_values("articles", ascending=False)


def stance_over_time(
    stance: pd.DataFrame, articles: pd.DataFrame, freq: str = "MS", min_articles: int = 1
) -> pd.DataFrame:
    """Mean stance score per government and period (tidy: government, period, articles, mean_score).

    Articles without a date are left out; periods with fewer than ``min_articles`` articles are dropped.
    """
    _require(stance, ["article_id", "government", "score"], "stance")
    _require(articles, ["article_id", "published"], "articles")
    dated = stance.merge(articles[["article_id", "published"]], on="article_id", how="inner").dropna(
        subset=["published"]
    )
    if dated.empty:
        return pd.DataFrame(columns=["government", "period", "articles", "mean_score"])
    dated = dated.assign(
        period=pd.to_datetime(dated["published"]).dt.to_period(freq.rstrip("S") or "M").dt.start_time
    )
    table = (
        dated.groupby(["government", "period"])
        .agg(articles=("article_id", "nunique"), mean_score=("score", "mean"))
        .reset_index()
    )
    return table[table["articles"] >= min_articles].reset_index(drop=True)


def _is_anonymous(quotes: pd.DataFrame) -> pd.Series:
    return quotes["anonymous"].fillna(False).astype(bool)


def top_sources(quotes: pd.DataFrame, n: int = 15, include_anonymous: bool = False) -> pd.DataFrame:
    """The most-quoted sources: speaker, quotes, articles, speaker_type and affiliation (most common).

    Speakers that differ only in case ("Analysts", "analysts") count as one, shown in their most common
    spelling; anonymous sources are left out unless ``include_anonymous``.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Kim", "Kim", "Lee"],
    ...                   "speaker_type": ["official"] * 3, "affiliation": ["Seoul"] * 3,
    ...                   "anonymous": [False] * 3})
    >>> top_sources(q)[["speaker", "quotes", "articles"]].values.tolist()
    [['Kim', 2, 1], ['Lee', 1, 1]]
    """
    _require(quotes, ["article_id", "speaker", "anonymous"], "quotes")
    if n < 1:
        raise ArgumentError(f"n must be 1 or more, got {n}")
    named = quotes.dropna(subset=["speaker"])
    if not include_anonymous:
        named = named[~_is_anonymous(named)]
    if named.empty:
        return pd.DataFrame(columns=["speaker", "quotes", "articles", "speaker_type", "affiliation"])

    def most_common(values: pd.Series):
        values = values.dropna()
        return values.mode().iloc[0] if len(values) else None

    aggregations = {
        "speaker": ("speaker", most_common),
        "quotes": ("article_id", "size"),
        "articles": ("article_id", "nunique"),
    }
    for column in ("speaker_type", "affiliation"):
        if column in named.columns:
            aggregations[column] = (column, most_common)
    key = named["speaker"].astype(str).str.casefold().rename("speaker_key")
    table = named.groupby(key).agg(**aggregations).reset_index(drop=True)
    return (
        table.sort_values(["quotes", "articles", "speaker"], ascending=[False, False, True])
        .head(n)
        .reset_index(drop=True)
    )


def anonymous_share(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None
) -> pd.DataFrame:
    """Share of quotes attributed to anonymous sources, overall or per ``by`` (a column of ``articles``,
    e.g. "category" or "source"): columns quotes, anonymous, share.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "anonymous": [True, False, False, False]})
    >>> anonymous_share(q)["share"].tolist()
    [0.25]
    """
    _require(quotes, ["article_id", "anonymous"], "quotes")
    frame = quotes.assign(anonymous=_is_anonymous(quotes))
    if by is None:
        group = pd.Series("all", index=frame.index, name="group")
    else:
        if articles is None:
            raise ArgumentError("anonymous_share: give the articles table to group quotes by " + repr(by))
        articles = add_category(articles) if by == "category" else articles
        _require(articles, ["article_id", by], "articles")
        frame = frame.merge(articles[["article_id", by]], on="article_id", how="left")
        group = frame[by].fillna("unknown").rename("group")
    table = frame.groupby(group).agg(quotes=("anonymous", "size"), anonymous=("anonymous", "sum"))
    table["share"] = table["anonymous"] / table["quotes"]
    table.index.name = by or "group"
    return table.sort_values("quotes", ascending=False)


def corpus_overview(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Headline numbers of a run: articles, words, skipped, and (when present) quotes and governments."""
    articles = tables.get("articles", pd.DataFrame())
    overview = {
        "articles analysed": len(articles),
        "articles skipped": len(tables.get("errors", [])),
    }
    if "n_words" in articles:
        overview["words"] = int(articles["n_words"].sum())
    if "published" in articles and articles["published"].notna().any():
        overview["first date"] = str(pd.to_datetime(articles["published"]).min().date())
        overview["last date"] = str(pd.to_datetime(articles["published"]).max().date())
    if "quotes" in tables:
        overview["quotes"] = len(tables["quotes"])
    if "stance" in tables:
        overview["governments mentioned"] = tables["stance"]["government"].nunique()
    return pd.Series(overview, name="value")
