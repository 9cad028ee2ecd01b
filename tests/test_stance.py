"""Stance toward governments: target sentiment contract, the seed's government table, voices, relations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.article import Article, load_article
from analysis.errors import ArgumentError
from analysis.stance import (
    TargetSentiment,
    actor_relations,
    government_mentions,
    government_stance,
    stance_evidence,
    stance_rows,
    target_sentiment,
    voice_matrix,
)

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_de93c8312eb4da64.txt"
DATA = Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))


def span(sentence: str, mention: str) -> tuple[int, int]:
    i = sentence.index(mention)
    return i, i + len(mention)


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


# ------------------------------------------------------------------------------------ target sentiment


def test_contract_types_and_ranges():
    r = target_sentiment("Seoul pressed China.", 0, 5)
    assert isinstance(r, TargetSentiment)
    assert r.label in ("negative", "neutral", "positive")
    assert -1.0 <= r.score <= 1.0
    assert abs(sum(r.probabilities) - 1.0) < 1e-6
    assert r.score == pytest.approx(r.probabilities[2] - r.probabilities[0])


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (0, 99), (5, 2)])
def test_bad_offsets_raise(start, end):
    with pytest.raises(ArgumentError, match="start"):
        target_sentiment("Seoul pressed China.", start, end)


@pytest.mark.parametrize(
    ("sentence", "better", "worse"),
    [
        # overall tone negative, one target praised
        (
            "Critics slammed the ministry as corrupt and incompetent, "
            "while Kim won praise for his calm leadership.",
            "Kim",
            "the ministry",
        ),
        # overall tone positive, one target the villain
        ("Obama hailed Merkel as a trusted friend, while he accused Putin of lying.", "Merkel", "Putin"),
        (
            "The senator thanked the nurses for their heroic work, "
            "and attacked the governor for his disastrous handling of the crisis.",
            "the nurses",
            "the governor",
        ),
        (
            "Voters praised Smith for his honesty, but they denounced Jones as a liar and a fraud.",
            "Smith",
            "Jones",
        ),
    ],
)
def test_target_sentiment_differs_from_sentence_tone(sentence, better, worse):
    from analysis import nlp

    assert abs(nlp.vader().polarity_scores(sentence)["compound"]) < 0.9  # one sentence tone, two targets
    good = target_sentiment(sentence, *span(sentence, better))
    bad = target_sentiment(sentence, *span(sentence, worse))
    assert good.score > bad.score + 0.2
    assert bad.label == "negative"


def test_model_files_are_small():
    """Every file in the repository stays under 3 MB (hence 40,000 words and float16 sparse weights)."""
    sizes = {p.name: p.stat().st_size for p in (REPO / "analysis" / "models").glob("target_sentiment*")}
    assert sizes and all(0 < size < 3_000_000 for size in sizes.values()), sizes


@pytest.mark.slow
def test_dev_set_macro_f1():
    path = DATA / "newsmtsc" / "devtest_mt.jsonl"
    if not path.exists():
        pytest.skip(f"NewsMTSC data not found at {path}")
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "eval_stance.py"), "--data", str(DATA)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    row = next(line for line in out.splitlines() if line.startswith("| target_sentiment"))
    f1 = float(row.split("|")[2])
    vader = float(
        next(line for line in out.splitlines() if line.startswith("| sentence-level VADER")).split("|")[2]
    )
    assert f1 > vader + 0.1  # clearly better than sentence-level VADER (about 0.49)
    assert f1 > 0.6


# ------------------------------------------------------------------------------------ the seed article


def test_seed_government_table(seed):
    table = government_stance(seed)
    assert {
        "government",
        "mentions",
        "score",
        "label",
        "ci_low",
        "ci_high",
        "mentions_narrator",
        "mentions_quoted",
    } <= set(table.columns)
    govs = set(table.government)
    assert {"North Korea", "South Korea", "China", "United States", "United Nations"} <= govs
    assert not govs - {"North Korea", "South Korea", "China", "United States", "United Nations"}
    t = table.set_index("government")
    assert t.loc["South Korea", "mentions"] >= t.loc["United Nations", "mentions"]
    assert t.loc["China", "mentions"] >= 5
    assert ((t["ci_low"] <= t["score"]) & (t["score"] <= t["ci_high"])).all()
    assert t["score"].between(-1, 1).all()
    # a careful reader: North Korea is portrayed negatively (it calls defectors "human scum")
    assert t.loc["North Korea", "score"] < 0 and t.loc["North Korea", "label"] == "negative"
    assert t.loc["North Korea", "score"] < t.loc["United States", "score"]
    # South Korea is under pressure but less badly portrayed than China; China negative or neutral; the US
    # not negative (that South Korea comes out negative at all is a known miss: see the next test)
    assert t.loc["South Korea", "score"] > t.loc["China", "score"]
    assert t.loc["China", "label"] in ("negative", "neutral")
    assert t.loc["United States", "label"] in ("neutral", "positive")
    assert t.loc["United Nations", "uncertain"]  # one mention
    counted = t["n_negative"] + t["n_neutral"] + t["n_positive"] + t["mentions_unscored"]
    assert (counted == t["mentions"]).all()
    # the Unification and the Foreign Ministry speak; "the friction between Seoul and Beijing"
    assert t.loc["South Korea", "mentions_unscored"] == 3
    assert (t["mentions_narrator"] + t["mentions_quoted"] == t["mentions"]).all()


def test_seed_south_korea_is_not_portrayed_negatively(seed):
    # a government under pressure but not portrayed badly (the reading of the seed); it was
    # negative while "the friction between Seoul and Beijing" and the speakers' mentions were scored
    t = government_stance(seed).set_index("government")
    assert t.loc["South Korea", "label"] == "neutral" and t.loc["South Korea", "uncertain"]
    assert t.loc["China", "label"] == "negative" and t.loc["North Korea", "label"] == "negative"
    ev = stance_evidence(seed)
    parties = ev[ev.role.str.startswith("party to")]
    assert set(parties.mention) == {"Seoul", "Beijing"} and set(parties.role) == {"party to 'friction'"}


def test_seed_evidence_offsets_and_place_uses(seed):
    ev = stance_evidence(seed, quotes=[])
    for _, r in ev.iterrows():
        assert seed.text[r.start : r.end] == r.mention
        assert r.mention in r.sentence_text
    assert (ev.voice == "narrator").all()
    # "living in China" and "Seoul's Sungkyunkwan University" are places: not evidence
    mentions = government_mentions(seed)
    uni = mentions[
        (mentions.mention == "Seoul") & (mentions.start == seed.text.index("Seoul's Sungkyunkwan"))
    ]
    assert not uni.is_government.iloc[0]
    assert not (ev.start == seed.text.index("Seoul's Sungkyunkwan")).any()


def test_voice_from_quotes(seed):
    class Q:
        def __init__(self, start, end, speaker):
            self.start, self.end, self.speaker = start, end, speaker

    i = seed.text.index("China fears that")
    quotes = [Q(i, i + 120, "Kim Sung-joo")]
    ev = stance_evidence(seed, quotes=quotes)
    voiced = ev[ev.voice == "Kim Sung-joo"]
    assert len(voiced) >= 2 and set(voiced.government) == {"China"}
    table = government_stance(seed, quotes=quotes).set_index("government")
    assert table.loc["China", "mentions_quoted"] == len(voiced)
    assert "Kim Sung-joo" in voice_matrix(ev).columns


def test_seed_relations(seed):
    rel = actor_relations(seed)
    edges = {(r.source, r.target, r.polarity) for r in rel.itertuples()}
    assert ("South Korea", "China", "negative") in edges  # Lee Myung-bak ... pressed China
    assert ("North Korea", "defectors", "negative") in edges  # calls defectors "human scum"
    assert ("China", "South Korea", "negative") in edges  # the friction between Seoul and Beijing
    assert ("South Korea", "China", "annoyed by") in {(r.source, r.target, r.cue) for r in rel.itertuples()}
    pressed = rel[rel.cue == "pressed"].iloc[0]
    assert "pressed China" in pressed.sentence_text
    assert not any(r.source == r.target for r in rel.itertuples())


def test_relations_from_the_parse():
    from analysis.context import ArticleContext
    from analysis.relations import relation_rows

    text = (
        "The US imposed sanctions on Iran. Chinese diplomats were annoyed by Seoul's pressure. "
        "Tokyo welcomed Beijing's support for Seoul."
    )
    rows = relation_rows(ArticleContext.of(text))
    edges = {(r["source"], r["target"], r["cue"], r["polarity"], r["how"]) for r in rows}
    assert ("United States", "Iran", "imposed", "negative", "verb") in edges
    assert ("South Korea", "China", "annoyed by", "negative", "passive") in edges  # reversed: Seoul acts
    assert ("China", "South Korea", "support", "positive", "nominal") in edges
    for r in rows:
        assert r["sentence_text"] in text and text[r["cue_start"] :].startswith(r["cue"].split()[0])


def test_empty_and_government_free_articles():
    a = Article.from_text("The bakery on Main Street sold out of bread by noon.")
    assert government_stance(a).empty
    assert actor_relations(a).empty
    assert list(government_stance(a).columns)[:4] == ["government", "mentions", "score", "ci_low"]


# ------------------------------------------------------------------------------------ notebook


@pytest.mark.slow
def test_notebook_executes(tmp_path):
    nb_py = REPO / "notebooks" / "04_stance_toward_governments.py"
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(nb_py)
    env_before = os.environ.get("NEWS_ANALYSIS_FIGURES")
    os.environ["NEWS_ANALYSIS_FIGURES"] = str(tmp_path)
    try:
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}
        ).execute()
    finally:
        if env_before is None:
            os.environ.pop("NEWS_ANALYSIS_FIGURES", None)
        else:
            os.environ["NEWS_ANALYSIS_FIGURES"] = env_before
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert not errors
    assert any(p.name.startswith("04_") for p in tmp_path.glob("*.png"))


def _evidence(scores_and_kinds):
    return [
        {
            "government": "China",
            "score": score,
            "voice": "narrator" if kind != "quoted" else "a critic",
            "voice_kind": kind,
            "label": "negative" if score < -0.1 else "positive" if score > 0.1 else "neutral",
        }
        for score, kind in scores_and_kinds
    ]


def test_quoted_sources_that_agree_give_the_label_and_speakers_are_not_scored():
    mixed = [(0.5, "reporter"), (-0.4, "reporter"), (0.3, "reporter")]
    criticised = mixed + [(-0.6, "quoted"), (-0.5, "quoted"), (-0.7, "quoted")]
    (row,) = stance_rows(_evidence(criticised))
    assert row["label"] == "negative" and row["uncertain"]  # the overall interval includes 0: says so
    assert "quoted sources negative" in row["why"]
    (row,) = stance_rows(_evidence(mixed + [(-0.6, "quoted"), (0.5, "quoted")]))
    assert row["label"] == "neutral"  # the sources disagree
    (row,) = stance_rows(_evidence([(-0.6, "quoted")]))
    assert row["label"] == "neutral" and row["uncertain"]  # one mention: too few for any label
    (row,) = stance_rows(_evidence([(-0.6, "quoted"), (-0.7, "quoted")]))
    assert row["label"] == "negative" and row["uncertain"]  # criticised in both, praised in none: says so
    assert "mostly negative: 2 negative mentions, none positive" in row["why"]
    (row,) = stance_rows(
        _evidence([(-0.6, "reporter"), (-0.7, "reporter"), (-0.5, "reporter"), (0.4, "reporter")])
    )
    assert row["label"] == "neutral" and row["uncertain"]  # one positive mention: not "mostly negative"
    (row,) = stance_rows(_evidence([(-0.6, "reporter")] * 3 + [(0.9, "source")] * 2))
    assert row["mentions"] == 5 and row["mentions_unscored"] == 2 and row["score"] == pytest.approx(-0.6)
