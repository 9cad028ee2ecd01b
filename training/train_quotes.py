"""Train the attribution decisions shipped as ``analysis/models/quotes_model.json`` from PolNeAR.

Data: ``DATA/quotes/polnear`` (brat standoff; the first annotator of each article, as
``benchmarks/eval_quotes.py`` reads it). ``--part all`` (the default, the shipped model): all 605 articles;
``--part dev``: only the dev part of the benchmark's fixed split (411 articles, by file-name hash), the 194
held-out articles never read. Every held-out figure reported (README, ``benchmarks/eval_quotes.py --part
heldout``) comes from a ``--part dev`` model with the same settings, never from the shipped one. Each article
is read with ``Article.raw`` and its sentences parsed with the project's spaCy pipeline, exactly as
``extract_quotes`` does.

Four logistic-regression models (scikit-learn at training time; the package only reads the JSON):

- ``cue``: is a candidate word the head of a gold Cue span?
- ``content``: among a gold cue's candidate contents, which one overlaps the gold Content best (Jaccard)?
- ``source``: among "none" and the noun-phrase heads, which one heads the gold Source?
- ``prefilter`` (:mod:`analysis.quotes.prefilter`): from surface features only, is a word the cue of an
  attribution the three models above find correctly? Sentences without such a word are not parsed. The
  three decisions are then trained again on the sentences the prefilter keeps.

Weights below ``min_weight`` (0.04) are dropped: that keeps the file under 3 MB (dropping those below 0.03
or 0.05 from a dev model changed F1 by at most 0.002 on 120 dev articles). ``--cv K`` scores K-fold
cross-validation grouped by article on dev (each fold's articles predicted by models trained on the other
folds, then scored with the benchmark's metric) and prints the table; it does not write the model.
Deterministic (liblinear, fixed order): on one machine a retraining writes the same file; across CPU types
the weights agree within 1e-6 (``training/compare_models.py``, ``tests/test_training.py``).

    python training/train_quotes.py [--data DIR] [--part all|dev] [--out analysis/models/quotes_model.json]
        [--cv 5] [--cache parses.spacy]
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eval_quotes as ev  # noqa: E402

from analysis.quotes.attribution import find_attributions  # noqa: E402
from analysis.quotes.candidates import Frame, cue_candidates  # noqa: E402
from analysis.quotes.model import LinearModel  # noqa: E402
from analysis.quotes.prefilter import choose_sentences, word_features  # noqa: E402
from analysis.quotes.spans import content_candidates  # noqa: E402
from analysis.quotes.speakers import source_candidates  # noqa: E402

DEFAULT_OUT = REPO / "analysis" / "models" / "quotes_model.json"
#: chosen by 5-fold grouped cross-validation on dev (``--cv 5 --thresholds ...``; see the closing note of
#: issue 11): C barely matters between 0.1 and 0.5; F1 is flat for cue thresholds 0.3-0.45, 0.4 is the best.
#: The prefilter threshold is 0.06, a little below the CV choice (0.07): the model trained on all 605
#: articles scores a lone "Washington played down the threat of war." at 0.065 (tests/test_quotes.py)
SETTINGS = {
    "C_cue": 0.2,
    "C_content": 0.2,
    "C_source": 0.2,
    "threshold": 0.4,
    "min_rate": 0.02,
    "min_count": 2,
    "min_weight": 0.04,
    "C_prefilter": 0.2,
    "prefilter": 0.06,
    "retrain_filtered": 1,
}


def default_data_dir() -> Path:
    return Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))


# --------------------------------------------------------------------------------------------- gold alignment


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def _jaccard(gold: list[tuple[int, int]], a: int, b: int) -> float:
    ov = _overlap(gold, [(a, b)])
    union = sum(y - x for x, y in gold) + (b - a) - ov
    return ov / union if union > 0 else 0.0


def _head_in(frame: Frame, spans: list[tuple[int, int]]):
    """The token of ``frame`` inside ``spans`` whose head is outside them (the span's syntactic head)."""
    if frame.doc is None:
        return None
    inside = [t for t in frame.doc if any(a <= frame.offset + t.idx < b for a, b in spans)]
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


@dataclass
class Examples:
    cue: list[tuple[list[str], int]] = field(default_factory=list)
    content: list[tuple[list[str], int]] = field(default_factory=list)
    source: list[tuple[list[str], int]] = field(default_factory=list)
    lemma_pos: Counter = field(default_factory=Counter)
    lemma_all: Counter = field(default_factory=Counter)


def _gold_cue_heads(frames: list[Frame], gold) -> dict[tuple[int, int], list]:
    """(frame index, token index) of each gold cue head -> the gold attributions with that cue."""
    heads: dict[tuple[int, int], list] = {}
    for g in gold:
        if not g.cue:
            continue
        for at, frame in enumerate(frames):
            if frame.offset <= g.cue[0][0] < frame.end:
                token = _head_in(frame, g.cue)
                if token is not None:
                    heads.setdefault((at, token.i), []).append(g)
                break
    return heads


def article_examples(frames: list[Frame], gold, vocabulary: frozenset[str], ex: Examples) -> None:
    """Add one article's labelled candidates for the three models to ``ex``."""
    heads = _gold_cue_heads(frames, gold)
    for at, frame in enumerate(frames):
        if frame.doc is None:
            continue
        for token in frame.doc:
            if (at, token.i) in heads:
                ex.lemma_pos[token.lemma_.lower()] += 1
            ex.lemma_all[token.lemma_.lower()] += 1
        cues = cue_candidates(frame, vocabulary)
        others = [c.start for c in cues if (at, c.head.i) in heads]
        for cue in cues:
            golds = heads.get((at, cue.head.i), [])
            ex.cue.append((cue.features, int(bool(golds))))
            for g in golds:
                _content_and_source(cue, frames, at, g, ex, others)


def _content_and_source(cue, frames, at, g, ex: Examples, others) -> None:
    cands = content_candidates(cue, frames, at, others)
    if not cands:
        return
    scores = [_jaccard(g.content, c.start, c.end) for c in cands]
    top = max(scores)
    if top >= 0.3:
        for c, s in zip(cands, scores, strict=True):
            ex.content.append((c.features, int(s == top)))
    chosen = cands[int(np.argmax(scores))]
    frame = frames[at]
    head = _head_in(frame, g.source) if g.source else None
    for s in source_candidates(cue, chosen):
        label = (s.token is None and head is None) or (
            s.token is not None and head is not None and s.token.i == head.i
        )
        ex.source.append((s.features, int(label)))


# ----------------------------------------------------------------------------------------------- learning


def fit(
    examples: list[tuple[list[str], int]], C: float, min_count: int, min_weight: float = 1e-6
) -> LinearModel:
    """L2 logistic regression (liblinear) over the features seen at least ``min_count`` times; weights below
    ``min_weight`` in absolute value are dropped (they keep the model file small and change next to no
    decision)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in examples for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in set(feats):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(names)))
    y = np.array([label for _, label in examples])
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(X, y)
    weights = clf.coef_[0]
    keep = {f: float(w) for f, w in zip(names, weights, strict=True) if abs(w) >= max(min_weight, 1e-6)}
    return LinearModel("", keep, float(clf.intercept_[0]))


def vocabulary_of(ex: Examples, min_rate: float) -> frozenset[str]:
    """Lemmas that head gold cues at least twice and at least ``min_rate`` of the time."""
    return frozenset(
        lem for lem, n in ex.lemma_pos.items() if n >= 2 and n / max(1, ex.lemma_all[lem]) >= min_rate
    )


def train_decisions(
    corpus: list[tuple[str, list[Frame], list]], settings: dict, vocab: frozenset[str] | None = None
) -> tuple[dict, frozenset[str]]:
    """The three decision models and the cue vocabulary (learned unless given) from (name, frames, gold)
    triples."""
    survey = Examples()
    for _, frames, gold in corpus:
        heads = _gold_cue_heads(frames, gold)
        for at, frame in enumerate(frames):
            if frame.doc is None:
                continue
            for token in frame.doc:
                lem = token.lemma_.lower()
                survey.lemma_all[lem] += 1
                if (at, token.i) in heads:
                    survey.lemma_pos[lem] += 1
    vocab = vocabulary_of(survey, settings["min_rate"]) if vocab is None else vocab
    ex = Examples()
    for _, frames, gold in corpus:
        article_examples(frames, gold, vocab, ex)
    models = {
        "cue": fit(ex.cue, settings["C_cue"], settings["min_count"], settings["min_weight"]),
        "content": fit(ex.content, settings["C_content"], settings["min_count"], settings["min_weight"]),
        "source": fit(ex.source, settings["C_source"], settings["min_count"], settings["min_weight"]),
    }
    models = {
        k: LinearModel(k, m.weights, m.bias, settings["threshold"] if k == "cue" else 0.5)
        for k, m in models.items()
    }
    return models, vocab


def forms_of(corpus, vocab: frozenset[str]) -> frozenset[str]:
    """Lower-case forms of the vocabulary's lemmas seen in the parsed training sentences."""
    return frozenset(
        t.lower_
        for _, frames, _ in corpus
        for f in frames
        if f.doc is not None
        for t in f.doc
        if t.lemma_.lower() in vocab
    )


def true_cue_positions(corpus, models: dict, vocab: frozenset[str]) -> dict[str, set[int]]:
    """Article name -> offsets of the cue heads whose attribution (by ``models``) matches a gold one."""
    out = {}
    for name, frames, gold in corpus:
        found = find_attributions(frames, models, vocab)[0]
        out[name] = {
            found[pi].cue.frame.offset + found[pi].cue.head.idx for _, pi in ev.match(gold, found, 0.5)
        }
    return out


def train_prefilter(corpus, positives: dict[str, set[int]], forms: frozenset[str], settings: dict):
    """The surface model of :mod:`analysis.quotes.prefilter`: is a word at the head of a true attribution?"""
    examples = []
    for name, frames, _ in corpus:
        wanted = positives[name]
        for f in frames:
            for pos, feats in word_features(f.text, f.offset, f.end, f.quotes, forms):
                examples.append((feats, int(pos in wanted)))
    m = fit(examples, settings["C_prefilter"], settings["min_count"], settings["min_weight"])
    return LinearModel("prefilter", m.weights, m.bias, settings["prefilter"])


def filtered(frames: list[Frame], prefilter: LinearModel, forms: frozenset[str]) -> list[Frame]:
    """The frames as ``extract_quotes`` sees them: the sentences the prefilter skips are unparsed."""
    if not frames:
        return frames
    spans = [(i, f.offset, f.end) for i, f in enumerate(frames)]
    quotes = sorted({q for f in frames for q in f.quotes})
    chosen = set(choose_sentences(frames[0].text, spans, quotes, forms, prefilter))
    return [f if i in chosen else replace(f, doc=None, in_quote=[]) for i, f in enumerate(frames)]


def train(
    corpus: list[tuple[str, list[Frame], list]], settings: dict
) -> tuple[dict, frozenset[str], frozenset]:
    """All the models (decisions and prefilter), the cue vocabulary and its forms from (name, frames, gold)
    triples of fully parsed articles: the decisions are trained, their true attributions on the training
    articles teach the prefilter, and (``retrain_filtered``) the decisions are trained again on the
    sentences the prefilter keeps, as ``extract_quotes`` will see them."""
    models, vocab = train_decisions(corpus, settings)
    forms = forms_of(corpus, vocab)
    prefilter = train_prefilter(corpus, true_cue_positions(corpus, models, vocab), forms, settings)
    if settings["retrain_filtered"]:
        kept = [(n, filtered(f, prefilter, forms), g) for n, f, g in corpus]
        models = train_decisions(kept, settings, vocab)[0]
    return {**models, "prefilter": prefilter}, vocab, forms


# ---------------------------------------------------------------------------------------------- data, I/O


def _parse_docs(texts: list[tuple[str, str]], cache: Path | None) -> dict[str, dict[int, object]]:
    """Parses of every sentence of every article (name -> sentence index -> Doc), from ``cache`` (a spaCy
    DocBin + a JSON index, made on the first run) when given."""
    from spacy.tokens import DocBin

    from analysis.article import Article
    from analysis.parse import ParsedArticle, load_pipeline

    nlp = load_pipeline()
    index_file = cache.with_suffix(".json") if cache else None
    if cache and cache.exists() and index_file.exists():
        meta = json.loads(index_file.read_text())
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        out: dict[str, dict[int, object]] = {}
        for (name, i, *_), doc in zip(meta, docs, strict=True):
            out.setdefault(name, {})[i] = doc
        if all(name in out for name, _ in texts):
            return out
    out, meta, bin_ = {}, [], DocBin(store_user_data=False)
    for name, text in texts:
        article = Article.raw(text)
        for p in ParsedArticle(article).sentences():
            out.setdefault(name, {})[p.sentence.index] = p.doc
            meta.append((name, p.sentence.index))
            bin_.add(p.doc)
    if cache:
        bin_.to_disk(cache)
        index_file.write_text(json.dumps(meta))
    return out


def load_articles(
    data: Path, cache: Path | None, part: str = "dev"
) -> list[tuple[str, str, list[Frame], list]]:
    """(name, text, frames, gold attributions) of every article of ``part`` ("dev": the 411 articles of the
    benchmark's dev part; "all": all 605), every sentence parsed as extract_quotes parses."""
    from analysis.article import Article
    from analysis.quotes.candidates import make_frames
    from analysis.quotes.extract import excluded_lines, headline_end
    from analysis.quotes.marks import quote_spans

    folder = data / "quotes" / "polnear"
    articles = [a for a in ev.load_corpus(folder) if part == "all" or ev.part_of(a.name) == part]
    docs = _parse_docs([(a.name, a.text) for a in articles], cache)
    out = []
    for a in articles:
        excluded = excluded_lines(a.text)
        sentences = [
            (s.index, s.start, s.end)
            for s in Article.raw(a.text).sentences
            if s.text.strip() and not any(x <= s.start < y for x, y in excluded)
        ]
        frames = make_frames(a.text, sentences, docs[a.name], quote_spans(a.text), headline_end(a.text))
        out.append((a.name, a.text, frames, a.attributions))
    return out


def load_dev(data: Path, cache: Path | None) -> list[tuple[str, str, list[Frame], list]]:
    """The dev articles (:func:`load_articles` with ``part="dev"``)."""
    return load_articles(data, cache, "dev")


def write_model(
    models: dict,
    vocab: frozenset[str],
    forms: frozenset[str],
    settings: dict,
    trained_on: str,
    out: Path,
) -> None:
    data = {
        "format": "analysis.quotes linear models v2",
        "trained_on": f"{trained_on}, training/train_quotes.py",
        "settings": settings,
        "cue_lemmas": sorted(vocab),
        "cue_forms": sorted(forms),
        "models": {
            name: {
                "features": sorted(m.weights),
                "weights": [round(m.weights[f], 7) for f in sorted(m.weights)],
                "bias": round(m.bias, 7),
                "threshold": m.threshold,
            }
            for name, m in models.items()
        },
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def cross_validate(
    dev, settings: dict, k: int, thresholds: list[float], prefilters: list[float | None]
) -> dict:
    """Out-of-fold predictions for every dev article (folds grouped by article: each fold's articles are
    predicted by models trained on the other folds) for each prefilter threshold (None: every sentence
    parsed) and cue threshold, scored with the benchmark; with the share of dev sentences parsed."""
    folds = [i % k for i in range(len(dev))]
    keys = [(p, t) for p in prefilters for t in thresholds]
    preds: dict[tuple, dict[str, list]] = {key: {} for key in keys}
    parsed: Counter = Counter()
    for fold in range(k):
        train_part = [(n, f, g) for (n, _, f, g), j in zip(dev, folds, strict=True) if j != fold]
        test_part = [(n, f) for (n, _, f, _), j in zip(dev, folds, strict=True) if j == fold]
        base, vocab = train_decisions(train_part, settings)
        forms = forms_of(train_part, vocab)
        first = train_prefilter(train_part, true_cue_positions(train_part, base, vocab), forms, settings)
        for p in prefilters:
            models = base
            if p is not None:
                prefilter = LinearModel("prefilter", first.weights, first.bias, p)
                if settings["retrain_filtered"]:
                    kept = [(n, filtered(f, prefilter, forms), g) for n, f, g in train_part]
                    models = train_decisions(kept, settings, vocab)[0]
            for t in thresholds:
                cue = models["cue"]
                models_t = {**models, "cue": LinearModel("cue", cue.weights, cue.bias, t)}
                for name, frames in test_part:
                    frames = filtered(frames, prefilter, forms) if p is not None else frames
                    if t == thresholds[0]:
                        parsed[p] += sum(f.parsed for f in frames)
                    preds[(p, t)][name] = find_attributions(frames, models_t, vocab)[0]
    total = sum(len(f) for _, _, f, _ in dev)
    gold = [ev.GoldArticle(n, t, g) for n, t, _, g in dev]
    out = {}
    for p, t in keys:
        pred = [preds[(p, t)][n] for n, _, _, _ in dev]
        share = parsed[p] / total
        for thr, of in ((0.5, "shorter"), (0.8, "shorter"), (0.8, "longer")):
            label = f"prefilter {p}, {share:.0%} parsed, cue p>={t}, overlap {thr} of the {of}"
            out[label] = ev.score_full(gold, pred, thr, of)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--part",
        choices=["all", "dev"],
        default="all",
        help="train on all 605 PolNeAR articles (the shipped model) or on the 411 dev articles only (the "
        "model benchmarks/eval_quotes.py scores on the held-out part)",
    )
    parser.add_argument(
        "--cv", type=int, default=0, help="K-fold grouped cross-validation on dev; no model written"
    )
    parser.add_argument("--set", action="append", default=[], help="override a setting: name=value")
    parser.add_argument("--thresholds", default="", help="with --cv: comma-separated cue thresholds to score")
    parser.add_argument(
        "--prefilters",
        default="",
        help="with --cv: comma-separated prefilter thresholds to score ('none': parse every sentence)",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (quick trials)")
    parser.add_argument("--cache", type=Path, default=None, help="keep the parses in this DocBin file")
    args = parser.parse_args(argv)
    if not (args.data / "quotes" / "polnear" / "text").is_dir():
        print(f"PolNeAR not found under {args.data}; nothing trained.")
        return 0
    settings = dict(SETTINGS)
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = type(SETTINGS[key])(value)
    part = "dev" if args.cv else args.part
    t0 = time.process_time()
    articles = load_articles(args.data, args.cache, part)
    if args.limit:
        articles = articles[: args.limit]
    print(f"{len(articles)} {part} articles parsed in {time.process_time() - t0:.0f} s CPU", file=sys.stderr)
    if args.cv:
        thresholds = (
            [float(t) for t in args.thresholds.split(",")] if args.thresholds else [settings["threshold"]]
        )
        prefilters = (
            [None if p == "none" else float(p) for p in args.prefilters.split(",")]
            if args.prefilters
            else [settings["prefilter"]]
        )
        scores = cross_validate(articles, settings, args.cv, thresholds, prefilters)
        for label, counts in scores.items():
            print(ev.row(f"dev {args.cv}-fold CV, {label}", counts))
        return 0
    models, vocab, forms = train([(n, f, g) for n, _, f, g in articles], settings)
    what = "all of PolNeAR" if part == "all" else "the PolNeAR dev part"
    write_model(models, vocab, forms, settings, f"{what} ({len(articles)} articles)", args.out)
    print(f"wrote {args.out} ({len(vocab)} cue lemmas)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
