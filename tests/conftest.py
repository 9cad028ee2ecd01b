"""Shared fixtures: paths to the seed and the shared dev data, and a network guard."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_de93c8312eb4da64.txt"
DATA = Path(os.environ.get("NEWS_ANALYSIS_DATA", ROOT.parent / "shared" / "data"))
NETGUARD = Path(__file__).resolve().parent / "netguard"

sys.path.insert(0, str(NETGUARD))

# helpers run as scripts or loaded into subprocesses, not modules to import for docstring examples
collect_ignore = ["resume_worker.py", "netguard"]


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed():
    from analysis import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


def require_data(*parts: str) -> Path:
    """Path below the shared data folder, or skip the test with a clear message when it is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"dev data not found at {path} (set NEWS_ANALYSIS_DATA to its folder)")
    return path


@pytest.fixture
def network_guard():
    """Refuse and record non-loopback connections made in this process during the test."""
    import guard

    guard.attempts.clear()
    guard.install()
    yield guard.attempts
    guard.uninstall()


@pytest.fixture
def guarded_env(tmp_path):
    """Environment for subprocesses (kernels, CLI) that loads the network guard; returns (env, log path)."""
    log = tmp_path / "netlog.txt"
    env = dict(os.environ)
    env["NEWS_ANALYSIS_NETLOG"] = str(log)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETGUARD), str(ROOT), env.get("PYTHONPATH", "")]))
    return env, log
