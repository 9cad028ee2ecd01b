"""Property-based tests (hypothesis) over arbitrary Unicode text: segmentation and loading never raise
unexpectedly, offsets always slice back, and records round-trip through JSONL."""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import Article, InputError, nlp
from analysis.corpus import load_corpus

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
newsy = st.lists(
    st.sampled_from(
        list(string.ascii_letters + string.digits + "  .,;:!?'\"“”‘’-—()\n\t")
        + ["U.S. ", "Mr. ", "\n\n", " said ", "Seoul ", "China. "]
    ),
    max_size=200,
).map("".join)
anything = st.text(max_size=300)


@SETTINGS
@given(st.one_of(newsy, anything))
def test_sentence_spans_slice_back_and_are_ordered(text):
    spans = nlp.sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())  # no non-space character is lost


@SETTINGS
@given(st.one_of(newsy, anything))
def test_token_spans_slice_back(text):
    for start, end in nlp.token_spans(text):
        assert 0 <= start < end <= len(text) and not text[start:end].isspace()


@SETTINGS
@given(st.one_of(newsy, anything))
def test_article_from_text_gives_article_or_input_error(text):
    try:
        article = Article.from_text(text)
    except InputError as exc:
        assert exc.path == "<text>" and str(exc).startswith("<text>: ")
        return
    assert article.text == "\n\n".join(article.paragraphs) and article.text.strip()
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        start, end = article.paragraph_spans[sentence.paragraph]
        assert start <= sentence.start and sentence.end <= end


@SETTINGS
@given(st.lists(newsy.filter(lambda t: any(c.isalpha() for c in t)), min_size=1, max_size=5))
def test_jsonl_round_trip(tmp_path_factory, texts):
    articles = []
    for i, text in enumerate(texts):
        try:
            articles.append(Article.from_text(text, id=f"a{i}", title=f"Title {i}", published="2012-03-08"))
        except InputError:
            continue
    path = tmp_path_factory.mktemp("rt") / "corpus.jsonl"
    path.write_text("".join(json.dumps(a.to_record()) + "\n" for a in articles), encoding="utf-8")
    reader = load_corpus(path)
    loaded = list(reader)
    assert reader.skipped == []
    assert [(a.id, a.title, a.text, a.published) for a in loaded] == [
        (a.id, a.title, a.text, a.published) for a in articles
    ]


@SETTINGS
@given(st.one_of(newsy, anything))
def test_extract_quotes_never_raises_and_offsets_slice_back(text):
    from analysis.quotes import extract_quotes

    for quote in extract_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.cue_start is not None:
            assert 0 <= quote.cue_start <= quote.cue_end <= len(text)
            assert text[quote.cue_start : quote.cue_end] == quote.cue
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
        assert quote.kind in {"direct", "indirect", "mixed"}


@SETTINGS
@given(st.one_of(newsy, anything).filter(bool), st.data())
def test_target_sentiment_accepts_any_valid_span(sentence, data):
    from analysis.stance import target_sentiment

    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    result = target_sentiment(sentence, start, end)
    assert result.label in {"negative", "neutral", "positive"} and -1 <= result.score <= 1


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda t: (t[0], t[0] + t[1])), max_size=25
)


@settings(max_examples=300, deadline=None)
@given(spans=_SPANS, start=st.integers(0, 80), length=st.integers(0, 12))
def test_span_index_answers_as_a_scan_would(spans, start, length):
    from analysis.spans import SpanIndex, position_in_sorted

    end = start + length
    index = SpanIndex(spans)
    assert index.covering(start, end) == sorted(
        (i for i, (s, e) in enumerate(spans) if s <= start and end <= e), key=lambda i: (spans[i], i)
    )
    q_end = max(end, start + 1)
    assert sorted(index.overlapping(start, end)) == [
        i for i, (s, e) in enumerate(spans) if s < q_end and e > start
    ]
    holding = sorted((i for i, (s, e) in enumerate(spans) if s <= start < e), key=lambda i: (spans[i], i))
    assert index.position_of(start) == (holding[0] if holding else None)
    tiled, at = [], 0  # sorted, non-overlapping spans (sentences): one binary search
    for s, e in sorted(spans):
        if s >= at and e > s:
            tiled.append((s, e))
            at = e
    expected = next((i for i, (s, e) in enumerate(tiled) if s <= start < e), None)
    assert position_in_sorted(tiled, start) == expected
