"""The surface-only target-sentiment model that the parse-based one replaced (main before the parse work),
kept for the benchmark's comparison row only: its features verbatim, its weights read from the git history.

Not part of the library. ``benchmarks/eval_stance.py`` loads the old weights with :func:`load_legacy_model`
(``git show COMMIT:analysis/models/target_sentiment.npz``) and skips the row when git or the commit is
missing.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

N_FEATURES = 2**18
LABELS = ("negative", "neutral", "positive")
#: the last commit whose model is the surface-only one
LEGACY_COMMIT = "e61af6907e0c05700f53262bd000faf7c5fa6627"
REPO = Path(__file__).resolve().parents[1]

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
    from analysis import nlp

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


def load_legacy_model(commit: str = LEGACY_COMMIT) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(weights (N_FEATURES, 3), intercept, class offsets) of the old model from git, or None."""
    try:
        blob = subprocess.run(
            ["git", "show", f"{commit}:analysis/models/target_sentiment.npz"],
            cwd=REPO,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            coef, intercept = z["coef"].astype(np.float64), z["intercept"].astype(np.float64)
            offsets = z["class_offsets"].astype(np.float64)
    except (OSError, subprocess.SubprocessError, KeyError, ValueError):
        return None
    return np.ascontiguousarray(coef.T), intercept, offsets


def legacy_label(model, sentence: str, start: int, end: int) -> str:
    """The old model's label for the target ``sentence[start:end]``."""
    weights, intercept, offsets = model
    idx, val = hashed_features(sentence, start, end)
    logits = intercept + val @ weights[idx]
    logits = logits - logits.max()
    p = np.exp(logits)
    p /= p.sum()
    return LABELS[int((np.log(p) + offsets).argmax())]
