"""The offline NLP layer: sentence splitting, tokens, VADER, stopwords, syllables."""

from __future__ import annotations

import pytest

from analysis import nlp


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in nlp.sentence_spans(text)]


def test_news_abbreviations_do_not_end_sentences():
    text = (
        "Now Kim is expected to seek help from U.N. Secretary-General Ban Ki-moon and U.S. Secretary of "
        "State Hillary Clinton during a visit to the United States this week. He left."
    )
    assert _split(text) == [text[: text.index(" He left.")], "He left."]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Published: Thursday, March 8 2012 12:00 a.m. MST. The talks resumed.",
            ["Published: Thursday, March 8 2012 12:00 a.m. MST.", "The talks resumed."],
        ),
        (
            "Gen. Lee and Sen. Kim met Mr. Park on Jan. 5. They agreed.",
            ["Gen. Lee and Sen. Kim met Mr. Park on Jan. 5.", "They agreed."],
        ),
        ('"We will not yield," he said. "Never."', ['"We will not yield," he said.', '"Never."']),
        ("It rained.\n\nIt poured", ["It rained.", "It poured"]),
    ],
)
def test_sentence_split(text, expected):
    assert _split(text) == expected


def test_sentence_spans_are_trimmed_offsets():
    text = "  First one.   Second one.  \n\n  Third  "
    spans = nlp.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "Third"]
    assert all(0 <= s < e <= len(text) for s, e in spans)


def test_hard_wrapped_lines_stay_one_sentence():
    text = (
        "North Korea calls defectors human scum or citizens who have\nbeen kidnapped or coaxed into leaving."
    )
    assert _split(text) == [text]


def test_empty_and_blank_text():
    assert nlp.sentence_spans("") == []
    assert nlp.sentence_spans(" \n\n \t") == []


def test_tokens_keep_initialisms_numbers_and_names():
    assert nlp.tokens("U.S. aid, 1950-53: 21,000 Ki-moon's 3.5%") == [
        "U.S.",
        "aid",
        ",",
        "1950-53",
        ":",
        "21,000",
        "Ki-moon's",
        "3.5%",
    ]
    text = "Seoul’s stance"
    assert [text[s:e] for s, e in nlp.token_spans(text)] == ["Seoul’s", "stance"]
    assert nlp.words("Hello , world !") == ["Hello", "world"]


def test_word_tokenize_is_nltk_treebank():
    assert nlp.word_tokenize("They don't know.") == ["They", "do", "n't", "know", "."]


def test_vader_is_nltk_analyzer_with_shipped_lexicon():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    analyzer = nlp.vader()
    assert isinstance(analyzer, SentimentIntensityAnalyzer)
    assert analyzer is nlp.vader()  # cached
    assert analyzer.polarity_scores("The food was not very good!") == {
        "neg": 0.368,
        "neu": 0.632,
        "pos": 0.0,
        "compound": -0.4432,
    }
    assert analyzer.polarity_scores("a grave provocation")["compound"] < 0
    assert len(analyzer.lexicon) > 7000


def test_sentence_tokenizer_cached_and_has_news_abbreviations():
    tokenizer = nlp.sentence_tokenizer()
    assert tokenizer is nlp.sentence_tokenizer()
    for abbreviation in ("u.n", "u.s", "a.m", "mr", "gen", "sen", "jan"):
        assert abbreviation in tokenizer._params.abbrev_types


def test_stopwords_from_package_keep_news_content_words():
    stop = nlp.stopwords()
    assert {"the", "and", "of", "said"} <= stop
    assert not {"state", "government", "people", "defectors"} & stop


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("the", 1),
        ("cat", 1),
        ("happy", 2),
        ("defectors", 3),
        ("university", 5),
        ("government", 3),
        ("loudly", 2),
    ],
)
def test_syllable_count(word, syllables):
    assert nlp.syllable_count(word) == syllables


def test_zipf_frequency_offline():
    assert nlp.zipf_frequency("the") > 7
    assert 2 < nlp.zipf_frequency("defectors") < 4
    assert nlp.zipf_frequency("xqzvtwpl") == 0
