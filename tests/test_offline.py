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
            if path.suffix in (".py", ".ipynb") and pattern.search(
                path.read_text(encoding="utf-8", errors="ignore")
            ):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_analysis_in_fresh_process_makes_no_connection(guarded_env):
    env, netlog = guarded_env
    code = (
        "import analysis, analysis.stats as s, analysis.figures as f\n"
        f"a = analysis.load_article({str(SEED)!r})\n"
        "s.article_table(a); s.keyness(a); s.collocations(a); s.quantities(a)\n"
        "analysis.nlp.vader().polarity_scores(a.text)\n"
        "from analysis.parse import ParsedArticle, model_info\n"
        "assert len(ParsedArticle(a).sentences(entities=True)) == len(a.sentences)\n"
        "assert model_info()['version'] == '3.8.0'\n"
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError:\n    pass\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # exactly the one deliberate attempt: the guard works, and the package itself made none
    assert netlog.read_text().splitlines() == ["('192.0.2.1', 80)"]


def test_in_process_guard(network_guard, seed):
    from analysis import stats

    stats.article_table(seed)
    assert network_guard == []


def test_no_code_execution_from_data():
    """Models and tables load as JSON, TOML, TSV or npz without pickle; nothing is eval'd or exec'd."""
    forbidden = re.compile(
        r"\bimport pickle\b|\bpickle\.|\bjoblib\b|\bmarshal\.loads|(?<![.\w])eval\(|(?<![.\w])exec\(|"
        r"yaml\.load\(|allow_pickle=True"
    )
    offenders = []
    for folder in ("analysis", "training", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if forbidden.search(line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
    model_files = sorted(p.suffix for p in (ROOT / "analysis" / "models").iterdir())
    assert set(model_files) <= {".json", ".npz"}
    data_files = sorted(p.suffix for p in (ROOT / "analysis" / "data").iterdir())
    assert set(data_files) <= {".json", ".toml", ".tsv", ".txt"}


def test_npz_models_hold_no_objects():
    import numpy as np

    for path in (ROOT / "analysis" / "models").glob("*.npz"):
        with np.load(path, allow_pickle=False) as archive:
            for name in archive.files:
                assert archive[name].dtype != object, f"{path.name}:{name}"


def test_pipeline_and_command_line_make_no_connection(guarded_env, tmp_path):
    env, netlog = guarded_env
    code = (
        "import analysis\n"
        f"r = analysis.analyze_article(analysis.load_article({str(SEED)!r}))\n"
        "assert {'quotes', 'stance', 'sentences'} <= set(r.tables())\n"
        "from analysis.cli import main\n"
        f"assert main(['analyze', {str(SEED.parent)!r}, '--out', {str(tmp_path / 'out')!r}, "
        "'--no-progress']) == 0\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert not netlog.exists() or netlog.read_text() == ""


def test_guard_is_active_inside_notebook_kernels(guarded_env, tmp_path, monkeypatch):
    """The notebook test relies on the guard being loaded in the kernel process: prove it records attempts."""
    import nbformat

    from analysis.report import execute_notebook

    env, netlog = guarded_env
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import socket\ntry:\n    socket.create_connection(('192.0.2.7', 443), timeout=1)\n"
                "except OSError as e:\n    print(e)"
            )
        ]
    )
    path = tmp_path / "probe.ipynb"
    nbformat.write(notebook, path)
    execute_notebook(path, cwd=tmp_path)
    assert netlog.read_text().splitlines() == ["('192.0.2.7', 443)"]
