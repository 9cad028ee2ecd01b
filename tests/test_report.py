"""The HTML report: pages without code (and a copy with it), an index with titles, descriptions and
thumbnails, the seed's evidence view, no Python reprs, no stale or empty figures, a short log."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from analysis.report import build_report, notebook_summary

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
REPR = re.compile(r"\[?(?:Posix|Windows)?Path\(|^<matplotlib\.|^<Figure size|^Article\(id=", re.MULTILINE)


def _notebook(path: Path, cells: list[tuple[str, str, list[str]]]) -> Path:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, source, tags in cells:
        cell = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags
        notebook.cells.append(cell)
    nbformat.write(notebook, path)
    return path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebooks_show_no_python_reprs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/plain" in data and not {"text/html", "image/png"} & set(data):
                text = "".join(data["text/plain"])
                assert not REPR.search(text), f"{path.name}: a Python repr in the outputs: {text[:120]}"
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                pytest.fail(f"{path.name}: warnings in the outputs: {''.join(output['text'])[:300]}")


def test_summary_takes_title_description_and_tagged_figure():
    import base64

    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(
            "# 07 · A *title*\n\nFirst sentence, with a [link](x). Second one.\n\n## Next"
        ),
        nbformat.v4.new_code_cell("a"),
        nbformat.v4.new_code_cell("b"),
    ]
    first, tagged = b"\x89PNG first", b"\x89PNG tagged"
    notebook.cells[1].outputs = [
        nbformat.v4.new_output("display_data", {"image/png": base64.b64encode(first).decode()})
    ]
    notebook.cells[2].outputs = [
        nbformat.v4.new_output("display_data", {"image/png": base64.b64encode(tagged).decode()})
    ]
    summary = notebook_summary(notebook, "07_x")
    assert (summary.title, summary.description, summary.figure_png) == (
        "07 · A title",
        "First sentence, with a link. Second one.",
        first,
    )
    notebook.cells[2].metadata["tags"] = ["main-figure"]
    assert notebook_summary(notebook, "07_x").figure_png == tagged


@pytest.mark.slow
def test_build_report_writes_clean_pages_an_index_and_the_evidence_view(tmp_path, caplog):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "01_old_chart.png").write_bytes(b"stale")  # a figure no notebook draws any more
    (figures / "02_kept.png").write_bytes(b"not run this time")
    for old in figures.iterdir():
        os.utime(old, (old.stat().st_atime - 60, old.stat().st_mtime - 60))
    code = (
        "import os\nfrom analysis import figures\nimport pandas as pd\n"
        "fig = figures.bar_chart(pd.Series({'a': 3, 'b': 1}), title='Counts')\n"
        "figures.export(fig, '01_counts', folder=os.environ['NEWS_ANALYSIS_FIGURES'])"
    )
    _notebook(
        notebooks / "01_first.ipynb",
        [
            ("md", "# 01 · First notebook\n\nIt counts things. It shows a bar chart of them.", []),
            ("code", "UNIQUE_CODE_MARKER = 1\nimport warnings\nwarnings.warn('a warning for the log')", []),
            ("code", code, ["main-figure"]),
            ("md", "The end.", []),
        ],
    )
    _notebook(
        notebooks / "02_second.ipynb", [("md", "# 02 · Second\n\nNothing to run.", []), ("code", "1 + 1", [])]
    )
    lines: list[str] = []
    pages = build_report(
        notebooks, figures, tmp_path / "reports", only=["01"], log=lines.append, evidence={"seed": SEED}
    )
    report = tmp_path / "reports"
    assert [p.name for p in pages] == ["01_first.html", "evidence_seed.html", "index.html"]
    reader = (report / "01_first.html").read_text(encoding="utf-8")
    with_code = (report / "01_first.code.html").read_text(encoding="utf-8")
    assert "UNIQUE_CODE_MARKER" not in reader and "UNIQUE_CODE_MARKER" in with_code
    assert "a warning for the log" not in reader and "a warning for the log" in with_code
    assert "PosixPath" not in reader and "PosixPath" not in with_code
    assert "It counts things." in reader and "data:image/png;base64" in reader
    assert "href='01_first.code.html'" in reader and "href='index.html'" in reader
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "01 · First notebook" in index and "It counts things. It shows a bar chart of them." in index
    assert (
        "src='thumbnails/01_first.png'" in index
        and (report / "thumbnails" / "01_first.png").read_bytes()[:4] == b"\x89PNG"
    )
    assert "02 · Second" not in index  # not rendered yet
    assert "evidence_seed.html" in index and "na-quote" in index  # the evidence card shows an excerpt
    evidence = (report / "evidence_seed.html").read_text(encoding="utf-8")
    assert "NKorean defectors in China a sore point in Seoul" in evidence and 'class="na-quote"' in evidence
    assert sorted(p.name for p in figures.iterdir()) == ["01_counts.png", "01_counts.svg", "02_kept.png"]
    assert len(lines) == 5 and lines[0] == f"running 1 notebook from {notebooks}/"
    assert (
        re.fullmatch(r"  01_first  +\d+\.\d s", lines[1])
        and "removed" in lines[2]
        and "01_old_chart" in lines[2]
    )
    assert lines[3].startswith("evidence view: ") and lines[4].startswith("figures: ")
    # the index lists every notebook rendered so far, in order
    build_report(notebooks, figures, report, only=["02"], log=lines.append, evidence={"seed": SEED})
    index = (report / "index.html").read_text(encoding="utf-8")
    assert index.index("01 · First notebook") < index.index("02 · Second") < index.index("Evidence view")
    assert "no figure" in index
    assert not [r for r in caplog.records if r.levelname == "WARNING"], "warnings in the report log"
