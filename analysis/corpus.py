"""Lazy corpus loading: a folder of .txt files, a .jsonl file or a .csv file, one Article at a time.

A record that cannot be read is skipped and reported (logged, and kept in ``reader.skipped`` with its
file, line and reason); ``strict=True`` raises :class:`~analysis.errors.InputError` instead.

>>> reader = load_corpus("seeds")
>>> [a.id for a in reader], reader.skipped
(['000_de93c8312eb4da64'], [])
"""

from __future__ import annotations

import csv
import json
import logging
import sys
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article, load_article
from .errors import InputError

__all__ = ["load_corpus", "CorpusReader", "SkippedRecord", "TEXT_FIELDS", "iter_sources", "raw_records"]

log = logging.getLogger(__name__)

#: Column / key names tried, in order, for each field of a JSONL or CSV record (case-insensitive).
TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text", "fulltext", "maintext")
TITLE_FIELDS = ("title", "headline", "heading")
DATE_FIELDS = (
    "published",
    "date",
    "publish_date",
    "published_at",
    "pubdate",
    "datetime",
    "timestamp",
    "time",
)
ID_FIELDS = ("id", "article_id", "doc_id", "uid", "guid")
URL_FIELDS = ("url", "link", "href")
SOURCE_FIELDS = ("source", "publisher", "outlet", "domain", "site", "source_name")
BYLINE_FIELDS = ("byline", "author", "authors", "writer")
AGENCY_FIELDS = ("agency", "wire")
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: File names (without suffix, lower case) in a corpus folder that are documentation, not articles.
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "notice", "copying"})


@dataclass(frozen=True)
class SkippedRecord:
    """A record of a corpus that was not loaded, and why (``line`` is 1-based, None for whole files)."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else f"{self.path}: {self.reason}"


def _pick(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def article_from_record(record: Mapping[str, Any], path: str, line: int, default_id: str) -> Article:
    """An Article from a JSONL/CSV record; raises InputError naming ``path:line`` if it has no usable text."""
    if not isinstance(record, Mapping):
        raise InputError(
            f"record is a {type(record).__name__}, expected an object with a text field", path, line
        )
    given_id = _pick(record, ID_FIELDS)
    record_id = str(given_id) if given_id is not None else None
    text = _pick(record, TEXT_FIELDS)
    if text is None:
        present = [k for k in record if str(k).strip().lower() in TEXT_FIELDS]
        if present:
            raise InputError(f"text field {present[0]!r} is empty", path, line, record_id)
        raise InputError(f"no text field (expected one of: {', '.join(TEXT_FIELDS)})", path, line, record_id)
    if not isinstance(text, str):
        raise InputError(f"text field is a {type(text).__name__}, not a string", path, line, record_id)
    byline = _pick(record, BYLINE_FIELDS)
    if isinstance(byline, list):
        byline = ", ".join(str(b) for b in byline)
    title = _pick(record, TITLE_FIELDS)
    try:
        return Article.from_text(
            text,
            id=record_id or default_id,
            title=str(title) if title is not None else None,
            byline=str(byline) if byline is not None else None,
            agency=_pick(record, AGENCY_FIELDS),
            published=_pick(record, DATE_FIELDS),
            url=_pick(record, URL_FIELDS),
            source=_pick(record, SOURCE_FIELDS),
            path=f"{path}:{line}",
            parse_header=title is None,
            meta={k: v for k, v in record.items() if isinstance(v, str | int | float | bool)},
        )
    except InputError as exc:
        raise InputError(exc.problem, path, line, record_id) from exc


def iter_sources(path: str | Path) -> Iterator[Path]:
    """The files a corpus path stands for: itself, or the text/JSONL/CSV files below a folder (sorted)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or folder", path)
    if path.is_file():
        yield path
        return
    for child in sorted(path.rglob("*")):
        if (
            child.is_file()
            and child.suffix.lower() in TEXT_SUFFIXES + (".jsonl", ".csv")
            and not any(part.startswith(".") for part in child.relative_to(path).parts)
        ):
            yield child


class CorpusReader:
    """An iterator over the Articles of a corpus; see :func:`load_corpus`.

    After (or during) iteration, ``skipped`` lists every record that could not be read and ``read`` counts
    the articles yielded.
    """

    def __init__(self, path: str | Path, strict: bool = False):
        self.path = Path(path)
        self.strict = strict
        self.skipped: list[SkippedRecord] = []
        self.read = 0
        if not self.path.exists():
            raise InputError("no such file or folder", self.path)
        self._iterator = self._articles()

    def __iter__(self) -> CorpusReader:
        return self

    def __next__(self) -> Article:
        article = next(self._iterator)
        self.read += 1
        return article

    def _skip(self, path: str | Path, line: int | None, reason: str, exc: Exception | None = None) -> None:
        if self.strict:
            if isinstance(exc, InputError):
                raise exc
            raise InputError(reason, path, line) from exc
        record = SkippedRecord(str(path), line, reason)
        self.skipped.append(record)
        log.warning("skipped %s", record)

    def _articles(self) -> Iterator[Article]:
        root = self.path if self.path.is_dir() else self.path.parent
        for source in iter_sources(self.path):
            suffix = source.suffix.lower()
            if suffix in (".jsonl", ".csv"):
                yield from self._records(source)
            elif source.stem.lower() in NOT_ARTICLES:
                self._skip(source, None, "README/LICENSE file, not an article")
            else:
                article_id = source.relative_to(root).with_suffix("").as_posix()
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore" if not self.strict else "default")
                        article = load_article(source)
                except InputError as exc:
                    self._skip(source, None, exc.problem, exc)
                    continue
                article.id = article_id
                yield article

    def _records(self, source: Path) -> Iterator[Article]:
        for kind, line, payload in raw_records(source):
            if kind == "fatal":
                raise InputError(payload, source)
            if kind == "error":
                self._skip(source, line, payload)
                continue
            try:
                record = json.loads(payload) if kind == "jsonl" else payload
            except json.JSONDecodeError as exc:
                self._skip(source, line, f"invalid JSON ({exc.msg} at column {exc.colno})", exc)
                continue
            try:
                yield article_from_record(record, str(source), line, f"{source.stem}:{line}")
            except InputError as exc:
                self._skip(source, line, exc.problem, exc)


def raw_records(source: Path) -> Iterator[tuple[str, int | None, Any]]:
    """The records of a .jsonl or .csv file, unparsed, in order: ``(kind, line, payload)``.

    ``kind`` is "jsonl" (payload: the line's text), "csv" (payload: the row dict), "error" (payload: why
    this record or file cannot be read) or "fatal" (the whole file is unusable, e.g. a CSV without a text
    column). ``line`` is 1-based. Shared by :class:`CorpusReader` and the corpus runner, so both read a
    file the same way.
    """
    reader = _jsonl_records if source.suffix.lower() == ".jsonl" else _csv_records
    yield from reader(source)


def _jsonl_records(source: Path) -> Iterator[tuple[str, int | None, Any]]:
    try:
        handle = source.open("rb")
    except OSError as exc:
        yield "error", None, f"cannot be read ({exc})"
        return
    with handle:
        for line_number, raw in enumerate(handle, start=1):
            if line_number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield "error", line_number, f"not valid UTF-8 ({exc.reason} at byte {exc.start})"
                continue
            if line.strip():
                yield "jsonl", line_number, line


def _csv_records(source: Path) -> Iterator[tuple[str, int | None, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        handle = source.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield "error", None, f"cannot be read ({exc})"
        return
    with handle:
        try:
            reader = csv.DictReader(handle)
            fields = [str(f).strip().lower() for f in (reader.fieldnames or [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            yield "error", 1, f"cannot parse the CSV header ({exc})"
            return
        if not any(name in fields for name in TEXT_FIELDS):
            # A file-level problem: every row would fail, so say it once and clearly.
            yield (
                "fatal",
                None,
                (
                    f"CSV has no text column (columns: {', '.join(fields) or 'none'}; "
                    f"expected one of: {', '.join(TEXT_FIELDS)})"
                ),
            )
            return
        row_start = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                yield "error", row_start, f"malformed CSV row ({exc})"
                row_start = reader.line_num + 1
                continue
            line = row_start
            row_start = reader.line_num + 1
            if None in row:
                yield "error", line, "row has more fields than the header"
            else:
                yield "csv", line, row


def load_corpus(path: str | Path, *, strict: bool = False) -> CorpusReader:
    """Articles from a folder of text files (recursively), a .jsonl file or a .csv file, read lazily.

    JSONL and CSV records need a text column (``text``, ``body``, ``content`` ...); ``title``, ``date``,
    ``url``, ``source``, ``author`` and ``id`` are used when present. Bad records are skipped and listed in
    ``reader.skipped`` (``strict=True`` raises :class:`~analysis.errors.InputError` instead).

    >>> reader = load_corpus("seeds")
    >>> next(reader).title
    'NKorean defectors in China a sore point in Seoul'
    """
    return CorpusReader(path, strict=strict)
