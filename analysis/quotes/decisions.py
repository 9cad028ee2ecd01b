"""Stage 2, decisions: which cue candidates are cues, which content and which source each one gets, and why.

Each decision is a linear model's (:mod:`.model`); its reason is the strongest features that pushed it
("lem=say +3.1, child=ccomp +1.2"). A cue is kept when the cue model's probability reaches its threshold,
it has a content, and it is not part of another kept cue's phrase.

>>> from analysis.parse import parse_text
>>> from analysis.quotes.candidates import Frame, cue_candidates
>>> frame = Frame.of_doc(parse_text("Kim said the talks would resume."))
>>> [(c.text, c.accepted) for c in decide_cues(cue_candidates(frame))]
[('said', True), ('talks', False)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import lexicon
from .model import LinearModel, load_models

if TYPE_CHECKING:  # pragma: no cover
    from .candidates import CueCandidate

__all__ = ["decide_cues", "reason", "best"]


#: context features every candidate has (shown only when nothing more telling weighs in)
_GENERIC = ("inq=", "quote_before=", "quote_after=", "sent_quotes=", "cue_inq=")


def reason(model: LinearModel, features: list[str], n: int = 3) -> str:
    """The strongest telling features of a decision, as text ("lem=say +3.10, child=ccomp +1.20")."""
    telling = [f for f in features if not f.startswith(_GENERIC)] or features
    return ", ".join(f"{f} {w:+.2f}" for f, w in model.strongest(telling, n))


def decide_cues(
    cues: list[CueCandidate], model: LinearModel | None = None, explain: bool = True
) -> list[CueCandidate]:
    """Score every candidate; accept those at or above the model's threshold (in place, and returned).
    Every candidate gets its reason when ``explain``, else only the accepted ones."""
    model = model or load_models()["cue"]
    for cue in cues:
        cue.probability = model.probability(cue.features)
        cue.accepted = cue.probability >= model.threshold
        if cue.accepted or explain:
            verdict = "cue" if cue.accepted else "not a cue"
            cue.reason = f"{verdict} (p={cue.probability:.2f}; {reason(model, cue.features)})"
        _rules(cue)
    taken: list[tuple[int, int]] = []
    for cue in sorted((c for c in cues if c.accepted), key=lambda c: -c.probability):
        if any(a <= cue.start < b or cue.start <= a < cue.end for a, b in taken):
            cue.accepted = False
            cue.reason = "part of a stronger cue's phrase"
            continue
        taken.append((cue.start, cue.end))
    return cues


def _rules(cue: CueCandidate) -> None:
    """The rules kept around the model: a listed phrasal cue ("put the number", "played down") is a cue; a
    verb inside an anonymity phrase ("who asked not to be named") is not."""
    lex = lexicon()
    phrases = lex.cue_extensions.get(cue.head.lemma_.lower(), ())
    if not cue.accepted and " " in cue.text and any(cue.text.lower().endswith(" ".join(p)) for p in phrases):
        cue.accepted = True
        cue.reason = f"cue (a listed phrasal cue {cue.text!r}; p={cue.probability:.2f})"
    if cue.accepted:
        low = cue.frame.text[cue.frame.offset : cue.frame.end].lower()
        pos = cue.start - cue.frame.offset
        for phrase in lex.anonymity:
            at = low.find(phrase)
            while at >= 0:
                if at <= pos < at + len(phrase):
                    cue.accepted = False
                    cue.reason = f"not a cue (part of the anonymity phrase {phrase!r})"
                    return
                at = low.find(phrase, at + 1)


def best(candidates: list, model: LinearModel):
    """The highest-scoring candidate (each gets its ``score``), or None when there are none."""
    top = None
    for cand in candidates:
        cand.score = model.score(cand.features)
        if top is None or cand.score > top.score:
            top = cand
    return top
