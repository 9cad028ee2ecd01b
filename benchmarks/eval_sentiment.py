"""Sentence sentiment on the rated dev sets: polarity vs plain NLTK VADER vs TextBlob, and speed.

    python benchmarks/eval_sentiment.py [--data DIR] [--speed-sentences N] [--repeats R]

Quality, per dev set (held-out 20% of tweets, movies, amazon and NewsMTSC train; all of devtest_mt, which
is never trained on): Pearson r against the gold score (rating/4, or the NewsMTSC sentence proxy), and
3-class macro-F1 with +/-0.05 thresholds applied to both gold and prediction.

Speed: sentences per second of ``analysis.sentiment.polarity``, ``analysis.sentiment.vader_scores`` and
NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` (and the vaderSentiment package's analyzer, for
reference) on the same sentences, interleaved repeats, best of R.
Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis import nlp, sentiment  # noqa: E402
from analysis.sentiment_data import data_available, default_data_dir, dev_sets  # noqa: E402


def _classes(values: np.ndarray, threshold: float = 0.05) -> np.ndarray:
    return np.where(values > threshold, 1, np.where(values < -threshold, -1, 0))


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """3-class macro-F1 with +/-0.05 thresholds on both sides."""
    from sklearn.metrics import f1_score

    return float(
        f1_score(_classes(gold), _classes(predicted), labels=[-1, 0, 1], average="macro", zero_division=0)
    )


def quality_table(sets) -> list[dict]:
    from scipy.stats import pearsonr

    analyzer = nlp.vader()
    rows = []
    for name, frame in sets.items():
        part = frame[frame["split"] == "heldout"]
        texts = part["text"].tolist()
        gold = part["gold"].to_numpy()
        scores = {
            "polarity": np.array([sentiment.polarity(t) for t in texts]),
            "vader": np.array([analyzer.polarity_scores(t)["compound"] for t in texts]),
            "textblob": np.array([sentiment.textblob_scores(t)["polarity"] for t in texts]),
        }
        row = {"set": name, "n": len(texts)}
        for method, values in scores.items():
            row[f"r_{method}"] = float(pearsonr(gold, values)[0])
            row[f"f1_{method}"] = macro_f1(gold, values)
        rows.append(row)
    return rows


def speed_table(texts: list[str], repeats: int) -> dict[str, float]:
    analyzer = nlp.vader()
    methods = {
        "polarity": sentiment.polarity,
        "vader_scores (fast, exact)": sentiment.vader_scores,
        "NLTK VADER polarity_scores": analyzer.polarity_scores,
    }
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as PackageAnalyzer

        methods["vaderSentiment package polarity_scores"] = PackageAnalyzer().polarity_scores
    except ImportError:  # pragma: no cover - optional baseline
        pass
    for method in methods.values():  # warm caches (lexicon, model, token cache) before timing
        for text in texts[:200]:
            method(text)
    best = {name: float("inf") for name in methods}
    for _ in range(repeats):
        for name, method in methods.items():
            start = time.perf_counter()
            for text in texts:
                method(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(texts) / seconds for name, seconds in best.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", default=str(default_data_dir()), help="shared data folder (default: %(default)s)"
    )
    parser.add_argument("--speed-sentences", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if not data_available(args.data):
        print(f"dev sets not found under {args.data}; skipping the sentiment benchmark")
        return 0
    sets = dev_sets(args.data)
    rows = quality_table(sets)
    print("## Sentence sentiment on held-out dev sets (Pearson r vs gold; 3-class macro-F1, +/-0.05)\n")
    print("| set | n | r polarity | r VADER | r TextBlob | F1 polarity | F1 VADER | F1 TextBlob |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['set']} | {row['n']} | {row['r_polarity']:.3f} | {row['r_vader']:.3f} "
            f"| {row['r_textblob']:.3f} "
            f"| {row['f1_polarity']:.3f} | {row['f1_vader']:.3f} | {row['f1_textblob']:.3f} |"
        )
    # Speed on a fixed mix of held-out sentences from every set.
    pool = [t for frame in sets.values() for t in frame.loc[frame["split"] == "heldout", "text"]]
    rng = np.random.default_rng(0)
    texts = [pool[i] for i in rng.permutation(len(pool))[: args.speed_sentences]]
    speeds = speed_table(texts, args.repeats)
    baseline = speeds["NLTK VADER polarity_scores"]
    print(f"\n## Speed ({len(texts)} sentences, best of {args.repeats} interleaved repeats)\n")
    print("| method | sentences/s | vs NLTK VADER |")
    print("|---|---:|---:|")
    for name, value in speeds.items():
        print(f"| {name} | {value:,.0f} | {value / baseline:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
