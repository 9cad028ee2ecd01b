"""Train the target-dependent sentiment model shipped as ``analysis/models/target_sentiment.npz``.

Uses NewsMTSC ``train.jsonl`` ONLY (the dev/test file is never read here). Hyper-parameters (L2 strength C
and class weighting) are chosen by 3-fold cross-validation on train, folds grouped by sentence, scored by
macro-F1; the chosen model is then refit on all of train. Deterministic: fixed seed, liblinear-free lbfgs.

    python training/train_stance.py [--data DIR] [--out analysis/models/target_sentiment.npz] [--quick]

``--data`` defaults to ``$NEWS_ANALYSIS_DATA`` or ``<repo>/../shared/data``; the script exits with a message
(status 0) when ``newsmtsc/train.jsonl`` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.target_sentiment import LABELS, N_FEATURES, hashed_features  # noqa: E402

POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
SEED = 13


def default_data_dir() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))


def load_targets(path: Path) -> tuple[list[tuple[str, int, int]], np.ndarray, np.ndarray]:
    """(sentence, from, to) triples, labels 0/1/2 and sentence group ids from a NewsMTSC jsonl file."""
    items, labels, groups = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh):
            rec = json.loads(line)
            sentence = rec["sentence_normalized"]
            for t in rec["targets"]:
                items.append((sentence, int(t["from"]), int(t["to"])))
                labels.append(POLARITY[float(t["polarity"])])
                groups.append(line_no)
    return items, np.array(labels), np.array(groups)


def featurize(items):
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for sentence, start, end in items:
        idx, val = hashed_features(sentence, start, end)
        indices.extend(idx.tolist())
        data.extend(val.tolist())
        indptr.append(len(indices))
    return csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(len(items), N_FEATURES))


def fit(X, y, C: float, class_weight):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight=class_weight, max_iter=1000, tol=1e-4, random_state=SEED)
    return model.fit(X, y)


def save_npz(path: Path, **arrays: np.ndarray) -> None:
    """Like ``np.savez_compressed`` but byte-reproducible: fixed timestamps inside the zip archive."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, array in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asanyarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=REPO / "analysis" / "models" / "target_sentiment.npz")
    parser.add_argument("--quick", action="store_true", help="skip cross-validation, use the recorded choice")
    args = parser.parse_args(argv)
    train_path = args.data / "newsmtsc" / "train.jsonl"
    if not train_path.exists():
        print(f"NewsMTSC training data not found at {train_path}; nothing to train (set --data or NEWS_ANALYSIS_DATA).")
        return 0
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    t0 = time.perf_counter()
    items, y, groups = load_targets(train_path)
    X = featurize(items)
    print(f"{len(items)} training targets, {X.nnz / len(items):.0f} active features each, {time.perf_counter() - t0:.1f}s")

    grid = [(0.05, "balanced"), (0.1, "balanced"), (0.2, "balanced"), (0.1, None)]
    best = (0.05, "balanced")  # the choice the full cross-validation made (used by --quick)
    folds = list(GroupKFold(n_splits=3).split(X, y, groups))
    oof: dict[tuple, np.ndarray] = {}
    if not args.quick:
        scores = {}
        for C, cw in grid:
            f1s = []
            oof[(C, cw)] = np.zeros((len(y), 3))
            for tr, te in folds:
                m = fit(X[tr], y[tr], C, cw)
                oof[(C, cw)][te] = m.predict_log_proba(X[te])
                f1s.append(f1_score(y[te], m.predict(X[te]), average="macro"))
            scores[(C, cw)] = float(np.mean(f1s))
            print(f"  C={C:<5} class_weight={cw!s:<9} CV macro-F1 {scores[(C, cw)]:.4f}", flush=True)
        best = max(scores, key=scores.get)
        print(f"chosen: C={best[0]} class_weight={best[1]} (CV macro-F1 {scores[best]:.4f})")
    else:
        oof[best] = np.zeros((len(y), 3))
        for tr, te in folds:
            oof[best][te] = fit(X[tr], y[tr], *best).predict_log_proba(X[te])
    # class offsets added to the log-probabilities when choosing the label (not to the probabilities or the
    # score), tuned on the out-of-fold predictions for macro-F1
    bias, bias_f1 = np.zeros(3), f1_score(y, oof[best].argmax(1), average="macro")
    for b0 in np.arange(-0.6, 0.61, 0.05):
        for b2 in np.arange(-0.6, 0.61, 0.05):
            cand = np.array([b0, 0.0, b2])
            f1 = f1_score(y, (oof[best] + cand).argmax(1), average="macro")
            if f1 > bias_f1 + 1e-9:
                bias, bias_f1 = cand, f1
    print(f"class offsets (neg, neu, pos) {np.round(bias, 2).tolist()}: out-of-fold macro-F1 {bias_f1:.4f}")
    model = fit(X, y, *best)
    assert list(model.classes_) == [0, 1, 2]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    coef = model.coef_.astype(np.float32)
    save_npz(
        args.out,
        coef=coef,
        intercept=model.intercept_.astype(np.float32),
        class_offsets=bias.astype(np.float32),
        labels=np.array(LABELS),
        meta=np.array(json.dumps({"C": best[0], "class_weight": best[1], "n_train": len(items),
                                  "n_features": N_FEATURES, "class_offsets": np.round(bias, 4).tolist(),
                                  "data": "newsmtsc/train.jsonl", "seed": SEED})),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
