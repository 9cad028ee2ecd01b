"""Plotting with one house style; every function returns a matplotlib Figure and :func:`export` saves it.

Exports are reproducible: PNG and SVG files carry no timestamps or random ids, so re-running a notebook
rewrites byte-identical files.

>>> import pandas as pd
>>> fig = bar_chart(pd.Series({"a": 3, "b": 1}), title="Counts")
>>> export(fig, "counts")
[PosixPath('figures/counts.png'), PosixPath('figures/counts.svg')]
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


def export(
    fig, name: str, folder: str | Path | None = None, formats: Sequence[str] = ("png", "svg")
) -> list[Path]:
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
    """Horizontal bars of log2 over-use ratio against general English.

    The input is a :func:`analysis.stats.keyness` frame.
    """
    fig = bar_chart(
        keyness.set_index("word")["log_ratio"],
        title=title,
        xlabel="log2(observed / expected)",
        color=PALETTE["positive"],
    )
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
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence")
    ax.set_ylabel("sentiment (-1 negative, +1 positive)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8, frameon=False, ncol=2)
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


def relations_graph(relations: pd.DataFrame, title: str = "Who does what to whom"):
    """Directed graph of actor relations on a circle: arrows from source to target coloured by polarity,
    labelled with the cue (``analysis.stance.actor_relations``)."""
    import numpy as np
    from matplotlib.patches import FancyArrowPatch

    fig, ax = new_figure(8, 7)
    # one arrow per (source, target, polarity), labelled with its cues
    relations = (
        relations.groupby(["source", "target", "polarity"], sort=False)["cue"]
        .agg(lambda c: "\n".join(dict.fromkeys(c)))
        .reset_index()
    )
    degree = pd.concat([relations["source"], relations["target"]]).value_counts(sort=False)
    ranked = sorted(degree.index, key=lambda node: (-degree[node], node))
    n = max(len(ranked), 1)
    # the busiest actors go opposite each other so their arrows and labels have room
    order = [i // 2 if i % 2 == 0 else (n + 1) // 2 + i // 2 for i in range(n)]
    nodes = [None] * n
    for node, slot in zip(ranked, order, strict=True):
        nodes[slot] = node
    pos = {
        node: (np.cos(np.pi / 2 - 2 * np.pi * i / n), np.sin(np.pi / 2 - 2 * np.pi * i / n))
        for i, node in enumerate(nodes)
    }
    seen: dict[tuple[str, str], int] = {}
    for _, r in relations.iterrows():
        a, b = pos[r["source"]], pos[r["target"]]
        k = seen.get((r["source"], r["target"]), 0)
        seen[(r["source"], r["target"])] = k + 1
        rad = 0.15 + 0.35 * k
        arrow = FancyArrowPatch(
            a,
            b,
            connectionstyle=f"arc3,rad={rad}",
            arrowstyle="-|>",
            mutation_scale=16,
            color=PALETTE.get(r["polarity"], PALETTE["accent"]),
            lw=1.8,
            shrinkA=28,
            shrinkB=28,
        )
        ax.add_patch(arrow)
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        dx, dy = b[0] - a[0], b[1] - a[1]
        ox, oy = dy * rad * 0.5, -dx * rad * 0.5
        ax.text(
            mx + ox,
            my + oy,
            r["cue"],
            fontsize=8,
            ha="center",
            va="center",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    governments = set(relations["source"])
    for node, (x, y) in pos.items():
        is_gov = node in governments or node[:1].isupper()
        ax.scatter(
            [x], [y], s=1600, color="#ecf0f1" if is_gov else "#fdf2e9", edgecolor=PALETTE["accent"], zorder=3
        )
        ax.text(
            x,
            y,
            node.replace(" ", "\n", 1) if len(node) > 10 else node,
            ha="center",
            va="center",
            fontsize=8.5,
            zorder=4,
            fontweight="bold" if is_gov else "normal",
        )
    handles = [
        plt.Line2D([0], [0], color=PALETTE[p], lw=2, label=p) for p in ("negative", "neutral", "positive")
    ]
    ax.legend(handles=handles, loc="lower right", frameon=False, title="polarity of the act")
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    fig.tight_layout()
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


def plot_stance_by_government(
    table: pd.DataFrame, title: str = "Mean stance toward each government", n: int = 15
):
    """Horizontal bars of ``mean_score``, coloured by sign.

    The input is a :func:`analysis.corpus_views.stance_by_government` frame.
    """
    top = table.head(n).sort_values("mean_score")
    fig, ax = new_figure(7, max(2.5, 0.35 * len(top) + 1))
    colors = [
        PALETTE["negative"] if v < 0 else PALETTE["positive"] if v > 0 else PALETTE["neutral"]
        for v in top["mean_score"]
    ]
    ax.barh(
        [f"{g} ({a})" for g, a in zip(top.index, top["articles"], strict=True)],
        top["mean_score"],
        color=colors,
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("mean stance score (articles in brackets)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_stance_over_time(
    table: pd.DataFrame, title: str = "Stance toward governments over time", n: int = 6
):
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
