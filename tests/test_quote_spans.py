"""Content boundaries of attributions: the span candidates and the rules that join quotation pieces."""

from __future__ import annotations

from analysis.parse import parse_text
from analysis.quotes.attribution import join_quote_before, join_split_quote
from analysis.quotes.candidates import Frame, cue_candidates, make_frames
from analysis.quotes.marks import quote_spans
from analysis.quotes.spans import ContentCandidate, content_candidates, edge_words


def _frames(text: str, cuts: list[int]) -> list[Frame]:
    bounds = [0, *cuts, len(text)]
    sentences = [(i, bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    sentences = [(i, a + (len(text[a:b]) - len(text[a:b].lstrip())), b) for i, a, b in sentences]
    docs = {i: parse_text(text[a:b]) for i, a, b in sentences}
    return make_frames(text, sentences, docs, quote_spans(text))


def test_quote_before_the_cue_joins_a_content_from_the_next_sentence():
    text = '"The talks are over," Lee said on Monday. "We leave today."'
    frames = _frames(text, [text.index(' "We')])
    cue = next(c for c in cue_candidates(frames[0]) if c.text == "said")
    nxt = frames[1]
    content = ContentCandidate("next-quote", nxt.quotes[0][0], nxt.quotes[0][1], text[nxt.quotes[0][0] :])
    joined = join_quote_before(cue, content, frames[0])
    assert joined.text == text
    assert (joined.start, joined.end) == (0, len(text))
    # an indirect content, or one already from this sentence, is left as it is
    inside = ContentCandidate("quote", 0, 21, text[:21])
    assert join_quote_before(cue, inside, frames[0]) is inside


def test_candidates_cut_trailing_dependents_and_take_inner_objects():
    text = "She wrote a moving letter on preparing her daughter to face discrimination."
    frame = Frame.of_doc(parse_text(text))
    cue = next(c for c in cue_candidates(frame) if c.text == "wrote")
    spans = {c.kind: c.text for c in content_candidates(cue, [frame], 0)}
    assert spans["child:dobj"] == "a moving letter on preparing her daughter to face discrimination"
    assert spans["cut:dobj-prep"] == "a moving letter"
    assert spans["inner:dobj-prep"] == "preparing her daughter to face discrimination"


def test_edge_words():
    assert edge_words("He said it was over, and left.", 8, 19, 0, 30) == ("said", ",")
    assert edge_words("He said it was over.", 8, 19, 0, 20) == ("said", "</s>")
    assert edge_words("Over.", 0, 4, 0, 5) == ("<s>", "</s>")


def test_a_split_quote_joins_across_its_cue_and_source_only():
    text = '"If you look at it," Rubio said, "our positions are close."'
    frames = _frames(text, [])
    cue = next(c for c in cue_candidates(frames[0]) if c.text == "said")
    first, last = frames[0].quotes
    content = ContentCandidate("quote", *first, text[first[0] : first[1]])
    assert join_split_quote(cue, content, frames[0]).text == text
    # a programme's title after the cue is not the rest of the quotation
    text = '"Kasich would be the best nominee," Graham said on MSNBC\'s "Morning Joe."'
    frames = _frames(text, [])
    cue = next(c for c in cue_candidates(frames[0]) if c.text == "said")
    first = frames[0].quotes[0]
    content = ContentCandidate("quote", *first, text[first[0] : first[1]])
    assert join_split_quote(cue, content, frames[0]) is content
    # nor is a quoted fragment before another clause's cue part of an indirect content after it
    text = 'He vowed to "try harder" and insisted that his party was "still the No. 1 force."'
    frames = _frames(text, [])
    cue = next(c for c in cue_candidates(frames[0]) if c.text == "insisted")
    start = text.index("that his")
    content = ContentCandidate("child:ccomp", start, len(text) - 1, text[start:-1])
    assert join_split_quote(cue, content, frames[0]) is content
