"""Portrayal of any named actor: the contract, mentions by name variants and pronouns, labels that agree with
their evidence, PerSenT dev."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import require_data

from analysis.actors import actor_mentions, resolve_target
from analysis.article import Article
from analysis.context import ArticleContext
from analysis.errors import ArgumentError
from analysis.portrayal import restore_commas, summarize
from analysis.stance import Portrayal, government_stance, portrayal

REPO = Path(__file__).resolve().parents[1]
TEXT = (
    "President Donald Trump praised the deal on Monday. Critics said Mr. Trump had ignored the risks, "
    "but he said the agreement was a triumph. Michelle Trump was not there. The president left early."
)


@pytest.mark.parametrize("article", [TEXT, Article.raw(TEXT), ArticleContext(Article.raw(TEXT))])
def test_contract_fields(article):
    p = portrayal(article, "Donald Trump")
    assert isinstance(p, Portrayal)
    assert p.label in ("negative", "neutral", "positive")
    assert -1.0 <= p.score <= 1.0 and isinstance(p.mentions, int) and p.mentions == len(p.evidence)
    assert isinstance(p.evidence, pd.DataFrame)
    for col in ("mention", "sentence_text", "start", "end", "voice", "score"):
        assert col in p.evidence.columns
    text = article if isinstance(article, str) else ArticleContext.of(article).article.text
    for _, r in p.evidence.iterrows():
        assert text[r.start : r.end] == r.mention


def test_name_variants_titles_pronouns_and_other_people():
    p = portrayal(TEXT, "Donald Trump")
    found = list(p.evidence.mention)
    assert found[:2] == ["President Donald Trump", "Mr. Trump"]
    assert "he" in found and "The president" in found
    assert "Michelle Trump" not in found and "Trump" not in found[2:]  # Michelle Trump is someone else
    assert set(p.evidence.kind) <= {"name", "surname", "title", "pronoun", "description"}


@pytest.mark.parametrize(
    ("target", "kind", "key"),
    [
        ("North Korea", "government", "North Korea"),
        ("Pyongyang", "government", "North Korea"),
        ("the United Nations", "government", "United Nations"),
        ("Kim Jong Un", "person", "Kim Jong Un"),
        ("Nadal", "person", "Nadal"),
        ("Bank of America", "name", "Bank of America"),
    ],
)
def test_targets_as_users_type_them(target, kind, key):
    t = resolve_target(target)
    assert (t.kind, t.key) == (kind, key)


def test_government_target_uses_government_mentions(seed):
    p = portrayal(seed, "North Korea")
    assert p.kind == "government" and p.mentions >= 5
    assert "North Korean defectors" not in " ".join(p.evidence.mention)  # people, not the state
    row = government_stance(seed).set_index("government").loc["North Korea"]
    assert p.mentions == row.mentions and p.score == pytest.approx(row.score)
    table = government_stance(seed).set_index("government")
    for government in ("North Korea", "South Korea", "China", "United States"):
        # the same label as the government table (not the people's calibration): North Korea negative
        assert portrayal(seed, government).label == table.loc[government, "label"]


def test_surname_alone_and_family_name_first():
    text = "Kim Jong Un inspected the troops. Kim later left. Kim Sung-joo, a professor, disagreed."
    mentions = actor_mentions(ArticleContext.of(text), "Kim Jong Un")
    assert [m.text for m in mentions][:2] == ["Kim Jong Un", "Kim"]
    assert not any("Sung-joo" in m.text for m in mentions)


def test_capitalised_words_before_the_full_name_are_not_part_of_it():
    # the left expansion used to take "Clark County Undersheriff" / "Monday" into the name, which then named
    # someone else, and the target was found nowhere (13 PerSenT dev targets)
    text = (
        "Clark County Undersheriff Kevin McMahill said the leads ran out. McMahill added that he was tired. "
        "In a tweet on Monday  Norishige Kanai claimed he had grown. Kanai later apologised."
    )
    assert [m.text for m in actor_mentions(ArticleContext.of(text), "Kevin McMahill")][:3] == [
        "Kevin McMahill",
        "McMahill",
        "he",
    ]
    assert [m.text for m in actor_mentions(ArticleContext.of(text), "Norishige Kanai")][:2] == [
        "Norishige Kanai",
        "he",
    ]
    names = [m.text for m in actor_mentions(ArticleContext.of(TEXT), "Donald Trump")]
    assert names[0] == "President Donald Trump"  # a title before the name stays


def test_absent_target_and_bad_targets():
    p = portrayal("Seoul pressed China.", "Rafael Nadal")
    assert p.mentions == 0 and p.label == "neutral" and p.uncertain and p.evidence.empty
    assert "does not occur" in p.why
    for bad in ("", "   ", None, 3, ["Nadal"]):
        with pytest.raises(ArgumentError, match="target"):
            portrayal("Seoul pressed China.", bad)
    with pytest.raises(ArgumentError, match="article"):
        portrayal(42, "Nadal")


def test_commas_restored_with_offsets_kept():
    text = "In 2006  Koellmann bought a flat  a small one  in Miami. Koellmann said he regrets it."
    assert len(restore_commas(text)) == len(text)
    p = portrayal(text, "Benjamin Koellmann")
    assert p.mentions >= 2
    for _, r in p.evidence.iterrows():
        assert text[r.start : r.end] == r.mention


def test_calibration_features_tone_and_focus():
    from analysis.portrayal import FEATURES, load_calibration, portrayal_features

    p = portrayal(TEXT, "Donald Trump")
    article = Article.raw(TEXT)
    f = portrayal_features(p.evidence.to_dict("records"), article)
    assert set(f) == set(FEATURES) and len(FEATURES) == 16
    assert f["mentions_per_sentence"] == pytest.approx(p.mentions / len(article.sentences))
    assert f["log_sentences"] == pytest.approx(np.log1p(4))
    assert 0 < f["article_pos"] < 1 and 0 < f["article_neg"] < 1  # "praised", "triumph"; "ignored the risks"
    assert load_calibration()["coef"].shape == (3, 16)


def test_class_weights_soften_the_balance():
    sys.path.insert(0, str(REPO / "training"))
    from train_portrayal import class_weights

    y = np.array([0] * 57 + [1] * 215 + [2] * 302)  # PerSenT dev
    balanced, soft = class_weights(y, 1.0), class_weights(y, 0.5)
    assert balanced[0] == pytest.approx(574 / (3 * 57)) and soft[0] == pytest.approx(balanced[0] ** 0.5)
    assert soft[0] / soft[2] < balanced[0] / balanced[2]


def test_labels_never_say_more_than_the_mentions():
    # no mention of the lean's sign -> neutral, whatever the mean says
    s = summarize([0.2, 0.3, 0.25], ["neutral"] * 3, (0.2, 0.3))
    assert s["label"] == "neutral" and s["uncertain"] and "no positive mention" in s["why"]
    # one mention: uncertain, neutral
    s = summarize([-0.8], ["negative"], (-0.8, -0.8))
    assert s["label"] == "neutral" and s["uncertain"] and s["lean"] == "negative"
    # two mentions, both negative: uncertain, and negative as its evidence shows; two positive: neutral
    s = summarize([-0.8, -0.7], ["negative"] * 2, (-0.8, -0.7))
    assert s["label"] == "negative" and s["uncertain"] and "mostly negative" in s["why"]
    s = summarize([0.8, 0.7], ["positive"] * 2, (0.7, 0.8))
    assert s["label"] == "neutral" and s["uncertain"] and s["lean"] == "positive"
    # an interval that includes 0
    s = summarize([-0.6, 0.3, -0.4], ["negative", "positive", "negative"], (-0.6, 0.1))
    assert s["label"] == "neutral" and "includes 0" in s["why"]
    s = summarize([-0.6, -0.5, -0.4], ["negative"] * 3, (-0.6, -0.4))
    assert s["label"] == "negative" and not s["uncertain"]


def test_government_rows_agree_with_their_evidence(seed):
    table = government_stance(seed)
    for r in table.itertuples():
        if r.label == "positive":
            assert r.n_positive > 0
        if r.label == "negative":
            assert r.n_negative > 0
        if r.mentions < 3 or r.ci_low <= 0 <= r.ci_high:
            assert r.uncertain and r.label == "neutral"
        assert r.why


@pytest.mark.slow
@pytest.mark.beside
def test_persent_dev_beats_the_baselines():
    require_data("persent", "dev.jsonl")
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "eval_portrayal.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    cells = [line.split("|") for line in out.splitlines() if line.count("|") == 4 and "---" not in line]
    rows = {c[1].strip(): float(c[2]) for c in cells[1:]}
    held_out = rows["portrayal, held-out folds: as shipped for people (calibrated lean, uncertain flagged)"]
    # measured 0.545 against 0.39 (0.50 with the earlier 12 features and "balanced" class weights)
    assert held_out > 0.52
    assert held_out > rows["VADER over sentences naming the target (baseline)"] + 0.1
    assert held_out > rows["always positive (baseline)"] + 0.2


@pytest.mark.slow
@pytest.mark.training
def test_retrained_calibration_agrees_with_the_shipped_one(tmp_path):
    data = require_data("persent", "dev.jsonl").parents[1]
    sys.path.insert(0, str(REPO / "training"))
    from compare_models import load_model_file, model_differences

    out = tmp_path / "portrayal_calibration.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "training" / "train_portrayal.py"), "--data", str(data), "--out", out],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shipped = REPO / "analysis" / "models" / "portrayal_calibration.json"
    problems = model_differences(load_model_file(out), load_model_file(shipped), rtol=1e-5, atol=1e-5)
    assert not problems, "\n".join(problems)
