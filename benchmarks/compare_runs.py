"""Compare the tables of two corpus runs (``python -m analysis analyze ... --out A`` and ``--out B``).

For checking that a refactoring changed nothing, or seeing what an upgrade changed: per table, the row
counts, columns only in one run, and per column the number of rows whose values differ (floats within 1e-9,
missing values equal to missing values, rows matched after sorting by their key columns). Dtype changes are
listed apart.

    python benchmarks/compare_runs.py RESULTS_A RESULTS_B
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEYS = ("article_id", "sentence", "quote", "start", "government", "source", "target", "cue", "stage", "path")


def _same(x: pd.Series, y: pd.Series) -> pd.Series:
    if x.dtype.kind in "fiub" or y.dtype.kind in "fiub" or str(x.dtype) in ("Int64", "boolean"):
        try:
            a, b = x.astype("Float64"), y.astype("Float64")
            return ((a - b).abs().fillna(0) < 1e-9) & (a.isna() == b.isna())
        except (TypeError, ValueError):
            pass
    a = x.astype(object).where(x.notna(), "<NA>").astype(str)
    b = y.astype(object).where(y.notna(), "<NA>").astype(str)
    return a == b


def compare(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> list[str]:
    """One line per table: identical, or what differs."""
    lines = [f"tables only in A: {sorted(set(a) - set(b))}; only in B: {sorted(set(b) - set(a))}"]
    for name in sorted(set(a) & set(b)):
        x, y = a[name], b[name]
        columns = [c for c in x.columns if c in y.columns]
        notes = []
        if set(x.columns) ^ set(y.columns):
            notes.append(f"columns only in one run: {sorted(set(x.columns) ^ set(y.columns))}")
        if len(x) != len(y):
            lines.append(f"{name}: rows {len(x)} vs {len(y)}" + (f"; {notes[0]}" if notes else ""))
            continue
        key = [c for c in KEYS if c in columns]
        x = x[columns].sort_values(key, kind="stable").reset_index(drop=True)
        y = y[columns].sort_values(key, kind="stable").reset_index(drop=True)
        differ = [(c, int((~_same(x[c], y[c])).sum())) for c in columns]
        differ = [f"{c} ({n} rows)" for c, n in differ if n]
        dtypes = [f"{c}: {x[c].dtype} -> {y[c].dtype}" for c in columns if x[c].dtype != y[c].dtype]
        verdict = "identical values" if not differ else "values differ in " + ", ".join(differ)
        lines.append(
            f"{name} ({len(x)} rows): {verdict}"
            + "".join(f"; {n}" for n in notes)
            + (f"; dtypes {', '.join(dtypes)}" if dtypes else "")
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, nargs="?")
    parser.add_argument("b", type=Path, nargs="?")
    args = parser.parse_args(argv)
    if args.a is None or args.b is None:  # `make bench` runs every script without arguments
        print("compare_runs: give two results folders to compare (nothing to do)")
        return 0
    from analysis.runner import read_tables

    for line in compare(read_tables(args.a), read_tables(args.b)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
