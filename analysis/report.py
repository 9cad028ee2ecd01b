"""The main job: execute every numbered notebook in order and write an HTML report a journalist can read.

Each ``notebooks/NN_*.ipynb`` is executed headlessly (nbclient, kernel ``python3``, over local sockets)
from the repository root; the figures it exports land in ``figures/``. ``reports/`` then holds, per
notebook, a page without code (prose, tables and figures: ``NN_name.html``), the same page with its code
(``NN_name.code.html``) and the executed notebook; the evidence view of the seed article
(``evidence_seed.html``, see :mod:`analysis.views`); and ``index.html``, which shows each notebook's title, a
two-line description and a thumbnail of its main figure. The committed notebooks are not modified
(``in_place=True`` does that, for refreshing the outputs readers see on the web). A figure file of a
notebook that its run did not write again (say, a chart over time when the corpus has no dates) is removed,
so ``figures/`` always matches the report.

A notebook names its main figure by tagging the cell that draws it ``main-figure``
(``# %% tags=["main-figure"]`` in the py:percent twin); otherwise the first figure it shows is used.

>>> paths = build_report()  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import AnalysisError

__all__ = [
    "build_report",
    "notebook_paths",
    "execute_notebook",
    "notebook_summary",
    "NotebookSummary",
    "MAIN_FIGURE_TAG",
]

MAIN_FIGURE_TAG = "main-figure"
DESCRIPTION_CHARS = 180
ROOT = Path(__file__).resolve().parents[1]


def notebook_paths(notebooks_dir: str | Path = "notebooks") -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) in run order."""
    folder = Path(notebooks_dir)
    if not folder.is_dir():
        raise AnalysisError(f"{folder}: notebooks folder not found (run from the repository root)")
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def execute_notebook(path: Path, cwd: Path, timeout: int = 1200, kernel_name: str = "python3"):
    """Execute one notebook with nbclient and return the executed ``NotebookNode``; errors name the cell.

    The kernel talks to nbclient over Unix sockets in a temporary folder (no TCP port, no warning about
    unencrypted TCP in the log).
    """
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="na-kernel-") as sockets:
        manager = KernelManager(kernel_name=kernel_name, transport="ipc", ip=os.path.join(sockets, "k"))
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=timeout,
            kernel_name=kernel_name,
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
        )
        try:
            client.execute(cleanup_kc=True)  # we made the kernel manager: shut the kernel down too
        except CellExecutionError as exc:
            raise AnalysisError(f"{path}: a cell failed while executing:\n{exc}") from exc
    return notebook


# ------------------------------------------------------------------------------------------ page content


@dataclass
class NotebookSummary:
    """What the index shows of one notebook: its title, a short description and its main figure (PNG)."""

    stem: str
    title: str
    description: str
    figure_png: bytes | None


_MARKDOWN_NOISE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"[*_`]+"), ""),  # emphasis and code marks
    (re.compile(r"\s+"), " "),
]


def _plain(markdown: str) -> str:
    text = markdown
    for pattern, replacement in _MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    return text.strip()


def _shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """The first sentences of ``text`` that fit in ``limit`` characters (at least one, cut with "…").

    >>> _shorten("One sentence here. Two is longer. Three.", 36)
    'One sentence here. Two is longer.'
    >>> _shorten("Short. Then a very long second sentence without an end", 24)
    'Short. Then a very…'
    """
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    kept = ""
    for sentence in sentences:
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            if len(kept) < limit // 2:  # a short first sentence: go on into the next one, cut at a word
                kept = candidate[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            break
        kept = candidate
    return kept


def notebook_summary(notebook, stem: str) -> NotebookSummary:
    """Title (the first ``#`` heading), description (the first paragraph after it, shortened) and main figure
    (the PNG of the cell tagged ``main-figure``, else the first PNG output) of an executed notebook."""
    title, description = stem, ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if heading is None:
            continue
        title = _plain(lines[heading][2:]).replace(" · ", " · ")
        paragraphs = re.split(r"\n\s*\n", "\n".join(lines[heading + 1 :]).strip())
        first = next(
            (p for p in paragraphs if p.strip() and not p.lstrip().startswith(("#", "|", "```"))), ""
        )
        description = _shorten(_plain(first))
        break
    figure = None
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    tagged = [c for c in cells if MAIN_FIGURE_TAG in c.get("metadata", {}).get("tags", [])]
    for cell in tagged + cells:
        png = next(
            (o["data"]["image/png"] for o in cell.get("outputs", []) if "image/png" in o.get("data", {})),
            None,
        )
        if png:
            figure = base64.b64decode(png)
            break
    return NotebookSummary(stem, title, description, figure)


def _without_code(notebook):
    """A copy for the reader's page: no stderr streams (warnings, progress bars); code is hidden on export."""
    import copy

    clean = copy.deepcopy(notebook)
    for cell in clean.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o
                for o in cell.get("outputs", [])
                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
    return clean


_NAV_CSS = (
    "<style>.na-nav{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:14px;padding:8px 16px;"
    "background:#f4f6f7;border-bottom:1px solid #dde3e5}.na-nav a{margin-right:1.2em;color:#2e6f8e}</style>"
)


class _QuietAltText(logging.Filter):
    """nbconvert warns for every figure without alt text (it adds a generic one): not news in the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Alternative text is missing" not in record.getMessage()


def _html(notebook, title: str, nav: str, with_code: bool) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
    )
    if not any(isinstance(f, _QuietAltText) for f in exporter.log.filters):
        exporter.log.addFilter(_QuietAltText())
    body, _ = exporter.from_notebook_node(
        notebook if with_code else _without_code(notebook), resources={"metadata": {"name": title}}
    )
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + _NAV_CSS + nav, body, count=1)


def _nav(summary: NotebookSummary, with_code: bool) -> str:
    other = f"{summary.stem}.html" if with_code else f"{summary.stem}.code.html"
    label = "this page without code" if with_code else "this page with its code"
    return (
        f"<nav class='na-nav'><a href='index.html'>← all notebooks</a>"
        f"<a href='{html.escape(other)}'>{label}</a>"
        f"<a href='{html.escape(summary.stem)}.ipynb'>notebook</a></nav>"
    )


# ------------------------------------------------------------------------------------------------ index

_INDEX_CSS = """
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;max-width:1100px;margin:2em auto;
  padding:0 1em}
h1{margin-bottom:.2em} .lead{color:#555;margin-top:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1.2em;margin:1.5em 0}
.card{border:1px solid #dde3e5;border-radius:6px;padding:1em;background:#fff;display:flex;
  flex-direction:column}
.card img{width:100%;height:190px;object-fit:contain;background:#fafafa;border:1px solid #eee;
  border-radius:4px}
.card h2{font-size:1.05em;margin:.6em 0 .3em 0} .card h2 a{color:#1f4e66;text-decoration:none}
.card p{margin:.2em 0 .6em 0;font-size:.92em;line-height:1.45;color:#333;flex-grow:1}
.card .links{font-size:.85em} .card .links a{margin-right:1em;color:#2e6f8e}
.noimg{height:190px;display:flex;align-items:center;justify-content:center;color:#999;background:#fafafa;
  border:1px solid #eee;border-radius:4px}
details{margin-top:2em} details li{font-size:.9em}
.card a.preview{color:inherit;text-decoration:none;display:block}
"""


def _card(summary: NotebookSummary, thumbnail: str | None) -> str:
    image = (
        f"<a href='{html.escape(summary.stem)}.html'><img src='{html.escape(thumbnail)}' "
        f"alt='main figure of {html.escape(summary.title)}'></a>"
        if thumbnail
        else "<div class='noimg'>no figure</div>"
    )
    return (
        f"<div class='card'>{image}<h2><a href='{html.escape(summary.stem)}.html'>"
        f"{html.escape(summary.title)}</a></h2><p>{html.escape(summary.description)}</p>"
        f"<div class='links'><a href='{html.escape(summary.stem)}.html'>"
        f"read</a><a href='{html.escape(summary.stem)}.code.html'>with code</a>"
        f"<a href='{html.escape(summary.stem)}.ipynb'>notebook</a></div></div>"
    )


def _evidence_card(name: str, page: str, title: str | None, preview: str) -> str:
    return (
        f"<div class='card'><a href='{html.escape(page)}' class='preview'>{preview}</a>"
        f"<h2><a href='{html.escape(page)}'>Evidence view: {html.escape(title or name)}</a></h2>"
        "<p>The article itself with every attribution highlighted by source and every government mention "
        "marked "
        "by its target sentiment; hover for the details. Check any figure against the text here.</p>"
        f"<div class='links'><a href='{html.escape(page)}'>open</a></div></div>"
    )


def _write_index(
    index: Path, cards: list[str], figures: list[Path], report_dir: Path, figures_dir: Path
) -> None:
    rel = os.path.relpath(figures_dir.resolve(), report_dir.resolve())
    figure_items = "".join(
        f"<li><a href='{html.escape(rel)}/{html.escape(p.name)}'>{html.escape(p.stem)}</a></li>"
        for p in figures
    )
    index.write_text(
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>News analysis report</title><style>{_INDEX_CSS}</style></head><body>"
        "<h1>News analysis report</h1><p class='lead'>One AP story read closely (notebooks 01-04), then a "
        "corpus of "
        "articles (05). Each page shows the prose, tables and figures; the code is one click away.</p>"
        f"<div class='cards'>{''.join(cards)}</div>"
        f"<details><summary>All {len(figures)} figures (PNG; SVG beside each)</summary>"
        f"<ul>{figure_items}</ul>"
        "</details></body></html>\n",
        encoding="utf-8",
    )


def _default_evidence(root: Path) -> dict[str, Path]:
    seeds = sorted((root / "seeds").glob("*.txt"))
    return {"seed": seeds[0]} if seeds else {}


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is below it (shorter log lines)."""
    resolved = path.resolve()
    cwd = Path.cwd().resolve()
    return str(resolved.relative_to(cwd)) if resolved.is_relative_to(cwd) else str(resolved)


def build_report(
    notebooks_dir: str | Path = "notebooks",
    figures_dir: str | Path = "figures",
    report_dir: str | Path = "reports",
    in_place: bool = False,
    only: list[str] | None = None,
    log: Callable[[str], None] = print,
    evidence: dict[str, str | Path] | None = None,
    execute: bool = True,
) -> list[Path]:
    """Execute the numbered notebooks in order; write the report pages to ``report_dir``.

    Figures go to ``figures_dir`` (exported by the notebooks through :func:`analysis.figures.export`).
    ``only`` restricts the run to notebooks whose file name starts with one of the given prefixes
    (for example ``["01"]``); the index still lists every notebook already rendered in ``report_dir``.
    ``evidence`` maps names to article files whose evidence view is written as ``evidence_NAME.html``
    (default: the seed, as ``evidence_seed.html``). ``execute=False`` renders the pages from the outputs
    saved in the notebooks instead of running them (quick; no figure is exported). Returns the written pages,
    ``index.html`` last.
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
    all_paths = notebook_paths(notebooks_dir)
    paths = [p for p in all_paths if any(p.name.startswith(prefix) for prefix in only)] if only else all_paths
    if not paths:
        raise AnalysisError(f"{notebooks_dir}: no numbered notebooks (NN_name.ipynb) to run")
    what = "running" if execute else "rendering the saved outputs of"
    log(f"{what} {len(paths)} notebook{'s' if len(paths) != 1 else ''} from {_shown(notebooks_dir)}/")
    width = max(len(p.stem) for p in paths)
    for path in paths:
        started = time.perf_counter()
        started_at = time.time()
        notebook = execute_notebook(path, cwd=root) if execute else nbformat.read(path, as_version=4)
        if in_place:
            nbformat.write(notebook, path)
        nbformat.write(notebook, report_dir / path.name)
        summary = notebook_summary(notebook, path.stem)
        for with_code in (False, True):
            page = report_dir / (path.stem + (".code.html" if with_code else ".html"))
            page.write_text(
                _html(notebook, summary.title, _nav(summary, with_code), with_code), encoding="utf-8"
            )
        written.append(report_dir / (path.stem + ".html"))
        log(f"  {path.stem:<{width}}  {time.perf_counter() - started:5.1f} s")
        # a figure of this notebook that the run did not write again is from another run (other data): drop it
        for stale in sorted(Path(figures_dir).glob(f"{path.stem[:2]}_*")) if execute else []:
            if stale.suffix in (".png", ".svg") and stale.stat().st_mtime < started_at - 1:
                stale.unlink()
                log(f"    removed {_shown(stale)}: this run of {path.stem} did not draw it")
    evidence_pages = []
    from .article import load_article
    from .views import excerpt_html, write_evidence

    for name, article_path in (evidence if evidence is not None else _default_evidence(root)).items():
        article = load_article(article_path)
        page = write_evidence(article, report_dir / f"evidence_{name}.html")
        evidence_pages.append((name, page.name, article.title, excerpt_html(article)))
        written.append(page)
        log(f"evidence view: {_shown(page)}")
    thumbnails = report_dir / "thumbnails"
    cards = []
    for path in all_paths:
        executed = report_dir / path.name
        if not executed.exists():
            continue
        summary = notebook_summary(nbformat.read(executed, as_version=4), path.stem)
        thumbnail = None
        if summary.figure_png:
            thumbnails.mkdir(exist_ok=True)
            (thumbnails / f"{path.stem}.png").write_bytes(summary.figure_png)
            thumbnail = f"thumbnails/{path.stem}.png"
        cards.append(_card(summary, thumbnail))
    cards += [_evidence_card(*entry) for entry in evidence_pages]
    figures = sorted(Path(figures_dir).glob("*.png"))
    index = report_dir / "index.html"
    _write_index(index, cards, figures, report_dir, Path(figures_dir))
    written.append(index)
    svgs = len(list(Path(figures_dir).glob("*.svg")))
    log(f"figures: {_shown(Path(figures_dir))}/ ({len(figures)} PNG, {svgs} SVG)")
    return written
