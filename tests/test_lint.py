"""The code people read is lint-clean: ``ruff check`` with the project's rules (line length 110 included)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

LINTED = ["analysis", "tests", "benchmarks", "training"]


def test_ruff_check_is_clean():
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed in this environment (pip install -e '.[dev]')")
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = result.stdout[-4000:] + result.stderr[-1000:]
    assert result.returncode == 0, f"ruff check found problems:\n{report}"
