"""Compare a retrained model file with the shipped one: same structure, parameters equal to a tolerance.

Floating-point training is not bit-for-bit reproducible across CPU types (BLAS kernels sum in different
orders), so the project's claim is: a retrained model has the same keys, shapes and non-numeric values as the
shipped one, its numbers agree within ``rtol``/``atol`` (float16 arrays: or one float16 step), and it gives
the same labels on a fixed evaluation set (that part is checked per model in ``tests/test_training.py``).

    python training/compare_models.py NEW SHIPPED [--rtol 1e-6] [--atol 1e-6]

Works for ``.npz`` (arrays by name) and ``.json`` (numbers compared leaf by leaf). Prints at most a few
lines, never the whole file, and exits 1 when the models differ.

>>> model_differences({"w": [1.0, 2.0]}, {"w": [1.0, 2.0 + 1e-9]})
[]
>>> model_differences({"w": [1.0]}, {"w": [1.5]})
['w: max |difference| 0.5 exceeds atol 1e-06 + rtol 1e-06 * |value| (1 of 1 values)']

float16 arrays are compared at their stored precision: two values within the tolerance before rounding can
be one float16 step apart after it, never more.

>>> one = np.array([1.0], dtype=np.float16)
>>> model_differences({"w": one}, {"w": np.nextafter(one, np.float16(2))})
[]
>>> model_differences({"w": one}, {"w": one + np.float16(0.01)})
['w: max |difference| 0.00977 exceeds atol 1e-06 + rtol 1e-06 * |value| or one float16 step (1 of 1 values)']
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["load_model_file", "model_differences", "flatten"]

RTOL = 1e-6
ATOL = 1e-6
MAX_PROBLEMS = 10


def load_model_file(path: str | Path) -> dict[str, Any]:
    """The parameters of a ``.npz`` (name -> array) or ``.json`` model file (its decoded object)."""
    path = Path(path)
    if path.suffix == ".npz":
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``(key path, leaf)`` pairs; lists of numbers and arrays stay whole leaves (compared as arrays)."""
    if isinstance(value, Mapping):
        for key in sorted(value):
            yield from flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and value and not all(_is_number(v) for v in value):
        for i, item in enumerate(value):
            yield from flatten(item, f"{prefix}[{i}]")
    else:
        yield prefix, value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numeric(value: Any) -> np.ndarray | None:
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiub":
        return value
    if _is_number(value) or (isinstance(value, list) and all(_is_number(v) for v in value)):
        return np.asarray(value, dtype=float)
    return None


def model_differences(new: Any, shipped: Any, rtol: float = RTOL, atol: float = ATOL) -> list[str]:
    """What differs between two decoded models beyond the tolerance (an empty list when they agree)."""
    a, b = dict(flatten(new)), dict(flatten(shipped))
    problems = [f"{key}: only in the new model" for key in sorted(set(a) - set(b))]
    problems += [f"{key}: missing from the new model" for key in sorted(set(b) - set(a))]
    for key in sorted(set(a) & set(b)):
        x, y = _numeric(a[key]), _numeric(b[key])
        if x is None or y is None:
            same = np.array_equal(a[key], b[key]) if isinstance(a[key], np.ndarray) else a[key] == b[key]
            if not same:
                problems.append(f"{key}: values differ ({_short(a[key])} vs {_short(b[key])})")
            continue
        if x.shape != y.shape:
            problems.append(f"{key}: shape {x.shape} vs {y.shape}")
            continue
        half = np.float16 in (x.dtype, y.dtype)
        x, y = x.astype(float), y.astype(float)
        bad = ~np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=True)
        if half:  # compared at the stored precision: values within the tolerance can round one step apart
            step = np.spacing(np.maximum(np.abs(x), np.abs(y)).astype(np.float16)).astype(float)
            bad &= ~(np.abs(x - y) <= step)
        if bad.any():
            worst = float(np.nanmax(np.abs(x - y)))
            allowed = f"atol {atol:g} + rtol {rtol:g} * |value|" + (" or one float16 step" if half else "")
            problems.append(
                f"{key}: max |difference| {worst:.3g} exceeds {allowed} "
                f"({int(bad.sum())} of {bad.size} values)"
            )
    return problems[:MAX_PROBLEMS]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("new", type=Path)
    parser.add_argument("shipped", type=Path)
    parser.add_argument("--rtol", type=float, default=RTOL)
    parser.add_argument("--atol", type=float, default=ATOL)
    args = parser.parse_args(argv)
    problems = model_differences(
        load_model_file(args.new), load_model_file(args.shipped), args.rtol, args.atol
    )
    for line in problems:
        print(line)
    print("models agree" if not problems else f"models differ ({len(problems)} problems shown)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
