"""Packaging metadata: the licence is an SPDX expression, with a setuptools that understands it."""

from __future__ import annotations

import re

from conftest import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def test_licence_is_an_spdx_string_and_setuptools_supports_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # a table ({text = ...}) makes setuptools warn on install
    requirement = next(r for r in project["build-system"]["requires"] if r.startswith("setuptools"))
    minimum = int(re.search(r">=\s*(\d+)", requirement).group(1))
    assert minimum >= 77, "SPDX licence strings need setuptools 77 or newer (PEP 639)"


def test_make_report_prints_no_commands():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nreport:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert recipe and all(line.startswith("\t@") for line in recipe), recipe
