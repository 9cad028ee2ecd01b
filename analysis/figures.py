"""Plotting with one house style; every function returns a matplotlib Figure and :func:`export` saves it.

Exports are reproducible: PNG and SVG files carry no timestamps or random ids, so re-running a notebook
rewrites byte-identical files.

In a notebook, ``export(fig, "name")`` at the end of a cell shows the figure and nothing else: the list
of written paths it returns does not print itself there (it does in a terminal). A figure with nothing
drawn in it is not exported (:class:`~analysis.errors.ArgumentError`): say why there is no figure instead.

>>> import tempfile
>>> import pandas as pd
>>> fig = bar_chart(pd.Series({"a": 3, "b": 1}), title="Counts")
>>> [p.name for p in export(fig, "counts", folder=tempfile.mkdtemp())]
['counts.png', 'counts.svg']
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import matplotlib


def _interactive() -> bool:
    """True inside IPython or a Jupyter kernel (without importing IPython when it is not loaded)."""
    ipython = sys.modules.get("IPython")
    return ipython is not None and ipython.get_ipython() is not None


if not os.environ.get("MPLBACKEND") and not _interactive():
    matplotlib.use("Agg")  # headless by default (CLI, tests, clusters); notebooks keep their inline backend

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

#: Colours used across every figure: negative, neutral, positive, and a single accent for counts.
PALETTE = {"negative": "#c0392b", "neutral": "#95a5a6", "positive": "#2e86ab", "accent": "#34495e"}
#: Light colours told apart at a glance, one per quoted source (the evidence view's highlights), in order.
SOURCE_COLORS = (
    "#fde2a7",
    "#b9e3f5",
    "#cdebc0",
    "#f6c6d8",
    "#d9ccf2",
    "#ffd1b0",
    "#c4ece6",
    "#efe59a",
    "#e4d3c3",
    "#c9d6f2",
    "#f2c4c4",
    "#d7ecb1",
)
#: Highlight of attributions whose source the extractor could not resolve.
UNRESOLVED_COLOR = "#e3e3e3"
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


class Exported(list):
    """The paths :func:`export` wrote: a plain list, which shows nothing when it ends a notebook cell."""

    def _ipython_display_(self) -> None:  # the figure is the output; the paths are not news to a reader
        return None


def has_data(fig) -> bool:
    """True when some axes of ``fig`` show data (lines, bars, points, images), not only text or nothing.

    >>> fig, ax = new_figure()
    >>> has_data(fig)
    False
    >>> _ = ax.plot([0, 1], [1, 0])
    >>> has_data(fig)
    True
    """
    return any(ax.has_data() for ax in fig.axes)


def export(
    fig, name: str, folder: str | Path | None = None, formats: Sequence[str] = ("png", "svg")
) -> Exported:
    """Save ``fig`` as ``folder/name.png`` and ``.svg`` (default folder: ``figures/``) and return the paths.

    Metadata that would change on every run (creation date, software version) is left out, so the files
    are byte-identical when the figure is. A figure without data raises
    :class:`~analysis.errors.ArgumentError`.
    """
    if not has_data(fig):
        from .errors import ArgumentError

        raise ArgumentError(f"figure {name!r} has no data to show; not exported (say why there is no figure)")
    target = Path(folder) if folder is not None else FIGURES_DIR
    target.mkdir(parents=True, exist_ok=True)
    paths = Exported()
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


def bar_chart(
    values: pd.Series, title: str = "", xlabel: str = "", color: str | None = None, horizontal: bool = True
):
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
    ease.plot(
        x,
        paragraph_table["flesch_reading_ease"],
        color=PALETTE["negative"],
        marker="o",
        label="Flesch reading ease",
    )
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
    """Horizontal bars of log2 over-use ratio against general English (from :func:`analysis.stats.keyness`),
    sorted by that ratio (the plotted value), each bar annotated with the word's count in the text."""
    data = keyness.sort_values(["log_ratio", "word"], ascending=[False, True])
    fig = bar_chart(
        data.set_index("word")["log_ratio"],
        title=title,
        xlabel="log2(observed / expected): 10 means about 1,000 times more often than in general English\n"
        "N× at the end of a bar: times the word occurs in the article",
        color=PALETTE["positive"],
    )
    ax = fig.axes[0]
    ordered = data.iloc[::-1]
    for y, (_, row) in enumerate(ordered.iterrows()):
        count = int(row["count"])
        ax.text(row["log_ratio"], y, f"  {count}×", va="center", fontsize=8, color="#555555")
    ax.set_xlim(0, max(1.0, float(data["log_ratio"].max())) * 1.12)
    fig.tight_layout()
    return fig


# ---- quotes

#: One colour per kind of source (analysis.quotes speaker types).
SOURCE_TYPE_COLORS = {
    "government": "#34495e",
    "document": "#8e6c8a",
    "expert": "#2e86ab",
    "activist": "#e67e22",
    "media": "#16a085",
    "anonymous": "#7f8c8d",
    "person": "#c0392b",
    "organization": "#b7950b",
    "unknown": "#bdc3c7",
}
#: Marker per kind of attribution.
QUOTE_KIND_MARKERS = {"direct": "o", "mixed": "D", "indirect": "s"}


def _source_label(row) -> str:
    label = str(row["speaker"])
    if len(label) > 42:
        label = label[:40] + "…"
    return label + (" (anonymous)" if bool(row.get("anonymous", False)) and "anonym" not in label else "")


def voices_chart(summary: pd.DataFrame, title: str = "Who gets a voice", value: str = "words_quoted"):
    """Horizontal bars of words attributed to each source, coloured by type.

    The input is a ``quotes.source_summary`` frame.

    Each bar is annotated with the number of attributions.
    """
    data = summary.sort_values([value, "mentions"], ascending=True)
    fig, ax = new_figure(8, max(2.5, 0.42 * len(data) + 1.2))
    labels = [_source_label(row) for _, row in data.iterrows()]
    colors = [SOURCE_TYPE_COLORS.get(t, SOURCE_TYPE_COLORS["unknown"]) for t in data["speaker_type"]]
    ax.barh(labels, data[value].to_numpy(), color=colors)
    for y, (_, row) in enumerate(data.iterrows()):
        n = int(row["mentions"])
        ax.text(row[value], y, f"  {n} attribution{'s' if n != 1 else ''}", va="center", fontsize=8)
    present = [t for t in SOURCE_TYPE_COLORS if t in set(data["speaker_type"])]
    from matplotlib.patches import Patch

    handles = [Patch(color=SOURCE_TYPE_COLORS[t], label=t) for t in present]
    ax.legend(handles=handles, title="source type", loc="lower right", fontsize=8, title_fontsize=8)
    ax.set_xlabel("words attributed (quoted or paraphrased)" if value == "words_quoted" else value)
    ax.set_xlim(0, max(1, data[value].max()) * 1.35)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def quote_positions(table: pd.DataFrame, title: str = "Where in the article each source speaks"):
    """Strip plot of attributions (a ``quotes.quote_table`` frame): position in the text (0 = top) per source.

    Colour is the source type; the marker is the kind (circle direct, diamond mixed, square indirect).
    """
    data = table.copy()
    data["speaker"] = data["speaker"].fillna("(unresolved)")
    order = data.groupby("speaker", sort=False)["position"].min().sort_values().index.tolist()
    fig, ax = new_figure(8, max(2.5, 0.42 * len(order) + 1.2))
    rows = {s: i for i, s in enumerate(order)}
    for kind, marker in QUOTE_KIND_MARKERS.items():
        part = data[data["kind"] == kind]
        if part.empty:
            continue
        colors = [SOURCE_TYPE_COLORS.get(t, SOURCE_TYPE_COLORS["unknown"]) for t in part["speaker_type"]]
        ax.scatter(
            part["position"],
            [rows[s] for s in part["speaker"]],
            marker=marker,
            s=70,
            c=colors,
            edgecolors="black",
            linewidths=0.5,
            label=kind,
            zorder=3,
        )
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([s if len(s) <= 42 else s[:40] + "…" for s in order])
    ax.invert_yaxis()
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position of the attributed content in the article (0 = first character, 1 = last)")
    ax.grid(axis="x", alpha=0.3)
    legend = ax.legend(title="kind", fontsize=8, title_fontsize=8, loc="lower left")
    for handle in legend.legend_handles:
        handle.set_facecolor("white")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def affiliation_chart(table: pd.DataFrame, title: str = "On whose behalf sources speak"):
    """Stacked bars: attributions per affiliation, by type.

    The affiliation is a country or organisation; 'not stated' when None.
    """
    data = table.copy()
    data["affiliation"] = data["affiliation"].fillna("not stated")
    counts = data.groupby(["affiliation", "speaker_type"]).size().unstack(fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values().index]
    fig, ax = new_figure(8, max(2.5, 0.45 * len(counts) + 1.2))
    left = None
    for t in [t for t in SOURCE_TYPE_COLORS if t in counts.columns]:
        values = counts[t].to_numpy()
        ax.barh(counts.index.astype(str), values, left=left, color=SOURCE_TYPE_COLORS[t], label=t)
        left = values if left is None else left + values
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("attributions")
    ax.legend(title="source type", fontsize=8, title_fontsize=8, loc="lower right")
    ax.set_title(title)
    fig.tight_layout()
    return fig


# ---- sentiment


def _require_columns(table: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    from .errors import ArgumentError

    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ArgumentError(
            f"{name}: missing column(s) {missing}; pass the output of analysis.sentiment tables"
        )


def sentiment_arc(sentences: pd.DataFrame, score: str = "polarity", title: str = "Sentiment arc"):
    """Sentence-by-sentence sentiment (``score`` column, VADER compound dashed) with paragraph boundaries.

    ``sentences`` is :func:`analysis.sentiment.sentence_table`; the grey band is the neutral zone (+/-0.05).
    """
    _require_columns(sentences, ["sentence", "paragraph", score, "vader_compound"], "sentences")
    fig, ax = new_figure(9, 4)
    x = sentences["sentence"].to_numpy()
    y = sentences[score].to_numpy()
    ax.axhspan(-0.05, 0.05, color=PALETTE["neutral"], alpha=0.2, lw=0, label="neutral zone")
    ax.axhline(0, color=PALETTE["neutral"], lw=0.8)
    changes = sentences.index[sentences["paragraph"].diff().fillna(0) != 0]
    for position, row_index in enumerate(changes):
        boundary = sentences.loc[row_index, "sentence"] - 0.5
        ax.axvline(
            boundary,
            color=PALETTE["accent"],
            lw=0.6,
            ls=":",
            alpha=0.7,
            label="new paragraph" if position == 0 else None,
        )
    ax.plot(
        x,
        sentences["vader_compound"],
        color=PALETTE["accent"],
        lw=1,
        ls="--",
        alpha=0.6,
        label="VADER compound",
    )
    ax.plot(x, y, color=PALETTE["accent"], lw=1.5, label=score)
    colors = [
        PALETTE["positive"] if v > 0.05 else PALETTE["negative"] if v < -0.05 else PALETTE["neutral"]
        for v in y
    ]
    ax.scatter(x, y, c=colors, s=36, zorder=3, edgecolor="white", linewidth=0.5)
    for name, text in (
        ("negative", f"negative sentence ({score} < −0.05)"),
        ("neutral", "neutral sentence"),
        ("positive", f"positive sentence ({score} > +0.05)"),
    ):  # legend entries for the dot colours
        ax.scatter([], [], color=PALETTE[name], s=36, edgecolor="white", linewidth=0.5, label=text)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence")
    ax.set_ylabel("sentiment (-1 negative, +1 positive)")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=8, frameon=False, ncol=4)
    fig.tight_layout()
    return fig


def paragraph_heatmap(paragraphs: pd.DataFrame, title: str = "Sentiment by paragraph"):
    """Heatmap: one row per paragraph, columns mean/min polarity, VADER and TextBlob means (red = negative).

    ``paragraphs`` is :func:`analysis.sentiment.paragraph_table`.
    """
    columns = {
        "mean_polarity": "mean polarity",
        "min_polarity": "darkest sentence",
        "mean_vader_compound": "VADER compound",
        "mean_textblob_polarity": "TextBlob",
    }
    _require_columns(paragraphs, ["paragraph", *columns], "paragraphs")
    data = paragraphs.set_index("paragraph")[list(columns)].rename(columns=columns)
    data.index = [f"¶{i + 1}" for i in data.index]
    limit = max(0.1, float(data.abs().max().max()))
    fig, ax = new_figure(6.5, max(2.5, 0.38 * len(data) + 1.2))
    sns.heatmap(
        data,
        ax=ax,
        cmap=SENTIMENT_CMAP,
        vmin=-limit,
        vmax=limit,
        center=0,
        annot=True,
        fmt=".2f",
        annot_kws={"fontsize": 8},
        linewidths=0.5,
        cbar_kws={"label": "sentiment"},
    )
    ax.set_ylabel("paragraph")
    ax.tick_params(axis="y", rotation=0)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def sentiment_by_voice(sentences: pd.DataFrame, score: str = "polarity", title: str = "Sentiment by voice"):
    """Distribution of ``score`` for quoted sentences vs the reporter's own.

    Drawn as a box plus every sentence as a dot.

    Needs the ``voice`` column that :func:`analysis.sentiment.sentence_table` adds when given quotes.
    """
    from .errors import ArgumentError

    if "voice" not in sentences.columns:
        raise ArgumentError(
            "sentences: no 'voice' column; build the table with sentence_table(article, quotes=...)"
        )
    _require_columns(sentences, [score], "sentences")
    order = [v for v in ("reporter", "quoted") if v in set(sentences["voice"])]
    counts = sentences["voice"].value_counts()
    import numpy as np

    fig, ax = new_figure(6, 4)
    groups = [sentences.loc[sentences["voice"] == v, score].to_numpy(dtype=float) for v in order]
    ax.boxplot(
        groups,
        positions=range(len(order)),
        widths=0.5,
        showfliers=False,
        medianprops={"color": PALETTE["accent"]},
        boxprops={"color": PALETTE["neutral"]},
        whiskerprops={"color": PALETTE["neutral"]},
        capprops={"color": PALETTE["neutral"]},
    )
    rng = np.random.default_rng(0)  # fixed jitter: the exported figure is reproducible
    for position, values in enumerate(groups):
        ax.scatter(
            position + rng.uniform(-0.15, 0.15, size=len(values)),
            values,
            color=PALETTE["accent"],
            s=36,
            alpha=0.7,
            zorder=3,
        )
    ax.axhline(0, color=PALETTE["neutral"], lw=0.8)
    ax.set_xticks(range(len(order)))
    ax.set_xticklabels([f"{v}\n(n={counts.get(v, 0)})" for v in order])
    ax.set_xlabel("")
    ax.set_ylabel(score)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def vader_vs_textblob(sentences: pd.DataFrame, title: str = "VADER vs TextBlob, sentence by sentence"):
    """Scatter of VADER compound (x) against TextBlob polarity (y), coloured by the label of ``polarity``."""
    _require_columns(sentences, ["vader_compound", "textblob_polarity", "label"], "sentences")
    fig, ax = new_figure(5.5, 5)
    for name in ("negative", "neutral", "positive"):
        part = sentences[sentences["label"] == name]
        ax.scatter(
            part["vader_compound"],
            part["textblob_polarity"],
            color=PALETTE[name],
            s=40,
            alpha=0.8,
            edgecolor="white",
            linewidth=0.5,
            label=f"{name} (n={len(part)})",
        )
    ax.plot([-1, 1], [-1, 1], color=PALETTE["neutral"], lw=0.8, ls="--")
    ax.axhline(0, color=PALETTE["neutral"], lw=0.5)
    ax.axvline(0, color=PALETTE["neutral"], lw=0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("TextBlob polarity")
    if (
        len(sentences) > 2
        and sentences["vader_compound"].std() > 0
        and sentences["textblob_polarity"].std() > 0
    ):
        r = sentences["vader_compound"].corr(sentences["textblob_polarity"])
        title = f"{title} (r = {r:.2f})"
    ax.set_title(title)
    ax.legend(title="label of polarity", fontsize=8, title_fontsize=8, loc="upper left", frameon=False)
    fig.tight_layout()
    return fig


# ---- stance


def stance_per_government(stance: pd.DataFrame, title: str = "How the article portrays each government"):
    """Mean target sentiment per government with its 95% interval (``analysis.stance.government_stance``)."""
    import numpy as np

    df = stance.sort_values("score").reset_index(drop=True)
    fig, ax = new_figure(7.5, max(2.5, 0.55 * len(df) + 1.2))
    colors = [PALETTE[lab] if lab in PALETTE else PALETTE["accent"] for lab in df["label"]]
    y = np.arange(len(df))
    ax.hlines(y, df["ci_low"], df["ci_high"], color="#7f8c8d", lw=2, zorder=1)
    ax.scatter(df["score"], y, s=40 + 25 * df["mentions"], c=colors, zorder=2, edgecolor="white")
    for yi, (_, r) in zip(y, df.iterrows(), strict=True):
        ax.annotate(
            f"{int(r['mentions'])} mention{'s' if r['mentions'] != 1 else ''}",
            (max(r["ci_high"], r["score"]), yi),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#555555",
        )
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, df["government"])
    ax.set_xlim(-1.05, 1.25)
    ax.set_xlabel("target sentiment (−1 negative … +1 positive); bars: 95% bootstrap interval")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def voice_heatmap(matrix: pd.DataFrame, title: str = "Who mentions each government"):
    """Heatmap of mentions by government (rows) and voice (columns) (``analysis.stance.voice_matrix``)."""
    fig, ax = new_figure(max(5.0, 1.3 * matrix.shape[1] + 3), max(2.5, 0.5 * matrix.shape[0] + 1.5))
    sns.heatmap(matrix, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, ax=ax)
    ax.set_xlabel("voice (narrator or quoted source)")
    ax.set_ylabel("")
    ax.set_title(title)
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
    return fig


#: Active forms of the passive cues a relation table may hold ("A is annoyed by B" is drawn B -> A "annoys").
_ACTIVE_FORMS = {
    "annoyed": "annoys",
    "angered": "angers",
    "irritated": "irritates",
    "criticized": "criticizes",
    "criticised": "criticises",
    "condemned": "condemns",
    "pressed": "presses",
    "pressured": "pressures",
    "praised": "praises",
    "welcomed": "welcomes",
    "rebuked": "rebukes",
    "accused": "accuses",
    "threatened": "threatens",
    "blamed": "blames",
}


def relation_label(cue: str) -> str:
    """How a relation's cue reads on an arrow from the actor to the one acted on.

    A passive cue ("annoyed by", recorded with the agent as ``source``) is turned active; others are kept.

    >>> relation_label("annoyed by"), relation_label("pressed"), relation_label("startled by")
    ('annoys', 'pressed', 'startles')
    """
    words = str(cue).strip()
    if not words.endswith(" by"):
        return words
    verb = words[: -len(" by")].strip()
    if verb.lower() in _ACTIVE_FORMS:
        return _ACTIVE_FORMS[verb.lower()]
    if verb.endswith("ed"):
        stem = (
            verb[:-1]
            if verb[:-2].endswith(("at", "iz", "is", "ur", "l", "k", "s", "m", "v", "c"))
            else verb[:-2]
        )
        return stem + ("s" if not stem.endswith("s") else "es")
    return f"{verb} (passive)"


def _node_lines(node: str, width: int = 9) -> list[str]:
    import textwrap

    return textwrap.wrap(str(node), width=width, break_long_words=False) or [str(node)]


def _circle_order(weights: dict[tuple[str, str], int]) -> list[str]:
    """Nodes in an order around a circle that keeps related actors close and arrows uncrossed.

    ``weights`` maps node pairs to how many relations join them. Up to 8 nodes every order is tried (cost:
    chord lengths weighted by relations, plus crossings); beyond that, a greedy chain of the strongest links.
    Ties go to the first order in sorted node order, so the layout is reproducible.
    """
    import itertools
    import math

    nodes = sorted({n for pair in weights for n in pair})
    if len(nodes) <= 3:
        return nodes
    edges = [(nodes.index(a), nodes.index(b), w) for (a, b), w in sorted(weights.items())]
    n = len(nodes)

    def cost(order: tuple[int, ...]) -> float:
        slot = {node: i for i, node in enumerate(order)}
        total = 0.0
        chords = []
        for a, b, w in edges:
            i, j = sorted((slot[a], slot[b]))
            d = min(j - i, n - (j - i))
            total += w * 2 * math.sin(math.pi * d / n)
            chords.append((i, j))
        for (i, j), (k, m) in itertools.combinations(chords, 2):
            if (i < k < j < m) or (k < i < m < j):
                total += 1.5
        return total

    if n <= 8:
        best = min(((0, *rest) for rest in itertools.permutations(range(1, n))), key=cost)
        return [nodes[i] for i in best]
    strength = {i: sum(w for a, b, w in edges if i in (a, b)) for i in range(n)}
    order = [max(range(n), key=lambda i: (strength[i], -i))]
    while len(order) < n:
        last = order[-1]
        rest = [i for i in range(n) if i not in order]
        link = {i: sum(w for a, b, w in edges if {a, b} == {last, i}) for i in rest}
        order.append(max(rest, key=lambda i: (link[i], strength[i], -i)))
    return [nodes[i] for i in order]


def relations_graph(relations: pd.DataFrame, title: str = "Who does what to whom"):
    """Directed graph of actor relations on a circle (``analysis.stance.actor_relations``).

    One arrow per direction between two actors, from the actor to the one acted on, labelled with every cue
    of that direction (each line in its polarity's colour); a relation named for both at once ("friction
    between") is one double-headed line. Passive cues read actively ("annoyed by" -> "annoys").
    Node circles are sized to their wrapped labels.
    """
    import numpy as np
    from matplotlib.patches import FancyArrowPatch

    text_colors = {"negative": PALETTE["negative"], "neutral": "#6c7a7b", "positive": PALETTE["positive"]}
    rows = [
        (str(r["source"]), str(r["target"]), relation_label(r["cue"]), str(r["polarity"]))
        for _, r in relations.iterrows()
        if r["source"] != r["target"]
    ]
    directed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b, cue, polarity in rows:
        items = directed.setdefault((a, b), [])
        if (cue, polarity) not in items:
            items.append((cue, polarity))
    # a cue found in both directions of a pair ("friction between") is one relation of the pair
    pairs: dict[frozenset, dict[str, list[tuple[str, str]]]] = {}
    for (a, b), items in directed.items():
        pair = pairs.setdefault(frozenset((a, b)), {"both": [], a + "\0" + b: [], b + "\0" + a: []})
        reverse = directed.get((b, a), [])
        for item in items:
            if item in reverse:
                if item not in pair["both"]:
                    pair["both"].append(item)
            else:
                pair[a + "\0" + b].append(item)
    weights: dict[tuple[str, str], int] = {}
    for (a, b), items in directed.items():
        key = (min(a, b), max(a, b))
        weights[key] = weights.get(key, 0) + len(items)
    nodes = _circle_order(weights)
    n = max(len(nodes), 1)
    fig, ax = new_figure(9, 8)
    pos = {
        node: (np.cos(np.pi / 2 - 2 * np.pi * i / n), np.sin(np.pi / 2 - 2 * np.pi * i / n))
        for i, node in enumerate(nodes)
    }
    fontsize = 8.5
    radius_pt = {}
    for node in pos:
        lines = _node_lines(node)
        diameter = max(max(len(line) for line in lines) * 0.63 * fontsize, len(lines) * 1.25 * fontsize) + 10
        radius_pt[node] = diameter / 2

    def arrow_color(items):
        polarities = {p for _, p in items}
        return PALETTE.get(polarities.pop(), PALETTE["accent"]) if len(polarities) == 1 else PALETTE["accent"]

    def label(items, x, y, nx, ny):
        """Stack the cues at (x, y), pushed away from the line along the normal (nx, ny)."""
        ha = "center" if abs(nx) < 0.35 else ("left" if nx > 0 else "right")
        va = "center" if abs(ny) < 0.35 else ("bottom" if ny > 0 else "top")
        step = fontsize * 1.35
        count = len(items)
        for k, (cue, polarity) in enumerate(items):
            if va == "bottom":
                dy = step * (count - 1 - k)
            elif va == "top":
                dy = -step * k
            else:
                dy = step * ((count - 1) / 2 - k)
            ax.annotate(
                cue,
                (x, y),
                xytext=(
                    6 * np.sign(nx) if ha != "center" else 0,
                    dy + (4 * np.sign(ny) if va != "center" else 0),
                ),
                textcoords="offset points",
                ha=ha,
                va=va if va != "center" else "center",
                fontsize=8,
                color=text_colors.get(polarity, PALETTE["accent"]),
                zorder=5,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9},
            )

    mixed = False
    for pair, groups in pairs.items():
        arcs = [key for key, items in groups.items() if items and key != "both"]
        for key, items in groups.items():
            if not items:
                continue
            if key == "both":
                a, b = sorted(pair)
                rad, style = 0.0, "<|-|>"
            else:
                a, b = key.split("\0")
                rad, style = 0.28, "-|>"
            (x1, y1), (x2, y2) = pos[a], pos[b]
            color = arrow_color(items)
            mixed = mixed or color == PALETTE["accent"]
            ax.add_patch(
                FancyArrowPatch(
                    (x1, y1),
                    (x2, y2),
                    connectionstyle=f"arc3,rad={rad}",
                    arrowstyle=style,
                    mutation_scale=16,
                    color=color,
                    lw=1.8,
                    shrinkA=radius_pt[a] + 2,
                    shrinkB=radius_pt[b] + 2,
                    zorder=2,
                )
            )
            dx, dy = x2 - x1, y2 - y1
            length = float(np.hypot(dx, dy)) or 1.0
            nx, ny = dy / length, -dx / length  # the side arc3 bends to for rad > 0
            mx, my = (x1 + x2) / 2 + rad / 2 * dy, (y1 + y2) / 2 - rad / 2 * dx
            if rad == 0.0 and len(arcs) == 1:  # the straight line of a pair: label opposite the pair's arc
                a0, b0 = arcs[0].split("\0")
                arc_normal = np.array([pos[b0][1] - pos[a0][1], -(pos[b0][0] - pos[a0][0])])
                if arc_normal @ np.array([nx, ny]) > 0:
                    nx, ny = -nx, -ny
            elif rad == 0.0 and not arcs:  # alone: on the side away from the circle's centre
                outward = np.array([(x1 + x2) / 2, (y1 + y2) / 2])
                if outward @ np.array([nx, ny]) < 0:
                    nx, ny = -nx, -ny
                if float(np.hypot(*outward)) < 0.2:
                    nx, ny = 0.0, 0.0
            elif rad == 0.0:
                nx, ny = 0.0, 0.0
            label(items, mx, my, nx, ny)
    governments = {a for a, _, _, _ in rows}
    for node, (x, y) in pos.items():
        is_gov = node in governments or node[:1].isupper()
        ax.scatter(
            [x],
            [y],
            s=(2 * radius_pt[node]) ** 2,
            color="#ecf0f1" if is_gov else "#fdf2e9",
            edgecolor=PALETTE["accent"],
            zorder=3,
        )
        ax.text(
            x,
            y,
            "\n".join(_node_lines(node)),
            ha="center",
            va="center",
            fontsize=fontsize,
            zorder=4,
            fontweight="bold" if is_gov else "normal",
        )
    handles = [
        plt.Line2D([0], [0], color=PALETTE[p], lw=2, label=p) for p in ("negative", "neutral", "positive")
    ]
    if mixed:
        handles.append(plt.Line2D([0], [0], color=PALETTE["accent"], lw=2, label="mixed"))
    ax.legend(
        handles=handles,
        loc="lower right",
        bbox_to_anchor=(1.0, -0.04),
        frameon=False,
        title="polarity of the act",
        fontsize=8,
        title_fontsize=8,
    )
    ax.text(
        0.0,
        -0.02,
        'arrow: actor → the one acted on; double head: a relation of both ("friction between");\n'
        "bold circles: governments, light orange: groups",
        transform=ax.transAxes,
        fontsize=7.5,
        color="#555555",
        va="top",
    )
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.45, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    fig.tight_layout()
    return fig


# ---- corpus


def plot_articles_per_category(counts: pd.Series, title: str = "Articles per category"):
    """Bar chart of :func:`analysis.corpus_views.articles_per_category`."""
    return bar_chart(counts, title=title, xlabel="articles")


def _date_axis(axis) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
    axis.set_major_locator(locator)
    axis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def plot_articles_over_time(table: pd.DataFrame, title: str = "Articles over time"):
    """Stacked area of :func:`analysis.corpus_views.articles_over_time` (periods x categories); a figure
    without data (and :func:`export` refuses it) when no article has a date."""
    fig, ax = new_figure(9, 4)
    if table.empty:
        ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.stackplot(table.index, table.T.to_numpy(), labels=[str(c) for c in table.columns], alpha=0.85)
        ax.set_ylabel("articles")
        _date_axis(ax.xaxis)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            fontsize=8,
            frameon=False,
            ncol=min(7, len(table.columns)),
        )
    ax.set_title(title)
    fig.tight_layout()
    return fig


def _percent_axis(axis) -> None:
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=100, decimals=0))


def plot_stance_by_government(
    table: pd.DataFrame, title: str = "Mean stance toward each government", n: int = 15
):
    """Mean stance per government across articles with its 95% interval and the number of articles
    (from :func:`analysis.corpus_views.stance_by_government`), the ``n`` most-covered governments."""
    import numpy as np

    top = table.head(n).sort_values("mean_score")
    fig, ax = new_figure(7.5, max(2.5, 0.42 * len(top) + 1.3))
    y = np.arange(len(top))
    colors = [
        PALETTE["negative"] if v < -0.1 else PALETTE["positive"] if v > 0.1 else PALETTE["neutral"]
        for v in top["mean_score"]
    ]
    if {"ci_low", "ci_high"} <= set(top.columns):
        ax.hlines(y, top["ci_low"], top["ci_high"], color="#7f8c8d", lw=2, zorder=1)
    ax.scatter(top["mean_score"], y, c=colors, s=50, zorder=2, edgecolor="white")
    right = top[["mean_score", "ci_high"]].max(axis=1) if "ci_high" in top else top["mean_score"]
    for yi, (x, articles) in enumerate(zip(right.fillna(top["mean_score"]), top["articles"], strict=True)):
        ax.annotate(
            f"{int(articles)} article{'s' if articles != 1 else ''}",
            (x, yi),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#555555",
        )
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, [str(g) for g in top.index])
    ax.set_xlim(-1.05, 1.3)
    ax.set_xlabel("mean target sentiment over articles (−1 negative … +1 positive); bars: 95% interval")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_stance_by_group(
    table: pd.DataFrame,
    by: str = "category",
    title: str = "Stance toward governments, by outlet",
    ncols: int = 3,
):
    """One panel per government: mean stance of each group (outlet) with its 95% interval and article count
    (from :func:`analysis.corpus_views.stance_by_group`)."""
    import numpy as np

    governments = table.groupby("government")["articles"].sum().sort_values(ascending=False).index.tolist()
    groups = sorted(table[by].astype(str).unique())
    ncols = max(1, min(ncols, len(governments)))
    nrows = max(1, -(-len(governments) // ncols))
    fig, axes = new_figure(
        3.6 * ncols,
        0.32 * len(groups) * nrows + 1.3 * nrows,
        nrows=nrows,
        ncols=ncols,
        sharex=True,
        squeeze=False,
    )
    y = {g: i for i, g in enumerate(groups)}
    for k, ax in enumerate(axes.flat):
        if k >= len(governments):
            ax.set_axis_off()
            continue
        part = table[table["government"] == governments[k]]
        ys = np.array([y[str(g)] for g in part[by]])
        colors = [
            PALETTE["negative"] if v < -0.1 else PALETTE["positive"] if v > 0.1 else PALETTE["neutral"]
            for v in part["mean_score"]
        ]
        ax.hlines(ys, part["ci_low"], part["ci_high"], color="#7f8c8d", lw=2, zorder=1)
        ax.scatter(part["mean_score"], ys, c=colors, s=36, zorder=2, edgecolor="white")
        for yi, articles in zip(ys, part["articles"], strict=True):
            ax.text(1.02, yi, f"n={int(articles)}", va="center", fontsize=7, color="#555555")
        ax.axvline(0, color="#333333", lw=0.8)
        ax.set_yticks(range(len(groups)), groups if k % ncols == 0 else [""] * len(groups))
        ax.set_ylim(len(groups) - 0.5, -0.5)
        ax.set_xlim(-1.0, 1.3)
        ax.set_title(str(governments[k]), fontsize=10)
    fig.suptitle(title, fontweight="bold")
    fig.supxlabel("mean target sentiment over articles (bars: 95% interval; n = articles)", fontsize=9)
    fig.tight_layout()
    return fig


def plot_stance_over_time(
    table: pd.DataFrame,
    title: str = "Stance toward governments over time",
    n: int = 4,
    series: str = "government",
):
    """Mean stance per period (line, with its 95% interval as a band) for the ``n`` lines with the most
    articles, and below it the number of articles behind each point (tidy input from
    :func:`analysis.corpus_views.stance_over_time`; ``series`` names the column that makes the lines, e.g.
    "source" for one line per outlet)."""
    fig, (ax, counts) = new_figure(9, 5.8, nrows=2, sharex=True, gridspec_kw={"height_ratios": [3, 1.2]})
    if not table.empty:
        leaders = table.groupby(series)["articles"].sum().sort_values(ascending=False).head(n).index
        palette = sns.color_palette("deep", len(leaders))
        periods = sorted(table["period"].unique())
        for color, name in zip(palette, leaders, strict=True):
            # every period of the table, so that a line breaks where a period has no point (no interpolation)
            rows = table[table[series] == name].set_index("period").reindex(periods).reset_index()
            ax.plot(
                rows["period"], rows["mean_score"], marker="o", markersize=4, color=color, label=str(name)
            )
            if {"ci_low", "ci_high"} <= set(rows.columns):
                ax.fill_between(
                    rows["period"],
                    rows["ci_low"].astype(float),
                    rows["ci_high"].astype(float),
                    color=color,
                    alpha=0.13,
                    lw=0,
                )
            counts.plot(rows["period"], rows["articles"], marker="o", markersize=3, color=color, lw=1)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylabel("mean target sentiment")
        ax.legend(
            fontsize=8,
            frameon=False,
            ncol=min(4, len(leaders)),
            loc="upper left",
            title="bands: 95% interval over the period's articles (none under 5 articles)",
            title_fontsize=8,
            alignment="left",
        )
        ax.set_ylim(-1.05, 1.05)
        counts.set_ylabel("articles")
        counts.set_ylim(bottom=0)
        _date_axis(counts.xaxis)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_top_sources(table: pd.DataFrame, title: str = "Most-quoted sources"):
    """Bars of quotes per named source (from :func:`analysis.corpus_views.top_sources`), coloured by source
    type, each annotated with the number of articles it is quoted in."""
    from matplotlib.patches import Patch

    data = table.iloc[::-1]
    types = (
        data["speaker_type"].fillna("unknown") if "speaker_type" in data else pd.Series("unknown", data.index)
    )
    fig, ax = new_figure(8, max(2.5, 0.32 * len(data) + 1.2))
    ax.barh(
        [str(s) for s in data["speaker"]],
        data["quotes"].to_numpy(),
        color=[SOURCE_TYPE_COLORS.get(t, SOURCE_TYPE_COLORS["unknown"]) for t in types],
    )
    for y, (quotes, articles) in enumerate(zip(data["quotes"], data["articles"], strict=True)):
        ax.text(
            quotes, y, f"  {int(articles)} article{'s' if articles != 1 else ''}", va="center", fontsize=8
        )
    present = [t for t in SOURCE_TYPE_COLORS if t in set(types)]
    ax.legend(
        handles=[Patch(color=SOURCE_TYPE_COLORS[t], label=t) for t in present],
        title="source type",
        loc="lower right",
        fontsize=8,
        title_fontsize=8,
    )
    ax.set_xlim(0, max(1, int(data["quotes"].max()) if len(data) else 1) * 1.3)
    ax.set_xlabel("attributions (quotes and paraphrases)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_anonymous_share(table: pd.DataFrame, title: str = "Share of quotes from anonymous sources"):
    """Bars of the anonymous share in % with its 95% interval and the counts behind it
    (from :func:`analysis.corpus_views.anonymous_share`)."""
    data = table.sort_values("share", ascending=True)
    fig, ax = new_figure(7.5, max(2.5, 0.4 * len(data) + 1.2))
    labels = [str(i) for i in data.index]
    values = data["share"].to_numpy(dtype=float) * 100
    ax.barh(labels, values, color=PALETTE["negative"], alpha=0.85)
    if {"ci_low", "ci_high"} <= set(data.columns):
        low = np.clip(values - data["ci_low"].to_numpy(dtype=float) * 100, 0, None)
        high = np.clip(data["ci_high"].to_numpy(dtype=float) * 100 - values, 0, None)
        ax.errorbar(values, range(len(data)), xerr=[low, high], fmt="none", ecolor="#333333", capsize=3, lw=1)
        ends = data["ci_high"].to_numpy(dtype=float) * 100
    else:
        ends = values
    for y, (end, anonymous, quotes) in enumerate(zip(ends, data["anonymous"], data["quotes"], strict=True)):
        ax.text(end, y, f"  {int(anonymous)} of {int(quotes)}", va="center", fontsize=8, color="#555555")
    _percent_axis(ax.xaxis)
    ax.set_xlim(0, max(5.0, float(ends.max()) * 1.35 if len(ends) else 5.0))
    ax.set_xlabel("share of attributions with an anonymous source (bars: 95% interval)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_source_types(table: pd.DataFrame, title: str = "Who is quoted: source types"):
    """100% stacked bars of source-type shares per group (from :func:`analysis.corpus_views.source_types`),
    each bar labelled with its number of quotes."""
    types = [c for c in table.columns if c != "quotes"]
    data = table.iloc[::-1]
    fig, ax = new_figure(9, max(2.5, 0.42 * len(data) + 1.6))
    left = pd.Series(0.0, index=data.index)
    labels = [f"{g} (n={int(q)})" for g, q in zip(data.index, data["quotes"], strict=True)]
    for t in types:
        values = data[t].to_numpy(dtype=float) * 100
        ax.barh(labels, values, left=left.to_numpy(), color=SOURCE_TYPE_COLORS.get(t, "#bdc3c7"), label=t)
        for y, (x0, v) in enumerate(zip(left.to_numpy(), values, strict=True)):
            if v >= 7:
                ax.text(x0 + v / 2, y, f"{v:.0f}", ha="center", va="center", fontsize=7, color="white")
        left += values
    _percent_axis(ax.xaxis)
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of attributions (n = attributions)")
    ax.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=min(5, len(types)), fontsize=8, frameon=False
    )
    ax.set_title(title)
    fig.tight_layout()
    return fig
