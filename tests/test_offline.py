"""Offline guarantee: importing the package and analysing an article make no network connection,
and no source file calls a downloader."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, SEED


def test_no_downloaders_in_sources():
    pattern = re.compile(r"nltk\.download\(|from_pretrained\(|urlopen\(|requests\.(get|post)\(|urlretrieve\(")
    offenders = []
    for folder in ("analysis", "notebooks", "benchmarks", "training"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".ipynb") and pattern.search(path.read_text(encoding="utf-8", errors="ignore")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_analysis_in_fresh_process_makes_no_connection(guarded_env):
    env, netlog = guarded_env
    code = (
        "import analysis, analysis.stats as s, analysis.figures as f\n"
        f"a = analysis.load_article({str(SEED)!r})\n"
        "s.article_table(a); s.keyness(a); s.collocations(a); s.quantities(a)\n"
        "analysis.nlp.vader().polarity_scores(a.text)\n"
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError:\n    pass\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # exactly the one deliberate attempt: the guard works, and the package itself made none
    assert netlog.read_text().splitlines() == ["('192.0.2.1', 80)"]


def test_in_process_guard(network_guard, seed):
    from analysis import stats

    stats.article_table(seed)
    assert network_guard == []
