"""Target-dependent sentiment: how one sentence portrays one mention in it, not the sentence's overall tone.

The model reads the sentence's dependency parse (spaCy, :mod:`analysis.parse`, without the entity
recogniser) and asks who does what to whom. Features, all relative to the target ``sentence[start:end]``:

- parse: the target's role (subject, passive subject, object, possessor, object of a preposition such as
  "against", agent of a passive: "X was criticised by Y" makes X the patient and Y the agent), climbing
  conjuncts and appositions to the argument position; the governor and the governing verb (lemmas) paired
  with the role and with agent/patient; the verb's valence with its shifters (negation, modals, "fail to",
  "stop"); the ancestors' lemmas and the opinion words on the tree path with their tree distance; opinion
  words by tree distance and by relation (inside the target's phrase, on its path, elsewhere); the verb's
  other arguments and their polarity; speaker ("X said"), reported speech and quotation cues;
- surface (the target masked as ``<T>``): the words of the sentence, word bigrams, the words left and right
  of the target in distance buckets, VADER and Pattern valences summed by region, position cues, stems;
- word vectors: GloVe 6B 50-d (Pennington et al. 2014; public domain, PDDL 1.0; the 40,000 most frequent
  words, int8 inside the model file) averaged over the governing verb, the five words left and right, the
  sentence, the target's tree neighbourhood and its ancestors.

The learner is linear: one-vs-rest logistic regressions on features scaled by Naive-Bayes log-count ratios
(NBSVM-style, Wang & Manning 2012), folded into one weight per feature and class, trained on NewsMTSC
``train.jsonl`` only (``training/train_stance.py`` rebuilds ``analysis/models/target_sentiment.npz``).
Inference is numpy: about 110 hashed sparse features (``zlib.crc32`` into 2**18 buckets) and 300 dense ones
per target, a dot product with a 3-column weight matrix (the sparse block stored as float16 to keep the file
under 3 MB, read as float64), a softmax. ``score = p(positive) - p(negative)``.
The weights carry a softmax temperature (1.75, fitted on out-of-fold train predictions by log-loss), so the
probabilities are calibrated (devtest log-loss 0.686, expected calibration error 0.03; without it 0.767 and
0.11); the label offsets are scaled with it, so the labels are those of the uncalibrated model.

NewsMTSC devtest_mt (never trained or tuned on; ``benchmarks/eval_stance.py``): macro-F1 0.688, accuracy 0.717
(the surface-only model this replaces: 0.659 / 0.686; sentence-level VADER 0.493); 3-fold CV on train
0.703. Speed on one core, parsing counted: about 800 targets/s through :func:`target_sentiments`, 2,000/s
scoring sentences already parsed (:func:`target_sentiment_in`), about 200/s one :func:`target_sentiment`
call at a time (spaCy's per-call overhead on single sentences; the parse is cached, so a sentence's other
targets are cheap). What each feature group adds: ``benchmarks/ablate_target_sentiment.py``.

Entry points: :func:`target_sentiment` for a string (its parse is cached per sentence text, so the targets
of one sentence share it), :func:`target_sentiments` for many (parses the distinct sentences in one batch),
:func:`target_sentiment_in` for a sentence of an article already parsed (reuses that parse).

>>> r = target_sentiment("Seoul praised the aid, but Pyongyang called it a grave provocation.", 0, 5)
>>> r.label in ("negative", "neutral", "positive") and -1.0 <= r.score <= 1.0
True
"""

from __future__ import annotations

import bisect
import math
import operator
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ArgumentError, ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "FEATURE_GROUPS",
    "LABELS",
    "MODEL_PATH",
    "N_FEATURES",
    "PARSE_CACHE_SIZE",
    "VECTOR_REGIONS",
    "TargetSentiment",
    "TargetSentimentModel",
    "WordVectors",
    "cached_sentences",
    "clear_parse_cache",
    "dense_features",
    "hashed_features",
    "load_model",
    "parse_sentences",
    "target_features",
    "target_sentiment",
    "target_sentiment_in",
    "target_sentiments",
]

LABELS = ("negative", "neutral", "positive")
N_FEATURES = 2**18
MODEL_PATH = Path(__file__).with_name("models") / "target_sentiment.npz"
WORDS_PATH = Path(__file__).with_name("data") / "target_sentiment_words.toml"
#: Parsed sentences kept for the string entry points (keyed by the sentence text).
PARSE_CACHE_SIZE = 256
#: Groups of sparse features (names as in the training script's ablation).
FEATURE_GROUPS = frozenset(
    "bow bigram win vader pattern cues stem role pred shift path treelex sib speech".split()
)
#: Regions whose word vectors are averaged (the dense features, 50 dimensions each).
VECTOR_REGIONS = ("predicate", "left5", "right5", "sentence", "tree2", "ancestors")
_SENTENCE_REGION = VECTOR_REGIONS.index("sentence")
#: Sentences longer than this (tokens) are scored on a window around each target (see ``_Sentence.window``).
LONG_SENTENCE_TOKENS = 400
#: Strings longer than this (characters) are scored on the part around the target (see ``_around``).
LONG_SENTENCE_CHARS, CONTEXT_CHARS = 20_000, 3_000
#: Window blocks and the margin of context kept on each side of a block (tokens).
WINDOW_TOKENS, WINDOW_MARGIN = 100, 80
#: spaCy components the string entry points leave out (the features use tags, dependencies and heads only).
SKIPPED_COMPONENTS = ("ner", "lemmatizer", "attribute_ruler")


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """Sentiment toward one target: ``label`` in LABELS, ``score`` = p(pos) - p(neg) in [-1, 1].

    ``label`` is the most probable class after small per-class offsets (tuned on training folds for
    macro-F1, stored with the model); ``probabilities`` and ``score`` are the model's own.
    """

    label: str
    score: float
    probabilities: tuple[float, float, float]  # (negative, neutral, positive)


@dataclass(frozen=True)
class WordVectors:
    """Word vectors by lower-case word: ``vectors[vocabulary[word]]``."""

    vocabulary: dict[str, int]
    vectors: np.ndarray  # (words, dim) float32

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])


@dataclass(frozen=True)
class TargetSentimentModel:
    """The parameters of a model file (see :func:`load_model`)."""

    weights: np.ndarray  # (N_FEATURES, 3): one row per hashed sparse feature
    dense_weights: np.ndarray  # (len(VECTOR_REGIONS) * dim, 3)
    intercept: np.ndarray  # (3,)
    offsets: np.ndarray  # (3,) added to the log-probabilities when choosing the label
    word_vectors: WordVectors
    path: str = ""
    # derived for scoring: dense weights as (dim, regions * 3), offsets as floats
    token_weights: np.ndarray = field(init=False, repr=False)
    offsets_list: list[float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        dim = self.word_vectors.dim
        w = self.dense_weights.reshape(len(VECTOR_REGIONS), dim, 3).transpose(1, 0, 2).reshape(dim, -1)
        object.__setattr__(self, "token_weights", np.ascontiguousarray(w))
        object.__setattr__(self, "offsets_list", [float(x) for x in self.offsets])


# ------------------------------------------------------------------------------------------ word lists


@dataclass(frozen=True)
class _Words:
    negators: frozenset[str]
    speech_verbs: frozenset[str]
    speech_cues: frozenset[str]
    shifters: frozenset[str]
    modals: frozenset[str]
    clause_breaks: frozenset[str]
    pronouns: frozenset[str]
    quotes: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    try:
        with open(WORDS_PATH, "rb") as fh:
            raw = tomllib.load(fh)
        return _Words(**{name: frozenset(raw[name].split()) for name in _Words.__dataclass_fields__})
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{WORDS_PATH}: cannot read the target-sentiment word lists ({exc})") from exc


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    from . import nlp

    return dict(nlp.vader().lexicon)


@lru_cache(maxsize=1)
def _pattern_lexicon() -> dict[str, float]:
    """Polarities from TextBlob's Pattern lexicon (en-sentiment.xml): word -> polarity in [-1, 1]."""
    from textblob.en import sentiment as pattern_sentiment

    out = {}
    for word, tags in dict(pattern_sentiment).items():
        pol = tags.get(None, next(iter(tags.values())))[0]
        if abs(pol) >= 0.1 and " " not in word:
            out[word.lower()] = float(pol)
    return out


# ------------------------------------------------------------------------------------------ lemmas

_POS_OF_TAG = {"V": "verb", "N": "noun", "J": "adj", "R": "adv"}
_BASE_TAGS = frozenset({"VB", "VBP", "NN", "NNP", "NNPS", "JJ", "RB"})
_lemma_cache: dict[tuple[str, str], str] = {}


@lru_cache(maxsize=1)
def _lemma_tables() -> dict[str, tuple[Any, Any, Any]]:
    """spaCy's English rule-lemmatizer tables (index, exceptions, rules) per coarse POS, or {}."""
    from .parse import load_pipeline

    nlp = load_pipeline()
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    index, exc, rules = (lookups.get_table(t, {}) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    return {pos: (index.get(pos, {}), exc.get(pos, {}), rules.get(pos, {})) for pos in _POS_OF_TAG.values()}


def _lemma(word: str, tag: str) -> str:
    """The lemma of a lower-case ``word`` with Penn tag ``tag``: spaCy's rule lemmatizer driven by the tag,
    so it needs neither the attribute ruler nor the lemmatizer component (the same on both entry paths)."""
    key = (word, tag)
    got = _lemma_cache.get(key)
    if got is not None:
        return got
    out = word
    pos = _POS_OF_TAG.get(tag[:1]) if tag else None
    if pos is not None and tag not in _BASE_TAGS:
        tables = _lemma_tables().get(pos)
        if tables:
            index, exceptions, rules = tables
            forms: list[str] = []
            oov: list[str] = []
            for old, new in rules:
                if word.endswith(old):
                    form = word[: len(word) - len(old)] + new
                    if not form:
                        continue
                    if form in index:
                        forms.insert(0, form)
                    elif not form.isalpha():
                        forms.append(form)
                    else:
                        oov.append(form)
            forms = list(dict.fromkeys(forms))
            for form in exceptions.get(word, []):
                if form not in forms:
                    forms.insert(0, form)
            out = (forms or oov or [word])[0]
    if len(_lemma_cache) < 500_000:
        _lemma_cache[key] = out
    return out


_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "edly",
    "ness",
    "ities",
    "ity",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


def _stem(tok: str) -> str:
    for suf in _SUFFIXES:
        if tok.endswith(suf) and len(tok) - len(suf) >= 4:
            return tok[: -len(suf)]
    return tok


def _bucket(d: int) -> str:
    return "1" if d == 1 else "2" if d == 2 else "3" if d <= 4 else "5"


def _tree_bucket(d: int) -> str:
    return "1" if d == 1 else "2" if d == 2 else "3" if d == 3 else "4"


# ------------------------------------------------------------------------------------------ parsing


@dataclass(frozen=True, slots=True)
class _Surface:
    word_names: list[str]  # "w:" + word
    bigram_names: list[str]  # "b:" + word i + "_" + word i+1
    vader_hits: list[tuple[int, float, bool, str]]  # (i, valence, a negator in the 3 words before, word)
    pattern_hits: list[tuple[int, float, bool]]
    stem_names: list[tuple[int, str]]  # words longer than 5 letters: (i, stem)
    quote_open: list[bool]  # inside a quotation before word i (one more entry: after the last word)
    has_quote: bool

    @classmethod
    def of(cls, words: list[str]) -> _Surface:
        w = _words()
        vlex, plex = _vader_lexicon(), _pattern_lexicon()
        negators, quotes = w.negators, w.quotes
        neg = [any(t in negators for t in words[max(0, i - 3) : i]) for i in range(len(words))]
        quote_open, state = [], False
        for word in words:
            quote_open.append(state)
            if word in quotes:
                state = not state
        quote_open.append(state)
        return cls(
            ["w:" + word for word in words],
            ["b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False)],
            [(i, vlex[word], neg[i], word) for i, word in enumerate(words) if word in vlex],
            [(i, plex[word], neg[i]) for i, word in enumerate(words) if word in plex],
            [(i, _stem(word)) for i, word in enumerate(words) if len(word) > 5],
            quote_open,
            any(word in quotes for word in words),
        )


_strings_cache: dict[int, str] = {}


def _string_of(strings):
    """hash -> string through the vocabulary's StringStore, memoised (the same few thousand strings recur)."""
    cache = _strings_cache

    def text(key: int) -> str:
        got = cache.get(key)
        if got is None:
            got = strings[key] if key else ""
            if len(cache) < 500_000:
                cache[key] = got
        return got

    return text


def _signed(value: int) -> int:
    """A relative head offset read back from ``Doc.to_array`` (uint64 two's complement)."""
    return value - (1 << 64) if value >= 1 << 63 else value


class _Sentence:
    """A parsed sentence as plain lists (what the features read): lower-case words, tags, deps, heads."""

    __slots__ = (
        "doc",
        "words",
        "tags",
        "deps",
        "heads",
        "children",
        "parsed",
        "_rows",
        "_proj",
        "_surface",
        "_windows",
        "_token_starts",
    )

    def __init__(self, doc: Doc):
        from spacy.attrs import DEP, HEAD, LOWER, TAG

        self.doc = doc
        n = len(doc)
        if n:
            table = doc.to_array([LOWER, TAG, DEP, HEAD]).tolist()  # hashes; HEAD relative (as uint64)
            strings = doc.vocab.strings
            text = _string_of(strings)
            self.words = [text(row[0]).replace("’", "'") for row in table]
            self.tags = [text(row[1]) for row in table]
            self.deps = [text(row[2]) for row in table]
            self.heads = [(i + _signed(row[3])) for i, row in enumerate(table)]
        else:
            self.words, self.tags, self.deps, self.heads = [], [], [], []
        self.parsed = any(self.deps)
        children: list[list[int]] = [[] for _ in self.words]
        for i, h in enumerate(self.heads):
            if h != i:
                children[h].append(i)
        self.children = children
        self._rows: tuple[int, list[int]] | None = None
        self._proj: tuple[int, np.ndarray] | None = None
        self._surface: _Surface | None = None
        self._windows: dict[int, tuple[_Sentence, int, int]] = {}
        self._token_starts: list[int] | None = None

    def window(self, start: int, end: int) -> tuple[_Sentence, int, int]:
        """``(sentence, start, end)`` to score the target ``[start, end)`` on: the sentence itself, or for a
        sentence over :data:`LONG_SENTENCE_TOKENS` tokens (a pasted dump, a list without full stops) a window
        of :data:`WINDOW_TOKENS` tokens around the target, so scoring its many targets stays linear. Windows
        are fixed blocks with a margin on each side (made once, shared by the targets in a block)."""
        n = len(self.words)
        if n <= LONG_SENTENCE_TOKENS:
            return self, start, end
        if self._token_starts is None:
            from spacy.attrs import IDX

            self._token_starts = [int(x) for x in self.doc.to_array([IDX]).ravel()]
        first = max(0, bisect.bisect_right(self._token_starts, start) - 1)
        block = first // WINDOW_TOKENS
        got = self._windows.get(block)
        if got is None:
            a = max(0, block * WINDOW_TOKENS - WINDOW_MARGIN)
            b = min(n, (block + 1) * WINDOW_TOKENS + WINDOW_MARGIN)
            piece = self.doc[a:b].as_doc()
            got = (_Sentence(piece), self._token_starts[a], len(piece.text))
            if len(self._windows) > 4096:
                self._windows.clear()
            self._windows[block] = got
        window, offset, last = got
        return window, max(0, start - offset), max(min(end - offset, last), min(start - offset + 1, last))

    def surface(self) -> _Surface:
        """What the surface features need that does not depend on the target (computed once)."""
        if self._surface is None:
            self._surface = _Surface.of(self.words)
        return self._surface

    def rows(self, word_vectors: WordVectors) -> list[int]:
        """The vector row of each token (-1: no vector), cached per vector table."""
        key = id(word_vectors)
        if self._rows is None or self._rows[0] != key:
            vocabulary = word_vectors.vocabulary
            self._rows = (key, [vocabulary.get(w, -1) for w in self.words])
        return self._rows[1]

    def projections(self, model: TargetSentimentModel) -> tuple[list[int], np.ndarray, set[int], np.ndarray]:
        """(vector rows, per-token class scores of shape (tokens * regions, 3), the tokens of the sentence
        region, their summed scores): each token's vector times the dense weights of every region, so a
        region's contribution is the mean of its tokens' scores."""
        rows = self.rows(model.word_vectors)
        key = id(model)
        if self._proj is None or self._proj[0] != key:
            vectors = model.word_vectors.vectors[[max(r, 0) for r in rows]].astype(np.float64)
            proj = (vectors @ model.token_weights).reshape(len(rows) * len(VECTOR_REGIONS), 3)
            ids = [i for i, w in enumerate(self.words) if rows[i] >= 0 and any(ch.isalnum() for ch in w)]
            at = [i * len(VECTOR_REGIONS) + _SENTENCE_REGION for i in ids]
            total = proj[at].sum(axis=0) if ids else np.zeros(3)
            self._proj = (key, (proj, set(ids), total))
        proj, ids, total = self._proj[1]
        return rows, proj, ids, total


_cache: OrderedDict[str, _Sentence] = OrderedDict()
_cache_lock = threading.Lock()


def _remember(text: str, sentence: _Sentence) -> None:
    with _cache_lock:
        _cache[text] = sentence
        _cache.move_to_end(text)
        while len(_cache) > PARSE_CACHE_SIZE:
            _cache.popitem(last=False)


def _cached(text: str) -> _Sentence | None:
    with _cache_lock:
        got = _cache.get(text)
        if got is not None:
            _cache.move_to_end(text)
        return got


def parse_sentences(texts: Iterable[str], *, batch_size: int = 64) -> list[Doc]:
    """spaCy Docs of ``texts`` (tagger and parser only), parsed in one ``nlp.pipe`` batch; what the string
    entry points and the training script use. Texts longer than :data:`analysis.parse.MAX_CHUNK_CHARS` are
    parsed in chunks (:func:`analysis.parse.parse_text`).

    >>> [t.dep_ for t in parse_sentences(["Critics slammed the ministry."])[0]]
    ['nsubj', 'ROOT', 'det', 'dobj', 'punct']
    """
    from .parse import MAX_CHUNK_CHARS, load_pipeline, one_blas_thread, parse_text

    texts = list(texts)
    nlp = load_pipeline()
    skip = [name for name in SKIPPED_COMPONENTS if name in nlp.pipe_names]
    short = [t for t in texts if len(t) <= MAX_CHUNK_CHARS]
    with one_blas_thread():  # one limit for the batch, not one per matrix product
        docs = dict(zip(short, nlp.pipe(short, batch_size=batch_size, disable=skip), strict=True))
    return [docs[t] if t in docs else parse_text(t) for t in texts]


def _parse_one(text: str) -> Doc:
    from .parse import MAX_CHUNK_CHARS, load_pipeline, one_blas_thread, parse_text

    if len(text) > MAX_CHUNK_CHARS:
        return parse_text(text)
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    with one_blas_thread():  # one limit for the sentence, not one per matrix product
        for name, component in nlp.pipeline:  # what ``nlp(text, disable=...)`` runs, without its set-up
            if name not in SKIPPED_COMPONENTS:
                doc = component(doc)
    return doc


def _sentence(text: str) -> _Sentence:
    got = _cached(text)
    if got is None:
        got = _Sentence(_parse_one(text))
        _remember(text, got)
    return got


# ------------------------------------------------------------------------------------------ features


def _target_tokens(s: _Sentence, start: int, end: int) -> tuple[int, int, int]:
    """(first token, end token, root token) of the target ``[start, end)`` (character offsets in the doc)."""
    doc = s.doc
    n = len(s.words)
    if n == 0:
        return 0, 0, 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        return span.start, span.end, span.root.i
    # a whitespace-only range: the token at or after it
    i = next((t.i for t in doc if t.idx + len(t.text) > start), n - 1)
    return i, i + 1, i


def _features(s: _Sentence, start: int, end: int, groups: frozenset[str] = FEATURE_GROUPS) -> dict:
    words, tags, deps, heads, children = s.words, s.tags, s.deps, s.heads, s.children
    n = len(words)
    w = _words()
    vlex = _vader_lexicon()
    f: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        f[name] = f.get(name, 0.0) + value

    if n == 0:
        add("EMPTY")
        return f
    ts, te, root = _target_tokens(s, start, end)
    negators, quotes = w.negators, w.quotes

    # ---------------------------------------------------------------- surface view
    # positions as if the target were one token <T> at ts: word i >= te sits at i - shift
    shift = te - ts - 1
    sf = s.surface()
    t_inquote = sf.quote_open[ts]
    if "bow" in groups:
        for name in sf.word_names[:ts]:
            add(name)
        for name in sf.word_names[te:]:
            add(name)
    if "bigram" in groups:
        for name in sf.bigram_names[: max(0, ts - 1)]:
            add(name)
        for name in sf.bigram_names[te:]:
            add(name)
        if ts > 0:
            add("b:" + words[ts - 1] + "_<T>")
        if te < n:
            add("b:<T>_" + words[te])
    if "win" in groups:
        for d in range(1, 9):
            if ts - d >= 0:
                add(f"L{_bucket(d)}:{words[ts - d]}")
            if te + d - 1 < n:
                add(f"R{_bucket(d)}:{words[te + d - 1]}")
        add("tL2:" + "_".join(words[max(0, ts - 2) : ts]))
        add("tR2:" + "_".join(words[te : te + 2]))
    breaks = w.clause_breaks
    c0 = ts
    while c0 > 0 and words[c0 - 1] not in breaks:
        c0 -= 1
    c1 = te - 1
    while c1 + 1 < n and words[c1 + 1] not in breaks:
        c1 += 1
    sums = dict.fromkeys(("vs+", "vs-", "vc+", "vc-", "vl+", "vl-", "vr+", "vr-"), 0.0)
    if "vader" in groups or "cues" in groups:
        vd = 0.0
        vader = "vader" in groups
        for i, v, negated_before, word in sf.vader_hits:
            if ts <= i < te:
                continue
            d = ts - i if i < ts else i - shift - ts  # distance to <T> in the collapsed sequence
            if negated_before:
                v = -0.74 * v
                if vader:
                    add("neglex:" + word)
            sign = "+" if v > 0 else "-"
            v4 = abs(v) / 4.0
            sums["vs" + sign] += v4
            if c0 <= i <= c1:
                sums["vc" + sign] += v4
                if vader:
                    add("clex" + sign)
            if d <= 5:
                sums[("vl" if i < ts else "vr") + sign] += v4
            vd += (v / 4.0) * math.exp(-d / 4.0)
            if vader:
                add(f"{'pL' if i < ts else 'pR'}{_bucket(d)}:{'POS' if v > 0 else 'NEG'}")
        if vader:
            for k, v in sums.items():
                if v:
                    add(k, min(v, 3.0))
            if vd:
                add("vd", max(-2.0, min(2.0, vd)))
    if "pattern" in groups:
        for i, pv, negated_before in sf.pattern_hits:
            if ts <= i < te:
                continue
            if negated_before:
                pv = -0.5 * pv
            key = "pat" + ("+" if pv > 0 else "-")
            add(key + ("c" if c0 <= i <= c1 else "s"), abs(pv))
            if (ts - i if i < ts else i - shift - ts) <= 5:
                add(key + ("L" if i < ts else "R"), abs(pv))
    if "cues" in groups:
        quotes = w.quotes
        cues = []
        if all(t in quotes or t in ("the", "a", "an") for t in words[:ts]):
            cues.append("T_first")
        if te >= n - 1:
            cues.append("T_last")
        if t_inquote:
            cues.append("T_inquote")
        if any(t in w.speech_cues for t in words[te : te + 3]):
            cues.append("T_speaker")
        if ts > 0 and words[ts - 1] == "by":
            cues.append("T_by")
        if te < n and words[te] == "'s":
            cues.append("T_poss")
        for c in cues:
            add(c)
        target_text = " ".join(words[ts:te])
        if target_text in w.pronouns:
            add("T_pron:" + target_text)
        clause_pol = "c+" if sums["vc+"] > sums["vc-"] else "c-" if sums["vc-"] > sums["vc+"] else "c0"
        sent_pol = "s+" if sums["vs+"] > sums["vs-"] else "s-" if sums["vs-"] > sums["vs+"] else "s0"
        for r in cues or ["T_mid"]:
            add(f"{r}&{clause_pol}")
            add(f"{r}&{sent_pol}")
        add(f"{clause_pol}&{sent_pol}")
        if sf.has_quote:
            add("S_hasquote")
    if "stem" in groups:
        for i, name in sf.stem_names:
            if ts <= i < te:
                continue
            add("st:" + name)
            d = ts - i if i < ts else i - shift - ts
            if d <= 4:
                add(("sL:" if i < ts else "sR:") + name)

    # ---------------------------------------------------------------- parse view
    if not s.parsed:
        return f

    def lem(i: int) -> str:
        return _lemma(words[i], tags[i])

    def negated(i: int) -> bool:
        return any(deps[c] == "neg" or words[c] in negators for c in children[i])

    def valence(i: int) -> float:
        v = vlex.get(words[i])
        return (vlex.get(lem(i)) or 0.0) if v is None else v

    # the argument position: climb conjuncts and appositions ("X and Y criticised...", "Z, the minister, ...")
    node, flags = root, []
    while deps[node] in ("conj", "appos") and heads[node] != node and len(flags) < 4:
        flags.append(deps[node])
        node = heads[node]
    dep = deps[node]
    role = dep
    gov: int | None = heads[node] if heads[node] != node else None
    if dep == "pobj" and gov is not None:
        prep = gov
        role = "agent" if deps[prep] == "agent" else "pobj_" + words[prep]
        gov = heads[prep] if heads[prep] != prep else None
    # the governing predicate: the first verb at or above the governor
    pred, chain = gov, []
    while pred is not None and not tags[pred].startswith("VB") and deps[pred] != "ROOT" and len(chain) < 6:
        chain.append(pred)
        pred = heads[pred] if heads[pred] != pred else None
    if "role" in groups:
        add("role:" + role)
        if flags:
            add("role:" + role + "|" + "_".join(flags))
            add("flag:" + flags[0])
        if gov is not None:
            add("rg:" + role + "|" + lem(gov))
            add("gtag:" + role + "|" + tags[gov][:2])
        if chain and pred is not None:
            add("rchain:" + role + ">" + deps[chain[-1]] + "|" + lem(pred))
    # agent / patient / possessor / other
    sem = (
        "A"
        if role in ("nsubj", "agent")
        else "P"
        if role in ("nsubjpass", "dobj", "dative")
        else "poss"
        if role == "poss"
        else "O"
    )
    if pred is not None:
        plemma = lem(pred)
        pv = valence(pred)
        neg = negated(pred)
        modal = any(deps[c] == "aux" and (tags[c] == "MD" or words[c] in w.modals) for c in children[pred])
        shift = (deps[pred] == "xcomp" and lem(heads[pred]) in w.shifters) or (
            plemma in w.shifters and any(deps[c] == "xcomp" for c in children[pred])
        )
        if "pred" in groups:
            add("pred:" + plemma)
            add("rp:" + role + "|" + plemma)
            add("sp:" + sem + "|" + plemma)
            if any(deps[c] in ("auxpass", "nsubjpass") for c in children[pred]):
                add("passive:" + role)
        if "shift" in groups:
            sign = (1 if pv > 0 else -1 if pv < 0 else 0) * (-1 if neg or shift else 1)
            if neg:
                add("neg:" + sem)
                add("negp:" + plemma)
            if modal:
                add("modal:" + sem)
            if shift:
                add("shift:" + sem)
            add(f"spv:{sem}|{sign}{'n' if neg else ''}")
            if pv:
                add(f"spvw:{sem}|{'+' if sign > 0 else '-'}", abs(pv) / 4)
    # tree distances from the target's root
    dist = [-1] * n
    dist[root] = 0
    frontier = [root]
    while frontier:
        nxt = []
        for i in frontier:
            for j in children[i] + ([heads[i]] if heads[i] != i else []):
                if dist[j] < 0:
                    dist[j] = dist[i] + 1
                    nxt.append(j)
        frontier = nxt
    anc: list[int] = []
    a = root
    while heads[a] != a and len(anc) < 12:
        a = heads[a]
        anc.append(a)
    anc_set = set(anc)
    if "path" in groups:
        for k, a in enumerate(anc[:4], 1):
            add(f"anc{k}:{lem(a)}")
        path, prev = [], root
        for a in anc[:3]:
            path.append(deps[prev])
            prev = a
        add("dp:" + ">".join(path))
        for k, a in enumerate(anc[:6], 1):
            v = valence(a)
            if v:
                if negated(a):
                    v = -0.74 * v
                add(f"apv{_tree_bucket(k)}{'+' if v > 0 else '-'}", abs(v) / 4)
    if "treelex" in groups:
        sub, stack = set(), [node]
        while stack:
            i = stack.pop()
            sub.add(i)
            stack.extend(children[i])
        for i in range(n):
            if ts <= i < te or dist[i] < 0:
                continue
            v = vlex.get(words[i])
            if v is None:
                continue
            if negated(i) or (negated(heads[i]) and deps[i] in ("acomp", "dobj", "attr", "xcomp")):
                v = -0.74 * v
            rel = "s" if i in sub else "a" if i in anc_set else "o"
            sign = "+" if v > 0 else "-"
            add(f"tl:{rel}{_tree_bucket(dist[i])}{sign}", abs(v) / 4)
            add(f"tlw:{sign}", abs(v) / 4 * math.exp(-(dist[i] - 1) / 2))
    if "sib" in groups and pred is not None:
        for c in children[pred]:
            if c == node or c in anc_set or ts <= c < te or deps[c] in ("punct", "aux", "det", "cc"):
                continue
            add(f"sib:{sem}|{deps[c]}|{lem(c)}")
            stack, tot = [c], 0.0
            while stack:
                i = stack.pop()
                tot += vlex.get(words[i], 0.0)
                stack.extend(children[i])
            if tot:
                add(f"sibv:{sem}|{deps[c]}{'+' if tot > 0 else '-'}", min(abs(tot) / 4, 2))
    if "speech" in groups:
        if pred is not None and lem(pred) in w.speech_verbs:
            add("speech:" + sem)
        if any(lem(a) in w.speech_verbs for a in anc if a != pred):
            add("reported")
        if t_inquote:
            add("inquote:" + sem)
        if gov is not None and words[gov] == "to" and "according" in words:
            add("according")
    return f


def _check(sentence: Any, start: Any, end: Any) -> tuple[int, int]:
    if not isinstance(sentence, str):
        raise ArgumentError(f"sentence must be a str, got {type(sentence).__name__}")
    try:
        start, end = operator.index(start), operator.index(end)
    except TypeError as exc:
        raise ArgumentError(f"start={start!r}, end={end!r}: offsets must be integers") from exc
    if not (0 <= start < end <= len(sentence)):
        raise ArgumentError(
            f"start={start}, end={end}: need 0 <= start < end <= len(sentence)={len(sentence)}"
        )
    return start, end


def target_features(sentence: str | Doc, start: int, end: int) -> dict[str, float]:
    """Named sparse features of the target ``[start, end)`` of a sentence (a string, parsed and cached, or a
    spaCy Doc), before hashing.

    >>> f = target_features("The ministry was criticised by Kim.", 0, 12)
    >>> f["role:nsubjpass"], f["rp:nsubjpass|criticise"]
    (1.0, 1.0)
    """
    if isinstance(sentence, str):
        start, end = _check(sentence, start, end)
        return _features(_sentence(sentence), start, end)
    return _features(_Sentence(sentence), start, end)


_buckets: dict[str, int] = {}


def _hash(features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    idx: dict[int, float] = {}
    known = _buckets.get
    for name, value in features.items():
        h = known(name)
        if h is None:
            h = zlib.crc32(name.encode("utf-8")) & (N_FEATURES - 1)
            if len(_buckets) < 300_000:
                _buckets[name] = h
        idx[h] = idx.get(h, 0.0) + value
    return (
        np.fromiter(idx.keys(), dtype=np.int64, count=len(idx)),
        np.fromiter(idx.values(), dtype=np.float64, count=len(idx)),
    )


def hashed_features(
    sentence: str | Doc, start: int, end: int, groups: frozenset[str] = FEATURE_GROUPS
) -> tuple[np.ndarray, np.ndarray]:
    """(indices, values) of the hashed sparse feature vector (duplicates summed); ``groups`` selects feature
    groups (for ablations)."""
    s = _sentence(sentence) if isinstance(sentence, str) else _Sentence(sentence)
    return _hash(_features(s, start, end, groups))


def _regions(
    s: _Sentence, ts: int, te: int, root: int, rows: list[int], *, sentence: bool = True
) -> list[list[int]]:
    """Token indices of each of :data:`VECTOR_REGIONS` (words with a vector, outside the target); with
    ``sentence=False`` the sentence region is an empty list (the scorer handles it from sentence sums)."""
    n = len(s.words)
    heads, deps, tags, children, words = s.heads, s.deps, s.tags, s.children, s.words

    def pick(ids: Iterable[int]) -> list[int]:
        return [i for i in ids if rows[i] >= 0 and not ts <= i < te]

    node = root
    while deps[node] in ("conj", "appos") and heads[node] != node:
        node = heads[node]
    pred = heads[node]
    while not tags[pred].startswith("VB") and heads[pred] != pred:
        pred = heads[pred]
    near = {root, heads[root], heads[heads[root]]}
    for t in [root, heads[root], *children[root]]:
        near.update(children[t])
    ancestors, a = [], root
    while heads[a] != a and len(ancestors) < 4:
        a = heads[a]
        ancestors.append(a)
    return [
        pick([pred]),
        pick(range(max(0, ts - 5), ts)),
        pick(range(te, min(n, te + 5))),
        pick(i for i in range(n) if any(ch.isalnum() for ch in words[i])) if sentence else [],
        pick(sorted(near)),
        pick(ancestors),
    ]


def _dense(s: _Sentence, start: int, end: int, word_vectors: WordVectors) -> np.ndarray:
    vectors = word_vectors.vectors
    dim = vectors.shape[1]
    out = np.zeros((len(VECTOR_REGIONS), dim), dtype=np.float32)
    if not s.words:
        return out.ravel()
    rows = s.rows(word_vectors)
    ts, te, root = _target_tokens(s, start, end)
    for k, ids in enumerate(_regions(s, ts, te, root, rows)):
        if ids:
            out[k] = vectors[[rows[i] for i in ids]].mean(axis=0)
    return out.ravel()


def _dense_logits(s: _Sentence, ts: int, te: int, root: int, model: TargetSentimentModel) -> np.ndarray:
    """``_dense(...) @ model.dense_weights``, from per-token projections cached on the sentence."""
    rows, proj, sentence_ids, sentence_sum = s.projections(model)
    regions = len(VECTOR_REGIONS)
    flat: list[int] = []
    weights: list[float] = []
    for k, ids in enumerate(_regions(s, ts, te, root, rows, sentence=False)):
        if ids:
            flat.extend(i * regions + k for i in ids)
            weights.extend([1.0 / len(ids)] * len(ids))
    out = np.asarray(weights) @ proj[flat] if flat else np.zeros(3)
    # the sentence region: every word with a vector, less the target's
    inside = [i * regions + _SENTENCE_REGION for i in range(ts, te) if i in sentence_ids]
    m = len(sentence_ids) - len(inside)
    if m > 0:
        total = sentence_sum - proj[inside].sum(axis=0) if inside else sentence_sum
        out = out + total / m
    return out


def dense_features(
    sentence: str | Doc, start: int, end: int, word_vectors: WordVectors | None = None
) -> np.ndarray:
    """The word-vector features of the target: mean vectors over :data:`VECTOR_REGIONS`, concatenated
    (``word_vectors``: default the shipped model's)."""
    s = _sentence(sentence) if isinstance(sentence, str) else _Sentence(sentence)
    return _dense(s, start, end, _model().word_vectors if word_vectors is None else word_vectors)


# ------------------------------------------------------------------------------------------ the model


def load_model(path: str | Path | None = None) -> TargetSentimentModel:
    """The parameters of an npz model file (default: the shipped one), read as plain arrays
    (``allow_pickle=False``). Pass the result as ``model=`` to :func:`target_sentiment` to score with another
    file."""
    path = Path(path) if path is not None else MODEL_PATH
    try:
        with np.load(path, allow_pickle=False) as z:
            coef = z["coef"].astype(np.float64)
            dense_coef = z["dense_coef"].astype(np.float64)
            intercept = z["intercept"].astype(np.float64)
            offsets = z["class_offsets"].astype(np.float64)
            vectors = z["vectors"].astype(np.float32) * z["vector_scale"].astype(np.float32)
            vocabulary = z["vocabulary"].tobytes().decode("utf-8").split("\n")
    except (OSError, KeyError, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(
            f"{path}: cannot load the target-sentiment model ({exc}); run training/train_stance.py"
        ) from exc
    if coef.shape != (3, N_FEATURES):
        raise ModelError(f"{path}: weights have shape {coef.shape}, expected (3, {N_FEATURES})")
    if vectors.shape[0] != len(vocabulary) or dense_coef.shape != (3, len(VECTOR_REGIONS) * vectors.shape[1]):
        raise ModelError(
            f"{path}: {vectors.shape} vectors for {len(vocabulary)} words and dense weights "
            f"{dense_coef.shape} do not fit together"
        )
    return TargetSentimentModel(
        weights=np.ascontiguousarray(coef.T),
        dense_weights=np.ascontiguousarray(dense_coef.T),
        intercept=intercept,
        offsets=offsets,
        word_vectors=WordVectors({word: i for i, word in enumerate(vocabulary)}, vectors),
        path=str(path),
    )


@lru_cache(maxsize=1)
def _model() -> TargetSentimentModel:
    """The shipped model, loaded once per process."""
    return load_model()


def _score(s: _Sentence, start: int, end: int, model: TargetSentimentModel | None) -> TargetSentiment:
    model = _model() if model is None else model
    if not isinstance(model, TargetSentimentModel):
        raise ArgumentError(f"model must come from load_model(), got {type(model).__name__}")
    s, start, end = s.window(start, end)
    features = _features(s, start, end)
    known = _buckets.get
    idx = []
    for name in features:
        h = known(name)
        if h is None:
            h = zlib.crc32(name.encode("utf-8")) & (N_FEATURES - 1)
            if len(_buckets) < 300_000:
                _buckets[name] = h
        idx.append(h)
    val = np.fromiter(features.values(), dtype=np.float64, count=len(idx))
    z = (model.intercept + val @ model.weights[idx]).tolist()
    if s.words:
        dense = _dense_logits(s, *_target_tokens(s, start, end), model).tolist()
        z = [z[0] + dense[0], z[1] + dense[1], z[2] + dense[2]]
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = e[0] + e[1] + e[2]
    p = (e[0] / total, e[1] / total, e[2] / total)
    log_total = math.log(total)
    marks = [z[c] - top - log_total + model.offsets_list[c] for c in range(3)]
    k = marks.index(max(marks))
    return TargetSentiment(LABELS[k], p[2] - p[0], p)


def target_sentiment(sentence: str, start: int, end: int, *, model=None) -> TargetSentiment:
    """Sentiment that ``sentence`` expresses toward the mention ``sentence[start:end]``.

    >>> s = "Critics slammed the ministry, while Kim won praise for his calm."
    >>> target_sentiment(s, 36, 39).score > target_sentiment(s, 20, 28).score
    True

    ``model``: parameters from :func:`load_model` (default: the shipped model). The sentence's parse is
    cached (:data:`PARSE_CACHE_SIZE` sentences), so the other targets of the same sentence cost little.
    """
    start, end = _check(sentence, start, end)
    sentence, start, end = _around(sentence, start, end)
    return _score(_sentence(sentence), start, end, model)


def _around(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """``(text, start, end)``: the sentence itself, or for one over :data:`LONG_SENTENCE_CHARS` characters
    the part of it within :data:`CONTEXT_CHARS` of the target (cut at whitespace), so that one target in a
    pasted 10 MB line costs a small parse, not a parse of the whole line."""
    if len(sentence) <= LONG_SENTENCE_CHARS:
        return sentence, start, end
    a = max(0, start - CONTEXT_CHARS)
    b = min(len(sentence), max(end, start + 1) + CONTEXT_CHARS)
    while a > 0 and not sentence[a - 1].isspace() and start - a < CONTEXT_CHARS + 200:
        a -= 1
    while b < len(sentence) and not sentence[b].isspace() and b - end < CONTEXT_CHARS + 200:
        b += 1
    return sentence[a:b], start - a, end - a


def target_sentiments(
    items: Iterable[tuple[str, int, int]], *, model=None, batch_size: int = 64
) -> list[TargetSentiment]:
    """:func:`target_sentiment` for many ``(sentence, start, end)`` triples, in order; the distinct
    sentences not in the cache are parsed together (``nlp.pipe``), which is about twice as fast per sentence.

    >>> s = "Obama hailed Merkel as a trusted friend, while he accused Putin of lying."
    >>> [r.label for r in target_sentiments([(s, 13, 19), (s, 65, 70)])]
    ['positive', 'negative']
    """
    checked = []
    for k, item in enumerate(items):
        try:
            sentence, start, end = item
        except (TypeError, ValueError) as exc:
            raise ArgumentError(
                f"items[{k}]: expected a (sentence, start, end) triple, got {item!r}"
            ) from exc
        try:
            checked.append(_around(sentence, *_check(sentence, start, end)))
        except ArgumentError as exc:
            raise ArgumentError(f"items[{k}]: {exc}") from exc
    parsed: dict[str, _Sentence] = {}
    todo = []
    for sentence, _, _ in checked:
        if sentence not in parsed:
            got = _cached(sentence)
            if got is None:
                todo.append(sentence)
                parsed[sentence] = None  # type: ignore[assignment]
            else:
                parsed[sentence] = got
    for text, doc in zip(todo, parse_sentences(todo, batch_size=batch_size), strict=True):
        parsed[text] = _Sentence(doc)
        _remember(text, parsed[text])
    return [_score(parsed[sentence], start, end, model) for sentence, start, end in checked]


def target_sentiment_in(parsed_sentence, start: int, end: int, *, model=None) -> TargetSentiment:
    """Sentiment toward the mention at article offsets ``[start, end)`` of a parsed sentence
    (:class:`analysis.parse.ParsedSentence`), reusing the article's parse: what the pipeline calls. A mention
    that runs past the sentence's end is cut at it; one that does not start inside the sentence is an
    :class:`~analysis.errors.ArgumentError`. Sentences past the article's parse budget
    (``parsed_sentence.parsed`` False) are scored from their surface features only.

    >>> from analysis.context import ArticleContext
    >>> context = ArticleContext.of("Critics slammed the ministry.")
    >>> target_sentiment_in(context.parsed.sentence(0), 20, 28).label
    'negative'
    """
    sentence = getattr(parsed_sentence, "sentence", None)
    doc = getattr(parsed_sentence, "doc", None)
    if sentence is None or doc is None:
        raise ArgumentError(
            f"parsed_sentence must be an analysis.parse.ParsedSentence, got {type(parsed_sentence).__name__}"
        )
    try:
        start, end = operator.index(start), operator.index(end)
    except TypeError as exc:
        raise ArgumentError(f"start={start!r}, end={end!r}: offsets must be integers") from exc
    if not (sentence.start <= start < end and start < sentence.end):
        raise ArgumentError(
            f"start={start}, end={end}: the mention must start inside sentence {sentence.index} "
            f"[{sentence.start}, {sentence.end}) and have start < end"
        )
    a, b = start - sentence.start, min(end, sentence.end) - sentence.start
    return _score(_sentence_of_doc(doc), a, b, model)


_doc_cache: OrderedDict[int, tuple[Any, _Sentence]] = OrderedDict()


def _sentence_of_doc(doc: Doc) -> _Sentence:
    """The lists of an article's Doc, kept for the last few Docs (an article's mentions share sentences)."""
    key = id(doc)
    with _cache_lock:
        got = _doc_cache.get(key)
        if got is not None and got[0] is doc:
            _doc_cache.move_to_end(key)
            return got[1]
    sentence = _Sentence(doc)
    with _cache_lock:
        _doc_cache[key] = (doc, sentence)
        while len(_doc_cache) > 64:
            _doc_cache.popitem(last=False)
    return sentence


def clear_parse_cache() -> None:
    """Forget the cached parses (benchmarks time cold parses with it)."""
    with _cache_lock:
        _cache.clear()
        _doc_cache.clear()


def cached_sentences() -> Sequence[str]:
    """The sentence texts whose parse is cached, oldest first."""
    with _cache_lock:
        return list(_cache)
