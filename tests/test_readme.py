"""The README's example code runs as written (on the seed instead of 'my_story.txt'), and the README
names the two commands that .ci/run and the Makefile provide."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SEED

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_readme_python_example_runs(monkeypatch):
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    code = block.replace('"my_story.txt"', repr(str(SEED)))
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # the README's own example, not data
    assert namespace["article"].title == "NKorean defectors in China a sore point in Seoul"
    assert set(namespace["result"].tables()) >= {"articles", "sentences", "quotes", "stance"}


def test_readme_commands_exist():
    assert "make report" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^report:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    ci = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ci[-1].strip() == "make test"
