"""Throughput: the full pipeline against the bare passes a user would write by hand, in one run.

Passes, alternated round by round on the same articles of the BBC corpus (``../shared/data/news_corpus/bbc``):

- bare A: read the file, NLTK Punkt sentences (``analysis.nlp.sentence_tokenizer()``), NLTK's VADER per
  sentence;
- bare B: the same sentences, vaderSentiment's ``SentimentIntensityAnalyzer`` per sentence;
- full: ``load_article`` + ``analyze_article`` with every registered analysis (listed in the output),
  DataFrames built per article;
- full, corpus shards: the same analyses as ``python -m analysis analyze`` runs them (``process_shard``:
  row lists collected, one DataFrame per table and shard; nothing written).

Prints articles/s (median of the rounds) and the ratios full / bare. If the pipeline writes a per-sentence
VADER compound score, it is compared with NLTK's on every sentence. ``--workers 2`` also measures a 2-worker
Dask LocalCluster against one process on the same shards (warm workers, and a cold ``run_corpus``).

    PYTHONPATH=. python benchmarks/throughput.py [--data DIR] [--rounds 3] [--limit N] [--workers 2] \\
        [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def default_data() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data"))


def corpus_files(data: Path, limit: int | None) -> list[Path]:
    from analysis.corpus import NOT_ARTICLES, iter_sources

    files = [p for p in iter_sources(data / "news_corpus" / "bbc") if p.stem.lower() not in NOT_ARTICLES]
    return files[:limit] if limit else files


def bare_pass(files: list[Path], analyzer) -> int:
    from analysis.nlp import sentence_tokenizer

    tokenizer = sentence_tokenizer()
    n = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in tokenizer.tokenize(text):
            analyzer.polarity_scores(sentence)
            n += 1
    return n


def full_pass(files: list[Path], keep: list | None = None) -> int:
    from analysis.article import load_article
    from analysis.pipeline import analyze_article

    n = 0
    for path in files:
        result = analyze_article(load_article(path))
        n += 1
        if keep is not None:
            keep.append(result)
    return n


def shard_pass(units: list, shard_size: int = 100) -> int:
    """The corpus path: load + analyse in shards, tables built once per shard (what ``analyze`` runs)."""
    from analysis.runner import process_shard

    for i in range(0, len(units), shard_size):
        process_shard(i // shard_size, units[i : i + shard_size])
    return len(units)


def compound_check(results: list) -> str:
    """Compare every per-sentence VADER compound the pipeline wrote with NLTK's own analyzer."""
    from analysis.nlp import vader

    analyzer = vader()
    checked = mismatched = 0
    column_name = None
    for result in results:
        for frame in result.tables().values():
            columns = [c for c in frame.columns if "compound" in str(c).lower()]
            if "sentence" not in frame.columns or not columns:
                continue
            column_name = columns[0]
            sentences = result.article.sentences
            for index, value in zip(frame["sentence"], frame[column_name], strict=True):
                expected = analyzer.polarity_scores(sentences[int(index)].text)["compound"]
                checked += 1
                mismatched += value != expected
    if not checked:
        return "n/a (no registered analysis writes a per-sentence compound score)"
    return f"{checked - mismatched}/{checked} sentences identical to NLTK's VADER (column {column_name!r})"


def timed_shard(index: int, units: list) -> tuple[float, float]:
    """Run one shard; (wall seconds, CPU seconds) spent on it in the process that ran it."""
    from analysis.runner import process_shard

    wall, cpu = time.perf_counter(), time.process_time()
    process_shard(index, units)
    return time.perf_counter() - wall, time.process_time() - cpu


def dask_comparison(
    files: list[Path], workers: int, shard_size: int
) -> tuple[list[tuple[str, float, str]], str]:
    """Rows (setup, articles/s wall, CPU ms per article) and a one-line verdict."""
    from distributed import Client, LocalCluster

    from analysis.pipeline import resolve_analyses
    from analysis.runner import iter_units, process_shard, run_corpus

    folder = files[0].parents[1]
    wanted = set(files)
    units = [u for u in iter_units([folder]) if u.kind == "txt" and Path(u.path) in wanted]
    shards = [units[i : i + shard_size] for i in range(0, len(units), shard_size)]
    resolve_analyses()
    rows = []
    start = time.perf_counter()
    local = [timed_shard(i, shard) for i, shard in enumerate(shards)]
    one_wall = time.perf_counter() - start
    one_cpu = sum(cpu for _, cpu in local)
    rows.append(("1 process, warm", len(units) / one_wall, f"{1000 * one_cpu / len(units):.1f}"))

    root = str(ROOT)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [root, os.environ.get("PYTHONPATH", "")] if p)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(process_shard, 0, units[:10])  # warm every worker: imports, models, caches
        start = time.perf_counter()
        futures = [client.submit(timed_shard, i, shard, pure=False) for i, shard in enumerate(shards)]
        remote = client.gather(futures)
        many_wall = time.perf_counter() - start
    many_cpu = sum(cpu for _, cpu in remote)
    rows.append(
        (f"Dask {workers} workers, warm", len(units) / many_wall, f"{1000 * many_cpu / len(units):.1f}")
    )
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        run_corpus(folder, Path(tmp) / "one", progress=False, limit=len(units) + 1)
        rows.append(
            (
                "run_corpus 1 process, cold (incl. imports, writes)",
                len(units) / (time.perf_counter() - start),
                "",
            )
        )
        start = time.perf_counter()
        run_corpus(
            folder, Path(tmp) / "dask", dask="local", jobs=workers, progress=False, limit=len(units) + 1
        )
        rows.append(
            (
                f"run_corpus Dask {workers} workers, cold (incl. cluster start)",
                len(units) / (time.perf_counter() - start),
                "",
            )
        )
    # With free cores, the wall-clock speed-up is the number of workers times the CPU-cost ratio.
    cpu_bound = workers * one_cpu / many_cpu
    verdict = (
        f"wall-clock speed-up (warm): {one_wall / many_wall:.2f}x; CPU per article in Dask workers vs one "
        f"process: {many_cpu / one_cpu:.2f}x, so {cpu_bound:.2f}x expected with {workers} free cores "
        f"(aim: >= 1.7x); CPUs here: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}"
    )
    return rows, verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=default_data(), help="data folder (default: ../shared/data)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default: 3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--workers", type=int, default=0, help="also compare a Dask LocalCluster of N workers"
    )
    parser.add_argument("--shard-size", type=int, default=100)
    parser.add_argument(
        "--profile", action="store_true", help="profile the full pipeline and print the top functions"
    )
    args = parser.parse_args(argv)

    if not (args.data / "news_corpus" / "bbc").is_dir():
        print(
            f"skipped: no BBC corpus at {args.data / 'news_corpus' / 'bbc'} "
            "(set --data or NEWS_ANALYSIS_DATA)"
        )
        return 0
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.nlp import sentence_tokenizer, vader
    from analysis.pipeline import registered_analyses, resolve_analyses

    files = corpus_files(args.data, args.limit)
    # Warm-up outside the timings: models load once per process in every pass.
    sentence_tokenizer()
    nltk_vader, package_vader = vader(), SentimentIntensityAnalyzer()
    resolve_analyses()
    full_pass(files[:20])
    from analysis.runner import iter_units

    wanted = set(files)
    units = [u for u in iter_units([files[0].parents[1]]) if u.kind == "txt" and Path(u.path) in wanted]
    passes = {
        "bare A: Punkt + NLTK VADER": lambda: bare_pass(files, nltk_vader),
        "bare B: Punkt + vaderSentiment": lambda: bare_pass(files, package_vader),
        "full pipeline": lambda: full_pass(files),
        "full pipeline, corpus shards": lambda: shard_pass(units, args.shard_size),
    }
    rates: dict[str, list[float]] = {name: [] for name in passes}
    names = list(passes)
    for round_index in range(args.rounds):
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        for name in order:
            start = time.perf_counter()
            passes[name]()
            rates[name].append(len(files) / (time.perf_counter() - start))

    median = {name: statistics.median(values) for name, values in rates.items()}
    print(f"## Throughput on {len(files)} BBC articles, {args.rounds} alternating rounds, one process\n")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print(f"registered analyses: {', '.join(registered_analyses())}\n")
    print("| pass | articles/s (median) | rounds |")
    print("|---|---:|---|")
    for name in names:
        print(f"| {name} | {median[name]:.0f} | {', '.join(f'{r:.0f}' for r in rates[name])} |")
    print()
    for label in ("full pipeline", "full pipeline, corpus shards"):
        full = median[label]
        print(
            f"{label}: / bare A = {full / median['bare A: Punkt + NLTK VADER']:.2f}; "
            f"/ bare B = {full / median['bare B: Punkt + vaderSentiment']:.2f} "
            "(aim: >= 1.0 against the faster bare pass)"
        )
    kept: list = []
    full_pass(files[: min(len(files), 300)], keep=kept)
    print(f"VADER check: {compound_check(kept)}")

    if args.workers:
        print(
            f"\n## Dask {args.workers} workers against one process "
            f"({len(files)} articles, shards of {args.shard_size})\n"
        )
        rows, verdict = dask_comparison(files, args.workers, args.shard_size)
        print("| setup | articles/s (wall clock) | CPU ms per article |")
        print("|---|---:|---:|")
        for name, rate, cpu in rows:
            print(f"| {name} | {rate:.0f} | {cpu} |")
        print(f"\n{verdict}")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        full_pass(files[: min(len(files), 500)])
        profiler.disable()
        print("\n## Profile of the full pipeline (top 20 by own time)\n```")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(20)
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
