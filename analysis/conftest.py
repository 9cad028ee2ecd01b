"""Pytest setup for the docstring examples of this package (run by ``--doctest-modules``, pyproject.toml).

Examples use paths relative to the repository root (``seeds/...``, ``results/...``, ``figures/...``). Each
example runs in its own temporary folder holding a link to the repository's ``seeds/``, so the paths read
as written and nothing an example writes lands in the checkout. Only pytest imports this module.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _doctest_workdir(request):
    if type(request.node).__name__ != "DoctestItem":
        yield
        return
    tmp_path = request.getfixturevalue("tmp_path")
    monkeypatch = request.getfixturevalue("monkeypatch")
    try:
        (tmp_path / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    except OSError:  # no symlinks (some Windows setups): a copy of the few seed files
        shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    yield
