"""Sentiment: exact NLTK VADER parity, explanations, polarity behaviour, tables on the seed article."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import nlp, sentiment
from analysis.article import Article, load_article
from analysis.errors import ArgumentError, ModelError
from analysis.sentiment_data import data_available, default_data_dir, dev_sets

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_de93c8312eb4da64.txt"

TRICKY = [
    "The food was not very good!",
    "The food was not very good, but the service was quite excellent!",
    "It was kind of good but not great",
    "It was kind of good",
    "this sort of sucks",
    "He is the least happy man",
    "At least it works",
    "very least good",
    "least good",
    "I am VERY HAPPY :) !!!",
    "VADER is SMART, HANDSOME, and FUNNY!",
    "GREAT GREAT",
    "This is the shit",
    "Yeah right, that was the bomb",
    "cut the mustard today",
    "kiss of death indeed",
    "living hand to mouth",
    "never so good",
    "never this bad",
    "It is never good",
    "Not bad at all???",
    "Is it good??",
    "Is it good????",
    "Wow!!!!!!",
    "good good good bad bad",
    "BAD, bad, Bad!",
    "he is not 'good'",
    "I can't say it's not good",
    "It isn't horrible, it's just enough good",
    "without doubt the best",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    ":( :( :(",
    "",
    "   ",
    "a",
    "The president praised the deal but critics called it a disaster.",
    "Despite the protests, the talks were a success.",
    "It was barely acceptable and hardly good.",
    'He said -- angrily -- "this is NOT acceptable."',
    "...good...",
    "!!!good",
    "good!!!",
    "good?!?",
    "'good'",
]


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED)


@pytest.fixture(scope="module")
def table(seed) -> pd.DataFrame:
    return sentiment.sentence_table(seed)


# ------------------------------------------------------------------------------------------ VADER parity


def test_lexicon_matches_nltk():
    assert sentiment.vader_lexicon() == nlp.vader().lexicon
    assert len(sentiment.vader_lexicon()) > 7000


@pytest.mark.parametrize("text", TRICKY)
def test_vader_scores_identical_to_nltk_on_tricky_sentences(text):
    assert sentiment.vader_scores(text) == nlp.vader().polarity_scores(text)


def test_vader_scores_identical_to_nltk_on_seed(seed):
    analyzer = nlp.vader()
    for sentence in seed.sentences:
        assert sentiment.vader_scores(sentence.text) == analyzer.polarity_scores(sentence.text), sentence.text


@pytest.mark.slow
def test_vader_scores_identical_to_nltk_on_dev_sets():
    if not data_available():
        pytest.skip(f"rated dev sets not found under {default_data_dir()}")
    analyzer = nlp.vader()
    texts = [text for frame in dev_sets().values() for text in frame["text"]]
    assert len(texts) > 25000
    mismatches = [t for t in texts if sentiment.vader_scores(t) != analyzer.polarity_scores(t)]
    assert mismatches == []


def test_vader_scores_identical_on_dev_sample():
    if not data_available():
        pytest.skip(f"rated dev sets not found under {default_data_dir()}")
    analyzer = nlp.vader()
    rng = np.random.default_rng(1)
    checked = 0
    for frame in dev_sets().values():
        for text in frame["text"].iloc[rng.choice(len(frame), size=400, replace=False)]:
            assert sentiment.vader_scores(text) == analyzer.polarity_scores(text), text
            checked += 1
    assert checked == 2000


_FUZZ_WORDS = [
    "good",
    "GOOD",
    "bad",
    "Bad",
    "not",
    "never",
    "so",
    "this",
    "very",
    "VERY",
    "kind",
    "of",
    "sort",
    "least",
    "at",
    "but",
    "BUT",
    "the",
    "shit",
    "bomb",
    "yeah",
    "right",
    "cut",
    "mustard",
    "kiss",
    "death",
    "hand",
    "to",
    "mouth",
    "isn't",
    "without",
    "no",
    ":)",
    ":(",
    "!",
    "?",
    "!!!",
    "??",
    ".",
    ",",
    '"good"',
    "good,",
    "(good)",
    "-bad",
    "great!",
    "terrible?!?",
    "a",
    "I",
    "happy",
    "love",
    "hate",
    "just",
    "enough",
    "kinda",
    "barely",
    "At",
    "Never",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FUZZ_WORDS), max_size=14), st.sampled_from([" ", "  ", "\n", " ", ""]))
def test_vader_scores_identical_to_nltk_on_random_word_salad(words, separator):
    text = separator.join(words) if separator else " ".join(words).replace(" ", "", 1)
    assert sentiment.vader_scores(text) == nlp.vader().polarity_scores(text)


def test_known_scores():
    assert sentiment.vader_scores("The food was not very good!") == {
        "neg": 0.368,
        "neu": 0.632,
        "pos": 0.0,
        "compound": -0.4432,
    }
    assert sentiment.vader_scores("") == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    assert sentiment.vader_scores("good")["compound"] == 0.4404
    assert sentiment.vader_scores("The talks resumed on Tuesday.")["compound"] == 0.0


def test_vader_tokens_strip_one_punctuation_mark():
    assert sentiment.vader_tokens('He said, "good!" :) a') == ["He", "said", '"good!"', ":)"]
    assert sentiment.vader_tokens("good!!! ok") == ["good", "ok"]


def test_rejects_non_text():
    with pytest.raises(ArgumentError, match="text"):
        sentiment.vader_scores(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="text"):
        sentiment.polarity(3)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ monotone rules


@pytest.mark.parametrize("word", ["good", "happy", "excellent"])
def test_booster_increases_magnitude(word):
    plain = sentiment.vader_scores(f"The result was {word}.")["compound"]
    boosted = sentiment.vader_scores(f"The result was very {word}.")["compound"]
    assert boosted > plain > 0
    plain_neg = sentiment.vader_scores("The result was bad.")["compound"]
    boosted_neg = sentiment.vader_scores("The result was extremely bad.")["compound"]
    assert boosted_neg < plain_neg < 0


def test_dampener_decreases_magnitude():
    assert (
        0
        < sentiment.vader_scores("It was slightly good.")["compound"]
        < sentiment.vader_scores("It was good.")["compound"]
    )


@pytest.mark.parametrize("word", ["good", "great", "bad", "terrible"])
def test_negation_flips_sign(word):
    plain = sentiment.vader_scores(f"The plan is {word}.")["compound"]
    negated = sentiment.vader_scores(f"The plan is not {word}.")["compound"]
    assert plain * negated < 0
    assert abs(negated) < abs(plain)


def test_caps_and_exclamation_increase_magnitude():
    base = sentiment.vader_scores("The deal is good today")["compound"]
    assert sentiment.vader_scores("The deal is GOOD today")["compound"] > base
    assert sentiment.vader_scores("The deal is good today!")["compound"] > base


def test_polarity_follows_negation_and_boosters():
    good = sentiment.polarity("The talks were a success.")
    assert good > 0.05
    assert sentiment.polarity("The talks were not a success.") < good
    assert sentiment.polarity("The talks were a great success.") > good
    assert sentiment.polarity("Troops killed dozens of protesters.") < -0.05


def test_polarity_range_and_neutral_text():
    texts = TRICKY + ["x" * 2000, "bad " * 500, "good " * 500]
    values = [sentiment.polarity(t) for t in texts]
    assert all(-1.0 <= v <= 1.0 for v in values)
    assert sentiment.polarity("good " * 500) > 0.5
    assert sentiment.polarity("bad " * 500) < -0.5
    assert sentiment.label(sentiment.polarity("The committee met on Tuesday.")) == "neutral"


def test_shrink_is_monotone_and_flat_near_zero():
    xs = np.linspace(-2, 2, 401)
    ys = [sentiment.shrink(x, 0.13) for x in xs]
    assert all(b >= a for a, b in zip(ys, ys[1:], strict=False))
    assert abs(sentiment.shrink(0.05, 0.13)) < 0.01
    assert sentiment.shrink(0.6, 0.13) == pytest.approx(0.6, abs=1e-6)


def test_label_thresholds():
    assert [sentiment.label(x) for x in (0.051, 0.05, -0.05, -0.051)] == [
        "positive",
        "neutral",
        "neutral",
        "negative",
    ]
    with pytest.raises(ArgumentError, match="threshold"):
        sentiment.label(0.1, threshold=-1)


# ------------------------------------------------------------------------------------------ explanations


def test_explain_reconstructs_the_sum():
    for text in TRICKY:
        records = sentiment.explain(text)
        assert len(records) == len(sentiment.vader_tokens(text))
        if not text.strip():
            continue
        total = sum(r.valence for r in records)
        amplifier = sentiment._punctuation_amplifier(text)
        total = total + amplifier if total > 0 else (total - amplifier if total < 0 else 0.0)
        expected = round(total / math.sqrt(total * total + 15), 4)
        assert expected == nlp.vader().polarity_scores(text)["compound"], text


def test_explain_names_negation_booster_caps_and_but():
    records = {
        r.word: r for r in sentiment.explain("The food was not very good, but the service was EXCELLENT")
    }
    good = records["good"]
    assert good.lexicon_valence == 1.9
    assert [w for w, _ in good.boosters] == ["very"]
    assert good.negations == [("not", sentiment.N_SCALAR)]
    assert good.but_factor == 0.5
    assert good.valence < 0
    assert records["EXCELLENT"].caps and records["EXCELLENT"].but_factor == 1.5
    assert (
        records["very"].role == "booster"
        and records["not"].role == "negation"
        and records["but"].role == "but"
    )


def test_explain_offsets_point_into_text():
    text = 'North Korea calls defectors "human scum," officials said.'
    for record in sentiment.explain(text):
        assert text[record.start : record.end] == record.word
    table = sentiment.explain_table(text)
    assert table["word"].tolist() == ["defectors"]
    assert table.loc[0, "lexicon_valence"] == -1.3


# ------------------------------------------------------------------------------------------ model file


def test_model_file_is_small_json_with_matching_features():
    data = json.loads(sentiment.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(sentiment.FEATURES)
    assert len(data["coef"]) == len(sentiment.FEATURES)
    assert sentiment.MODEL_PATH.stat().st_size < 2_000_000
    assert 0 <= data["neutral_band"] <= 0.3


def test_bad_model_file_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        sentiment.load_polarity_model(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"features": ["x"]}', encoding="utf-8")
    with pytest.raises(ModelError, match="features"):
        sentiment.load_polarity_model(bad)


@pytest.mark.slow
def test_polarity_beats_vader_on_heldout_news():
    if not data_available():
        pytest.skip(f"rated dev sets not found under {default_data_dir()}")
    from scipy.stats import pearsonr

    sets = dev_sets()
    for name in ("newsmtsc", "devtest_mt", "movies", "tweets"):
        part = sets[name][sets[name]["split"] == "heldout"]
        gold = part["gold"].to_numpy()
        ours = pearsonr(gold, [sentiment.polarity(t) for t in part["text"]])[0]
        vader = pearsonr(gold, [sentiment.vader_scores(t)["compound"] for t in part["text"]])[0]
        assert ours >= vader, name


# ------------------------------------------------------------------------------------------ tables


def test_sentence_table_on_seed(seed, table):
    assert list(table.columns) == sentiment.SENTENCE_COLUMNS
    assert len(table) == len(seed.sentences)
    first = table.iloc[0]
    sentence = seed.sentences[0]
    assert (first["start"], first["end"], first["paragraph"], first["text"]) == (
        sentence.start,
        sentence.end,
        0,
        sentence.text,
    )
    assert seed.text[first["start"] : first["end"]] == first["text"]
    assert first["vader_compound"] == nlp.vader().polarity_scores(sentence.text)["compound"]
    assert table["polarity"].between(-1, 1).all()
    assert set(table["label"]) <= set(sentiment.LABELS)
    assert table["agreement"].between(1, 3).all()
    assert table["textblob_subjectivity"].between(0, 1).all()
    # "human scum" and "grave provocation": the seed opens on a dark note
    assert table["vader_compound"].iloc[0] < 0 and first["label"] == "negative"


class _Span:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_sentence_table_voice_from_quote_spans(seed):
    first = seed.sentences[0]
    quotes = [_Span(first.start, first.end)]
    table = sentiment.sentence_table(seed, quotes=quotes)
    assert table.loc[0, "voice"] == "quoted" and table.loc[0, "quoted_share"] == 1.0
    assert (table.loc[1:, "voice"] == "reporter").all()
    with pytest.raises(ArgumentError, match="quotes"):
        sentiment.sentence_table(seed, quotes=[(0, 5)])


def test_paragraph_table(seed, table):
    paragraphs = sentiment.paragraph_table(seed, table)
    assert len(paragraphs) == len(seed.paragraphs)
    assert paragraphs["n_sentences"].sum() == len(table)
    row = paragraphs.iloc[0]
    part = table[table["paragraph"] == 0]
    assert row["mean_polarity"] == pytest.approx(part["polarity"].mean())
    assert row["min_polarity"] == pytest.approx(part["polarity"].min())
    assert table.loc[row["darkest_sentence"], "polarity"] == row["min_polarity"]


def test_article_summary_bootstrap(seed, table):
    summary = sentiment.article_summary(seed, n_boot=500, seed=3, sentences=table)
    again = sentiment.article_summary(seed, n_boot=500, seed=3, sentences=table)
    pd.testing.assert_frame_equal(summary, again)
    assert (summary["ci_low"] <= summary["value"]).all() and (summary["value"] <= summary["ci_high"]).all()
    mean = summary.set_index("metric").loc["mean_polarity"]
    assert mean["value"] == pytest.approx(table["polarity"].mean())
    assert mean["ci_high"] - mean["ci_low"] > 0
    other = sentiment.article_summary(seed, n_boot=500, seed=4, sentences=table)
    assert not other["ci_low"].equals(summary["ci_low"])


def test_bootstrap_mean_ci_values():
    mean, low, high = sentiment.bootstrap_mean_ci([1.0] * 10, n_boot=100)
    assert (mean, low, high) == (1.0, 1.0, 1.0)
    mean, low, high = sentiment.bootstrap_mean_ci(np.arange(100) / 100, n_boot=2000, seed=0)
    assert mean == pytest.approx(0.495)
    assert 0.42 < low < 0.47 and 0.52 < high < 0.57
    assert all(math.isnan(x) for x in sentiment.bootstrap_mean_ci([]))
    with pytest.raises(ArgumentError, match="n_boot"):
        sentiment.bootstrap_mean_ci([1.0], n_boot=0)


def test_small_article_labels():
    article = Article.from_text("Peace talks succeeded. Troops killed ten people.")
    assert sentiment.sentence_table(article)["label"].tolist() == ["positive", "negative"]


# ------------------------------------------------------------------------------------------ figures


def test_sentiment_figures(seed, table):
    from analysis import figures

    paragraphs = sentiment.paragraph_table(seed, table)
    voiced = sentiment.sentence_table(seed, quotes=[_Span(seed.sentences[0].start, seed.sentences[0].end)])
    for fig in (
        figures.sentiment_arc(table),
        figures.paragraph_heatmap(paragraphs),
        figures.sentiment_by_voice(voiced),
        figures.vader_vs_textblob(table),
    ):
        assert fig.axes
        import matplotlib.pyplot as plt

        plt.close(fig)
    with pytest.raises(ArgumentError, match="voice"):
        figures.sentiment_by_voice(table)


# ------------------------------------------------------------------------------------------ notebook


@pytest.mark.slow
def test_notebook_executes(tmp_path, monkeypatch):
    import subprocess
    import sys

    import nbformat
    from nbclient import NotebookClient

    pytest.importorskip("analysis.quotes", reason="notebook 02 uses analysis.quotes for the voice split")
    source = REPO / "notebooks" / "02_sentiment.py"
    notebook = tmp_path / "02_sentiment.ipynb"
    subprocess.run(
        [sys.executable, "-m", "jupytext", "--to", "ipynb", "-o", str(notebook), str(source)],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    monkeypatch.setenv("NEWS_ANALYSIS_FIGURES", str(tmp_path / "figures"))
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    exported = sorted(p.name for p in (tmp_path / "figures").glob("02_*.png"))
    assert exported == [
        "02_paragraph_heatmap.png",
        "02_sentiment_arc.png",
        "02_sentiment_by_voice.png",
        "02_vader_vs_textblob.png",
    ]
