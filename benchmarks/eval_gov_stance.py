"""Government portrayal tables on ``gov_stance/dev.jsonl``: which governments, and how each is portrayed.

    python benchmarks/eval_gov_stance.py [--data DIR] [--errors] [--split dev]

For each annotated BBC article (``news_corpus/<file>``), ``analysis.stance.government_stance`` gives one row
per government it finds acting as a government. Scores, as the set's README describes them:

- rows precision: share of the library's (article, government) rows that the reading lists;
- rows recall: share of the reading's rows that the library lists;
- on the rows both list: label accuracy and macro-F1 over negative / neutral / positive (classes absent from
  both gold and prediction are left out of the mean);
- the same label figures for the rows the library does not mark ``uncertain`` (when it has that column);
- cost: CPU seconds per article for the whole stance analysis (mentions, parse, quotes, scores), one core,
  with the sentence segmentation (Article loading) measured apart.

The set is for checking, never for fitting (see its README). ``--errors`` lists every false and missed row
and every label disagreement with the evidence phrases of the reading. Exits 0 with a message when the data is
absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _data import data_dir, require  # noqa: E402

LABELS = ("negative", "neutral", "positive")


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the classes that occur in gold or prediction."""
    classes = [c for c in LABELS if c in gold or c in pred]
    if not classes:
        return float("nan")
    total = 0.0
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(classes)


def evaluate(records: list[dict], corpus: Path, show_errors: bool = False) -> dict:
    """Scores of ``government_stance`` on annotated records (see the module docstring)."""
    from analysis.article import load_article
    from analysis.context import ArticleContext
    from analysis.stance import government_stance

    tp_rows, fp_rows, fn_rows = [], [], []
    pairs: list[tuple[str, str, str, bool, dict]] = []  # (file, gold, pred, uncertain, gold record)
    cpu_load = cpu_stance = 0.0
    for rec in records:
        t0 = time.process_time()
        article = load_article(corpus / rec["file"])
        t1 = time.process_time()
        table = government_stance(ArticleContext(article))
        t2 = time.process_time()
        cpu_load += t1 - t0
        cpu_stance += t2 - t1
        gold = {g["government"]: g for g in rec["governments"]}
        pred = {r["government"]: r for r in table.to_dict("records")}
        for gov, row in pred.items():
            if gov in gold:
                tp_rows.append((rec["file"], gov))
                unc = bool(row.get("uncertain", False))
                pairs.append((rec["file"], gold[gov]["portrayal"], row["label"], unc, gold[gov], row))
            else:
                fp_rows.append((rec["file"], gov, row))
        for gov in gold:
            if gov not in pred:
                fn_rows.append((rec["file"], gov, gold[gov]))
    n_pred = len(tp_rows) + len(fp_rows)
    n_gold = len(tp_rows) + len(fn_rows)
    gold_labels = [p[1] for p in pairs]
    pred_labels = [p[2] for p in pairs]
    sure = [p for p in pairs if not p[3]]
    out = {
        "articles": len(records),
        "gold_rows": n_gold,
        "pred_rows": n_pred,
        "precision": len(tp_rows) / n_pred if n_pred else float("nan"),
        "recall": len(tp_rows) / n_gold if n_gold else float("nan"),
        "both": len(pairs),
        "label_accuracy": sum(g == p for g, p in zip(gold_labels, pred_labels, strict=True)) / len(pairs)
        if pairs
        else float("nan"),
        "macro_f1": macro_f1(gold_labels, pred_labels),
        "sure": len(sure),
        "sure_accuracy": sum(p[1] == p[2] for p in sure) / len(sure) if sure else float("nan"),
        "cpu_ms_per_article": 1000 * cpu_stance / max(1, len(records)),
        "load_ms_per_article": 1000 * cpu_load / max(1, len(records)),
        "confusion": {
            (g, p): sum(1 for x in pairs if (x[1], x[2]) == (g, p)) for g in LABELS for p in LABELS
        },
    }
    if show_errors:
        print("\nfalse rows (the library lists, the reading does not):")
        for file, gov, row in fp_rows:
            print(f"  {file:28s} {gov:18s} mentions={row['mentions']} label={row['label']}")
        print("\nmissed rows (the reading lists, the library does not):")
        for file, gov, g in fn_rows:
            print(f"  {file:28s} {gov:18s} n={g['n_mentions']} {g['portrayal']:8s} {g['evidence'][:1]}")
        print("\nlabel disagreements (gold -> library):")
        for file, g, p, unc, grec, row in pairs:
            if g != p:
                print(
                    f"  {file:28s} {grec['government']:16s} {g:8s} -> {p:8s} score={row['score']:+.2f} "
                    f"n={row['mentions']} unc={unc} | {grec['why'][:90]}"
                )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--split", default="dev", help="file name under gov_stance/ without .jsonl")
    parser.add_argument("--errors", action="store_true", help="list false, missed and mislabelled rows")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    path = require(root / "gov_stance" / f"{args.split}.jsonl")
    corpus = require(root / "news_corpus")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    from analysis.parse import load_pipeline

    load_pipeline()  # the model loads outside the timing
    r = evaluate(records, corpus, show_errors=args.errors)
    print(
        f"\ngov_stance/{args.split}: {r['articles']} articles, {r['gold_rows']} rows read, "
        f"{r['pred_rows']} listed"
    )
    print()
    print(
        "| rows precision | rows recall | rows both list | label accuracy | label macro-F1 "
        "| not-uncertain rows | their accuracy | stance CPU ms/article | load ms/article |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {r['precision']:.3f} | {r['recall']:.3f} | {r['both']} | {r['label_accuracy']:.3f} "
        f"| {r['macro_f1']:.3f} | {r['sure']} | {r['sure_accuracy']:.3f} | {r['cpu_ms_per_article']:.1f} "
        f"| {r['load_ms_per_article']:.1f} |"
    )
    print("\nconfusion (rows: reading, columns: library)")
    print("| | " + " | ".join(LABELS) + " |\n|---|---|---|---|")
    for g in LABELS:
        print(f"| {g} | " + " | ".join(str(r["confusion"][(g, p)]) for p in LABELS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
