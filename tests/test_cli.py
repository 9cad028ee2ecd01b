"""The command line: help a newcomer can read, analyze/info/report, exit codes, one-line errors."""

from __future__ import annotations

import re
import subprocess
import sys
import types

import pytest
from corpus_fixtures import ROOT, SEED, make_corpus

from analysis.cli import main
from analysis.runner import read_results


def test_help_lists_commands_and_examples(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for text in ("report", "analyze", "info", "examples:", "exit codes"):
        assert text in out
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    out = capsys.readouterr().out
    for text in ("--jobs", "--dask", "--format", "--out", "continues where it stopped", "errors"):
        assert text in out


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "Commands:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "x", "--out", "y", "--jobs", "0"],
        ["analyze", "x", "--out", "y", "--dask", "nowhere"],
        ["analyze", "x"],
        ["analyze", "x", "--out", "y", "--format", "xlsx"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_analyze_writes_tables_and_summary(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress", "--shard-size", "4"]) == 0
    printed = capsys.readouterr().out
    assert "articles in: 15   analysed: 12   skipped: 3" in printed
    assert "shards: 4   time" in printed and "resumed" not in printed and "reused" not in printed
    assert len(read_results(out, "articles")) == 12
    # same command again: everything is already done
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress", "--shard-size", "4"]) == 0
    assert "shards: 4 (4 reused from an earlier run of this version)" in capsys.readouterr().out


def test_analyze_exits_1_when_nothing_could_be_analysed(tmp_path, capsys):
    corpus = tmp_path / "unreadable"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "analysed: 0   skipped: 2" in captured.out
    error = captured.err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("error: no article could be analysed (2 skipped)")
    assert "errors table" in error[0] and "Traceback" not in captured.err
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert main(["analyze", str(empty), "--out", str(tmp_path / "out2"), "--no-progress"]) == 1
    assert capsys.readouterr().err.strip() == f"error: no articles found in {empty}"


def test_errors_are_one_line_without_traceback(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"error: {tmp_path / 'missing'}: no such file or folder"]
    corpus = make_corpus(tmp_path / "corpus")
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "strict"), "--strict", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "README/LICENSE file, not an article" in err and "Traceback" not in err


def test_info_is_a_readable_summary(capsys, tmp_path):
    assert main(["info", str(SEED)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "NKorean defectors in China a sore point in Seoul"
    assert lines[1] == "by Sam Kim · Associated Press · 2012-03-08"
    assert len(lines) <= 40 and max(len(line) for line in lines) <= 110  # one screen
    assert "361 words, 16 sentences, 10 paragraphs; mean sentence 22.6 words" in out
    assert "Flesch reading ease 30.9" in out and "grade 14.6" in out
    # the sources with their kinds, the government table with labels and intervals, numbers rounded
    assert "12 attributions from 9 sources" in out
    assert re.search(r"Kim Sung-joo\s+expert, South Korea\s+1 indirect", out)
    assert re.search(r"official at Seoul's Foreign Ministry\s+anonymous, South Korea\s+2 indirect", out)
    assert re.search(r"China\s+8 mentions\s+negative\s+-0\.45 \[-0\.73, -0\.14\]", out)
    assert re.search(r"United Nations\s+1 mention\s+neutral\s+\+0\.10 \(one mention\)", out)  # uncertain
    assert not re.search(r"\d\.\d{4,}", out), "unrounded numbers in the summary"
    page = tmp_path / "seed.html"
    assert main(["info", str(SEED), "--evidence", str(page)]) == 0
    assert str(page) in capsys.readouterr().out
    assert 'class="na-quote"' in page.read_text(encoding="utf-8")


def test_report_calls_build_report(monkeypatch, tmp_path, capsys):
    calls = {}

    def build_report(notebooks_dir, figures_dir, report_dir, in_place=False, only=None, execute=True):
        calls.update(
            notebooks_dir=notebooks_dir,
            figures_dir=figures_dir,
            report_dir=report_dir,
            in_place=in_place,
            only=only,
            execute=execute,
        )
        return [tmp_path / "index.html"]

    monkeypatch.setitem(sys.modules, "analysis.report", types.SimpleNamespace(build_report=build_report))
    assert main(["report", "--out", str(tmp_path)]) == 0
    assert calls == {
        "notebooks_dir": "notebooks",
        "figures_dir": "figures",
        "report_dir": str(tmp_path),
        "in_place": False,
        "only": None,
        "execute": True,
    }
    assert capsys.readouterr().out.strip() == f"report: {tmp_path / 'index.html'}  (open it in a browser)"
    assert main(["report", "--in-place", "--only", "01", "05"]) == 0
    assert calls["in_place"] is True and calls["only"] == ["01", "05"]
    assert main(["report", "--no-execute"]) == 0 and calls["execute"] is False


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "info", str(SEED)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "Associated Press" in result.stdout
