"""Parsing ahead: several articles' sentences in one stream give the same parses and the same rows."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import require_data
from corpus_fixtures import make_corpus

from analysis import parse_ahead as ahead
from analysis import runner
from analysis.article import load_article
from analysis.context import ArticleContext
from analysis.corpus import iter_sources
from analysis.errors import ArgumentError
from analysis.parse import ParsedArticle, parse_many
from analysis.pipeline import analysis_records, build_frames, resolve_analyses, table_schemas


def _bbc(n: int, folder: str = "politics") -> list:
    paths = sorted(iter_sources(require_data("news_corpus", "bbc", folder)))
    return [load_article(p) for p in paths[:n]]


def _fields(parsed_sentence):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.idx) for t in parsed_sentence.doc
    ]


def test_parse_many_equals_each_article_alone():
    articles = _bbc(30)
    alone = [ParsedArticle(a).sentences() for a in articles]
    together = [ParsedArticle(a) for a in articles]
    parse_many([(p, range(len(p.article.sentences))) for p in together])
    assert sum(len(a.sentences) for a in articles) > 400
    for one, many in zip(alone, together, strict=True):
        assert many.stats["sentences_parsed"] == len(one)
        assert [_fields(s) for s in many.sentences()] == [_fields(s) for s in one]


def test_parse_many_checks_indices_and_skips_what_is_parsed():
    parsed = ParsedArticle(_bbc(1)[0])
    with pytest.raises(ArgumentError, match="out of range"):
        parse_many([(parsed, [10_000])])
    first = parsed.sentence(0)
    parse_many([(parsed, [0, 1])])
    assert parsed.sentence(0) is first and parsed.stats["sentences_parsed"] == 2


def test_the_plan_is_what_the_analyses_ask_for():
    """Parsed ahead: the same sentences as the lazy parse, and almost none left for it to do."""
    resolved = resolve_analyses()
    uses = {u for r in resolved for u in r.uses}
    assert uses == {"quotes", "mentions"}
    articles = _bbc(25, "business") + _bbc(25, "politics")
    lazy = [ArticleContext(a) for a in articles]
    for c in lazy:
        analysis_records(c, resolved)
    planned = [ArticleContext(a) for a in articles]
    ahead.parse_ahead(planned, uses)
    before = sum(c.parsed.stats["sentences_parsed"] for c in planned)
    for c in planned:
        analysis_records(c, resolved)
    after = [c.parsed.stats["sentences_parsed"] for c in planned]
    assert after == [c.parsed.stats["sentences_parsed"] for c in lazy]
    assert before > 0.97 * sum(after) and sum(after) > 300


def _shard_frames(units, chunk: int, enabled: bool = True, analyses=None):
    with pytest.MonkeyPatch.context() as m:
        m.setattr(runner, "PARSE_AHEAD_ARTICLES", chunk)
        if not enabled:
            m.setattr(ahead, "parse_ahead", lambda contexts, uses: None)
        part = runner.analyse_units(0, units, analyses)
    resolved = resolve_analyses(analyses)
    strict = all(r.tables is not None for r in resolved)
    frames = build_frames(part.records, table_schemas(resolved), strict=strict)
    return frames, part.errors


def test_corpus_rows_are_the_same_with_and_without_parsing_ahead():
    folder = require_data("news_corpus", "bbc")
    units = [u for u in runner.iter_units([folder]) if u.kind == "txt"][::90][:24]
    lazy, _ = _shard_frames(units, 1, enabled=False)
    together, _ = _shard_frames(units, 16)
    assert list(lazy) == list(together) and len(lazy["sentences"]) > 300
    for name in lazy:
        pd.testing.assert_frame_equal(lazy[name], together[name], check_exact=True)


def test_errors_keep_the_units_order_and_a_failed_plan_changes_nothing(tmp_path, monkeypatch):
    from analysis import pipeline

    def fragile(context):
        if context.article.id in ("generated/g003", "generated/g006"):
            raise ValueError("boom")
        return {"articles": [{"ok": True}]}

    monkeypatch.setattr(pipeline, "ANALYSES", [*pipeline.ANALYSES, pipeline.AnalysisSpec("fragile", fragile)])
    units = list(runner.iter_units([make_corpus(tmp_path / "news")]))
    one, errors_one = _shard_frames(units, 1)
    assert [e["stage"] for e in errors_one].count("analysis") == 2 and len(errors_one) == 5

    def broken(requests):
        raise RuntimeError("no parse ahead today")

    monkeypatch.setattr(ahead, "parse_many", broken)
    many, errors_many = _shard_frames(units, 16)
    assert errors_many == errors_one
    for name in one:
        pd.testing.assert_frame_equal(one[name], many[name], check_exact=True)


def test_one_article_parses_its_mentions_with_the_quotes_batch(monkeypatch):
    from analysis import parse, pipeline

    calls = []
    nlp = parse.load_pipeline()
    real = nlp.pipe
    monkeypatch.setattr(nlp, "pipe", lambda texts, **kw: calls.append(1) or real(texts, **kw))
    articles = _bbc(12, "politics")
    with_expect = [pipeline.analyze_article(a) for a in articles]
    n_with = len(calls)
    calls.clear()
    monkeypatch.setattr(pipeline, "parse_ahead", lambda contexts, uses: None)
    lazy = [pipeline.analyze_article(a) for a in articles]
    assert n_with < len(calls)
    for x, y in zip(with_expect, lazy, strict=True):
        assert x.context.parsed.stats == y.context.parsed.stats
        for name in x.frames:
            pd.testing.assert_frame_equal(x[name], y[name], check_exact=True)
