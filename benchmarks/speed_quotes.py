"""Speed of ``extract_quotes`` on PolNeAR articles, one core, CPU time, against the rule-based extractor of
``main`` (read from git) in the same run, with how much of the time is parsing.

Usage: ``PYTHONPATH=. python benchmarks/speed_quotes.py [--data DIR] [--limit 100] [--baseline REV]``

Prints articles/s (CPU time of this process) for: the old rules (``git show REV:analysis/quotes.py``, default
``main``; skipped when git or the revision is missing), ``extract_quotes(text)`` on a cold parse, and its
parts:
parsing the candidate sentences alone, and the rest. Also the share of sentences parsed, and the time for one
10 MB single-line text (the parse budget keeps it linear).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eval_quotes as ev  # noqa: E402
from _data import data_dir, require  # noqa: E402


def old_rules(revision: str):
    """The ``extract_quotes`` of ``analysis/quotes.py`` at a git revision, or None."""
    try:
        source = subprocess.run(
            ["git", "show", f"{revision}:analysis/quotes.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    source = source.replace("from .errors", "from analysis.errors").replace("from .nlp", "from analysis.nlp")
    source = source.replace("from .gazetteer", "from analysis.gazetteer")
    path = Path(tempfile.mkdtemp()) / "quotes_rules.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quotes_rules", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["quotes_rules"] = module
    spec.loader.exec_module(module)
    return module.extract_quotes


def cpu(function, items) -> float:
    t0 = time.process_time()
    for item in items:
        function(item)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--baseline", default="main")
    args = parser.parse_args(argv)
    folder = require(data_dir(args.data) / "quotes" / "polnear")
    from analysis.article import Article
    from analysis.parse import ParsedArticle, load_pipeline
    from analysis.quotes import extract_quotes
    from analysis.quotes.extract import article_frames

    texts = [a.text for a in ev.load_corpus(folder)][: args.limit]
    load_pipeline()
    extract_quotes(texts[0])
    n = len(texts)
    rows = []
    rules = old_rules(args.baseline)
    if rules is not None:
        rules(texts[0])
        rows.append((f"rules of {args.baseline} (no parse)", cpu(rules, texts)))
    rows.append(("extract_quotes(text), parse included", cpu(extract_quotes, texts)))
    parsed_counts = []

    def parse_only(text):
        article = Article.raw(text)
        parsed = ParsedArticle(article)
        frames = article_frames(article, parsed)
        parsed_counts.append((sum(f.parsed for f in frames), len(article.sentences)))

    rows.append(("  of which: choosing and parsing the candidate sentences", cpu(parse_only, texts)))
    big = ("Kim said the talks would resume. " * 330_000)[:10_000_000]
    t0 = time.process_time()
    extract_quotes(big)
    t_big = time.process_time() - t0
    parsed, total = sum(p for p, _ in parsed_counts), sum(t for _, t in parsed_counts)
    print(f"{n} PolNeAR articles, {total / n:.1f} sentences each, {parsed / total:.0%} of them parsed\n")
    print("| what | articles/s (CPU) | ms/article |")
    print("|---|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {n / seconds:.1f} | {1000 * seconds / n:.0f} |")
    print(f"\n10 MB single-line text: {t_big:.1f} s CPU")
    print(f"(os.cpu_count()={os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
