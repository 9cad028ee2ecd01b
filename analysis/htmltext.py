"""Turn HTML pasted as text into plain text with paragraph breaks (standard library only).

Block elements (p, div, h1-h6, li, br, tr, article, section, blockquote) become line breaks; script,
style, nav, header, footer, aside, form, noscript and template contents are dropped; entities are decoded.

>>> html_to_text(
...     "<html><body><h1>Title</h1><p>First &amp; one.</p>"
...     "<script>x()</script><p>Second.</p></body></html>"
... )
'Title\\n\\nFirst & one.\\n\\nSecond.'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "main",
    "body",
    "title",
}
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "head"}
_TAG = re.compile(
    r"<\s*/?\s*(?:html|body|head|p|div|br|span|a|h[1-6]|script|style|article|section|li|ul|table)\b[^>]*>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than prose that mentions a tag: a doctype, or several tags."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return len(_TAG.findall(text[:200_000])) >= 3


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML document or fragment, paragraphs separated by blank lines."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
