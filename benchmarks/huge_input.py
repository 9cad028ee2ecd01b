"""Bounded time on huge input: seconds per MB of every entry point on 1, 2, 4 and 8 MB single-line texts.

A pasted dump or a file with no line breaks must not stall an analysis: every entry point should take time
linear in the input, so seconds per MB stays flat as the input doubles. The text is news-like prose (the seed
article's sentences, repeated, with every line break removed), so the analyses have work to do at every size.
Timings are CPU seconds of this process, one core.

    python benchmarks/huge_input.py [--sizes 1 2 4 8] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = ROOT / "seeds" / "000_de93c8312eb4da64.txt"
MB = 1_000_000


def huge_text(size: int) -> str:
    """About ``size`` characters of the seed's body on one line."""
    from analysis.article import load_article

    body = " ".join(load_article(SEED).text.split())
    return ((body + " ") * (size // (len(body) + 1) + 1))[:size]


def entry_points() -> dict[str, callable]:
    """Name -> function of the text, for every public entry point that takes a whole text."""
    from analysis import Article
    from analysis.pipeline import analyze_article
    from analysis.quotes import extract_quotes
    from analysis.sentiment import polarity
    from analysis.stance import government_stance, target_sentiment

    points = {
        "Article.from_text (load + segment)": lambda text: len(Article.from_text(text).sentences),
        "extract_quotes": lambda text: len(extract_quotes(text)),
        "government_stance": lambda text: len(government_stance(text)),
        "analyze_article": lambda text: len(analyze_article(text).articles),
        "polarity (whole text as one sentence)": lambda text: polarity(text),
        "target_sentiment (whole text as one sentence)": lambda text: target_sentiment(text, 0, 5).label,
    }
    try:
        from analysis.stance import portrayal

        points["portrayal"] = lambda text: portrayal(text, "North Korea").mentions
    except ImportError:  # not built yet
        pass
    return points


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="sizes in MB")
    parser.add_argument("--only", nargs="+", default=None, help="entry points whose name starts so")
    args = parser.parse_args(argv)
    points = entry_points()
    if args.only:
        points = {k: v for k, v in points.items() if any(k.startswith(o) for o in args.only)}
    texts = {size: huge_text(int(size * MB)) for size in args.sizes}
    points[next(iter(points))](texts[args.sizes[0]][:10_000])  # warm-up: models load outside the timings
    print(
        f"## Seconds per MB on single-line texts of {', '.join(f'{s:g}' for s in args.sizes)} MB "
        "(CPU time, one core)\n"
    )
    print("| entry point | " + " | ".join(f"{s:g} MB" for s in args.sizes) + " | ratio largest/smallest |")
    print("|---|" + "---:|" * (len(args.sizes) + 1))
    for name, function in points.items():
        per_mb = []
        for size in args.sizes:
            started = time.process_time()
            function(texts[size])
            per_mb.append((time.process_time() - started) / size)
        ratio = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("nan")
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in per_mb) + f" | {ratio:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
