"""Every numbered notebook executes headlessly, with no error output, under a network guard,
and the figures and values it produces are checked (nlp-recipes style)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _outputs_text(notebook) -> str:
    chunks = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                chunks.append(output["text"])
            for key in ("text/plain", "text/html"):
                if key in output.get("data", {}):
                    chunks.append(output["data"][key])
    return "\n".join(chunks)


#: The corpus notebook is the longest check: ``make test`` runs it in the second process (marker ``beside``).
EXECUTED = [
    pytest.param(p, id=p.stem, marks=[pytest.mark.beside] if p.stem.startswith("05_") else [])
    for p in NOTEBOOKS
]


@pytest.mark.slow
@pytest.mark.parametrize("path", EXECUTED)
def test_notebook_executes_offline(path: Path, tmp_path, guarded_env, monkeypatch):
    env, netlog = guarded_env
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("NEWS_ANALYSIS_FIGURES", str(tmp_path / "figures"))
    from analysis.report import execute_notebook

    notebook = execute_notebook(path, cwd=ROOT)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert not netlog.exists() or netlog.read_text() == "", f"network attempts: {netlog.read_text()}"
    exported = sorted(p.name for p in (tmp_path / "figures").glob("*.png"))
    assert exported, "the notebook exported no figures"
    assert all(name.startswith(path.stem[:2] + "_") for name in exported)
    text = _outputs_text(notebook)
    if path.stem.startswith("01"):
        for expected in (
            "Sam Kim",
            "Associated Press",
            "More than 21,000",
            "above 100,000",
            "1950-53",
            "repatriation",
        ):
            assert expected in text
        assert {
            "01_sentence_lengths.png",
            "01_keyness.png",
            "01_top_words.png",
            "01_paragraph_profile.png",
        } <= set(exported)
    if (
        path.stem.startswith("05")
        and (DATA / "quotes" / "polnear").is_dir()
        and "NEWS_ANALYSIS_CORPUS" not in env
    ):
        # the default corpus: PolNeAR, whole, through the command line, with outlets and dates
        assert "articles in: 605   analysed: 605   skipped: 0" in text
        for outlet in ("breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal"):
            assert outlet in text
        assert {
            "05_articles_per_category.png",
            "05_articles_over_time.png",
            "05_source_types.png",
            "05_anonymous_share.png",
            "05_top_sources.png",
            "05_stance_by_government.png",
            "05_stance_by_outlet.png",
            "05_stance_over_time.png",
            "05_stance_over_time_by_outlet.png",
        } == set(exported)
        assert "Donald Trump" in text and "Hillary Clinton" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_committed_with_outputs_and_text_twin(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code and all(c.get("outputs") is not None for c in code)
    assert any(c.get("outputs") for c in code), "commit notebooks with their outputs"
    assert not any(o.get("output_type") == "error" for c in code for o in c.get("outputs", []))
    twin = path.with_suffix(".py")
    assert twin.exists(), f"{twin} (jupytext py:percent twin) is missing"
    import jupytext

    paired = jupytext.read(twin)
    sources = [c.source.strip() for c in paired.cells if c.cell_type == "code"]
    assert sources == ["".join(c["source"]).strip() for c in code], (
        f"{path.name} and {twin.name} differ: run `make sync`"
    )
