"""Text statistics for an Article: counts, sentence lengths, lexical diversity, readability, content words,
collocations, stated quantities and keyness against general English. Each returns a tidy DataFrame.

Everything works from the Article's one segmentation (``article.sentences``) and the tokens of
:mod:`analysis.nlp`, so counts agree across tables.

>>> from analysis import Article
>>> a = Article.from_text("Seoul pressed China. China refused to stop the repatriation of defectors.")
>>> article_table(a)[["words", "sentences", "mean_sentence_length"]].iloc[0].tolist()
[11.0, 2.0, 5.5]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from . import nlp
from .article import Article

__all__ = [
    "article_table",
    "article_record",
    "paragraph_table",
    "sentence_table",
    "sentence_length_summary",
    "lexical_diversity",
    "hdd",
    "readability",
    "top_words",
    "collocations",
    "quantities",
    "keyness",
    "content_words",
    "stats_records",
    "TABLES",
]

_HAS_LETTER = re.compile(r"[^\W\d_]")


# ------------------------------------------------------------------------------------------ building blocks


def _sentence_words(article: Article) -> list[list[str]]:
    """Word tokens of each sentence (cached on the article: every table shares one tokenisation)."""
    cached = article.__dict__.get("_sentence_words")
    if cached is None:
        cached = [nlp.words(sentence.text) for sentence in article.sentences]
        article.__dict__["_sentence_words"] = cached
    return cached


def content_words(words: Sequence[str]) -> list[str]:
    """Lower-cased words that carry content: alphabetic, two letters or more, not a stopword.

    >>> content_words(["The", "defectors", "were", "sent", "back", "to", "China"])
    ['defectors', 'sent', 'china']
    """
    stop = nlp.stopwords()
    result = []
    for word in words:
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) > 1 and _HAS_LETTER.search(lower) and lower not in stop and not lower.isdigit():
            result.append(lower)
    return result


def _is_complex(word: str) -> bool:
    """Gunning's 'complex word': three syllables or more, not a proper noun, not a hyphenated compound."""
    if "-" in word or not word.isalpha() or word[0].isupper():
        return False
    syllables = nlp.syllable_count(word)
    if syllables >= 3 and word.lower().endswith(("es", "ed", "ing")):
        syllables -= 1
    return syllables >= 3


@dataclass(frozen=True)
class Readability:
    """Readability of a text and the counts it was computed from."""

    words: int
    sentences: int
    syllables: int
    complex_words: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float


def readability(sentence_words: Sequence[Sequence[str]]) -> Readability:
    """Flesch reading ease, Flesch-Kincaid grade and Gunning fog from words grouped by sentence.

    Formulas as published (Flesch 1948; Kincaid et al. 1975; Gunning 1952); syllables come from pyphen's
    hyphenation dictionary (offline), so scores differ slightly from CMU-dictionary tools such as textstat.
    The counts are this package's own, from the article's single segmentation, not a second split.

    >>> r = readability([["The", "cat", "sat"], ["It", "was", "happy"]])
    >>> r.words, r.sentences, r.syllables, round(r.flesch_reading_ease, 1)
    (6, 2, 7, 105.1)
    """
    counted = [
        [w for w in sentence if _HAS_LETTER.search(w) or w[:1].isdigit()] for sentence in sentence_words
    ]
    counted = [sentence for sentence in counted if sentence]
    n_sentences = len(counted)
    flat = [w for sentence in counted for w in sentence]
    n_words = len(flat)
    if not n_words:
        nan = float("nan")
        return Readability(0, n_sentences, 0, 0, nan, nan, nan)
    n_syllables = sum(nlp.syllable_count(w) for w in flat)
    n_complex = sum(1 for w in flat if _is_complex(w))
    words_per_sentence = n_words / n_sentences
    syllables_per_word = n_syllables / n_words
    return Readability(
        words=n_words,
        sentences=n_sentences,
        syllables=n_syllables,
        complex_words=n_complex,
        flesch_reading_ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        flesch_kincaid_grade=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        gunning_fog=0.4 * (words_per_sentence + 100 * n_complex / n_words),
    )


def hdd(words: Sequence[str], draws: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2007): expected type share in random samples of ``draws`` tokens.

    For each type of frequency f among N tokens, the probability that a sample of ``draws`` tokens
    contains it is 1 - C(N-f, draws) / C(N, draws); HD-D sums those probabilities divided by ``draws``.
    The same quantity as ``lexicalrichness``' ``hdd`` (checked in the tests), computed with log-gamma
    instead of one scipy call per type, which made it the slowest statistic. NaN below ``draws`` tokens.
    """
    n = len(words)
    if n < draws:
        return float("nan")
    lg = math.lgamma
    log_total = lg(n + 1) - lg(n - draws + 1)
    total = 0.0
    for frequency in Counter(words).values():
        rest = n - frequency
        if rest < draws:
            total += 1.0
        else:
            total += 1.0 - math.exp(lg(rest + 1) - lg(rest - draws + 1) - log_total)
    return total / draws


def lexical_diversity(words: Sequence[str]) -> dict[str, float]:
    """Type-token ratio, MTLD (McCarthy & Jarvis 2010, via ``lexicalrichness``) and HD-D (:func:`hdd`).

    Case-insensitive. MTLD and HD-D are stable across text lengths, TTR is not (it falls as texts grow);
    HD-D needs at least 42 words and is NaN below that.

    >>> d = lexical_diversity("the cat saw the dog".split())
    >>> d["types"], d["tokens"], d["ttr"]
    (4, 5, 0.8)
    """
    from lexicalrichness import LexicalRichness

    lowered = [w.lower() for w in words if _HAS_LETTER.search(w)]
    if not lowered:
        return {"tokens": 0, "types": 0, "ttr": float("nan"), "mtld": float("nan"), "hdd": float("nan")}
    richness = LexicalRichness(lowered, preprocessor=None, tokenizer=None)
    return {
        "tokens": len(lowered),
        "types": len(set(lowered)),
        "ttr": len(set(lowered)) / len(lowered),
        "mtld": float(richness.mtld(threshold=0.72)),
        "hdd": hdd(lowered),
    }


# ---------------------------------------------------------------------------------------------------- tables


def _base_record(article: Article) -> dict:
    return {"article_id": article.id}


def article_table(article: Article) -> pd.DataFrame:
    """One row of whole-article statistics: counts, sentence lengths, diversity and readability.

    Columns: article_id, title, paragraphs, sentences, words, characters, mean/median/max/min sentence
    length (words), types, ttr, mtld, hdd, syllables, complex_words, flesch_reading_ease,
    flesch_kincaid_grade, gunning_fog.
    """
    return pd.DataFrame([article_record(article)])


def article_record(article: Article) -> dict:
    """The row of :func:`article_table` as a plain dict (what corpus runs collect)."""
    import statistics

    sentence_words = _sentence_words(article)
    lengths = [len(words) for words in sentence_words]
    flat = [w for words in sentence_words for w in words]
    read = readability(sentence_words)
    diversity = lexical_diversity(flat)
    return {
        **_base_record(article),
        "title": article.title,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
        "words": len(flat),
        "characters": len(article.text),
        "mean_sentence_length": sum(lengths) / len(lengths) if lengths else float("nan"),
        "median_sentence_length": float(statistics.median(lengths)) if lengths else float("nan"),
        "max_sentence_length": max(lengths, default=0),
        "min_sentence_length": min(lengths, default=0),
        "types": diversity["types"],
        "ttr": diversity["ttr"],
        "mtld": diversity["mtld"],
        "hdd": diversity["hdd"],
        "syllables": read.syllables,
        "complex_words": read.complex_words,
        "flesch_reading_ease": read.flesch_reading_ease,
        "flesch_kincaid_grade": read.flesch_kincaid_grade,
        "gunning_fog": read.gunning_fog,
    }


def paragraph_table(article: Article) -> pd.DataFrame:
    """One row per paragraph: sentences, words, mean sentence length, TTR and readability.

    Readability of a one-sentence paragraph is legitimate but noisy; read it next to ``words``.
    """
    sentence_words = _sentence_words(article)
    by_paragraph: dict[int, list[list[str]]] = {i: [] for i in range(len(article.paragraphs))}
    for sentence, words in zip(article.sentences, sentence_words, strict=True):
        by_paragraph[sentence.paragraph].append(words)
    rows = []
    for index, (start, end) in enumerate(article.paragraph_spans):
        groups = by_paragraph[index]
        flat = [w for words in groups for w in words]
        read = readability(groups)
        lowered = [w.lower() for w in flat if _HAS_LETTER.search(w)]
        rows.append(
            {
                **_base_record(article),
                "paragraph": index,
                "start": start,
                "end": end,
                "sentences": len(groups),
                "words": len(flat),
                "mean_sentence_length": len(flat) / len(groups) if groups else float("nan"),
                "ttr": len(set(lowered)) / len(lowered) if lowered else float("nan"),
                "flesch_reading_ease": read.flesch_reading_ease,
                "flesch_kincaid_grade": read.flesch_kincaid_grade,
                "gunning_fog": read.gunning_fog,
                "text": article.paragraphs[index],
            }
        )
    return pd.DataFrame(rows)


def sentence_table(article: Article) -> pd.DataFrame:
    """One row per sentence: index, paragraph, offsets, words, syllables and complex words, and its text."""
    rows = []
    for sentence, words in zip(article.sentences, _sentence_words(article), strict=True):
        rows.append(
            {
                **_base_record(article),
                "sentence": sentence.index,
                "paragraph": sentence.paragraph,
                "start": sentence.start,
                "end": sentence.end,
                "words": len(words),
                "syllables": sum(nlp.syllable_count(w) for w in words),
                "complex_words": sum(1 for w in words if _is_complex(w)),
                "text": sentence.text,
            }
        )
    return pd.DataFrame(rows)


def sentence_length_summary(article: Article) -> pd.DataFrame:
    """The distribution of sentence lengths in words.

    Count, mean, std, quartiles, and the share above 25 words.

    One tidy row per statistic (columns ``statistic``, ``value``).
    """
    lengths = pd.Series([len(w) for w in _sentence_words(article)], dtype="float64")
    described = lengths.describe()
    rows = [{"statistic": str(k), "value": float(v)} for k, v in described.items()]
    rows.append(
        {
            "statistic": "share_over_25_words",
            "value": float((lengths > 25).mean()) if len(lengths) else float("nan"),
        }
    )
    return pd.DataFrame(rows)


def top_words(article: Article, n: int = 20) -> pd.DataFrame:
    """The ``n`` most frequent content words (stopwords from the ``stop-words`` package removed).

    Columns: word, count, per_1000 (per thousand words of the article). Ties are broken alphabetically.
    """
    words = [w for ws in _sentence_words(article) for w in ws]
    counts = Counter(content_words(words))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    total = len(words) or 1
    return pd.DataFrame(
        [{"word": word, "count": count, "per_1000": 1000 * count / total} for word, count in ranked],
        columns=["word", "count", "per_1000"],
    )


def collocations(
    article: Article, n: int = 15, min_freq: int = 2, measure: str = "likelihood_ratio"
) -> pd.DataFrame:
    """Word pairs that occur together more than chance (NLTK ``BigramCollocationFinder``).

    Pairs are counted inside sentences only, pairs with punctuation or a stopword are dropped, pairs seen
    fewer than ``min_freq`` times are filtered out, and the rest are ranked by ``measure`` (any NLTK
    ``BigramAssocMeasures`` method: ``likelihood_ratio``, ``pmi``, ``chi_sq``, ``student_t``...).
    Columns: bigram, first, second, count, score.
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    stop = nlp.stopwords()
    sentences = [[w.lower() for w in words] for words in _sentence_words(article)]
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_freq_filter(min_freq)
    finder.apply_word_filter(lambda w: not _HAS_LETTER.search(w))
    finder.apply_ngram_filter(lambda a, b: a in stop or b in stop)
    score_fn = getattr(BigramAssocMeasures, measure, None)
    if score_fn is None:
        from .errors import ArgumentError

        raise ArgumentError(f"measure={measure!r} is not an NLTK bigram association measure")
    scored = finder.score_ngrams(score_fn)
    rows = [
        {
            "bigram": f"{a} {b}",
            "first": a,
            "second": b,
            "count": finder.ngram_fd[(a, b)],
            "score": float(score),
        }
        for (a, b), score in scored
    ]
    rows.sort(key=lambda r: (-r["score"], r["bigram"]))
    return pd.DataFrame(rows[:n], columns=["bigram", "first", "second", "count", "score"])


# ---------------------------------------------------------------------------------------------- quantities

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1e6,
    "billions": 1e9,
}
_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
}
_QUALIFIER = (
    r"(?:more\s+than|fewer\s+than|less\s+than|over|under|above|below|about|around|almost|nearly|roughly|"
    r"approximately|some|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|an\s+estimated|"
    r"anywhere\s+from|between|close\s+to|just\s+over|just\s+under|well\s+over)"
)
_CURRENCY = r"(?:US\$|\$|£|€|¥|₩)"
_QUANTITY = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:"
    rf"(?P<range>\b(?:1[0-9]|20)\d{{2}}\s*[-–]\s*(?:\d{{2}}|\d{{4}})\b)"
    rf"|(?:(?P<currency>{_CURRENCY})\s?)?(?P<number>\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\b\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b)?"
    rf"(?P<percent>\s?(?:%|percent\b|per\s+cent\b))?"
    rf"|(?P<vague>\b(?:hundreds|thousands|millions|billions|tens)\s+of\s+(?:thousands|millions|billions)\b"
    rf"|\b(?:dozens|hundreds|thousands|millions|billions)\b)"
    rf"|(?P<word>\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred|a\s+dozen)\b(?:\s+(?P<wscale>thousand|million|billion))?)"
    rf")",
    re.IGNORECASE,
)
#: Every match of :data:`_QUANTITY` holds a digit or one of these whole words (the vague and word branches
#: are word-bounded; no qualifier contains one). Before its first such "anchor" a match has only letters,
#: spaces and currency signs, at most :data:`_MAX_LEAD` of them not spaces (the longest qualifier, 13
#: letters, and a currency "US$" or an "a"), so the big pattern, which has no cheap first-character test,
#: only runs from just before each anchor.
_MAYBE_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundreds?|dozens?|thousands|millions|billions|tens)\b",
    re.IGNORECASE,
)
_MAX_LEAD = 17
#: Non-letter characters of :data:`_CURRENCY`: the only ones besides letters and spaces before an anchor.
_CURRENCY_SIGNS = frozenset("$£€¥₩")


def _quantity_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``_QUANTITY.finditer(text)``, found faster by starting each search near an anchor."""
    position = 0
    while True:
        anchor = _MAYBE_QUANTITY.search(text, position)
        if anchor is None:
            return
        start, lead = anchor.start(), 0
        while start > position:  # walk back over what may come before the anchor: qualifier, currency, "a"
            before = text[start - 1]
            if not before.isspace():
                lead += 1
                if lead > _MAX_LEAD or not (before.isalpha() or before in _CURRENCY_SIGNS):
                    break
            start -= 1
        match = _QUANTITY.search(text, start)
        if match is None:
            return
        yield match
        position = match.end()


_MONTH_BEFORE = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$",
    re.IGNORECASE,
)


def _quantity_kind(match: re.Match, text: str) -> tuple[str, float | None, str | None]:
    if match.group("range"):
        return "year range", None, None
    if match.group("vague"):
        phrase = match.group("vague").lower().split()
        value = _NUMBER_WORDS.get(phrase[0], None)
        if value is not None and len(phrase) == 3:
            value *= _NUMBER_WORDS.get(phrase[-1], 1)
        return "approximate count", float(value) if value else None, None
    if match.group("word"):
        words = match.group("word").lower().split()
        base = _NUMBER_WORDS.get(words[-1] if words[0] == "a" else words[0], None)
        scale = _SCALE.get((match.group("wscale") or "").lower(), 1)
        return "count", float(base * scale) if base is not None else None, None
    raw = match.group("number").replace(",", "")
    value = float(raw)
    if match.group("scale"):
        value *= _SCALE[match.group("scale").lower()]
    if match.group("percent"):
        return "percent", value, "%"
    if match.group("currency"):
        return "money", value, match.group("currency")
    before = text[max(0, match.start() - 12) : match.start()]
    if raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100 and "," not in match.group("number"):
        return "year", value, None
    if raw.isdigit() and value <= 31 and _MONTH_BEFORE.search(before):
        return "day of month", value, None
    return "count", value, None


def quantities(article: Article) -> pd.DataFrame:
    """Numbers and quantities the article states, with their qualifier ("more than", "above") and kind.

    Kinds: count, approximate count ("thousands", "hundreds of thousands"), percent, money, year,
    year range ("1950-53"), day of month. ``value`` is the number as stated (None for ranges);
    ``context`` is the sentence it appears in. Compound adjectives such as "six-nation" count too.

    >>> a = Article.from_text("More than 21,000 defectors have arrived since the 1950-53 war.")
    >>> quantities(a)[["text", "kind", "value"]].values.tolist()
    [['More than 21,000', 'count', 21000.0], ['1950-53', 'year range', nan]]
    """
    columns = [
        "article_id",
        "text",
        "start",
        "end",
        "kind",
        "value",
        "unit",
        "qualifier",
        "sentence",
        "context",
    ]
    return pd.DataFrame(quantity_records(article), columns=columns)


def quantity_records(article: Article, context: bool = True) -> list[dict]:
    """The rows of :func:`quantities` as dicts (``context=False`` leaves out the sentence text)."""
    rows = []
    for sentence in article.sentences:
        for match in _quantity_matches(sentence.text):
            text = match.group(0).strip()
            if not text:
                continue
            kind, value, unit = _quantity_kind(match, sentence.text)
            qualifier = match.group("qualifier")
            rows.append(
                {
                    **_base_record(article),
                    "text": text,
                    "start": sentence.start
                    + match.start()
                    + (len(match.group(0)) - len(match.group(0).lstrip())),
                    "end": sentence.start + match.start() + len(match.group(0).rstrip()),
                    "kind": kind,
                    "value": value,
                    "unit": unit,
                    "qualifier": qualifier.lower() if qualifier else None,
                    "sentence": sentence.index,
                    **({"context": sentence.text} if context else {}),
                }
            )
    return rows


# ------------------------------------------------------------------------------------------------- keyness


def keyness(article: Article, n: int = 20, min_count: int = 2) -> pd.DataFrame:
    """Words the article uses far more than general English does (keyness against ``wordfreq``).

    For each content word seen at least ``min_count`` times, the expected count is its general-English
    frequency (wordfreq's Zipf scale, a blend of news, web, books, subtitles and more) times the article's
    length. ``log_ratio`` is log2(observed / expected) and ``g2`` Dunning's log-likelihood; words unknown to
    wordfreq get a floor frequency of Zipf 1.0 (once per billion words). Sorted by ``g2``, overused words
    only.
    """
    words = [w for ws in _sentence_words(article) for w in ws]
    total = len(words)
    counts = Counter(content_words(words))
    rows = []
    for word, observed in counts.items():
        if observed < min_count:
            continue
        zipf = nlp.zipf_frequency(word)
        probability = 10 ** (max(zipf, 1.0) - 9)
        expected = total * probability
        if observed <= expected:
            continue
        g2 = 2 * (observed * math.log(observed / expected))
        rest_observed, rest_expected = total - observed, total - expected
        if rest_observed > 0 and rest_expected > 0:
            g2 += 2 * rest_observed * math.log(rest_observed / rest_expected)
        rows.append(
            {
                "word": word,
                "count": observed,
                "zipf": zipf,
                "expected": expected,
                "log_ratio": math.log2(observed / expected),
                "g2": g2,
            }
        )
    rows.sort(key=lambda r: (-r["g2"], r["word"]))
    return pd.DataFrame(rows[:n], columns=["word", "count", "zipf", "expected", "log_ratio", "g2"])


#: Schemas of the tables :func:`stats_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "characters": "int64",
        "mean_sentence_length": "float64",
        "median_sentence_length": "float64",
        "max_sentence_length": "int64",
        "min_sentence_length": "int64",
        "types": "int64",
        "ttr": "float64",
        "mtld": "float64",
        "hdd": "float64",
        "syllables": "int64",
        "complex_words": "int64",
        "flesch_reading_ease": "float64",
        "flesch_kincaid_grade": "float64",
        "gunning_fog": "float64",
    },
    "quantities": {
        "text": "str",
        "start": "int64",
        "end": "int64",
        "kind": "str",
        "value": "float64",
        "unit": "str",
        "qualifier": "str",
        "sentence": "int64",
    },
}


def stats_records(context) -> dict[str, list[dict]]:
    """The statistics a corpus run keeps: ``articles`` columns (one row) and ``quantities`` rows.

    The per-paragraph and vocabulary tables stay available from their own functions.

    >>> from analysis.context import ArticleContext
    >>> rows = stats_records(ArticleContext.of("More than 21,000 people fled. Prices rose 5%."))
    >>> [(q["text"], q["kind"]) for q in rows["quantities"]]
    [('More than 21,000', 'count'), ('5%', 'percent')]
    """
    article = context.article
    record = article_record(article)
    for duplicate in ("article_id", "title", "paragraphs", "sentences", "words"):  # the header has these
        record.pop(duplicate, None)
    quantities = quantity_records(article, context=False)
    for row in quantities:
        row.pop("article_id", None)
    return {"articles": [record], "quantities": quantities}
