"""Text statistics checked against hand counts and independent recounts."""

from __future__ import annotations

import math
import re

import pytest

from analysis import Article, stats

SMALL = "The cat sat on the mat. It was happy!\n\nDogs bark loudly at night."


def test_hand_counts_small_text():
    article = Article.from_text(SMALL)
    row = stats.article_table(article).iloc[0]
    # hand counts: 6 + 3 + 5 words; 3 sentences; 2 paragraphs
    assert (row.words, row.sentences, row.paragraphs) == (14, 3, 2)
    # syllables by hand: the cat sat on the mat (6) it was hap-py (4) dogs bark loud-ly at night (6)
    assert row.syllables == 16
    assert row.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 14 / 3 - 84.6 * 16 / 14)
    assert row.flesch_kincaid_grade == pytest.approx(0.39 * 14 / 3 + 11.8 * 16 / 14 - 15.59)
    assert row.gunning_fog == pytest.approx(0.4 * (14 / 3))  # no complex words
    assert (row.min_sentence_length, row.max_sentence_length, row.mean_sentence_length) == (
        3,
        6,
        pytest.approx(14 / 3),
    )
    # 13 distinct lower-cased words of 14 ("the" twice): the, cat, sat, on, mat, it, was, happy, dogs, bark,
    # loudly, at, night
    assert row.types == 13 and row.ttr == pytest.approx(13 / 14)


def test_gunning_fog_complex_words():
    r = stats.readability(
        [["Unification", "negotiations", "resumed", "yesterday"], ["Diplomats", "disagree"]]
    )
    # complex by hand: ne-go-ti-a-tions, yes-ter-day, dis-a-gree; "Unification" and "Diplomats" are
    # capitalised (Gunning's proper-noun rule) and "resumed" loses its -ed (re-sumed)
    assert r.complex_words == 3
    assert r.gunning_fog == pytest.approx(0.4 * (6 / 2 + 100 * 3 / 6))


def test_seed_counts_match_independent_recount(seed):
    row = stats.article_table(seed).iloc[0]
    assert (row.paragraphs, row.sentences) == (10, 16)
    # every whitespace-separated chunk of this article contains exactly one word token
    assert row.words == len(seed.text.split()) == 361
    assert row.characters == len(seed.text)
    assert 25 <= row.flesch_reading_ease <= 40  # difficult, university level
    assert 12 <= row.flesch_kincaid_grade <= 17
    assert row.mtld > 100 and 0.55 < row.ttr < 0.65 and 0.8 < row.hdd < 0.95


def test_seed_sentence_lengths(seed):
    table = stats.sentence_table(seed)
    assert len(table) == 16
    last = table.iloc[-1]
    assert last.text.startswith("An official at Seoul's Foreign Ministry") and last.words == 42
    assert table.words.sum() == 361
    summary = stats.sentence_length_summary(seed).set_index("statistic")["value"]
    assert summary["max"] == 42 and summary["count"] == 16
    assert summary["share_over_25_words"] == pytest.approx((table.words > 25).mean())


def test_seed_paragraph_table(seed):
    table = stats.paragraph_table(seed)
    assert list(table.paragraph) == list(range(10))
    assert table.sentences.tolist() == [2, 1, 2, 1, 2, 2, 1, 1, 3, 1]
    assert table.words.sum() == 361
    for row in table.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_seed_top_words_match_regex_counts(seed):
    top = stats.top_words(seed, n=5).set_index("word")["count"]
    assert top.index[0] == "north"
    for word, count in top.items():
        assert count == len(re.findall(rf"\b{word}(?:'s)?\b", seed.text, flags=re.IGNORECASE)), word
    assert top["north"] == 11 and top["china"] == 7


def test_seed_collocations(seed):
    table = stats.collocations(seed, min_freq=2)
    bigrams = table.bigram.tolist()
    assert {"north korea", "north koreans", "state department", "south korean"} <= set(bigrams)
    assert all(c >= 2 for c in table["count"])
    assert table.score.is_monotonic_decreasing


def test_collocations_bad_measure(seed):
    from analysis import ArgumentError

    with pytest.raises(ArgumentError, match="measure"):
        stats.collocations(seed, measure="nonsense")


def test_seed_quantities(seed):
    table = stats.quantities(seed)
    found = dict(zip(table.text, table.kind, strict=True))
    assert found["More than 21,000"] == "count"
    assert found["above 100,000"] == "count"
    assert found["1950-53"] == "year range"
    assert found["hundreds of thousands"] == "approximate count"
    more = table[table.text == "More than 21,000"].iloc[0]
    assert (more.value, more.qualifier) == (21000.0, "more than")
    assert seed.text[more.start : more.end] == "More than 21,000"
    for row in table.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_quantity_kinds():
    article = Article.from_text("Prices rose 3.5% to $4.2 billion on March 5, 2012. Dozens of people left.")
    table = stats.quantities(article).set_index("text")
    assert table.loc["3.5%", "kind"] == "percent"
    assert table.loc["$4.2 billion", "value"] == 4.2e9 and table.loc["$4.2 billion", "kind"] == "money"
    assert table.loc["5", "kind"] == "day of month" and table.loc["2012", "kind"] == "year"
    assert table.loc["Dozens", "kind"] == "approximate count"


def test_seed_keyness(seed):
    table = stats.keyness(seed, n=10)
    words = table.word.tolist()
    assert {"repatriation", "defectors", "seoul"} <= set(words)
    assert "said" not in words and "the" not in words
    assert table.g2.is_monotonic_decreasing and (table.log_ratio > 0).all()
    row = table.set_index("word").loc["repatriation"]
    assert row["count"] == 3 and math.isclose(row.log_ratio, math.log2(3 / row.expected))


def test_lexical_diversity_short_text():
    d = stats.lexical_diversity("the cat saw the dog".split())
    assert (d["tokens"], d["types"], d["ttr"]) == (5, 4, 0.8)
    assert math.isnan(d["hdd"])  # HD-D needs 42 words
    assert math.isnan(stats.lexical_diversity([])["ttr"])


def test_hdd_matches_lexicalrichness(seed):
    from lexicalrichness import LexicalRichness

    words = [w.lower() for w in seed.text.split()]
    expected = LexicalRichness(words, preprocessor=None, tokenizer=None).hdd(draws=42)
    assert stats.hdd(words) == pytest.approx(expected, rel=1e-9)
