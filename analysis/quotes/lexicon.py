"""The word lists of attribution, read once from ``analysis/data/quotes.toml`` (see the comments there).

>>> lex = lexicon()
>>> "say" in lex.cue_lemmas, lex.pronouns["she"], "media" in lex.type_words
(True, 'f', True)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["LEXICON_TOML", "Lexicon", "lexicon"]

LEXICON_TOML = Path(__file__).resolve().parent.parent / "data" / "quotes.toml"


@dataclass(frozen=True)
class Lexicon:
    """Lexicons of attribution (each field is one table of ``quotes.toml``)."""

    cue_lemmas: frozenset[str]
    cue_extensions: dict[str, tuple[tuple[str, ...], ...]]
    content_deps: frozenset[str]
    nominal_pos: frozenset[str]
    relative: frozenset[str]
    pronouns: dict[str, str]
    type_words: dict[str, tuple[str, ...]]
    state_media: tuple[str, ...]
    government_titles: frozenset[str]
    anonymity: tuple[str, ...]
    unnamed_heads: frozenset[str]
    unnamed_determiners: frozenset[str]
    line_patterns: tuple[re.Pattern[str], ...]
    verb_classes: dict[str, str]
    empty_contents: frozenset[str]


def _table(data: dict, path: str) -> dict:
    node = data
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            raise ConfigError(f"{LEXICON_TOML}: missing table or key {path!r}")
        node = node[key]
    return node


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicons, loaded once per process (a :class:`~analysis.errors.ConfigError` if the file is
    broken)."""
    try:
        with open(LEXICON_TOML, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{LEXICON_TOML}: cannot be read ({exc})") from exc
    types = _table(data, "types")
    order = ("media", "document", "expert", "activist", "government", "organization")
    return Lexicon(
        cue_lemmas=frozenset(_table(data, "cues.lemmas")),
        cue_extensions={
            k: tuple(tuple(p.split()) for p in v) for k, v in _table(data, "cues.extensions").items()
        },
        content_deps=frozenset(_table(data, "content.child_deps")),
        nominal_pos=frozenset(_table(data, "sources.nominal_pos")),
        relative=frozenset(_table(data, "sources.relative")),
        pronouns=dict(_table(data, "sources.pronouns")),
        type_words={k: tuple(types[k]) for k in order},
        state_media=tuple(types["state_media"]),
        government_titles=frozenset(types["government_titles"]),
        anonymity=tuple(_table(data, "anonymity.phrases")),
        unnamed_heads=frozenset(_table(data, "anonymity.unnamed_heads")),
        unnamed_determiners=frozenset(_table(data, "anonymity.unnamed_determiners")),
        line_patterns=tuple(re.compile(p, re.IGNORECASE) for p in _table(data, "lines.patterns")),
        verb_classes={w: k for k, words in _table(data, "verb_classes").items() for w in words},
        empty_contents=frozenset(_table(data, "content.empty")),
    )
