"""Human-rated sentiment sets used to fit and check :func:`analysis.sentiment.polarity` (never shipped).

Four sets live under the shared data folder (``$NEWS_ANALYSIS_DATA``, default ``<repo>/../shared/data``):

- ``vader/{tweets,movieReviewSnippets,amazonReviewSnippets}_GroundTruth.txt``: ``ID<TAB>MEAN<TAB>TEXT``,
  the mean of human ratings on -4..4; the gold score is ``MEAN / 4`` in [-1, 1];
- ``newsmtsc/train.jsonl`` and ``newsmtsc/devtest_mt.jsonl``: news sentences with per-TARGET labels
  2/4/6 = negative/neutral/positive. **Sentence-level proxy:** the mean over a sentence's targets of
  -1/0/+1, times 0.5 (so a sentence whose targets are all negative scores -0.5, about where a clearly
  negative sentence sits on the rating/4 scale; mixed sentences get fractional scores). 95% of train
  sentences have targets that agree. Duplicate sentences are merged (mean of their proxies).

Every set gets a fixed ``split`` column: ``"train"`` or ``"heldout"`` (20%), decided by a hash of the
item's group key (the review id for Amazon, so sentences of one review stay together; the sentence
text otherwise). ``devtest_mt`` is all ``"heldout"``: it is a pure out-of-sample news check.

>>> sets = dev_sets()                                     # doctest: +SKIP
>>> sets["newsmtsc"].columns.tolist()                     # doctest: +SKIP
['set', 'id', 'text', 'gold', 'split']
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from .errors import ArgumentError, InputError

VADER_FILES = {
    "tweets": "tweets_GroundTruth.txt",
    "movies": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}
#: Share of every training set kept out of fitting, for honest held-out figures.
HELDOUT_SHARE = 0.2
COLUMNS = ["set", "id", "text", "gold", "split"]


def default_data_dir() -> Path:
    """``$NEWS_ANALYSIS_DATA``, else ``<repo root>/../shared/data`` (or ``<repo root>/../../shared/data``
    when the repo is a git worktree one level deeper, if only that one exists)."""
    env = os.environ.get("NEWS_ANALYSIS_DATA")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parent.parent
    primary = repo.parent / "shared" / "data"
    secondary = repo.parent.parent / "shared" / "data"
    return secondary if not primary.is_dir() and secondary.is_dir() else primary


def data_available(data_dir: str | Path | None = None) -> bool:
    """True when the VADER and NewsMTSC files are all present under ``data_dir``."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    needed = [root / "vader" / f for f in VADER_FILES.values()]
    needed += [root / "newsmtsc" / "train.jsonl", root / "newsmtsc" / "devtest_mt.jsonl"]
    return all(path.is_file() for path in needed)


def split_of(key: str) -> str:
    """``"heldout"`` for a fixed 20% of keys (by MD5 of the key), else ``"train"``.

    >>> split_of("1"), split_of("2")
    ('train', 'train')
    """
    bucket = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:8], 16) % 1000
    return "heldout" if bucket < HELDOUT_SHARE * 1000 else "train"


def load_vader_set(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """One of VADER's rated sets (``tweets``, ``movies``, ``amazon``) as a tidy frame (see module doc)."""
    if name not in VADER_FILES:
        raise ArgumentError(f"name: unknown VADER set {name!r}; expected one of {sorted(VADER_FILES)}")
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    path = root / "vader" / VADER_FILES[name]
    if not path.is_file():
        raise InputError("file not found", str(path))
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t", 2)
            if len(parts) != 3:
                raise InputError(f"expected ID<TAB>MEAN<TAB>TEXT, got {len(parts)} fields", str(path), number)
            item_id, mean, text = parts
            group = item_id.split("_")[0] if name == "amazon" else item_id
            rows.append((name, item_id, text, float(mean) / 4.0, split_of(f"{name}:{group}")))
    return pd.DataFrame(rows, columns=COLUMNS)


def load_newsmtsc(
    file: str = "train.jsonl", data_dir: str | Path | None = None, set_name: str | None = None
) -> pd.DataFrame:
    """NewsMTSC sentences with the sentence-level proxy score (see module doc)."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    path = root / "newsmtsc" / file
    if not path.is_file():
        raise InputError("file not found", str(path))
    name = set_name or ("newsmtsc" if file == "train.jsonl" else Path(file).stem)
    scores: dict[str, list[float]] = {}
    ids: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                labels = [float(target["polarity"]) for target in record["targets"]]
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"bad NewsMTSC record: {exc}", str(path), number) from exc
            if not labels:
                continue
            proxy = 0.5 * sum((label - 4.0) / 2.0 for label in labels) / len(labels)
            scores.setdefault(text, []).append(proxy)
            ids.setdefault(text, str(record.get("primary_gid", number)))
    heldout_only = file != "train.jsonl"
    rows = [
        (
            name,
            ids[text],
            text,
            sum(values) / len(values),
            "heldout" if heldout_only else split_of(f"newsmtsc:{text}"),
        )
        for text, values in scores.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def dev_sets(data_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """All rated sets: ``tweets``, ``movies``, ``amazon``, ``newsmtsc`` (train file) and ``devtest_mt``."""
    sets = {name: load_vader_set(name, data_dir) for name in VADER_FILES}
    sets["newsmtsc"] = load_newsmtsc("train.jsonl", data_dir)
    sets["devtest_mt"] = load_newsmtsc("devtest_mt.jsonl", data_dir, set_name="devtest_mt")
    return sets
