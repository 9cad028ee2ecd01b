"""Corpus loading: folders, JSONL and CSV, lazily, with recorded skips and a strict mode."""

from __future__ import annotations

import datetime as dt
import json
import types

import pytest

from analysis import InputError
from analysis.corpus import load_corpus


def test_folder_of_text_files(tmp_path, seed_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "b.txt").write_text("Beijing said nothing. It waited.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "README.md").write_text("about this corpus", encoding="utf-8")
    reader = load_corpus(tmp_path)
    articles = list(reader)
    assert [a.id for a in articles] == ["b", "sub/seed"]
    assert articles[1].title == "NKorean defectors in China a sore point in Seoul"
    reasons = {s.path.split("/")[-1]: s.reason for s in reader.skipped}
    assert reasons == {"empty.txt": "empty file", "README.md": "README/LICENSE file, not an article"}
    assert reader.read == 2


def test_jsonl_with_bad_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps(
            {
                "id": "x1",
                "title": "A",
                "text": "Seoul pressed China. It worked.",
                "date": "2012-03-08",
                "url": "http://e.com/a",
                "source": "AP",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"body": "Beijing said no."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = load_corpus(path)
    assert isinstance(reader, types.GeneratorType) or iter(reader) is reader  # lazy iterator
    first = next(reader)
    assert (first.id, first.title, first.published, first.url, first.source) == (
        "x1",
        "A",
        dt.date(2012, 3, 8),
        "http://e.com/a",
        "AP",
    )
    rest = list(reader)
    assert [a.text for a in rest] == ["Beijing said no."] and rest[0].id == "c:6"
    assert [(s.line, s.reason.split(" (")[0]) for s in reader.skipped] == [
        (2, "invalid JSON"),
        (3, "no text field"),
        (5, "record is a list, expected an object with a text field"),
    ]
    assert all(s.path == str(path) for s in reader.skipped)


def test_jsonl_strict_raises_with_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Fine. Good."}\n{oops\n', encoding="utf-8")
    reader = load_corpus(path, strict=True)
    next(reader)
    with pytest.raises(InputError, match=r"c\.jsonl:2: invalid JSON"):
        next(reader)


def test_csv_records_and_line_numbers(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(
        "headline,Body,date,publisher\n"
        'Talks,"Seoul pressed China.\n\nBeijing refused.",2012-03-08,AP\n'
        "Empty,,2012,AP\n"
        "Third,Short one here.,not a date,X\n",
        encoding="utf-8",
    )
    reader = load_corpus(path)
    articles = list(reader)
    assert [a.title for a in articles] == ["Talks", "Third"]
    assert articles[0].paragraphs == ["Seoul pressed China.", "Beijing refused."]
    assert articles[0].source == "AP" and articles[1].published is None
    assert [(s.line, s.reason) for s in reader.skipped] == [(5, "text field 'Body' is empty")]


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("title,date\nA,2012\n", encoding="utf-8")
    with pytest.raises(InputError, match="e.csv: CSV has no text column"):
        list(load_corpus(path))


def test_missing_corpus_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "nothing")


def test_bbc_corpus_loads_without_skips():
    from conftest import require_data

    folder = require_data("news_corpus", "bbc", "politics")
    reader = load_corpus(folder)
    articles = list(reader)
    assert len(articles) == 417 and reader.skipped == []
    assert all(a.title and a.paragraphs for a in articles)
