"""Speakers of attributions on sentence patterns from PolNeAR dev where the source was missed or wrong
(``benchmarks/speaker_errors.py`` lists them all)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.parse import parse_text
from analysis.quotes import extract_quotes
from analysis.quotes.build import antecedent
from analysis.quotes.candidates import Frame, cue_candidates
from analysis.quotes.speakers import cue_subjects, mention_tokens, source_candidates

REPO = Path(__file__).resolve().parents[1]


def _cue(text: str, word: str):
    frame = Frame.of_doc(parse_text(text))
    return next(c for c in cue_candidates(frame) if c.head.text == word)


@pytest.mark.parametrize(
    ("text", "cue", "subject"),
    [
        ("Many speculated that he might fail to turn out his supporters.", "speculated", "Many"),
        ("Most believe that both the economy and their own lives have improved.", "believe", "Most"),
        ('"The circumstances are changed," From said.', "said", "From"),  # Al From, tagged a preposition
        ("He agreed to sell it to Mr. Trump in 2010, records show.", "show", "records"),  # "show" a noun
        ('"Cultural conservatives have issues with Trump," Viguerie notes.', "notes", "Viguerie"),  # compound
    ],
)
def test_subjects_the_noun_phrase_heads_miss_are_source_candidates(text, cue, subject):
    candidate = _cue(text, cue)
    assert [candidate.head.doc[i].text for i in cue_subjects(candidate.head)] == [subject]
    assert subject in [s.text for s in source_candidates(candidate, None)]


def test_a_clitic_is_not_a_subject():
    candidate = _cue(
        "While he’s said he believes marriage is between a man and a woman, he voted no.", "said"
    )
    assert cue_subjects(candidate.head) == []


def test_a_quantity_keeps_its_of_phrase():
    doc = parse_text("Many of the local GOP leaders said they have rallied behind the ticket.")
    first, last = mention_tokens(doc[0])
    assert doc[first.i : last.i + 1].text == "Many of the local GOP leaders"


def test_next_to_and_dateline_features():
    feats = {
        s.text: s.features
        for s in source_candidates(
            _cue(
                "WASHINGTON — After bragging for a year, Donald Trump is spending more freely now.",
                "spending",
            ),
            None,
        )
    }
    assert "dateline" in feats["WASHINGTON"] and "dateline" not in feats["Donald Trump"]
    assert "next_to=before" in feats["Donald Trump"] and "next_to=before" not in feats["a year"]
    said = {
        s.text: s.features
        for s in source_candidates(
            _cue(
                '"The risk," said Edward Leamer, an economist at the UCLA Anderson Forecast, "is inflation."',
                "said",
            ),
            None,
        )
    }
    assert "next_to=after" in said["Edward Leamer"]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "mention"),
    [
        # from PolNeAR dev: a subject with an appositive that the parser attached elsewhere; the speaker
        # mention is the one nearest the cue, the name the one it is apposed to
        (
            "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke "
            "with Mr. Sanders on Tuesday.",
            "said",
            "Harry Reid",
            "the minority leader",
        ),
        ('"Besides that, not a single accomplishment," Bozell answers.', "answers", "Bozell", "Bozell"),
        (
            "In all, the Tampa host committee raised $57 million, Federal Election Commission records show.",
            "show",
            "Federal Election Commission",
            "Federal Election Commission",
        ),
        ("Many speculated that he might fail to turn out his supporters.", "speculated", "Many", "Many"),
        ('"The circumstances are changed in a depression," From said.', "said", "From", "From"),
        (
            "WASHINGTON — After bragging for a year about how cheaply he was running his campaign, Donald "
            "Trump is spending more freely now.",
            "bragging",
            "Donald Trump",
            "Donald Trump",
        ),
    ],
)
def test_speaker_on_dev_patterns(text, cue, speaker, mention):
    q = next(q for q in extract_quotes(text) if q.cue == cue)
    assert q.speaker_start is not None, (text, q.reason)
    assert (q.speaker, text[q.speaker_start : q.speaker_end]) == (speaker, mention)


def test_self_described_resolves_to_the_person_described():
    for text in (
        "Sanders, a senator from Vermont and self-described democratic socialist, said it stalled.",
        "Young voters back Sen. Bernie Sanders, a self-described democratic socialist, a poll shows.",
    ):
        doc = parse_text(text)
        assert antecedent(next(t for t in doc if t.text == "self")).text == "Sanders"
    assert antecedent(parse_text("Kim said no.")[0]).text == "Kim"


def test_speaker_errors_script_skips_without_data(tmp_path):
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "speaker_errors.py"), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "PolNeAR not found" in out.stdout
