"""Government-mention decisions on BBC articles *outside* gov_stance, for reading, and what a change moves.

gov_stance dev is for checking, not fitting; the mention rules were developed instead by dumping every
decision (``government_mentions``) and every row (``government_stance``) on a sample of the other BBC
articles, changing a rule, dumping again and reading every decision that changed. This script does both
steps:

    python benchmarks/mention_decisions.py dump --every 3 --out before.tsv   # every 3rd non-dev article
    (change a rule)
    python benchmarks/mention_decisions.py dump --every 3 --out after.tsv
    python benchmarks/mention_decisions.py diff before.tsv after.tsv         # changed decisions, rows

``dump`` writes one TSV line per mention (``M``: file, start, government, mention, is_government, sense,
reason, context) and per row (``R``: file, government, mentions, label, score). ``diff`` prints each changed
decision with its context and the rows that appear, go or change label.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _data import data_dir, require  # noqa: E402


def non_dev_files(data: Path, every: int, folders: tuple[str, ...] = (), offset: int = 0) -> list[Path]:
    """Every ``every``-th BBC article (sorted paths, from ``offset``) that gov_stance dev does not hold."""
    corpus = require(data / "news_corpus")
    dev_path = data / "gov_stance" / "dev.jsonl"
    dev = set()
    if dev_path.exists():
        dev = {json.loads(line)["file"] for line in dev_path.read_text(encoding="utf-8").splitlines() if line}
    files = sorted(corpus.glob("bbc/*/*.txt"))
    files = [f for f in files if f.relative_to(corpus).as_posix() not in dev]
    if folders:
        files = [f for f in files if f.parent.name in folders]
    return files[offset::every]


def _file_of(line: str) -> str:
    """The article of a reading's line (its first column) or of a dump's (``M``/``R`` first)."""
    cells = line.split("\t")
    return cells[1] if cells[0] in ("M", "R") and len(cells) > 1 else cells[0]


def _clean(text: str) -> str:
    return " ".join(text.split())


def shuffled_files(data: Path, seed: int) -> list[Path]:
    """Every BBC article outside gov_stance dev, in the order of a seeded shuffle (how the samples of articles
    naming one or two governments were drawn: the shuffle is of all articles, dev ones skipped after it)."""
    import random

    from analysis.corpus import NOT_ARTICLES

    corpus = require(data / "news_corpus")
    dev_path = data / "gov_stance" / "dev.jsonl"
    dev = set()
    if dev_path.exists():
        dev = {json.loads(line)["file"] for line in dev_path.read_text(encoding="utf-8").splitlines() if line}
    files = sorted(p for p in corpus.glob("bbc/*/*.txt") if p.stem.lower() not in NOT_ARTICLES)
    random.Random(seed).shuffle(files)
    return [f for f in files if f.relative_to(corpus).as_posix() not in dev]


def polnear_files(data: Path, seed: int) -> list[Path]:
    """Every PolNeAR article (US political news, 2015-16) in the order of a seeded shuffle."""
    import random

    files = sorted(require(data / "quotes" / "polnear" / "text").glob("*.txt"))
    random.Random(seed).shuffle(files)
    return files


def polnear_dates(data: Path) -> dict[str, str]:
    """PolNeAR file stem -> publication date (``metadata.tsv``): office-holders are read against it."""
    import csv

    with require(data / "quotes" / "polnear" / "metadata.tsv").open(encoding="utf-8") as f:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}


def dump(
    data: Path,
    every: int,
    out: Path,
    folders: tuple[str, ...] = (),
    offset: int = 0,
    min_names: int = 0,
    exactly_names: int = 0,
    shuffle: int | None = None,
    limit: int = 0,
    skip: tuple[Path, ...] = (),
    polnear: bool = False,
    max_names: int = 0,
) -> int:
    """Write the decisions and rows of the sample; with ``min_names``, only articles naming at least that many
    distinct governments in any sense (gov_stance's selection: three or more countries or bodies). With
    ``shuffle`` (a seed): articles in that shuffled order instead, the first ``limit`` that name exactly
    ``exactly_names`` governments and have a row; ``skip``: reading files (TSV, the file in the first column)
    whose articles are left out; ``polnear``: PolNeAR articles (dated) instead of BBC ones, with
    ``shuffle``."""
    from analysis.article import Article
    from analysis.stance import government_mentions, government_stance

    corpus = data if polnear else data / "news_corpus"
    lines = []
    dates = polnear_dates(data) if polnear else {}
    if polnear:
        files = polnear_files(data, shuffle or 0)
    else:
        files = (
            non_dev_files(data, every, folders, offset) if shuffle is None else shuffled_files(data, shuffle)
        )
    read = {_file_of(line) for path in skip for line in path.read_text(encoding="utf-8").splitlines()}
    files = [f for f in files if f.relative_to(corpus).as_posix() not in read]
    kept = 0
    for path in files:
        if limit and kept >= limit:
            break
        name = path.relative_to(corpus).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        article = Article.from_text(text, published=dates.get(path.stem))
        decisions = government_mentions(article)
        named = 0 if decisions.empty else decisions["government"].nunique()
        if (
            min_names
            and named < min_names
            or exactly_names
            and named != exactly_names
            or max_names
            and named > max_names
        ):
            continue
        rows = government_stance(article)
        if (shuffle is not None or polnear) and rows.empty:
            continue
        kept += 1
        for r in decisions.itertuples(index=False):
            context = _clean(text[max(0, r.start - 60) : r.end + 60])
            fields = [name, r.start, r.government, r.mention, r.is_government, r.sense, r.reason, context]
            lines.append("\t".join(["M", *map(str, fields)]))
        for r in rows.itertuples(index=False):
            lines.append("\t".join(["R", name, r.government, str(r.mentions), r.label, f"{r.score:.3f}"]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{out}: {kept} of {len(files)} articles, {sum(x[0] == 'M' for x in lines)} mentions, "
        f"{sum(x[0] == 'R' for x in lines)} rows"
    )
    return 0


def _read(path: Path) -> tuple[dict, dict]:
    mentions, rows = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if cells[0] == "M" and len(cells) == 9:
            mentions[(cells[1], cells[2], cells[3])] = cells
        elif cells[0] == "R" and len(cells) == 6:
            rows[(cells[1], cells[2])] = cells
    return mentions, rows


def diff(before: Path, after: Path) -> int:
    m0, r0 = _read(before)
    m1, r1 = _read(after)
    changed = [k for k in m0 if k in m1 and m0[k][5] != m1[k][5]]
    print(f"{len(changed)} decisions changed ({len(m0)} -> {len(m1)} mentions); rows {len(r0)} -> {len(r1)}")
    for k in changed:
        print(f"  {m0[k][5]} -> {m1[k][5]} | {k[0]} | {m1[k][4]} | {m1[k][7]} | {m1[k][8]}")
    print("rows gone:", sorted(k for k in r0 if k not in r1))
    print("rows new:", sorted(k for k in r1 if k not in r0))
    print("labels changed:", sorted((k, r0[k][4], r1[k][4]) for k in r0 if k in r1 and r0[k][4] != r1[k][4]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write the decisions and rows of a sample to a TSV file")
    d.add_argument("--data", default=None, help="shared data folder (default ../shared/data)")
    d.add_argument("--every", type=int, default=3, help="every N-th non-dev article (default 3)")
    d.add_argument("--folders", nargs="*", default=(), help="only these BBC folders (e.g. politics tech)")
    d.add_argument("--offset", type=int, default=0, help="start at this index of the sorted list (default 0)")
    d.add_argument("--min-names", type=int, default=0, help="only articles naming this many governments")
    d.add_argument("--exactly-names", type=int, default=0, help="only articles naming exactly this many")
    d.add_argument("--shuffle", type=int, default=None, help="a seed: articles in a shuffled order instead")
    d.add_argument("--limit", type=int, default=0, help="with --shuffle: this many articles with rows")
    d.add_argument(
        "--skip", nargs="*", type=Path, default=(), help="leave out these readings' (or dumps') articles"
    )
    d.add_argument("--max-names", type=int, default=0, help="only articles naming at most this many")
    d.add_argument("--polnear", action="store_true", help="PolNeAR articles (dated) instead of BBC ones")
    d.add_argument("--out", required=True, type=Path)
    c = sub.add_parser("diff", help="compare two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(
            data_dir(args.data),
            max(1, args.every),
            args.out,
            tuple(args.folders),
            args.offset,
            args.min_names,
            args.exactly_names,
            args.shuffle,
            args.limit,
            tuple(args.skip),
            args.polnear,
            args.max_names,
        )
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
