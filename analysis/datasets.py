"""Turn a folder of article files plus a metadata table into a JSONL corpus the runner reads.

Annotated corpora such as PolNeAR ship their articles as plain ``.txt`` files and the facts about each one
(outlet, date, author) in a separate table. :func:`texts_to_jsonl` joins the two into one JSONL file with the
fields the corpus reader uses (``id``, ``title``, ``text``, ``date``, ``source``, ``author``), so that
``python -m analysis analyze corpus.jsonl --out ...`` sees dated articles with their outlet.
:func:`polnear_to_jsonl` does it for PolNeAR's layout (``text/`` and ``metadata.tsv``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "text").mkdir()
>>> _ = (folder / "text" / "a1.txt").write_text("Talks stall.\\n\\nSeoul pressed China.", encoding="utf-8")
>>> _ = (folder / "metadata.tsv").write_text("filename\\tpublisher\\tpublication_date\\tauthor\\n"
...                                          "a1\\tnyt\\t2016-03-01\\tJane Roe\\n", encoding="utf-8")
>>> path = polnear_to_jsonl(folder, folder / "out.jsonl")
>>> import json; record = json.loads(path.read_text().splitlines()[0])
>>> record["id"], record["title"], record["text"], record["source"], record["date"]
('a1', 'Talks stall.', 'Seoul pressed China.', 'nyt', '2016-03-01')
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .errors import InputError

__all__ = ["texts_to_jsonl", "polnear_to_jsonl", "is_polnear", "POLNEAR_COLUMNS"]

#: Record field -> PolNeAR ``metadata.tsv`` column.
POLNEAR_COLUMNS = {"source": "publisher", "date": "publication_date", "author": "author"}


def texts_to_jsonl(
    text_dir: str | Path,
    out_path: str | Path,
    metadata: pd.DataFrame | None = None,
    key: str = "filename",
    columns: Mapping[str, str] | None = None,
    first_line_title: bool = True,
) -> Path:
    """Write one JSONL record per ``text_dir/*.txt`` (sorted by name) to ``out_path`` and return it.

    ``metadata`` rows are matched on ``key`` (the file name without ``.txt``); ``columns`` maps record
    fields to metadata columns (``{"date": "publication_date"}``). With ``first_line_title`` the first
    line of each file is its title and the rest its text. The file is written atomically (a partial file
    is never left behind) and rewritten only when its content changes, so a resumed run sees the same input.
    """
    folder = Path(text_dir)
    if not folder.is_dir():
        raise InputError("folder of .txt articles not found", folder)
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError("no .txt files in this folder", folder)
    rows: dict[str, dict] = {}
    if metadata is not None:
        if key not in metadata.columns:
            raise InputError(
                f"metadata has no {key!r} column (columns: {', '.join(metadata.columns)})", folder
            )
        rows = {str(r[key]): r for r in metadata.to_dict("records")}
    lines = []
    for path in files:
        raw = path.read_text(encoding="utf-8")
        title, text = None, raw
        if first_line_title:
            first, _, rest = raw.partition("\n")
            if first.strip() and rest.strip():
                title, text = first.strip(), rest.strip("\n")
        record: dict = {"id": path.stem, "title": title, "text": text}
        meta = rows.get(path.stem, {})
        for field, column in (columns or {}).items():
            value = meta.get(column)
            if value is not None and not (isinstance(value, float) and value != value) and value != "None":
                record[field] = str(value)
        lines.append(json.dumps(record, ensure_ascii=False))
    content = "\n".join(lines) + "\n"
    out = Path(out_path)
    if out.exists() and out.read_text(encoding="utf-8") == content:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(content, encoding="utf-8")
    os.replace(partial, out)
    return out


def is_polnear(folder: str | Path) -> bool:
    """True when ``folder`` has PolNeAR's layout: ``text/`` with the articles and ``metadata.tsv``."""
    folder = Path(folder)
    return (folder / "text").is_dir() and (folder / "metadata.tsv").is_file()


def polnear_to_jsonl(folder: str | Path, out_path: str | Path) -> Path:
    """PolNeAR (``folder/text/*.txt`` + ``folder/metadata.tsv``) as a JSONL corpus with outlet and date."""
    folder = Path(folder)
    if not is_polnear(folder):
        raise InputError("not a PolNeAR folder (expected text/ and metadata.tsv)", folder)
    metadata = pd.read_csv(folder / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    return texts_to_jsonl(folder / "text", out_path, metadata, key="filename", columns=POLNEAR_COLUMNS)
