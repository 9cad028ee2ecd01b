"""Figures: house style and byte-identical exports."""

from __future__ import annotations

import hashlib

import pandas as pd

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
