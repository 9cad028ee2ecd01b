"""The attributions of an article from its frames: the stages run in order, each decision kept with its
reason.

``find_attributions`` runs candidates -> cue decisions -> content spans -> sources and returns one
:class:`Attribution` per kept cue (a paraphrase whose cue stands inside a stronger cue's content is dropped:
:func:`drop_nested`), plus every rejected candidate when ``explain=True`` (for
:func:`analysis.quotes.explain_quotes`). Speakers are resolved and typed afterwards (:mod:`.resolve`,
:mod:`.sourcetypes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .candidates import CueCandidate, Frame, cue_candidates
from .decisions import best, decide_cues, reason
from .lexicon import lexicon
from .marks import has_quote_mark
from .model import LinearModel
from .spans import ContentCandidate, content_candidates
from .speakers import SourceCandidate, source_candidates

__all__ = [
    "Attribution",
    "drop_nested",
    "find_attributions",
    "join_quote_before",
    "join_split_quote",
    "kind_of",
]


@dataclass
class Attribution:
    """One decided attribution: the cue, the chosen content and source candidates, and the reasons."""

    cue: CueCandidate
    content: ContentCandidate
    source: SourceCandidate
    frame_index: int
    content_reason: str = ""
    source_reason: str = ""

    @property
    def start(self) -> int:
        return self.content.start

    @property
    def end(self) -> int:
        return self.content.end

    @property
    def kind(self) -> str:
        return kind_of(self.content.text)

    @property
    def cue_start(self) -> int:
        return self.cue.start

    @property
    def cue_end(self) -> int:
        return self.cue.end

    @property
    def speaker_start(self) -> int | None:
        return self.source.start

    @property
    def speaker_end(self) -> int | None:
        return self.source.end


def kind_of(content: str) -> str:
    """ "direct" (the content is one quotation), "mixed" (it carries a quotation) or "indirect".

    >>> kind_of('"We will win,"'), kind_of('defectors "human scum"'), kind_of("that it would rain")
    ('direct', 'mixed', 'indirect')
    """
    if not has_quote_mark(content):
        return "indirect"
    s = content.strip()
    opens = s[:1] in '"“«„' or s.startswith("''")
    closes = s[-1:] in '"”»“' or s.endswith("''")
    return "direct" if opens and closes else "mixed"


def find_attributions(
    frames: list[Frame],
    models: dict[str, LinearModel],
    vocabulary: frozenset[str],
    explain: bool = False,
) -> tuple[list[Attribution], list[CueCandidate]]:
    """Attributions of the frames, in text order, and all cue candidates (decided) when ``explain``."""
    all_cues: list[CueCandidate] = []
    found: list[Attribution] = []
    for at, frame in enumerate(frames):
        if not frame.parsed:
            continue
        cues = decide_cues(cue_candidates(frame, vocabulary), models["cue"], explain)
        all_cues.extend(cues)
        others = [c.start for c in cues if c.accepted]
        for cue in cues:
            if cue.accepted:
                attribution = _attribute(cue, frames, at, models, others)
                if attribution is not None:
                    found.append(attribution)
    found = drop_nested(_drop_duplicates(found))
    continue_quotes(found, frames)
    return found, (all_cues if explain else [])


def _attribute(
    cue: CueCandidate, frames: list[Frame], at: int, models: dict[str, LinearModel], others: list[int]
) -> Attribution | None:
    contents = content_candidates(cue, frames, at, others)
    content = best(contents, models["content"])
    if content is None:
        cue.accepted = False
        cue.reason += "; no content candidate"
        return None
    if content.text.lower().strip(".,;:!? ") in lexicon().empty_contents:
        cue.accepted = False
        cue.reason += f"; its content {content.text!r} reports nothing"
        return None
    source = best(source_candidates(cue, content), models["source"])
    content = join_split_quote(cue, content, frames[at], others)
    content = join_quote_before(cue, content, frames[at], others)
    return Attribution(
        cue,
        content,
        source,
        at,
        f"{content.kind} ({reason(models['content'], content.features, 2)})",
        f"{source.text} ({reason(models['source'], source.features, 2)})",
    )


def _drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content span: the one with the most probable cue."""
    by_span: dict[tuple[int, int], Attribution] = {}
    for a in found:
        key = (a.start, a.end)
        if key not in by_span or a.cue.probability > by_span[key].cue.probability:
            if key in by_span:
                by_span[key].cue.reason += "; its content went to a stronger cue"
            by_span[key] = a
        else:
            a.cue.reason += "; its content went to a stronger cue"
    return sorted(by_span.values(), key=lambda a: (a.start, a.cue.start))


def drop_nested(found: list[Attribution]) -> list[Attribution]:
    """The attributions without the indirect and mixed ones whose cue stands inside the content of an
    attribution with a more probable cue ("Kim said she *refused* to go": PolNeAR seldom annotates the nested
    cue; on dev, out of fold, dropping them raised paraphrase F1 by 0.008 and quoted F1 by 0.004)."""
    by_frame: dict[int, list[Attribution]] = {}
    for a in found:
        by_frame.setdefault(a.frame_index, []).append(a)
    out = []
    for a in found:
        near = [
            b for i in (-1, 0, 1) for b in by_frame.get(a.frame_index + i, ())
        ]  # contents stay this close
        outer = next(
            (
                b
                for b in near
                if b is not a
                and b.start <= a.cue.start < b.end
                and b.cue.probability > a.cue.probability
                and not a.start <= b.cue.start < a.end
            ),
            None,
        )
        if outer is not None and a.kind != "direct":
            a.cue.accepted = False
            a.cue.reason += f"; nested in the content of the stronger cue {outer.cue.text!r}"
            continue
        out.append(a)
    return out


def _quote_sentence(frame: Frame) -> tuple[int, int] | None:
    """The quotation that fills (at least 70% of) a sentence, or None."""
    for a, b in frame.quotes:
        inside = min(b, frame.end) - max(a, frame.offset)
        if inside >= 0.7 * (frame.end - frame.offset):
            return a, b
    return None


#: a quotation continues over the next quotation sentence when at most this many words lie between them
#: (PolNeAR dev, out of fold: 40 instead of 12 lowered F1@80 by 0.001, see benchmarks/quote_boundaries.py)
CONTINUE_GAP_WORDS = 12


def continue_quotes(found: list[Attribution], frames: list[Frame]) -> None:
    """Extend a quotation's content over the quotation sentences that follow it with no cue of their own
    (``"We will win," Lee said. "Not now, not ever."``: one attribution), in place."""
    cue_frames = {
        a.frame_index for a in found if not (a.cue.frame.in_quote and a.cue.frame.in_quote[a.cue.head.i])
    }
    ends = {a.end for a in found}
    for a in found:
        if a.kind == "indirect":
            continue
        at = next((i for i, f in enumerate(frames) if f.offset <= a.end - 1 < f.end), None)
        while at is not None and at + 1 < len(frames):
            nxt = frames[at + 1]
            quote = _quote_sentence(nxt)
            gap = frames[0].text[a.content.end : nxt.offset]
            if quote is None or at + 1 in cue_frames or quote[1] in ends or gap.count("\n\n") > 1:
                break
            if len(gap.split()) > CONTINUE_GAP_WORDS or quote[0] < a.content.end:
                break
            a.content.end = quote[1]
            a.content.text = frames[0].text[a.content.start : quote[1]]
            a.content_reason += "; continued over the next quotation"
            at += 1
            while at + 1 < len(frames) and frames[at + 1].offset < quote[1]:
                at += 1


def join_quote_before(
    cue: CueCandidate, content: ContentCandidate, frame: Frame, others: list[int] = ()
) -> ContentCandidate:
    """``"The talks are over," Lee said. "We leave today."``: a content taken from the next sentence takes in
    the quotation just before the cue (one attribution, as PolNeAR annotates it)."""
    if content.kind not in ("next-quote", "next-sentence") or kind_of(content.text) == "indirect":
        return content
    before = [q for q in frame.quotes if q[1] <= cue.start and frame.offset <= q[0] <= frame.offset + 2]
    if not before:
        return content
    first = before[0]
    if cue.start - first[1] > 80 or any(first[1] <= o < cue.start for o in others):
        return content
    text = frame.text
    joined = ContentCandidate(
        "quote+next", first[0], content.end, text[first[0] : content.end], content.features, content.score
    )
    return joined


def join_split_quote(
    cue: CueCandidate, content: ContentCandidate, frame: Frame, others: list[int] = ()
) -> ContentCandidate:
    """``"The talks," Lee said, "are over."``: a quotation chosen on one side of the cue takes in the
    quotation on the other side of it in the same sentence (one attribution, as PolNeAR annotates it)."""
    quotes = frame.quotes
    if not quotes or kind_of(content.text) == "indirect":
        return content
    before = [q for q in quotes if q[1] <= cue.start]
    after = [q for q in quotes if q[0] >= cue.end]
    if not before or not after:
        return content
    first, last = before[-1], after[0]
    if not (
        content.start <= first[1]
        and content.end >= first[0]
        or content.start <= last[1] <= content.end
        or content.start <= last[0] < content.end
    ):
        return content
    if last[0] - first[1] > 80 or any(first[1] <= o < last[0] and o != cue.start for o in others):
        return content
    text = frame.text
    if not _joins_as_split_quote(text, content, cue, first, last):
        return content
    start, end = min(content.start, first[0]), max(content.end, last[1])
    joined = ContentCandidate(
        "split-quote", start, end, frame.text[start:end], content.features, content.score
    )
    return joined


#: words that show the text between a quotation and the cue is not just its source: another clause
#: ('"try to form a government" *and* insisted that ...') or a programme's title ('said *on* "Morning Joe"')
_NOT_SOURCE_WORDS = frozenset(
    "and but or while citing adding of on in at to during with about for from after before as".split()
)


def _gap_is_source(gap: str, after_cue: bool) -> bool:
    """Whether ``gap`` (between a quotation and the cue, or the cue and a quotation) holds no more than the
    source and punctuation: ``"A," *Lee* said*, *"B."``. After the cue the gap ends with a comma or colon
    unless it is empty.

    >>> _gap_is_source(" Sen. Rubio ", False), _gap_is_source(" on MSNBC's ", True)
    (True, False)
    """
    words = [w.strip(".,:;").lower() for w in gap.split()]
    if any(w in _NOT_SOURCE_WORDS for w in words) or len(words) > 6:
        return False
    return not after_cue or not words or gap.rstrip().endswith((",", ":"))


def _joins_as_split_quote(text: str, content: ContentCandidate, cue: CueCandidate, first, last) -> bool:
    """The checks of a split quote: the chosen content is itself the quotation on its side of the cue
    (not an indirect content with a quoted phrase: "said that his party was "still the No. 1 force""),
    and the text between the two quotations is the cue and its source only ("A," Lee said, "B")."""
    if content.start >= cue.end:  # chosen after the cue: it opens with the quotation
        if content.start != last[0]:
            return False
    elif content.end != first[1]:  # chosen before the cue: it closes with the quotation
        return False
    return _gap_is_source(text[first[1] : cue.start], False) and _gap_is_source(text[cue.end : last[0]], True)
