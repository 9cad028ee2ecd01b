"""Content-boundary errors of the attribution models on PolNeAR dev, out of fold.

Each dev article is predicted by models trained on the other folds (``training/train_quotes.py`` settings,
folds grouped by article as ``--cv`` makes them); the script prints the benchmark's scores (F1 at 50% of the
shorter span, F1@80 = 80% of the longer span, quoted and paraphrase F1) and sorts every pair matched at 50%
but not at 80% into a boundary class by how the predicted content differs from the gold one (see
:func:`boundary_class`). Only dev articles are read.

    python benchmarks/quote_boundaries.py [--data DIR] [--cache parses.spacy] [--folds 5] [--examples N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "training"))

import eval_quotes as ev  # noqa: E402

QUOTES = "\"“”«»„'’‘"
_CUE_WORDS = re.compile(
    r"\b(said|says|say|added|adds|told|tells|asked|wrote|writes|noted|notes|argued|explained|according|"
    r"stated|continued|insisted|claimed|declared|recalled|suggested|warned|acknowledged|admitted)\b",
    re.I,
)
_SUBORDINATORS = (
    "because",
    "while",
    "after",
    "before",
    "when",
    "if",
    "as",
    "since",
    "although",
    "though",
    "which",
    "who",
    "where",
    "unless",
    "until",
    "even",
    "despite",
    "including",
    "in",
    "on",
    "at",
    "for",
    "with",
    "to",
    "by",
    "from",
)
_CONJUNCTIONS = ("and", "but", "or", "nor", "so", "yet")


def _overlap(spans: list[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(b, end) - max(a, start)) for a, b in spans)


def _words(s: str) -> list[str]:
    return re.findall(r"[\w’']+", s.lower())


def _only_marks(s: str) -> bool:
    return bool(s.strip()) and not re.search(r"\w", s)


def _edge_class(side: str, extra: bool, diff: str, text: str, gold, pred, sent_end: int) -> str:
    """The class of one edge difference (``diff``: the characters predicted but not gold, or the reverse)."""
    what = "extra" if extra else "missing"
    w = _words(diff)
    if _only_marks(diff):
        return f"{side} punctuation/quote marks {what}"
    if side == "left" and w and w[0] == "that" and len(w) == 1:
        return f"left complementizer 'that' {what}"
    if side == "right" and "\n" in diff.strip():
        return f"right across a paragraph ({what})"
    if side == "right" and re.search(r"[.!?][\"”’]?\s+\S", diff.strip()) and len(w) > 0:
        return f"right multi-sentence ({what})"
    if _CUE_WORDS.search(diff) and len(w) <= 12:
        return f"{side} attached cue/source phrase ('he said') {what}"
    if side == "right" and w and w[0] in _CONJUNCTIONS:
        return f"right conjunction ('and/but ...') {what}"
    if side == "right" and w and w[0] in _SUBORDINATORS:
        return f"right subordinate clause/PP {what}"
    if side == "right" and diff.lstrip().startswith(","):
        return f"right comma-attached tail {what}"
    if side == "left" and w and w[0] == "that":
        return f"left 'that' + more {what}"
    if side == "left" and w and w[0] in ("to", "whether", "if", "how", "why", "what"):
        return f"left complementizer ({w[0]}) + more {what}"
    if side == "left":
        return f"left words {what} ({'<=3' if len(w) <= 3 else '>3'})"
    return f"right words {what} ({'<=3' if len(w) <= 3 else '>3'})"


def boundary_class(text: str, gold: list[tuple[int, int]], start: int, end: int) -> list[str]:
    """The boundary classes of a predicted span against a gold content (one per differing edge; a gold
    content in several pieces is a split quote)."""
    g0, g1 = min(a for a, _ in gold), max(b for _, b in gold)
    out = []
    if len(gold) > 1:
        if start >= gold[0][1] or end <= gold[-1][0]:
            out.append("split quote: only one piece predicted")
        else:
            inner = sum(b - a for a, b in gold)
            if (end - start) * 0.8 > inner and g0 - 3 <= start and end <= g1 + 3:
                return ["split quote: cue/source between the pieces included"]
    if start < g0:
        out.append(_edge_class("left", True, text[start:g0], text, gold, (start, end), 0))
    elif start > g0 and not out:
        out.append(_edge_class("left", False, text[g0:start], text, gold, (start, end), 0))
    if end > g1:
        out.append(_edge_class("right", True, text[g1:end], text, gold, (start, end), 0))
    elif end < g1 and not (out and out[0].startswith("split")):
        out.append(_edge_class("right", False, text[end:g1], text, gold, (start, end), 0))
    return out or ["same edges (overlap below 80% inside)"]


def out_of_fold(
    dev, settings: dict, k: int, save: Path | None = None, load: Path | None = None, detail: bool = False
):
    """Article name -> the attributions found by models trained on the other folds (each fold's model file
    written to ``save``, or read from ``load`` instead of training: for changes that do not touch what the
    models learn from). ``detail``: article name -> (attributions, every decided cue candidate, the frames
    as the models saw them, the fold's models and cue vocabulary) instead."""
    import train_quotes as tq

    from analysis.quotes.attribution import find_attributions
    from analysis.quotes.model import LinearModel, cue_forms, cue_vocabulary, load_models

    folds = [i % k for i in range(len(dev))]
    preds = {}
    for fold in range(k):
        train_part = [(n, f, g) for (n, _, f, g), j in zip(dev, folds, strict=True) if j != fold]
        test_part = [(n, f) for (n, _, f, _), j in zip(dev, folds, strict=True) if j == fold]
        if load is not None:
            file = load / f"fold{fold}.json"
            models, vocab, forms = load_models(file), cue_vocabulary(file), cue_forms(file)
        else:
            models, vocab, forms = tq.train(train_part, settings)
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                tq.write_model(models, vocab, forms, settings, f"dev fold {fold}", save / f"fold{fold}.json")
        prefilter = models["prefilter"]
        models = {
            **models,
            "cue": LinearModel("cue", models["cue"].weights, models["cue"].bias, settings["threshold"]),
        }
        for name, frames in test_part:
            seen = tq.filtered(frames, prefilter, forms)
            found, cues = find_attributions(seen, models, vocab, explain=detail)
            preds[name] = (found, cues, seen, models, vocab) if detail else found
        print(f"fold {fold + 1}/{k} done", file=sys.stderr)
    return preds


def main(argv: list[str] | None = None) -> int:
    import train_quotes as tq

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=tq.default_data_dir())
    parser.add_argument("--cache", type=Path, default=None, help="parses DocBin (train_quotes.py --cache)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N dev articles")
    parser.add_argument("--examples", type=int, default=0, help="print N examples per class")
    parser.add_argument("--set", action="append", default=[], help="override a setting: name=value")
    parser.add_argument("--save-models", type=Path, default=None, help="write each fold's models here")
    parser.add_argument(
        "--load-models",
        type=Path,
        default=None,
        help="read each fold's models from here (written by --save-models with the same --folds, no --limit)",
    )
    parser.add_argument("--dump", type=Path, default=None, help="write the loose pairs as JSON lines here")
    args = parser.parse_args(argv)
    if not (args.data / "quotes" / "polnear" / "text").is_dir():
        print(f"PolNeAR not found under {args.data}; nothing to do.")
        return 0
    settings = dict(tq.SETTINGS)
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = type(tq.SETTINGS[key])(value)
    dev = tq.load_articles(args.data, args.cache, "dev")
    if args.limit:
        dev = dev[: args.limit]
    preds = out_of_fold(dev, settings, args.folds, args.save_models, args.load_models)
    gold = [ev.GoldArticle(n, t, g) for n, t, _, g in dev]
    pred = [preds[n] for n, _, _, _ in dev]
    print(f"dev out-of-fold ({args.folds} folds, {len(dev)} articles)\n")
    print("| row | gold | predicted | P | R | F1 | quoted P/R/F1 | indirect P/R/F1 | speaker acc | cue acc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for thr, of, tag in ((0.5, "shorter", "F1 (50%)"), (0.8, "longer", "F1@80 (boundaries)")):
        print(ev.row(tag, ev.score_full(gold, pred, thr, of)))
    classes: Counter = Counter()
    examples: dict[str, list[str]] = {}
    n_pairs = n_loose = 0
    dump = []
    for art, ps in zip(gold, pred, strict=True):
        for gi, pi in ev.match(art.attributions, ps, 0.5):
            n_pairs += 1
            g, p = art.attributions[gi], ps[pi]
            ov = _overlap(g.content, p.start, p.end)
            if ov >= 0.8 * max(sum(b - a for a, b in g.content), p.end - p.start):
                continue
            n_loose += 1
            dump.append(
                {
                    "article": art.name,
                    "gold": g.content,
                    "pred": [p.start, p.end],
                    "kind": p.content.kind,
                    "cue": [p.cue.start, p.cue.end],
                    "classes": boundary_class(art.text, g.content, p.start, p.end),
                }
            )
            for c in boundary_class(art.text, g.content, p.start, p.end):
                classes[c] += 1
                gtext = " / ".join(art.text[a:b] for a, b in g.content)
                ptext = art.text[p.start : p.end]
                examples.setdefault(c, []).append(
                    f"    gold: {gtext[:200]!r}\n    pred: {ptext[:200]!r} [{p.content.kind}]"
                )
    print(f"\n{n_loose} of {n_pairs} pairs matched at 50% miss the 80% boundary test; their edge classes:\n")
    print("| class | edges |")
    print("|---|---:|")
    for c, n in classes.most_common():
        print(f"| {c} | {n} |")
    if args.dump:
        import json

        args.dump.write_text("\n".join(json.dumps(d) for d in dump) + "\n", encoding="utf-8")
    if args.examples:
        for c, _ in classes.most_common():
            print(f"\n## {c}")
            for line in examples[c][: args.examples]:
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
