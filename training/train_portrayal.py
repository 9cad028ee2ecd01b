"""Fit the portrayal calibration shipped as ``analysis/models/portrayal_calibration.json``.

Data: PerSenT dev (``persent/dev.jsonl``: 574 articles, the crowd's reading of the author's sentiment toward
one person). For each article, :func:`analysis.portrayal.portrayal_features` summarises the evidence the
library finds for the target (mention scores and labels from ``target_sentiment``, the article's VADER tone,
how much of the article is about the target); a multinomial logistic regression over the 16 standardised
features maps them to negative / neutral / positive. Classes are weighted by (n / (3 n_class)) ** power:
power 1 is sklearn's "balanced", 0.5 a softer balance that over-predicts the rare negative class less (on
PerSenT dev, 165 articles called negative for 57 read so at power 1). The power and the L2 strength C are
chosen together by 5-fold cross-validation (stratified, three shuffles) for macro-F1, then the model is refit
on all 574 articles. gov_stance is never read.

    python training/train_portrayal.py [--data DIR] [--out analysis/models/portrayal_calibration.json]

Prints the held-out-fold figures of each (power, C). The features depend on ``target_sentiment``: retrain this
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
C_GRID = (0.005, 0.01, 0.03, 0.1, 0.3, 1.0)
#: Exponents of the class weights (n / (3 n_class)) ** power: 1 is "balanced".
POWER_GRID = (0.5, 0.75, 1.0)
SHUFFLES = (0, 1, 2)


def default_data_dir() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))


def load_persent(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def featurize(records: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """(features (n, len(FEATURES)), labels 0/1/2) of PerSenT records, computed by the library itself."""
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


def class_weights(y: np.ndarray, power: float) -> dict[int, float]:
    """{class: (n / (3 n_class)) ** power}: power 1 is sklearn's "balanced", 0 no weighting."""
    counts = np.bincount(y, minlength=3)
    return {c: float((len(y) / (3 * counts[c])) ** power) for c in range(3) if counts[c]}


def fit(X: np.ndarray, y: np.ndarray, C: float, power: float = 1.0) -> dict[str, np.ndarray]:
    """Standardise, then a class-weighted multinomial logistic regression."""
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=C, class_weight=class_weights(y, power), max_iter=5000, solver="lbfgs")
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


def per_class_f1(y: np.ndarray, pred: np.ndarray) -> list[float]:
    """F1 of negative, neutral and positive."""
    out = []
    for c in range(3):
        tp = int(((y == c) & (pred == c)).sum())
        fp = int(((y != c) & (pred == c)).sum())
        fn = int(((y == c) & (pred != c)).sum())
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out


def cross_validate(
    X: np.ndarray, y: np.ndarray, C: float, shuffles=SHUFFLES, power: float = 1.0
) -> list[tuple[float, float, list[float]]]:
    """Held-out-fold (macro-F1, accuracy, per-class F1) for each shuffle of a stratified 5-fold split."""
    from sklearn.model_selection import StratifiedKFold

    out = []
    for seed in shuffles:
        pred = np.zeros(len(y), dtype=int)
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
            pred[test] = predict(fit(X[train], y[train], C, power), X[test])
        out.append((*scores(y, pred), per_class_f1(y, pred)))
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
    print(
        "\n| class-weight power | C | held-out macro-F1 (mean of 3 shuffles x 5 folds) | held-out accuracy "
        "| F1 negative / neutral / positive |\n|---|---|---|---|---|"
    )
    best, best_f1, best_acc = None, -1.0, 0.0
    for power in POWER_GRID:
        for C in C_GRID:
            cv = cross_validate(X, y, C, power=power)
            f1, acc = float(np.mean([r[0] for r in cv])), float(np.mean([r[1] for r in cv]))
            per = np.mean([r[2] for r in cv], axis=0)
            print(f"| {power} | {C} | {f1:.3f} | {acc:.3f} | {' / '.join(f'{v:.3f}' for v in per)} |")
            if f1 > best_f1 + 1e-9:
                best, best_f1, best_acc = (power, C), f1, acc
    power, C = best
    model = fit(X, y, C, power)
    in_sample = scores(y, predict(model, X))
    print(
        f"\nchosen power={power}, C={C}: held-out macro-F1 {best_f1:.3f}, accuracy {best_acc:.3f}; "
        f"refit on all {len(y)}: in-sample macro-F1 {in_sample[0]:.3f} (optimistic)"
    )
    payload = {
        "about": "analysis.portrayal calibration; made by training/train_portrayal.py from PerSenT dev",
        "features": list(FEATURES),
        "labels": list(LABELS),
        "C": C,
        "class_weight_power": power,
        "cv_macro_f1": round(best_f1, 4),
        "cv_accuracy": round(best_acc, 4),
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
