"""Corpus runs: analyse thousands of articles in bounded memory, in shards that survive a crash.

The corpus (folders of .txt files, .jsonl or .csv files, read exactly as :func:`analysis.corpus.load_corpus`
reads them) is cut into *units*, one per record, numbered in a deterministic order. Shard ``k`` holds units
``[k * shard_size, (k + 1) * shard_size)``. Workers (this process, local processes or Dask workers) receive
a shard's units (file paths or raw records, small), load and analyse the articles, and return one table per
kind; this process writes each table of the shard atomically (temporary file, fsync, rename) and then a
done-marker. A shard is done exactly when its marker exists, so a run that is killed and started again
skips the done shards and redoes the others: no lost and no duplicated rows.

Output layout (``out_dir``)::

    manifest.json                  inputs and settings; a restart must use the same ones
    articles/part-00000.parquet    one file per shard and table (also sentences/, quotes/, errors/ ...)
    _shards/part-00000.json        done-markers with row counts
    summary.json                   totals of the last run

Articles that cannot be read or analysed go to the ``errors`` table (path, line, stage, reason).

>>> summary = run_corpus(["seeds"], "results/seeds", progress=False)
>>> summary.analysed, read_results("results/seeds", "articles")["article_id"].tolist()
(1, ['000_de93c8312eb4da64'])
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, decode_bytes, load_article
from .corpus import NOT_ARTICLES, TEXT_SUFFIXES, article_from_record, iter_sources, raw_records
from .errors import ArgumentError, InputError

__all__ = [
    "RunSummary",
    "Unit",
    "iter_units",
    "load_unit",
    "process_shard",
    "read_results",
    "read_tables",
    "result_tables",
    "run_corpus",
]

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MARKERS = "_shards"
ERRORS = "errors"
ERROR_COLUMNS = ["article_id", "path", "line", "stage", "reason"]
#: Columns stored as timestamps even in a shard where every value is missing.
DATETIME_COLUMNS = frozenset({"published"})
FORMATS = ("parquet", "csv")
DEFAULT_SHARD_SIZE = 200
#: Articles loaded together and parsed in one stream (:mod:`analysis.parse_ahead`); the rows are the same.
PARSE_AHEAD_ARTICLES = 16


# ------------------------------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """One input record: where it is, and what a worker needs to load it.

    ``kind`` is ``"txt"`` (``payload`` None, or the file bytes when shipped to remote workers),
    ``"jsonl"`` (the raw line), ``"csv"`` (the row dict) or ``"error"`` (the reason it cannot be read).
    """

    position: int
    kind: str
    path: str
    line: int | None = None
    article_id: str | None = None
    payload: Any = None


def iter_units(paths: Sequence[str | Path], *, ship_text: bool = False) -> Iterator[Unit]:
    """The units of a corpus, in the order :func:`~analysis.corpus.load_corpus` reads them.

    Cheap: text files are not opened (unless ``ship_text``, for workers that cannot see the files).
    """
    position = 0
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError("no such file or folder", path)
        root = path if path.is_dir() else path.parent
        for source in iter_sources(path):
            suffix = source.suffix.lower()
            if suffix in (".jsonl", ".csv"):
                for kind, line, payload in raw_records(source):
                    # a file-level problem ("fatal", e.g. no text column) is a recorded skip in a corpus run
                    yield Unit(
                        position, "error" if kind == "fatal" else kind, str(source), line, None, payload
                    )
                    position += 1
                continue
            if source.stem.lower() in NOT_ARTICLES:
                unit = Unit(position, "error", str(source), None, None, "README/LICENSE file, not an article")
            else:
                article_id = source.relative_to(root).with_suffix("").as_posix()
                payload = None
                if ship_text:
                    try:
                        payload = source.read_bytes()
                    except OSError as exc:
                        unit = Unit(
                            position, "error", str(source), None, article_id, f"cannot be read ({exc})"
                        )
                        yield unit
                        position += 1
                        continue
                unit = Unit(position, "txt", str(source), None, article_id, payload)
            yield unit
            position += 1


def count_units(paths: Sequence[str | Path]) -> int | None:
    """A quick count of the units (for a progress bar); None when a CSV makes it costly to know."""
    total = 0
    for path in paths:
        for source in iter_sources(path):
            suffix = source.suffix.lower()
            if suffix == ".csv":
                return None
            if suffix == ".jsonl":
                with source.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix in TEXT_SUFFIXES:
                total += 1
    return total


def load_unit(unit: Unit, strict: bool = False) -> Article:
    """The Article of one unit; raises :class:`~analysis.errors.InputError` when it cannot be read."""
    if unit.kind == "error":
        raise InputError(str(unit.payload), unit.path, unit.line)
    if unit.kind == "jsonl":
        try:
            record = json.loads(unit.payload)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})", unit.path, unit.line) from exc
        return article_from_record(record, unit.path, unit.line, f"{Path(unit.path).stem}:{unit.line}")
    if unit.kind == "csv":
        return article_from_record(unit.payload, unit.path, unit.line, f"{Path(unit.path).stem}:{unit.line}")
    with warnings.catch_warnings():
        warnings.simplefilter("default" if strict else "ignore")
        if unit.payload is None:
            article = load_article(unit.path)
        else:
            if not unit.payload:
                raise InputError("empty file", unit.path)
            text = decode_bytes(unit.payload, unit.path)
            article = Article.from_text(text, id=Path(unit.path).stem, path=unit.path)
    article.id = unit.article_id or article.id
    return article


# ------------------------------------------------------------------------------------------------ shards


@dataclass
class ShardResult:
    """One shard, ready to write: its tables (typed frames) and counts."""

    index: int
    first_position: int
    n_units: int
    analysed: int
    errors: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


@dataclass
class UnitsResult:
    """What a worker returns for a run of consecutive units of one shard: rows by table, error rows."""

    shard: int
    first_position: int
    n_units: int
    analysed: int
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


def unit_id(unit: Unit) -> str:
    """The id an article of this unit gets when its record names none: the file's relative path for text
    files, ``<file stem>:<line>`` for JSONL/CSV records (so error rows always say which record failed)."""
    if unit.article_id:
        return unit.article_id
    stem = Path(unit.path).stem
    return f"{stem}:{unit.line}" if unit.line is not None else stem


def _error_row(unit: Unit, stage: str, reason: str, article_id: str | None = None) -> dict[str, Any]:
    return {
        "article_id": article_id or unit_id(unit),
        "path": unit.path,
        "line": unit.line,
        "stage": stage,
        "reason": reason,
    }


def analyse_units(
    shard: int,
    units: Sequence[Unit],
    analyses: Sequence[Any] | None = None,
    strict: bool = False,
) -> UnitsResult:
    """Load and analyse consecutive units of one shard (what every worker runs: this process, a local
    process or a Dask worker). Rows keep the units' order; bad units become error rows."""
    from .context import ArticleContext
    from .parse_ahead import parse_ahead
    from .pipeline import analysis_records, resolve_analyses, uses_of

    resolved = resolve_analyses(analyses)
    uses = uses_of(resolved)
    records: dict[str, list[dict[str, Any]]] = {}
    errors: list[dict[str, Any]] = []
    analysed = 0
    for start in range(0, len(units), PARSE_AHEAD_ARTICLES):
        # load a few articles, parse what their analyses will ask for in one stream, then analyse them in
        # order (a load error is raised or recorded at its turn, so rows and errors keep the units' order)
        loaded: list[tuple[Unit, ArticleContext | InputError]] = []
        for unit in units[start : start + PARSE_AHEAD_ARTICLES]:
            try:
                loaded.append((unit, ArticleContext(load_unit(unit, strict=strict))))
            except InputError as exc:
                loaded.append((unit, exc))
        parse_ahead([c for _, c in loaded if isinstance(c, ArticleContext)], uses)
        for unit, context in loaded:
            if isinstance(context, InputError):
                if strict:
                    raise context
                errors.append(_error_row(unit, "load", context.problem, getattr(context, "article_id", None)))
                continue
            article = context.article
            try:
                rows = analysis_records(context, resolved)
            except Exception as exc:  # an analysis bug on one article must not stop a corpus run
                if strict:
                    raise
                log.warning("analysis failed on %s: %s", article.path or article.id, exc)
                errors.append(_error_row(unit, "analysis", f"{type(exc).__name__}: {exc}", article.id))
                continue
            for table, table_rows in rows.items():
                records.setdefault(table, []).extend(table_rows)
            analysed += 1
    first = units[0].position if units else 0
    return UnitsResult(shard, first, len(units), analysed, records, errors)


def assemble_shard(
    index: int, parts: Sequence[UnitsResult], analyses: Sequence[Any] | None = None
) -> ShardResult:
    """The typed tables of a shard from its parts (in unit order), as the pipeline builds them."""
    from .pipeline import build_frames, resolve_analyses, table_schemas

    resolved = resolve_analyses(analyses)
    parts = sorted(parts, key=lambda p: p.first_position)
    records: dict[str, list[dict[str, Any]]] = {}
    errors: list[dict[str, Any]] = []
    for part in parts:
        for table, rows in part.records.items():
            records.setdefault(table, []).extend(rows)
        errors.extend(part.errors)
    tables = build_frames(
        records, table_schemas(resolved), strict=all(r.tables is not None for r in resolved)
    )
    tables[ERRORS] = pd.DataFrame(errors, columns=ERROR_COLUMNS).astype({"line": "Int64"})
    first = parts[0].first_position if parts else 0
    return ShardResult(
        index, first, sum(p.n_units for p in parts), sum(p.analysed for p in parts), len(errors), tables
    )


def process_shard(
    index: int, units: Sequence[Unit], analyses: Sequence[Any] | None = None, strict: bool = False
) -> ShardResult:
    """Analyse and assemble one whole shard in this process (for benchmarks and tests)."""
    return assemble_shard(index, [analyse_units(index, units, analyses, strict)], analyses)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write ``path`` via a temporary file in the same folder, fsync, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


def _to_arrow(frame: pd.DataFrame):
    """An Arrow table with stable types: all-missing columns become strings (timestamps for dates)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for column in table.schema:
        kind = column.type
        if column.name in DATETIME_COLUMNS and (pa.types.is_null(kind) or pa.types.is_timestamp(kind)):
            kind = pa.timestamp("us")
        elif pa.types.is_null(kind):
            kind = pa.large_string()
        elif pa.types.is_string(kind):
            kind = pa.large_string()
        fields.append(pa.field(column.name, kind))
    schema = pa.schema(fields, metadata=table.schema.metadata)
    return table.cast(schema) if schema != table.schema else table


def _write_table(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        arrow = _to_arrow(frame)
        _atomic_write(path, lambda tmp: pq.write_table(arrow, tmp))
    else:
        _atomic_write(path, lambda tmp: frame.to_csv(tmp, index=False))


def _part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def write_shard(out_dir: Path, result: ShardResult, fmt: str, version: str = "") -> dict[str, Any]:
    """Write every table of a shard, then its done-marker (the marker makes the shard count)."""
    counts = {}
    for name, frame in result.tables.items():
        if name == ERRORS and frame.empty:
            continue
        if len(frame) == 0:
            continue
        _write_table(frame, out_dir / name / _part_name(result.index, fmt), fmt)
        counts[name] = len(frame)
    marker = {
        "version": version,
        "index": result.index,
        "first_position": result.first_position,
        "units": result.n_units,
        "analysed": result.analysed,
        "errors": result.errors,
        "tables": counts,
    }
    marker_path = out_dir / MARKERS / f"part-{result.index:05d}.json"
    _atomic_write(marker_path, lambda tmp: tmp.write_text(json.dumps(marker, indent=1), encoding="utf-8"))
    return marker


def _markers(out_dir: Path) -> dict[int, dict[str, Any]]:
    folder = Path(out_dir) / MARKERS
    done = {}
    if folder.is_dir():
        for path in sorted(folder.glob("part-*.json")):
            try:
                marker = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue  # cannot happen with atomic writes; treat as not done
            done[int(marker["index"])] = marker
    return done


def _clean_partial(out_dir: Path, done: dict[int, dict[str, Any]], fmt: str) -> None:
    """Remove temporary files and table files of shards that have no done-marker (a killed run's)."""
    for folder in [p for p in out_dir.iterdir() if p.is_dir()]:
        for path in folder.iterdir():
            if path.name.startswith(".") and ".tmp-" in path.name:
                path.unlink()
            elif folder.name != MARKERS and path.name.startswith("part-") and path.suffix == f".{fmt}":
                with contextlib.suppress(ValueError):
                    if int(path.stem.split("-")[1]) not in done:
                        path.unlink()


# ------------------------------------------------------------------------------------------------- runs


@dataclass
class RunSummary:
    """Totals of a corpus run (over every shard in ``out_dir``, including ones done by an earlier run)."""

    articles_in: int
    analysed: int
    skipped: int
    shards: int
    shards_resumed: int
    seconds: float
    out_dir: str
    tables: dict[str, int] = field(default_factory=dict)
    workers: str = "1 process"
    #: Shards an earlier run wrote with another version of the package, analysed again by this run.
    shards_rerun: int = 0
    version: str = ""

    def __str__(self) -> str:
        rate = (self.analysed / self.seconds) if self.seconds > 0 else 0.0
        reused = ""
        if self.shards_resumed:
            reused = f" ({self.shards_resumed} reused from an earlier run of this version)"
        if self.shards_rerun:
            reused += f" ({self.shards_rerun} written by another version, analysed again)"
        lines = [
            f"articles in: {self.articles_in}   analysed: {self.analysed}   skipped: {self.skipped}",
            f"shards: {self.shards}{reused}   "
            f"time: {self.seconds:.1f} s   workers: {self.workers}   ({rate:.3g} articles/s this run)",
            "tables: " + ", ".join(f"{name} ({rows} rows)" for name, rows in sorted(self.tables.items())),
            f"results in {self.out_dir}"
            + (f"  (see the '{ERRORS}' table for skipped articles)" if self.skipped else ""),
        ]
        return "\n".join(lines)


def code_version() -> str:
    """What wrote a shard: the package version and the parser model (``news-analysis 0.4.2 + spaCy
    en_core_web_sm 3.8.0``); shards of another version are analysed again when a run resumes."""
    from . import __version__

    try:
        from .parse import model_info

        info = model_info()
        model = f" + spaCy {info['name']} {info['version']}"
    except Exception:  # noqa: BLE001 - no parser installed: the version alone
        model = ""
    return f"news-analysis {__version__}{model}"


def _manifest(paths: Sequence[str | Path], shard_size: int, analyses: list[str], fmt: str) -> dict[str, Any]:
    return {
        "format_version": 1,
        "inputs": [str(Path(p).resolve()) for p in paths],
        "shard_size": shard_size,
        "analyses": analyses,
        "format": fmt,
    }


def _check_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    path = out_dir / MANIFEST
    if path.exists():
        try:
            existing = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"unreadable run manifest ({exc}); use another --out folder", path) from exc
        if existing != manifest:
            differ = [k for k in manifest if existing.get(k) != manifest[k]]
            if "version" in differ and len(differ) == 1:  # written by another version: shards are re-run
                _atomic_write(
                    path, lambda tmp: tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
                )
                return
            raise ArgumentError(
                f"out_dir {out_dir} holds results of a different run (different {', '.join(differ)}); "
                "resuming would mix them: choose another output folder or delete this one"
            )
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, lambda tmp: tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8"))


def _shards(units: Iterable[Unit], size: int) -> Iterator[tuple[int, list[Unit]]]:
    batch: list[Unit] = []
    index = 0
    for unit in units:
        batch.append(unit)
        if len(batch) == size:
            yield index, batch
            index += 1
            batch = []
    if batch:
        yield index, batch


class _Executor:
    """Run tasks in this process, in local processes or on a Dask cluster; collect them as they finish.

    One interface for the three, so :func:`run_corpus` has one submit loop: ``submit(fn, *args)`` returns a
    future, ``wait_one(pending)`` returns ``(done, not_done)``. In this process a task runs when submitted.
    """

    def __init__(self, jobs: int, dask: str | None):
        self.dask = dask
        self.cluster = None
        self.pool = None
        self.client = None
        if dask:
            try:
                from distributed import Client, LocalCluster
            except ImportError as exc:
                raise ArgumentError(
                    "--dask needs the 'distributed' package: pip install 'dask[distributed]'"
                ) from exc
            if dask == "local":
                self.cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    host="127.0.0.1",
                )
                self.client = Client(self.cluster)
            elif dask.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://", "ucx://")):
                try:
                    self.client = Client(dask, timeout="20s")
                except OSError as exc:
                    raise ArgumentError(f"--dask {dask}: cannot reach the Dask scheduler ({exc})") from exc
            else:
                raise ArgumentError(
                    f"dask must be 'local' or a scheduler address like tcp://HOST:8786, got {dask!r}"
                )
            self.workers = len(self.client.scheduler_info().get("workers", {})) or jobs
            self.label = f"Dask {dask} ({self.workers} workers)"
        elif jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["analysis.runner", "analysis.pipeline"])
            self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            self.workers = jobs
            self.label = f"{jobs} processes"
        else:
            self.workers = 1
            self.label = "1 process"

    @property
    def in_flight(self) -> int:
        """How many tasks to keep submitted: enough to keep every worker busy, few enough for flat memory."""
        return 1 if self.pool is None and self.client is None else 2 * self.workers

    def submit(self, function: Callable[..., Any], *args: Any):
        if self.client is not None:
            return self.client.submit(function, *args, pure=False)
        if self.pool is not None:
            return self.pool.submit(function, *args)
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(function(*args))
        except BaseException as exc:  # noqa: BLE001 - re-raised by future.result(), as a pool would
            future.set_exception(exc)
        return future

    def wait_one(self, pending: set) -> tuple[set, set]:
        if self.client is not None:
            from distributed import wait

            result = wait(list(pending), return_when="FIRST_COMPLETED")
            return set(result.done), set(result.not_done)
        from concurrent.futures import FIRST_COMPLETED, wait

        done, not_done = wait(pending, return_when=FIRST_COMPLETED)
        return set(done), set(not_done)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _tasks(batch: list[Unit], size: int) -> Iterator[list[Unit]]:
    for i in range(0, len(batch), size):
        yield batch[i : i + size]


def run_corpus(
    paths: str | Path | Sequence[str | Path],
    out_dir: str | Path,
    *,
    jobs: int = 1,
    dask: str | None = None,
    fmt: str = "parquet",
    shard_size: int = DEFAULT_SHARD_SIZE,
    analyses: Sequence[str] | None = None,
    strict: bool = False,
    limit: int | None = None,
    sample: int | None = None,
    progress: bool = True,
    task_size: int = 1,
) -> RunSummary:
    """Analyse every article under ``paths`` and write tidy tables to ``out_dir``, resuming a killed run.

    ``jobs`` > 1 uses that many local processes; ``dask="local"`` starts a Dask LocalCluster with ``jobs``
    workers on loopback, ``dask="tcp://HOST:PORT"`` uses a running cluster (its workers need this package
    installed). Rows are the same whichever way the work is done. ``limit`` analyses only the first
    ``limit`` records; ``sample`` analyses about ``sample`` records spread evenly over the corpus (every
    k-th one), for a quick look at a large corpus. ``strict`` stops at the first bad article instead of
    listing it in ``errors``.

    >>> s = run_corpus("seeds", "results/seeds", progress=False)
    >>> s.articles_in, s.analysed, s.skipped
    (1, 1, 0)
    """
    from .pipeline import specs_for

    started = time.perf_counter()
    if isinstance(paths, str | Path):
        paths = [paths]
    paths = list(paths)
    if not paths:
        raise ArgumentError("paths: give at least one corpus folder or file")
    if fmt not in FORMATS:
        raise ArgumentError(f"fmt must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if not isinstance(jobs, int) or jobs < 1:
        raise ArgumentError(f"jobs must be a positive integer, got {jobs!r}")
    if not isinstance(task_size, int) or task_size < 1:
        raise ArgumentError(f"task_size must be a positive integer, got {task_size!r}")
    if not isinstance(shard_size, int) or shard_size < 1:
        raise ArgumentError(f"shard_size must be a positive integer, got {shard_size!r}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ArgumentError(f"limit must be a non-negative integer, got {limit!r}")
    if sample is not None and (not isinstance(sample, int) or sample < 1):
        raise ArgumentError(f"sample must be a positive integer, got {sample!r}")
    for path in paths:
        if not Path(path).exists():
            raise InputError("no such file or folder", path)
    specs = specs_for(analyses)
    names = [spec.name for spec in specs]
    out_dir = Path(out_dir)
    manifest = _manifest(paths, shard_size, names, fmt)
    version = code_version()
    manifest["version"] = version
    every = 1
    if sample is not None:
        every = max(1, (count_units(paths) or 0) // sample)
        manifest["sample"] = sample
    if limit is not None:
        manifest["limit"] = limit
    _check_manifest(out_dir, manifest)
    done = _markers(out_dir)
    stale = [i for i, marker in done.items() if marker.get("version") != version]
    for i in stale:  # another version wrote these: analyse them again rather than mix versions
        del done[i]
        (out_dir / MARKERS / f"part-{i:05d}.json").unlink(missing_ok=True)
    if stale:
        log.warning(
            "%d shards in %s were written by another version; analysing them again", len(stale), out_dir
        )
    _clean_partial(out_dir, done, fmt)
    resumed = len(done)

    ship_text = bool(dask) and dask != "local"
    units: Iterable[Unit] = iter_units(paths, ship_text=ship_text)
    if limit is not None:
        units = itertools.takewhile(lambda u: u.position < limit, units)
    if sample is not None:
        units = itertools.islice((u for u in units if u.position % every == 0), sample)
    total = None
    if progress:
        total = count_units(paths)
        if total is not None and limit is not None:
            total = min(total, limit)
        if total is not None and sample is not None:
            total = min(sample, -(-total // every))
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        unit="article",
        desc="analysing",
        disable=None if progress else True,
        dynamic_ncols=True,
        smoothing=0.1,
    )
    executor = None
    workers_label = "1 process"
    try:
        executor = _Executor(jobs, dask)
        workers_label = executor.label
        pending: dict[Any, int] = {}  # future -> shard index
        parts: dict[int, list[UnitsResult]] = {}
        expected: dict[int, int] = {}

        def collect() -> None:
            finished, _ = executor.wait_one(set(pending))
            for future in finished:
                index = pending.pop(future)
                part = future.result()
                parts.setdefault(index, []).append(part)
                bar.update(part.n_units)
                if sum(p.n_units for p in parts[index]) == expected[index]:
                    done[index] = write_shard(
                        out_dir, assemble_shard(index, parts.pop(index), specs), fmt, version
                    )

        for index, batch in _shards(units, shard_size):
            if index in done:
                bar.update(len(batch))
                continue
            expected[index] = len(batch)
            for task in _tasks(batch, task_size):
                while len(pending) >= executor.in_flight:
                    collect()
                pending[executor.submit(analyse_units, index, task, specs, strict)] = index
        while pending:
            collect()
    finally:
        bar.close()
        if executor is not None:
            executor.close()

    tables: dict[str, int] = {}
    for marker in done.values():
        for name, rows in marker["tables"].items():
            tables[name] = tables.get(name, 0) + rows
    summary = RunSummary(
        articles_in=sum(m["units"] for m in done.values()),
        analysed=sum(m["analysed"] for m in done.values()),
        skipped=sum(m["errors"] for m in done.values()),
        shards=len(done),
        shards_resumed=resumed,
        seconds=time.perf_counter() - started,
        out_dir=str(out_dir),
        tables=tables,
        workers=workers_label,
        shards_rerun=len(stale),
        version=version,
    )
    _atomic_write(out_dir / "summary.json", lambda tmp: tmp.write_text(json.dumps(asdict(summary), indent=1)))
    return summary


# --------------------------------------------------------------------------------------------- reading


def result_tables(out_dir: str | Path) -> list[str]:
    """Names of the tables a run wrote to ``out_dir`` (from the done-markers)."""
    names: dict[str, None] = {}
    for marker in _markers(Path(out_dir)).values():
        names.update(dict.fromkeys(marker["tables"]))
    return sorted(names)


def read_results(out_dir: str | Path, table: str) -> pd.DataFrame:
    """One result table of a corpus run, all done shards in corpus order (an empty frame if it has no rows).

    >>> _ = run_corpus("seeds", "results/seeds", analyses=["articles"], progress=False)
    >>> read_results("results/seeds", "articles").columns[:3].tolist()
    ['article_id', 'title', 'byline']
    """
    out_dir = Path(out_dir)
    manifest_path = out_dir / MANIFEST
    if not manifest_path.exists():
        raise InputError("not a results folder of run_corpus (no manifest.json)", out_dir)
    fmt = json.loads(manifest_path.read_text(encoding="utf-8"))["format"]
    paths = [
        out_dir / table / _part_name(index, fmt)
        for index, marker in sorted(_markers(out_dir).items())
        if table in marker["tables"]
    ]
    if not paths:
        return pd.DataFrame(columns=ERROR_COLUMNS if table == ERRORS else ["article_id"])
    if fmt == "parquet":
        return _concat_arrow([_read_parquet(path) for path in paths]).to_pandas()
    frames = []
    for path in paths:
        frame = pd.read_csv(path)
        for column in DATETIME_COLUMNS & set(frame.columns):
            frame[column] = pd.to_datetime(frame[column], errors="coerce")
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _read_parquet(path: Path):
    import pyarrow.parquet as pq

    return pq.read_table(path)


def _concat_arrow(parts: list):
    """Concatenate shard tables; a column that is entirely missing in one shard (stored as strings there)
    takes the type it has in the shards where it has values."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = {}
    for part in parts:
        for name in part.column_names:
            column = part.column(name)
            if name not in types and column.null_count < len(column):
                types[name] = column.type
    fixed = []
    for part in parts:
        for i, name in enumerate(part.column_names):
            column = part.column(name)
            wanted = types.get(name)
            if wanted is not None and column.type != wanted and column.null_count == len(column):
                part = part.set_column(i, pa.field(name, wanted), pa.nulls(len(column), wanted))
        fixed.append(part)
    return pa.concat_tables(fixed, promote_options="permissive")


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every result table of a corpus run, by name: ``articles`` and ``errors`` (possibly empty) and
    whatever else the analyses wrote."""
    names = dict.fromkeys(["articles", *result_tables(out_dir), ERRORS])
    return {name: read_results(out_dir, name) for name in names}
