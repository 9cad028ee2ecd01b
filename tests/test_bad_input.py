"""The catalogue of bad inputs (issue 7): each gives a result or a package exception whose message names
the file, line or argument. Loader and corpus entries live here; analysis entry points add theirs below."""

from __future__ import annotations

import codecs
import warnings

import pytest

from analysis import AnalysisError, Article, EncodingWarning, InputError, load_article, load_corpus, nlp

SEED_LINE = (
    "North Korea calls defectors \u201chuman scum\u201d, its website said. Seoul\u2019s stance toughened."
)


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------------------ raises, naming the path


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t \r\n", "only whitespace"),
        ("nul.txt", b"abc\x00def\x00" * 10, "binary file (contains NUL bytes)"),
        ("controls.bin", bytes(range(1, 9)) * 200, "looks binary"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
        ("quotes_only.txt", b"\"\" \xe2\x80\x9c\xe2\x80\x9d '' ", "no article text"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, data, problem):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        load_article(path)
    assert problem in str(info.value) and str(path) in str(info.value)
    assert isinstance(info.value, AnalysisError)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputError, match="missing.txt: no such file"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_article(tmp_path)
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "missing_dir")


# --------------------------------------------------------------------------------------------- gives a result


@pytest.mark.parametrize(
    "encoding, prefix, warns",
    [
        ("utf-8", b"", False),
        ("utf-8", codecs.BOM_UTF8, False),
        ("utf-16-le", codecs.BOM_UTF16_LE, False),
        ("utf-16-be", codecs.BOM_UTF16_BE, False),
        ("cp1252", b"", True),
    ],
)
def test_encodings_give_the_same_text(tmp_path, encoding, prefix, warns):
    path = _write(tmp_path, "a.txt", prefix + SEED_LINE.encode(encoding))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path)
    assert article.text == SEED_LINE
    assert any(issubclass(w.category, EncodingWarning) for w in caught) == warns


def test_latin1_and_mojibake_and_line_ends(tmp_path):
    with pytest.warns(EncodingWarning):
        assert (
            load_article(_write(tmp_path, "l.txt", "Zürich \x81 café.".encode("latin-1"))).text
            == "Zürich café."
        )
    mojibake = SEED_LINE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert load_article(_write(tmp_path, "m.txt", mojibake)).text.startswith(
        "North Korea calls defectors \u201chuman"
    )
    crlf = load_article(_write(tmp_path, "c.txt", b"First line here.\r\n\r\nSecond one.\rThird."))
    assert crlf.paragraphs == ["First line here.", "Second one.", "Third."]


def test_ten_megabyte_single_line(tmp_path):
    path = _write(tmp_path, "big.txt", ("Seoul pressed Beijing on the issue. " * 290_000).encode())
    assert path.stat().st_size > 10_000_000
    article = load_article(path)
    assert len(article.paragraphs) == 1 and len(article.text) > 10_000_000
    spans = nlp.sentence_spans(article.text[:2_000_000])
    assert len(spans) == 2_000_000 // len("Seoul pressed Beijing on the issue. ") + 1


def test_html_non_english_and_no_punctuation():
    html = Article.from_text("<html><body><p>Seoul pressed China.</p><p>China refused.</p></body></html>")
    assert html.paragraphs == ["Seoul pressed China.", "China refused."]
    korean = Article.from_text("북한은 탈북자들을 비난했다. 서울은 베이징에 압력을 가했다.")
    assert len(korean.sentences) == 2
    flat = Article.from_text("seoul pressed china and china refused and nothing changed at all")
    assert len(flat.sentences) == 1 and flat.sentences[0].text == flat.text


def test_unbalanced_and_nested_quotation_marks_load():
    article = Article.from_text("He said \"we will 'never' yield. Then he left.\n\n\"Another paragraph opens")
    assert len(article.paragraphs) == 2 and len(article.sentences) >= 2


# -------------------------------------------------------------------------------------------------- corpora


def test_jsonl_with_malformed_line_reports_file_and_line(tmp_path):
    path = _write(tmp_path, "c.jsonl", b'{"text": "Fine text. Here."}\n{"text": \n{"text": "More. Text."}\n')
    reader = load_corpus(path)
    assert len(list(reader)) == 2
    assert [(s.path, s.line) for s in reader.skipped] == [(str(path), 2)]
    with pytest.raises(InputError, match=r"c\.jsonl:2: invalid JSON"):
        list(load_corpus(path, strict=True))


def test_csv_without_text_column_names_the_file_and_columns(tmp_path):
    path = _write(tmp_path, "nocol.csv", b"headline,date\nA,2012\n")
    with pytest.raises(InputError, match=r"nocol\.csv: CSV has no text column \(columns: headline, date"):
        list(load_corpus(path))


def test_jsonl_not_utf8_is_a_recorded_skip(tmp_path):
    path = _write(tmp_path, "l.jsonl", b'{"text": "Good one. Yes."}\n{"text": "caf\xe9"}\n')
    reader = load_corpus(path)
    assert len(list(reader)) == 1 and reader.skipped[0].line == 2 and "UTF-8" in reader.skipped[0].reason


# ------------------------------------------------------------------------------------ analysis entry points


@pytest.mark.parametrize(
    "text",
    [
        "",
        '"',
        '""""',
        "“”«»‘’",
        'He said "we will never',
        'Open "one "two" three',
        "«Bonjour», a dit Macron.",
        "no punctuation at all here",
        "북한은 탈북자들을 비난했다고 말했다.",
        '"' * 1001,
    ],
)
def test_extract_quotes_odd_inputs_give_valid_offsets(text):
    from analysis.quotes import extract_quotes

    for quote in extract_quotes(text):
        assert text[quote.start : quote.end] == quote.text
        assert 0 <= quote.cue_start <= quote.cue_end <= len(text) if quote.cue_start is not None else True


def test_unbalanced_quote_does_not_swallow_the_article():
    from analysis.quotes import extract_quotes

    text = (
        'Kim said "the talks will fail.\n\nSeoul pressed China on Thursday. '
        + "The ministry said it would respond. " * 20
    )
    quotes = extract_quotes(text)
    assert all(q.end - q.start < 200 for q in quotes if q.kind == "direct")


@pytest.mark.parametrize("value", [None, 123, b"bytes"])
def test_extract_quotes_rejects_non_strings(value):
    from analysis.quotes import extract_quotes

    with pytest.raises(AnalysisError, match="text"):
        extract_quotes(value)


@pytest.mark.parametrize(
    "start, end, message",
    [
        (5, 0, "start=5, end=0"),
        (-1, 3, "start=-1"),
        (0, 100, "end=100"),
        (3, 3, "start=3, end=3"),
        ("a", 2, "offsets must be integers"),
        (0.5, 2, "offsets must be integers"),
    ],
)
def test_target_sentiment_bad_offsets_name_the_argument(start, end, message):
    from analysis import ArgumentError
    from analysis.stance import target_sentiment

    with pytest.raises(ArgumentError, match=message):
        target_sentiment("China pressed Seoul.", start, end)


def test_target_sentiment_accepts_numpy_ints_and_non_english():
    import numpy as np

    from analysis.stance import target_sentiment

    assert target_sentiment("China pressed Seoul.", np.int64(0), np.int32(5)).label in {
        "negative",
        "neutral",
        "positive",
    }
    result = target_sentiment("北京对首尔施压。", 0, 2)
    assert -1 <= result.score <= 1


def test_government_stance_accepts_text_and_rejects_other_types():
    from analysis.stance import government_stance

    table = government_stance("North Korea condemned China. Seoul pressed Beijing.")
    assert set(table.government) == {"North Korea", "China", "South Korea"}
    with pytest.raises(AnalysisError, match=r"government_stance\(article\): expected an Article"):
        government_stance(None)
    assert government_stance("Nothing about any state here. Just weather.").empty


# ------------------------------------------------------------------------------------------- command line


def test_cli_bad_inputs_are_recorded_or_one_line_errors(tmp_path, capsys):
    from analysis.cli import main
    from analysis.runner import read_results

    # in a corpus run, a CSV without a text column is a recorded skip naming the file and its columns; with
    # nothing left to analyse, the command says so and exits 1 (issue 13)
    nocol = _write(tmp_path, "nocol.csv", b"headline,date\nA,2012\n")
    assert main(["analyze", str(nocol), "--out", str(tmp_path / "o1"), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "skipped: 1" in captured.out and "error: no article could be analysed" in captured.err
    errors = read_results(tmp_path / "o1", "errors")
    assert errors["path"].tolist() == [str(nocol)] and "CSV has no text column" in errors["reason"][0]
    # --strict turns it into a one-line error
    assert main(["analyze", str(nocol), "--out", str(tmp_path / "o2"), "--no-progress", "--strict"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nocol.csv" in err[0] and "CSV has no text column" in err[0]

    empty = _write(tmp_path, "empty.txt", b"")
    assert main(["info", str(empty)]) == 1
    assert f"{empty}: empty file" in capsys.readouterr().err
    assert main(["info", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err


def test_cli_records_bad_jsonl_lines_in_the_errors_table(tmp_path, capsys):
    from analysis.cli import main
    from analysis.runner import read_results

    path = _write(
        tmp_path, "c.jsonl", b'{"text": "Seoul pressed China. It worked."}\n{broken\n{"title": "no text"}\n'
    )
    out = tmp_path / "out"
    assert main(["analyze", str(path), "--out", str(out), "--no-progress"]) == 0
    assert "articles in: 3   analysed: 1   skipped: 2" in capsys.readouterr().out
    errors = read_results(out, "errors")
    assert sorted(errors["line"].astype(int)) == [2, 3]
    assert set(errors["path"]) == {str(path)}
    assert any("invalid JSON" in r for r in errors["reason"]) and any(
        "no text field" in r for r in errors["reason"]
    )


def test_corpus_run_skips_only_the_bad_utf8_line(tmp_path, capsys):
    from analysis.cli import main
    from analysis.runner import read_results

    path = _write(
        tmp_path, "l.jsonl", b'{"text": "Good one. Yes."}\n{"text": "caf\xe9"}\n{"text": "After it. Fine."}\n'
    )
    assert main(["analyze", str(path), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    assert "articles in: 3   analysed: 2   skipped: 1" in capsys.readouterr().out
    errors = read_results(tmp_path / "out", "errors")
    assert errors["line"].astype(int).tolist() == [2] and "UTF-8" in errors["reason"][0]


HOSTILE_TEXTS = {
    "empty": "",
    "whitespace": "  \n\n\t ",
    "punctuation": ".,;:!?\"“”«»''—–-()[]{} ... !!!",
    "emoji": "😀 China 🎉 said “🙂” 🇰🇷 " * 40,
    "right-to-left": 'قال الرئيس إن الصين ستستأنف المحادثات. "نحن سنفوز" قال. אמר השר כי סין תחדש את השיחות.',
    "one 100k-character sentence": ("China said that the talks with Seoul, " * 3_000)[:100_000],
    "no letters at all": "1234 5678 %%% ### " * 200,
    "control characters": "China\u200b said\u202e the talks\x00 would resume.\x01",
}


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS))
def test_hostile_text_through_portrayal_and_the_evidence_view(name):
    """The bad-input catalogue through the parse, ``portrayal`` and the evidence view: an answer with valid
    offsets, never an exception; a page that shows every character of the text exactly once."""
    import html as html_lib
    import re

    from analysis import Article
    from analysis.stance import portrayal
    from analysis.views import evidence_html

    text = HOSTILE_TEXTS[name]
    result = portrayal(text, "China")
    assert result.mentions == len(result.evidence) >= 0
    assert result.label in ("negative", "neutral", "positive")
    if result.mentions == 0:
        assert result.uncertain
    for row in result.evidence.to_dict("records"):
        assert 0 <= row["start"] < row["end"] <= len(text)
    if name == "one 100k-character sentence":
        assert result.mentions > 100  # a sentence too long to parse in one piece still counts its mentions
    article = Article.raw(text) if text.strip() else None
    if article is None:
        with pytest.raises(InputError):
            Article.from_text(text)
        return
    page = evidence_html(article, full_page=False)
    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", page.split("<article", 1)[-1].split("</article>", 1)[0]))
    assert text.strip()[:50] in shown or "No attributed statement" in page
