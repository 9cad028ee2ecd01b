"""Stance toward each government in an article: mentions, target sentiment, voices and actor relations.

- :func:`government_mentions`: every gazetteer match with its sentence and its decision: ``is_government``,
  ``sense`` (government, place, people, team, economy, venue, other) and the ``reason``
  (:mod:`analysis.mentions`);
- :func:`stance_evidence`: one row per government-sense mention with its sentence, offsets, ``voice`` (the
  narrator or the quoted source's name), ``voice_kind`` (reporter / quoted / source: the government is the
  one speaking), grammatical ``role`` and the target-dependent sentiment of its sentence toward it;
- :func:`government_stance`: one row per government with at least one government-sense mention: mentions,
  mean score with a bootstrap interval (over the mentions that are not the speaker of a quote), label,
  ``uncertain`` and ``lean``, counts by label and by voice, ``why``. A row with fewer than three scored
  mentions, an interval that includes 0 or no mention of its lean's sign is ``uncertain`` and labelled
  "neutral" (the label never says more than the mentions show; ``lean`` keeps the sign of the mean), except
  that with three or more mentions quoted sources that agree give the label
  (:func:`analysis.portrayal.quoted_voice_check`);
- :func:`portrayal`: the same reading for any named actor, a person or a government
  (:mod:`analysis.portrayal`);
- :func:`actor_relations`: who does what to whom, from the dependency parse ("Seoul pressed China",
  passives reversed, "Seoul's pressure on Beijing"): source, target, cue, polarity, how, sentence
  (:mod:`analysis.relations`).

``target_sentiment`` (re-exported from :mod:`analysis.target_sentiment`) is the model behind the scores; the
pipeline calls ``target_sentiment_in`` on the article's own parse.

>>> from analysis.article import Article
>>> a = Article.from_text("Seoul pressed China to stop the repatriations. China rejected the demand.")
>>> list(government_stance(a).government)
['China', 'South Korea']
>>> actor_relations(a)[["source", "target", "cue", "polarity"]].iloc[0].tolist()
['South Korea', 'China', 'pressed', 'negative']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .context import ArticleContext
from .errors import ArgumentError
from .portrayal import (
    MIN_MENTIONS,
    NARRATOR,
    QUOTED,
    SPEAKING,
    THRESHOLD,
    Portrayal,
    bootstrap_interval,
    evidence_rows,
    is_scored,
    portrayal,
    summarize,
    unscored_note,
)
from .relations import CUE_POLARITY, relation_rows
from .target_sentiment import LABELS, TargetSentiment, target_sentiment

__all__ = [
    "Portrayal",
    "portrayal",
    "MIN_MENTIONS",
    "THRESHOLD",
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


#: Columns of :func:`government_mentions`.
MENTION_COLUMNS = (
    "government",
    "mention",
    "kind",
    "start",
    "end",
    "sentence",
    "is_government",
    "sense",
    "reason",
)


def government_mentions(article, include_places: bool = True) -> pd.DataFrame:
    """Every government alias found in the article, with its sentence index and the government/place decision.

    Columns: government, mention, kind, start, end, sentence, is_government, sense (government, place,
    people, team, economy, venue, other), reason (the rule that decided, see :mod:`analysis.mentions`).
    """
    context = _context(article, "government_mentions")
    article = context.article
    rows = []
    for m in context.mentions:
        if not include_places and not m.is_government:
            continue
        s = article.sentence_at(m.start)
        rows.append(
            {
                "government": m.government,
                "mention": m.text,
                "kind": m.kind,
                "start": m.start,
                "end": m.end,
                "sentence": s.index if s else -1,
                "is_government": m.is_government,
                "sense": m.sense or ("government" if m.is_government else "other"),
                "reason": m.reason,
            }
        )
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


def stance_evidence(article, quotes: Sequence[Any] | None = None) -> pd.DataFrame:
    """One row per government mention: sentence, offsets into ``article.text``, voice and target sentiment.

    ``article``: an Article, a text or an :class:`~analysis.context.ArticleContext`. ``quotes``: objects with
    ``.start``, ``.end`` (quote content span) and ``.speaker``; by default the context's quotes.
    Columns: those of ``TABLES["stance_evidence"]``: the mention, its sentence and offsets, ``voice`` (the
    narrator or the quoted source whose words hold the mention), ``voice_kind`` ("reporter", "quoted", or
    "source" when the mention is the one speaking), ``role`` (subject, object, possessor ... in the parse),
    ``reason`` (why it counts as the government), the target sentiment ``label``, ``score`` and probabilities.
    """
    context = _context(article, "stance_evidence")
    return pd.DataFrame(evidence_records(context, quotes), columns=list(TABLES["stance_evidence"]))


def evidence_records(context: ArticleContext, quotes: Sequence[Any] | None = None) -> list[dict]:
    """The rows of :func:`stance_evidence`: one per mention that counts as a government."""
    return evidence_rows(context, [m for m in context.mentions if m.is_government], quotes, key="government")


def government_stance(
    article, quotes: Sequence[Any] | None = None, evidence: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per government mentioned (as a government) in the article, most-mentioned first.

    Columns: government, mentions, score (mean target sentiment of the mentions that are not the speaker of a
    quote: "the ministry said" is the government speaking, not being portrayed), ci_low, ci_high (95%
    bootstrap over those mentions, fixed seed), label, uncertain, lean, n_negative, n_neutral, n_positive
    (the scored mentions by label), mentions_narrator, mentions_quoted, mentions_unscored (the speaker of a
    quote, a party to "the friction between"), score_narrator, score_quoted, voices (the quoted sources that
    mention it), why.

    ``label`` never says more than the evidence: a row with fewer than :data:`MIN_MENTIONS` mentions, an
    interval that includes 0, or no mention of the label's own sign is ``uncertain`` and labelled "neutral"
    (unless, with three or more mentions, the quoted sources' mentions agree: two or more, interval excluding
    0; ``why`` then says so); ``lean`` keeps the sign of the mean score for such rows.
    """
    context = _context(article, "government_stance")
    ev = evidence_records(context, quotes) if evidence is None else evidence
    return pd.DataFrame(stance_rows(ev), columns=list(TABLES["stance"]))


def stance_rows(ev: pd.DataFrame | list[dict], key: str = "government") -> list[dict]:
    """The rows of :func:`government_stance` from an evidence table (or its rows), most-mentioned first."""
    if isinstance(ev, list):
        governments = [row[key] for row in ev]
        all_scores = np.array([row["score"] for row in ev], dtype=float)
        all_voices = [row["voice"] for row in ev]
        all_labels = [row["label"] for row in ev]
        all_kinds = [row.get("voice_kind", "") for row in ev]
        all_scored = [is_scored(row) for row in ev]
    else:
        governments, all_scores = ev[key].tolist(), ev["score"].to_numpy(dtype=float)
        all_voices, all_labels = ev["voice"].tolist(), ev["label"].tolist()
        all_kinds = ev["voice_kind"].tolist() if "voice_kind" in ev else [""] * len(governments)
        roles = ev["role"].tolist() if "role" in ev else [""] * len(governments)
        all_scored = [is_scored({"voice_kind": k, "role": r}) for k, r in zip(all_kinds, roles, strict=True)]
    rng = np.random.default_rng(SEED)
    # Plain Python over the evidence columns (a pandas groupby per article cost more than the scoring);
    # same grouping as ``ev.groupby(key, sort=True)``: sorted keys, missing keys dropped, row order kept.
    groups: dict[str, list[int]] = {}
    for i, gov in enumerate(governments):
        if gov is None or (isinstance(gov, float) and gov != gov):
            continue
        groups.setdefault(gov, []).append(i)
    rows = []
    for gov in sorted(groups):
        index = groups[gov]
        # the mentions that speak (the government is the source of a quote) or are a party named by a
        # relation noun ("the friction between Seoul and Beijing") are counted, not scored
        scored = [i for i in index if all_scored[i]]
        scores = all_scores[scored]
        lo, hi = bootstrap_interval(scores, rng)
        narrator = [i for i in index if all_voices[i] == NARRATOR]
        quoted = [i for i in index if all_voices[i] != NARRATOR]
        mean = float(scores.mean()) if len(scores) else 0.0
        quoted_scores = [all_scores[i] for i in scored if all_kinds[i] == QUOTED]
        summary = summarize(scores, [all_labels[i] for i in scored], (lo, hi), quoted=quoted_scores)
        label, uncertain, lean, why = summary["label"], summary["uncertain"], summary["lean"], summary["why"]
        if len(scored) < len(index):
            speaking = sum(all_kinds[i] == SPEAKING for i in index)
            why = f"{unscored_note(speaking, len(index) - len(scored) - speaking)}; {why}"
        rows.append(
            {
                key: gov,
                "mentions": len(index),
                "score": round(mean, 4),
                "ci_low": round(lo, 4),
                "ci_high": round(hi, 4),
                "label": label,
                "uncertain": uncertain,
                "lean": lean,
                **{f"n_{lab}": sum(all_labels[i] == lab for i in scored) for lab in LABELS},
                "mentions_narrator": len(narrator),
                "mentions_quoted": len(quoted),
                "mentions_unscored": len(index) - len(scored),
                "score_narrator": round(_mean_skipna(all_scores[narrator]), 4) if narrator else np.nan,
                "score_quoted": round(_mean_skipna(all_scores[quoted]), 4) if quoted else np.nan,
                "voices": ", ".join(sorted({all_voices[i] for i in quoted})),
                "why": why,
            }
        )
    # the order of ``sort_values(["mentions", key], ascending=[False, True])``: keys are unique
    rows.sort(key=lambda row: (-row["mentions"], row[key]))
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

#: Cue lemmas with the polarity of the act toward its target (see :mod:`analysis.relations`).
RELATION_CUES = CUE_POLARITY


def actor_relations(article) -> pd.DataFrame:
    """Directed acts between actors: one row per (source, target, cue) found in a sentence.

    Columns: source, source_mention, target (a government key, or a group phrase such as "defectors"),
    target_mention, cue, polarity, how (verb, passive, nominal, pair), sentence, sentence_text (the
    evidence), cue_start (offset into ``article.text``).
    """
    context = _context(article, "actor_relations")
    return pd.DataFrame(relation_records(context), columns=list(TABLES["relations"]))


def relation_records(context: ArticleContext) -> list[dict]:
    """The rows of :func:`actor_relations` (:func:`analysis.relations.relation_rows`: from the parse of the
    sentences that hold two actors)."""
    return relation_rows(context)


#: Schemas of the tables :func:`stance_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "stance": {
        "government": "str",
        "mentions": "int64",
        "score": "float64",
        "ci_low": "float64",
        "ci_high": "float64",
        "label": "str",
        "uncertain": "bool",
        "lean": "str",
        "n_negative": "int64",
        "n_neutral": "int64",
        "n_positive": "int64",
        "mentions_narrator": "int64",
        "mentions_quoted": "int64",
        "mentions_unscored": "int64",
        "score_narrator": "float64",
        "score_quoted": "float64",
        "voices": "str",
        "why": "str",
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
        "voice_kind": "str",
        "role": "str",
        "reason": "str",
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
        "how": "str",
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
