"""How much attribution drops on messy copies of the PolNeAR dev articles.

Usage: ``PYTHONPATH=. python benchmarks/perturb_quotes.py [--data DIR] [--part dev] [--limit N]``

Each perturbation rewrites every article and maps the gold offsets through the edit (insertions and deletions
shift them); the same metric as ``benchmarks/eval_quotes.py`` (50% of the shorter span) is computed on the
clean and the perturbed texts with the shipped model, and the drop is printed:

- ``no commas``: every comma removed (PerSenT-style text);
- ``straight quotes``: curly quotation marks and apostrophes replaced by straight ones;
- ``captions``: a photo caption with its credit and a bare credit line ("Kevin Lamarque/Reuters") inserted
  after every third paragraph;
- ``video promos``: a CNN-style promo block ("JUST WATCHED / <title> / Replay / More Videos ... / MUST WATCH")
  inserted after every fourth paragraph;
- ``all``: everything at once.

``extract_quotes`` gets the perturbed string itself (no loader): what it must skip, it skips on its own.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eval_quotes as ev  # noqa: E402
from _data import data_dir, require  # noqa: E402

CAPTIONS = [
    "{name} speaks during a campaign rally in Columbus, Ohio, on Tuesday. (AP Photo/Evan Vucci)",
    "FILE PHOTO: {name} attends a meeting in Washington, March 8, 2016. REUTERS/Kevin Lamarque/File Photo",
    "{name} waves to supporters after a primary night event. Photo: Getty Images",
]
CREDITS = ["Kevin Lamarque/Reuters", "Photo by Scott Olson/Getty Images", "Image copyright AFP"]
PROMO = "JUST WATCHED\n\n{name} on the campaign: 'We will win'\n\nReplay\n\nMore Videos ...\n\nMUST WATCH"
NAMES = ["Hillary Clinton", "Donald Trump", "Bernie Sanders", "Ted Cruz"]


class Edit:
    """A rewritten text with a map from old offsets to new ones."""

    def __init__(self, old: str):
        self.old = old
        self.pieces: list[str] = []
        self.marks: list[tuple[int, int]] = []  # (old offset, shift from then on)
        self.pos = 0
        self.shift = 0

    def keep(self, upto: int) -> None:
        self.pieces.append(self.old[self.pos : upto])
        self.pos = upto

    def delete(self, n: int) -> None:
        self.pos += n
        self.shift -= n
        self.marks.append((self.pos, self.shift))

    def insert(self, text: str) -> None:
        self.pieces.append(text)
        self.shift += len(text)
        self.marks.append((self.pos, self.shift))

    def done(self) -> str:
        self.keep(len(self.old))
        return "".join(self.pieces)

    def map(self, offset: int) -> int:
        keys = [m[0] for m in self.marks]
        i = bisect.bisect_right(keys, offset) - 1
        return offset + (self.marks[i][1] if i >= 0 else 0)


def no_commas(text: str) -> Edit:
    e = Edit(text)
    for m in re.finditer(",", text):
        e.keep(m.start())
        e.delete(1)
    return e


def straight_quotes(text: str) -> Edit:
    e = Edit(text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})))
    return e


def _between_paragraphs(text: str, every: int, block) -> Edit:
    e = Edit(text)
    for n, m in enumerate(re.finditer(r"\n\n", text)):
        if n % every == every - 1:
            e.keep(m.end())
            e.insert(block(n) + "\n\n")
    return e


def captions(text: str) -> Edit:
    def block(n: int) -> str:
        name = NAMES[n % len(NAMES)]
        return CAPTIONS[n % len(CAPTIONS)].format(name=name) + "\n\n" + CREDITS[n % len(CREDITS)]

    return _between_paragraphs(text, 3, block)


def promos(text: str) -> Edit:
    return _between_paragraphs(text, 4, lambda n: PROMO.format(name=NAMES[n % len(NAMES)]))


def compose(*steps):
    def run(text: str):
        edits = []
        for step in steps:
            e = step(text)
            text = e.done() if e.pieces or e.marks else e.old
            edits.append(e)
        return text, edits

    return run


PERTURBATIONS = {
    "no commas": compose(no_commas),
    "straight quotes": compose(straight_quotes),
    "captions": compose(captions),
    "video promos": compose(promos),
    "all": compose(captions, promos, straight_quotes, no_commas),
}


def perturbed_article(article: ev.GoldArticle, how) -> ev.GoldArticle:
    text, edits = how(article.text)

    def move(spans):
        out = []
        for a, b in spans:
            for e in edits:
                a, b = e.map(a), e.map(b - 1) + 1
            out.append((a, b))
        return out

    golds = [
        ev.GoldAttribution(move(g.content), move(g.cue), move(g.source), g.quoted)
        for g in article.attributions
    ]
    return ev.GoldArticle(article.name, text, golds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--part", default="dev", choices=["dev", "heldout", "all"])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    folder = require(data_dir(args.data) / "quotes" / "polnear")
    from analysis.quotes import extract_quotes

    articles = [a for a in ev.load_corpus(folder) if args.part == "all" or ev.part_of(a.name) == args.part]
    if args.limit:
        articles = articles[: args.limit]
    clean = ev.score_full(articles, [extract_quotes(a.text) for a in articles], 0.5)
    _, _, f_clean = ev.prf(clean.tp, clean.n_pred, clean.n_gold)
    print(f"PolNeAR {args.part}: {len(articles)} articles\n")
    print("| text | F1 | drop | quoted F1 | paraphrase F1 | speaker acc |")
    print("|---|---|---|---|---|---|")
    print(_row("clean", clean, f_clean))
    for name, how in PERTURBATIONS.items():
        messy = [perturbed_article(a, how) for a in articles]
        counts = ev.score_full(messy, [extract_quotes(a.text) for a in messy], 0.5)
        print(_row(name, counts, f_clean))
    return 0


def _row(label: str, c, f_clean: float) -> str:
    _, _, f = ev.prf(c.tp, c.n_pred, c.n_gold)
    _, _, fq = ev.class_prf(c, True)
    _, _, fi = ev.class_prf(c, False)
    sp = c.speaker_ok / c.speaker_n if c.speaker_n else 0.0
    return f"| {label} | {f:.3f} | {f_clean - f:+.3f} | {fq:.3f} | {fi:.3f} | {sp:.3f} |"


if __name__ == "__main__":
    raise SystemExit(main())
