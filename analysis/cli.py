"""The command line: ``python -m analysis`` (or ``news-analysis``) with ``report``, ``analyze`` and ``info``.

Exit codes: 0 the command finished (articles that could not be read are listed in the ``errors`` table
and counted as skipped, which is not a failure, as long as one article was analysed); 1 the command failed
(bad input, no article could be analysed, ``--strict`` hit a bad article); 2 the command line itself is
wrong; 130 interrupted.

>>> main(["info", "seeds/000_de93c8312eb4da64.txt"])  # doctest: +ELLIPSIS
NKorean defectors in China a sore point in Seoul
by Sam Kim · Associated Press · 2012-03-08
...
governments how each is portrayed: mean target sentiment (-1 to +1), 95% interval
  South Korea ...
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .errors import AnalysisError

__all__ = ["main", "build_parser"]

PROG = "python -m analysis"

DESCRIPTION = """\
Read news articles the way a media researcher does: text statistics, sentiment, quoted sources
and stance toward governments. Everything runs offline.

Commands:
  report    run the notebooks and write the HTML report (the main job)
  analyze   analyse a corpus (folders of .txt files, .jsonl or .csv files) into result tables
  info      a quick summary of one article

Run '%(prog)s COMMAND --help' for the options of a command."""

EPILOG = """\
examples:
  %(prog)s report
  %(prog)s analyze ../shared/data/news_corpus/bbc --out results/bbc --jobs 2
  %(prog)s info seeds/000_de93c8312eb4da64.txt

exit codes: 0 done (skipped articles are listed, not fatal), 1 failed or nothing could be analysed,
2 wrong command line"""

ANALYZE_DESCRIPTION = """\
Analyse every article under PATH (a folder of .txt files, searched recursively, or a .jsonl or .csv
file with a 'text' column; several paths allowed) and write one table per kind of result to --out:
  articles   one row per article: id, title, byline, date, size, and summary scores
  sentences, quotes, stance, ...   one row per sentence / quote / government mentioned
  errors     articles that could not be read or analysed, with the file, line and reason
Each table is a folder of Parquet files (read it with pandas.read_parquet(FOLDER) or
analysis.runner.read_results(OUT, TABLE)).

The work is saved in shards as it goes: if the run is stopped, run the same command again and it
continues where it stopped, without losing or repeating articles."""

ANALYZE_EPILOG = """\
examples:
  %(prog)s ../shared/data/news_corpus/bbc --out results/bbc
  %(prog)s articles.jsonl more_articles/ --out results/mix --jobs 4
  %(prog)s corpus/ --out results/big --dask local --jobs 8
  %(prog)s corpus/ --out results/big --dask tcp://10.0.0.5:8786   (workers need this package installed)
  %(prog)s corpus/ --out results/csv --format csv"""

REPORT_DESCRIPTION = """\
Execute the numbered notebooks in --notebooks top to bottom, export their figures to --figures and
write an HTML page per notebook (and an index) to --out."""

INFO_DESCRIPTION = (
    "Print a short summary of one article: title, byline, date, size, readability, tone, the sources it "
    "quotes and how it portrays each government it mentions."
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=min(100, max(60, _terminal_width())))


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 100


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _dask_address(text: str) -> str:
    if text == "local" or "://" in text:
        return text
    raise argparse.ArgumentTypeError(
        f"expected 'local' or a scheduler address like tcp://HOST:8786, got {text!r}"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, epilog=EPILOG, formatter_class=_Formatter
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    report = commands.add_parser(
        "report",
        help="run the notebooks and write the HTML report",
        description=REPORT_DESCRIPTION,
        formatter_class=_Formatter,
        epilog="examples:\n  %(prog)s\n  %(prog)s --only 01 05 --out reports",
    )
    report.add_argument(
        "--notebooks",
        default="notebooks",
        metavar="DIR",
        help="folder of the notebooks (default: %(default)s)",
    )
    report.add_argument(
        "--figures",
        default="figures",
        metavar="DIR",
        help="where figures are exported (default: %(default)s)",
    )
    report.add_argument(
        "--out", default="reports", metavar="DIR", help="where the HTML report goes (default: %(default)s)"
    )
    report.add_argument(
        "--in-place", action="store_true", help="also save the outputs into the notebooks themselves"
    )
    report.add_argument(
        "--no-execute",
        action="store_true",
        help="render the pages from the outputs saved in the notebooks, without running them (quick)",
    )
    report.add_argument(
        "--only",
        nargs="+",
        metavar="NN",
        help="only the notebooks whose names start with these prefixes (e.g. 01 05)",
    )

    analyze = commands.add_parser(
        "analyze",
        aliases=["analyse"],
        help="analyse a corpus into result tables",
        description=ANALYZE_DESCRIPTION,
        epilog=ANALYZE_EPILOG,
        formatter_class=_Formatter,
    )
    analyze.add_argument(
        "paths", nargs="+", metavar="PATH", help="corpus folder(s) of .txt files, or .jsonl / .csv files"
    )
    analyze.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the result tables (created if needed)"
    )
    analyze.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: 1; with --dask local: Dask workers, default 2)",
    )
    analyze.add_argument(
        "--dask",
        type=_dask_address,
        metavar="local|tcp://HOST:PORT",
        help="run on Dask: 'local' starts a cluster on this machine; an address uses a running one",
    )
    analyze.add_argument(
        "--format",
        choices=["parquet", "csv"],
        default="parquet",
        help="table file format (default: %(default)s)",
    )
    analyze.add_argument(
        "--limit", type=_positive_int, metavar="N", help="only the first N articles (for a quick look)"
    )
    analyze.add_argument(
        "--sample",
        type=_positive_int,
        metavar="N",
        help="about N articles spread evenly over the corpus (every k-th one)",
    )
    analyze.add_argument(
        "--shard-size",
        type=_positive_int,
        default=None,
        metavar="N",
        help="articles per saved shard (default: 200)",
    )
    analyze.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first article that cannot be read, instead of listing it",
    )
    analyze.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is also off when output is not a terminal)",
    )

    info = commands.add_parser(
        "info",
        help="a quick summary of one article",
        description=INFO_DESCRIPTION,
        formatter_class=_Formatter,
        epilog="examples:\n  %(prog)s seeds/000_de93c8312eb4da64.txt\n"
        "  %(prog)s my_story.txt --evidence my_story.html",
    )
    info.add_argument("path", metavar="PATH", help="a text file with one article")
    info.add_argument(
        "--evidence",
        metavar="FILE.html",
        help="also write the evidence view: the article with every attribution and government mention marked",
    )
    return parser


def _report(args: argparse.Namespace) -> int:
    try:
        from .report import build_report
    except ImportError as exc:
        print(f"error: the report builder is not available ({exc})", file=sys.stderr)
        return 1
    options = {}
    if args.in_place:
        options["in_place"] = True
    if args.only:
        options["only"] = args.only
    if args.no_execute:
        options["execute"] = False
    pages = build_report(
        notebooks_dir=args.notebooks, figures_dir=args.figures, report_dir=args.out, **options
    )
    if pages:
        print(f"report: {pages[-1]}  (open it in a browser)")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from .runner import DEFAULT_SHARD_SIZE, run_corpus

    jobs = args.jobs or (2 if args.dask == "local" else 1)
    summary = run_corpus(
        args.paths,
        args.out,
        jobs=jobs,
        dask=args.dask,
        fmt=args.format,
        shard_size=args.shard_size or DEFAULT_SHARD_SIZE,
        strict=args.strict,
        limit=args.limit,
        sample=args.sample,
        progress=not args.no_progress,
    )
    print(summary)
    if summary.analysed == 0:
        if summary.articles_in == 0:
            problem = "no articles found in " + ", ".join(map(str, args.paths))
        else:
            problem = (
                f"no article could be analysed ({summary.skipped} skipped); "
                f"the reasons are in the errors table of {args.out}"
            )
        print(f"error: {problem}", file=sys.stderr)
        return 1
    return 0


def _number(value, digits: int = 1, signed: bool = False) -> str:
    """A rounded number for the terminal ('n/a' for missing values)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "n/a"
    if number != number:
        return "n/a"
    return f"{number:+.{digits}f}" if signed else f"{number:.{digits}f}"


def _clip(text, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _info_sources(quotes, limit: int = 10) -> list[str]:
    if quotes is None or quotes.empty:
        return ["sources     none found"]
    speakers = quotes["speaker"].astype(object)
    if "canonical" in quotes.columns:
        speakers = quotes["canonical"].astype(object).where(quotes["canonical"].notna(), speakers)
    data = quotes.assign(source=speakers.fillna("(unresolved)"))
    groups = sorted(
        data.groupby("source", sort=False),
        key=lambda item: (item[0] == "(unresolved)", -len(item[1]), item[1]["start"].min()),
    )  # named sources first, most attributions first; statements without a resolved source last
    lines = [f"sources     {len(data)} attributions from {len(groups)} sources (most attributions first)"]
    for name, part in groups[:limit]:
        kinds = ", ".join(f"{n} {kind}" for kind, n in part["kind"].value_counts().items())
        kind_of_source = (
            part["speaker_type"].mode().iloc[0] if part["speaker_type"].notna().any() else "unknown"
        )
        affiliation = part["affiliation"].dropna()
        anonymous = part["anonymous"].fillna(False).astype(bool).any() and kind_of_source != "anonymous"
        who = ", ".join(
            [kind_of_source] + (["anonymous"] if anonymous else []) + affiliation.mode().tolist()[:1]
        )
        lines.append(f"  {len(part):>2}  {_clip(name, 38):<38}  {_clip(who, 26):<26}  {kinds}")
    if len(groups) > limit:
        lines.append(f"      … and {len(groups) - limit} more")
    return lines


def _info_governments(stance, limit: int = 8) -> list[str]:
    if stance is None or stance.empty:
        return ["governments none mentioned as a government"]
    lines = ["governments how each is portrayed: mean target sentiment (-1 to +1), 95% interval"]
    for _, row in stance.head(limit).iterrows():
        mentions = int(row["mentions"])
        interval = (
            f"[{_number(row.get('ci_low'), 2, True)}, {_number(row.get('ci_high'), 2, True)}]"
            if mentions > 1
            else "(one mention)"
        )
        lines.append(
            f"  {_clip(row['government'], 22):<22}  {mentions:>3} mention{'s' if mentions != 1 else ' '}  "
            f"{str(row['label']):<9} {_number(row['score'], 2, True)} {interval}"
        )
    if len(stance) > limit:
        lines.append(f"  … and {len(stance) - limit} more")
    return lines


def _info(args: argparse.Namespace) -> int:
    from .article import load_article
    from .pipeline import analyze_article

    article = load_article(args.path)
    tables = analyze_article(article).tables()
    row = tables["articles"].iloc[0] if len(tables.get("articles", [])) else {}
    published = article.published.isoformat()[:10] if article.published else None
    lines = [article.title or "(no title)"]
    header = " · ".join(
        str(v) for v in (article.byline and f"by {article.byline}", article.agency, published) if v
    )
    if header:
        lines.append(header)
    if article.dateline:
        lines.append(f"dateline    {article.dateline}")
    lines.append(f"file        {args.path}")
    lines.append("")
    words = row.get("n_words", None)
    lines.append(
        f"size        {int(words) if words is not None else 'n/a'} words, "
        f"{len(article.sentences)} sentences, {len(article.paragraphs)} paragraphs; "
        f"mean sentence {_number(row.get('mean_sentence_length'))} words"
    )
    if "flesch_reading_ease" in row:
        lines.append(
            f"reading     Flesch reading ease {_number(row.get('flesch_reading_ease'))} "
            "(0-100, higher is easier), "
            f"grade {_number(row.get('flesch_kincaid_grade'))}"
        )
    if "sentiment_polarity_mean" in row:
        lines.append(
            f"tone        mean polarity {_number(row.get('sentiment_polarity_mean'), 2, True)}; "
            f"{_number(100 * float(row.get('negative_sentence_share') or 0), 0)}% of sentences negative, "
            f"{_number(100 * float(row.get('positive_sentence_share') or 0), 0)}% positive"
        )
    lines.append("")
    lines += _info_sources(tables.get("quotes"))
    lines.append("")
    lines += _info_governments(tables.get("stance"))
    relations = tables.get("relations")
    if relations is not None and len(relations):
        lines.append("")
        lines.append(f"relations   {len(relations)} acts between actors (analysis.stance.actor_relations)")
    if args.evidence:
        from .views import write_evidence

        page = write_evidence(article, args.evidence)
        lines.append(f"evidence    {page}  (the article with every attribution and mention marked)")
    else:
        lines.append(
            "evidence    add --evidence FILE.html to see the article with every attribution and "
            "mention marked"
        )
    print("\n".join(lines))
    return 0
    from .article import load_article
    from .pipeline import analyze_article

    article = load_article(args.path)
    result = analyze_article(article)
    fields = [
        ("id", article.id),
        ("title", article.title),
        ("byline", article.byline),
        ("agency", article.agency),
        ("published", article.published),
        ("dateline", article.dateline),
        ("paragraphs", len(article.paragraphs)),
        ("sentences", len(article.sentences)),
    ]
    width = max(len(name) for name, _ in fields)
    for name, value in fields:
        if value not in (None, ""):
            print(f"{name:<{width}}  {value}")
    print("tables:", ", ".join(f"{name} ({len(frame)} rows)" for name, frame in result.tables().items()))
    articles = result.tables().get("articles")
    if articles is not None and len(articles):
        skip = {"article_id", "title", "byline", "agency", "published", "source", "path"}
        for column, value in articles.iloc[0].items():
            if column not in skip:
                print(f"  {column}: {value}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handlers = {"report": _report, "analyze": _analyze, "analyse": _analyze, "info": _info}
    try:
        return handlers[args.command](args)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "interrupted; finished shards are saved, run the same command again to continue", file=sys.stderr
        )
        return 130
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
