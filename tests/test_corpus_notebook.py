"""Notebook 05 without PolNeAR: the BBC corpus (undated) and then the seeds folder. Charts that have no data
are not exported; the notebook says why instead."""

from __future__ import annotations

import pytest
from conftest import ROOT, require_data

NOTEBOOK = ROOT / "notebooks" / "05_corpus.ipynb"


def _run(monkeypatch, tmp_path, data: str):
    from analysis.report import execute_notebook

    monkeypatch.setenv("NEWS_ANALYSIS_DATA", data)
    monkeypatch.delenv("NEWS_ANALYSIS_CORPUS", raising=False)
    monkeypatch.setenv("NEWS_ANALYSIS_CORPUS_SAMPLE", "40")
    monkeypatch.setenv("NEWS_ANALYSIS_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("NEWS_ANALYSIS_RESULTS", str(tmp_path / "results"))
    notebook = execute_notebook(NOTEBOOK, cwd=ROOT)
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "") + o.get("data", {}).get("text/html", "")
        for o in outputs
    )
    return text, sorted(p.name for p in (tmp_path / "figures").glob("*.png"))


@pytest.mark.slow
def test_bbc_fallback_skips_the_charts_over_time(tmp_path, monkeypatch):
    bbc = require_data("news_corpus", "bbc")
    data = tmp_path / "data"
    (data / "news_corpus").mkdir(parents=True)
    (data / "news_corpus" / "bbc").symlink_to(bbc.resolve())  # BBC only: no PolNeAR beside it
    text, exported = _run(monkeypatch, tmp_path, str(data))
    assert "corpus:  " in text and "news_corpus/bbc" in text and "sample:  40" in text
    assert "No chart of articles over time: no article of this corpus carries a publication date" in text
    assert "No chart of stance over time: no article of this corpus carries a publication date" in text
    assert "05_articles_over_time.png" not in exported and "05_stance_over_time.png" not in exported
    assert {"05_articles_per_category.png", "05_source_types.png", "05_stance_by_government.png"} <= set(
        exported
    )
    for category in ("business", "politics", "sport"):
        assert category in text


@pytest.mark.slow
def test_seeds_fallback(tmp_path, monkeypatch):
    text, exported = _run(monkeypatch, tmp_path, str(tmp_path / "no_data_here"))
    assert "corpus:  seeds" in text and "articles in: 1   analysed: 1" in text
    assert "05_articles_over_time.png" in exported  # the seed has a date: one month, one article
    assert "No chart of stance over time: no month has 3 or more of the 1 dated articles" in text
    assert "05_stance_over_time.png" not in exported
