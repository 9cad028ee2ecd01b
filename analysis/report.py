"""The main job: execute every numbered notebook in order and write an HTML report.

Each ``notebooks/NN_*.ipynb`` is executed headlessly (nbclient, kernel ``python3``) from the repository root,
the figures it exports land in ``figures/``, and an executed copy plus an HTML rendering go to ``reports/``
with an ``index.html`` linking them. The committed notebooks are not modified (``in_place=True`` does that,
for refreshing the outputs that readers see on the web).

>>> paths = build_report()  # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import time
from pathlib import Path

from .errors import AnalysisError

__all__ = ["build_report", "notebook_paths", "execute_notebook"]


def notebook_paths(notebooks_dir: str | Path = "notebooks") -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in run order."""
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise AnalysisError(f"{folder}: notebooks folder not found (run from the repository root)")
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def execute_notebook(path: Path, cwd: Path, timeout: int = 1200, kernel_name: str = "python3"):
    """Execute one notebook with nbclient and return the executed ``NotebookNode``; errors name the cell."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        raise AnalysisError(f"{path}: a cell failed while executing:\n{exc}") from exc
    return notebook


def _html(notebook) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(notebook)
    return body


def build_report(
    notebooks_dir: str | Path = "notebooks",
    figures_dir: str | Path = "figures",
    report_dir: str | Path = "reports",
    in_place: bool = False,
    only: list[str] | None = None,
    log=print,
) -> list[Path]:
    """Execute the numbered notebooks in order; write executed copies and HTML to ``report_dir``.

    Figures go to ``figures_dir`` (exported by the notebooks through :func:`analysis.figures.export`).
    ``only`` restricts the run to notebooks whose file name starts with one of the given prefixes
    (for example ``["01"]``). Returns the written HTML paths, ``index.html`` last.
    """
    import nbformat

    notebooks_dir, report_dir = Path(notebooks_dir), Path(report_dir)
    root = notebooks_dir.resolve().parent
    report_dir.mkdir(parents=True, exist_ok=True)
    figures_path = Path(figures_dir).resolve()
    # kernels run from the repository root: keep the path relative there, so saved outputs show no local paths
    os.environ["NEWS_ANALYSIS_FIGURES"] = (
        os.path.relpath(figures_path, root) if figures_path.is_relative_to(root) else str(figures_path)
    )
    written: list[Path] = []
    entries = []
    paths = notebook_paths(notebooks_dir)
    if only:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in only)]
    if not paths:
        raise AnalysisError(f"{notebooks_dir}: no numbered notebooks (NN_name.ipynb) to run")
    for path in paths:
        started = time.perf_counter()
        log(f"running {path} ...")
        notebook = execute_notebook(path, cwd=root)
        seconds = time.perf_counter() - started
        if in_place:
            nbformat.write(notebook, path)
        executed = report_dir / path.name
        nbformat.write(notebook, executed)
        html_path = report_dir / (path.stem + ".html")
        html_path.write_text(_html(notebook), encoding="utf-8")
        written.append(html_path)
        entries.append((path.stem, html_path.name, seconds))
        log(f"  done in {seconds:.1f} s -> {html_path}")
    figures = sorted(Path(figures_dir).glob("*.png"))
    index = report_dir / "index.html"
    items = "\n".join(
        f'<li><a href="{html.escape(name)}">{html.escape(stem)}</a></li>' for stem, name, _ in entries
    )
    rel = os.path.relpath(Path(figures_dir).resolve(), report_dir.resolve())
    figure_items = "\n".join(
        f'<li><a href="{html.escape(rel)}/{html.escape(p.name)}">{html.escape(p.stem)}</a></li>'
        for p in figures
    )
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>News analysis report</title></head><body>"
        "<h1>News analysis report</h1><h2>Notebooks</h2><ol>"
        f"{items}</ol><h2>Figures ({len(figures)})</h2><ul>{figure_items}</ul></body></html>\n",
        encoding="utf-8",
    )
    written.append(index)
    log(f"report: {index.resolve()}")
    log(
        f"figures: {Path(figures_dir).resolve()} "
        f"({len(figures)} PNG, {len(list(Path(figures_dir).glob('*.svg')))} SVG)"
    )
    return written
