"""Memory of a corpus run: peak RSS at 1x and 4x the BBC corpus, to show that it stays flat.

The corpus is written once to a temporary JSONL file (1x: the 2,225 BBC articles; 4x: the same articles
four times with distinct ids), and ``run_corpus`` analyses it in a fresh child process each time; the child's
peak resident memory (``ru_maxrss``) is reported. Flat memory means 4x costs about what 1x costs.

    PYTHONPATH=. python benchmarks/memory.py [--data DIR] [--jobs 1] [--times 1 4]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = """
import resource, sys, time
from analysis.runner import run_corpus
start = time.perf_counter()
summary = run_corpus(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), progress=False)
print(summary.analysed, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_jsonl(folder: Path, target: Path, times: int) -> int:
    from analysis.corpus import NOT_ARTICLES, iter_sources

    n = 0
    with target.open("w", encoding="utf-8") as handle:
        for copy in range(times):
            for path in iter_sources(folder):
                if path.stem.lower() in NOT_ARTICLES:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                record = {"id": f"{copy}/{path.parent.name}/{path.stem}", "source": "BBC", "text": text}
                handle.write(json.dumps(record) + "\n")
                n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--times", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args(argv)
    folder = args.data / "news_corpus" / "bbc"
    if not folder.is_dir():
        print(f"skipped: no BBC corpus at {folder} (set --data or NEWS_ANALYSIS_DATA)")
        return 0
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in [str(ROOT), os.environ.get("PYTHONPATH", "")] if p),
    }
    print(f"## Peak memory of run_corpus (jobs={args.jobs}) on the BBC corpus repeated\n")
    print("| corpus | articles | JSONL size | peak RSS of the run (MB) | seconds |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.times:
            corpus = Path(tmp) / f"bbc_x{times}.jsonl"
            write_jsonl(folder, corpus, times)
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(corpus), str(Path(tmp) / f"out_x{times}"), str(args.jobs)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            analysed, seconds, peak_kb = child.stdout.split()[-3:]
            peak = int(peak_kb) / 1024
            if args.jobs > 1:  # worker processes are children of the child: add their peak
                peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                peak = max(peak, peak_children)
            size = corpus.stat().st_size / 1e6
            print(f"| BBC x{times} | {analysed} | {size:.0f} MB | {peak:.0f} | {float(seconds):.0f} |")
            corpus.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
