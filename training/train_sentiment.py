"""Fit the polarity model shipped as ``analysis/models/sentiment_polarity.json`` (deterministic).

    python training/train_sentiment.py [--data DIR] [--out PATH]

Data: ``DIR/vader`` (tweets, movie and Amazon snippets, rating/4) and ``DIR/newsmtsc/train.jsonl`` (news
sentences; sentence proxy = 0.5 x mean of target labels as -1/0/+1; see :mod:`analysis.sentiment_data`).
Only the ``train`` split of each set is used (a fixed 80%, by hash); ``devtest_mt`` is never used.

Three steps:

1. a word model: ridge regression (alpha ``RIDGE_ALPHA``) of the gold score on counts of
   :func:`analysis.sentiment.news_tokens` (Porter stems, negation-marked) divided by sqrt(number of words);
   stems seen in at least ``MIN_COUNT`` training sentences. Each set's total weight is
   ``WORD_SET_WEIGHTS[set]`` whatever its size; news counts double because the target is news.
2. a linear layer over :data:`analysis.sentiment.FEATURES` (VADER compound, pos, neg, lexicon share, the
   word model's score, a social-media register flag and interactions), fitted by weighted least squares
   (``SET_WEIGHTS``: tweets weigh 3 so the layer keeps VADER's strength on social media) on OUT-OF-FOLD
   word scores (5 folds), so the layer does not over-trust the word model.
3. the neutral band of :func:`analysis.sentiment.shrink`, applied only to sentences in which no VADER lexicon
   word scored: the band (step 0.01) that maximises out-of-fold macro-F1 + Pearson r summed over the sets.

Pure numpy/scipy/scikit-learn with fixed folds: re-running on the same machine reproduces the JSON byte for
byte (across CPU types, within 1e-6: see training/compare_models.py).
"""

from __future__ import annotations

import os

# One BLAS thread: multi-threaded sums can change the last bits between runs, and the shipped model must be
# reproduced byte for byte.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis import sentiment  # noqa: E402
from analysis.sentiment_data import data_available, default_data_dir, dev_sets  # noqa: E402

MIN_COUNT = 2
RIDGE_ALPHA = 1.0
NEWS_WEIGHT = 2.0
#: Weight of each set's train split in the linear layer and in the word model (each set normalised to its
#: weight).
SET_WEIGHTS = {"tweets": 3.0, "movies": 1.0, "amazon": 1.0, "newsmtsc": NEWS_WEIGHT}
WORD_SET_WEIGHTS = {"tweets": 1.0, "movies": 1.0, "amazon": 1.0, "newsmtsc": NEWS_WEIGHT}
N_FOLDS = 5
WEIGHT_DIGITS = 4


def _word_matrix(texts, vocabulary=None):
    from scipy.sparse import csr_matrix

    token_lists = [sentiment.news_tokens(text) for text in texts]
    if vocabulary is None:
        document_counts: dict[str, int] = {}
        for tokens in token_lists:
            for token in set(tokens):
                document_counts[token] = document_counts.get(token, 0) + 1
        vocabulary = {
            w: i for i, w in enumerate(sorted(w for w, c in document_counts.items() if c >= MIN_COUNT))
        }
    rows, cols, values = [], [], []
    for row, tokens in enumerate(token_lists):
        if not tokens:
            continue
        scale = 1.0 / np.sqrt(len(tokens))
        for token in tokens:
            column = vocabulary.get(token)
            if column is not None:
                rows.append(row)
                cols.append(column)
                values.append(scale)
    matrix = csr_matrix((values, (rows, cols)), shape=(len(token_lists), len(vocabulary)))
    matrix.sum_duplicates()
    return matrix, vocabulary


def _fit_words(texts, gold, weights):
    from sklearn.linear_model import Ridge

    matrix, vocabulary = _word_matrix(texts)
    model = Ridge(alpha=RIDGE_ALPHA, solver="sparse_cg", tol=1e-8, max_iter=5000)
    model.fit(matrix, gold, sample_weight=weights)
    words = sorted(vocabulary, key=vocabulary.get)
    weights_by_word = {w: round(float(c), WEIGHT_DIGITS) for w, c in zip(words, model.coef_, strict=True)}
    weights_by_word = {w: c for w, c in weights_by_word.items() if c != 0.0}
    return weights_by_word, round(float(model.intercept_), WEIGHT_DIGITS)


def _folds(n: int, k: int) -> np.ndarray:
    return np.random.default_rng(0).permutation(n) % k


def _fit_band(raw: np.ndarray, has_lexicon: np.ndarray, gold: np.ndarray, set_names: np.ndarray) -> float:
    """The neutral band (0 to 0.3, step 0.01; see :func:`analysis.sentiment.shrink`), applied to sentences
    without scoring VADER lexicon words, that maximises the benchmark's two metrics on out-of-fold
    predictions: the sum over training sets of 3-class macro-F1 plus Pearson r (the smallest band on ties).
    A band trades a little r for F1 on news, where many sentences are neutral."""
    from scipy.stats import pearsonr
    from sklearn.metrics import f1_score

    def classes(values):
        return np.where(values > 0.05, 1, np.where(values < -0.05, -1, 0))

    masks = [set_names == name for name in SET_WEIGHTS]
    best_band, best_total = 0.0, -np.inf
    for band in np.round(np.arange(0.0, 0.301, 0.01), 2):
        shrunk = raw * -np.expm1(-((raw / band) ** 2)) if band > 0 else raw.copy()
        shrunk[has_lexicon] = raw[has_lexicon]
        total = 0.0
        for mask in masks:
            f1 = f1_score(
                classes(gold[mask]),
                classes(shrunk[mask]),
                labels=[-1, 0, 1],
                average="macro",
                zero_division=0,
            )
            total += f1 + pearsonr(gold[mask], shrunk[mask])[0]
        if total > best_total + 1e-9:
            best_band, best_total = float(band), total
    return best_band


def train(data_dir) -> dict:
    sets = dev_sets(data_dir)
    frames = [sets[name][sets[name]["split"] == "train"] for name in SET_WEIGHTS]
    import pandas as pd

    train_rows = pd.concat(frames, ignore_index=True)
    texts = train_rows["text"].tolist()
    gold = train_rows["gold"].to_numpy()
    # Each set's total weight is its SET_WEIGHT (or WORD_SET_WEIGHT), whatever its size.
    sizes = train_rows["set"].map(train_rows["set"].value_counts()).to_numpy(dtype=float)
    base = len(train_rows) / (len(SET_WEIGHTS) * sizes)
    weights = train_rows["set"].map(SET_WEIGHTS).to_numpy(dtype=float) * base
    word_weights_by_row = train_rows["set"].map(WORD_SET_WEIGHTS).to_numpy(dtype=float) * base

    # Stage 1 out-of-fold word scores for the linear layer.
    fold = _folds(len(texts), N_FOLDS)
    oof_features = np.zeros((len(texts), len(sentiment.FEATURES)))
    for k in range(N_FOLDS):
        inside = fold != k
        word_weights, word_intercept = _fit_words(
            [t for t, f in zip(texts, inside, strict=True) if f], gold[inside], word_weights_by_row[inside]
        )
        for row in np.flatnonzero(~inside):
            oof_features[row] = sentiment.features(texts[row], word_weights, word_intercept)
        print(f"fold {k + 1}/{N_FOLDS}: {len(word_weights)} words", file=sys.stderr)

    design = np.hstack([oof_features, np.ones((len(texts), 1))])
    root_w = np.sqrt(weights)[:, None]
    solution, *_ = np.linalg.lstsq(design * root_w, gold * root_w[:, 0], rcond=None)
    coef = [round(float(c), 6) for c in solution[:-1]]
    intercept = round(float(solution[-1]), 6)
    lexicon_column = sentiment.FEATURES.index("lexicon_share")
    neutral_band = _fit_band(
        design[:, :-1] @ np.array(coef) + intercept,
        oof_features[:, lexicon_column] > 0,
        gold,
        train_rows["set"].to_numpy(),
    )

    word_weights, word_intercept = _fit_words(texts, gold, word_weights_by_row)
    return {
        "name": "sentiment_polarity",
        "version": 1,
        "features": list(sentiment.FEATURES),
        "coef": coef,
        "intercept": intercept,
        "neutral_band": neutral_band,
        "word_intercept": word_intercept,
        "word_weights": dict(sorted(word_weights.items())),
        "meta": {
            "trained_on": {name: int((train_rows["set"] == name).sum()) for name in SET_WEIGHTS},
            "set_weights": SET_WEIGHTS,
            "word_set_weights": WORD_SET_WEIGHTS,
            "ridge_alpha": RIDGE_ALPHA,
            "min_count": MIN_COUNT,
            "folds": N_FOLDS,
            "newsmtsc_proxy": "0.5 * mean over targets of (label-4)/2; duplicates merged",
            "script": "training/train_sentiment.py",
        },
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = str(default_data_dir())
    parser.add_argument("--data", default=default, help="shared data folder (default: %(default)s)")
    parser.add_argument("--out", default=str(sentiment.MODEL_PATH), help="output JSON (default: %(default)s)")
    args = parser.parse_args(argv)
    if not data_available(args.data):
        print(
            f"training data not found under {args.data} "
            "(need vader/*_GroundTruth.txt and newsmtsc/*.jsonl); nothing done"
        )
        return 0
    model = train(args.data)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=1, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB, {len(model['word_weights'])} words)")
    print("coef:", dict(zip(model["features"], model["coef"], strict=True)), "intercept:", model["intercept"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
