"""Ablation of the target-sentiment features: train CV and NewsMTSC devtest_mt macro-F1 per variant.

Each variant is trained as ``training/train_stance.py`` trains the shipped model (NB-scaled one-vs-rest
logistic regression, C fixed to the recorded choice, class offsets tuned on the out-of-fold predictions), on
``train.jsonl`` only; its 3-fold grouped CV macro-F1 is the selection measure, devtest_mt is only reported.
The sentences are parsed once for all variants.

    python benchmarks/ablate_target_sentiment.py [--data DIR] [--each]

``--each`` also drops every feature group on its own (about 1-2 minutes per variant). Exits 0 with a message
when the data is absent.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "training"))

import train_stance as ts  # noqa: E402

from analysis.target_sentiment import FEATURE_GROUPS  # noqa: E402

PARSE_GROUPS = frozenset({"role", "pred", "shift", "path", "treelex", "sib", "speech"})
SURFACE_GROUPS = FEATURE_GROUPS - PARSE_GROUPS


def variants(each: bool) -> list[tuple[str, frozenset[str], bool]]:
    """(name, feature groups, with word vectors)."""
    out = [
        ("shipped: parse + surface + word vectors", FEATURE_GROUPS, True),
        ("without word vectors (parse + surface)", FEATURE_GROUPS, False),
        ("without parse features (surface + word vectors)", SURFACE_GROUPS, True),
        ("surface only (no parse, no vectors; the previous model's kind)", SURFACE_GROUPS, False),
        ("parse + word vectors, no surface", PARSE_GROUPS, True),
    ]
    if each:
        out += [(f"without {g}", FEATURE_GROUPS - {g}, True) for g in sorted(FEATURE_GROUPS)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ts.default_data_dir())
    parser.add_argument("--each", action="store_true", help="also drop each feature group on its own")
    args = parser.parse_args(argv)
    train_path = args.data / "newsmtsc" / "train.jsonl"
    dev_path = args.data / "newsmtsc" / "devtest_mt.jsonl"
    if not (train_path.exists() and dev_path.exists()):
        print(f"NewsMTSC data not found under {args.data / 'newsmtsc'}; skipping the ablation.")
        return 0
    from sklearn.metrics import f1_score

    table = ts.glove_table() or ts.shipped_table(ts.MODEL_PATH)
    vectors = ts.word_vectors(table)
    train, y, groups = ts.load_targets(train_path)
    dev, ydev, _ = ts.load_targets(dev_path)
    t0 = time.perf_counter()
    docs = ts.parse_all(train + dev)
    print(f"parsed {len(docs)} sentences in {time.perf_counter() - t0:.0f}s\n", flush=True)
    print("| variant | features/target | train CV macro-F1 | devtest_mt macro-F1 | devtest_mt accuracy |")
    print("|---|---|---|---|---|")
    for name, feature_groups, with_vectors in variants(args.each):
        wv = vectors if with_vectors else None
        X = ts.featurize(train, feature_groups, wv, docs)
        Xdev = ts.featurize(dev, feature_groups, wv, docs)
        C, oof, scores = ts.cross_validate(X, y, groups, [ts.C_CHOSEN], log=lambda _: None)
        bias, _ = ts.tune_offsets(y, oof)
        coef, intercept = ts.fit(X, y, C)
        pred = (ts.log_softmax(Xdev, coef, intercept) + bias).argmax(1)
        print(
            f"| {name} | {X.nnz / len(y):.0f} | {scores[C]:.4f} | "
            f"{f1_score(ydev, pred, average='macro'):.4f} | {np.mean(pred == ydev):.4f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
