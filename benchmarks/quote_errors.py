"""Error analysis of paraphrase (indirect) attributions on PolNeAR dev, out of fold.

Each dev article is predicted by models trained on the other folds (as ``benchmarks/quote_boundaries.py``
does); only dev articles are read. Every gold paraphrase (a Content without a double quotation mark) is
sorted into one class:

- found: a prediction overlaps it by 50% of the shorter span (the benchmark's match); ``boundary`` when the
  pair misses the 80%-of-the-longer test (F1@80), ``kind`` when the prediction says direct or mixed;
- missed, by the first stage that lost it: no gold cue; the cue's sentence not parsed (prefilter); no cue
  candidate on the gold cue (by construction: "according to", nominal cue, relative "who said", verb,
  adjective ..., with the lemma); the candidate rejected by the cue model (or dropped by a rule); the cue
  accepted but its content wrong (a candidate fitting the gold one existed and the content model chose
  another; none fitted: content in another sentence, or the parse offered none; the prediction went to
  another gold attribution).

Predicted paraphrases that match no gold attribution (false positives) are sorted by whether their cue is a
gold cue (then the content is wrong) and, if not, by the cue's lemma.

    python benchmarks/quote_errors.py [--data DIR] [--cache parses.spacy] [--folds 5] [--load-models DIR]
        [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "training"))

import eval_quotes as ev  # noqa: E402
import quote_boundaries as qb  # noqa: E402


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def _fits(gold: list[tuple[int, int]], start: int, end: int) -> bool:
    """The benchmark's match test (50% of the shorter span)."""
    ov = _overlap(gold, [(start, end)])
    shorter = min(sum(b - a for a, b in gold), end - start)
    return shorter > 0 and ov >= 0.5 * shorter


def _frame_at(frames, pos: int):
    for at, f in enumerate(frames):
        if f.offset <= pos < f.end:
            return at
    return None


def construction(frame, token, cue_text: str) -> str:
    """The construction of a gold cue the candidates missed ("according to", "nominal cue" ...)."""
    low = cue_text.lower()
    if "according" in low:
        return "'according to'"
    if token is None:
        return "cue not in a parsed token"
    if token.dep_ == "relcl":
        return "relative clause ('X, who said')"
    if token.pos_ in ("NOUN", "PROPN"):
        return "nominal cue"
    if token.pos_ in ("VERB", "AUX"):
        return "verb not a candidate"
    if token.pos_ == "ADJ":
        return "adjective cue"
    if token.pos_ == "ADP":
        return "preposition cue"
    return f"other ({token.pos_})"


def _unparsed(g, frame, models, vocab) -> str:
    """What the cue model says of a gold cue in a sentence the prefilter did not send to the parser."""
    from analysis.quotes.candidates import cue_candidates
    from analysis.quotes.decisions import decide_cues

    cues = decide_cues(cue_candidates(frame, vocab), models["cue"])
    mine = [c for c in cues if _overlap(g.cue, [(c.start, c.end)]) > 0]
    if not mine:
        verdict = "no cue candidate either"
    elif any(c.accepted for c in mine):
        verdict = "the cue model would accept it"
    else:
        verdict = "the cue model would reject it too"
    return f"cue sentence not parsed (prefilter); parsed, {verdict}"


def boundary_group(cls: str) -> str:
    """A coarse edge class: which edge, too wide or too narrow (or a split quote)."""
    if cls.startswith("split"):
        return cls
    side = "left" if cls.startswith("left") else ("right" if cls.startswith("right") else "inside")
    how = "too wide" if "extra" in cls else ("too narrow" if "missing" in cls else "")
    return f"{side} edge {how}".strip()


def classify_miss(
    g, frames, cues, found, matched_preds: set[int], cands_of, full, models, vocab
) -> tuple[str, str]:
    """(class, detail) of a gold paraphrase no prediction matched."""
    import train_quotes as tq

    if not g.cue:
        return "no gold cue", ""
    at = _frame_at(frames, g.cue[0][0])
    if at is None:
        return "cue outside every sentence (excluded line)", ""
    frame = frames[at]
    if not frame.parsed:
        return _unparsed(g, full[at], models, vocab), ""
    token = tq._head_in(frame, g.cue)
    lemma = token.lemma_.lower() if token is not None else "?"
    content_at = {_frame_at(frames, a) for a, _ in g.content}
    elsewhere = content_at != {at}
    mine = [c for c in cues if c.frame is frame and _overlap(g.cue, [(c.start, c.end)]) > 0]
    if not mine:
        cue_text = " ".join(frames[0].text[a:b] for a, b in g.cue)
        return f"no cue candidate: {construction(frame, token, cue_text)}", lemma
    accepted = [c for c in mine if c.accepted]
    preds = [i for i, p in enumerate(found) if _overlap(g.cue, [(p.cue_start, p.cue_end)]) > 0]
    if not accepted and not preds:
        c = max(mine, key=lambda c: c.probability)
        if "stronger cue" in c.reason:
            return "cue dropped: part of a stronger cue's phrase", lemma
        if "anonymity" in c.reason:
            return "cue dropped: anonymity rule", lemma
        if "reports nothing" in c.reason or "no content" in c.reason:
            return "cue dropped: no/empty content", lemma
        if "nested in the content" in c.reason:
            return "cue dropped: nested in a stronger cue's content", lemma
        if "went to a stronger cue" in c.reason:
            return "cue dropped: its content went to another cue", lemma
        band = "0.2-0.4" if c.probability >= 0.2 else ("0.05-0.2" if c.probability >= 0.05 else "<0.05")
        return f"cue rejected by the model (p {band})", lemma
    if any(i in matched_preds for i in preds):
        return "cue's prediction matched another gold attribution", lemma
    fitting = [c for c in (cands_of(accepted[0]) if accepted else []) if _fits(g.content, c.start, c.end)]
    if fitting:
        return "content: a fitting candidate existed, the model chose another", lemma
    if elsewhere:
        return "content: in another sentence than the cue, no candidate", lemma
    return "content: no candidate fits (parse)", lemma


def main(argv: list[str] | None = None) -> int:
    import train_quotes as tq

    from analysis.quotes.spans import content_candidates

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=tq.default_data_dir())
    parser.add_argument("--cache", type=Path, default=None, help="parses DocBin (train_quotes.py --cache)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N dev articles")
    parser.add_argument("--examples", type=int, default=0, help="print N examples per class")
    parser.add_argument("--set", action="append", default=[], help="override a setting: name=value")
    parser.add_argument("--save-models", type=Path, default=None, help="write each fold's models here")
    parser.add_argument("--load-models", type=Path, default=None, help="read each fold's models from here")
    parser.add_argument("--top", type=int, default=6, help="lemmas shown per class")
    parser.add_argument("--detail", action="store_true", help="the fine boundary classes of quote_boundaries")
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
    detail = qb.out_of_fold(dev, settings, args.folds, args.save_models, args.load_models, detail=True)
    gold = [ev.GoldArticle(n, t, g) for n, t, _, g in dev]
    pred = [detail[n][0] for n, _, _, _ in dev]
    print(f"dev out-of-fold ({args.folds} folds, {len(dev)} articles)\n")
    print("| row | gold | predicted | P | R | F1 | quoted P/R/F1 | indirect P/R/F1 | speaker acc | cue acc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for thr, of, tag in ((0.5, "shorter", "F1 (50%)"), (0.8, "longer", "F1@80 (boundaries)")):
        print(ev.row(tag, ev.score_full(gold, pred, thr, of)))

    classes: Counter = Counter()
    lemmas: dict[str, Counter] = {}
    examples: dict[str, list[str]] = {}
    fp: Counter = Counter()
    fp_lemmas: dict[str, Counter] = {}
    n_gold = 0
    for art, (name, text, full_frames, _) in zip(gold, dev, strict=True):
        found, cues, frames, models, vocab = detail[name]
        pairs = dict(ev.match(art.attributions, found, 0.5))
        strict = dict(ev.match(art.attributions, found, 0.8, "longer"))
        matched_preds = set(pairs.values())
        others = {}
        for c in cues:
            if c.accepted:
                others.setdefault(id(c.frame), []).append(c.start)

        def cands_of(cue, frames=frames, others=others):
            at = frames.index(cue.frame)
            return content_candidates(cue, frames, at, others.get(id(cue.frame), []))

        for gi, g in enumerate(art.attributions):
            if g.quoted:
                continue
            n_gold += 1
            gtext = " / ".join(text[a:b] for a, b in g.content)
            ctext = " ".join(text[a:b] for a, b in g.cue)
            if gi in pairs:
                p = found[pairs[gi]]
                cls = "found"
                if gi not in strict:
                    edge = qb.boundary_class(text, g.content, p.start, p.end)[0]
                    cls = "found, boundary miss (F1@80): " + (edge if args.detail else boundary_group(edge))
                if p.kind != "indirect":
                    cls = f"found, predicted {p.kind}"
                lemma = p.cue.head.lemma_.lower()
                note = f"    gold: {gtext[:160]!r} [cue {ctext!r}]\n    pred: {text[p.start : p.end][:160]!r}"
            else:
                cls, lemma = classify_miss(
                    g, frames, cues, found, matched_preds, cands_of, full_frames, models, vocab
                )
                cls = "MISSED: " + cls
                note = f"    gold: {gtext[:160]!r} [cue {ctext!r}]"
            classes[cls] += 1
            lemmas.setdefault(cls, Counter())[lemma] += 1
            examples.setdefault(cls, []).append(f"  {name}\n{note}")
        for pi, p in enumerate(found):
            if p.kind != "indirect" or pi in matched_preds:
                continue
            gold_cue = [g for g in art.attributions if _overlap(g.cue, [(p.cue_start, p.cue_end)]) > 0]
            if gold_cue:
                got = [g for g in gold_cue if art.attributions.index(g) in pairs]
                cls = "cue is a gold cue, content wrong" + (" (gold already matched)" if got else "")
            else:
                near = [
                    gi for gi, g in enumerate(art.attributions) if _overlap(g.content, [(p.start, p.end)]) > 0
                ]
                cls = "not a gold cue"
                if near:
                    taken = all(gi in pairs for gi in near)
                    cls += ", content overlaps a gold content " + (
                        "matched by another cue" if taken else "(<50%)"
                    )
            lemma = p.cue.head.lemma_.lower()
            fp[cls] += 1
            fp_lemmas.setdefault(cls, Counter())[lemma] += 1
            examples.setdefault("FP: " + cls, []).append(
                f"  {name}\n    pred: {text[p.start : p.end][:160]!r} [cue {p.cue.text!r}]"
            )

    print(f"\n{n_gold} gold paraphrases (dev, out of fold):\n")
    print("| class | gold paraphrases | share | top lemmas |")
    print("|---|---:|---:|---|")
    for cls, n in sorted(classes.items(), key=lambda kv: (not kv[0].startswith("found"), -kv[1])):
        top = ", ".join(f"{lem} {k}" for lem, k in lemmas[cls].most_common(args.top))
        print(f"| {cls} | {n} | {n / n_gold:.1%} | {top} |")
    total_fp = sum(fp.values())
    print(f"\n{total_fp} predicted paraphrases matching no gold attribution:\n")
    print("| false-positive class | predictions | top lemmas |")
    print("|---|---:|---|")
    for cls, n in fp.most_common():
        top = ", ".join(f"{lem} {k}" for lem, k in fp_lemmas[cls].most_common(args.top))
        print(f"| {cls} | {n} | {top} |")
    if args.examples:
        for cls in [*classes, *("FP: " + c for c in fp)]:
            print(f"\n## {cls}")
            for line in examples[cls][: args.examples]:
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
