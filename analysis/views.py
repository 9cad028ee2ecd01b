"""The evidence view: one article as HTML with its analysis drawn on the text, to check a figure against it.

Every attribution is highlighted in its source's colour (hover: source, type, affiliation, cue, kind), the
cue words and the speaker's mention are marked, and every government mention is boxed by its target sentiment,
dashed when the words only name the place or its people (hover: score, voice and the reason). A side table
lists the sources and the governments. The page is self-contained: inline CSS, no script, no external file;
the hover texts are ``title`` attributes, so any browser shows them.

Offsets are those of the analyses (into ``article.text``): every marked element carries ``data-start`` and
``data-end`` so that ``article.text[start:end]`` is the marked span.

>>> from analysis.article import Article
>>> page = evidence_html(Article.from_text('"We will not give in," Lee said in Seoul.', id="x"))
>>> 'class="na-quote"' in page and "source: Lee" in page and '"We will not give in,"</span>' in page
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ArgumentError

__all__ = [
    "evidence_html",
    "excerpt_html",
    "show",
    "write_evidence",
    "source_key",
    "render_spans",
    "EVIDENCE_CSS",
]


def source_key(quote: Any) -> str:
    """The name a quote's source is grouped under: its canonical speaker when the extractor gives one,
    else the speaker, else "(unresolved)".

    >>> from types import SimpleNamespace
    >>> source_key(SimpleNamespace(speaker="he", canonical="Kim Sung-joo"))
    'Kim Sung-joo'
    >>> source_key(SimpleNamespace(speaker=None))
    '(unresolved)'
    """
    return getattr(quote, "canonical", None) or getattr(quote, "speaker", None) or "(unresolved)"


@dataclass
class _Span:
    """One element to draw: ``text[start:end]`` wrapped in ``<tag attrs>``; lower ``rank`` nests outside."""

    start: int
    end: int
    rank: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)

    def open(self) -> str:
        attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in self.attrs.items())
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def render_spans(text: str, spans: Sequence[_Span]) -> str:
    """``text`` HTML-escaped with every span wrapped in its element, properly nested.

    A span that crosses the end of an enclosing one is closed there and reopened after it, so the output is
    always well-formed; empty or out-of-range spans are ignored.

    >>> render_spans("a <b> c", [_Span(0, 5, 0, "i"), _Span(2, 7, 1, "u")])
    '<i>a <u>&lt;b&gt;</u></i><u> c</u>'
    """
    kept = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end, s.rank)
    )
    boundaries = sorted({0, len(text)} | {s.start for s in kept} | {s.end for s in kept})
    out: list[str] = []
    stack: list[_Span] = []
    position = 0
    next_span = 0
    for boundary in boundaries:
        out.append(html.escape(text[position:boundary], quote=False))
        position = boundary
        if any(s.end == boundary for s in stack):
            reopen = []
            while any(s.end == boundary for s in stack):
                top = stack.pop()
                out.append(top.close())
                if top.end != boundary:
                    reopen.append(top)
            for span in reversed(reopen):
                out.append(span.open())
                stack.append(span)
        while next_span < len(kept) and kept[next_span].start == boundary:
            span = kept[next_span]
            out.append(span.open())
            stack.append(span)
            next_span += 1
    return "".join(out)


# ------------------------------------------------------------------------------------------- the analyses


def _article(article):
    from .article import Article

    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return Article.from_text(article)
    raise ArgumentError(f"evidence_html(article): expected an Article or a str, got {type(article).__name__}")


def _quotes(article, quotes):
    if quotes is not None:
        return list(quotes)
    if not article.text.strip():
        return []
    from .quotes import quotes_for_article

    return list(quotes_for_article(article))


def _mentions(article, mentions):
    if mentions is not None:
        return mentions
    from .stance import government_mentions

    if not article.text.strip():
        return pd.DataFrame(
            columns=["government", "mention", "kind", "start", "end", "is_government", "reason"]
        )
    return government_mentions(article)


def _evidence(article, quotes, evidence):
    if evidence is not None:
        return evidence
    from .stance import stance_evidence

    if not article.text.strip():
        return pd.DataFrame(columns=["government", "mention", "start", "end", "voice", "label", "score"])
    return stance_evidence(article, quotes)


def _stance(article, quotes, evidence, stance):
    if stance is not None:
        return stance
    from .stance import government_stance

    if evidence.empty:
        return pd.DataFrame(columns=["government", "mentions", "score", "ci_low", "ci_high", "label"])
    return government_stance(article, quotes, evidence=evidence)


# ------------------------------------------------------------------------------------------------ marks


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, float):
        return f"{value:+.{digits}f}".replace("-", "−")
    return str(value)


def _source_colors(quotes) -> dict[str, str]:
    from .figures import SOURCE_COLORS, UNRESOLVED_COLOR

    colors: dict[str, str] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        key = source_key(q)
        if key not in colors:
            named = [k for k in colors if k != "(unresolved)"]
            colors[key] = (
                UNRESOLVED_COLOR if key == "(unresolved)" else SOURCE_COLORS[len(named) % len(SOURCE_COLORS)]
            )
    return colors


def _darker(color: str, factor: float = 0.55) -> str:
    """``color`` (``#rrggbb``) darkened toward black, for underlines that must show on white.

    >>> _darker("#ffffff")
    '#8c8c8c'
    """
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in (r, g, b))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quote_title(q) -> str:
    canonical = source_key(q)
    lines = [f"source: {canonical}"]
    if q.speaker and q.speaker != canonical:
        lines.append(f"speaker as resolved: {q.speaker}")
    mention = getattr(q, "mention", None)
    if mention and mention not in (canonical, q.speaker):
        lines.append(f"named in the text as: {mention}")
    lines.append(f"type: {q.speaker_type or 'unknown'}" + (" (anonymous source)" if q.anonymous else ""))
    lines.append(f"affiliation: {q.affiliation or 'not stated'}")
    verb_class = getattr(q, "verb_class", None)
    lines.append(f"cue: {q.cue or 'none'}" + (f" ({verb_class})" if verb_class else ""))
    kinds = {"direct": "direct (in quotation marks)", "mixed": "mixed (paraphrase with a partial quote)"}
    lines.append(f"kind: {kinds.get(q.kind, q.kind + (' (paraphrase)' if q.kind == 'indirect' else ''))}")
    return "\n".join(lines)


def _quote_spans(quotes, colors) -> list[_Span]:
    spans = []
    for i, q in enumerate(quotes):
        color = colors[source_key(q)]
        title = _quote_title(q)
        common = {"data-quote": str(i), "data-source": source_key(q)}
        spans.append(
            _Span(
                q.start,
                q.end,
                0,
                "span",
                {
                    "class": "na-quote",
                    **common,
                    "data-start": str(q.start),
                    "data-end": str(q.end),
                    "title": title,
                    "style": f"background-color:{color}",
                },
            )
        )
        if q.cue_start is not None and q.cue_end is not None and q.cue_end > q.cue_start:
            spans.append(
                _Span(
                    q.cue_start,
                    q.cue_end,
                    1,
                    "span",
                    {
                        "class": "na-cue",
                        **common,
                        "data-start": str(q.cue_start),
                        "data-end": str(q.cue_end),
                        "title": "cue of the highlighted attribution\n" + title,
                        "style": f"border-bottom-color:{_darker(color)}",
                    },
                )
            )
        if q.speaker_start is not None and q.speaker_end is not None and q.speaker_end > q.speaker_start:
            spans.append(
                _Span(
                    q.speaker_start,
                    q.speaker_end,
                    1,
                    "span",
                    {
                        "class": "na-speaker",
                        **common,
                        "data-start": str(q.speaker_start),
                        "data-end": str(q.speaker_end),
                        "title": "speaker of the highlighted attribution\n" + title,
                        "style": f"text-decoration-color:{_darker(color)}",
                    },
                )
            )
    return spans


def _mention_title(row: dict, scored: dict | None) -> str:
    government = row["government"]
    reason = row.get("reason") or ""
    if not row.get("is_government", True):
        lines = [f"{government}: not counted as the government (names the place or its people)"]
        lines.append(f"reason: {reason or 'a place or people use'}")
        return "\n".join(lines)
    lines = [f"{government}: counted as the government"]
    if scored is None:
        lines.append("target sentiment: not scored (outside a sentence)")
    else:
        probabilities = ""
        if all(k in scored for k in ("p_negative", "p_neutral", "p_positive")):
            probabilities = (
                f" (p− {scored['p_negative']:.2f}, p0 {scored['p_neutral']:.2f},"
                f" p+ {scored['p_positive']:.2f})"
            )
        lines.append(
            f"target sentiment: {scored.get('label')}, score {_fmt(scored.get('score'))}{probabilities}"
        )
        lines.append(f"voice: {scored.get('voice') or 'narrator'}")
    kind = row.get("kind")
    lines.append(f"matched as: {kind}" if kind else "matched in the gazetteer")
    lines.append(f"reason: {reason or 'no place or people rule applied'}")
    return "\n".join(lines)


def _sentiment_class(label: str | None) -> str:
    return f"na-{label}" if label in ("negative", "neutral", "positive") else "na-uncertain"


def _mention_spans(mentions: pd.DataFrame, evidence: pd.DataFrame) -> list[_Span]:
    scored = {(int(r["start"]), int(r["end"])): r for r in evidence.to_dict("records")}
    rows = mentions.to_dict("records")
    if not rows and not evidence.empty:  # evidence given without the mention table: draw what was scored
        rows = [{**r, "is_government": True} for r in evidence.to_dict("records")]
    spans = []
    for i, row in enumerate(rows):
        start, end = int(row["start"]), int(row["end"])
        is_government = bool(row.get("is_government", True))
        evidence_row = scored.get((start, end)) if is_government else None
        if not is_government:
            css = "na-gov na-place"
        else:
            css = "na-gov " + _sentiment_class(evidence_row.get("label") if evidence_row else None)
        spans.append(
            _Span(
                start,
                end,
                2,
                "mark",
                {
                    "class": css,
                    "data-mention": str(i),
                    "data-government": str(row["government"]),
                    "data-counted": "yes" if is_government else "no",
                    "data-start": str(start),
                    "data-end": str(end),
                    "title": _mention_title(row, evidence_row),
                },
            )
        )
    return spans


# ------------------------------------------------------------------------------------------------ tables


def _cell(value: Any) -> str:
    return f"<td>{html.escape(_fmt(value) if isinstance(value, float) else str(value))}</td>"


def _sources_table(quotes, colors) -> str:
    if not quotes:
        return "<p class='na-empty'>No attributed statement found.</p>"
    groups: dict[str, list] = {}
    for q in quotes:
        groups.setdefault(source_key(q), []).append(q)
    rows = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), min(q.start for q in groups[k]))):
        group = groups[key]
        kinds = pd.Series([q.kind for q in group]).value_counts()
        affiliation = next((q.affiliation for q in group if q.affiliation), None)
        types = pd.Series([q.speaker_type for q in group]).mode()
        swatch = f"<td><span class='na-swatch' style='background-color:{colors[key]}'></span></td>"
        rows.append(
            "<tr>"
            + swatch
            + _cell(key + (" (anonymous)" if any(q.anonymous for q in group) else ""))
            + _cell(types.iloc[0] if len(types) else "unknown")
            + _cell(affiliation or "not stated")
            + _cell(len(group))
            + _cell(", ".join(f"{n} {kind}" for kind, n in kinds.items()))
            + _cell(sum(getattr(q, "words", 0) for q in group))
            + "</tr>"
        )
    head = (
        "<tr><th></th><th>source</th><th>type</th><th>affiliation</th><th>n</th><th>kinds</th>"
        "<th>words</th></tr>"
    )
    return f"<table class='na-table na-sources'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _governments_table(stance: pd.DataFrame, mentions: pd.DataFrame) -> str:
    if stance.empty and mentions.empty:
        return "<p class='na-empty'>No government named.</p>"
    places = (
        mentions.loc[~mentions["is_government"].astype(bool), "government"].value_counts()
        if "is_government" in mentions and len(mentions)
        else pd.Series(dtype=int)
    )
    rows = []
    seen = set()
    for r in stance.to_dict("records"):
        seen.add(r["government"])
        interval = (
            f"[{_fmt(r.get('ci_low'))}, {_fmt(r.get('ci_high'))}]"
            if int(r.get("mentions", 0)) > 1
            else "(one mention)"
        )
        label = str(r.get("label"))
        rows.append(
            f"<tr class='{_sentiment_class(label)}'>"
            + _cell(r["government"])
            + _cell(int(r["mentions"]))
            + _cell(int(places.get(r["government"], 0)))
            + _cell(f"{_fmt(r.get('score'))} {interval}")
            + f"<td><span class='na-label {_sentiment_class(label)}'>{html.escape(label)}</span></td>"
            + _cell(r.get("voices") or "narrator only")
            + "</tr>"
        )
    for government, n in places.items():
        if government not in seen:
            rows.append(
                "<tr class='na-place'>"
                + _cell(government)
                + _cell(0)
                + _cell(int(n))
                + "<td>n/a</td><td>not counted</td><td></td></tr>"
            )
    head = (
        "<tr><th>government</th><th>counted</th><th>place/people</th><th>score [95% interval]</th>"
        "<th>label</th><th>quoted voices</th></tr>"
    )
    return (
        f"<table class='na-table na-governments'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _header(article, title: str | None) -> str:
    heading = title or article.title or article.id
    facts = [
        ("byline", article.byline),
        ("agency", article.agency),
        ("published", article.published.isoformat()[:10] if article.published else None),
        ("id", article.id),
    ]
    facts_html = " · ".join(f"{name}: {html.escape(str(value))}" for name, value in facts if value)
    return f"<header><h1>{html.escape(str(heading))}</h1><p class='na-facts'>{facts_html}</p></header>"


#: The view's style sheet; every selector is inside ``.na-evidence`` so it can sit in a notebook page.
EVIDENCE_CSS = """
.na-evidence{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;line-height:1.6;max-width:1400px}
.na-evidence header h1{font-size:1.35em;margin:0 0 .2em 0}
.na-evidence .na-facts{color:#555;margin:0 0 .8em 0;font-size:.9em}
.na-evidence .na-layout{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
.na-evidence .na-text{flex:3 1 480px;white-space:pre-wrap;font-size:1em;border:1px solid #ddd;
  padding:1em 1.2em;border-radius:4px;background:#fff}
.na-evidence aside{flex:2 1 380px;font-size:.85em}
.na-evidence aside h2{font-size:1.05em;margin:.2em 0 .4em 0}
.na-evidence .na-quote{border-radius:2px;padding:.1em 0}
.na-evidence .na-cue{font-weight:bold;border-bottom:3px solid;font-style:italic}
.na-evidence .na-speaker{font-weight:bold;text-decoration:underline;text-decoration-thickness:3px}
.na-evidence mark.na-gov{background:transparent;color:inherit;border:2px solid;border-radius:3px;
  padding:0 1px}
.na-evidence mark.na-negative{border-color:#c0392b}
.na-evidence mark.na-neutral{border-color:#7f8c8d}
.na-evidence mark.na-positive{border-color:#2e86ab}
.na-evidence mark.na-uncertain{border-color:#b7950b;border-style:dotted}
.na-evidence mark.na-place{border:1px dashed #aaa}
.na-evidence mark.na-gov::after{font-size:.7em;vertical-align:super;font-weight:bold;margin-left:1px}
.na-evidence mark.na-negative::after{content:"−";color:#c0392b}
.na-evidence mark.na-neutral::after{content:"0";color:#7f8c8d}
.na-evidence mark.na-positive::after{content:"+";color:#2e86ab}
.na-evidence mark.na-uncertain::after{content:"?";color:#b7950b}
.na-evidence [title]{cursor:help}
.na-evidence .na-table{border-collapse:collapse;margin:0 0 1.2em 0;width:100%}
.na-evidence .na-table th,.na-evidence .na-table td{border-bottom:1px solid #e3e3e3;padding:.2em .4em;
  text-align:left;vertical-align:top}
.na-evidence .na-swatch{display:inline-block;width:1em;height:1em;border-radius:2px;border:1px solid #999}
.na-evidence .na-label{padding:0 .3em;border-radius:2px;color:#fff}
.na-evidence .na-label.na-negative{background:#c0392b}
.na-evidence .na-label.na-neutral{background:#7f8c8d}
.na-evidence .na-label.na-positive{background:#2e86ab}
.na-evidence .na-label.na-uncertain{background:#b7950b}
.na-evidence .na-legend{font-size:.85em;color:#444;margin:0 0 .8em 0}
.na-evidence .na-legend span,.na-evidence .na-legend mark{margin-right:.6em}
.na-evidence .na-empty{color:#777;font-style:italic}
.na-evidence .na-excerpt{font-size:.8em;line-height:1.5;padding:.6em .8em;height:190px;overflow:hidden;
  box-sizing:border-box}
"""


def _legend() -> str:
    from .figures import SOURCE_COLORS

    color = SOURCE_COLORS[0]
    return (
        "<p class='na-legend'>Hover over any mark for its details. "
        f"<span class='na-quote' style='background-color:{color}'>attributed statement</span> "
        "(one colour per source) "
        f"<span class='na-speaker' style='text-decoration-color:{_darker(color)}'>speaker</span> "
        f"<span class='na-cue' style='border-bottom-color:{_darker(color)}'>cue</span> "
        "government mention, target sentiment: "
        "<mark class='na-gov na-negative'>negative</mark><mark class='na-gov na-neutral'>neutral</mark>"
        "<mark class='na-gov na-positive'>positive</mark> "
        "<mark class='na-gov na-place'>place or people, not counted</mark></p>"
    )


def evidence_html(
    article,
    quotes: Sequence[Any] | None = None,
    mentions: pd.DataFrame | None = None,
    evidence: pd.DataFrame | None = None,
    stance: pd.DataFrame | None = None,
    title: str | None = None,
    full_page: bool = True,
) -> str:
    """The evidence view of ``article`` (an Article, or a string made into one) as self-contained HTML.

    The analyses are run when not given: ``quotes`` (:func:`analysis.quotes.quotes_for_article`),
    ``mentions`` (:func:`analysis.stance.government_mentions`, places included), ``evidence``
    (:func:`analysis.stance.stance_evidence`) and ``stance`` (:func:`analysis.stance.government_stance`).
    ``full_page=False`` returns a ``<div>`` (with its style sheet) to embed in another page or a notebook.

    >>> from analysis.article import Article
    >>> page = evidence_html(Article.from_text("It rained in Seoul."), full_page=False)
    >>> "No attributed statement found" in page
    True
    """
    article = _article(article)
    quotes = _quotes(article, quotes)
    mentions = _mentions(article, mentions)
    evidence = _evidence(article, quotes, evidence)
    stance = _stance(article, quotes, evidence, stance)
    colors = _source_colors(quotes)
    spans = _quote_spans(quotes, colors) + _mention_spans(mentions, evidence)
    body = render_spans(article.text, spans) if article.text else "<span class='na-empty'>(no text)</span>"
    counted = int(mentions["is_government"].astype(bool).sum()) if len(mentions) else 0
    summary = (
        f"<p class='na-facts'>{_plural(len(quotes), 'attribution')} from {_plural(len(colors), 'source')}; "
        f"{_plural(len(mentions), 'government name')}, {counted} counted as the government.</p>"
    )
    view = (
        f"<div class='na-evidence'><style>{EVIDENCE_CSS}</style>{_header(article, title)}{_legend()}"
        f"<div class='na-layout'><div class='na-text'>{body}</div>"
        f"<aside>{summary}<h2>Sources</h2>{_sources_table(quotes, colors)}"
        f"<h2>Governments</h2>{_governments_table(stance, mentions)}</aside></div></div>"
    )
    if not full_page:
        return view
    page_title = html.escape(f"Evidence: {title or article.title or article.id}")
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{page_title}</title></head><body>{view}</body></html>\n"
    )


def excerpt_html(article, chars: int = 320) -> str:
    """The start of the evidence view (the first ``chars`` characters, cut at a word) as a small ``<div>``,
    for a preview; hover texts as in :func:`evidence_html`.

    >>> from analysis.article import Article
    >>> "na-quote" in excerpt_html(Article.from_text('"No," Lee said in a long interview.'), chars=12)
    True
    """
    article = _article(article)
    quotes = _quotes(article, None)
    mentions = _mentions(article, None)
    evidence = _evidence(article, quotes, None)
    cut = len(article.text)
    if cut > chars:
        cut = article.text.rfind(" ", 0, chars)
        cut = chars if cut <= 0 else cut
    spans = []
    for span in _quote_spans(quotes, _source_colors(quotes)) + _mention_spans(mentions, evidence):
        if span.start < cut:
            span.end = min(span.end, cut)
            spans.append(span)
    more = " …" if cut < len(article.text) else ""
    return (
        f"<div class='na-evidence'><style>{EVIDENCE_CSS}</style>"
        f"<div class='na-text na-excerpt'>{render_spans(article.text[:cut], spans)}{more}</div></div>"
    )


def write_evidence(article, path: str | Path, **options) -> Path:
    """Write :func:`evidence_html` of ``article`` to ``path`` (folders created) and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(evidence_html(article, **options), encoding="utf-8")
    return target


def show(article, **options):
    """The evidence view for a notebook: an ``IPython.display.HTML`` object (shown when it ends a cell)."""
    from IPython.display import HTML

    return HTML(evidence_html(article, full_page=False, **options))
