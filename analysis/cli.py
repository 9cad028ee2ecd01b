"""Command line: ``python -m analysis report`` (placeholder until the corpus commands land)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="news-analysis", description="Analyse news articles offline.")
    sub = parser.add_subparsers(dest="command", required=True)
    report = sub.add_parser("report", help="run every notebook in order; write figures/ and reports/")
    report.add_argument("--notebooks", default="notebooks")
    report.add_argument("--figures", default="figures")
    report.add_argument("--out", default="reports")
    report.add_argument("--in-place", action="store_true", help="also save outputs into the notebooks")
    args = parser.parse_args(argv)
    from .errors import AnalysisError
    from .report import build_report

    try:
        build_report(args.notebooks, args.figures, args.out, in_place=args.in_place)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
