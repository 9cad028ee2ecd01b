"""Stage 4, speakers: the candidate sources of a cue, the one the source model picks, and its mention.

Candidates are the heads of the sentence's noun phrases (nouns, names, pronouns) outside the chosen content,
plus "none" (PolNeAR leaves about one attribution in twelve without a source: "is expected to", "seems").
The source model scores each by its dependency path from the cue ("↓nsubj" for "Kim said", "↓prep↓pobj"
for "according to the ministry", "↑conj↓nsubj" for "refused to answer but said", "↑relcl" for "Sanders,
who said"), its part of speech, its word when it is a pronoun or a common noun, and where it stands. The
mention is the noun phrase around the chosen head (determiners, modifiers, compounds, a prepositional phrase
of a common noun: "An official at Seoul's Foreign Ministry"), without appositives or relative clauses; its
appositive is kept apart for the speaker type ("Kim Sung-joo, *a professor at Seoul's Sungkyunkwan
University*").

>>> from analysis.parse import parse_text
>>> from analysis.quotes.candidates import Frame, cue_candidates
>>> frame = Frame.of_doc(parse_text("An official at the ministry said talks would resume."))
>>> cue = cue_candidates(frame)[0]
>>> [(c.text, c.features[0]) for c in source_candidates(cue, None)][:2]
[('none', 'none'), ('An official at the ministry', 'path=↓nsubj')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .candidates import CueCandidate, Frame
    from .spans import ContentCandidate

__all__ = [
    "SourceCandidate",
    "source_candidates",
    "dep_path",
    "mention_tokens",
    "appositive_of",
    "cue_subjects",
]

_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "npadvmod"})
_LEFT_DEPS |= {"predet", "advmod", "punct", "flat", "prep"}
_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "case"})
_NOT_HEAD_DEPS = frozenset({"compound", "flat", "case"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NEVER_SUBJECT_POS = frozenset({"PUNCT", "SPACE", "SYM", "AUX", "PART", "CCONJ", "SCONJ"})
#: sources are looked for this many tokens either side of the cue (keeps long sentences linear)
WINDOW = 40


@dataclass
class SourceCandidate:
    """A possible source: ``token`` (None for "none"), the mention's offsets and text, features."""

    token: Token | None
    start: int | None
    end: int | None
    text: str
    features: list[str] = field(default_factory=list)
    score: float = 0.0


def dep_path(a: Token, b: Token, limit: int = 4, up: list | None = None) -> str:
    """The dependency path from ``a`` to ``b``: "↑" + label for each step up, "↓" + label down ("long");
    ``up``: ``[a, *a.ancestors]`` when already known."""
    up = [a, *a.ancestors] if up is None else up
    index = {t.i: n for n, t in enumerate(up)}
    down = []
    node = b
    while node.i not in index:
        down.append(node.dep_)
        if node.head.i == node.i:
            return "none"
        node = node.head
    steps = [f"↑{t.dep_}" for t in up[: index[node.i]]] + [f"↓{d}" for d in reversed(down)]
    return "".join(steps) if len(steps) <= limit else "long"


def mention_tokens(head: Token) -> tuple[Token, Token]:
    """First and last token of the noun phrase a source head stands for (no appositive, no relative
    clause; a quantity keeps its "of" phrase: "Most of the delegates")."""
    keep = [head]
    noun = head.pos_ == "NOUN"
    quantity = head.pos_ in ("ADJ", "NUM", "DET", "PRON")
    for child in head.children:
        if child.i < head.i and child.dep_ in _LEFT_DEPS and child.dep_ != "punct":
            keep += list(child.subtree)
        elif child.i > head.i and (
            child.dep_ in _RIGHT_DEPS
            or (noun and child.dep_ == "prep")
            or (quantity and child.dep_ == "prep" and child.lower_ == "of")  # "many *of them*"
        ):
            keep += list(child.subtree)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    doc = head.doc
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi > head.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo], doc[hi]


def appositive_of(head: Token) -> str:
    """The text of the source's appositive ("Kim Sung-joo, *a professor at ...*"), or ""."""
    for child in head.children:
        if child.dep_ == "appos":
            tokens = list(child.subtree)
            return head.doc[tokens[0].i : tokens[-1].i + 1].text
    return ""


def cue_subjects(head: Token) -> list[int]:
    """Indices of the cue's subjects that are not nouns by their tag, which the noun-phrase heads miss: a
    quantifier or adjective ("*Many* speculated", "*Most* believe", "*the poor* had decided"), a name the
    tagger took for a verb or a preposition ("*From* said"); and the names the parser compounded with the cue
    (mostly when the tagger took it for a noun: "*Bozell* notes", "*records* show", "Ben *Carson* Slams").

    >>> from analysis.parse import parse_text
    >>> doc = parse_text("Many speculated that he might fail.")
    >>> [doc[i].text for i in cue_subjects(doc[1])]
    ['Many']
    """
    nominal = lexicon().nominal_pos
    out = [
        c.i
        for c in head.children
        if c.dep_ in _SUBJECT_DEPS
        and c.pos_ not in nominal
        and c.pos_ not in _NEVER_SUBJECT_POS
        and c.text[:1].isalnum()  # not a clitic ("he*'s* said")
    ]
    out += [c.i for c in head.children if c.dep_ == "compound" and c.i < head.i]
    return out


def _is_head(token: Token) -> bool:
    if token.pos_ not in lexicon().nominal_pos:
        return token.lower_ in lexicon().relative and token.tag_ in ("WP", "WDT")
    return token.dep_ not in _NOT_HEAD_DEPS


@lru_cache(maxsize=1)
def _head_ids() -> tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]:
    """Hashes of the nominal parts of speech, the non-head labels, the relative pronouns and their tags."""
    from spacy.parts_of_speech import IDS
    from spacy.strings import hash_string

    lex = lexicon()
    return (
        frozenset(IDS[p] for p in lex.nominal_pos),
        frozenset(hash_string(d) for d in _NOT_HEAD_DEPS),
        frozenset(hash_string(w) for w in lex.relative),
        frozenset(hash_string(t) for t in ("WP", "WDT")),
    )


def _head_indices(doc, lo: int, hi: int) -> list[int]:
    """The indices in ``lo:hi`` of the tokens :func:`_is_head` accepts, read from the Doc's arrays."""
    from spacy.attrs import DEP, LOWER, POS, TAG

    nominal, not_head, relative, wh_tags = _head_ids()
    out = []
    for i, (pos, dep, lower, tag) in enumerate(doc[lo:hi].to_array([POS, DEP, LOWER, TAG]).tolist(), lo):
        if pos in nominal:
            if dep not in not_head:
                out.append(i)
        elif lower in relative and tag in wh_tags:
            out.append(i)
    return out


def _next_to(cue: Token, first: Token, last: Token) -> str:
    """ "before" when the mention ends just before the cue (commas, dashes, adverbs and auxiliaries
    between: "Senator Harry Reid, the minority leader, said"), "after" when it starts just after it ("said
    Kim", "says the ministry"), else ""."""
    doc = cue.doc
    if last.i < cue.i:
        between = doc[last.i + 1 : cue.i]
        side = "before"
    elif first.i > cue.i:
        between = doc[cue.i + 1 : first.i]
        side = "after"
    else:
        return ""
    if all(t.is_punct or t.pos_ in ("ADV", "AUX", "PART") for t in between) and len(between) <= 4:
        return side
    return ""


def _dateline(token: Token) -> bool:
    """Whether the token is a dateline's place ("WASHINGTON —", "RANGOON, Burma -"): capital letters at the
    start of the sentence, followed by a dash or a comma."""
    if token.i > 3 or not token.text.isupper() or len(token.text) < 3:
        return False
    after = token.doc[token.i + 1 : token.i + 5]
    return any(t.text in ("—", "–", "-", "―", "--", ",") for t in after)


def _features(
    cue: CueCandidate,
    token: Token,
    content: ContentCandidate | None,
    up: list | None = None,
    span: tuple[Token, Token] | None = None,
    has_subj: bool = True,
) -> list[str]:
    lem = cue.head.lemma_.lower()
    path = dep_path(cue.head, token, up=up)
    side = "before" if token.i < cue.head.i else "after"
    gap = abs(token.i - cue.head.i)
    dist = "1" if gap <= 1 else "2-3" if gap <= 3 else "4-8" if gap <= 8 else "9+"
    word = token.lower_ if token.pos_ == "PRON" or token.tag_ in ("WP", "WDT") else token.pos_
    if token.pos_ == "NOUN":
        word = f"noun:{token.lemma_.lower()}"
    f = [f"path={path}", f"lem|path={lem}|{path}", f"pos={token.pos_}", f"path|pos={path}|{token.pos_}"]
    f += [f"dep={token.dep_}", f"word={word}", f"path|word={path}|{word}", f"side={side}", f"dist={dist}"]
    f += [f"side|dist={side}|{dist}", f"tag={token.tag_}", f"cue_dep={cue.head.dep_}"]
    f.append(f"cap={token.text[:1].isupper()}")
    f += [f"cue_subj|side={has_subj}|{side}", f"cue_subj|dep={has_subj}|{token.dep_}"]
    first, last = span if span is not None else (token, token)
    near = _next_to(cue.head, first, last)
    if near:
        f += [f"next_to={near}", f"next_to|cue_subj={near}|{has_subj}", f"next_to|pos={near}|{token.pos_}"]
    if _dateline(token):
        f.append("dateline")
    if cue.frame.in_quote and cue.frame.in_quote[token.i]:
        f.append("in_quote")
    if content is not None and content.start <= cue.frame.offset + token.idx < content.end:
        f.append("in_content")
    return f


def _has_quote(content: ContentCandidate) -> bool:
    from .marks import has_quote_mark

    return has_quote_mark(content.text)


def source_candidates(cue: CueCandidate, content: ContentCandidate | None) -> list[SourceCandidate]:
    """ "none" and every noun-phrase head of the cue's sentence outside the content, with features."""
    frame: Frame = cue.frame
    lem = cue.head.lemma_.lower()
    has_subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.head.children)
    none = ["none", f"none|lem={lem}", f"none|dep={cue.head.dep_}", f"none|tag={cue.head.tag_}"]
    none += [f"none|subj={has_subj}", f"none|lem|subj={lem}|{has_subj}", f"none|headline={frame.headline}"]
    out = [SourceCandidate(None, None, None, "none", none)]
    if not frame.parsed:
        return out
    doc = frame.doc
    head = cue.head
    lo, hi = max(0, head.i - WINDOW), min(len(doc), head.i + WINDOW + 1)
    # the cue's own objects: "according to *the campaign*", "backed by *the unions*"
    own_spans = [(c.left_edge.i, c.right_edge.i) for c in head.children if c.dep_ in ("prep", "agent")]
    cue_left, cue_right = head.left_edge.i, head.right_edge.i
    quoted_content = content is not None and _has_quote(content)
    up = [head, *head.ancestors]
    for i in sorted({*_head_indices(doc, lo, hi), *cue_subjects(head)}):
        if i == head.i:
            continue
        token = doc[i]
        pos = frame.offset + token.idx
        quoted = bool(frame.in_quote) and frame.in_quote[i]
        own = any(a <= i <= b for a, b in own_spans)
        inside = content is not None and content.start <= pos < content.end
        if inside and content.start <= cue.start < content.end:  # "X, Palmieri says, Y": keep the cue's words
            inside = not cue_left <= i <= cue_right
        if inside and not own and (quoted or not quoted_content):
            continue
        first, last = mention_tokens(token)
        start, end = frame.tokens_span(first, last)
        text = frame.text[start:end]
        features = _features(cue, token, content, up, (first, last), has_subj)
        out.append(SourceCandidate(token, start, end, text, features))
    return out
