"""Speaker errors of the attribution models on PolNeAR dev, one line per error, sorted into classes.

Scored as ``benchmarks/eval_quotes.py`` scores speakers: among the predictions matched to a gold attribution
(content overlap >= 50% of the shorter span) whose gold attribution has a Source, the speaker is right when
the predicted speaker mention (``speaker_start:speaker_end``) overlaps the gold Source span. Every other
such pair is an error, put in one class (:func:`error_class`):

- ``no speaker predicted`` (the source model chose "none"), split by where the gold Source is;
- ``gold source in another sentence`` (the candidates are the cue's sentence only);
- ``predicted a pronoun, gold another mention`` / ``gold a pronoun, predicted another mention``;
- ``other mention``, split by whether the gold Source's head was a candidate at all, with the predicted and
  the gold head's dependency paths from the cue (``↓nsubj``, ``↑relcl`` ...).

Only dev articles are read (the benchmark's fixed split). ``--model`` (default the shipped model, trained on
all 605 articles: in-sample, the fast check for rule changes to the speaker stage) or ``--load-models DIR``
(the fold models ``benchmarks/quote_boundaries.py --save-models DIR`` wrote: out of fold; with
``--retrain-source`` each fold's source model is trained again with the current source candidates and
features, which equals a full out-of-fold retraining for a change to the source stage only, in a fraction
of the time).

    python benchmarks/speaker_errors.py [--data DIR] [--cache parses.spacy] [--model PATH]
        [--load-models DIR --folds 5 [--retrain-source]] [--examples N] [--only CLASS] [--dump errors.jsonl]
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
sys.path.insert(0, str(REPO / "training"))

import eval_quotes as ev  # noqa: E402


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def _frame_at(frames, pos: int):
    return next((f for f in frames if f.offset <= pos < f.end), None)


def span_head(frame, spans: list[tuple[int, int]]):
    """The token of ``frame`` inside ``spans`` whose syntactic head lies outside them, or None."""
    if frame is None or frame.doc is None:
        return None
    inside = [t for t in frame.doc if any(a <= frame.offset + t.idx < b for a, b in spans)]
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


def _is_pronoun(text: str) -> bool:
    from analysis.quotes.lexicon import lexicon

    low = text.lower().strip()
    return low in lexicon().pronouns or low in lexicon().relative


def error_class(attribution, gold, frames, candidates) -> tuple[str, dict]:
    """(class, details) of a speaker error: ``attribution`` the prediction, ``gold`` its matched gold
    attribution, ``candidates`` the source candidates the model scored for it."""
    from analysis.quotes.speakers import dep_path

    frame = attribution.cue.frame
    text = frame.text
    gtext = " ".join(text[a:b] for a, b in gold.source)
    gframe = _frame_at(frames, gold.source[0][0])
    same = gframe is frame
    ghead = span_head(frame, gold.source) if same else None
    cue_ok = bool(gold.cue) and _overlap(gold.cue, [(attribution.cue.start, attribution.cue.end)]) > 0
    info = {
        "gold": gtext,
        "pred": attribution.source.text,
        "cue": attribution.cue.text,
        "gold_cue": " ".join(text[a:b] for a, b in gold.cue),
        "pred_path": dep_path(attribution.cue.head, attribution.source.token)
        if attribution.source.token is not None
        else "none",
        "gold_path": dep_path(attribution.cue.head, ghead) if ghead is not None else "",
    }
    ranked = sorted(candidates, key=lambda c: -c.score)
    at = ghead.i if ghead is not None else -1
    rank = next((n for n, c in enumerate(ranked) if c.token is not None and c.token.i == at), None)
    info["gold_rank"] = rank
    if not cue_ok:
        return "cue differs from the gold cue", info
    if attribution.source.token is None:
        if not same:
            return "no speaker predicted: gold source in another sentence", info
        return f"no speaker predicted: gold {'a candidate' if rank is not None else 'not a candidate'}", info
    if not same:
        return "gold source in another sentence", info
    if _is_pronoun(attribution.source.text) and not _is_pronoun(gtext):
        return "predicted a pronoun, gold another mention", info
    if _is_pronoun(gtext):
        return "gold a pronoun, predicted another mention", info
    if rank is None:
        return "other mention: gold head not a candidate", info
    return "other mention: gold head a candidate, ranked lower", info


def source_model(train_part, file: Path, settings: dict | None = None):
    """The source model trained, with the current source candidates and features, on ``train_part`` (name,
    text, frames, gold) as ``training/train_quotes.py`` trains it (the cue vocabulary and the prefilter of
    the model file ``file``: they do not depend on the source stage)."""
    import train_quotes as tq

    from analysis.quotes.model import LinearModel, cue_forms, cue_vocabulary, load_models

    vocab, forms, prefilter = cue_vocabulary(file), cue_forms(file), load_models(file)["prefilter"]
    ex = tq.Examples()
    for _, _, frames, gold in train_part:
        tq.article_examples(tq.filtered(frames, prefilter, forms), gold, vocab, ex)
    s = settings or tq.SETTINGS
    fitted = tq.fit(ex.source, s["C_source"], s["min_count"], s["min_weight"])
    return LinearModel("source", fitted.weights, fitted.bias, 0.5)


def predictions(
    dev, model: Path | None, load: Path | None, folds: int, retrain_source: bool = False, settings=None
):
    """Article name -> (attributions, frames as the models saw them, source model); ``load``: each fold's
    articles by that fold's models, ``retrain_source``: with the source model trained again on the other
    folds."""
    import train_quotes as tq

    from analysis.quotes.attribution import find_attributions
    from analysis.quotes.model import LinearModel, cue_forms, cue_vocabulary, load_models

    out = {}
    split = [i % folds for i in range(len(dev))] if load else [0] * len(dev)
    sources = {}
    if load and retrain_source:
        for fold in range(folds):
            train_part = [a for a, j in zip(dev, split, strict=True) if j != fold]
            sources[fold] = source_model(train_part, load / f"fold{fold}.json", settings)
            print(f"source model of fold {fold + 1}/{folds} trained", file=sys.stderr)
    for (name, _, frames, _), fold in zip(dev, split, strict=True):
        file = load / f"fold{fold}.json" if load else model
        models, vocab, forms = load_models(file), cue_vocabulary(file), cue_forms(file)
        if load:
            cue = models["cue"]
            models = {**models, "cue": LinearModel("cue", cue.weights, cue.bias, tq.SETTINGS["threshold"])}
        if fold in sources:
            models = {**models, "source": sources[fold]}
        seen = tq.filtered(frames, models["prefilter"], forms)
        found, _ = find_attributions(seen, models, vocab)
        out[name] = (found, seen, models["source"])
    return out


def main(argv: list[str] | None = None) -> int:
    import train_quotes as tq

    from analysis.quotes.speakers import source_candidates

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=tq.default_data_dir())
    parser.add_argument("--cache", type=Path, default=None, help="parses DocBin (train_quotes.py --cache)")
    parser.add_argument("--model", type=Path, default=None, help="model file (default: the shipped one)")
    parser.add_argument("--load-models", type=Path, default=None, help="fold models (out of fold)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--retrain-source",
        action="store_true",
        help="with --load-models: train each fold's source model again with the current source features "
        "(the other stages' models stay as loaded: they do not depend on the source stage)",
    )
    parser.add_argument("--set", action="append", default=[], help="with --retrain-source: name=value")
    parser.add_argument("--limit", type=int, default=0, help="only the first N dev articles")
    parser.add_argument("--examples", type=int, default=0, help="print N errors per class (0: none)")
    parser.add_argument("--only", default="", help="print the errors of the classes starting with this")
    parser.add_argument("--dump", type=Path, default=None, help="write every error as JSON lines here")
    args = parser.parse_args(argv)
    if not (args.data / "quotes" / "polnear" / "text").is_dir():
        print(f"PolNeAR not found under {args.data}; nothing to do.")
        return 0
    dev = tq.load_articles(args.data, args.cache, "dev")
    if args.limit:
        dev = dev[: args.limit]
    settings = dict(tq.SETTINGS)
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = type(tq.SETTINGS[key])(value)
    preds = predictions(dev, args.model, args.load_models, args.folds, args.retrain_source, settings)
    gold = [ev.GoldArticle(n, t, g) for n, t, _, g in dev]
    scored = [preds[n][0] for n, _, _, _ in dev]
    how = f"fold models in {args.load_models}" if args.load_models else f"model {args.model or 'shipped'}"
    print(f"PolNeAR dev ({len(dev)} articles), {how}\n")
    print("| row | gold | predicted | P | R | F1 | quoted P/R/F1 | indirect P/R/F1 | speaker acc | cue acc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    counts = ev.score_full(gold, scored, 0.5)
    print(ev.row("F1 (50%)", counts))

    classes: Counter = Counter()
    lines: dict[str, list[str]] = {}
    dump = []
    no_source = no_source_none = 0
    for art, (name, text, _, _) in zip(gold, dev, strict=True):
        found, frames, source_model = preds[name]
        for gi, pi in ev.match(art.attributions, found, 0.5):
            g, a = art.attributions[gi], found[pi]
            if not g.source:
                no_source += 1
                no_source_none += a.source.token is None
            if not g.source or (
                a.source.start is not None and _overlap(g.source, [(a.source.start, a.source.end)]) > 0
            ):
                continue
            cands = source_candidates(a.cue, a.content)
            for c in cands:
                c.score = source_model.score(c.features)
            cls, info = error_class(a, g, frames, cands)
            classes[cls] += 1
            sentence = " ".join(text[a.cue.frame.offset : a.cue.frame.end].split())
            info.update({"article": name, "class": cls, "sentence": sentence})
            dump.append(info)
            lines.setdefault(cls, []).append(
                f"  [{name[:30]}] cue={info['cue']!r} pred={info['pred']!r} ({info['pred_path']}) "
                f"gold={info['gold']!r} ({info['gold_path']}, rank {info['gold_rank']})\n"
                f"      {sentence[:300]}"
            )
    total = sum(classes.values())
    print(
        f"\nMatched attributions without a gold Source (not in speaker accuracy): {no_source}, "
        f"{no_source_none / max(1, no_source):.3f} of them predicted without a speaker"
    )
    print(f"\n{total} speaker errors among {counts.speaker_n} matched attributions with a gold Source:\n")
    print("| class | errors |")
    print("|---|---:|")
    for cls, n in classes.most_common():
        print(f"| {cls} | {n} |")
    if args.dump:
        args.dump.write_text("".join(json.dumps(d) + "\n" for d in dump), encoding="utf-8")
    if args.examples:
        for cls, _ in classes.most_common():
            if args.only and not cls.startswith(args.only):
                continue
            print(f"\n## {cls}")
            for line in lines[cls][: args.examples]:
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
