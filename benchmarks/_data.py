"""Where the shared dev data lives: ``--data DIR``, else $NEWS_ANALYSIS_DATA, else ../shared/data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_dir(argument: str | None = None) -> Path:
    return Path(argument or os.environ.get("NEWS_ANALYSIS_DATA") or ROOT.parent / "shared" / "data")


def require(path: Path) -> Path:
    """Return ``path``, or exit 0 with a clear message when the dev data is absent."""
    if not path.exists():
        print(f"skipped: dev data not found at {path} (pass --data DIR or set NEWS_ANALYSIS_DATA)")
        sys.exit(0)
    return path
