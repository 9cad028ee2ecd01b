"""Load and profile (text statistics) every article of the BBC corpus; print articles per second.

    python benchmarks/profile_corpus.py [--data DIR] [--limit N]

Two timings in the same run: loading alone (read, decode, clean, header/boilerplate, paragraphs) and
loading plus the full statistics profile (sentences, article/paragraph tables, top words, collocations,
quantities, keyness). One process, one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_dir, require  # noqa: E402

from analysis import load_corpus, stats  # noqa: E402


def profile(article) -> None:
    stats.article_table(article)
    stats.paragraph_table(article)
    stats.top_words(article)
    stats.collocations(article)
    stats.quantities(article)
    stats.keyness(article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="shared data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    corpus = require(data_dir(args.data) / "news_corpus" / "bbc")

    # warm caches (models, lexicons) so both timings measure steady-state work
    profile(next(iter(load_corpus(corpus))))

    started = time.perf_counter()
    reader = load_corpus(corpus)
    loaded = [a for _, a in zip(range(args.limit or 10**9), reader, strict=False)]
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    reader = load_corpus(corpus)
    words = sentences = 0
    for _, article in zip(range(args.limit or 10**9), reader, strict=False):
        profile(article)
        sentences += len(article.sentences)
        words += len(article.text.split())
    total_seconds = time.perf_counter() - started

    n = len(loaded)
    print("| pass | articles | seconds | articles/s |")
    print("|---|---:|---:|---:|")
    print(f"| load only | {n} | {load_seconds:.2f} | {n / load_seconds:.0f} |")
    print(f"| load + statistics profile | {n} | {total_seconds:.2f} | {n / total_seconds:.0f} |")
    print(f"\n{sentences} sentences, {words} words; skipped: {len(reader.skipped)}")


if __name__ == "__main__":
    main()
