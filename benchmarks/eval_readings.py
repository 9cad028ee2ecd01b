"""`government_stance` against the readings in ``benchmarks/readings`` (BBC articles outside gov_stance).

    python benchmarks/eval_readings.py            # rows precision and recall on the six samples, labels
    python benchmarks/eval_readings.py --samples 0 3 --errors

Rows: every row the package lists now is looked up in the sample's reading (``real`` 1, ``half`` 0.5,
``false`` 0); rows no reader saw are counted apart (``unread``), not guessed. Recall is over the rows the
readers found real (listed ``real`` or ``missed``). Labels: accuracy and macro-F1 of the label of every
listed row the label readers labelled, overall and by the readers' confidence.

    python benchmarks/eval_readings.py --samples polnear201 polnear202 polnear203 polnear204  # US news, dated
    python benchmarks/eval_readings.py --samples bbc_onegov_seed301 bbc_twogov_seed302  # one or two names

Measured at the end of session 20 (main): see the closing note and readings/README.md. The rules were
written on these samples, so expect less on articles never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _data import data_dir, require  # noqa: E402

READINGS = REPO / "benchmarks" / "readings"
LABELS = ("negative", "neutral", "positive")
CREDIT = {"real": 1.0, "missed": 1.0, "half": 0.5, "false": 0.0}


def load_rows(sample: str) -> dict[tuple[str, str], str]:
    """(file, government) -> verdict of one sample's reading ("0".."5": BBC, every 6th from that index;
    "polnear201", "polnear202": PolNeAR articles)."""
    if (READINGS / f"rows_{sample}.tsv").exists():  # "bbc_onegov_seed301": rows_bbc_onegov_seed301.tsv
        name = f"rows_{sample}.tsv"
    elif sample.startswith("polnear"):
        name = f"rows_polnear_seed{sample[7:]}.tsv"
    else:
        name = f"rows_every6_from{sample}.tsv"
    path = READINGS / name
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("\t")
        if len(cells) < 3 or cells[2] not in CREDIT:
            raise SystemExit(f"{path}: line {n}: expected file, government, verdict (real/false/half/missed)")
        out[(cells[0], cells[1])] = cells[2]
    return out


def load_labels(names: list[str] | tuple[str, ...] = ("labels.jsonl",)) -> dict[tuple[str, str], dict]:
    """(file, government) -> the label reading of the files ``names`` in ``benchmarks/readings``
    (not_government ones left out)."""
    out = {}
    lines = [line for name in names for line in (READINGS / name).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            for g in rec["governments"]:
                if not g.get("not_government"):
                    out[(rec["file"], g["government"])] = g
    return out


def _polnear_dates(root: Path) -> dict[str, str]:
    """PolNeAR file stem -> publication date (metadata.tsv)."""
    import csv

    path = require(root / "quotes" / "polnear" / "metadata.tsv")
    with path.open(encoding="utf-8") as f:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for c in LABELS:
        tp = sum(a == c == b for a, b in pairs)
        fp = sum(a != c and b == c for a, b in pairs)
        fn = sum(a == c and b != c for a, b in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument(
        "--samples",
        nargs="*",
        default=["0", "1", "2", "3", "4", "5"],
        help="0-5 (BBC), polnear201 ... polnear207, polnear401, polnear402, bbc_onegov_seed301 ...",
    )
    parser.add_argument(
        "--labels",
        nargs="*",
        default=["labels.jsonl"],
        help="label readings in benchmarks/readings (default labels.jsonl, the ones rules were tuned on)",
    )
    parser.add_argument("--errors", action="store_true", help="list false and unread rows, missed real ones")
    args = parser.parse_args(argv)
    root = data_dir(args.data)
    corpus = require(root / "news_corpus")
    from analysis.article import Article, load_article
    from analysis.context import ArticleContext
    from analysis.stance import government_stance

    verdicts: dict[tuple[str, str], str] = {}
    for k in args.samples:
        verdicts.update(load_rows(k))
    labels = load_labels(args.labels)
    files = sorted({f for f, _ in verdicts})
    listed: dict[tuple[str, str], str] = {}
    dates = _polnear_dates(root) if any(f.startswith("quotes/polnear/") for f in files) else {}
    for f in files:
        if f.startswith("quotes/polnear/"):  # dated: office-holders are read against the date
            path = root / f
            article = Article.from_text(path.read_text(encoding="utf-8"), published=dates.get(path.stem))
        else:
            article = load_article(corpus / f)
        table = government_stance(ArticleContext(article))
        for row in table.to_dict("records"):
            listed[(f, row["government"])] = row["label"]
    read = [key for key in listed if key in verdicts]
    unread = [key for key in listed if key not in verdicts]
    precision = sum(CREDIT[verdicts[key]] for key in read) / max(1, len(read))
    real = [key for key, v in verdicts.items() if v in ("real", "missed")]
    recall = sum(key in listed for key in real) / max(1, len(real))
    pairs = [
        (labels[key]["portrayal"], listed[key], labels[key]["confidence"]) for key in listed if key in labels
    ]
    print(
        f"samples {args.samples}: {len(files)} articles, {len(listed)} rows listed ({len(unread)} unread)\n"
    )
    print("| rows read | rows precision | real rows | recall | labelled rows | label accuracy | macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    accuracy = sum(a == b for a, b, _ in pairs) / max(1, len(pairs))
    print(
        f"| {len(read)} | {precision:.3f} | {len(real)} | {recall:.3f} | {len(pairs)} | {accuracy:.3f} "
        f"| {macro_f1([(a, b) for a, b, _ in pairs]):.3f} |"
    )
    by_confidence = Counter(c for _, _, c in pairs)
    right = Counter(c for a, b, c in pairs if a == b)
    print(
        "\nlabel accuracy by the readers' confidence: "
        + ", ".join(f"{c} {right[c] / n:.3f} ({n})" for c, n in sorted(by_confidence.items()))
    )
    confusion = Counter((a, b) for a, b, _ in pairs)
    print(
        "\nconfusion (rows: reading, columns: library)\n| | " + " | ".join(LABELS) + " |\n|---|---|---|---|"
    )
    for g in LABELS:
        print(f"| {g} | " + " | ".join(str(confusion[(g, p)]) for p in LABELS) + " |")
    if args.errors:
        print("\nfalse or half rows listed:")
        for key in sorted(k for k in read if verdicts[k] != "real" and verdicts[k] != "missed"):
            print(f"  {verdicts[key]:5} {key[0]:26} {key[1]}")
        print("\nunread rows listed:")
        for key in sorted(unread):
            print(f"  {key[0]:26} {key[1]}")
        print("\nreal rows not listed:")
        for key in sorted(k for k in real if k not in listed):
            print(f"  {verdicts[key]:6} {key[0]:26} {key[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
