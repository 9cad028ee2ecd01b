"""Stage 3, spans: the candidate contents of an accepted cue, and the one the content model picks.

Candidates come from the parse and the quotation marks: the subtree of each complement of the cue ("said *that
the talks would resume*", "wants *to build a wall*", "called *defectors "human scum"*"), the same cut before
each of its trailing dependents ("said *that X*, though Y"), the object of a preposition or clause hanging
from it ("wrote a letter on *preparing her daughter*"), the quotations in the sentence (each one and all of
them together: ``"A," he said, "B."`` is one content), the clause the cue hangs from ("*Prices will rise*,
according to the ministry"), the rest of the sentence after the cue or before its subject, and the quotation
or sentence next to it across a sentence break (``“I’m honored!” | she said.``, ``Cruz continued: |
“...”``), and the subject with the open complement around a raising cue ("*The birth* is expected *to
coincide*"). Every candidate's edges are trimmed of spaces and of punctuation outside quotation marks. The
content model sees each candidate's kind, side, length, quotation marks, first word and the words just
outside its edges ("said *X*, because ...": ``next=,``) and which other complements the cue has (a direct
object loses to a clausal complement: ``kind|has=child:dobj|ccomp``).

>>> from analysis.parse import parse_text
>>> from analysis.quotes.candidates import Frame, cue_candidates
>>> frame = Frame.of_doc(parse_text("Kim said that the talks would resume."))
>>> cue = cue_candidates(frame)[0]
>>> [(c.kind, c.text, c.features[-1]) for c in content_candidates(cue, [frame], 0)]
[('child:ccomp', 'that the talks would resume', 'also=after')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import lexicon
from .marks import QUOTE_MARKS, has_quote_mark

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .candidates import CueCandidate, Frame

__all__ = ["ContentCandidate", "content_candidates", "content_features", "edge_words", "trim"]

_EDGE_PUNCT = " \t\n,.;:—–-()[]"
_OPEN_MARKS = '“«„"'


@dataclass
class ContentCandidate:
    """A possible content of a cue: ``kind`` says where it comes from ("child:ccomp", "quote", "head" ...)."""

    kind: str
    start: int
    end: int
    text: str
    features: list[str] = field(default_factory=list)
    score: float = 0.0


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without surrounding spaces and punctuation (closing quotation marks are kept, and a
    trailing comma or full stop just inside a closing quotation mark stays with the quotation)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end > start and text[start] in QUOTE_MARKS and text[end - 1] not in QUOTE_MARKS:
        # an opening mark whose closing mark was cut by the sentence boundary: keep what follows as is
        pass
    return start, end


#: Sentences longer than this (tokens) take subtrees as the span between their edges (see ``_edge_span``).
LONG_SENTENCE_TOKENS = 400


def _edge_span(frame: Frame, token: Token, exclude: Token | None) -> tuple[int, int] | None:
    """:func:`_subtree_span` from the subtrees' edges in constant time (exact for projective subtrees): for
    sentences of thousands of tokens, where walking every subtree of every candidate is quadratic."""
    first, last = token.left_edge.i, token.right_edge.i
    if exclude is not None and first <= exclude.left_edge.i and exclude.right_edge.i <= last:
        before = exclude.left_edge.i - first
        after = last - exclude.right_edge.i
        if before >= after:
            last = exclude.left_edge.i - 1
        else:
            first = exclude.right_edge.i + 1
        if before == after == 0:
            return None
    doc = token.doc
    return frame.tokens_span(doc[first], doc[last])


def _subtree_span(frame: Frame, token: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    """Article offsets of a token's subtree, or of its part on the far side of ``exclude``'s subtree."""
    if len(token.doc) > LONG_SENTENCE_TOKENS:
        return _edge_span(frame, token, exclude)
    tokens = list(token.subtree)
    if exclude is not None:
        banned = {t.i for t in exclude.subtree}
        tokens = [t for t in tokens if t.i not in banned]
        side_before = [t for t in tokens if t.i < exclude.i]
        side_after = [t for t in tokens if t.i > exclude.i]
        tokens = side_before if len(side_before) >= len(side_after) else side_after
    if not tokens:
        return None
    return frame.tokens_span(tokens[0], tokens[-1])


def _quote_candidates(cue: CueCandidate, frames: list[Frame], at: int) -> list[tuple[str, int, int]]:
    frame = frames[at]
    out = [("quote", a, b) for a, b in frame.quotes if not a <= cue.start < b]
    if len(out) > 1:
        out.append(("quotes", out[0][1], out[-1][2]))
    if not out and at > 0 and cue.head.i <= 4:
        prev = frames[at - 1]
        gap = frame.text[prev.end : frame.offset]
        if "\n" not in gap and prev.quotes and prev.quotes[-1][1] >= prev.end - 2:
            out.append(("prev-quote", prev.quotes[-1][0], prev.quotes[-1][1]))
    if at + 1 < len(frames) and cue.end >= frame.end - 3:
        nxt = frames[at + 1]
        if nxt.offset - frame.end < 4:
            out.append(("next-sentence", nxt.offset, nxt.end))
            if nxt.quotes:
                out.append(("next-quote", nxt.quotes[0][0], nxt.quotes[0][1]))
    return out


def _children_spans(cue: CueCandidate, frame: Frame) -> list[tuple[str, int, int]]:
    """Each complement's subtree, the same without its last dependent ("that X, though Y" -> "that X"), and
    runs of consecutive complements on one side of the cue ("*Trump's remarks as "hurtful"*")."""
    deps = lexicon().content_deps
    kids = [
        c for c in cue.head.children if c.dep_ in deps and not cue.start <= frame.offset + c.idx < cue.end
    ]
    out = []
    for child in kids:
        tokens = list(child.subtree)
        out.append((f"child:{child.dep_}", *frame.tokens_span(tokens[0], tokens[-1])))
        trailing = [g for g in child.children if g.i > child.i and g.dep_ in _TRAILING]
        for g in reversed(trailing):  # the last trailing dependent first (its kind keeps its name)
            kept = [t for t in tokens if t.i < g.left_edge.i]
            if kept:
                out.append((f"cut:{child.dep_}-{g.dep_}", *frame.tokens_span(kept[0], kept[-1])))
        for g in child.children:  # "a letter *on preparing her daughter*", "a statement *that* ..."
            if g.i > child.i and g.dep_ in ("prep", "acl", "relcl"):
                for inner in g.children:
                    if inner.dep_ in ("pobj", "pcomp", "ccomp"):
                        sub = list(inner.subtree)
                        out.append((f"inner:{child.dep_}-{g.dep_}", *frame.tokens_span(sub[0], sub[-1])))
        if child.dep_ in ("prep", "agent"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    sub = list(grand.subtree)
                    out.append((f"pobj:{child.lower_}", *frame.tokens_span(sub[0], sub[-1])))
    right = [c for c in kids if c.i > cue.head.i]
    for n in range(2, len(right) + 1):
        first, last = right[0].left_edge, right[n - 1].right_edge
        out.append((f"run:{n}", *frame.tokens_span(first, last)))
    subjects = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.head.i]
    for comp in (c for c in right if c.dep_ in ("xcomp", "oprd")):
        # "*The birth* is expected *to coincide with ...*": PolNeAR's content is both pieces around the cue
        for subj in subjects:
            out.append((f"around:{comp.dep_}", *frame.tokens_span(subj.left_edge, comp.right_edge)))
    return out


_TRAILING = frozenset({"conj", "advcl", "relcl", "appos", "prep", "npadvmod", "acl", "parataxis", "cc"})


def _parse_candidates(cue: CueCandidate, frame: Frame) -> list[tuple[str, int, int]]:
    head = cue.head
    out = _children_spans(cue, frame)
    if head.head.i != head.i:
        span = _subtree_span(frame, head.head, exclude=head)
        if span:
            out.append((f"head:{head.dep_}", *span))
        whole = _subtree_span(frame, head.head)
        if whole:
            out.append((f"head-all:{head.dep_}", *whole))
        root = next(t for t in head.ancestors if t.head.i == t.i)
        span = _subtree_span(frame, root, exclude=head)
        if span:
            out.append(("root-cue", *span))
        if root.i != head.head.i:
            branch = next(t for t in [head, *head.ancestors] if t.head.i == root.i)
            span = _subtree_span(frame, root, exclude=branch)
            if span:
                out.append(("root", *span))
    last = _last_cue_token(cue)
    if last.i + 1 < len(frame.doc):
        out.append(("after", frame.offset + frame.doc[last.i + 1].idx, frame.end))
    if head.i > 0:
        first = min([head.i, *(c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))])
        first = min([first, *(t.i for c in head.children if c.dep_ == "nsubj" for t in c.subtree)])
        if first > 0:
            out.append(("before", frame.offset, frame.offset + frame.doc[first].idx))
    return out


def _last_cue_token(cue: CueCandidate) -> Token:
    doc = cue.head.doc
    for t in doc[cue.head.i :]:
        if cue.frame.offset + t.idx + len(t.text) >= cue.end:
            return t
    return cue.head


def content_candidates(
    cue: CueCandidate, frames: list[Frame], at: int, others: list[int] = ()
) -> list[ContentCandidate]:
    """The candidate contents of ``cue`` (in ``frames[at]``), trimmed, without duplicates, with features
    (``others``: the offsets of the other cues in the sentence)."""
    frame = frames[at]
    raw = _parse_candidates(cue, frame) if frame.parsed else []
    raw += _quote_candidates(cue, frames, at)
    seen: dict[tuple[int, int], ContentCandidate] = {}
    for kind, a, b in raw:
        a, b = _trim_in(frames, a, b)
        if b <= a or (a <= cue.start and cue.end <= b and not kind.startswith(("head", "root", "around"))):
            continue
        if (a, b) in seen:
            seen[(a, b)].features.append(f"also={kind}")
            continue
        cand = ContentCandidate(kind, a, b, frame.text[a:b])
        cand.features = content_features(cue, cand, [o for o in others if o != cue.start])
        seen[(a, b)] = cand
    return list(seen.values())


def _trim_in(frames: list[Frame], a: int, b: int) -> tuple[int, int]:
    return trim(frames[0].text, a, b)


def _length_bucket(n: int) -> str:
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (31, "16-31")):
        if n <= limit:
            return name
    return "32+"


def content_features(cue: CueCandidate, cand: ContentCandidate, others: list[int] = ()) -> list[str]:
    """Features of a content candidate for the content model (``others``: offsets of the other cues of the
    sentence)."""
    lem = cue.head.lemma_.lower()
    kind = cand.kind
    words = cand.text.split()
    first = words[0].lower().strip(_OPEN_MARKS) if words else ""
    starts_q = cand.text[:1] in QUOTE_MARKS or cand.text.startswith("''")
    ends_q = cand.text[-1:] in QUOTE_MARKS or cand.text.endswith("''")
    quoted = has_quote_mark(cand.text)
    side = "before" if cand.end <= cue.start else ("after" if cand.start >= cue.end else "around")
    size = _length_bucket(len(words))
    f = [f"kind={kind}", f"lem|kind={lem}|{kind}", f"side={side}", f"kind|side={kind}|{side}"]
    f += [f"first={first}", f"kind|first={kind}|{first}", f"len={size}", f"kind|len={kind}|{size}"]
    f += [f"q={starts_q}{ends_q}{quoted}", f"kind|q={kind}|{starts_q}{ends_q}{quoted}"]
    f += [f"lem|q={lem}|{quoted}", f"lem|side={lem}|{side}", f"lem|first={lem}|{first}"]
    f.append(f"cue_inq={cue.frame.in_quote[cue.head.i] if cue.frame.in_quote else False}")
    inner = [o for o in others if cand.start <= o < cand.end]
    f += [f"inner_cue={bool(inner)}", f"kind|inner_cue={kind}|{bool(inner)}"]
    if cand.end >= cue.frame.end - 2:
        f.append(f"to_end|kind={kind}")
    before, after = edge_words(cue.frame.text, cand.start, cand.end, cue.frame.offset, cue.frame.end)
    f += [f"prev={before}", f"next={after}", f"kind|prev={kind}|{before}", f"kind|next={kind}|{after}"]
    f += [f"lem|next={lem}|{after}"]
    # what else the cue offers: a direct object loses to a clausal complement ("told reporters that ...")
    rivals = sorted({c.dep_ for c in cue.head.children if c.dep_ in _RIVAL_DEPS})
    f += [f"kind|has={kind}|{dep}" for dep in rivals]
    f.append(f"kind|rivals={kind}|{'+'.join(rivals)}")
    return f


_RIVAL_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "advcl", "oprd", "attr", "acomp", "dative", "parataxis"}
)


_WORD_OR_MARK = re.compile(r"[^\W_]+|\S")


def edge_words(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str, str]:
    """The word (or punctuation mark) just before ``start`` and just after ``end`` within ``text[lo:hi]``,
    lower-cased ("<s>" / "</s>" at the sentence's edges, closing punctuation included).

    >>> edge_words("He said it was over, and left.", 8, 19, 0, 30)
    ('said', ',')
    """
    left = _WORD_OR_MARK.findall(text[max(lo, start - 40) : start])
    right = _WORD_OR_MARK.findall(text[end : min(hi, end + 40)])
    after = right[0].lower() if right and text[end:hi].strip(" .!?\n\"”’'") else "</s>"
    return (left[-1].lower() if left else "<s>"), after
