"""From decided attributions to :class:`Quote` records: speakers resolved, typed, placed in the article.

>>> from analysis.quotes import extract_quotes
>>> [(q.kind, q.cue, q.speaker, q.speaker_type) for q in extract_quotes('"We will win," Kim Sung-joo said.')]
[('direct', 'said', 'Kim Sung-joo', 'person')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..names import gender_of, titles_in
from .attribution import Attribution
from .lexicon import lexicon
from .resolve import Resolver, Speaker
from .sourcetypes import classify, speaks_for
from .speakers import appositive_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .candidates import Frame

__all__ = ["Quote", "antecedent", "build_quotes", "verb_class"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass
class Quote:
    """One attribution: ``text == input[start:end]``; offsets are characters, end exclusive."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    cue: str
    cue_start: int
    cue_end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_type: str
    affiliation: str | None
    anonymous: bool
    mention: str | None = None  # the speaker mention as written ("he", "the report", "Kim")
    paragraph: int = 0
    position: float = 0.0  # relative position of the content start in the text, 0..1
    #: what the cue reports: "speech", "thought", "intention", "stance", "inference" or "other"
    verb_class: str = "speech"
    #: the government the source speaks for (its affiliation when it is a government voice), or None
    speaks_for: str | None = None
    #: the cue model's probability
    confidence: float = 0.0
    #: why: the cue, content and source decisions with their strongest features
    reason: str = ""

    @property
    def words(self) -> int:
        """Number of words in the reported content."""
        return len(_WORD.findall(self.text))


def verb_class(head: Token) -> str:
    """What a cue reports, from its head's lemma (``[verb_classes]`` in ``quotes.toml``)."""
    lem = head.lemma_.lower()
    found = lexicon().verb_classes.get(lem)
    if found:
        return found
    return "other" if head.pos_ in ("NOUN", "ADJ") else "speech"


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Sanders, *who* said"), the one "self" describes ("Sanders, a
    *self*-described socialist": PolNeAR marks "self" as the source), or the name a description is apposed
    to ("Harry Reid, *the minority leader*, said"); else the token itself."""
    if token.lower_ in lexicon().relative and token.head.dep_ == "relcl":
        return token.head.head
    if token.lower_ == "self" and token.head.dep_ in ("amod", "acl") and token.head.head.i != token.head.i:
        token = token.head.head  # "a senator and self-described socialist": the first of the conjuncts
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
    if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN":
        return token.head  # "Senator Harry Reid, *the minority leader*, said": the name apposed
    return token


def _mention(frame: Frame, token: Token) -> tuple[int, int, str]:
    from .speakers import mention_tokens

    first, last = mention_tokens(token)
    start, end = frame.tokens_span(first, last)
    return start, end, frame.text[start:end]


@lru_cache(maxsize=1)
def _proper_tags() -> tuple[int, int]:
    from spacy.strings import hash_string

    return hash_string("NNP"), hash_string("NNPS")


#: a run of capitalised words (or initials) in an unparsed sentence: "Hillary Clinton", "John F. Kerry"
_NAME_WORD = r"(?:[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'’][A-Za-zÀ-ÿ]+)*|[A-Z]\.)"
_CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:[ ]+{_NAME_WORD})+")


def _surface_names(frame: Frame, resolver: Resolver) -> None:
    """Names in a sentence the prefilter left unparsed: capitalised runs whose gender is known (an honorific
    or a given name: "Hillary Clinton", not "In Washington"), so later pronouns and short forms find them."""
    for m in _CAPITALISED_RUN.finditer(frame.text, frame.offset, frame.end):
        if gender_of(m.group()) is not None:
            resolver.add_name(m.group(), m.start())


def _person_names(frames: list[Frame], resolver: Resolver) -> None:
    """Feed the proper-noun runs of the parsed sentences (capitalised runs naming a person in the unparsed
    ones) to the name index (for "Kim" -> "Kim Sung-joo"); read from the Doc's arrays (words: tokens joined
    by no whitespace)."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, SPACY, TAG

    proper = _proper_tags()
    for frame in frames:
        if frame.headline:
            continue
        if frame.doc is None:
            _surface_names(frame, resolver)
            continue
        doc = frame.doc
        text = frame.text
        rows = doc.to_array([TAG, SPACY, IDX, IS_PUNCT, LENGTH]).tolist()
        words: list[list[int]] = []
        for i in range(len(rows)):
            if words and not rows[words[-1][-1]][1]:
                words[-1].append(i)
            else:
                words.append([i])
        run: list[list[int]] = []
        for word in [*words, None]:
            if word is not None:
                tag, _, idx, _, _ = rows[word[0]]
                if tag in proper and text[frame.offset + idx : frame.offset + idx + 1].isupper():
                    run.append(word)
                    continue
            if len(run) >= 2:
                last = [i for i in run[-1] if not rows[i][3]] or run[-1]
                start = frame.offset + rows[run[0][0]][2]
                end = frame.offset + rows[last[-1]][2] + rows[last[-1]][4]
                resolver.add_name(frame.text[start:end], start)
            run = []


def build_quotes(
    text: str, frames: list[Frame], found: list[Attribution], paragraphs: list[int]
) -> list[Quote]:
    """The Quote records of decided attributions (``paragraphs``: start offsets of the text's paragraphs)."""
    resolver = Resolver()
    _person_names(frames, resolver)
    out = []
    n = max(1, len(text))
    for a in found:
        speaker = _speaker(a, resolver)
        content = text[a.start : a.end]
        out.append(
            Quote(
                text=content,
                start=a.start,
                end=a.end,
                kind=a.kind,
                cue=a.cue.text,
                cue_start=a.cue.start,
                cue_end=a.cue.end,
                position=a.start / n,
                paragraph=max(0, bisect.bisect_right(paragraphs, a.start) - 1),
                verb_class=verb_class(a.cue.head),
                confidence=round(a.cue.probability, 4),
                reason=f"cue: {a.cue.reason}; content: {a.content_reason}; source: {a.source_reason}",
                **speaker,
            )
        )
    return out


def _speaker(a: Attribution, resolver: Resolver) -> dict:
    token = a.source.token
    none = {
        "speaker": None,
        "speaker_start": None,
        "speaker_end": None,
        "speaker_type": "unknown",
        "affiliation": None,
        "anonymous": False,
        "mention": None,
        "speaks_for": None,
    }
    if token is None:
        return none
    frame = a.cue.frame
    start, end, mention = a.source.start, a.source.end, a.source.text
    head = antecedent(token)
    if head.i != token.i:
        _, _, mention_for_type = _mention(frame, head)
    else:
        mention_for_type = mention
    appositive = appositive_of(head)
    entity = head.ent_type_ if frame.doc.has_annotation("ENT_IOB") else ""
    kind, affiliation, anonymous, why = classify(
        mention_for_type, appositive, entity, frame.text[frame.offset : frame.end], head.lower_
    )
    proper = head.tag_ in ("NNP", "NNPS") or any(
        c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and c.i < head.i for c in head.children
    )
    person = proper and (kind in ("person", "expert") or bool(titles_in(mention_for_type)))
    name, inherited_type, inherited_aff = resolver.resolve(mention_for_type, head.lower_, start, person)
    if (
        appositive
        and _is_name(appositive)
        and mention_for_type.lower().startswith(("the ", "its ", "their "))
    ):
        name = appositive.strip(" ,")
    if inherited_type and (mention_for_type.lower() in lexicon().pronouns or kind in ("person", "unknown")):
        kind = inherited_type if not anonymous else kind
    affiliation = affiliation or inherited_aff
    if name:
        resolver.remember(Speaker(name, kind, affiliation, head.lower_, start, head.tag_ in ("NNS", "NNPS")))
    return {
        "speaker": name,
        "speaker_start": start,
        "speaker_end": end,
        "speaker_type": kind,
        "affiliation": affiliation,
        "anonymous": anonymous,
        "mention": mention,
        "speaks_for": speaks_for(kind, affiliation, mention_for_type),
    }


def _is_name(text: str) -> bool:
    from ..names import parse_name

    parsed = parse_name(text.strip(" ,"))
    return parsed is not None and parsed.is_full and parsed.name == text.strip(" ,.")
