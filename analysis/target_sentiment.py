"""Target-dependent sentiment: how one sentence portrays one mention in it, not the sentence's overall tone.

The model is linear over hashed, target-aware features: one-vs-rest logistic regressions on features scaled
by Naive-Bayes log-count ratios (NBSVM-style, Wang & Manning 2012), folded into one weight per feature and
class and trained on the NewsMTSC ``train.jsonl`` split only (``training/train_stance.py`` reproduces
``analysis/models/target_sentiment.npz``: byte for byte on the same machine, within 1e-6 across CPU types).
Features, all relative to the target ``sentence[start:end]`` (which is masked as ``<T>``):

- words of the sentence (bag of words) and word bigrams with the target as a token ("accused_<T>",
  "<T>_said");
- words left and right of the target in distance buckets (1, 2, 3-4, 5-8 tokens), and the words of the
  target's own clause (clauses split at commas, semicolons, dashes and "but/while/although/whereas");
- VADER lexicon valences, negation-flipped, summed over the target's clause, the left and right windows and
  the sentence, plus a distance-weighted sum;
- the target's role cues: sentence-initial (likely subject), followed by a speech verb (the speaker),
  inside a quotation, preceded by "by" (agent of a passive), possessive, pronoun.

Inference is pure Python + numpy: about 10-20 feature strings per token, ``zlib.crc32`` into 2**18 buckets,
a sparse dot product with a 3-row weight matrix, a softmax over the three class scores.
``score = p(positive) - p(negative)`` in [-1, 1].

>>> r = target_sentiment("Seoul praised the aid, but Pyongyang called it a grave provocation.", 0, 5)
>>> r.label in ("negative", "neutral", "positive") and -1.0 <= r.score <= 1.0
True
"""

from __future__ import annotations

import math
import operator
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ArgumentError, ModelError

__all__ = [
    "target_sentiment_in",
    "TargetSentiment",
    "target_sentiment",
    "target_features",
    "load_model",
    "LABELS",
    "MODEL_PATH",
    "N_FEATURES",
]

LABELS = ("negative", "neutral", "positive")
N_FEATURES = 2**18
MODEL_PATH = Path(__file__).with_name("models") / "target_sentiment.npz"

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?(?:[-.][A-Za-z0-9]+)*|[“”\"'‘’]|[^\w\s]")
_CLAUSE_BREAK = frozenset(
    {
        ",",
        ";",
        ":",
        "—",
        "–",
        "-",
        "(",
        ")",
        "but",
        "while",
        "although",
        "though",
        "whereas",
        "however",
        "yet",
    }
)
_NEGATORS = frozenset(
    "not no never n't nor without neither none nobody nothing cannot cant dont doesnt didnt isnt wasnt "
    "arent werent wont wouldnt couldnt shouldnt hasnt havent hadnt".split()
)
_SPEECH = frozenset(
    "said says say told tells argued argues added adds wrote writes claimed claims insisted insists "
    "warned warns stated states noted notes asked asks according explained explains declared declares "
    "announced announces acknowledged admitted suggested suggests".split()
)
_PRONOUNS = frozenset("he she they it him her them his hers their its we us our i me my you your".split())
_QUOTES = frozenset('“”"')


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """Sentiment toward one target: ``label`` in LABELS, ``score`` = p(pos) - p(neg) in [-1, 1].

    ``label`` is the most probable class after small per-class offsets (tuned on training folds for
    macro-F1, stored with the model); ``probabilities`` and ``score`` are the model's own.
    """

    label: str
    score: float
    probabilities: tuple[float, float, float]  # (negative, neutral, positive)


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


@lru_cache(maxsize=1)
def _pattern_lexicon() -> dict[str, float]:
    """Adjective polarities from TextBlob's Pattern lexicon (en-sentiment.xml).

    Maps word -> polarity in [-1, 1].
    """
    from textblob.en import sentiment as pattern_sentiment

    out = {}
    for word, tags in dict(pattern_sentiment).items():
        pol = tags.get(None, next(iter(tags.values())))[0]
        if abs(pol) >= 0.1 and " " not in word:
            out[word.lower()] = float(pol)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from . import nlp

    return dict(nlp.vader().lexicon)


def target_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """Named features of the target ``sentence[start:end]`` (before hashing).

    Used by training and inference.
    """
    lex = _lexicon()
    toks: list[str] = []
    in_target: list[bool] = []
    quote_open = False
    t_inquote = False
    for m in _TOKEN.finditer(sentence):
        s, e = m.span()
        tok = m.group(0).lower().replace("’", "'")
        if tok in _QUOTES:
            quote_open = not quote_open
        overlaps = s < end and e > start
        if overlaps and quote_open:
            t_inquote = True
        if overlaps:
            if in_target and in_target[-1]:
                continue  # one <T> token for the whole target
            toks.append("<T>")
            in_target.append(True)
        else:
            if tok.endswith("'s") and len(tok) > 2:
                toks.append(tok[:-2])
                in_target.append(False)
                tok = "'s"
            toks.append(tok)
            in_target.append(False)
    if True not in in_target:  # the span fell between tokens: insert <T> at its place
        toks.append("<T>")
        in_target.append(True)
    ti = in_target.index(True)
    n = len(toks)
    f: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        f[name] = f.get(name, 0.0) + value

    target_text = sentence[start:end].lower()
    # sentence bag of words and bigrams (target masked)
    for i, tok in enumerate(toks):
        if tok != "<T>":
            add("w:" + tok)
        if i + 1 < n:
            add("b:" + tok + "_" + toks[i + 1])
    # windows with distance buckets
    for d in range(1, 9):
        if ti - d >= 0:
            add(f"L{_bucket(d)}:{toks[ti - d]}")
        if ti + d < n:
            add(f"R{_bucket(d)}:{toks[ti + d]}")
    left2 = "_".join(toks[max(0, ti - 2) : ti])
    right2 = "_".join(toks[ti + 1 : ti + 3])
    add("tL2:" + left2)
    add("tR2:" + right2)
    # clause of the target
    c0 = ti
    while c0 > 0 and toks[c0 - 1] not in _CLAUSE_BREAK:
        c0 -= 1
    c1 = ti
    while c1 + 1 < n and toks[c1 + 1] not in _CLAUSE_BREAK:
        c1 += 1
    for tok in toks[c0 : c1 + 1]:
        if tok != "<T>":
            add("c:" + tok)
    # lexicon valences with negation
    sums = {"vs+": 0.0, "vs-": 0.0, "vc+": 0.0, "vc-": 0.0, "vl+": 0.0, "vl-": 0.0, "vr+": 0.0, "vr-": 0.0}
    vd = 0.0
    for i, tok in enumerate(toks):
        v = lex.get(tok)
        if v is None:
            continue
        if any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, i - 3) : i]):
            v = -0.74 * v
            add("neglex:" + tok)
        sign = "+" if v > 0 else "-"
        v4 = abs(v) / 4.0
        sums["vs" + sign] += v4
        if c0 <= i <= c1:
            sums["vc" + sign] += v4
            add("clex" + sign)
        if ti - 5 <= i < ti:
            sums["vl" + sign] += v4
        elif ti < i <= ti + 5:
            sums["vr" + sign] += v4
        vd += (v / 4.0) * math.exp(-abs(i - ti) / 4.0)
        cls = "POS" if v > 0 else "NEG"
        d = i - ti
        if d < 0:
            add(f"pL{_bucket(-d)}:{cls}")
        elif d > 0:
            add(f"pR{_bucket(d)}:{cls}")
    plex = _pattern_lexicon()
    for i, tok in enumerate(toks):
        pv = plex.get(tok)
        if pv is None:
            continue
        if any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, i - 3) : i]):
            pv = -0.5 * pv
        key = "pat" + ("+" if pv > 0 else "-")
        add(key + ("c" if c0 <= i <= c1 else "s"), abs(pv))
        if abs(i - ti) <= 5:
            add(key + ("L" if i < ti else "R"), abs(pv))
    for k, v in sums.items():
        if v:
            add(k, min(v, 3.0))
    if vd:
        add("vd", max(-2.0, min(2.0, vd)))
    # role cues
    first = next((i for i, t in enumerate(toks) if t not in _QUOTES and t not in ("the", "a", "an")), 0)
    if ti == first:
        add("T_first")
    if ti >= n - 2:
        add("T_last")
    if t_inquote:
        add("T_inquote")
    if any(t in _SPEECH for t in toks[ti + 1 : ti + 4]):
        add("T_speaker")
    if any(t in _SPEECH for t in toks[max(0, ti - 2) : ti]):
        add("T_speaker_after_verb")
    if ti > 0 and toks[ti - 1] == "by":
        add("T_by")
    if ti + 1 < n and toks[ti + 1] == "'s":
        add("T_poss")
    if target_text in _PRONOUNS:
        add("T_pron:" + target_text)
    roles = [k for k in ("T_first", "T_speaker", "T_inquote", "T_by", "T_poss", "T_last") if k in f] or [
        "T_mid"
    ]
    clause_pol = "c+" if sums["vc+"] > sums["vc-"] else "c-" if sums["vc-"] > sums["vc+"] else "c0"
    sent_pol = "s+" if sums["vs+"] > sums["vs-"] else "s-" if sums["vs-"] > sums["vs+"] else "s0"
    for r in roles:
        add(f"{r}&{clause_pol}")
        add(f"{r}&{sent_pol}")
    add(f"{clause_pol}&{sent_pol}")
    for i, tok in enumerate(toks):
        if len(tok) > 5 and tok != "<T>":
            stem = _stem(tok)
            add("st:" + stem)
            if abs(i - ti) <= 4:
                add(("sL:" if i < ti else "sR:") + stem)
    qcount = sum(1 for t in toks if t in _QUOTES)
    if qcount:
        add("S_hasquote")
    return f


def hashed_features(sentence: str, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """(indices, values) of the hashed feature vector (duplicates summed)."""
    feats = target_features(sentence, start, end)
    idx: dict[int, float] = {}
    for name, value in feats.items():
        h = zlib.crc32(name.encode("utf-8")) & (N_FEATURES - 1)
        idx[h] = idx.get(h, 0.0) + value
    return np.fromiter(idx.keys(), dtype=np.int64, count=len(idx)), np.fromiter(
        idx.values(), dtype=np.float64, count=len(idx)
    )


def load_model(path: str | Path | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(weights (N_FEATURES, 3), intercept (3,), class offsets (3,)) read from an npz model file (default:
    the shipped one). Pass the result as ``model=`` to :func:`target_sentiment` to score with another file."""
    path = Path(path) if path is not None else MODEL_PATH
    try:
        with np.load(path, allow_pickle=False) as z:
            coef = z["coef"].astype(np.float64)
            intercept = z["intercept"].astype(np.float64)
            offsets = z["class_offsets"].astype(np.float64) if "class_offsets" in z.files else np.zeros(3)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"{path}: cannot load the target-sentiment model ({exc}); run training/train_stance.py"
        ) from exc
    if coef.shape != (3, N_FEATURES):
        raise ModelError(f"{path}: weights have shape {coef.shape}, expected (3, {N_FEATURES})")
    return np.ascontiguousarray(coef.T), intercept, offsets


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shipped model, loaded once per process."""
    return load_model()


def target_sentiment(sentence: str, start: int, end: int, *, model=None) -> TargetSentiment:
    """Sentiment that ``sentence`` expresses toward the mention ``sentence[start:end]``.

    >>> s = "Critics slammed the ministry, while Kim won praise for his calm."
    >>> target_sentiment(s, 36, 39).score > target_sentiment(s, 20, 28).score
    True

    ``model``: parameters from :func:`load_model` (default: the shipped model).
    """
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
    weights, intercept, offsets = _model() if model is None else model
    idx, val = hashed_features(sentence, start, end)
    logits = intercept + val @ weights[idx]
    logits = logits - logits.max()
    p = np.exp(logits)
    p /= p.sum()
    k = int((np.log(p) + offsets).argmax())  # offsets tuned on train folds for macro-F1
    return TargetSentiment(LABELS[k], float(p[2] - p[0]), (float(p[0]), float(p[1]), float(p[2])))


def target_sentiment_in(parsed_sentence, start: int, end: int) -> TargetSentiment:
    """Sentiment toward the mention at article offsets ``[start, end)`` of a parsed sentence
    (:class:`analysis.parse.ParsedSentence`), reusing the article's parse: what the pipeline calls.

    >>> from analysis.context import ArticleContext
    >>> context = ArticleContext.of("Critics slammed the ministry.")
    >>> target_sentiment_in(context.parsed.sentence(0), 20, 28).label
    'negative'
    """
    sentence = parsed_sentence.sentence
    a, b = start - sentence.start, min(end, sentence.end) - sentence.start
    return target_sentiment(sentence.text, a, b)
