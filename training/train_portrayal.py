"""Fit the portrayal calibration shipped as ``analysis/models/portrayal_calibration.json``.

Data: PerSenT dev (``persent/dev.jsonl``: 574 articles, the crowd's reading of the author's sentiment toward
one person). For each article, :func:`analysis.portrayal.portrayal_features` summarises the evidence the
library finds for the target (mention scores and labels from ``target_sentiment``, the article's VADER tone);
a class-balanced multinomial logistic regression over the 12 standardised features maps them to
negative / neutral / positive. Its L2 strength C is chosen by 5-fold cross-validation (stratified, three
shuffles) for macro-F1, then the model is refit on all 574 articles. gov_stance is never read.

    python training/train_portrayal.py [--data DIR] [--out analysis/models/portrayal_calibration.json]

Prints the held-out-fold figures of each C. The features depend on ``target_sentiment``: retrain this
calibration whenever that model changes. Deterministic (lbfgs, fixed folds); exits 0 with a message when the
data is absent.
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LABELS = ("negative", "neutral", "positive")
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
SHUFFLES = (0, 1, 2)


def default_data_dir() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))


def load_persent(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def featurize(records: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """(features (n, 12), labels 0/1/2) of PerSenT records, computed by the library itself."""
    from analysis.actors import actor_mentions, resolve_target
    from analysis.article import Article
    from analysis.context import ArticleContext
    from analysis.portrayal import FEATURES, evidence_rows, portrayal_features, restore_commas

    X, y = [], []
    for rec in records:
        context = ArticleContext(Article.raw(restore_commas(rec["text"])))
        target = resolve_target(rec["target"])
        rows = evidence_rows(context, actor_mentions(context, target), key="actor")
        f = portrayal_features(rows, context.article)
        X.append([f[name] for name in FEATURES])
        y.append(LABELS.index(rec["label"]))
    return np.array(X, dtype=float), np.array(y)


def fit(X: np.ndarray, y: np.ndarray, C: float) -> dict[str, np.ndarray]:
    """Standardise, then a class-balanced multinomial logistic regression."""
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
    model.fit((X - mean) / scale, y)
    return {"mean": mean, "scale": scale, "coef": model.coef_, "intercept": model.intercept_}


def predict(model: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    z = (X - model["mean"]) / model["scale"] @ model["coef"].T + model["intercept"]
    return z.argmax(axis=1)


def scores(y: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    """(macro-F1 over the three classes, accuracy)."""
    f1 = []
    for c in range(3):
        tp = int(((y == c) & (pred == c)).sum())
        fp = int(((y != c) & (pred == c)).sum())
        fn = int(((y == c) & (pred != c)).sum())
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1)), float((y == pred).mean())


def cross_validate(X: np.ndarray, y: np.ndarray, C: float, shuffles=SHUFFLES) -> list[tuple[float, float]]:
    """Held-out-fold (macro-F1, accuracy) for each shuffle of a stratified 5-fold split."""
    from sklearn.model_selection import StratifiedKFold

    out = []
    for seed in shuffles:
        pred = np.zeros(len(y), dtype=int)
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
            pred[test] = predict(fit(X[train], y[train], C), X[test])
        out.append(scores(y, pred))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument(
        "--out", type=Path, default=REPO / "analysis" / "models" / "portrayal_calibration.json"
    )
    args = parser.parse_args(argv)
    path = args.data / "persent" / "dev.jsonl"
    if not path.exists():
        print(f"PerSenT dev not found at {path}; nothing trained (set --data or NEWS_ANALYSIS_DATA).")
        return 0
    from analysis.portrayal import FEATURES

    X, y = featurize(load_persent(path))
    print(
        f"PerSenT dev: {len(y)} articles ({', '.join(f'{(y == i).sum()} {c}' for i, c in enumerate(LABELS))})"
    )
    print("\n| C | held-out macro-F1 (mean of 3 shuffles x 5 folds) | held-out accuracy |\n|---|---|---|")
    best, best_f1 = None, -1.0
    for C in C_GRID:
        cv = cross_validate(X, y, C)
        f1, acc = float(np.mean([a for a, _ in cv])), float(np.mean([b for _, b in cv]))
        print(f"| {C} | {f1:.3f} | {acc:.3f} |")
        if f1 > best_f1 + 1e-9:
            best, best_f1 = C, f1
    model = fit(X, y, best)
    in_sample = scores(y, predict(model, X))
    print(f"\nchosen C={best}; refit on all {len(y)}: in-sample macro-F1 {in_sample[0]:.3f} (optimistic)")
    payload = {
        "about": "analysis.portrayal calibration; made by training/train_portrayal.py from PerSenT dev",
        "features": list(FEATURES),
        "labels": list(LABELS),
        "C": best,
        "cv_macro_f1": round(best_f1, 4),
        "mean": [round(float(v), 10) for v in model["mean"]],
        "scale": [round(float(v), 10) for v in model["scale"]],
        "coef": [[round(float(v), 10) for v in row] for row in model["coef"]],
        "intercept": [round(float(v), 10) for v in model["intercept"]],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
