"""The ``Article`` model and the single-file loader.

An :class:`Article` is made once (from a file, a string or a corpus record) and passed to every analysis.
It holds the cleaned body ``text``, its ``paragraphs``, the header fields that were recognised
(title, byline, agency, dateline, published) and the lines that were removed as web boilerplate.
Sentences carry character offsets into ``text`` and their paragraph index, and are computed once.

>>> a = Article.from_text("Seoul pressed China.\\n\\nBeijing said nothing. It waited.")
>>> [(s.paragraph, s.text) for s in a.sentences]
[(0, 'Seoul pressed China.'), (1, 'Beijing said nothing.'), (1, 'It waited.')]
>>> a.text[a.sentences[2].start:a.sentences[2].end]
'It waited.'
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import nlp
from .errors import InputError
from .htmltext import html_to_text, looks_like_html

__all__ = ["Article", "Sentence", "load_article", "EncodingWarning", "clean_text", "decode_bytes"]


class EncodingWarning(UserWarning):
    """A file was not valid UTF-8/UTF-16 and was decoded with a legacy single-byte encoding."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``article.text[start:end] == text``."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str


# --------------------------------------------------------------------------------------------- header rules

#: News agencies and wire services recognised on their own header line, in a byline or in a dateline.
AGENCIES: dict[str, str] = {
    "ap": "Associated Press",
    "associated press": "Associated Press",
    "the associated press": "Associated Press",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse",
    "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "dpa": "dpa",
    "upi": "United Press International",
    "united press international": "United Press International",
    "pa": "PA Media",
    "press association": "PA Media",
    "ansa": "ANSA",
    "efe": "EFE",
    "interfax": "Interfax",
    "tass": "TASS",
    "cnn": "CNN",
    "bbc news": "BBC News",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "the washington post": "The Washington Post",
}

_AGENCY_ALTERNATION = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
_AGENCY_LINE = re.compile(rf"^(?:{_AGENCY_ALTERNATION})(?:\s+(?:writer|reporter|staff))?$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<names>[^\d@|]{2,100}?)\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+on)?\s*[:\-]?\s*)(?P<date>.+)$",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BARE_DATE = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b.{{0,40}}$",
    re.IGNORECASE,
)
#: "SEOUL, South Korea (AP) -- ", "WASHINGTON (Reuters) - ", "LONDON, March 8 (Reuters) - ", "BEIJING — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.](?:,\s*[A-Z][\w.'\- ]{1,40}?)?)"
    r"(?:,\s*(?P<date>" + _MONTHS + r"\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[A-Za-z.\- ]{2,30})\))?"
    r"\s*(?:--|—|–|-|:)\s+",
)
_TZ = re.compile(r"\b(?:[ECMP][SD]T|UTC|GMT|KST|JST|CET|CEST|BST|HKT|[A-Z]{3,4})\s*$")

# ------------------------------------------------------------------------------------------ boilerplate rules

_BOILERPLATE = re.compile(
    r"""^(?:
        follow\s+.{1,80}?\s+on\s+(?:twitter|facebook|instagram|x|threads|linkedin|bluesky|mastodon)\b.*
      | (?:share|share\s+this(?:\s+\w+)?|tweet|email|e-mail|print|comments?|reprints?|save)\s*[:|]?\s*$
      | (?:share|like|follow)\s+(?:us|this|on)\b.*
      | (?:subscribe|sign\s+up|log\s*in|register|click\s+here|read\s+more|see\s+also
          |related\s*(?:stories|articles|coverage|:)|more\s+from|recommended|sponsored|advertisement
          |trending|most\s+(?:read|popular|viewed))\b.{0,120}
      | (?:try|check)\s+out\s+(?:the|our)\s+new\b.*
      | try\s+(?:the\s+)?beta\b.*
      | get\s+(?:the|our)\b.{0,60}\b(?:everywhere|app|newsletter|alerts|news\s+on|updates)\b.*
      | download\s+(?:the|our)\s+.{0,40}\bapp\b.*
      | join\s+the\s+(?:conversation|discussion)\b.*
      | (?:copyright|\(c\)|©).{0,160}
      | all\s+rights\s+reserved\.?.*
      | this\s+(?:material|story|article)\s+may\s+not\s+be\s+(?:published|reproduced).*
      | (?:\w[\w.'\- ]{0,60}\s)?contributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\.?
      | (?:reporting|writing|editing|additional\s+reporting)\s+by\s+[^.]{2,120}
        (?:;\s*(?:editing|writing)\s+by\s+[^.]{2,120})*\.?\)?
      | (?:just\s+watched|must\s+watch|replay|more\s+videos(?:\s*\.\.\.)?)
      | (?:image|photo)\s+(?:copyright|caption|credit)\b.{0,200}
      | file\s+photo\b.{0,300}
      | .{0,300}\((?:ap|afp|reuters|getty|epa)?\s*photo\b[^)]{0,80}\)
      | .{0,300}\bphoto(?:graph)?\s*(?:by\s+[^.]{0,60}|:\s*[^.]{0,60})
      | .{0,300}\b(?:reuters|afp|ap|epa)/[^\s]+(?:/file\s+photo)?
      | (?:[a-z][\w.'’-]*\s+){1,3}[a-z][\w.'’-]*\s*/\s*
        (?:ap|afp|reuters|getty\s+images|epa|cnn|yonhap|bloomberg)
      | (?:getty\s+images|afp|reuters|epa)(?:\s+via\s+getty\s+images)?
      | (?:https?://|www\.)\S+
      | [^\s@]+@[^\s@]+\.[a-z]{2,}
      | \W*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_ENDS_SENTENCE = re.compile(r"""[.!?]["'”’)\]]*$|[:;]$""")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_ALNUM = re.compile(r"[^\W_]")


# ----------------------------------------------------------------------------------------------- decoding

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_bytes(data: bytes, path: str) -> str:
    """Bytes to text: BOMs first, then strict UTF-8, then cp1252/latin-1 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec.upper()} byte-order mark "
                    f"but is not valid {codec.upper()} ({exc.reason})",
                    path,
                ) from exc
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    warnings.warn(f"{path}: not valid UTF-8; decoded as {encoding}", EncodingWarning, stacklevel=3)
    return text


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy), unify line ends, drop control characters and non-breaking spaces.

    >>> clean_text("Seoulâ€™s stance\\r\\nhas toughened")
    'Seoul’s stance\\nhas toughened'
    """
    import ftfy

    text = ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_line_breaks=True,
        fix_character_width=False,
        normalization="NFC",
    )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    return _CONTROL.sub("", text)


def _check_text(text: str, path: str) -> None:
    if not text.strip():
        raise InputError("contains only whitespace, no text" if text else "empty text", path)
    sample = text[:4096]
    controls = len(_BINARY_CONTROL.findall(sample))
    if controls > max(3, len(sample) // 50):
        raise InputError("looks binary (control characters), not text", path)


# ------------------------------------------------------------------------------------------------- parsing


def _parse_date(raw: str) -> dt.date | dt.datetime | None:
    """A date or naive datetime from a header value such as 'Thursday, March 8 2012 12:00 a.m. MST'."""
    from dateutil import parser as date_parser

    value = raw.strip()
    value = re.sub(r"\b([ap])\.m\.?", lambda m: m.group(1).upper() + "M", value, flags=re.IGNORECASE)
    value = _TZ.sub("", value).strip(" ,")
    has_time = bool(re.search(r"\d{1,2}:\d{2}|\b\d{1,2}\s*[AP]M\b", value, re.IGNORECASE))
    try:
        parsed = date_parser.parse(value, fuzzy=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1:
        return None
    parsed = parsed.replace(tzinfo=None)
    return parsed if has_time else parsed.date()


def _as_date(value: Any) -> dt.date | dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value
    try:
        import pandas as pd

        if isinstance(value, pd.Timestamp):
            return value.to_pydatetime()
    except ImportError:  # pragma: no cover
        pass
    return _parse_date(str(value))


def _agency_key(name: str) -> str | None:
    return AGENCIES.get(re.sub(r"\s+", " ", name.strip(" .,;:()").lower()))


@dataclass
class _Header:
    title: str | None = None
    byline: str | None = None
    agency: str | None = None
    published: dt.date | dt.datetime | None = None
    published_raw: str | None = None
    dateline: str | None = None
    lines: list[str] = field(default_factory=list)


def _header_line(line: str, header: _Header) -> bool:
    """Take ``line`` into ``header`` if it is a byline, agency or date line; say whether it was."""
    stripped = line.strip()
    if len(stripped) > 160:
        return False
    if (match := _BYLINE.match(stripped)) and len(stripped.split()) <= 14:
        names = match.group("names").strip()
        parts = [p.strip() for p in re.split(r",|\s+-\s+|\s+\|\s+", names) if p.strip()]
        person_parts = []
        for part in parts:
            agency = _agency_key(
                re.sub(r"\b(?:writer|reporter|staff|correspondent)s?\b", "", part, flags=re.I)
            )
            if agency:
                header.agency = header.agency or agency
            elif not re.search(r"\b(?:writer|reporter|correspondent|editor|staff)\b", part, re.I):
                person_parts.append(part)
        header.byline = header.byline or (", ".join(person_parts) or None)
        header.lines.append(stripped)
        return True
    if _AGENCY_LINE.match(stripped):
        header.agency = header.agency or _agency_key(
            re.sub(r"\s+(writer|reporter|staff)$", "", stripped, flags=re.I)
        )
        header.lines.append(stripped)
        return True
    if (match := _DATE_LINE.match(stripped)) or _BARE_DATE.match(stripped):
        raw = match.group("date") if match else stripped
        parsed = _parse_date(raw)
        if parsed is not None:
            header.published = header.published or parsed
            header.published_raw = header.published_raw or raw.strip()
            header.lines.append(stripped)
            return True
    return False


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 200 or len(stripped.split()) > 30:
        return False
    if re.search(r"[.,;:]$", stripped) and not re.search(r"\b[A-Z]\.$|\.\.\.$", stripped):
        return False
    if re.search(r"[a-z0-9)\"”'’][.!?]\s+[A-Z\"“]", stripped):
        return False  # two sentences on one line: body text, not a headline
    return bool(_HAS_LETTER.search(stripped))


def _split_dateline(paragraph: str, header: _Header) -> str:
    match = _DATELINE.match(paragraph)
    if not match:
        return paragraph
    place = match.group("place")
    agency = match.group("agency")
    # A dateline's place is in capitals ("SEOUL, South Korea"); a sentence opening with an acronym is not one.
    first = place.split(",")[0].strip()
    if not (first.isupper() and len(first.replace(".", "").replace(" ", "")) >= 3) and not agency:
        return paragraph
    rest = paragraph[match.end() :]
    if not rest or not (rest[0].isupper() or rest[0] in "\"“'‘"):
        return paragraph
    if agency:
        header.agency = header.agency or _agency_key(agency)
    header.dateline = paragraph[: match.end()].strip()
    return rest


def _paragraph_lines(text: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of its non-empty lines (whitespace collapsed)."""
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    return blocks


def _join_lines(lines: list[str]) -> list[str]:
    """Lines of one block to paragraphs: hard-wrapped lines are joined, other lines stand alone."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if current:
            wrapped = len(current.split("\n")[-1]) >= 50 or not current.endswith(tuple(".!?:\"”'’)"))
            if wrapped and len(current) >= 50 and not _ENDS_SENTENCE.search(current):
                current = current + " " + line
                continue
            paragraphs.append(current)
        current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_tail_fragment(line: str) -> bool:
    """A short line without sentence punctuation: navigation or promo text when it sits in the tail."""
    return (
        len(line.split()) <= 8
        and not _ENDS_SENTENCE.search(line)
        and not line.startswith(('"', "“", "‘", "'"))
    )


def _promo_blocks(lines: list[str]) -> set[int]:
    """Indices of the lines of video-promo blocks ("JUST WATCHED" / title / "Replay" / "MUST WATCH")."""
    out: set[int] = set()
    start = None
    for i, line in enumerate(lines):
        low = line.strip().lower()
        if low == "just watched":
            start = i
        elif start is not None and (low == "must watch" or i - start > 6):
            if low == "must watch":
                out.update(range(start, i + 1))
            start = None
    return out


def _parse(text: str, parse_header: bool, title: str | None) -> tuple[_Header, list[str], list[str]]:
    header = _Header(title=title)
    boilerplate: list[str] = []
    lines_by_block = _paragraph_lines(text)
    single_block = len(lines_by_block) == 1
    flat: list[tuple[int, str]] = [(b, line) for b, lines in enumerate(lines_by_block) for line in lines]

    # 1. header: title on the first line, then byline / agency / date lines, within the first lines.
    position = 0
    if parse_header and flat:
        first = flat[0][1]
        if (
            header.title is None
            and len(flat) > 1
            and _looks_like_title(first)
            and not _BYLINE.match(first)
            and not _AGENCY_LINE.match(first)
            and not (single_block and len(first) >= 50)
        ):
            header.title = first
            header.lines.append(first)
            position = 1
        while position < len(flat) and position < 10 and _header_line(flat[position][1], header):
            position += 1
    body = flat[position:]

    # 2. boilerplate lines anywhere; then, walking back from the end, short fragments without sentence
    #    punctuation (navigation, promos) that sit next to boilerplate already removed.
    removed = {
        i for i, (_, line) in enumerate(body) if _BOILERPLATE.match(line) or not _HAS_ALNUM.search(line)
    }
    removed |= _promo_blocks([line for _, line in body])
    index = len(body) - 1
    while index > 0 and (index in removed or (index + 1 in removed and _is_tail_fragment(body[index][1]))):
        removed.add(index)
        index -= 1
    boilerplate.extend(body[i][1] for i in sorted(removed))
    kept = [line for i, line in enumerate(body) if i not in removed]

    # 3. paragraphs: regroup kept lines by block, join hard wraps, strip a dateline from the first one.
    paragraphs: list[str] = []
    for block_index in sorted({b for b, _ in kept}):
        paragraphs.extend(_join_lines([line for b, line in kept if b == block_index]))
    if parse_header and paragraphs:
        first = _split_dateline(paragraphs[0], header)
        if header.dateline:
            boilerplate.insert(0, header.dateline)
        paragraphs[0] = first
    return header, paragraphs, boilerplate


# ------------------------------------------------------------------------------------------------- model


@dataclass(eq=False)
class Article:
    """A news article: cleaned body text, paragraphs, header fields, and sentences with offsets.

    Build one with :func:`load_article`, :meth:`Article.from_text` or :func:`analysis.load_corpus`;
    do not pass ``text`` and ``paragraphs`` that disagree.
    """

    id: str
    text: str
    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    agency: str | None = None
    published: dt.date | dt.datetime | None = None
    dateline: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    #: What the loader was given but could not use, one sentence each ("published: cannot read 'soon' as a
    #: date"); corpus runs write them to the ``warnings`` table instead of dropping them silently.
    notes: list[str] = field(default_factory=list)

    PARAGRAPH_SEPARATOR = "\n\n"

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        id: str | None = None,
        title: str | None = None,
        byline: str | None = None,
        agency: str | None = None,
        published: Any = None,
        url: str | None = None,
        source: str | None = None,
        path: str | None = None,
        parse_header: bool = True,
        meta: Mapping[str, Any] | None = None,
    ) -> Article:
        """Make an Article from a string; header lines and web boilerplate are recognised and removed.

        Fields given as arguments win over what the header says. ``parse_header=False`` keeps every line
        of the text as body (boilerplate lines are still removed).

        >>> a = Article.from_text(
        ...     "Talks stall\\n\\nBy Jane Roe, Reuters\\n\\nBEIJING (Reuters) - Talks stalled."
        ... )
        >>> a.title, a.byline, a.agency, a.dateline, a.text
        ('Talks stall', 'Jane Roe', 'Reuters', 'BEIJING (Reuters) -', 'Talks stalled.')
        """
        where = path or "<text>"
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}", where)
        _check_text(text, where)
        cleaned = clean_text(text)
        markup = looks_like_html(cleaned)
        if markup:
            cleaned = html_to_text(cleaned)
        _check_text(cleaned, where)
        header, paragraphs, boilerplate = _parse(cleaned, parse_header, title)
        if not paragraphs:
            raise InputError("no article text left after removing header lines and boilerplate", where)
        body = cls.PARAGRAPH_SEPARATOR.join(paragraphs)
        article_id = id or hashlib.sha1(cleaned.encode("utf-8")).hexdigest()[:16]
        notes = []
        given_date = _as_date(published) if published not in (None, "") else None
        if published not in (None, "") and given_date is None:
            notes.append(f"published: cannot read {str(published)[:80]!r} as a date; left empty")
        return cls(
            id=str(article_id),
            text=body,
            paragraphs=paragraphs,
            title=header.title,
            byline=byline or header.byline,
            agency=agency or header.agency,
            published=given_date if published not in (None, "") else header.published,
            dateline=header.dateline,
            url=url,
            source=source,
            path=path,
            boilerplate=boilerplate,
            header=header.lines,
            meta={**(meta or {}), **({"converted_from_html": True} if markup else {})},
            notes=notes,
        )

    @classmethod
    def raw(cls, text: str, *, id: str = "<text>") -> Article:
        """The string exactly as given (no header, boilerplate or encoding clean-up), so that every offset is
        into ``text`` itself: what the string entry points (``extract_quotes(text)``) analyse. Sentences are
        cut by Punkt and at blank lines, as for any article; they all belong to paragraph 0.

        >>> a = Article.raw("  Seoul said no.\\n\\nBeijing agreed.")
        >>> [(s.start, s.text) for s in a.sentences]
        [(2, 'Seoul said no.'), (18, 'Beijing agreed.')]
        """
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}", id)
        return cls(id=id, text=text, paragraphs=[text])

    @cached_property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each paragraph in :attr:`text`."""
        spans, start = [], 0
        for paragraph in self.paragraphs:
            spans.append((start, start + len(paragraph)))
            start += len(paragraph) + len(self.PARAGRAPH_SEPARATOR)
        return spans

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences with offsets into :attr:`text` and paragraph index; segmented once, then cached."""
        result: list[Sentence] = []
        for paragraph_index, (offset, _) in enumerate(self.paragraph_spans):
            paragraph = self.paragraphs[paragraph_index]
            for start, end in nlp.sentence_spans(paragraph):
                result.append(
                    Sentence(len(result), offset + start, offset + end, paragraph_index, paragraph[start:end])
                )
        return result

    @cached_property
    def token_spans(self) -> list[tuple[int, int]]:
        """Offsets of every token in :attr:`text` (see :func:`analysis.nlp.token_spans`)."""
        return nlp.token_spans(self.text)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` of :attr:`text`, or None."""
        import bisect

        i = bisect.bisect_right(self.sentences, offset, key=lambda sentence: sentence.start) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def to_record(self) -> dict[str, Any]:
        """The article as a flat JSON-ready dict; ``load_corpus`` reads such records back (JSONL/CSV)."""
        published = self.published.isoformat() if self.published is not None else None
        return {
            "id": self.id,
            "title": self.title,
            "byline": self.byline,
            "agency": self.agency,
            "published": published,
            "url": self.url,
            "source": self.source,
            "text": self.text,
        }

    def __repr__(self) -> str:
        title = (self.title or self.text[:40]).replace("\n", " ")
        return (
            f"Article(id={self.id!r}, title={title!r}, "
            f"paragraphs={len(self.paragraphs)}, chars={len(self.text)})"
        )


def load_article(path: str | Path, *, parse_header: bool = True) -> Article:
    """Read one article from a text file.

    Handles UTF-8 (with or without BOM), UTF-16/32 with BOM, cp1252 or latin-1 (with an
    :class:`EncodingWarning`), mojibake, and CRLF/CR line ends. Raises :class:`~analysis.errors.InputError`
    naming the path for a missing file, a directory, an empty or whitespace-only file, or binary data.

    >>> a = load_article("seeds/000_de93c8312eb4da64.txt")
    >>> a.title, a.byline, a.agency, str(a.published.date())
    ('NKorean defectors in China a sore point in Seoul', 'Sam Kim', 'Associated Press', '2012-03-08')
    """
    path = Path(path)
    where = str(path)
    if not path.exists():
        raise InputError("no such file", where)
    if path.is_dir():
        raise InputError("is a directory, not a file (use load_corpus for folders)", where)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", where) from exc
    if not data:
        raise InputError("empty file", where)
    text = decode_bytes(data, where)
    return Article.from_text(text, id=path.stem, path=where, parse_header=parse_header)
