"""Decisions around the cue model: the rule that keeps one of two attributions reporting the same content."""

from __future__ import annotations

from analysis.parse import parse_text
from analysis.quotes.attribution import Attribution, drop_overlapping
from analysis.quotes.candidates import Frame, cue_candidates
from analysis.quotes.lexicon import lexicon
from analysis.quotes.spans import ContentCandidate
from analysis.quotes.speakers import SourceCandidate


def _attribution(frame: Frame, cue_text: str, content: str, p: float, text: str) -> Attribution:
    cue = next(c for c in cue_candidates(frame) if c.text == cue_text)
    cue.probability, cue.accepted = p, True
    start = text.index(content)
    cand = ContentCandidate("child:ccomp", start, start + len(content), content)
    return Attribution(cue, cand, SourceCandidate(None, None, None, "none"), 0)


def test_a_weaker_paraphrase_sharing_most_of_a_stronger_ones_content_is_dropped():
    text = "Lee insisted on Monday and repeated in a statement that the talks were over for good."
    frame = Frame.of_doc(parse_text(text))
    strong = _attribution(frame, "insisted", "that the talks were over for good", 0.9, text)
    weak = _attribution(frame, "repeated", "in a statement that the talks were over", 0.5, text)
    kept = drop_overlapping([strong, weak])
    assert kept == [strong]
    assert not weak.cue.accepted
    assert "overlaps that of the stronger cue 'insisted'" in weak.cue.reason
    # less than half of the shorter content shared: both stay
    other = _attribution(frame, "repeated", "in a statement that the talks", 0.5, text)
    assert drop_overlapping([strong, other]) == [strong, other]
    # a direct quotation is never dropped by this rule
    quoted = '"The talks are over," Lee insisted and repeated.'
    qframe = Frame.of_doc(parse_text(quoted))
    a = _attribution(qframe, "insisted", '"The talks are over,"', 0.9, quoted)
    b = _attribution(qframe, "repeated", '"The talks are over,"', 0.5, quoted)
    assert drop_overlapping([a, b]) == [a, b]


def test_a_stacking_cue_drops_no_attribution_overlapping_its_content():
    """ "China fears that X, according to Kim": PolNeAR annotates both attributions, so the weaker "fears"
    stays although its content overlaps the content of the stronger "according to" (``cues.stacking`` in
    quotes.toml)."""
    text = "China fears that easing its stance could prompt more people to leave, according to Kim Sung-joo."
    frame = Frame.of_doc(parse_text(text))
    according = _attribution(
        frame, "according to", "that easing its stance could prompt more people", 0.96, text
    )
    fears = _attribution(
        frame,
        "fears",
        "that easing its stance could prompt more people to leave, according to Kim",
        0.88,
        text,
    )
    assert "accord" in lexicon().stacking_cues
    assert drop_overlapping([fears, according]) == [fears, according]
    other = _attribution(
        frame, "fears", "that easing its stance could prompt more people to leave", 0.9, text
    )
    assert drop_overlapping([fears, other]) == [other]  # a stronger cue of another lemma drops it
