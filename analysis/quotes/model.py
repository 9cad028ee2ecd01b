"""The trained decisions: linear models over named features, read from ``analysis/models/quotes_model.json``.

Logistic-regression models, trained on PolNeAR by ``training/train_quotes.py``: ``cue`` (is this word a
reporting cue?), ``content`` (which candidate span is the reported content?), ``source`` (which noun phrase,
or none, is the source?) and ``prefilter`` (:mod:`.prefilter`: is this sentence worth parsing?). Each
scores a list of feature names (``"lem=say"``, ``"path=↓nsubj"``); features the model never saw weigh
nothing. The file is plain JSON (feature names and weights); nothing is pickled.

>>> model = load_models()["cue"]
>>> model.probability(["lemma=say", "child=ccomp"]) > model.probability(["lemma=table"])
True
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError

__all__ = ["MODEL_FILE", "LinearModel", "load_models", "cue_vocabulary", "cue_forms"]

MODEL_FILE = Path(__file__).resolve().parent.parent / "models" / "quotes_model.json"
STAGES = ("cue", "content", "source")
#: stages a model file may leave out (without a prefilter every sentence with a known cue form is parsed)
OPTIONAL = ("prefilter",)


@dataclass(frozen=True)
class LinearModel:
    """One logistic-regression decision: ``score`` is the log-odds, ``threshold`` the decision probability."""

    name: str
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def score(self, features: Iterable[str]) -> float:
        """Log-odds of the features (the bias plus the weight of every known feature)."""
        return self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability for the features."""
        s = self.score(features)
        return 1.0 / (1.0 + math.exp(-s)) if s > -50 else 0.0

    def strongest(self, features: Iterable[str], n: int = 3) -> list[tuple[str, float]]:
        """The ``n`` features with the largest absolute weight (the reason for a decision)."""
        known = [(f, self.weights[f]) for f in dict.fromkeys(features) if f in self.weights]
        return sorted(known, key=lambda fw: -abs(fw[1]))[:n]


def _model(name: str, entry: dict, path: Path) -> LinearModel:
    try:
        features, weights = entry["features"], entry["weights"]
        if len(features) != len(weights):
            raise ValueError("features and weights differ in length")
        return LinearModel(
            name,
            dict(zip(features, map(float, weights), strict=True)),
            float(entry["bias"]),
            float(entry.get("threshold", 0.5)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(
            f"{path}: model {name!r} is malformed ({exc}); rebuild it with training/train_quotes.py"
        ) from exc


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[dict[str, LinearModel], frozenset[str], frozenset[str]]:
    file = Path(path)
    try:
        with open(file, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(
            f"{file}: cannot read the attribution model ({exc}); rebuild it with training/train_quotes.py"
        ) from exc
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, dict) or any(s not in models for s in STAGES):
        raise ModelError(f"{file}: expected models {STAGES}; rebuild it with training/train_quotes.py")
    stages = STAGES + tuple(s for s in OPTIONAL if s in models)
    loaded = {s: _model(s, models[s], file) for s in stages}
    return loaded, frozenset(data.get("cue_lemmas", [])), frozenset(data.get("cue_forms", []))


def load_models(path: str | Path | None = None) -> dict[str, LinearModel]:
    """The decision models (``cue``, ``content``, ``source`` and, when the file has it, ``prefilter``),
    loaded once per file."""
    return _load(str(path or MODEL_FILE))[0]


def cue_vocabulary(path: str | Path | None = None) -> frozenset[str]:
    """The lemmas the model learned as cue heads (candidates are words with these lemmas)."""
    return _load(str(path or MODEL_FILE))[1]


def cue_forms(path: str | Path | None = None) -> frozenset[str]:
    """Lower-case word forms of the cue lemmas seen in training (the surface test for "may hold a cue")."""
    return _load(str(path or MODEL_FILE))[2]
