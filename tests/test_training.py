"""The training scripts reproduce the shipped models byte for byte from the dev data (skips without it)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DATA, ROOT, require_data


@pytest.mark.slow
@pytest.mark.parametrize(
    "script, model, extra",
    [
        ("train_sentiment.py", "sentiment_polarity.json", []),
        ("train_stance.py", "target_sentiment.npz", ["--quick"]),  # --quick: the C chosen by CV, as recorded
    ],
)
def test_training_reproduces_shipped_model(tmp_path, script, model, extra):
    require_data("newsmtsc", "train.jsonl")
    out = tmp_path / model
    result = subprocess.run(
        [sys.executable, str(ROOT / "training" / script), "--data", str(DATA), "--out", str(out), *extra],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes() == (ROOT / "analysis" / "models" / model).read_bytes()
