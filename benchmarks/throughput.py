"""Throughput: the full pipeline (with parsing) against bare passes and spaCy over the whole text, one run.

Passes, alternated round by round on the same BBC articles (``../shared/data/news_corpus/bbc``), timed in CPU
seconds of this process (``time.process_time``: robust to other work on a shared machine), one core:

- bare A: read the file, NLTK Punkt sentences, NLTK's VADER per sentence;
- bare B: the same sentences, vaderSentiment's ``SentimentIntensityAnalyzer`` per sentence;
- spaCy whole text: read the file, the full spaCy pipeline (``en_core_web_sm`` with NER) over the whole text,
  which is how the spaCy-based peers (GenderGapTracker's extractor, textacy) work;
- full pipeline: ``load_article`` + ``analyze_article`` with every registered analysis, frames per article;
- full, corpus shards: what ``python -m analysis analyze`` runs (``analyse_units`` + ``assemble_shard``: rows
  collected per article, 16 articles parsed ahead in one stream, one typed frame per table and shard;
  nothing written).

Then one staged pass gives the cost of each stage per article (load, segment, parse-ahead plan, quotes,
mentions, parse, each analysis, frames, as ``analyze_article`` runs them) and the share of sentences parsed
and given entities. Budgets (issue 10): full pipeline at least 3x faster than spaCy over the whole text,
and at least 0.07 of the fastest bare pass. ``--workers 2`` also compares a Dask LocalCluster with one
process on the same shards.

    python benchmarks/throughput.py [--data DIR] [--rounds 3] [--limit N] [--workers 2] [--profile]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def default_data() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data"))


def corpus_files(data: Path, limit: int | None) -> list[Path]:
    from analysis.corpus import NOT_ARTICLES, iter_sources

    files = [p for p in iter_sources(data / "news_corpus" / "bbc") if p.stem.lower() not in NOT_ARTICLES]
    if limit and limit < len(files):  # an even spread over the categories, not the first N
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def bare_pass(files: list[Path], analyzer) -> int:
    from analysis.nlp import sentence_tokenizer

    tokenizer = sentence_tokenizer()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in tokenizer.tokenize(text):
            analyzer.polarity_scores(sentence)
    return len(files)


def spacy_pass(files: list[Path]) -> int:
    from analysis.parse import load_pipeline

    nlp = load_pipeline()
    texts = (path.read_text(encoding="utf-8", errors="replace") for path in files)
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(files)


def full_pass(files: list[Path], keep: list | None = None) -> int:
    from analysis.article import load_article
    from analysis.pipeline import analyze_article

    for path in files:
        result = analyze_article(load_article(path))
        if keep is not None:
            keep.append(result)
    return len(files)


def shard_pass(units: list, shard_size: int = 100) -> int:
    from analysis.runner import analyse_units, assemble_shard

    for i in range(0, len(units), shard_size):
        assemble_shard(i // shard_size, [analyse_units(i // shard_size, units[i : i + shard_size])])
    return len(units)


def staged_pass(files: list[Path]) -> tuple[dict[str, float], dict[str, int]]:
    """CPU seconds per stage over ``files`` and parse counts; parse time is taken out of the stage that
    triggered it (analyses parse lazily) and reported as its own stage."""
    from analysis.article import load_article
    from analysis.context import ArticleContext
    from analysis.parse_ahead import parse_ahead
    from analysis.pipeline import (
        ResolvedAnalysis,
        analysis_records,
        build_frames,
        resolve_analyses,
        table_schemas,
        uses_of,
    )

    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    clock = time.process_time
    current: list[ArticleContext] = []

    def timed(stage: str, function):
        def run(*args):
            context = current[0]
            before, started = context.parsed.seconds, clock()
            try:
                return function(*args)
            finally:
                seconds[stage] += clock() - started - (context.parsed.seconds - before)

        return run

    resolved = [
        ResolvedAnalysis(r.name, timed(f"analysis: {r.name}", r.function), r.tables)
        for r in resolve_analyses()
    ]
    schemas = table_schemas(resolved)
    uses = uses_of(resolve_analyses())
    for path in files:
        started = clock()
        article = load_article(path)
        seconds["load"] += clock() - started
        started = clock()
        _ = article.sentences
        seconds["segment"] += clock() - started
        context = ArticleContext(article)
        current[:] = [context]
        timed("parse ahead (plan)", lambda c=context: parse_ahead([c], uses))()
        timed("quotes (find)", lambda c=context: c.quotes)()
        timed("mentions (find)", lambda c=context: c.mentions)()
        records = analysis_records(context, resolved)
        started = clock()
        build_frames(records, schemas)
        seconds["frames"] += clock() - started
        seconds["parse (spaCy, where asked)"] += context.parsed.seconds
        for key, value in context.parsed.stats.items():
            counts[key] += value
    return dict(seconds), dict(counts)


def compound_check(results: list) -> str:
    """Compare every per-sentence VADER compound the pipeline wrote with NLTK's own analyzer."""
    from analysis.nlp import vader

    analyzer = vader()
    checked = mismatched = 0
    for result in results:
        frame = result.tables().get("sentences")
        if frame is None or "vader_compound" not in frame.columns:
            continue
        sentences = result.article.sentences
        for index, value in zip(frame["sentence"], frame["vader_compound"], strict=True):
            checked += 1
            mismatched += value != analyzer.polarity_scores(sentences[int(index)].text)["compound"]
    if not checked:
        return "n/a (no per-sentence compound score)"
    return f"{checked - mismatched}/{checked} sentences identical to NLTK's VADER"


def timed_shard(index: int, units: list) -> tuple[float, float]:
    """Run one shard; (wall seconds, CPU seconds) spent on it in the process that ran it."""
    from analysis.runner import process_shard

    wall, cpu = time.perf_counter(), time.process_time()
    process_shard(index, units)
    return time.perf_counter() - wall, time.process_time() - cpu


def dask_comparison(units: list, folder: Path, workers: int, shard_size: int) -> tuple[list, str]:
    """Rows (setup, articles/s wall, CPU ms per article) and a one-line verdict."""
    from distributed import Client, LocalCluster

    from analysis.parse import model_loads
    from analysis.runner import run_corpus

    shards = [units[i : i + shard_size] for i in range(0, len(units), shard_size)]
    rows = []
    start = time.perf_counter()
    local = [timed_shard(i, shard) for i, shard in enumerate(shards)]
    one_wall = time.perf_counter() - start
    one_cpu = sum(cpu for _, cpu in local)
    rows.append(("1 process, warm", len(units) / one_wall, f"{1000 * one_cpu / len(units):.1f}"))
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [str(ROOT), os.environ.get("PYTHONPATH", "")] if p)
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(timed_shard, 0, units[:10])  # warm every worker: imports, models, caches
        start = time.perf_counter()
        remote = client.gather([client.submit(timed_shard, i, s, pure=False) for i, s in enumerate(shards)])
        many_wall = time.perf_counter() - start
        loads = client.run(model_loads)
    many_cpu = sum(cpu for _, cpu in remote)
    rows.append(
        (f"Dask {workers} workers, warm", len(units) / many_wall, f"{1000 * many_cpu / len(units):.1f}")
    )
    with tempfile.TemporaryDirectory() as tmp:
        for label, kwargs in (
            ("run_corpus 1 process, cold (incl. imports, writes)", {}),
            (f"run_corpus {workers} processes, cold", {"jobs": workers}),
            (
                f"run_corpus Dask {workers} workers, cold (incl. cluster start)",
                {"dask": "local", "jobs": workers},
            ),
        ):
            start = time.perf_counter()
            run_corpus(
                folder,
                Path(tmp) / label[:20].replace(" ", "_"),
                progress=False,
                limit=len(units) + 1,
                **kwargs,
            )
            rows.append((label, len(units) / (time.perf_counter() - start), ""))
    verdict = (
        f"wall-clock speed-up (warm): {one_wall / many_wall:.2f}x; CPU per article in Dask workers vs one "
        f"process: {many_cpu / one_cpu:.2f}x, so {workers * one_cpu / many_cpu:.2f}x expected with {workers} "
        f"free cores; spaCy model loads per worker: {sorted(loads.values())}; CPUs here: {os.cpu_count()}, "
        f"load average: {os.getloadavg()[0]:.1f}"
    )
    return rows, verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=default_data(), help="data folder (default: ../shared/data)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default: 3)")
    parser.add_argument("--limit", type=int, default=None, help="N articles spread over the corpus")
    parser.add_argument(
        "--workers", type=int, default=0, help="also compare a Dask LocalCluster of N workers"
    )
    parser.add_argument("--shard-size", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="profile the full pipeline (top functions)")
    args = parser.parse_args(argv)

    if not (args.data / "news_corpus" / "bbc").is_dir():
        print(
            f"skipped: no BBC corpus at {args.data / 'news_corpus' / 'bbc'} "
            "(set --data or NEWS_ANALYSIS_DATA)"
        )
        return 0
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.nlp import sentence_tokenizer, vader
    from analysis.parse import load_pipeline, model_info
    from analysis.pipeline import registered_analyses, resolve_analyses
    from analysis.runner import iter_units

    files = corpus_files(args.data, args.limit)
    # warm-up outside the timings: models load once per process in every pass
    sentence_tokenizer()
    load_pipeline()
    nltk_vader, package_vader = vader(), SentimentIntensityAnalyzer()
    resolve_analyses()
    full_pass(files[:20])
    spacy_pass(files[:5])
    wanted = set(files)
    units = [u for u in iter_units([files[0].parents[1]]) if u.kind == "txt" and Path(u.path) in wanted]
    passes = {
        "bare A: Punkt + NLTK VADER": lambda: bare_pass(files, nltk_vader),
        "bare B: Punkt + vaderSentiment": lambda: bare_pass(files, package_vader),
        "spaCy over the whole text (sm, with NER)": lambda: spacy_pass(files),
        "full pipeline (analyze_article)": lambda: full_pass(files),
        "full pipeline, corpus shards": lambda: shard_pass(units, args.shard_size),
    }
    rates: dict[str, list[float]] = {name: [] for name in passes}
    names = list(passes)
    for round_index in range(args.rounds):
        for name in names[round_index % len(names) :] + names[: round_index % len(names)]:
            start = time.process_time()
            passes[name]()
            rates[name].append(len(files) / (time.process_time() - start))
    median = {name: statistics.median(values) for name, values in rates.items()}
    info = model_info()
    print(
        f"## Throughput on {len(files)} BBC articles, {args.rounds} alternating rounds, one core (CPU time)\n"
    )
    print(
        f"spaCy pipeline: {info['package']} {info['version']}; analyses: {', '.join(registered_analyses())}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
    )
    print("| pass | articles/s (median) | rounds |")
    print("|---|---:|---|")
    for name in names:
        print(f"| {name} | {median[name]:.1f} | {', '.join(f'{r:.1f}' for r in rates[name])} |")
    fastest_bare = max(median[n] for n in names if n.startswith("bare"))
    spacy = median["spaCy over the whole text (sm, with NER)"]
    print()
    for label in ("full pipeline (analyze_article)", "full pipeline, corpus shards"):
        full = median[label]
        print(
            f"- {label}: {full / spacy:.2f}x spaCy over the whole text (budget >= 3); "
            f"{full / fastest_bare:.3f} of the fastest bare pass (budget >= 0.07)"
        )

    seconds, counts = staged_pass(files)
    total = sum(seconds.values())
    print(f"\n## Cost per stage (CPU ms per article, {len(files)} articles)\n")
    print("| stage | ms/article | share |")
    print("|---|---:|---:|")
    for stage, value in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {1000 * value / len(files):.2f} | {value / total:.0%} |")
    print(f"| total | {1000 * total / len(files):.2f} | 100% |")
    n = max(1, counts.get("sentences", 0))
    print(
        f"\nsentences: {counts.get('sentences', 0)}; parsed: {counts.get('sentences_parsed', 0)} "
        f"({counts.get('sentences_parsed', 0) / n:.0%}); with entities: "
        f"{counts.get('sentences_with_entities', 0)} ({counts.get('sentences_with_entities', 0) / n:.0%}); "
        f"past the parse budget: {counts.get('sentences_over_budget', 0)}"
    )
    kept: list = []
    full_pass(files[: min(len(files), 200)], keep=kept)
    print(f"VADER check: {compound_check(kept)}")

    if args.workers:
        print(
            f"\n## Dask {args.workers} workers against one process ({len(units)} articles, "
            f"shards of {args.shard_size})\n"
        )
        rows, verdict = dask_comparison(units, files[0].parents[1], args.workers, args.shard_size)
        print("| setup | articles/s (wall clock) | CPU ms per article |")
        print("|---|---:|---:|")
        for name, rate, cpu in rows:
            print(f"| {name} | {rate:.1f} | {cpu} |")
        print(f"\n{verdict}")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        full_pass(files[: min(len(files), 300)])
        profiler.disable()
        print("\n## Profile of the full pipeline (top 25 by own time)\n```")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
