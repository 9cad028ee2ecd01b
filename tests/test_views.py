"""The evidence view: every attribution and government mention is on the text with the right hover text,
offsets slice back, overlapping marks nest, everything is escaped, and odd articles still render."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import stance
from analysis.article import Article
from analysis.quotes import quotes_for_article
from analysis.views import _Span, evidence_html, excerpt_html, render_spans, source_key, write_evidence

VOID = {"meta", "br", "img", "hr", "link", "input"}


class Marks(HTMLParser):
    """Collects the marked elements of the article text and checks that every tag is closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.elements: list[dict] = []  # one per marked element: attrs and the text inside it
        self.text_parts: list[str] = []  # the text of the article body, in order
        self.in_text = 0
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        if "na-text" in (attrs.get("class") or "").split():
            self.in_text += 1
        element = {"tag": tag, **attrs, "text": ""}
        if self.in_text and ("data-quote" in attrs or "data-mention" in attrs):
            self.elements.append(element)
        self.stack.append((tag, element))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        _, element = self.stack.pop()
        if "na-text" in (element.get("class") or "").split():
            self.in_text -= 1

    def handle_data(self, data):
        if not self.in_text:
            return
        self.text_parts.append(data)
        for _, element in self.stack:
            if "data-quote" in element or "data-mention" in element:
                element["text"] += data


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    parser.close()
    assert parser.errors == [] and parser.stack == [], (parser.errors, parser.stack[-3:])
    return parser


def pieces(marks: Marks, **match) -> list[dict]:
    return [e for e in marks.elements if all(e.get(k) == v for k, v in match.items())]


def joined(elements: list[dict]) -> str:
    return "".join(e["text"] for e in elements)


@pytest.fixture(scope="module")
def seed_view(seed):
    return evidence_html(seed)


def test_seed_text_is_exact_and_well_nested(seed, seed_view):
    marks = parse(seed_view)
    assert "".join(marks.text_parts) == seed.text  # every character once, in order, unescaped back
    assert seed_view.startswith("<!doctype html>") and "<script" not in seed_view
    assert "http://" not in seed_view and "https://" not in seed_view and "src=" not in seed_view


def test_every_attribution_is_highlighted_with_its_hover_text(seed, seed_view):
    marks = parse(seed_view)
    quotes = quotes_for_article(seed)
    assert len(quotes) == 12
    colours = {}
    for i, q in enumerate(quotes):
        spans = pieces(marks, **{"class": "na-quote", "data-quote": str(i)})
        assert spans, f"quote {i} is not highlighted"
        assert joined(spans) == q.text == seed.text[q.start : q.end]
        assert {(int(s["data-start"]), int(s["data-end"])) for s in spans} == {(q.start, q.end)}
        title = spans[0]["title"]
        for line in (
            f"source: {q.speaker or '(unresolved)'}",
            f"type: {q.speaker_type}",
            f"affiliation: {q.affiliation or 'not stated'}",
            f"cue: {q.cue}",
            f"kind: {q.kind}",
        ):
            assert line in title, (line, title)
        cue = pieces(marks, **{"class": "na-cue", "data-quote": str(i)})
        assert joined(cue) == seed.text[q.cue_start : q.cue_end]
        speaker = pieces(marks, **{"class": "na-speaker", "data-quote": str(i)})
        if q.speaker_start is None:
            assert not speaker  # a statement without a resolved source marks no speaker
        else:
            assert joined(speaker) == seed.text[q.speaker_start : q.speaker_end]
        colours.setdefault(source_key(q), set()).add(spans[0]["style"])
    # one colour per source, different sources in different colours
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours) == 9
    kim = next(q for q in quotes if q.speaker == "Kim Sung-joo")
    title = pieces(marks, **{"class": "na-quote", "data-quote": str(quotes.index(kim))})[0]["title"]
    assert "type: expert" in title and "kind: indirect" in title and "cue: according to" in title


def test_every_government_mention_is_marked_with_score_voice_and_reason(seed, seed_view):
    marks = parse(seed_view)
    mentions = stance.government_mentions(seed)
    evidence = stance.stance_evidence(seed).set_index(["start", "end"])
    assert len(mentions) == 41
    for i, m in enumerate(mentions.to_dict("records")):
        spans = pieces(marks, tag="mark", **{"data-mention": str(i)})
        assert joined(spans) == m["mention"] == seed.text[m["start"] : m["end"]]
        title = spans[0]["title"]
        assert title.startswith(m["government"])
        if m["is_government"]:
            row = evidence.loc[(m["start"], m["end"])]
            assert spans[0]["data-counted"] == "yes" and f"na-{row['label']}" in spans[0]["class"]
            assert f"target sentiment: {row['label']}, score {row['score']:+.2f}".replace("-", "−") in title
            assert f"voice: {row['voice']}" in title and "reason: " in title
        else:
            assert spans[0]["data-counted"] == "no" and "na-place" in spans[0]["class"]
            assert "not counted" in title and f"reason: {m['reason']}" in title
    # a mention inside a quote nests inside the quote's highlight
    website = next(i for i, m in enumerate(mentions.to_dict("records")) if m["mention"] == "Pyongyang")
    assert "Pyongyang" in joined(pieces(marks, **{"class": "na-quote", "data-quote": "1"}))
    assert pieces(marks, **{"data-mention": str(website)})[0]["title"].startswith("North Korea: counted")


def test_side_tables_list_sources_and_governments(seed_view):
    assert "<h2>Sources</h2>" in seed_view and "<h2>Governments</h2>" in seed_view
    assert (
        "<td>Kim Sung-joo</td><td>expert</td><td>South Korea</td><td>1</td><td>1 indirect</td>" in seed_view
    )
    assert "<td>China</td><td>8</td><td>3</td><td>−0.45 [−0.73, −0.14]</td>" in seed_view
    assert "12 attributions from 9 sources; 41 government names, 28 counted as the government." in seed_view


def test_everything_is_escaped():
    text = 'Tom & Jerry <b>wrote</b> "a <script>alert(1)</script> & more," Lee said in Seoul.'
    article = Article(id="esc<1>", text=text, paragraphs=[text], title='A "quoted" <title> & co')
    quote = SimpleNamespace(
        text=text[: text.index(",") + 2],
        start=0,
        end=text.index(",") + 2,
        kind="direct",
        cue="said",
        cue_start=text.index("said"),
        cue_end=text.index("said") + 4,
        speaker='Lee "the <Boss>"',
        speaker_start=text.index("Lee"),
        speaker_end=text.index("Lee") + 3,
        speaker_type="person",
        affiliation="A & B",
        anonymous=False,
    )
    quote.text = text[quote.start : quote.end]
    page = evidence_html(article, quotes=[quote])
    marks = parse(page)
    assert "".join(marks.text_parts) == text
    assert "<script>" not in page and "<b>" not in page and "&lt;script&gt;" in page
    assert "<title>Evidence: A &quot;quoted&quot; &lt;title&gt; &amp; co</title>" in page
    title = pieces(marks, **{"class": "na-quote"})[0]["title"]
    assert 'source: Lee "the <Boss>"' in title and "affiliation: A & B" in title  # unescaped by the parser
    assert 'title="source: Lee &quot;the &lt;Boss&gt;&quot;' in page


def test_empty_article_and_article_without_quotes():
    empty = evidence_html(Article(id="empty", text="", paragraphs=[]))
    parse(empty)
    assert (
        "(no text)" in empty and "No attributed statement found." in empty and "No government named." in empty
    )
    plain = Article.from_text(
        "Seoul and Beijing held talks on Monday. China hosts the six-nation talks.", id="p"
    )
    page = evidence_html(plain)
    marks = parse(page)
    assert not pieces(marks, **{"class": "na-quote"}) and "No attributed statement found." in page
    assert [e["text"] for e in marks.elements] == ["Seoul", "Beijing", "China"]
    assert "".join(marks.text_parts) == plain.text
    fragment = evidence_html("Seoul pressed China.", full_page=False)
    assert fragment.startswith("<div class='na-evidence'>") and "<html" not in fragment


def test_canonical_names_and_uncertain_labels_from_future_fields():
    text = '"We will talk," he said. Seoul pressed China.'
    article = Article(id="f", text=text, paragraphs=[text])
    quote = SimpleNamespace(
        text='"We will talk,"',
        start=0,
        end=15,
        kind="direct",
        cue="said",
        cue_start=19,
        cue_end=23,
        speaker="he",
        canonical="Kim Sung-hwan",
        speaker_start=16,
        speaker_end=18,
        speaker_type="government",
        affiliation="South Korea",
        anonymous=False,
    )
    evidence = pd.DataFrame(
        [
            {
                "government": "China",
                "mention": "China",
                "start": 39,
                "end": 44,
                "voice": "narrator",
                "label": "uncertain",
                "score": 0.0,
            }
        ]
    )
    page = evidence_html(article, quotes=[quote], evidence=evidence, mentions=pd.DataFrame())
    marks = parse(page)
    assert pieces(marks, **{"class": "na-quote"})[0]["data-source"] == "Kim Sung-hwan"
    assert (
        "source: Kim Sung-hwan\nspeaker as resolved: he" in pieces(marks, **{"class": "na-quote"})[0]["title"]
    )
    assert pieces(marks, tag="mark")[0]["class"] == "na-gov na-uncertain"


def test_render_spans_nests_crossing_spans():
    text = "abcdefghij"
    spans = [
        _Span(0, 6, 0, "i"),
        _Span(3, 9, 1, "u"),
        _Span(4, 5, 2, "b"),
        _Span(2, 2, 0, "s"),
        _Span(8, 20, 0, "x"),
    ]
    out = render_spans(text, spans)
    assert out == "<i>abc<u>d<b>e</b>f</u></i><u>ghi</u>j"
    assert (
        html.unescape(
            out.replace("<i>", "")
            .replace("</i>", "")
            .replace("<u>", "")
            .replace("</u>", "")
            .replace("<b>", "")
            .replace("</b>", "")
        )
        == text
    )


def test_excerpt_and_file(tmp_path, seed):
    excerpt = excerpt_html(seed, chars=200)
    marks = parse(excerpt)
    assert seed.text.startswith("".join(marks.text_parts).rstrip(" …")) and " …" in excerpt
    assert pieces(marks, **{"class": "na-quote", "data-quote": "0"})
    path = write_evidence(seed, tmp_path / "sub" / "seed.html")
    assert path.read_text(encoding="utf-8") == evidence_html(seed)


def test_show_returns_notebook_html(seed):
    pytest.importorskip("IPython")
    from analysis.views import show

    shown = show(seed)
    assert shown.data.startswith("<div class='na-evidence'>") and "na-quote" in shown.data
