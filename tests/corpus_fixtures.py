"""Small generated corpora for the pipeline, runner and CLI tests (no external data needed)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_de93c8312eb4da64.txt"

_SUBJECTS = [
    "The minister",
    "Officials in Seoul",
    "Beijing",
    "The agency",
    "A spokesman",
    "Protesters",
    "The court",
]
_VERBS = ["said", "denied", "welcomed", "criticised", "announced", "questioned", "praised"]
_OBJECTS = ["the new policy", "the talks", "the report", "the decision", "the proposal", "the border rules"]
_ENDINGS = ["on Monday.", "last week.", "in a statement.", "after the meeting.", "without giving details."]


def generated_text(index: int, paragraphs: int = 4) -> str:
    """A deterministic small news-like article with a title, a byline and a date line."""
    rng = random.Random(index)
    lines = [
        f"Story number {index} about policy",
        "",
        f"By Reporter {index}",
        "",
        f"Published: March {1 + index % 27}, 2012",
        "",
    ]
    for _ in range(paragraphs):
        sentences = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_ENDINGS)}"
            for _ in range(rng.randint(1, 3))
        ]
        lines += [" ".join(sentences), ""]
    return "\n".join(lines)


def make_corpus(folder: Path, n_generated: int = 8, bad: bool = True) -> Path:
    """A corpus folder: the seed article, ``n_generated`` articles in a subfolder, a JSONL file, and
    (``bad``) an empty file, a README and a JSONL line that is not JSON."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    sub = folder / "generated"
    sub.mkdir(exist_ok=True)
    for i in range(n_generated):
        (sub / f"g{i:03d}.txt").write_text(generated_text(i), encoding="utf-8")
    records = [
        {
            "id": f"j{i}",
            "title": f"JSON story {i}",
            "text": generated_text(100 + i),
            "date": f"2012-03-0{1 + i}",
        }
        for i in range(3)
    ]
    lines = [json.dumps(r) for r in records]
    if bad:
        lines.insert(1, "{this is not json")
        (folder / "empty.txt").write_text("", encoding="utf-8")
        (folder / "README.md").write_text("# about this corpus\n", encoding="utf-8")
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
