"""Determinism: the same input gives byte-identical result tables and figures on a second run."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import SEED


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "summary.json"  # the summary records wall-clock seconds
    }


@pytest.mark.slow
def test_corpus_run_twice_gives_identical_files(tmp_path):
    from analysis.runner import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    (corpus / "b.txt").write_text(
        'Beijing rejected the proposal. "We will not accept pressure," the Foreign Ministry said.\n\n'
        "Officials in Seoul said talks with Pyongyang would resume in April.",
        encoding="utf-8",
    )
    (corpus / "empty.txt").write_bytes(b"")
    first = run_corpus([corpus], tmp_path / "one", progress=False)
    second = run_corpus([corpus], tmp_path / "two", progress=False)
    assert (first.analysed, first.skipped) == (second.analysed, second.skipped) == (2, 1)
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert one == two
    assert any(name.startswith("quotes/") for name in one) and any(name.startswith("errors/") for name in one)


def test_analyze_article_twice_gives_equal_tables(seed):
    from analysis import Article, analyze_article

    first = analyze_article(seed).tables()
    second = analyze_article(
        Article.from_text(
            seed.path and Path(seed.path).read_text(encoding="utf-8"), id=seed.id, path=seed.path
        )
    ).tables()
    assert first.keys() == second.keys()
    for name in first:
        assert first[name].equals(second[name]), name
