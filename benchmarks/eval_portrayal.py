"""Portrayal of a named person on PerSenT dev: macro-F1 and accuracy of ``analysis.stance.portrayal``.

    python benchmarks/eval_portrayal.py [--data DIR]

PerSenT dev (574 articles) gives the crowd's reading of the author's sentiment toward one person. Rows:

- the README's baselines, recomputed: always "positive"; VADER (mean compound of the sentences that name the
  target's last word, +-0.05);
- ``portrayal(text, target).label`` with the shipped calibration: fitted on this same file, so IN-SAMPLE
  (optimistic);
- held-out folds: the calibration refit on 4/5 of the articles (``training/train_portrayal.py: fit``, the
  shipped C and class-weight power) and applied to the other fifth, through the same evidence rule as
  ``portrayal`` (uncertain -> neutral) and without it (``lean``), mean over 3 shuffles x 5 folds: the honest
  figure;
- the mean mention score alone (+-0.1, no calibration), and the share of targets found (>= 1 mention).

Also prints CPU ms per article (one core). Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "training"))

from _data import data_dir, require  # noqa: E402

LABELS = ("negative", "neutral", "positive")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    args = parser.parse_args(argv)
    path = require(data_dir(args.data) / "persent" / "dev.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    import re

    from train_portrayal import SHUFFLES, fit, per_class_f1, scores

    from analysis import nlp
    from analysis.article import Article
    from analysis.parse import load_pipeline
    from analysis.portrayal import (
        FEATURES,
        bootstrap_interval,
        load_calibration,
        portrayal_features,
        restore_commas,
        summarize,
    )
    from analysis.stance import portrayal

    load_pipeline()
    vader = nlp.vader()
    y = np.array([LABELS.index(r["label"]) for r in records])
    shipped, vader_pred, mean_pred, found = [], [], [], 0
    X, evid = [], []
    cpu = 0.0
    for rec in records:
        t0 = time.process_time()
        p = portrayal(rec["text"], rec["target"])
        cpu += time.process_time() - t0
        shipped.append(LABELS.index(p.label))
        found += p.mentions > 0
        rows = p.evidence.to_dict("records")
        article = Article.raw(restore_commas(rec["text"]))
        f = portrayal_features(rows, article)
        X.append([f[name] for name in FEATURES])
        scores_ = np.array([r["score"] for r in rows], dtype=float)
        ci = bootstrap_interval(scores_, np.random.default_rng(0))
        evid.append((scores_, [r["label"] for r in rows], ci))
        m = float(scores_.mean()) if len(scores_) else 0.0
        mean_pred.append(2 if m > 0.1 else 0 if m < -0.1 else 1)
        last = rec["target"].split()[-1]
        named = [
            s for s in Article.raw(rec["text"]).sentences if re.search(rf"\b{re.escape(last)}\b", s.text)
        ]
        c = float(np.mean([vader.polarity_scores(s.text)["compound"] for s in named])) if named else 0.0
        vader_pred.append(2 if c >= 0.05 else 0 if c <= -0.05 else 1)
    X = np.array(X)
    shipped_model = json.loads((REPO / "analysis" / "models" / "portrayal_calibration.json").read_text())
    C, power = float(shipped_model["C"]), float(shipped_model.get("class_weight_power", 1.0))
    load_calibration()

    from sklearn.model_selection import StratifiedKFold

    ruled, lean, signed, per_class = [], [], [], []
    for seed in SHUFFLES:
        pred_rule = np.zeros(len(y), dtype=int)
        pred_lean = np.zeros(len(y), dtype=int)
        pred_signed = np.zeros(len(y), dtype=int)
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(X, y):
            model = fit(X[train], y[train], C, power)
            z = (X[test] - model["mean"]) / model["scale"] @ model["coef"].T + model["intercept"]
            for i, k in zip(test, z.argmax(axis=1), strict=True):
                sc, labs, ci = evid[i]
                pred_lean[i] = k
                pred_rule[i] = (
                    LABELS.index(summarize(sc, labs, ci, lean=LABELS[k])["label"]) if len(sc) else 1
                )
                loose = summarize(sc, labs, ci, lean=LABELS[k], neutral_when_uncertain=False)["label"]
                pred_signed[i] = LABELS.index(loose) if len(sc) else 1
        ruled.append(scores(y, pred_rule))
        lean.append(scores(y, pred_lean))
        signed.append(scores(y, pred_signed))
        per_class.append(per_class_f1(y, pred_signed))

    def row(name, f1, acc):
        print(f"| {name} | {f1:.3f} | {acc:.3f} |")

    print(f"\nPerSenT dev: {len(y)} articles; target found (>= 1 mention) in {found} ({found / len(y):.1%})")
    print(f"portrayal CPU: {1000 * cpu / len(y):.1f} ms per article (one core, parse included)\n")
    print("| method | macro-F1 | accuracy |\n|---|---|---|")
    row("always positive (baseline)", *scores(y, np.full(len(y), 2)))
    row("VADER over sentences naming the target (baseline)", *scores(y, np.array(vader_pred)))
    row("mean mention score +-0.1 (no calibration)", *scores(y, np.array(mean_pred)))
    row(
        "portrayal, held-out folds: as shipped for people (calibrated lean, uncertain flagged)",
        *np.mean(signed, axis=0),
    )
    row("portrayal, held-out folds: uncertain -> neutral (the government rule)", *np.mean(ruled, axis=0))
    row("portrayal, held-out folds: calibration alone (lean)", *np.mean(lean, axis=0))
    row("portrayal, shipped calibration (in-sample, optimistic)", *scores(y, np.array(shipped)))
    neg, neu, pos = np.mean(per_class, axis=0)
    print(
        f"\nheld-out folds, as shipped for people (class-weight power {power}, C {C}): "
        f"F1 negative {neg:.3f}, neutral {neu:.3f}, positive {pos:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
