"""Stage 1, candidates: the parsed sentences of an article as frames, and every word that may be a cue.

A :class:`Frame` is one parsed sentence with the quotation spans around it. A cue candidate is any word whose
lemma the model learned as a cue head in PolNeAR or that the lexicon lists ("say", "according", "claim",
"support", "seem" ...), and the colon of a headline ("Rubio: I still believe ..."); each candidate carries the
features the cue model scores (:func:`cue_features`): the lemma, its dependency label, its children's labels
("has a clausal complement"), its subject, the quotation marks around it, its neighbours and whether it
stands inside what a listed reporting word above it reports ("said she *refused*": ``nested=True``).

>>> from analysis.parse import parse_text
>>> frame = Frame.of_doc(parse_text("Kim said the talks would resume."))
>>> [(c.text, c.head.dep_) for c in cue_candidates(frame)]
[('said', 'ROOT'), ('talks', 'nsubj')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import lexicon
from .model import cue_vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["Frame", "CueCandidate", "make_frames", "cue_candidates", "cue_features"]

_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN", "ADV", "PART", "SCONJ"})


@dataclass
class Frame:
    """One sentence: ``doc`` (spaCy; None when the sentence was not parsed), ``offset`` and ``end`` in the
    article ``text``, the quotation spans that overlap it, which of its tokens are inside quotation marks, its
    index and whether it is the headline."""

    doc: Doc | None
    offset: int
    end: int
    text: str
    index: int = 0
    quotes: list[tuple[int, int]] = field(default_factory=list)
    in_quote: list[bool] = field(default_factory=list)
    headline: bool = False

    @property
    def parsed(self) -> bool:
        """Whether the sentence has a dependency parse (past the parse budget or not a candidate: no)."""
        return self.doc is not None

    @classmethod
    def of_doc(
        cls,
        doc: Doc | None,
        offset: int = 0,
        index: int = 0,
        quotes=(),
        headline=False,
        text=None,
        end: int | None = None,
    ) -> Frame:
        """A frame for a Doc whose text starts at ``offset`` of the article ``text`` (quotes in article
        offsets) and ends at ``end`` (default: the end of the Doc's text); ``doc`` None makes an unparsed
        frame."""
        text = doc.text if text is None else text
        if end is None:
            end = offset + len(doc.text)
        spans = [(a, b) for a, b in quotes if a < end and b > offset]
        if doc is None:
            inside = []
        elif not spans:
            inside = [False] * len(doc)
        else:
            inside = _inside_flags(spans, (_token_starts(doc) + offset).tolist())
        return cls(doc, offset, end, text, index, spans, inside, headline)

    def span(self, token: Token) -> tuple[int, int]:
        """Article offsets of a token."""
        return self.offset + token.idx, self.offset + token.idx + len(token.text)

    def tokens_span(self, first: Token, last: Token) -> tuple[int, int]:
        """Article offsets from the start of ``first`` to the end of ``last``."""
        return self.offset + first.idx, self.offset + last.idx + len(last.text)


def _token_starts(doc: Doc):
    """The character offset of every token in its Doc (a numpy array; no Token objects are made)."""
    from spacy.attrs import IDX

    return doc.to_array(IDX).astype("int64")


def _inside_flags(spans: list[tuple[int, int]], positions: list[int]) -> list[bool]:
    """For sorted positions, whether each is inside one of the sorted, non-overlapping spans (one pass)."""
    out, k = [], 0
    for pos in positions:
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        out.append(k < len(spans) and spans[k][0] <= pos)
    return out


def make_frames(
    text: str,
    sentences: list[tuple[int, int, int]],
    docs: dict[int, Doc],
    qspans: list[tuple[int, int]],
    headline_ends: int = -1,
) -> list[Frame]:
    """Frames of the sentences ``(index, start, end)`` of ``text``; ``docs`` maps a sentence index to its
    parse
    (sentences without one get unparsed frames); ``headline_ends``: the end of the headline line, or -1."""
    starts = [a for a, _ in qspans]
    frames = []
    for index, s0, s1 in sentences:
        k = max(0, bisect.bisect_right(starts, s0) - 1)
        near = []
        while k < len(qspans) and qspans[k][0] < s1:
            if qspans[k][1] > s0:
                near.append(qspans[k])
            k += 1
        doc = docs.get(index)
        frames.append(Frame.of_doc(doc, s0, index, near, s1 <= headline_ends, text, s1))
    return frames


@dataclass
class CueCandidate:
    """A word that may be a reporting cue: its head token, the cue phrase's offsets and text, its features."""

    frame: Frame
    head: Token
    start: int
    end: int
    text: str
    features: list[str]
    probability: float = 0.0
    accepted: bool = False
    reason: str = ""


def _extension(head: Token) -> Token:
    """The last token of the cue phrase: particles and listed continuations ("according to", "put the
    number")."""
    doc, last = head.doc, head
    for child in head.children:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    for phrase in lexicon().cue_extensions.get(head.lemma_.lower(), ()):
        n = len(phrase)
        words = [t.lower_ for t in doc[last.i + 1 : last.i + 1 + n]]
        if words == list(phrase):
            return doc[last.i + n]
    return last


def is_candidate(token: Token, vocabulary: frozenset[str]) -> bool:
    """A word whose lemma is a known cue head (and a part of speech cues have), or a colon."""
    if token.text == ":":
        return True
    if token.pos_ not in _CUE_POS:
        return False
    lemma = token.lemma_.lower()
    return lemma in vocabulary or lemma in lexicon().cue_lemmas


@lru_cache(maxsize=8)
def _lemma_verdicts(vocabulary: frozenset[str]) -> dict[int, bool]:
    """Lemma hash -> whether the lemma may be a cue (filled as lemmas are met; one table per vocabulary)."""
    return {}


@lru_cache(maxsize=1)
def _pos_ids() -> frozenset[int]:
    from spacy.parts_of_speech import IDS

    return frozenset(IDS[p] for p in _CUE_POS)


def _candidate_indices(doc: Doc, vocabulary: frozenset[str]) -> list[int]:
    """The indices of the tokens :func:`is_candidate` accepts, read from the Doc's arrays."""
    from spacy.attrs import LEMMA, ORTH, POS

    strings = doc.vocab.strings
    verdicts = _lemma_verdicts(vocabulary)
    cue_lemmas = lexicon().cue_lemmas
    pos_ids = _pos_ids()
    colon = strings[":"]
    out = []
    for i, (lemma, pos, orth) in enumerate(doc.to_array([LEMMA, POS, ORTH]).tolist()):
        if orth == colon:
            out.append(i)
            continue
        if pos not in pos_ids:
            continue
        verdict = verdicts.get(lemma)
        if verdict is None:
            low = strings[lemma].lower()
            verdict = verdicts[lemma] = low in vocabulary or low in cue_lemmas
        if verdict:
            out.append(i)
    return out


def cue_candidates(frame: Frame, vocabulary: frozenset[str] | None = None) -> list[CueCandidate]:
    """Every cue candidate of a frame, in order, with its features."""
    vocab = cue_vocabulary() if vocabulary is None else vocabulary
    out: list[CueCandidate] = []
    if frame.doc is None:
        return out
    doc = frame.doc
    for i in _candidate_indices(doc, vocab):
        token = doc[i]
        last = _extension(token)
        start, end = frame.tokens_span(token, last)
        text = frame.text[start:end]
        out.append(CueCandidate(frame, token, start, end, text, cue_features(frame, token)))
    return out


def _near_quote(frame: Frame, token: Token) -> tuple[bool, bool]:
    """(a quotation ends within 3 tokens before the word, one starts within 3 tokens after it)."""
    pos = frame.offset + token.idx
    doc = token.doc
    lo = frame.offset + doc[max(0, token.i - 4)].idx
    hi = frame.offset + doc[min(len(doc) - 1, token.i + 4)].idx
    quotes = frame.quotes
    k = bisect.bisect_left(quotes, (lo, -1))
    before = after = False
    for a, b in quotes[max(0, k - 2) : k + 6]:
        before = before or lo <= b <= pos
        after = after or pos < a <= hi
    return before, after


def _nesting(token: Token, lem: str, limit: int = 4) -> list[str]:
    """Whether the word stands inside what a listed reporting word above it reports ("Kim said she *refused*
    to go": PolNeAR seldom annotates such nested cues), and by which lemma along which path."""
    path, node = [], token
    cues = lexicon().cue_lemmas
    for _ in range(limit):
        if node.head.i == node.i:
            break
        path.append(node.dep_)
        node = node.head
        if node.lemma_.lower() in cues:
            by = node.lemma_.lower()
            return [
                "nested=True",
                f"lem|nested={lem}|True",
                f"nested_by={by}",
                f"nested_path={'+'.join(path)}",
                f"nested_by|path={by}|{path[-1]}",
            ]
    return ["nested=False", f"lem|nested={lem}|False"]


def cue_features(frame: Frame, token: Token) -> list[str]:
    """Features of a cue candidate for the cue model."""
    lem = token.lemma_.lower()
    f = [f"lem={lem}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}"]
    f += [f"lem|dep={lem}|{token.dep_}", f"lem|tag={lem}|{token.tag_}"]
    for child in token.children:
        dep = child.dep_
        f += [f"child={dep}", f"lem|child={lem}|{dep}"]
        if dep in ("prep", "agent", "prt"):
            f += [f"prep={child.lower_}", f"lem|prep={lem}|{child.lower_}"]
        elif dep in ("nsubj", "nsubjpass"):
            f += [f"subj={child.pos_}", f"lem|subj={lem}|{child.pos_}"]
            if child.pos_ == "NOUN":
                f.append(f"subjlem={child.lemma_.lower()}")
        elif dep == "ccomp":
            marks = [g.lower_ for g in child.children if g.dep_ == "mark"]
            f.append(f"lem|ccomp_mark={lem}|{marks[0] if marks else '-'}")
        elif dep in ("dobj", "attr", "oprd"):
            f += [f"obj={child.lemma_.lower()}", f"lem|obj={lem}|{child.lemma_.lower()}"]
    deps = sorted({c.dep_ for c in token.children if c.dep_ not in ("punct", "det", "aux", "cc")})
    f.append(f"lem|deps={lem}|{'+'.join(deps[:5])}")
    head = token.head
    if head.i != token.i:
        f += [f"head_pos={head.pos_}", f"lem|head_dep={lem}|{head.dep_}", f"head_lem={head.lemma_.lower()}"]
    f += _nesting(token, lem)
    inside = frame.in_quote[token.i] if frame.in_quote else False
    before, after = _near_quote(frame, token)
    f += [f"inq={inside}", f"quote_before={before}", f"quote_after={after}", f"lem|inq={lem}|{inside}"]
    f += [f"lem|qb={lem}|{before}", f"lem|qa={lem}|{after}", f"sent_quotes={bool(frame.quotes)}"]
    doc = token.doc
    prev = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    f += [f"prev={prev}", f"next={nxt}", f"lem|next={lem}|{nxt}", f"lem|prev={lem}|{prev}"]
    if token.text == ":":
        where = "start" if token.i < 6 else ("end" if token.i >= len(doc) - 2 else "mid")
        f += [f"colon={where}", f"colon|headline={frame.headline}"]
    if frame.headline:
        f += ["headline", f"lem|headline={lem}"]
    return f
