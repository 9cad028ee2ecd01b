"""Sentence, paragraph and article sentiment: a fast exact VADER, word-level explanations, a news-tuned
polarity.

Three layers:

- :func:`vader_scores` re-implements NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` rule for rule
  (same lexicon file, from the ``vaderSentiment`` package; same negation, booster, ALL-CAPS, "but",
  "kind of", "least", idiom and punctuation rules, including NLTK's quirks such as scoring a repeated
  token in the context of its first occurrence). Its neg/neu/pos/compound are identical to NLTK's; it is
  several times faster because tokens are looked up once and cached.
- :func:`explain` returns, from the same pass, what moved each word: lexicon valence, boosters, negation,
  capitals, "but", idioms, and the final contribution.
- :func:`polarity` is the package's best sentence-level score in [-1, 1]: a linear combination of VADER
  sub-scores and a word model (ridge regression on Porter stems, negation-marked), with a smooth neutral
  band for sentences without VADER lexicon words, fitted by ``training/train_sentiment.py`` on the train
  splits of the VADER rated sets and NewsMTSC and shipped as ``analysis/models/sentiment_polarity.json``.
  On held-out NewsMTSC sentences its Pearson r with the (proxy) rating is 0.57 against plain VADER's 0.43;
  it never scores below plain VADER on a dev set (``benchmarks/eval_sentiment.py``) and runs about 2.5-3x
  faster than NLTK's VADER.

On top of these, :func:`sentence_table`, :func:`paragraph_table` and :func:`article_summary` describe an
:class:`~analysis.article.Article` (sentences come from ``article.sentences``; nothing is re-split).

>>> vader_scores("The food was not very good!")
{'neg': 0.368, 'neu': 0.632, 'pos': 0.0, 'compound': -0.4432}
>>> label(-0.4432)
'negative'
"""

from __future__ import annotations

import bisect
import json
import math
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import nlp
from .errors import ArgumentError, ModelError

MODEL_PATH = Path(__file__).resolve().parent / "models" / "sentiment_polarity.json"
LABELS = ("negative", "neutral", "positive")

# ------------------------------------------------------------------------------------------ VADER constants
# Taken from NLTK's own VaderConstants so the rules cannot drift from the reference implementation.


def _nltk_constants():
    from nltk.sentiment.vader import VaderConstants

    return VaderConstants


_C = _nltk_constants()
B_INCR: float = _C.B_INCR
B_DECR: float = _C.B_DECR
C_INCR: float = _C.C_INCR
N_SCALAR: float = _C.N_SCALAR
NEGATE: frozenset[str] = frozenset(_C.NEGATE)
BOOSTER_DICT: dict[str, float] = dict(_C.BOOSTER_DICT)
SPECIAL_CASE_IDIOMS: dict[str, float] = dict(_C.SPECIAL_CASE_IDIOMS)
PUNC_LIST: frozenset[str] = frozenset(_C.PUNC_LIST)
_PUNCTUATION = frozenset(string.punctuation)
_REMOVE_PUNCTUATION = str.maketrans("", "", string.punctuation)
_SO_THIS = ("so", "this")


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's lexicon (word -> mean valence), parsed from the file exactly as NLTK parses it."""
    path = nlp.vader_lexicon_path()
    try:
        with open(path, encoding="utf-8") as handle:
            content = handle.read()
    except OSError as exc:  # pragma: no cover - broken install
        raise ModelError(f"{path}: cannot read VADER lexicon: {exc}") from exc
    lexicon: dict[str, float] = {}
    for line in content.split("\n"):
        fields = line.strip().split("\t")
        if len(fields) < 2:
            continue
        lexicon[fields[0]] = float(fields[1])
    return lexicon


# A token's properties, looked up once per distinct token: lower case, lexicon valence (None when absent),
# booster scalar (None when not a booster), whether it negates on its own, whether it is ALL CAPS.
_TokenInfo = tuple[str, float | None, float | None, bool, bool]
_TOKEN_CACHE: dict[str, _TokenInfo] = {}
_TOKEN_CACHE_LIMIT = 200_000


def _token_info(token: str) -> _TokenInfo:
    info = _TOKEN_CACHE.get(token)
    if info is None:
        lower = token.lower()
        info = (
            lower,
            vader_lexicon().get(lower),
            BOOSTER_DICT.get(lower),
            lower in NEGATE or "n't" in lower,
            token.isupper(),
        )
        if len(_TOKEN_CACHE) >= _TOKEN_CACHE_LIMIT:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[token] = info
    return info


def _strip_punctuation(token: str, words_only: set[str]) -> str:
    """NLTK's ``_words_plus_punc`` mapping: drop ONE entry of PUNC_LIST before or after a known word."""
    if token[0] in _PUNCTUATION:
        cut = 1
        while cut < len(token) and token[cut] in _PUNCTUATION:
            cut += 1
        if token[:cut] in PUNC_LIST and token[cut:] in words_only:
            return token[cut:]
    if token[-1] in _PUNCTUATION:
        cut = len(token) - 1
        while cut > 0 and token[cut - 1] in _PUNCTUATION:
            cut -= 1
        if token[cut:] in PUNC_LIST and token[:cut] in words_only:
            return token[:cut]
    return token


def vader_tokens(text: str) -> list[str]:
    """The tokens VADER scores: whitespace tokens longer than one character, with one leading or
    trailing punctuation mark (from NLTK's PUNC_LIST) removed from known words; emoticons kept.

    >>> vader_tokens("Not bad, :) at all!!")
    ['Not', 'bad', ':)', 'at', 'all']
    """
    raw = [token for token in text.split() if len(token) > 1]
    words_only = None
    for position, token in enumerate(raw):
        if token[0] in _PUNCTUATION or token[-1] in _PUNCTUATION:
            if words_only is None:
                words_only = {word for word in text.translate(_REMOVE_PUNCTUATION).split() if len(word) > 1}
            raw[position] = _strip_punctuation(token, words_only)
    return raw


@dataclass(slots=True)
class WordContribution:
    """How one VADER token contributed to a sentence's score (see :func:`explain`)."""

    position: int  #: index among the VADER tokens
    word: str  #: the token as VADER sees it (punctuation stripped)
    start: int  #: character offset of the whitespace token in the text
    end: int
    lexicon_valence: float | None  #: VADER lexicon value, None when the word is not in the lexicon
    caps: bool = False  #: ALL CAPS emphasis applied
    boosters: list[tuple[str, float]] = field(default_factory=list)  #: (booster word, amount added)
    negations: list[tuple[str, float]] = field(default_factory=list)  #: (negating/"never so" word, factor)
    idiom: str | None = None  #: special-case idiom or "kind of"/"sort of" dampener applied
    least: bool = False  #: negated by a preceding "least"
    but_factor: float = 1.0  #: 0.5 before "but", 1.5 after it
    valence: float = 0.0  #: final contribution to the sum behind ``compound``
    role: str = ""  #: "lexicon", "booster", "negation", "but", or "" for words that score nothing

    def as_record(self) -> dict[str, Any]:
        """A flat dict for a DataFrame row."""
        return {
            "position": self.position,
            "word": self.word,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "lexicon_valence": self.lexicon_valence,
            "caps": self.caps,
            "boosters": ", ".join(f"{w} {amount:+.3f}" for w, amount in self.boosters),
            "negations": ", ".join(f"{w} x{factor:g}" for w, factor in self.negations),
            "idiom": self.idiom or "",
            "least": self.least,
            "but_factor": self.but_factor,
            "valence": self.valence,
        }


def _valences(tokens: list[str], trace: list[WordContribution] | None = None) -> list[float]:
    """Per-token valences after every VADER rule (NLTK's ``polarity_scores`` loop plus ``_but_check``)."""
    n = len(tokens)
    cached = _TOKEN_CACHE.get
    infos = [cached(token) or _token_info(token) for token in tokens]
    n_upper = sum(1 for info in infos if info[4])
    is_cap_diff = 0 < n - n_upper < n
    first_index: dict[str, int] = {}
    for position, token in enumerate(tokens):
        if token not in first_index:
            first_index[token] = position
    sentiments: list[Any] = []
    for position, item in enumerate(tokens):
        # NLTK scores every occurrence of a token in the context of its FIRST occurrence.
        i = first_index[item]
        lower, lex, boost, _, upper = infos[i]
        record = None
        if trace is not None:
            record = trace[position]
            record.lexicon_valence = lex
        if boost is not None or (lower == "kind" and i < n - 1 and infos[i + 1][0] == "of"):
            sentiments.append(0)
            if record is not None:
                record.role = "booster"
                record.lexicon_valence = None
            continue
        if lex is None:
            sentiments.append(0)
            if record is not None:
                if infos[i][3]:
                    record.role = "negation"
                elif lower == "but":
                    record.role = "but"
            continue
        valence = lex
        if upper and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
            if record is not None:
                record.caps = True
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and infos[j][1] is None:
                s = 0.0
                b = infos[j][2]
                if b is not None:
                    s = b
                    if valence < 0:
                        s *= -1
                    if infos[j][4] and is_cap_diff:
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                if record is not None and s != 0:
                    record.boosters.append((tokens[j], s))
                # NLTK's _never_check
                factor = 1.0
                if start_i == 0:
                    if infos[i - 1][3]:
                        factor = N_SCALAR
                elif start_i == 1:
                    if tokens[i - 2] == "never" and tokens[i - 1] in _SO_THIS:
                        factor = 1.5
                    elif infos[i - 2][3]:
                        factor = N_SCALAR
                else:
                    if (tokens[i - 3] == "never" and tokens[i - 2] in _SO_THIS) or tokens[i - 1] in _SO_THIS:
                        factor = 1.25
                    elif infos[i - 3][3]:
                        factor = N_SCALAR
                if factor != 1.0:
                    valence = valence * factor
                    if record is not None:
                        record.negations.append((tokens[j], factor))
                if start_i == 2:
                    valence = _idioms_check(valence, tokens, i, record)
        # NLTK's _least_check
        if i > 1 and infos[i - 1][1] is None and infos[i - 1][0] == "least":
            if infos[i - 2][0] != "at" and infos[i - 2][0] != "very":
                valence = valence * N_SCALAR
                if record is not None:
                    record.least = True
        elif i > 0 and infos[i - 1][1] is None and infos[i - 1][0] == "least":
            valence = valence * N_SCALAR
            if record is not None:
                record.least = True
        sentiments.append(valence)
        if record is not None:
            record.role = "lexicon"
    # NLTK's _but_check: the first "but" halves what comes before and boosts what follows by half.
    for position, info in enumerate(infos):
        if info[0] == "but":
            for sidx in range(n):
                if sidx < position:
                    sentiments[sidx] = sentiments[sidx] * 0.5
                elif sidx > position:
                    sentiments[sidx] = sentiments[sidx] * 1.5
            if trace is not None:
                for sidx in range(n):
                    trace[sidx].but_factor = 0.5 if sidx < position else (1.5 if sidx > position else 1.0)
            break
    if trace is not None:
        for record, value in zip(trace, sentiments, strict=True):
            record.valence = float(value)
    return sentiments


def _idioms_check(valence: float, tokens: list[str], i: int, record: WordContribution | None) -> float:
    onezero = f"{tokens[i - 1]} {tokens[i]}"
    twoonezero = f"{tokens[i - 2]} {tokens[i - 1]} {tokens[i]}"
    twoone = f"{tokens[i - 2]} {tokens[i - 1]}"
    threetwoone = f"{tokens[i - 3]} {tokens[i - 2]} {tokens[i - 1]}"
    threetwo = f"{tokens[i - 3]} {tokens[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[seq]
            if record is not None:
                record.idiom = seq
            break
    if len(tokens) - 1 > i:
        zeroone = f"{tokens[i]} {tokens[i + 1]}"
        if zeroone in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[zeroone]
            if record is not None:
                record.idiom = zeroone
    if len(tokens) - 1 > i + 1:
        zeroonetwo = f"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]}"
        if zeroonetwo in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[zeroonetwo]
            if record is not None:
                record.idiom = zeroonetwo
    if threetwo in BOOSTER_DICT or twoone in BOOSTER_DICT:
        valence = valence + B_DECR
        if record is not None:
            record.idiom = threetwo if threetwo in BOOSTER_DICT else twoone
    return valence


def _punctuation_amplifier(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _score_valence(sentiments: list[Any], text: str) -> tuple[float, float, float, float, float]:
    """NLTK's ``score_valence`` before rounding: (neg, neu, pos, compound, amplified sum)."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    amplifier = _punctuation_amplifier(text)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = 0
    for value in sentiments:
        if value > 0:
            pos_sum += float(value) + 1
        if value < 0:
            neg_sum += float(value) - 1
        if value == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        math.fabs(neg_sum / total),
        math.fabs(neu_count / total),
        math.fabs(pos_sum / total),
        compound,
        sum_s,
    )


def _check_text(text: Any, name: str = "text") -> str:
    if not isinstance(text, str):
        raise ArgumentError(f"{name}: expected str, got {type(text).__name__}")
    return text


def vader_scores(text: str) -> dict[str, float]:
    """VADER's neg/neu/pos/compound for ``text``, identical to NLTK's ``polarity_scores``.

    >>> vader_scores("The movie was kind of good, but the ending was TERRIBLE!!!")["compound"]
    -0.7447
    """
    _check_text(text)
    neg, neu, pos, compound, _ = _score_valence(_valences(vader_tokens(text)), text)
    return {"neg": round(neg, 3), "neu": round(neu, 3), "pos": round(pos, 3), "compound": round(compound, 4)}


def _whitespace_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r"\S+", text)]


def explain(text: str) -> list[WordContribution]:
    """Every VADER token of ``text`` with what moved its score; the ``valence`` values add up to the sum
    that ``compound`` normalises (before "!"/"?" emphasis).

    As in NLTK, a token that occurs twice is scored in the context of its first occurrence (its boosters
    and negations are those of the first occurrence); only the "but" factor depends on its own position.

    >>> words = [w for w in explain("not good") if w.role == "lexicon"]
    >>> [(w.word, w.lexicon_valence, w.negations, round(w.valence, 3)) for w in words]
    [('good', 1.9, [('not', -0.74)], -1.406)]
    """
    _check_text(text)
    spans = [span for span in _whitespace_spans(text) if span[1] - span[0] > 1]
    tokens = vader_tokens(text)
    trace = []
    for position, (token, (start, end)) in enumerate(zip(tokens, spans, strict=True)):
        raw = text[start:end]
        offset = raw.find(token)
        offset = 0 if offset < 0 else offset
        trace.append(WordContribution(position, token, start + offset, start + offset + len(token), None))
    _valences(tokens, trace)
    return trace


def explain_table(text: str, nonzero_only: bool = True) -> pd.DataFrame:
    """:func:`explain` as a DataFrame.

    By default only the words that score (lexicon words, boosters, negations).
    """
    rows = [record.as_record() for record in explain(text)]
    table = pd.DataFrame(rows, columns=list(WordContribution(0, "", 0, 0, None).as_record()))
    if nonzero_only:
        table = table[table["role"] != ""].reset_index(drop=True)
    return table


def label(score: float, threshold: float = 0.05) -> str:
    """``"positive"`` above ``threshold``, ``"negative"`` below ``-threshold``, else ``"neutral"``.

    >>> label(0.3), label(-0.01), label(-0.2)
    ('positive', 'neutral', 'negative')
    """
    if threshold < 0:
        raise ArgumentError(f"threshold: must be >= 0, got {threshold}")
    if score > threshold:
        return "positive"
    if score < -threshold:
        return "negative"
    return "neutral"


# ------------------------------------------------------------------------------------------ polarity model

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CLAUSE = re.compile(r"[,.;:!?]")
#: Words that flip the word model's features for the next three words ("not_good").
_NEGATORS = frozenset({"not", "no", "never", "without", "nor", "neither", "nothing", "cannot"}) | frozenset(
    w for w in NEGATE if "'" not in w
)


_STEMS: dict[str, str] = {}


_NEGATOR_STEMS = frozenset({"noth", "neith", "cannot", "without", "never"})


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        stem = _STEMS[word] = _stemmer().stem(word)
    return stem


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer

    return PorterStemmer()


def news_tokens(text: str) -> list[str]:
    """Word features of the polarity word model: Porter stems of the lower-case words, where the three words
    after a negation (within the same clause) get a ``not_`` prefix.

    >>> news_tokens("Talks did not succeed, officials said.")
    ['talk', 'did', 'not', 'not_succeed', 'offici', 'said']
    """
    result: list[str] = []
    stems = _STEMS.get
    for clause in _CLAUSE.split(text.lower()):
        negated_left = 0
        for word in _WORD.findall(clause):
            word = stems(word) or _stem(word)
            if negated_left:
                result.append("not_" + word)
                negated_left -= 1
            else:
                result.append(word)
            if word in _NEGATORS or word.endswith("n't") or word in _NEGATOR_STEMS:
                negated_left = 3
    return result


@lru_cache(maxsize=1)
def _emoticons() -> frozenset[str]:
    return frozenset(word for word in vader_lexicon() if not re.search(r"[a-z]", word))


def _social_register(text: str, tokens: list[str]) -> bool:
    """Social-media register: "!", @mentions, #hashtags, links or emoticons.

    Found in 80% of the tweets, 1-3% of news.
    """
    if "!" in text or "@" in text or "#" in text or "http" in text:
        return True
    emoticons = _emoticons()
    return any(token in emoticons for token in tokens)


#: Names of the features the linear layer of :func:`polarity` combines, in order.
FEATURES = (
    "compound",
    "pos",
    "neg",
    "compound_sq",
    "lexicon_share",
    "compound_x_lexicon_share",
    "word_score",
    "word_score_x_no_lexicon",
    "word_score_x_abs_compound",
    "social",
    "compound_x_social",
    "word_score_x_social",
    "exclaim",
    "question",
)


def features(
    text: str, word_weights: dict[str, float] | None = None, word_intercept: float = 0.0
) -> list[float]:
    """The feature vector :func:`polarity` combines (order of :data:`FEATURES`); training uses it too."""
    tokens = vader_tokens(text)
    sentiments = _valences(tokens)
    return _features(text, tokens, sentiments, _score_valence(sentiments, text), word_weights, word_intercept)


def _features(
    text: str,
    tokens: list[str],
    sentiments: list[Any],
    valence: tuple[float, float, float, float, float],
    word_weights: dict[str, float] | None,
    word_intercept: float,
) -> list[float]:
    """:func:`features` from VADER's tokens, valences and ``_score_valence`` already computed for ``text``."""
    neg, _, pos, compound, sum_s = valence
    n_lex = sum(1 for value in sentiments if value != 0)
    lexicon_share = n_lex / len(tokens) if tokens else 0.0
    word_score = word_intercept
    if word_weights is not None:
        words = news_tokens(text)
        if words:
            get = word_weights.get
            word_score += sum(get(w, 0.0) for w in words) / math.sqrt(len(words))
    social = float(_social_register(text, tokens))
    return [
        compound,
        pos,
        neg,
        compound * abs(compound),
        lexicon_share,
        compound * lexicon_share,
        word_score,
        word_score * (n_lex == 0),
        word_score * abs(compound),
        social,
        compound * social,
        word_score * social,
        float("!" in text),
        float("?" in text),
    ]


_LEXICON_SHARE = FEATURES.index("lexicon_share")


@dataclass(frozen=True)
class PolarityModel:
    """The shipped polarity model.

    Word weights, a linear layer over :data:`FEATURES`, a neutral band, clipping.
    """

    word_weights: dict[str, float]
    word_intercept: float
    coef: tuple[float, ...]
    intercept: float
    neutral_band: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def raw_score(self, text: str) -> tuple[float, bool]:
        """The linear layer's output before the neutral band and clipping, and whether any VADER lexicon
        word scored in ``text``."""
        return self._raw_from_features(features(text, self.word_weights, self.word_intercept))

    def _raw_from_features(self, values: list[float]) -> tuple[float, bool]:
        raw = self.intercept + sum(c * v for c, v in zip(self.coef, values, strict=True))
        return raw, values[_LEXICON_SHARE] > 0

    def score(self, text: str) -> float:
        """:func:`polarity` with this model: the neutral band applies only to sentences in which no VADER
        lexicon word scored (where plain VADER says exactly 0), so the word model must be confident to
        call such a sentence positive or negative."""
        return self._score_from_raw(*self.raw_score(text))

    def _score_from_raw(self, raw: float, has_lexicon: bool) -> float:
        return shrink(raw, 0.0 if has_lexicon else self.neutral_band)

    def _score_with_vader(self, text: str) -> tuple[dict[str, float], float]:
        """``(vader_scores(text), self.score(text))`` with VADER's tokens and valences computed once."""
        tokens = vader_tokens(text)
        sentiments = _valences(tokens)
        valence = _score_valence(sentiments, text)
        neg, neu, pos, compound, _ = valence
        vader = {
            "neg": round(neg, 3),
            "neu": round(neu, 3),
            "pos": round(pos, 3),
            "compound": round(compound, 4),
        }
        values = _features(text, tokens, sentiments, valence, self.word_weights, self.word_intercept)
        return vader, self._score_from_raw(*self._raw_from_features(values))


def shrink(raw: float, band: float) -> float:
    """Smooth neutral band: ``raw * (1 - exp(-(raw / band)**2))``, clipped to [-1, 1]. Strictly increasing,
    flat near 0 (weak readings land in the neutral zone) and almost unchanged for strong readings.

    >>> round(shrink(0.5, 0.1), 4), round(shrink(0.02, 0.1), 5), shrink(-3.0, 0.1)
    (0.5, 0.00078, -1.0)
    """
    if band > 0:
        raw = raw * -math.expm1(-((raw / band) ** 2))
    return min(1.0, max(-1.0, raw))


def load_polarity_model(path: str | Path | None = None) -> PolarityModel:
    """Read a polarity model JSON (default: the shipped one); see ``training/train_sentiment.py``."""
    path = Path(path) if path is not None else MODEL_PATH
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if tuple(data["features"]) != FEATURES:
            raise ModelError(
                f"{path}: model features {data['features']} differ from this code's {list(FEATURES)}"
            )
        return PolarityModel(
            word_weights={str(k): float(v) for k, v in data["word_weights"].items()},
            word_intercept=float(data["word_intercept"]),
            coef=tuple(float(c) for c in data["coef"]),
            intercept=float(data["intercept"]),
            neutral_band=float(data.get("neutral_band", 0.0)),
            meta=dict(data.get("meta", {})),
        )
    except FileNotFoundError as exc:
        raise ModelError(f"{path}: polarity model missing; run training/train_sentiment.py") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: malformed polarity model: {exc}") from exc


@lru_cache(maxsize=1)
def polarity_model() -> PolarityModel:
    """The shipped model, loaded once per process."""
    return load_polarity_model()


def polarity(text: str) -> float:
    """The package's best sentence-level sentiment, in [-1, 1] (negative to positive).

    >>> good, bad = "Officials praised the peaceful agreement.", "Troops killed dozens of protesters."
    >>> polarity(good) > 0 > polarity(bad)
    True
    """
    _check_text(text)
    return polarity_model().score(text)


# ------------------------------------------------------------------------------------------ tables


@lru_cache(maxsize=1)
def _pattern_sentiment():
    """TextBlob's default analyzer underneath: ``PatternAnalyzer().analyze(text)`` is
    ``Sentiment(*pattern_sentiment(text))``; calling the pattern scorer directly skips building a
    ``TextBlob`` and a fresh namedtuple class per sentence (same numbers)."""
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


@lru_cache(maxsize=65536)
def _textblob(text: str) -> tuple[float, float]:
    polarity_, subjectivity = _pattern_sentiment()(text)
    return float(polarity_), float(subjectivity)


def textblob_scores(text: str) -> dict[str, float]:
    """TextBlob's (pattern) polarity in [-1, 1] and subjectivity in [0, 1]: the tables' second opinion."""
    _check_text(text)
    polarity_, subjectivity = _textblob(text)
    return {"polarity": polarity_, "subjectivity": subjectivity}


SENTENCE_COLUMNS = [
    "sentence",
    "start",
    "end",
    "paragraph",
    "text",
    "vader_neg",
    "vader_neu",
    "vader_pos",
    "vader_compound",
    "textblob_polarity",
    "textblob_subjectivity",
    "polarity",
    "label",
    "agreement",
]


class _Coverage:
    """How many characters of ``[start, end)`` the quote spans cover (overlapping spans count once each), in
    O(log n) per query: the integral of the number of spans covering each position, from breakpoints."""

    def __init__(self, spans: list[tuple[int, int]]):
        events: dict[int, int] = {}
        for a, b in spans:
            if b > a:
                events[a] = events.get(a, 0) + 1
                events[b] = events.get(b, 0) - 1
        self.points = sorted(events)
        self.depth, self.area = [], []  # spans covering [points[i], points[i+1]); integral up to points[i]
        depth = area = 0
        for i, x in enumerate(self.points):
            if i:
                area += depth * (x - self.points[i - 1])
            depth += events[x]
            self.depth.append(depth)
            self.area.append(area)

    def integral(self, x: int) -> int:
        i = bisect.bisect_right(self.points, x) - 1
        return 0 if i < 0 else self.area[i] + self.depth[i] * (x - self.points[i])

    def covered(self, start: int, end: int) -> int:
        return self.integral(end) - self.integral(start)


def _voice(start: int, end: int, coverage: _Coverage) -> tuple[str, float]:
    share = min(1.0, coverage.covered(start, end) / max(1, end - start))
    return ("quoted" if share >= 0.5 else "reporter"), share


def sentence_table(article, quotes: Iterable[Any] | None = None, threshold: float = 0.05) -> pd.DataFrame:
    """One row per sentence of ``article``: offsets, paragraph, VADER, TextBlob, :func:`polarity`, label.

    ``agreement`` counts how many of the three readings (VADER compound, TextBlob polarity, polarity)
    share the label of ``polarity`` (3 = all agree: a confident reading). With ``quotes`` (any objects
    with ``.start``/``.end`` offsets into ``article.text``, e.g. from ``analysis.quotes.extract_quotes``)
    two more columns: ``quoted_share`` (share of the sentence inside quotes) and ``voice``
    (``"quoted"`` when at least half of it is quoted, else ``"reporter"``).

    >>> from analysis.article import Article
    >>> sentence_table(Article.from_text("Peace talks succeeded. Troops killed ten people.")).label.tolist()
    ['positive', 'negative']
    """
    rows = sentence_records(article, quotes, threshold)
    columns = SENTENCE_COLUMNS + (["voice", "quoted_share"] if quotes is not None else [])
    return pd.DataFrame(rows, columns=columns)


def sentence_records(
    article, quotes: Iterable[Any] | None = None, threshold: float = 0.05
) -> list[dict[str, Any]]:
    """The rows of :func:`sentence_table` as dicts (``voice`` and ``quoted_share`` when quotes are given)."""
    rows = []
    spans = None
    if quotes is not None:
        spans = []
        for quote in quotes:
            try:
                spans.append((int(quote.start), int(quote.end)))
            except AttributeError as exc:
                raise ArgumentError(
                    f"quotes: items need .start and .end offsets, got {type(quote).__name__}"
                ) from exc
        coverage = _Coverage(spans)
    model = polarity_model()
    for sentence in article.sentences:
        # vader_scores(text) and polarity(text), sharing VADER's tokens and valences
        scores, score = model._score_with_vader(_check_text(sentence.text))
        blob_polarity, blob_subjectivity = _textblob(sentence.text)
        this_label = label(score, threshold)
        agreement = sum(
            label(value, threshold) == this_label for value in (scores["compound"], blob_polarity, score)
        )
        row = {
            "sentence": sentence.index,
            "start": sentence.start,
            "end": sentence.end,
            "paragraph": sentence.paragraph,
            "text": sentence.text,
            "vader_neg": scores["neg"],
            "vader_neu": scores["neu"],
            "vader_pos": scores["pos"],
            "vader_compound": scores["compound"],
            "textblob_polarity": blob_polarity,
            "textblob_subjectivity": blob_subjectivity,
            "polarity": score,
            "label": this_label,
            "agreement": agreement,
        }
        if spans is not None:
            row["voice"], row["quoted_share"] = _voice(sentence.start, sentence.end, coverage)
        rows.append(row)
    return rows


#: Schemas of the tables :func:`sentiment_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "sentences": {
        "sentence": "int64",
        "start": "int64",
        "end": "int64",
        "paragraph": "int64",
        "text": "str",
        "vader_neg": "float64",
        "vader_neu": "float64",
        "vader_pos": "float64",
        "vader_compound": "float64",
        "textblob_polarity": "float64",
        "textblob_subjectivity": "float64",
        "polarity": "float64",
        "label": "str",
        "agreement": "int64",
        "voice": "str",
        "quoted_share": "float64",
    },
    "articles": {
        "sentiment_polarity_mean": "float64",
        "vader_compound_mean": "float64",
        "negative_sentence_share": "float64",
        "positive_sentence_share": "float64",
    },
}


def sentiment_records(context) -> dict[str, list[dict[str, Any]]]:
    """The ``sentences`` rows (with the voice of each sentence, from the context's quotes) and the article's
    sentiment means for the ``articles`` table.

    >>> from analysis.context import ArticleContext
    >>> rows = sentiment_records(ArticleContext.of('Peace talks succeeded. "We failed," he said.'))
    >>> [(r["label"], r["voice"]) for r in rows["sentences"]], rows["articles"][0]["positive_sentence_share"]
    ([('positive', 'reporter'), ('negative', 'quoted')], 0.5)
    """
    rows = sentence_records(context.article, context.quotes)
    n = len(rows)
    if not n:
        summary = dict.fromkeys(TABLES["articles"])
    else:
        labels = [row["label"] for row in rows]
        # the means pandas computes (a float64 sum divided by the count)
        summary = {
            "sentiment_polarity_mean": float(np.array([r["polarity"] for r in rows], dtype=float).mean()),
            "vader_compound_mean": float(np.array([r["vader_compound"] for r in rows], dtype=float).mean()),
            "negative_sentence_share": labels.count("negative") / n,
            "positive_sentence_share": labels.count("positive") / n,
        }
    return {"sentences": rows, "articles": [summary]}


def paragraph_table(article, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per paragraph: sentence count, mean/min polarity, mean VADER compound and TextBlob polarity,
    shares of negative and positive sentences, and the paragraph's darkest sentence.

    Pass a :func:`sentence_table` as ``sentences`` to avoid scoring twice.
    """
    table = sentences if sentences is not None else sentence_table(article)
    rows = []
    for paragraph_index, paragraph in enumerate(article.paragraphs):
        part = table[table["paragraph"] == paragraph_index]
        if part.empty:
            continue
        darkest = part.loc[part["polarity"].idxmin()]
        rows.append(
            {
                "paragraph": paragraph_index,
                "n_sentences": len(part),
                "mean_polarity": float(part["polarity"].mean()),
                "min_polarity": float(part["polarity"].min()),
                "mean_vader_compound": float(part["vader_compound"].mean()),
                "mean_textblob_polarity": float(part["textblob_polarity"].mean()),
                "share_negative": float((part["label"] == "negative").mean()),
                "share_positive": float((part["label"] == "positive").mean()),
                "darkest_sentence": int(darkest["sentence"]),
                "text": paragraph,
            }
        )
    return pd.DataFrame(rows)


#: Article-level figures :func:`article_summary` reports, as functions of a sentence table.
_SUMMARY_METRICS = {
    "mean_polarity": lambda t: t["polarity"].to_numpy(),
    "mean_vader_compound": lambda t: t["vader_compound"].to_numpy(),
    "mean_textblob_polarity": lambda t: t["textblob_polarity"].to_numpy(),
    "share_negative": lambda t: (t["label"] == "negative").to_numpy(dtype=float),
    "share_positive": lambda t: (t["label"] == "positive").to_numpy(dtype=float),
    "mean_subjectivity": lambda t: t["textblob_subjectivity"].to_numpy(),
}


def bootstrap_mean_ci(
    values, n_boot: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[float, float, float]:
    """Mean of ``values`` with a percentile bootstrap confidence interval: ``(mean, low, high)``.

    >>> bootstrap_mean_ci([0.1, 0.2, 0.3, 0.4], n_boot=200, seed=1)[0]
    0.25
    """
    array = np.asarray(values, dtype=float)
    if array.size == 0:
        return math.nan, math.nan, math.nan
    if n_boot < 1:
        raise ArgumentError(f"n_boot: must be >= 1, got {n_boot}")
    if not 0 < level < 1:
        raise ArgumentError(f"level: must be in (0, 1), got {level}")
    rng = np.random.default_rng(seed)
    means = array[rng.integers(0, array.size, size=(n_boot, array.size))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    mean = float(array.mean())
    return mean, float(min(low, mean)), float(max(high, mean))


def article_summary(
    article, n_boot: int = 1000, seed: int = 0, sentences: pd.DataFrame | None = None, level: float = 0.95
) -> pd.DataFrame:
    """Article-level sentiment with bootstrap confidence intervals over sentences.

    One row per metric (mean polarity, mean VADER compound, mean TextBlob polarity, share of negative and
    of positive sentences, mean subjectivity) with ``value``, ``ci_low``, ``ci_high`` and ``n_sentences``.
    Deterministic for a given ``seed``.
    """
    table = sentences if sentences is not None else sentence_table(article)
    rows = []
    for offset, (metric, column) in enumerate(_SUMMARY_METRICS.items()):
        value, low, high = bootstrap_mean_ci(column(table), n_boot=n_boot, seed=seed + offset, level=level)
        rows.append(
            {"metric": metric, "value": value, "ci_low": low, "ci_high": high, "n_sentences": len(table)}
        )
    return pd.DataFrame(rows)
