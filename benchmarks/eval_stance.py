"""Target-dependent sentiment on NewsMTSC devtest_mt: macro-F1, accuracy and targets per second.

Compares ``analysis.stance.target_sentiment`` with sentence-level VADER (compound of the whole sentence,
thresholded at +-0.05, the same label for every target in the sentence) in the same run, on one CPU core.

    python benchmarks/eval_stance.py [--data DIR] [--split devtest_mt]

Prints a markdown table; exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
LABELS = ("negative", "neutral", "positive")


def load(path: Path) -> list[tuple[str, int, int, str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for t in rec["targets"]:
                out.append(
                    (rec["sentence_normalized"], int(t["from"]), int(t["to"]), POLARITY[float(t["polarity"])])
                )
    return out


def scores(gold: list[str], pred: list[str]) -> tuple[float, float, dict[str, float]]:
    """(macro-F1, accuracy, per-class F1)."""
    per = {}
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        per[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return sum(per.values()) / 3, acc, per


def vader_label(compound: float) -> str:
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data")),
    )
    parser.add_argument("--split", default="devtest_mt", help="file name under newsmtsc/ without .jsonl")
    args = parser.parse_args(argv)
    path = args.data / "newsmtsc" / f"{args.split}.jsonl"
    if not path.exists():
        print(
            f"NewsMTSC data not found at {path}; "
            "skipping the stance benchmark (set --data or NEWS_ANALYSIS_DATA)."
        )
        return 0
    try:  # one CPU core
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    from analysis import nlp
    from analysis.stance import target_sentiment

    data = load(path)
    gold = [d[3] for d in data]
    target_sentiment(*data[0][:3])  # load the model outside the timing
    vader = nlp.vader()

    rows = []
    t0 = time.perf_counter()
    pred = [target_sentiment(s, a, b).label for s, a, b, _ in data]
    dt = time.perf_counter() - t0
    rows.append(
        (
            "target_sentiment (hashed features, NB-scaled logistic regression)",
            *scores(gold, pred),
            len(data) / dt,
        )
    )

    t0 = time.perf_counter()
    vpred = [vader_label(vader.polarity_scores(s)["compound"]) for s, _, _, _ in data]
    dt = time.perf_counter() - t0
    rows.append(("sentence-level VADER (baseline, ±0.05)", *scores(gold, vpred), len(data) / dt))
    rows.append(("always neutral (trivial)", *scores(gold, ["neutral"] * len(gold)), float("nan")))

    print(
        f"NewsMTSC {args.split}: {len(data)} targets in {len({d[0] for d in data})} sentences, one CPU core\n"
    )
    print("| method | macro-F1 | accuracy | F1 neg | F1 neu | F1 pos | targets/s |")
    print("|---|---|---|---|---|---|---|")
    for name, f1m, acc, per, tps in rows:
        speed = "—" if tps != tps else f"{tps:,.0f}"
        print(
            f"| {name} | {f1m:.3f} | {acc:.3f} | {per['negative']:.3f} | {per['neutral']:.3f} "
            f"| {per['positive']:.3f} | {speed} |"
        )
    # sentences whose targets differ in gold label: does the model tell them apart?
    by_sentence: dict[str, list[int]] = {}
    for i, d in enumerate(data):
        by_sentence.setdefault(d[0], []).append(i)
    mixed = [i for idx in by_sentence.values() if len({gold[j] for j in idx}) > 1 for i in idx]
    if mixed:
        f1m, acc, _ = scores([gold[i] for i in mixed], [pred[i] for i in mixed])
        vf1m, vacc, _ = scores([gold[i] for i in mixed], [vpred[i] for i in mixed])
        print(
            f"\nTargets in sentences whose targets carry different gold labels ({len(mixed)}): "
            f"model macro-F1 {f1m:.3f} / accuracy {acc:.3f}; sentence VADER {vf1m:.3f} / {vacc:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
