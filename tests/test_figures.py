"""Figures: house style and byte-identical exports."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis import figures, stats


def _digest(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_export_is_byte_identical(tmp_path, seed):
    first = figures.export(figures.top_words_chart(stats.top_words(seed)), "top", folder=tmp_path)
    digests = _digest(first)
    second = figures.export(figures.top_words_chart(stats.top_words(seed)), "top", folder=tmp_path)
    assert [p.name for p in second] == ["top.png", "top.svg"]
    assert _digest(second) == digests
    svg = second[1].read_text()
    assert "<dc:date>" not in svg


def test_statistics_figures_return_figures(tmp_path, seed):
    from matplotlib.figure import Figure

    for fig in (
        figures.sentence_length_histogram(stats.sentence_table(seed)),
        figures.paragraph_profile(stats.paragraph_table(seed)),
        figures.keyness_chart(stats.keyness(seed)),
        figures.bar_chart(pd.Series({"a": 1, "b": 2}), horizontal=False),
    ):
        assert isinstance(fig, Figure)
        assert fig.axes[0].get_title() or fig.axes[0].has_data()


def test_export_shows_no_repr_and_refuses_empty_figures(tmp_path):
    from analysis.errors import ArgumentError

    paths = figures.export(figures.bar_chart(pd.Series({"a": 1})), "one", folder=tmp_path)
    assert paths == [tmp_path / "one.png", tmp_path / "one.svg"]
    assert paths._ipython_display_() is None  # IPython shows nothing for it when it ends a cell
    fig, _ = figures.new_figure()
    with pytest.raises(ArgumentError, match="'empty' has no data"):
        figures.export(fig, "empty", folder=tmp_path)
    assert not (tmp_path / "empty.png").exists()
    empty_over_time = figures.plot_articles_over_time(pd.DataFrame())
    assert not figures.has_data(empty_over_time)


def _bar_labels_top_down(ax):
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    return labels[::-1], widths[::-1]


def test_keyness_is_sorted_by_the_plotted_value(seed):
    key = stats.keyness(seed, n=15)
    fig = figures.keyness_chart(key)
    labels, widths = _bar_labels_top_down(fig.axes[0])
    assert widths == sorted(widths, reverse=True)
    assert labels[0] == key.loc[key["log_ratio"].idxmax(), "word"] == "defectors"
    assert labels != key["word"].tolist()  # the table is ranked by g2, the chart by log ratio
    counts = [t.get_text().strip() for t in fig.axes[0].texts if t.get_text().strip().endswith("×")]
    assert len(counts) == 15 and "2×" in counts


def test_sentiment_arc_has_a_legend_for_dot_colours(seed):
    from analysis import sentiment
    from analysis.quotes import extract_quotes

    fig = figures.sentiment_arc(sentiment.sentence_table(seed, quotes=extract_quotes(seed.text)))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert {
        "negative sentence (polarity < −0.05)",
        "neutral sentence",
        "positive sentence (polarity > +0.05)",
    } <= set(legend)


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_relations_graph_is_legible(seed):
    import numpy as np

    from analysis import stance

    relations = stance.actor_relations(seed)
    assert "annoyed by" in set(relations["cue"])
    fig = figures.relations_graph(relations)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    cues = [t for t in ax.texts if t.get_text() and "\n" not in t.get_text() and t.get_fontsize() == 8]
    words = [t.get_text() for t in cues]
    # one label per cue and direction: "friction between" (both ways) once; passive cues read actively
    assert words.count("friction between") == 1 and words.count("deal between") == 1
    assert "annoys" in words and "annoyed by" not in words
    assert sorted(words) == sorted(
        [
            "annoys",
            "called",
            "calls",
            "deal between",
            "engaged",  # Seoul -> Beijing ("years of behind-the-scenes diplomacy with Beijing")
            "friction between",
            "pressed",
            "raised",
            "seek",
            "seek",
        ]
    )
    boxes = [t.get_window_extent(renderer) for t in cues]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not _overlap(boxes[i], boxes[j]), (words[i], words[j])
    # every node label fits inside its circle
    circles = [c for c in ax.collections if len(c.get_offsets()) == 1]
    labels = [t for t in ax.texts if t.get_fontsize() == 8.5]
    assert len(circles) == len(labels) == 7
    for circle, label in zip(circles, labels, strict=True):
        diameter_px = np.sqrt(circle.get_sizes()[0]) * fig.dpi / 72
        box = label.get_window_extent(renderer)
        assert box.width < diameter_px and box.height < diameter_px, label.get_text()
    assert "the\ngrowing\ncampaign" in [t.get_text() for t in labels]


def test_relation_labels_read_actively():
    assert figures.relation_label("annoyed by") == "annoys"
    assert figures.relation_label("praised by") == "praises"
    assert figures.relation_label("pressed") == "pressed"


def test_corpus_charts_show_intervals_counts_and_percent_axes():
    from matplotlib.collections import LineCollection

    from analysis import corpus_views as views

    stance = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(8)] + ["b0"],
            "government": ["China"] * 8 + ["Iran"],
            "mentions": [1] * 9,
            "score": [-0.5, -0.2, 0.1, -0.4, -0.3, 0.0, -0.6, -0.1, 0.4],
            "label": ["negative"] * 9,
        }
    )
    table = views.stance_by_government(stance)
    ax = figures.plot_stance_by_government(table).axes[0]
    intervals = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert intervals and len(intervals[0].get_segments()) == 2
    notes = {t.get_text() for t in ax.texts}
    assert {"8 articles", "1 article"} <= notes
    quotes = pd.DataFrame({"article_id": ["a0"] * 40 + ["b0"] * 10, "anonymous": [True] * 6 + [False] * 44})
    share = views.anonymous_share(
        quotes, pd.DataFrame({"article_id": ["a0", "b0"], "source": ["x", "y"]}), by="source"
    )
    fig = figures.plot_anonymous_share(share)
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(t.endswith("%") for t in ticks)
    assert {"  6 of 40", "  0 of 10"} <= {t.get_text() for t in fig.axes[0].texts}
