"""Corpus-level views on the result tables of a corpus run (see :mod:`analysis.runner`).

Expected columns (what the analyses write):

- ``articles``: article_id, title, published, source, path, n_words ...
- ``quotes``: article_id, speaker, speaker_type, affiliation, anonymous, kind, text (and ``canonical``
  when the extractor names the canonical speaker)
- ``stance``: article_id, government, mentions, score, label

Corpus means come with 95% bootstrap intervals over articles (fixed seed) and shares with Wilson intervals, so
a chart can show how much a difference between outlets or months could be chance.

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
    "mean_interval",
    "wilson_interval",
    "is_named_source",
    "canonical_speakers",
    "source_types",
    "stance_by_government",
    "stance_by_group",
    "stance_over_time",
    "top_sources",
    "top_sources_by",
]


ROOT = Path(__file__).resolve().parents[1]


def default_corpus() -> Path:
    """The corpus the corpus notebook reads: ``$NEWS_ANALYSIS_CORPUS``; else, under ``$NEWS_ANALYSIS_DATA``
    (default ``../shared/data``), PolNeAR (``quotes/polnear``: dated articles of 7 US outlets), else the BBC
    corpus (``news_corpus/bbc``: undated); else the ``seeds/`` folder."""
    explicit = os.environ.get("NEWS_ANALYSIS_CORPUS")
    if explicit:
        return Path(explicit)
    data = Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data"))
    candidates = [data / "quotes" / "polnear", data / "news_corpus" / "bbc"]
    chosen = next((c for c in candidates if c.is_dir()), ROOT / "seeds")
    # From the repository root (where the notebooks run), say it as ../shared/..., not as a local path.
    return Path(os.path.relpath(chosen)) if Path.cwd().resolve() == ROOT.resolve() else chosen


#: Fewest values a bootstrap interval is computed from: with fewer, resampling understates the uncertainty.
MIN_FOR_INTERVAL = 5


def mean_interval(
    values, n_boot: int = 2000, seed: int = 0, level: float = 0.95, min_n: int = MIN_FOR_INTERVAL
) -> tuple[float, float, float]:
    """Mean of ``values`` (NaN left out) with a percentile bootstrap interval; NaN bounds for fewer than
    ``min_n`` values (a bootstrap over two or three values gives a falsely narrow interval).

    >>> mean, low, high = mean_interval([0.1, 0.3, -0.2, 0.4, 0.2])
    >>> round(mean, 3), low < mean < high
    (0.16, True)
    >>> mean_interval([0.5, 0.7])
    (0.6, nan, nan)
    """
    import numpy as np

    data = np.asarray(pd.Series(values, dtype=float).dropna(), dtype=float)
    if len(data) == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(data.mean())
    if len(data) < max(2, min_n):
        return mean, float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(n_boot, len(data)))].mean(axis=1)
    tail = (1 - level) / 2
    return mean, float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


def wilson_interval(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a share ``successes / total`` (NaN when ``total`` is 0).

    >>> [round(x, 3) for x in wilson_interval(5, 20)]
    [0.112, 0.469]
    >>> wilson_interval(3, 3)[1], wilson_interval(0, 4)[0]
    (1.0, 0.0)
    """
    import math

    if total <= 0:
        return float("nan"), float("nan")
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    # the bounds contain the share itself (round-off at 0 and 1 would otherwise put it a hair outside)
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


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
    """Per government: articles that mention it, total mentions, mean stance score over those articles with a
    95% bootstrap interval over articles (``ci_low``, ``ci_high``), and the share of each label.

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
    intervals = grouped["score"].apply(lambda s: mean_interval(s)[1:])
    table["ci_low"] = [round(lo, 3) for lo, _ in intervals.reindex(table.index)]
    table["ci_high"] = [round(hi, 3) for _, hi in intervals.reindex(table.index)]
    shares = pd.crosstab(stance["government"], stance["label"], normalize="index").add_prefix("share_")
    return table.join(shares).sort_values(["articles", "mentions"], ascending=False)


def _with_group(frame: pd.DataFrame, articles: pd.DataFrame, by: str) -> pd.DataFrame:
    articles = add_category(articles) if by == "category" and "category" not in articles else articles
    _require(articles, ["article_id", by], "articles")
    merged = frame.merge(
        articles[["article_id", by]].drop_duplicates("article_id"), on="article_id", how="left"
    )
    merged[by] = merged[by].fillna("unknown")
    return merged


def stance_by_group(
    stance: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "category",
    governments: list[str] | None = None,
    min_articles: int = 1,
) -> pd.DataFrame:
    """Mean stance per (group, government), e.g. per outlet: tidy columns ``by``, government, articles,
    mean_score, ci_low, ci_high (95% bootstrap over articles). ``governments`` limits the rows; groups with
    fewer than ``min_articles`` articles mentioning the government are dropped.

    >>> st = pd.DataFrame({"article_id": ["a", "b", "c"], "government": ["Iran"] * 3,
    ...                    "score": [-0.4, -0.2, 0.3]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "source": ["nyt", "nyt", "breitbart"]})
    >>> stance_by_group(st, arts, by="source")[["source", "articles", "mean_score"]].values.tolist()
    [['breitbart', 1, 0.3], ['nyt', 2, -0.3]]
    """
    _require(stance, ["article_id", "government", "score"], "stance")
    data = _with_group(stance, articles, by)
    if governments is not None:
        data = data[data["government"].isin(governments)]
    rows = []
    for (group, government), part in data.groupby([by, "government"], sort=True):
        if part["article_id"].nunique() < min_articles:
            continue
        mean, low, high = mean_interval(part["score"])
        rows.append(
            {
                by: group,
                "government": government,
                "articles": int(part["article_id"].nunique()),
                "mean_score": round(mean, 3),
                "ci_low": round(low, 3),
                "ci_high": round(high, 3),
            }
        )
    return pd.DataFrame(rows, columns=[by, "government", "articles", "mean_score", "ci_low", "ci_high"])


def stance_over_time(
    stance: pd.DataFrame,
    articles: pd.DataFrame,
    freq: str = "MS",
    min_articles: int = 1,
    by: str | None = None,
    governments: list[str] | None = None,
) -> pd.DataFrame:
    """Mean stance score per government and period (tidy: [``by``,] government, period, articles, mean_score,
    ci_low, ci_high: 95% bootstrap over the period's articles, NaN for fewer than 5).

    ``freq`` is a pandas period start ("MS" months, "QS" quarters); ``by`` (a column of ``articles``, e.g.
    "source") splits each government's line per group; ``governments`` limits the rows. Articles without a
    date are left out; periods with fewer than ``min_articles`` articles are dropped.
    """
    _require(stance, ["article_id", "government", "score"], "stance")
    _require(articles, ["article_id", "published"], "articles")
    keys = ([by] if by else []) + ["government", "period"]
    columns = [*keys, "articles", "mean_score", "ci_low", "ci_high"]
    if governments is not None:
        stance = stance[stance["government"].isin(governments)]
    source = add_category(articles) if by == "category" and "category" not in articles else articles
    wanted = ["article_id", "published"]
    if by:
        _require(source, [by], "articles")
        wanted.append(by)
    dated = stance.merge(source[wanted].drop_duplicates("article_id"), on="article_id", how="inner").dropna(
        subset=["published"]
    )
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.assign(
        period=pd.to_datetime(dated["published"]).dt.to_period(freq.rstrip("S") or "M").dt.start_time
    )
    if by:
        dated[by] = dated[by].fillna("unknown")
    rows = []
    for key, part in dated.groupby(keys, sort=True):
        n = part["article_id"].nunique()
        if n < min_articles:
            continue
        mean, low, high = mean_interval(part["score"])
        rows.append(
            {
                **dict(zip(keys, key, strict=True)),
                "articles": n,
                "mean_score": mean,
                "ci_low": low,
                "ci_high": high,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _is_anonymous(quotes: pd.DataFrame) -> pd.Series:
    return quotes["anonymous"].fillna(False).astype(bool)


def _generic_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "generic_speakers.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


_GENERIC: frozenset[str] | None = None
_TITLES = (
    "The",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Prof",
    "Pres",
    "Sec",
    "President",
    "Senator",
    "Governor",
    "Secretary",
)


def is_named_source(speaker) -> bool:
    """True when ``speaker`` names someone ("Tony Blair", "Microsoft", "the State Department", "EU"), False
    for descriptions and fragments ("The", "report", "Analysts", "prime minister", "its website").

    The phrase before " at", " of" or a comma must end in a capitalised word or acronym, and a one-word name
    must not be a generic word (``analysis/data/generic_speakers.txt``).

    >>> [is_named_source(s) for s in ["Tony Blair", "The", "report", "prime minister", "Analysts", "EU"]]
    [True, False, False, False, False, True]
    >>> [is_named_source(s) for s in ["the State Department", "Tory leader", "Mr Blair", None]]
    [True, False, True, False]
    """
    import re

    global _GENERIC
    if not isinstance(speaker, str) or not speaker.strip():
        return False
    if _GENERIC is None:
        _GENERIC = _generic_words()
    head = re.split(r",|\s+(?:at|of|for|from|in|with|who)\s+", speaker.strip(), maxsplit=1)[0]
    words = re.findall(r"[^\W_][\w'’.-]*", head)
    words = [w for w in words if w.lower().rstrip(".") not in {"the", "a", "an"}]
    if not words:
        return False
    last = words[-1]
    if not (last[:1].isupper() or last[:1].isdigit()):
        return False
    content = [w for w in words if w.rstrip(".") not in _TITLES]
    if len(content) == 1 and content[0].lower().strip("'’.") in _GENERIC:
        return False
    return bool(content)


def _is_person_name(name: str) -> bool:
    """Two to four capitalised words ("Hillary Rodham Clinton", "Donald J. Trump"), not a phrase."""
    words = name.split()
    particles = {"de", "da", "van", "von", "bin", "al", "el", "la", "le", "di", "du"}
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or w in particles for w in words)


def _first_last(name: str) -> str:
    """ "Donald J. Trump" -> "Donald Trump", "Hillary Rodham Clinton" -> "Hillary Clinton"."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) >= 3 else name


def canonical_speakers(quotes: pd.DataFrame, dominant: float = 0.9) -> pd.Series:
    """One name per source: the extractor's ``canonical`` column when present, else the speaker.

    Then, as a reader would: a middle initial or name is dropped when the corpus also has the name
    without it ("Donald J. Trump" -> "Donald Trump", "Hillary Rodham Clinton" -> "Hillary Clinton"); within
    an article, a surname or title + surname ("Blair", "Mr Blair") becomes the one full name of the article
    that ends with it ("Tony Blair"); an article that gives no such full name takes the corpus's when one
    full name has at least ``dominant`` of the quotes of all full names with that surname.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "c"],
    ...                   "speaker": ["Tony Blair", "Mr Blair", "Blair", "Tony R. Blair"]})
    >>> canonical_speakers(q).tolist()
    ['Tony Blair', 'Tony Blair', 'Tony Blair', 'Tony Blair']
    """
    _require(quotes, ["article_id", "speaker"], "quotes")
    names = quotes["speaker"].astype(object)
    if "canonical" in quotes.columns:
        names = quotes["canonical"].astype(object).where(quotes["canonical"].notna(), names)
    result = names.copy()
    present = set(names.dropna().astype(str))
    for i, name in names.dropna().astype(str).items():
        plain = _first_last(name)
        if plain != name and plain in present and _is_person_name(name):
            result.loc[i] = plain

    def is_full(name: str) -> bool:
        return _is_person_name(name) and name.split()[0].rstrip(".") not in _TITLES

    def is_short(name: str) -> bool:
        words = name.split()
        return len(words) == 1 or (
            len(words) == 2 and words[0].rstrip(".") in _TITLES and words[1][:1].isupper()
        )

    full_counts = result.dropna().astype(str)
    full_counts = full_counts[full_counts.map(is_full)].value_counts()
    by_surname: dict[str, pd.Series] = {}
    for name, count in full_counts.items():
        by_surname.setdefault(name.split()[-1], {})[name] = count
    corpus_choice = {}
    for surname, counts in by_surname.items():
        best = max(counts, key=lambda n: (counts[n], n))
        if counts[best] >= dominant * sum(counts.values()):
            corpus_choice[surname] = best
    current = result.copy()
    for _, index in quotes.groupby("article_id", sort=False).groups.items():
        part = current.loc[index].dropna().astype(str)
        full = {n for n in part.unique() if is_full(n)}
        for i, name in part.items():
            if name in full or not is_short(name):
                continue
            surname = name.split()[-1]
            matches = [f for f in full if f.split()[-1] == surname]
            if len(matches) == 1:
                result.loc[i] = matches[0]
            elif not matches and surname in corpus_choice:
                result.loc[i] = corpus_choice[surname]
    return result


def top_sources(quotes: pd.DataFrame, n: int = 15, include_anonymous: bool = False) -> pd.DataFrame:
    """The most-quoted named sources: speaker, quotes, articles, speaker_type and affiliation (most common).

    Speakers are merged by :func:`canonical_speakers`; spellings that differ only in case count as one
    (shown in the most common spelling); descriptions that name no one ("The", "report", "prime minister",
    see :func:`is_named_source`) are left out, and so are anonymous sources unless ``include_anonymous``.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "speaker": ["Kim", "Kim", "Lee", "The"],
    ...                   "speaker_type": ["official"] * 4, "affiliation": ["Seoul"] * 4,
    ...                   "anonymous": [False] * 4})
    >>> top_sources(q)[["speaker", "quotes", "articles"]].values.tolist()
    [['Kim', 2, 1], ['Lee', 1, 1]]
    """
    _require(quotes, ["article_id", "speaker", "anonymous"], "quotes")
    if n < 1:
        raise ArgumentError(f"n must be 1 or more, got {n}")
    columns = ["speaker", "quotes", "articles", "speaker_type", "affiliation"]
    named = quotes.assign(speaker=canonical_speakers(quotes)).dropna(subset=["speaker"])
    anonymous = _is_anonymous(named)
    # a source is named when one of its spellings is ("kim sung-hwan" counts with "Kim Sung-hwan")
    folded = named["speaker"].astype(str).str.casefold()
    named_keys = set(folded[named["speaker"].map(is_named_source)])
    keep = folded.isin(named_keys) | (anonymous & include_anonymous)
    if not include_anonymous:
        keep &= ~anonymous
    named = named[keep]
    if named.empty:
        return pd.DataFrame(columns=columns)

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


def top_sources_by(
    quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "category", n: int = 5
) -> pd.DataFrame:
    """:func:`top_sources` within each group (e.g. outlet): columns ``by``, rank, speaker, quotes, articles,
    speaker_type, affiliation."""
    data = _with_group(quotes, articles, by)
    parts = []
    for group, part in data.groupby(by, sort=True):
        top = top_sources(part, n=n)
        if len(top):
            parts.append(top.assign(**{by: group, "rank": range(1, len(top) + 1)}))
    columns = [by, "rank", "speaker", "quotes", "articles", "speaker_type", "affiliation"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)
    return table[[c for c in columns if c in table.columns]]


def source_types(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None
) -> pd.DataFrame:
    """Share of quotes per source type (columns, summing to 1 per row), overall or per ``by`` group, with
    the number of quotes of each row in ``quotes``.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "speaker_type": ["government", "expert",
    ...                   "government", None]})
    >>> source_types(q).round(2).to_dict("records")
    [{'government': 0.5, 'expert': 0.25, 'unknown': 0.25, 'quotes': 4}]
    """
    _require(quotes, ["article_id", "speaker_type"], "quotes")
    data = quotes.assign(speaker_type=quotes["speaker_type"].fillna("unknown"))
    if by is None:
        group = pd.Series("all", index=data.index, name="group")
    else:
        if articles is None:
            raise ArgumentError("source_types: give the articles table to group quotes by " + repr(by))
        data = _with_group(data, articles, by)
        group = data[by].rename(by)
    counts = pd.crosstab(group, data["speaker_type"])
    order = counts.sum().sort_values(ascending=False).index.tolist()
    if "unknown" in order:
        order = [t for t in order if t != "unknown"] + ["unknown"]
    shares = counts[order].div(counts.sum(axis=1), axis=0)
    shares.columns.name = None
    shares["quotes"] = counts.sum(axis=1)
    shares.index.name = by or "group"
    return shares


def anonymous_share(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None
) -> pd.DataFrame:
    """Share of quotes attributed to anonymous sources, overall or per ``by`` (a column of ``articles``,
    e.g. "category" or "source"): columns quotes, anonymous, share, ci_low, ci_high (95% Wilson interval).

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
        frame = _with_group(frame, articles, by)
        group = frame[by].rename("group")
    table = frame.groupby(group).agg(quotes=("anonymous", "size"), anonymous=("anonymous", "sum"))
    table["share"] = table["anonymous"] / table["quotes"]
    bounds = [
        wilson_interval(int(a), int(q)) for a, q in zip(table["anonymous"], table["quotes"], strict=True)
    ]
    table["ci_low"] = [lo for lo, _ in bounds]
    table["ci_high"] = [hi for _, hi in bounds]
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
