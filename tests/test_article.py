"""Article model and single-file loader.

The seed's metadata, general header/boilerplate rules, encodings, errors.
"""

from __future__ import annotations

import codecs
import datetime as dt
import warnings

import pytest

from analysis import Article, EncodingWarning, InputError, load_article

BOILERPLATE = [
    "Follow Sam Kim on Twitter",
    "Try out the new DeseretNews.com design!",
    "try beta learn more",
    "Get The Deseret News Everywhere",
]


def _published_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def test_seed_metadata(seed):
    assert seed.id == "000_de93c8312eb4da64"
    assert seed.title == "NKorean defectors in China a sore point in Seoul"
    assert seed.byline == "Sam Kim"
    assert seed.agency == "Associated Press"
    assert _published_date(seed.published) == dt.date(2012, 3, 8)
    assert seed.published == dt.datetime(2012, 3, 8, 0, 0)  # 12:00 a.m. is midnight


def test_seed_body_has_no_header_or_boilerplate(seed):
    for line in BOILERPLATE + ["By Sam Kim", "Published:", "Associated Press\n", "MST"]:
        assert line not in seed.text
    assert seed.text.startswith("North Korea calls defectors")
    assert seed.text.endswith("stepped-up pressure.")
    assert [b for b in seed.boilerplate if any(b.startswith(x) for x in BOILERPLATE)] == seed.boilerplate
    assert len(seed.boilerplate) == 4


def test_seed_paragraphs_and_sentences(seed):
    assert len(seed.paragraphs) == 10
    assert seed.text == "\n\n".join(seed.paragraphs)
    assert len(seed.sentences) == 16
    for sentence in seed.sentences:
        assert seed.text[sentence.start : sentence.end] == sentence.text
        start, end = seed.paragraph_spans[sentence.paragraph]
        assert start <= sentence.start < sentence.end <= end
    ban = [s for s in seed.sentences if "Ban Ki-moon" in s.text]
    assert (
        len(ban) == 1 and ban[0].text.startswith("Now Kim is expected") and ban[0].text.endswith("this week.")
    )
    assert [s.paragraph for s in seed.sentences] == [0, 0, 1, 2, 2, 3, 4, 4, 5, 5, 6, 7, 8, 8, 8, 9]
    assert seed.sentences is seed.sentences  # computed once


def test_sentence_at(seed):
    offset = seed.text.index("Activist groups")
    assert seed.sentence_at(offset).text.startswith("Activist groups")
    assert seed.sentence_at(len(seed.text) + 5) is None


def test_dateline_agency_and_credit_line_are_general():
    text = (
        "Quake hits coast\n\nBy JANE ROE and John Doe, Associated Press Writers\n\n"
        "Updated: March 9, 2011 7:45 p.m. EST\n\n"
        "TOKYO (AP) -- A strong earthquake struck Japan on Friday, officials said.\n\n"
        "The government said it was assessing damage.\n\n"
        "Associated Press writer Mari Yamaguchi contributed to this report.\n\n"
        "Copyright 2011 The Associated Press. All rights reserved.\n\n"
        "Share this article\n\nSubscribe to our newsletter"
    )
    article = Article.from_text(text)
    assert article.title == "Quake hits coast"
    assert article.byline == "JANE ROE and John Doe"
    assert article.agency == "Associated Press"
    assert article.published == dt.datetime(2011, 3, 9, 19, 45)
    assert article.dateline == "TOKYO (AP) --"
    assert article.paragraphs == [
        "A strong earthquake struck Japan on Friday, officials said.",
        "The government said it was assessing damage.",
    ]
    assert "Share this article" in article.boilerplate
    assert any("contributed to this report" in b for b in article.boilerplate)


def test_reuters_style_dateline_and_plain_text():
    article = Article.from_text(
        "WASHINGTON, March 8 (Reuters) - The United States pressed China on Thursday."
    )
    assert article.agency == "Reuters"
    assert article.text == "The United States pressed China on Thursday."
    plain = Article.from_text("The United States pressed China. Beijing said nothing.")
    assert plain.title is None and plain.byline is None and plain.published is None
    assert plain.text == "The United States pressed China. Beijing said nothing."


def test_sentence_starting_with_acronym_is_not_a_dateline():
    article = Article.from_text("NATO - the alliance - met today. It agreed.", parse_header=True)
    assert article.text.startswith("NATO - the alliance")


def test_from_text_arguments_win_and_ids_are_stable():
    a = Article.from_text("Body text here. More text.", title="Given", published="2020-05-01")
    assert a.title == "Given" and a.published == dt.date(2020, 5, 1)
    assert a.id == Article.from_text("Body text here. More text.").id


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_encodings(tmp_path, seed_path, seed, encoding, prefix):
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + seed_path.read_text(encoding="utf-8").encode(encoding))
    article = load_article(path)
    assert article.text == seed.text and article.title == seed.title


def test_cp1252_fallback_warns(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Seoul’s stance — “toughened” in 2012. Café owners agreed.".encode("cp1252"))
    with pytest.warns(EncodingWarning, match="legacy.txt"):
        article = load_article(path)
    assert article.text == "Seoul’s stance — “toughened” in 2012. Café owners agreed."


def test_latin1_fallback(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 in S\xe3o Paulo \x81 closed.")
    with pytest.warns(EncodingWarning, match="latin-1"):
        article = load_article(path)
    assert article.text.startswith("Café in São Paulo")


def test_mojibake_and_line_ends(tmp_path):
    path = tmp_path / "moji.txt"
    path.write_bytes("Seoulâ€™s stance has toughened.\r\n\r\nBeijing said â€œnoâ€\x9d.\rIt waited.".encode())
    article = load_article(path)
    assert article.paragraphs == ["Seoul’s stance has toughened.", "Beijing said “no”.", "It waited."]
    assert "\r" not in article.text


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty file"),
        (b"   \n\t\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_bad_files_raise_with_path(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as info:
        load_article(path)
    assert str(path) in str(info.value) and info.value.path == str(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        load_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)
    with pytest.raises(InputError, match="directory"):
        load_article(tmp_path)


def test_only_boilerplate_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        Article.from_text("Follow us on Twitter\nShare this\nhttp://example.com/x")


def test_from_text_rejects_non_strings():
    with pytest.raises(InputError, match="expected text"):
        Article.from_text(b"bytes")  # type: ignore[arg-type]


def test_no_encoding_warning_for_utf8(seed_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_article(seed_path)


def test_html_pasted_as_text_is_converted():
    markup = (
        "<!DOCTYPE html><html><head><title>Ignored</title><script>var x = 1;</script></head><body>"
        "<nav>Home | World</nav><h1>Seoul presses Beijing</h1><p>By Sam Kim</p>"
        "<p>Seoul pressed China on Thursday &amp; again on Friday.</p><p>Beijing said <b>nothing</b>.</p>"
        "<footer>Copyright 2012</footer></body></html>"
    )
    article = Article.from_text(markup)
    assert article.title == "Seoul presses Beijing" and article.byline == "Sam Kim"
    assert article.paragraphs == [
        "Seoul pressed China on Thursday & again on Friday.",
        "Beijing said nothing.",
    ]
    assert article.meta["converted_from_html"] is True


def test_prose_mentioning_a_tag_is_not_html():
    article = Article.from_text("Use the <p> tag for paragraphs. It is simple.")
    assert article.text == "Use the <p> tag for paragraphs. It is simple."


def test_captions_credits_and_video_promos_are_boilerplate():
    text = (
        "Talks stall\n\nSeoul said talks would resume.\n\n"
        "Donald Trump speaks during a rally in Columbus, Ohio. (AP Photo/Evan Vucci)\n\n"
        "Kevin Lamarque/Reuters\n\nImage copyright AFP\n\n"
        "JUST WATCHED\n\nTrump: 'We will win'\n\nReplay\n\nMore Videos ...\n\nMUST WATCH\n\n"
        "FILE PHOTO: Lee Myung-bak attends a meeting in Seoul. REUTERS/Kim Hong-Ji/File Photo\n\n"
        "Beijing said nothing."
    )
    a = Article.from_text(text)
    assert a.text == "Seoul said talks would resume.\n\nBeijing said nothing."
    assert "Kevin Lamarque/Reuters" in a.boilerplate and "Trump: 'We will win'" in a.boilerplate


def test_body_text_that_mentions_photos_or_slashes_stays():
    text = "Talks stall\n\nThe photo showed Kim in Seoul.\n\nHe said 50/50 odds were fair."
    assert Article.from_text(text).text == "The photo showed Kim in Seoul.\n\nHe said 50/50 odds were fair."
