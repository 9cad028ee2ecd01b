"""analyze_article: one shared segmentation, tidy tables with article_id, the analysis registry."""

from __future__ import annotations

import pandas as pd
import pytest
from corpus_fixtures import SEED

from analysis import nlp, pipeline
from analysis.article import Article, load_article
from analysis.errors import ArgumentError
from analysis.pipeline import ArticleAnalysis, analyze_article


@pytest.fixture
def registry(monkeypatch):
    """A private copy of the registry, so tests can register analyses without leaking them."""
    monkeypatch.setattr(pipeline, "ANALYSES", list(pipeline.ANALYSES))
    return pipeline.ANALYSES


def test_seed_article_table():
    result = analyze_article(load_article(SEED))
    assert isinstance(result, ArticleAnalysis)
    assert result.article_id == "000_de93c8312eb4da64"
    row = result.articles.iloc[0]
    assert row["title"] == "NKorean defectors in China a sore point in Seoul"
    assert row["byline"] == "Sam Kim"
    assert row["agency"] == "Associated Press"
    assert row["published"] == pd.Timestamp(2012, 3, 8)
    assert row["n_paragraphs"] == 10
    assert row["n_sentences"] == 16
    assert row["n_words"] == len(nlp.words(result.article.text))
    assert result["articles"] is result.articles
    assert list(result.tables())[0] == "articles" and result.analyses == pipeline.registered_analyses()
    assert all((frame["article_id"] == result.article_id).all() for frame in result.tables().values())
    if "stats" in result.analyses:  # statistics join the same one-row articles table
        assert row["n_sentences"] == 16 and "sentences" not in row and row["flesch_reading_ease"] > 0
        assert "More than 21,000" in set(result.quantities["text"])


def test_accepts_path_and_text():
    by_path = analyze_article(str(SEED))
    assert by_path.articles.loc[0, "n_sentences"] == 16
    by_text = analyze_article("Seoul pressed China. It failed.", analyses=["articles"])
    assert by_text.articles.loc[0, "n_sentences"] == 2
    assert list(by_text.tables()) == ["articles", "warnings"] and by_text.analyses == ["articles"]
    assert by_text.warnings.empty and list(by_text.warnings.columns) == ["article_id", "stage", "problem"]
    with pytest.raises(ArgumentError, match="article"):
        analyze_article(42)


def test_unknown_table_attribute_names_the_tables():
    result = analyze_article("Seoul pressed China. It failed.")
    with pytest.raises(AttributeError, match="articles"):
        _ = result.no_such_table
    with pytest.raises(KeyError, match="articles"):
        _ = result["no_such_table"]


def test_one_segmentation_shared_by_all_analyses(registry, monkeypatch):
    """Every registered analysis reads article.sentences; Punkt runs once per paragraph, not per analysis."""
    pipeline.register(
        "sentences_a",
        lambda c: {"check": [{"sentence": s.index, "len_a": len(s.text)} for s in c.article.sentences]},
        {"check": {"sentence": "int64", "len_a": "int64"}},
    )
    pipeline.register(
        "sentences_b",
        lambda c: {"check_b": [{"sentence": s.index, "b": 1} for s in c.article.sentences]},
        {"check_b": {"sentence": "int64", "b": "int64"}},
    )
    tokenizer = nlp.sentence_tokenizer()
    calls = []
    original = tokenizer.span_tokenize
    monkeypatch.setattr(
        tokenizer, "span_tokenize", lambda text, *a, **k: calls.append(text) or original(text, *a, **k)
    )
    article = load_article(SEED)
    result = analyze_article(article)
    # one Punkt pass per paragraph, shared by every registered analysis (statistics, sentiment, quotes ...)
    assert len(calls) == len(article.paragraphs), pipeline.registered_analyses()
    sentences = result.check
    assert list(sentences.columns) == ["article_id", "sentence", "len_a"]
    assert len(sentences) == 16 and (sentences["article_id"] == article.id).all()
    assert sentences["len_a"].tolist() == [len(s.text) for s in article.sentences]
    assert result.check_b["b"].tolist() == [1] * 16
    # the quotes and government mentions were found once, in the context every analysis shared
    assert result.context.computed()["quotes"] and result.context.computed()["mentions"]


def test_tables_are_typed_and_other_shapes_are_refused(registry):
    result = analyze_article("Seoul lies near the border. It rained.")
    assert str(result.quotes["speaker_start"].dtype) == "Int64" and result.quotes.empty
    assert str(result.stance["mentions"].dtype) == "int64"
    pipeline.register("frame", lambda c: {"x": pd.DataFrame({"a": [1]})}, {"x": {"a": "int64"}})
    with pytest.raises(ArgumentError, match="list of row dicts"):
        analyze_article("Seoul pressed China.", analyses=["frame"])
    pipeline.register("undeclared", lambda c: {"y": [{"a": 1, "b": 2}]}, {"y": {"a": "int64"}})
    with pytest.raises(ArgumentError, match="undeclared column"):
        analyze_article("Seoul pressed China.", analyses=["undeclared"])
    pipeline.register("twice", lambda c: {"quotes": []}, {"quotes": {"a": "int64"}})
    with pytest.raises(ArgumentError, match="both write it"):
        analyze_article("Seoul pressed China.", analyses=["quotes", "twice"])


def test_registry_selection_and_errors(registry):
    pipeline.register("chars", lambda c: {"articles": [{"chars": len(c.article.text)}]})
    article = Article.from_text("Seoul pressed China. It failed.", id="x")
    both = analyze_article(article)
    assert both.articles.loc[0, "chars"] == len(article.text)
    assert both.articles.loc[0, "n_sentences"] == 2
    only = analyze_article(article, analyses=["chars"])
    assert list(only.articles.columns) == ["article_id", "chars"]
    with pytest.raises(ArgumentError, match="unknown 'nope'"):
        analyze_article(article, analyses=["nope"])
    pipeline.register("clash", lambda c: {"articles": [{"chars": 0}]})
    with pytest.raises(ArgumentError, match="another analysis wrote"):
        analyze_article(article)


def test_lazy_string_targets(registry):
    pipeline.register("object_id", "builtins:id")  # resolved on first use only; returns an int
    with pytest.raises(ArgumentError, match="dict of tables"):
        analyze_article("Seoul pressed China.", analyses=["object_id"])
    pipeline.register("missing", "analysis.pipeline:no_such_function")
    with pytest.raises(ArgumentError, match="no_such_function"):
        analyze_article("Seoul pressed China.", analyses=["missing"])
