"""Stance toward each government in an article: mentions, target sentiment, voices and actor relations.

- :func:`government_mentions`: every gazetteer match with its sentence (place and people uses kept, flagged);
- :func:`stance_evidence`: one row per government mention with its sentence, offsets, voice (the narrator or
  the quoted source's name) and the target-dependent sentiment of that sentence toward the mention;
- :func:`government_stance`: one row per government: mentions, mean score with a bootstrap interval,
  label, counts by label and by voice;
- :func:`actor_relations`: who does what to whom ("Seoul pressed China", "North Korea calls defectors
  human scum"): source, target, cue, polarity, sentence.

``target_sentiment`` (re-exported from :mod:`analysis.target_sentiment`) is the model behind the scores.

>>> from analysis.article import Article
>>> a = Article.from_text("Seoul pressed China to stop the repatriations. China rejected the demand.")
>>> list(government_stance(a).government)
['China', 'South Korea']
>>> actor_relations(a)[["source", "target", "cue", "polarity"]].iloc[0].tolist()
['South Korea', 'China', 'pressed', 'negative']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .context import ArticleContext
from .errors import ArgumentError
from .gazetteer import GovernmentMention
from .target_sentiment import LABELS, TargetSentiment, target_sentiment

__all__ = [
    "TargetSentiment",
    "target_sentiment",
    "government_mentions",
    "stance_evidence",
    "evidence_records",
    "stance_rows",
    "relation_records",
    "stance_records",
    "TABLES",
    "government_stance",
    "actor_relations",
    "NARRATOR",
    "RELATION_CUES",
]

NARRATOR = "narrator"
#: Mean score above +THRESHOLD is "positive", below -THRESHOLD "negative".
THRESHOLD = 0.1
BOOTSTRAP_SAMPLES = 2000
SEED = 0


def _context(article, function: str) -> ArticleContext:
    """The context of an Article, an ArticleContext or a text string; anything else is an ArgumentError."""
    from .article import Article

    if isinstance(article, ArticleContext):
        return article
    if isinstance(article, Article):
        return ArticleContext(article)
    if isinstance(article, str):
        return ArticleContext(Article.from_text(article))
    raise ArgumentError(f"{function}(article): expected an Article or a str, got {type(article).__name__}")


def _sentence_of(article, pos: int):
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s
    return None


def government_mentions(article, include_places: bool = True) -> pd.DataFrame:
    """Every government alias found in the article, with its sentence index and the government/place decision.

    Columns: government, mention, kind, start, end, sentence, is_government, reason.
    """
    context = _context(article, "government_mentions")
    article = context.article
    rows = []
    for m in context.mentions:
        if not include_places and not m.is_government:
            continue
        s = _sentence_of(article, m.start)
        rows.append(
            {
                "government": m.government,
                "mention": m.text,
                "kind": m.kind,
                "start": m.start,
                "end": m.end,
                "sentence": s.index if s else -1,
                "is_government": m.is_government,
                "reason": m.reason,
            }
        )
    return pd.DataFrame(
        rows, columns=["government", "mention", "kind", "start", "end", "sentence", "is_government", "reason"]
    )


def _voice(quotes: Sequence[Any], start: int, end: int) -> str:
    """The quoted source whose quote span holds the mention, else the narrator."""
    for q in quotes:
        if q.start <= start and end <= q.end:
            return getattr(q, "speaker", None) or "unattributed source"
    return NARRATOR


def stance_evidence(article, quotes: Sequence[Any] | None = None) -> pd.DataFrame:
    """One row per government mention: sentence, offsets into ``article.text``, voice and target sentiment.

    ``article``: an Article, a text or an :class:`~analysis.context.ArticleContext`. ``quotes``: objects with
    ``.start``, ``.end`` (quote content span) and ``.speaker``; by default the context's quotes.
    """
    context = _context(article, "stance_evidence")
    return pd.DataFrame(evidence_records(context, quotes), columns=list(TABLES["stance_evidence"]))


def evidence_records(context: ArticleContext, quotes: Sequence[Any] | None = None) -> list[dict]:
    """The rows of :func:`stance_evidence`: one per mention that counts as a government."""
    article = context.article
    qs = context.quotes if quotes is None else list(quotes)
    rows = []
    for m in context.mentions:
        if not m.is_government:
            continue
        s = _sentence_of(article, m.start)
        if s is None:
            continue
        a, b = m.start - s.start, min(m.end, s.end) - s.start
        ts = target_sentiment(s.text, a, b)
        rows.append(
            {
                "government": m.government,
                "mention": m.text,
                "kind": m.kind,
                "sentence": s.index,
                "sentence_text": s.text,
                "start": m.start,
                "end": m.end,
                "voice": _voice(qs, m.start, m.end),
                "label": ts.label,
                "score": round(ts.score, 4),
                "p_negative": round(ts.probabilities[0], 4),
                "p_neutral": round(ts.probabilities[1], 4),
                "p_positive": round(ts.probabilities[2], 4),
            }
        )
    return rows


def _label(score: float) -> str:
    return "positive" if score > THRESHOLD else "negative" if score < -THRESHOLD else "neutral"


def _bootstrap(scores: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    if len(scores) == 1:
        return float(scores[0]), float(scores[0])
    means = rng.choice(scores, size=(BOOTSTRAP_SAMPLES, len(scores)), replace=True).mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def government_stance(
    article, quotes: Sequence[Any] | None = None, evidence: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per government mentioned (as a government) in the article, most-mentioned first.

    Columns: government, mentions, score (mean target sentiment), ci_low, ci_high (95% bootstrap over
    mentions, fixed seed), label, n_negative, n_neutral, n_positive, mentions_narrator, mentions_quoted,
    score_narrator, score_quoted, voices (the quoted sources that mention it).
    """
    context = _context(article, "government_stance")
    ev = evidence_records(context, quotes) if evidence is None else evidence
    return pd.DataFrame(stance_rows(ev), columns=list(TABLES["stance"]))


def stance_rows(ev: pd.DataFrame | list[dict]) -> list[dict]:
    """The rows of :func:`government_stance` from an evidence table (or its rows), most-mentioned first."""
    if isinstance(ev, list):
        governments = [row["government"] for row in ev]
        all_scores = np.array([row["score"] for row in ev], dtype=float)
        all_voices = [row["voice"] for row in ev]
        all_labels = [row["label"] for row in ev]
    else:
        governments, all_scores = ev["government"].tolist(), ev["score"].to_numpy(dtype=float)
        all_voices, all_labels = ev["voice"].tolist(), ev["label"].tolist()
    rng = np.random.default_rng(SEED)
    # Plain Python over the evidence columns (a pandas groupby per article cost more than the scoring);
    # same grouping as ``ev.groupby("government", sort=True)``: sorted keys, missing keys dropped, row order
    # kept.
    groups: dict[str, list[int]] = {}
    for i, gov in enumerate(governments):
        if gov is None or (isinstance(gov, float) and gov != gov):
            continue
        groups.setdefault(gov, []).append(i)
    rows = []
    for gov in sorted(groups):
        index = groups[gov]
        scores = all_scores[index]
        lo, hi = _bootstrap(scores, rng)
        narrator = [i for i in index if all_voices[i] == NARRATOR]
        quoted = [i for i in index if all_voices[i] != NARRATOR]
        mean = float(scores.mean())
        rows.append(
            {
                "government": gov,
                "mentions": len(index),
                "score": round(mean, 4),
                "ci_low": round(lo, 4),
                "ci_high": round(hi, 4),
                "label": _label(mean),
                **{f"n_{lab}": sum(all_labels[i] == lab for i in index) for lab in LABELS},
                "mentions_narrator": len(narrator),
                "mentions_quoted": len(quoted),
                "score_narrator": round(_mean_skipna(all_scores[narrator]), 4) if narrator else np.nan,
                "score_quoted": round(_mean_skipna(all_scores[quoted]), 4) if quoted else np.nan,
                "voices": ", ".join(sorted({all_voices[i] for i in quoted})),
            }
        )
    # the order of ``sort_values(["mentions", "government"], ascending=[False, True])``: keys are unique
    rows.sort(key=lambda row: (-row["mentions"], row["government"]))
    return rows


def _mean_skipna(values: np.ndarray) -> float:
    """``pd.Series.mean()`` of a float array: NaN skipped, NaN when nothing is left."""
    kept = values[~np.isnan(values)]
    return float(kept.sum() / len(kept)) if len(kept) else float("nan")


def voice_matrix(evidence: pd.DataFrame) -> pd.DataFrame:
    """Mentions counted by government (rows) and voice (columns), narrator first."""
    if evidence.empty:
        return pd.DataFrame()
    m = pd.crosstab(evidence["government"], evidence["voice"])
    cols = ([NARRATOR] if NARRATOR in m.columns else []) + sorted(c for c in m.columns if c != NARRATOR)
    return m[cols]


# ---------------------------------------------------------------------------------------------- relations

#: Cue words (lower case, inflections listed) with the polarity of the act toward its target.
#: None: the polarity is read from the words that follow (VADER), as for "calls defectors human scum".
RELATION_CUES: dict[str, str | None] = {}
for _words, _pol in [
    ("press presses pressed pressing pressure pressured pressures pressuring", "negative"),
    ("urge urges urged urging", "negative"),
    ("condemn condemns condemned condemning denounce denounces denounced denouncing", "negative"),
    (
        "criticize criticizes criticized criticizing criticise criticised slam slams slammed blast blasted",
        "negative",
    ),
    ("accuse accuses accused accusing blame blames blamed blaming", "negative"),
    ("warn warns warned warning threaten threatens threatened threatening", "negative"),
    ("sanction sanctions sanctioned protest protests protested protesting", "negative"),
    ("attack attacks attacked reject rejects rejected rejecting rebuke rebuked reject", "negative"),
    ("demand demands demanded demanding", "negative"),
    ("praise praises praised praising thank thanks thanked welcome welcomes welcomed", "positive"),
    ("support supports supported supporting help helps helped helping back backs backed", "positive"),
    ("agree agreed agrees ally allied", "positive"),
    ("meet meets met talked engage engaged engages negotiate negotiated", "neutral"),
    ("raise raised raises raising", "neutral"),
    ("seek seeks sought ask asks asked", "neutral"),
    ("call calls called calling label labels labeled labelled brand branded dub dubbed", None),
]:
    for _w in _words.split():
        RELATION_CUES[_w] = _pol

#: Groups that can be the target of a government's act.
GROUP_NOUNS = frozenset(
    """
    defectors defector migrants refugees activists activist campaign campaigns protesters protests dissidents
    citizens people traffickers smugglers groups organizations organisations journalists reporters
    """.split()
)
#: Nouns naming a relation between two governments ("friction between Seoul and Beijing").
PAIR_NOUNS = {
    "friction": "negative",
    "tension": "negative",
    "tensions": "negative",
    "dispute": "negative",
    "row": "negative",
    "rift": "negative",
    "standoff": "negative",
    "feud": "negative",
    "conflict": "negative",
    "disagreement": "negative",
    "deal": "positive",
    "agreement": "positive",
    "accord": "positive",
    "cooperation": "positive",
    "alliance": "positive",
    "summit": "neutral",
    "talks": "neutral",
}
_REVERSED = re.compile(
    r"\b(annoyed|angered|irritated|criticized|criticised|condemned|pressed|pressured|"
    r"praised|welcomed|rebuked|accused|threatened|blamed)\s+by\s+$",
    re.IGNORECASE,
)
_REVERSED_POLARITY = {"praised": "positive", "welcomed": "positive"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:but|while|and)\b|\b(?:but|while|which|who|since|after|before|when|because|although)\b"
)


def _vader_polarity(text: str) -> str:
    from . import nlp

    c = nlp.vader().polarity_scores(text)["compound"]
    return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"


def _relation_rows(article, sentence, mentions: list[GovernmentMention]) -> list[dict]:
    text = article.text
    rows: list[dict] = []
    gov = [m for m in mentions if m.is_government and sentence.start <= m.start < sentence.end]
    anyref = [m for m in mentions if sentence.start <= m.start < sentence.end]

    def add(src: GovernmentMention, target: str, target_text: str, cue: str, pol: str | None, cue_start: int):
        if target == src.government:
            return
        rows.append(
            {
                "source": src.government,
                "source_mention": src.text,
                "target": target,
                "target_mention": target_text,
                "cue": cue,
                "polarity": pol or "neutral",
                "sentence": sentence.index,
                "sentence_text": sentence.text,
                "cue_start": cue_start,
            }
        )

    # 1. agent + cue verb + target (a government mention or a group noun) in the same clause
    for src in gov:
        tail = text[src.end : sentence.end]
        # skip the rest of the subject: "and other senior officials have publicly",
        # "'s government-run website recently"
        words = list(_WORD.finditer(tail))
        for w in words[:9]:
            cue = w.group(0).lower()
            if cue not in RELATION_CUES:
                continue
            if _CLAUSE_END.search(tail[: w.start()]) or any(
                m.start < src.end + w.start() and m.start > src.end for m in gov
            ):
                break
            cue_abs = src.end + w.start()
            after_start = src.end + w.end()
            clause_after = text[after_start : sentence.end]
            cut = _CLAUSE_END.search(clause_after)
            clause_after_end = after_start + (cut.start() if cut else len(clause_after))
            window = [m for m in anyref if after_start <= m.start < min(clause_after_end, after_start + 120)]
            pol = RELATION_CUES[cue]
            object_text = text[after_start:clause_after_end]
            if pol is None:
                pol = _vader_polarity(object_text)
            target_m = next((m for m in window if m.is_government or m.kind == "name"), None)
            group = None
            for gw in _WORD.finditer(object_text[:60]):
                if gw.group(0).lower() in GROUP_NOUNS:
                    group = gw
                    break
            if target_m is not None and (group is None or target_m.start < after_start + group.start()):
                add(src, target_m.government, target_m.text, cue, pol, cue_abs)
                last = target_m
                for other in window[window.index(target_m) + 1 :]:  # "from the U.N. ... and the U.S. ..."
                    if not re.fullmatch(r"\s+(?:and|or)\s+(?:the\s+)?", text[last.end : other.start]):
                        break
                    add(src, other.government, other.text, cue, pol, cue_abs)
                    last = other
            elif group is not None:
                # the group with up to three modifiers before it: "the growing campaign"
                left = object_text[: group.start()].split()
                mods = []
                for tok in reversed(left[-3:]):
                    if re.search(r"[.,;\"“”]", tok):
                        break
                    mods.insert(0, tok)
                phrase = " ".join([*mods, group.group(0)])
                add(src, phrase, phrase, cue, pol, cue_abs)
            else:
                continue
            break
    # 2. "<pair noun> between A and B"
    for m in re.finditer(r"\b(\w+)\s+between\s+", sentence.text):
        noun = m.group(1).lower()
        if noun not in PAIR_NOUNS:
            continue
        after = sentence.start + m.end()
        pair = [g for g in anyref if after <= g.start < after + 60][:2]
        if len(pair) == 2 and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[pair[0].end : pair[1].start]):
            add(
                pair[0],
                pair[1].government,
                pair[1].text,
                noun + " between",
                PAIR_NOUNS[noun],
                sentence.start + m.start(),
            )
            add(
                pair[1],
                pair[0].government,
                pair[0].text,
                noun + " between",
                PAIR_NOUNS[noun],
                sentence.start + m.start(),
            )
    # 3. passive "<A> could be annoyed by <B>'s ..." -> B acts on A
    for src in gov:
        r = _REVERSED.search(text[sentence.start : src.start])
        if r:
            target_m = next((m for m in reversed(gov) if m.end <= sentence.start + r.start()), None)
            if target_m is not None:
                verb = r.group(1).lower()
                add(
                    src,
                    target_m.government,
                    target_m.text,
                    f"{verb} by",
                    _REVERSED_POLARITY.get(verb, "negative"),
                    sentence.start + r.start(),
                )
    return rows


def actor_relations(article) -> pd.DataFrame:
    """Directed acts between actors: one row per (source, target, cue) found in a sentence.

    Columns: source, source_mention, target (a government key, or a group phrase such as "defectors"),
    target_mention, cue, polarity, sentence, sentence_text, cue_start (offset into ``article.text``).
    """
    context = _context(article, "actor_relations")
    return pd.DataFrame(relation_records(context), columns=list(TABLES["relations"]))


def relation_records(context: ArticleContext) -> list[dict]:
    """The rows of :func:`actor_relations`: the first row of each (source, target, cue, sentence)."""
    article = context.article
    mentions = context.mentions
    rows = []
    seen = set()
    for s in article.sentences:
        for row in _relation_rows(article, s, mentions):
            key = (row["source"], row["target"], row["cue"], row["sentence"])
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
    return rows


#: Schemas of the tables :func:`stance_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "stance": {
        "government": "str",
        "mentions": "int64",
        "score": "float64",
        "ci_low": "float64",
        "ci_high": "float64",
        "label": "str",
        "n_negative": "int64",
        "n_neutral": "int64",
        "n_positive": "int64",
        "mentions_narrator": "int64",
        "mentions_quoted": "int64",
        "score_narrator": "float64",
        "score_quoted": "float64",
        "voices": "str",
    },
    "stance_evidence": {
        "government": "str",
        "mention": "str",
        "kind": "str",
        "sentence": "int64",
        "sentence_text": "str",
        "start": "int64",
        "end": "int64",
        "voice": "str",
        "label": "str",
        "score": "float64",
        "p_negative": "float64",
        "p_neutral": "float64",
        "p_positive": "float64",
    },
    "relations": {
        "source": "str",
        "source_mention": "str",
        "target": "str",
        "target_mention": "str",
        "cue": "str",
        "polarity": "str",
        "sentence": "int64",
        "sentence_text": "str",
        "cue_start": "int64",
    },
}


def stance_records(context: ArticleContext) -> dict[str, list[dict]]:
    """``stance`` (one row per government), ``stance_evidence`` (one per mention, with its voice from the
    context's quotes) and ``relations`` (who does what to whom) for the pipeline.

    >>> rows = stance_records(ArticleContext.of("Seoul pressed China to stop the repatriations."))
    >>> [r["government"] for r in rows["stance"]], [(r["source"], r["target"]) for r in rows["relations"]]
    (['China', 'South Korea'], [('South Korea', 'China')])
    """
    evidence = evidence_records(context)
    return {
        "stance": stance_rows(evidence),
        "stance_evidence": evidence,
        "relations": relation_records(context),
    }
