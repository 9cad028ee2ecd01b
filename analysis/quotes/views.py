"""Tables of attributions: one row per quote, one row per source, and the pipeline's ``quotes`` table."""

from __future__ import annotations

from dataclasses import asdict, fields

from .build import Quote

__all__ = ["TABLES", "quote_records", "quote_table", "source_summary"]


def quote_table(quotes: list[Quote]):
    """One row per attribution (all :class:`Quote` fields plus ``words``).

    >>> from analysis.quotes import extract_quotes
    >>> quote_table(extract_quotes('"Yes," he said.')).columns[:3].tolist()
    ['text', 'start', 'end']
    """
    import pandas as pd

    rows = []
    for q in quotes:
        row = asdict(q)
        row["words"] = q.words
        rows.append(row)
    columns = [f.name for f in fields(Quote)] + ["words"]
    return pd.DataFrame(rows, columns=columns)


def source_summary(quotes: list[Quote]):
    """One row per source: mentions, words quoted, type, affiliation, anonymous, first position (0..1).

    ``words_quoted`` counts the words of every attribution (quoted or paraphrased); ``with_quote_marks``
    counts the attributions that are direct or mixed. Sources are the resolved speakers; attributions with no
    resolved speaker are grouped as "(unresolved)". Sorted by words quoted, then mentions.

    >>> from analysis.quotes import extract_quotes
    >>> quotes = extract_quotes('"We will win," Lee said. Lee added that it would take time.')
    >>> row = source_summary(quotes).iloc[0]
    >>> (row["speaker"], int(row["mentions"]), int(row["words_quoted"]), int(row["with_quote_marks"]))
    ('Lee', 2, 8, 1)
    """
    import pandas as pd

    table = quote_table(quotes)
    columns = [
        "speaker",
        "mentions",
        "words_quoted",
        "with_quote_marks",
        "speaker_type",
        "affiliation",
        "anonymous",
        "first_position",
    ]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["speaker"] = table["speaker"].fillna("(unresolved)")
    table["is_direct"] = table["kind"] != "indirect"
    grouped = table.groupby("speaker", sort=False)
    summary = pd.DataFrame(
        {
            "mentions": grouped.size(),
            "words_quoted": grouped["words"].sum(),
            "with_quote_marks": grouped["is_direct"].sum(),
            "speaker_type": grouped["speaker_type"].agg(lambda s: s.mode().iloc[0]),
            "affiliation": grouped["affiliation"].agg(
                lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None
            ),
            "anonymous": grouped["anonymous"].any(),
            "first_position": grouped["position"].min(),
        }
    ).reset_index()
    return summary.sort_values(["words_quoted", "mentions"], ascending=False, ignore_index=True)[columns]


#: Schema of the table :func:`quote_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "quotes": {
        "quote": "int64",
        "text": "str",
        "start": "int64",
        "end": "int64",
        "kind": "str",
        "cue": "str",
        "cue_start": "int64",
        "cue_end": "int64",
        "speaker": "str",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "speaker_type": "str",
        "affiliation": "str",
        "anonymous": "bool",
        "mention": "str",
        "paragraph": "int64",
        "position": "float64",
        "verb_class": "str",
        "speaks_for": "str",
        "confidence": "float64",
        "words": "int64",
    }
}


def quote_records(context) -> dict[str, list[dict]]:
    """The ``quotes`` table: one row per attribution of ``context.quotes``, numbered by ``quote``.

    >>> from analysis.context import ArticleContext
    >>> rows = quote_records(ArticleContext.of('"We will not yield," the ministry said.'))["quotes"]
    >>> [(r["quote"], r["text"], r["speaker"], r["kind"]) for r in rows]
    [(0, '"We will not yield,"', 'ministry', 'direct')]
    """
    columns = [c for c in TABLES["quotes"] if c not in ("quote", "words")]
    return {
        "quotes": [
            {"quote": i, **{c: getattr(q, c) for c in columns}, "words": q.words}
            for i, q in enumerate(context.quotes)
        ]
    }
