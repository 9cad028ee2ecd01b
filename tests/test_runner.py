"""Corpus runs: same rows for one process, local processes and Dask; errors table; crash-safe resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from corpus_fixtures import ROOT, generated_text, make_corpus

from analysis.corpus import load_corpus
from analysis.errors import ArgumentError, InputError
from analysis.runner import iter_units, read_results, result_tables, run_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "one_process"
    summary = run_corpus(corpus, out, shard_size=4, progress=False)
    assert (summary.articles_in, summary.analysed, summary.skipped) == (15, 12, 3)
    assert summary.shards == 4 and summary.shards_resumed == 0
    return out


def _all_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_results(out, name) for name in result_tables(out)}


def test_rows_match_load_corpus(corpus, local_run):
    reader = load_corpus(corpus)
    ids = [article.id for article in reader]
    articles = read_results(local_run, "articles")
    assert articles["article_id"].tolist() == ids  # same articles, same order as the loader
    assert articles["article_id"].is_unique
    errors = read_results(local_run, "errors")
    expected = sorted((Path(s.path).name, s.line, s.reason) for s in reader.skipped)
    got = sorted(
        (Path(p).name, None if pd.isna(line) else int(line), reason)
        for p, line, reason in zip(errors["path"], errors["line"], errors["reason"], strict=True)
    )
    assert got == expected
    assert set(errors["stage"]) == {"load"}
    seed = articles.set_index("article_id").loc["000_de93c8312eb4da64"]
    assert (seed["n_sentences"], seed["agency"]) == (16, "Associated Press")
    assert articles.set_index("article_id").loc["j1", "published"] == pd.Timestamp(2012, 3, 2)


def test_read_tables_always_has_articles_and_errors(tmp_path):
    from analysis.runner import read_tables

    run_corpus(ROOT / "seeds", tmp_path / "seeds", progress=False)
    tables = read_tables(tmp_path / "seeds")
    assert list(tables)[0] == "articles" and list(tables)[-1] == "errors"
    assert len(tables["articles"]) == 1 and tables["errors"].empty
    assert list(tables["errors"].columns) == ["article_id", "path", "line", "stage", "reason"]


def test_summary_file_and_layout(local_run):
    summary = json.loads((local_run / "summary.json").read_text())
    assert summary["analysed"] == 12 and summary["skipped"] == 3
    assert sorted(p.name for p in (local_run / "articles").iterdir()) == [
        f"part-0000{i}.parquet" for i in range(4)
    ]
    # each table folder is also a plain Parquet dataset
    assert len(pd.read_parquet(local_run / "articles")) == 12


@pytest.mark.slow
def test_local_processes_give_the_same_rows(corpus, local_run, tmp_path):
    summary = run_corpus(corpus, tmp_path / "two", jobs=2, shard_size=4, progress=False)
    assert summary.workers == "2 processes"
    expected, got = _all_tables(local_run), _all_tables(tmp_path / "two")
    assert list(got) == list(expected) and {"articles", "errors"} <= set(expected)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name])


@pytest.mark.dask
@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_rows(corpus, local_run, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    # Dask worker processes must import this package from the checkout.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    summary = run_corpus(corpus, tmp_path / "dask", jobs=2, dask="local", shard_size=4, progress=False)
    assert summary.workers == "Dask local (2 workers)"
    assert (summary.articles_in, summary.analysed, summary.skipped) == (15, 12, 3)
    expected, got = _all_tables(local_run), _all_tables(tmp_path / "dask")
    assert list(got) == list(expected)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name])


def test_analysis_failure_goes_to_errors(corpus, tmp_path, monkeypatch):
    from analysis import pipeline

    def fragile(context):
        if context.article.id == "generated/g003":
            raise ValueError("boom")
        return {"articles": [{"ok": True}]}

    monkeypatch.setattr(pipeline, "ANALYSES", [*pipeline.ANALYSES, pipeline.AnalysisSpec("fragile", fragile)])
    summary = run_corpus(corpus, tmp_path / "out", shard_size=100, progress=False)
    assert (summary.analysed, summary.skipped) == (11, 4)
    errors = read_results(tmp_path / "out", "errors")
    row = errors[errors["stage"] == "analysis"].iloc[0]
    assert (row["article_id"], row["reason"]) == ("generated/g003", "ValueError: boom")
    assert "generated/g003" not in set(read_results(tmp_path / "out", "articles")["article_id"])
    clean = make_corpus(tmp_path / "clean", n_generated=5, bad=False)
    with pytest.raises(ValueError, match="boom"):
        run_corpus(clean, tmp_path / "strict", strict=True, progress=False)


def test_strict_stops_at_bad_input(corpus, tmp_path):
    with pytest.raises(InputError, match="README"):
        run_corpus(corpus, tmp_path / "strict", strict=True, progress=False)


def test_csv_format_and_limit(corpus, tmp_path):
    summary = run_corpus(corpus, tmp_path / "csv", fmt="csv", limit=5, shard_size=2, progress=False)
    assert summary.articles_in == 5
    articles = read_results(tmp_path / "csv", "articles")
    assert articles["article_id"].tolist()[:1] == ["000_de93c8312eb4da64"]
    assert articles["published"].dtype.kind == "M"
    assert (tmp_path / "csv" / "articles" / "part-00000.csv").exists()


def test_refuses_to_mix_runs(corpus, local_run):
    with pytest.raises(ArgumentError, match="different run"):
        run_corpus(corpus, local_run, shard_size=5, progress=False)
    with pytest.raises(ArgumentError, match="fmt"):
        run_corpus(corpus, local_run.parent / "x", fmt="xlsx", progress=False)
    with pytest.raises(InputError, match="no such file"):
        run_corpus(corpus / "missing", local_run.parent / "y", progress=False)


def test_rerun_of_finished_run_resumes_everything(corpus, local_run):
    before = _all_tables(local_run)
    summary = run_corpus(corpus, local_run, shard_size=4, progress=False)
    assert summary.shards_resumed == summary.shards == 4
    assert summary.analysed == 12
    for name, frame in _all_tables(local_run).items():
        pd.testing.assert_frame_equal(frame, before[name])


def test_units_are_cheap_and_ordered(corpus):
    units = list(iter_units([corpus]))
    assert [u.position for u in units] == list(range(15))
    assert all(u.payload is None for u in units if u.kind == "txt")  # workers read the files themselves
    shipped = [u for u in iter_units([corpus], ship_text=True) if u.kind == "txt"]
    assert shipped[0].payload == (corpus / "000_de93c8312eb4da64.txt").read_bytes()


@pytest.mark.slow
def test_killed_run_resumes_without_lost_or_duplicated_rows(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"a{i:03d}.txt").write_text(generated_text(i), encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    worker = [sys.executable, str(ROOT / "tests" / "resume_worker.py"), str(corpus), str(out)]
    process = subprocess.Popen([*worker, "0.05"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    markers = out / "_shards"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(markers.glob("*.json")) if markers.exists() else []) < 4:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    done_before = len(list(markers.glob("*.json")))
    assert 4 <= done_before < 20, "the run should have been killed mid-way"

    finished = subprocess.run([*worker, "0"], env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert f"shards: 20 ({done_before} reused from an earlier run of this version)" in finished.stdout
    articles = read_results(out, "articles")
    assert articles["article_id"].tolist() == [f"a{i:03d}" for i in range(40)]  # complete, ordered, unique
    assert (articles["slow"] == 1).all()
    leftovers = [p.name for p in out.rglob("*") if ".tmp-" in p.name]
    assert leftovers == []
    assert len(list((out / "articles").glob("part-*.parquet"))) == 20


def test_sample_spreads_over_the_corpus(corpus, tmp_path):
    summary = run_corpus(corpus, tmp_path / "sample", sample=5, progress=False)
    assert summary.articles_in == 5
    # 15 units, every 3rd: positions 0 (seed), 3, 6, 9 (g000, g003, g006) and 12 (the line that is not JSON)
    analysed = read_results(tmp_path / "sample", "articles")["article_id"].tolist()
    assert analysed == ["000_de93c8312eb4da64", "generated/g000", "generated/g003", "generated/g006"]
    assert read_results(tmp_path / "sample", "errors")["line"].tolist() == [2]


@pytest.mark.dask
@pytest.mark.slow
def test_dask_scheduler_address_ships_texts_and_gives_the_same_rows(corpus, local_run, tmp_path, monkeypatch):
    """``dask="tcp://..."``: a running cluster.

    Article files are read here and shipped (workers may not see them).
    """
    distributed = pytest.importorskip("distributed")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        summary = run_corpus(corpus, tmp_path / "tcp", dask=address, shard_size=4, progress=False)
        with distributed.Client(address) as client:
            from analysis.parse import model_loads

            loads = client.run(model_loads)  # the parser model loads once per worker, not per article
    assert summary.workers == f"Dask {address} (2 workers)"
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and max(loads.values()) == 1
    expected, got = _all_tables(local_run), _all_tables(tmp_path / "tcp")
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name])


def test_column_missing_in_a_whole_shard_keeps_its_type(corpus, tmp_path, monkeypatch):
    from analysis import pipeline

    def score(context):  # a numeric score that only the JSONL articles have
        return {"articles": [{"score": 0.5 if context.article.id.startswith("j") else None}]}

    spec = pipeline.AnalysisSpec("score", score, {"articles": {"score": "float64"}})
    monkeypatch.setattr(pipeline, "ANALYSES", [*pipeline.ANALYSES, spec])
    run_corpus(corpus, tmp_path / "out", shard_size=4, progress=False)
    articles = read_results(tmp_path / "out", "articles")
    assert articles["score"].dtype == "float64"
    assert articles.set_index("article_id")["score"].dropna().to_dict() == {"j0": 0.5, "j1": 0.5, "j2": 0.5}
    assert len(pd.read_parquet(tmp_path / "out" / "articles", columns=["article_id"])) == 12


def test_shards_of_another_version_are_analysed_again(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_corpus(corpus, out, shard_size=4, progress=False)
    before = read_results(out, "articles")
    marker = out / "_shards" / "part-00000.json"
    old = json.loads(marker.read_text())
    assert old["version"] == first.version and first.version.startswith("news-analysis ")
    marker.write_text(json.dumps({**old, "version": "news-analysis 0.0.1"}))
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "version": "news-analysis 0.0.1"}))
    second = run_corpus(corpus, out, shard_size=4, progress=False)
    assert (second.shards_rerun, second.shards_resumed) == (1, second.shards - 1)
    assert "1 written by another version, analysed again" in str(second)
    pd.testing.assert_frame_equal(read_results(out, "articles"), before)
    assert json.loads(marker.read_text())["version"] == first.version


def test_error_rows_keep_the_record_id_and_bad_dates_are_recorded(tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [
        {"id": "ok-1", "text": "Seoul pressed China. It failed.", "date": "2016-03-01"},
        {"id": "no-text", "text": ""},
        {"id": "bad-date", "text": "Seoul pressed China again.", "date": "not a date"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", encoding="utf-8")
    summary = run_corpus(path, tmp_path / "out", progress=False)
    assert (summary.analysed, summary.skipped) == (2, 2)
    errors = read_results(tmp_path / "out", "errors")
    assert errors[["article_id", "line", "stage"]].values.tolist() == [
        ["no-text", 2, "load"],
        ["records:4", 4, "load"],
    ]
    warnings = read_results(tmp_path / "out", "warnings")
    assert warnings["article_id"].tolist() == ["bad-date"]
    assert "cannot read 'not a date' as a date" in warnings["problem"].iloc[0]
    articles = read_results(tmp_path / "out", "articles").set_index("article_id")
    assert pd.isna(articles.loc["bad-date", "published"]) and not pd.isna(articles.loc["ok-1", "published"])
