"""Plotting with one house style; every function returns a matplotlib Figure and :func:`export` saves it.

Exports are reproducible: PNG and SVG files carry no timestamps or random ids, so re-running a notebook
rewrites byte-identical files.

>>> import pandas as pd
>>> fig = bar_chart(pd.Series({"a": 3, "b": 1}), title="Counts")  # doctest: +SKIP
>>> export(fig, "counts")                                           # doctest: +SKIP
[PosixPath('figures/counts.png'), PosixPath('figures/counts.svg')]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import matplotlib

if not os.environ.get("MPLBACKEND") and "ipykernel" not in os.environ.get("JPY_PARENT_PID", "") and not os.environ.get("JPY_SESSION_NAME"):
    # Headless by default (CLI, tests, clusters); notebooks set their own inline backend.
    try:
        import IPython  # noqa: F401

        _in_ipython = IPython.get_ipython() is not None  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - IPython missing
        _in_ipython = False
    if not _in_ipython:
        matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

#: Colours used across every figure: negative, neutral, positive, and a single accent for counts.
PALETTE = {"negative": "#c0392b", "neutral": "#95a5a6", "positive": "#2e86ab", "accent": "#34495e"}
SENTIMENT_CMAP = "RdBu"
FIGURES_DIR = Path(os.environ.get("NEWS_ANALYSIS_FIGURES", "figures"))

_RC = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "news-analysis",  # stable ids inside SVG files
    "svg.fonttype": "path",
}


def use_house_style() -> None:
    """Apply the house style (seaborn whitegrid, muted palette, stable SVG ids) to matplotlib."""
    sns.set_theme(context="notebook", style="whitegrid", palette="muted", rc=_RC)


use_house_style()


def new_figure(width: float = 8.0, height: float = 4.0, nrows: int = 1, ncols: int = 1, **kwargs):
    """A Figure and its axes in the house style (``plt.subplots`` with the house size defaults)."""
    use_house_style()
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def export(fig, name: str, folder: str | Path | None = None, formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Save ``fig`` as ``folder/name.png`` and ``.svg`` (default folder: ``figures/``) and return the paths.

    Metadata that would change on every run (creation date, software version) is left out, so the files
    are byte-identical when the figure is.
    """
    target = Path(folder) if folder is not None else FIGURES_DIR
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = target / f"{name}.{fmt}"
        metadata: dict[str, str | None]
        if fmt == "png":
            metadata = {"Software": None}
        elif fmt == "svg":
            metadata = {"Date": None, "Creator": None}
        elif fmt == "pdf":
            metadata = {"CreationDate": None, "Creator": None, "Producer": None}
        else:
            metadata = {}
        with plt.rc_context({"svg.hashsalt": "news-analysis"}):
            fig.savefig(path, format=fmt, metadata=metadata)
        paths.append(path)
    return paths


def bar_chart(values: pd.Series, title: str = "", xlabel: str = "", color: str | None = None, horizontal: bool = True):
    """A bar chart of a labelled Series (largest first when horizontal)."""
    fig, ax = new_figure(7, max(2.5, 0.3 * len(values) + 1) if horizontal else 4)
    if horizontal:
        ordered = values.iloc[::-1]
        ax.barh([str(i) for i in ordered.index], ordered.to_numpy(), color=color or PALETTE["accent"])
        ax.set_xlabel(xlabel)
    else:
        ax.bar([str(i) for i in values.index], values.to_numpy(), color=color or PALETTE["accent"])
        ax.set_ylabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    return fig


# ---- text statistics


def sentence_length_histogram(sentence_table: pd.DataFrame, title: str = "Sentence length"):
    """Histogram of sentence lengths (words), with the mean and the 25-word guideline marked."""
    fig, ax = new_figure(7, 3.5)
    lengths = sentence_table["words"]
    bins = range(0, int(lengths.max()) + 6, 5) if len(lengths) else 10
    ax.hist(lengths, bins=bins, color=PALETTE["accent"], edgecolor="white")
    ax.axvline(lengths.mean(), color=PALETTE["negative"], linestyle="--", label=f"mean {lengths.mean():.1f}")
    ax.axvline(25, color=PALETTE["neutral"], linestyle=":", label="25 words")
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("sentences")
    ax.set_title(title)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def paragraph_profile(paragraph_table: pd.DataFrame, title: str = "Paragraphs: length and reading ease"):
    """Words per paragraph (bars) and Flesch reading ease (line), paragraph by paragraph."""
    fig, ax = new_figure(8, 3.8)
    x = paragraph_table["paragraph"] + 1
    ax.bar(x, paragraph_table["words"], color=PALETTE["accent"], alpha=0.8, label="words")
    ax.set_xlabel("paragraph")
    ax.set_ylabel("words")
    ax.set_xticks(list(x))
    ease = ax.twinx()
    ease.plot(x, paragraph_table["flesch_reading_ease"], color=PALETTE["negative"], marker="o", label="Flesch reading ease")
    ease.set_ylabel("Flesch reading ease (higher = easier)")
    ease.grid(False)
    ax.set_title(title)
    handles = ax.get_legend_handles_labels()[0] + ease.get_legend_handles_labels()[0]
    labels = ax.get_legend_handles_labels()[1] + ease.get_legend_handles_labels()[1]
    ax.legend(handles, labels, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


def top_words_chart(top_words: pd.DataFrame, title: str = "Most frequent content words"):
    """Horizontal bars of content-word counts (from :func:`analysis.stats.top_words`)."""
    return bar_chart(top_words.set_index("word")["count"], title=title, xlabel="occurrences")


def keyness_chart(keyness: pd.DataFrame, title: str = "Distinctive words against general English"):
    """Horizontal bars of log2 over-use ratio against general English (from :func:`analysis.stats.keyness`)."""
    fig = bar_chart(keyness.set_index("word")["log_ratio"], title=title, xlabel="log2(observed / expected)",
                    color=PALETTE["positive"])
    return fig


# ---- corpus


def plot_articles_per_category(counts: pd.Series, title: str = "Articles per category"):
    """Bar chart of :func:`analysis.corpus_views.articles_per_category`."""
    return bar_chart(counts, title=title, xlabel="articles")


def plot_articles_over_time(table: pd.DataFrame, title: str = "Articles over time"):
    """Stacked area of :func:`analysis.corpus_views.articles_over_time` (periods x categories)."""
    fig, ax = new_figure(8, 3.5)
    if table.empty:
        ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.stackplot(table.index, table.T.to_numpy(), labels=[str(c) for c in table.columns], alpha=0.85)
        ax.set_ylabel("articles")
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncol=min(4, len(table.columns)))
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_stance_by_government(table: pd.DataFrame, title: str = "Mean stance toward each government", n: int = 15):
    """Horizontal bars of ``mean_score`` (from :func:`analysis.corpus_views.stance_by_government`), coloured by sign."""
    top = table.head(n).sort_values("mean_score")
    fig, ax = new_figure(7, max(2.5, 0.35 * len(top) + 1))
    colors = [PALETTE["negative"] if v < 0 else PALETTE["positive"] if v > 0 else PALETTE["neutral"] for v in top["mean_score"]]
    ax.barh([f"{g} ({a})" for g, a in zip(top.index, top["articles"], strict=True)], top["mean_score"], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("mean stance score (articles in brackets)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_stance_over_time(table: pd.DataFrame, title: str = "Stance toward governments over time", n: int = 6):
    """Lines of mean stance per period for the ``n`` most-covered governments (tidy input from
    :func:`analysis.corpus_views.stance_over_time`)."""
    fig, ax = new_figure(8, 3.8)
    if table.empty:
        ax.text(0.5, 0.5, "no dated stance rows", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        leaders = table.groupby("government")["articles"].sum().sort_values(ascending=False).head(n).index
        for government in leaders:
            rows = table[table["government"] == government].sort_values("period")
            ax.plot(rows["period"], rows["mean_score"], marker="o", markersize=3, label=str(government))
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylabel("mean stance score")
        ax.legend(fontsize=8, frameon=False, ncol=2)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_top_sources(table: pd.DataFrame, title: str = "Most-quoted sources"):
    """Bar chart of quotes per speaker (from :func:`analysis.corpus_views.top_sources`)."""
    return bar_chart(table.set_index("speaker")["quotes"], title=title, xlabel="quotes")


def plot_anonymous_share(table: pd.DataFrame, title: str = "Share of quotes from anonymous sources"):
    """Bar chart of ``share`` (from :func:`analysis.corpus_views.anonymous_share`), as percentages."""
    fig = bar_chart(table["share"] * 100, title=title, xlabel="% of quotes", color=PALETTE["negative"])
    return fig
