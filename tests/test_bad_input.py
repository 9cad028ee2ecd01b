"""The catalogue of bad inputs (issue 7): each gives a result or a package exception whose message names
the file, line or argument. Loader and corpus entries live here; analysis entry points add theirs below."""

from __future__ import annotations

import codecs
import warnings

import pytest

from analysis import AnalysisError, Article, EncodingWarning, InputError, load_article, load_corpus, nlp

SEED_LINE = "North Korea calls defectors \u201chuman scum\u201d, its website said. Seoul\u2019s stance toughened."


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------------------- raises, naming the path

@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t \r\n", "only whitespace"),
        ("nul.txt", b"abc\x00def\x00" * 10, "binary file (contains NUL bytes)"),
        ("controls.bin", bytes(range(1, 9)) * 200, "looks binary"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
        ("quotes_only.txt", b'"" \xe2\x80\x9c\xe2\x80\x9d \'\' ', "no article text"),
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


# ---------------------------------------------------------------------------------------------- gives a result

@pytest.mark.parametrize(
    "encoding, prefix, warns",
    [("utf-8", b"", False), ("utf-8", codecs.BOM_UTF8, False), ("utf-16-le", codecs.BOM_UTF16_LE, False),
     ("utf-16-be", codecs.BOM_UTF16_BE, False), ("cp1252", b"", True)],
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
        assert load_article(_write(tmp_path, "l.txt", "Zürich \x81 café.".encode("latin-1"))).text == "Zürich café."
    mojibake = SEED_LINE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    assert load_article(_write(tmp_path, "m.txt", mojibake)).text.startswith("North Korea calls defectors \u201chuman")
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
    article = Article.from_text('He said "we will \'never\' yield. Then he left.\n\n"Another paragraph opens')
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
