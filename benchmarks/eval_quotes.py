"""Score ``analysis.quotes.extract_quotes`` on PolNeAR (brat standoff attributions).

Usage: ``python benchmarks/eval_quotes.py [--data DIR] [--part dev|heldout|all|split] [--model PATH]``

- model: the shipped model is trained on **all** 605 PolNeAR articles, so its scores on any part are
  in-sample. Held-out scores (``--part heldout`` or ``split``) therefore come from a model trained on the dev
  part only: ``training/train_quotes.py --part dev`` is run first and its model (written to a temporary
  folder) scores every row, unless ``--model PATH`` names a model file to score instead (e.g. one written by
  ``python training/train_quotes.py --part dev --out /tmp/quotes_dev.json``). ``--model`` may be repeated:
  every model is then scored and timed on the same articles in the same run. The table header says which
  model scored it; dev rows are in-sample for a model trained on dev (tuning was done on grouped folds of
  dev: ``training/train_quotes.py --cv 5``);

- corpus: ``DIR/quotes/polnear`` (``text/*.txt`` + ``attributions/*_<annotator>.ann``); one annotator per
  article (the first .ann file in sorted order);
- split: a stable hash of the file name puts ~70% of the articles in ``dev`` (used for tuning) and the rest in
  ``heldout`` (scored only for the report); pass another corpus folder with ``--corpus`` to score it whole;
- matching: a prediction matches a gold attribution when their content spans overlap by at least half of the
  shorter one (``strict``: 80%); one-to-one, greedily by overlap; ``boundaries 80%``: the overlap is at least
  80%
  of the longer of the two (both edges nearly right: a prediction covering a gold paraphrase plus the rest of
  the sentence no longer counts);
- classes: gold "quoted" = Content contains a double quotation mark (" “ ” « » „ or the NYT's ''),
  predicted "quoted" = kind direct or mixed;
- speaker accuracy: among matches with a gold Source, the predicted speaker mention overlaps the Source span;
  cue accuracy: among matches, the predicted cue overlaps the gold Cue span;
- speed: articles per second of ``extract_quotes`` on one core (CPU time of the second pass over the scored
  articles, after a first pass has warmed the caches for every model), against a baseline (sentence splitting
  only) in the same run, with the share of sentences each model's prefilter sends to the parser;
- context: the same scores between human annotators on the articles that several annotators labelled (every
  ordered pair of annotators, one playing gold, the other prediction), a ceiling for the metric.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUOTE_CHARS = '"“”«»„'


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(raw: str) -> list[tuple[int, int]]:
    out = []
    for piece in raw.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Attribution relations of one brat .ann file (multi-line span texts are skipped over)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("T") and "\t" in line:
            parts = line.split("\t")
            head = parts[1].split(" ", 1)
            if len(head) == 2 and head[1][:1].isdigit():
                try:
                    spans[parts[0]] = (head[0], _spans(head[1]))
                except ValueError:
                    continue
        elif line.startswith("E") and "\t" in line:
            roles = {}
            for item in line.split("\t")[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            relations.append(roles)
    out = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cspans = list(content[1])
        if "Content2" in roles and roles["Content2"] in spans:
            cspans += spans[roles["Content2"]][1]
        quoted = any(ch in text[a:b] for a, b in cspans for ch in QUOTE_CHARS) or any(
            "''" in text[a:b] for a, b in cspans
        )  # the NYT's double quotation mark
        out.append(
            GoldAttribution(
                content=cspans,
                cue=spans[roles["Cue"]][1] if roles.get("Cue") in spans else [],
                source=spans[roles["Source"]][1] if roles.get("Source") in spans else [],
                quoted=quoted,
            )
        )
    return out


def part_of(name: str, dev_share: int = 70) -> str:
    """'dev' or 'heldout' from a stable hash of the article file name."""
    bucket = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 100
    return "dev" if bucket < dev_share else "heldout"


def load_corpus(folder: Path) -> list[GoldArticle]:
    """All articles of a PolNeAR-style folder, with the first annotator's attributions."""
    anns: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    articles = []
    for txt in sorted((folder / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(GoldArticle(txt.stem, text, read_ann(anns[txt.stem][0], text)))
    return articles


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


def _length(a: list[tuple[int, int]]) -> int:
    return sum(y - x for x, y in a)


def match(
    gold: list[GoldAttribution], pred: list, threshold: float, of: str = "shorter"
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, greedily by overlap; the overlap must be at least
    ``threshold`` times the ``of`` ("shorter" or "longer") of the two content lengths."""
    pairs = []
    pick = min if of == "shorter" else max
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ps = [(p.start, p.end)]
            ov = _overlap(g.content, ps)
            if ov <= 0:
                continue
            reference = pick(_length(g.content), p.end - p.start)
            if reference > 0 and ov >= threshold * reference:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class Counts:
    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0
    tp_q: int = 0
    gold_q: int = 0
    pred_q: int = 0
    tp_i: int = 0
    gold_i: int = 0
    pred_i: int = 0
    speaker_ok: int = 0
    speaker_n: int = 0
    cue_ok: int = 0
    cue_n: int = 0


def score(
    articles: list[GoldArticle], predictions: list[list], threshold: float, of: str = "shorter"
) -> Counts:
    c = Counts()
    for art, pred in zip(articles, predictions, strict=True):
        gold = art.attributions
        c.n_gold += len(gold)
        c.n_pred += len(pred)
        c.gold_q += sum(g.quoted for g in gold)
        c.gold_i += sum(not g.quoted for g in gold)
        c.pred_q += sum(p.kind != "indirect" for p in pred)
        c.pred_i += sum(p.kind == "indirect" for p in pred)
        for gi, pi in match(gold, pred, threshold, of):
            g, p = gold[gi], pred[pi]
            c.tp += 1
            # class-wise: a match counts for the gold class in recall and the predicted class in precision
            if g.quoted:
                c.tp_q += 1
            else:
                c.tp_i += 1
            if g.source:
                c.speaker_n += 1
                if p.speaker_start is not None and _overlap(g.source, [(p.speaker_start, p.speaker_end)]) > 0:
                    c.speaker_ok += 1
            if g.cue:
                c.cue_n += 1
                if p.cue_start is not None and _overlap(g.cue, [(p.cue_start, p.cue_end)]) > 0:
                    c.cue_ok += 1
    return c


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def class_prf(c: Counts, quoted: bool) -> tuple[float, float, float]:
    """P/R/F1 for one class: recall over gold of the class, precision over predictions of the class.

    A prediction of the class counts as correct when it matches any gold attribution; a gold attribution of
    the class counts as found when any prediction matches it.
    """
    if quoted:
        return prf_from(c.tp_q_pred, c.pred_q, c.tp_q, c.gold_q)
    return prf_from(c.tp_i_pred, c.pred_i, c.tp_i, c.gold_i)


def prf_from(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_full(articles, predictions, threshold, of="shorter"):
    c = score(articles, predictions, threshold, of)
    # matched predictions by predicted class
    tp_q_pred = tp_i_pred = 0
    for art, pred in zip(articles, predictions, strict=True):
        for _gi, pi in match(art.attributions, pred, threshold, of):
            if pred[pi].kind == "indirect":
                tp_i_pred += 1
            else:
                tp_q_pred += 1
    c.tp_q_pred, c.tp_i_pred = tp_q_pred, tp_i_pred  # type: ignore[attr-defined]
    return c


@dataclass
class _AsPrediction:
    start: int
    end: int
    kind: str
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None


def _gold_as_prediction(g: GoldAttribution) -> _AsPrediction:
    return _AsPrediction(
        min(a for a, _ in g.content),
        max(b for _, b in g.content),
        "direct" if g.quoted else "indirect",
        g.source[0][0] if g.source else None,
        g.source[-1][1] if g.source else None,
        g.cue[0][0] if g.cue else None,
        g.cue[-1][1] if g.cue else None,
    )


def human_agreement(folder: Path) -> tuple[int, Counts] | None:
    """Annotator-vs-annotator scores on the articles that have several .ann files (every ordered pair)."""
    import itertools

    anns: dict[str, list[Path]] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    articles, preds = [], []
    for name, paths in anns.items():
        if len(paths) < 2 or not (folder / "text" / f"{name}.txt").is_file():
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        golds = [read_ann(p, text) for p in paths]
        for a, b in itertools.permutations(range(len(golds)), 2):
            articles.append(GoldArticle(name, text, golds[a]))
            preds.append([_gold_as_prediction(g) for g in golds[b]])
    if not articles:
        return None
    return len({a.name for a in articles}), score_full(articles, preds, 0.5)


def row(label: str, c: Counts, speed: str = "") -> str:
    p, r, f = prf(c.tp, c.n_pred, c.n_gold)
    _, _, fq = class_prf(c, True)
    pq, rq, _ = class_prf(c, True)
    pi_, ri, fi = class_prf(c, False)
    sp = c.speaker_ok / c.speaker_n if c.speaker_n else 0.0
    cu = c.cue_ok / c.cue_n if c.cue_n else 0.0
    return (
        f"| {label} | {c.n_gold} | {c.n_pred} | {p:.3f} | {r:.3f} | **{f:.3f}** "
        f"| {pq:.3f}/{rq:.3f}/**{fq:.3f}** "
        f"| {pi_:.3f}/{ri:.3f}/{fi:.3f} | {sp:.3f} | {cu:.3f} |{speed}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_data = os.environ.get("NEWS_ANALYSIS_DATA", str(REPO.parent / "shared" / "data"))
    if not os.environ.get("NEWS_ANALYSIS_DATA") and not Path(default_data).is_dir():
        default_data = str(REPO.parent.parent / "shared" / "data")  # a git worktree one level deeper
    parser.add_argument("--data", default=default_data, help="data root holding quotes/polnear")
    parser.add_argument("--corpus", default=None, help="score this PolNeAR-style folder whole (no split)")
    parser.add_argument(
        "--part",
        default="all",
        choices=["dev", "heldout", "all", "split"],
        help="which part of the split to score ('split': dev, heldout and all rows)",
    )
    parser.add_argument("--errors", type=int, default=0, help="print N missed/spurious examples (dev only)")
    parser.add_argument(
        "--model",
        action="append",
        default=[],
        help="score this model file (repeatable: every model is scored and timed on the same articles in one "
        "run; default: a dev-only model trained in the run for heldout/split, the shipped model otherwise)",
    )
    args = parser.parse_args(argv)
    folder = Path(args.corpus) if args.corpus else Path(args.data) / "quotes" / "polnear"
    if not (folder / "text").is_dir():
        print(f"PolNeAR not found at {folder}; skipping the quote benchmark.")
        return 0
    for path in args.model:
        if not Path(path).is_file():
            parser.error(f"--model: no model file at {path}")
    sys.path.insert(0, str(REPO))
    from analysis.nlp import sentence_spans
    from analysis.quotes import extract_quotes

    articles = load_corpus(folder)
    if args.model:
        models = [(str(m), f"the model file {m}") for m in args.model]
    elif not args.corpus and args.part in ("heldout", "split"):
        dev_model = dev_only_model(Path(args.data))
        note = f"a model trained on the dev part only, in this run ({dev_model}): held-out rows are unseen"
        models = [(str(dev_model), note)]
    else:
        models = [(None, "the shipped model (trained on all of PolNeAR: in-sample here)")]
    if args.corpus:
        parts = {"all": articles}
    else:
        parts = {
            "dev": [a for a in articles if part_of(a.name) == "dev"],
            "heldout": [a for a in articles if part_of(a.name) == "heldout"],
            "all": articles,
        }
        if args.part != "split":
            parts = {args.part: parts[args.part]}
    scored = {a.name: a for arts in parts.values() for a in arts}
    texts = [a.text for a in scored.values()]
    # a first pass per model gives the predictions and warms the caches (models, regexes, the parser's
    # attribute cache) for every model alike; a second pass is timed in this single process (one core): wall
    # clock and process CPU time (the CPU figure is what one free core would do when the machine is shared)
    preds = {m: {name: extract_quotes(a.text, model=m) for name, a in scored.items()} for m, _ in models}
    w0, c0 = time.perf_counter(), time.process_time()
    spans = [sentence_spans(t) for t in texts]
    t_base = (time.perf_counter() - w0, time.process_time() - c0)
    timings = {}
    for m, _ in models:
        w0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            extract_quotes(t, model=m)
        t_extract = (time.perf_counter() - w0, time.process_time() - c0)
        c0 = time.process_time()
        for t, sp in zip(texts, spans, strict=True):
            extract_quotes(t, sp, model=m)
        timings[m] = (*t_extract, time.process_time() - c0)

    print(f"PolNeAR folder: {folder} ({len(articles)} articles; one annotator each)")
    for m, note in models:
        print(f"\nScored with {note}.\n")
        print(
            "| part | gold | predicted | P | R | F1 | quoted P/R/F1 | indirect P/R/F1 | speaker acc "
            "| cue acc |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for label, arts in parts.items():
            pr = [preds[m][a.name] for a in arts]
            for thr, tag, of in (
                (0.5, "", "shorter"),
                (0.8, " strict 80%", "shorter"),
                (0.8, " boundaries 80%", "longer"),
            ):
                print(row(f"{label} ({len(arts)} art.){tag}", score_full(arts, pr, thr, of)))
    print()
    agreement = human_agreement(folder)
    if agreement is not None:
        n_multi, counts = agreement
        print("Context, a ceiling for this metric: humans scored against each other on the same scale")
        print("(every ordered pair of annotators; gold/predicted count attributions over all pairs).\n")
        print(
            "| pairs | gold | predicted | P | R | F1 | quoted P/R/F1 | indirect P/R/F1 "
            "| speaker acc | cue acc |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        print(row(f"annotator vs annotator ({n_multi} multi-annotated art.)", counts))
        print()
    n = len(texts)
    print(f"Speed on the {n} scored articles (one process, one core; second pass, caches warm):\n")
    print(
        "| extract_quotes with | sentences parsed | articles/s (wall) | articles/s (CPU time) "
        "| articles/s (CPU), sentences given |"
    )
    print("|---|---|---|---|---|")
    for m, _ in models:
        done, total = parsed_sentences(texts, m)
        wall, cpu, given = timings[m]
        print(
            f"| {m or 'the shipped model'} | {done}/{total} ({done / max(1, total):.0%}) | {n / wall:.1f} "
            f"| {n / cpu:.1f} | {n / given:.1f} |"
        )
    print(f"| baseline: sentence_spans(text) only | | {n / t_base[0]:.0f} | {n / t_base[1]:.0f} | |")
    print(f"\n(os.cpu_count()={os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")

    if args.errors:
        dev = [a for a in articles if part_of(a.name) == "dev" and a.name in scored]
        _print_errors(dev, preds[models[0][0]], args.errors)
    return 0


def parsed_sentences(texts: list[str], model: str | None) -> tuple[int, int]:
    """(sentences the prefilter of ``model`` sends to the parser, sentences looked at) over ``texts``: every
    non-blank sentence outside the lines that are never attributions, as ``extract_quotes`` splits them."""
    from analysis.article import Article
    from analysis.quotes.extract import candidate_sentences, excluded_lines

    done = total = 0
    for text in texts:
        article = Article.raw(text)
        excluded = excluded_lines(text)
        kept = {
            s.index
            for s in article.sentences
            if s.text.strip() and not any(a <= s.start < b for a, b in excluded)
        }
        total += len(kept)
        done += len(kept & set(candidate_sentences(article, model)))
    return done, total


def dev_only_model(data: Path) -> Path:
    """Train the attribution models on the dev part only (``training/train_quotes.py --part dev``) into a
    temporary folder; the path of the model file."""
    import subprocess
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="quotes_dev_")) / "quotes_model_dev.json"
    print(f"training a dev-only model for the held-out rows ({out}) ...", file=sys.stderr)
    command = [
        sys.executable,
        str(REPO / "training" / "train_quotes.py"),
        "--part",
        "dev",
        "--data",
        str(data),
    ]
    subprocess.run([*command, "--out", str(out)], check=True)
    return out


def _print_errors(articles, preds, n):
    import random

    rng = random.Random(0)
    missed, spurious = [], []
    for art in articles:
        pred = preds[art.name]
        pairs = match(art.attributions, pred, 0.5)
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for gi, g in enumerate(art.attributions):
            if gi not in mg:
                cue = " / ".join(art.text[a:b] for a, b in g.cue)
                src = " / ".join(art.text[a:b] for a, b in g.source)
                content = " / ".join(art.text[a:b] for a, b in g.content)
                missed.append(f"[{art.name[:25]}] cue={cue!r} src={src!r} :: {content[:160]!r}")
        for pi, p in enumerate(pred):
            if pi not in mp:
                spurious.append(
                    f"[{art.name[:25]}] {p.kind} cue={p.cue!r} spk={p.speaker!r} :: {p.text[:160]!r}"
                )
    print(f"\n## {len(missed)} missed (sample)")
    for line in rng.sample(missed, min(n, len(missed))):
        print(line)
    print(f"\n## {len(spurious)} spurious (sample)")
    for line in rng.sample(spurious, min(n, len(spurious))):
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
