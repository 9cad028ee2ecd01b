# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Quoted sources: who speaks in the story, how much, where, and on whose behalf
#
# A news story is largely built from what other people said. Which voices a reporter lets in, how many
# words each one gets, whether they speak in their own words or are paraphrased, and who is allowed to
# speak without a name are some of the most telling choices in journalism.
#
# This notebook reads the project's seed, an Associated Press story from March 2012 by Sam Kim,
# *"NKorean defectors in China a sore point in Seoul"*, and lists every **attribution**: a passage the
# article presents as coming from a source (a quote, a paraphrase, an estimate, "according to ..."), with
#
# - the **content** (what was said) and its **kind**: *direct* (fully inside quotation marks), *mixed*
#   (a paraphrase that carries a partial quote, like calls defectors "human scum") or *indirect*;
# - the **cue**, the reporting verb or phrase ("said", "according to", "played down");
# - the **speaker** as written and resolved to the full name named earlier ("he" and "Kim" back to the
#   right Kim), with its **type** (government, document, expert, activist group, media, anonymous source,
#   person, organisation), its **affiliation** (the country or organisation it belongs to) and, for
#   government voices only, whom it **speaks for**.
#
# Everything is computed by `analysis.quotes`, an extractor trained on hand-annotated news (PolNeAR) over the
# spaCy parse; the cells only call it.

# %%
import os
import pathlib

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

import pandas as pd

from analysis import figures
from analysis.article import load_article
from analysis.quotes import quote_table, quotes_for_article, source_summary

pd.set_option("display.max_colwidth", 70)
pd.set_option("display.width", 160)
article = load_article("seeds/000_de93c8312eb4da64.txt")
quotes = quotes_for_article(article)
table = quote_table(quotes)
len(quotes)

# %% [markdown]
# ## 1. Every attribution in the story
#
# One row per attribution, in reading order. `mention` is the speaker as the text names it at that
# point; `speaker` is who that is (one canonical name per source: "the State Department report" is the
# report named in full earlier). Note the last two rows: one anonymous official makes two statements
# in one sentence (he *played down* one thing *but said* another), so the table has two attributions
# with the same source.

# %%
table[["paragraph", "kind", "cue", "mention", "speaker", "speaker_type", "affiliation", "anonymous", "text"]]

# %% [markdown]
# Three rows have no speaker. They are attributions in the sense of the annotated corpus the extractor
# learned from: "Seoul *is expected to* seek help" (an expectation with no source named) and a deal
# "*announced* last week" (an announcement whose source the story does not name); and "China *fears*
# that ..." is a thought the story attributes to China inside Kim Sung-joo's paraphrase, so it appears
# twice: as China's fear, and as what Kim says.
#
# Two things the extractor does **not** count:
#
# - the byline ("By Sam Kim") and "Follow Sam Kim on Twitter": the reporter is the author, not a source
#   (the loader already set those lines aside here, and the extractor skips such lines in raw text too);
# - "South Korean Foreign Minister Kim Sung-hwan *raised the issue* in a recent meeting": this reports an
#   action, not what he said, so there is no content to attribute. The minister is *mentioned*, but the
#   story never gives him a voice.

# %% [markdown]
# ## 2. Who gets a voice, and how much
#
# The summary groups attributions by resolved source: how often each one speaks, how many words are
# attributed to it, how many of those attributions carry quotation marks, its type and affiliation, and
# where in the story it first speaks (0 = top, 1 = end).

# %%
summary = source_summary(quotes)
summary

# %%
fig = figures.voices_chart(summary, title="Who gets a voice in the seed story (words attributed)")
figures.export(fig, "03_voices")

# %% [markdown]
# The story is told mostly through **official and documentary sources**: the South Korean government
# (the Unification Ministry and an unnamed Foreign Ministry official), the U.S. State Department's human
# rights report, and North Korea, which speaks only through what it "calls" defectors and what its
# government-run website "called" the campaign. One independent expert, Kim Sung-joo, supplies the
# analysis of China's motives; activist groups appear once, as the source of a number.
#
# No defector, and no Chinese official, is given a voice, although China's position is the subject of
# the story: China's fears are attributed to China (the row "China", a thought, not a statement), but only
# inside the Korean professor's paraphrase. "(unresolved)" collects the attributions that name no source
# (an expectation and an announcement).

# %% [markdown]
# ## 3. Where in the article each source speaks
#
# News stories are written in inverted-pyramid order, so position is emphasis: what comes first is what
# the editor wants read. Each mark is one attribution; circles are direct quotes, diamonds mixed
# quotes, squares paraphrase.

# %%
fig = figures.quote_positions(table, title="Where in the seed story each source speaks")
figures.export(fig, "03_quote_positions")

# %% [markdown]
# North Korea's own words open the story, framed by the agency through two short partial quotes
# ("human scum", "grave provocation"). The South Korean and U.S. government sources supply the facts in
# the middle; the expert and the anonymous official close it.

# %% [markdown]
# ## 4. Direct quotation versus paraphrase
#
# Whether a source speaks in its own words matters: quotation marks hand the source the microphone,
# paraphrase keeps the reporter's wording. In this story nobody is quoted at length; the only quotation
# marks are the two fragments attributed to North Korea and one phrase from the State Department report.

# %%
table.groupby(["kind", "speaker_type"]).size().unstack(fill_value=0)

# %% [markdown]
# ## 5. Who speaks without a name, and on whose behalf
#
# An anonymous source asks the reader to trust the reporter's judgement. The extractor flags a source as
# anonymous when it is an unnamed official, diplomat, aide or "sources", or when the story says so
# ("speaking on condition of anonymity", "who asked not to be named"), and keeps its affiliation when the
# story states it.

# %%
table.loc[table["anonymous"], ["cue", "mention", "affiliation", "speaks_for", "text"]]

# %% [markdown]
# Affiliation and voice are not the same thing. `affiliation` says where a source belongs (the professor
# works at a Seoul university, so South Korea); `speaks_for` is set only for the voices of a government
# (its ministries and officials, an anonymous official of its foreign ministry, its state media). Kim
# Sung-joo is an academic: he is *from* South Korea, he does not speak *on behalf of* it.

# %%
table[["mention", "speaker_type", "affiliation", "speaks_for"]].drop_duplicates()

# %%
fig = figures.affiliation_chart(table, title="Where the seed story's sources belong (affiliation, by type)")
figures.export(fig, "03_affiliations")

# %% [markdown]
# Here the only anonymous voice is an official at Seoul's Foreign Ministry, who gets the last word of
# the story, and who speaks for South Korea; the story gives the reason for the anonymity ("because it
# is department policy"). South Korea is the affiliation with the most attributions (four: its government,
# the anonymous official twice and the Seoul-based professor, who is not a government voice), then the
# United States (one document, cited twice) and North Korea (two, both about defectors); the activist
# groups' affiliation is not stated.

# %% [markdown]
# ## 6. How far to trust the extractor
#
# The extractor learned its decisions from PolNeAR, 1,008 U.S. political news articles from 2015-16 whose
# attributions were annotated by hand; we have 605 of them. Three logistic-regression models over the
# spaCy parse decide which words are reporting cues, which span is the content and which noun phrase (or
# none) is the source; rules around them join split quotes, continue quotes over the following sentences,
# resolve pronouns and names, and type the sources; a fourth model, on surface features only, picks the
# sentences worth parsing (about 60% of them). The shipped models are trained on all 605 articles; the
# figures below come from the same training on 411 of them, measured with
# `benchmarks/eval_quotes.py`: a prediction counts as correct when its content overlaps a hand-annotated one
# by at least half of the shorter span. "Dev" figures come from 5-fold cross-validation over the 411 (each
# article predicted by models that never saw it); "held-out" ones from the other 194 articles, which that
# training never read:
#
# | | F1 dev (CV) | F1 held-out | rules it replaced (held-out) | human annotators |
# |---|---|---|---|---|
# | all attributions | 0.76 | 0.79 | 0.73 | 0.82 |
# | with quotation marks | 0.93 | 0.94 | 0.91 | 0.97 |
# | paraphrase only | 0.68 | 0.71 | 0.62 | 0.76 |
# | speaker right (of matched) | 0.91 | 0.92 | 0.90 | 0.91 |
# | boundaries: overlap by 80% of the longer span (F1@80) | 0.55 | 0.57 | (not measured) | 0.65 |
#
# (Dev figures from `benchmarks/quote_boundaries.py`, out of fold; where paraphrases are lost, stage by
# stage, from `benchmarks/quote_errors.py`: a fifth of them are cues the model rejects, PolNeAR's broad
# "want", "support", "be"; an indirect attribution nested in a stronger one's content, "Kim said she
# refused ...", which PolNeAR seldom annotates, is dropped.) The boundaries are where the model is
# furthest from the annotators: of the dev attributions matched at 50% but not at 80%, the largest groups
# are split quotes ("A," he said, "B") of which only one piece is found (about 410), and extra or missing words
# at the start of the content (about 600).
#
# It finds more than the rules did (recall 0.74 against 0.63), mostly paraphrase, at a lower precision
# (0.81 against 0.85). What it still misses is PolNeAR's long tail: actions reported as stances ("was
# hit by", "took a shot at"), nouns ("his frustration with"), and attributions whose source is in another
# sentence. Each attribution has a `verb_class` saying what is reported, "speech" (said, according to),
# "thought" (believes, sees X as), "intention" (wants, plans to), "stance" (supports, opposes), "inference"
# (seems, appears to, is expected to) or "other" (a noun: "his claim that ..."); filter on
# `verb_class == "speech"` to count only who is reported as speaking.
#
# Why a quote was or was not found: `explain_quotes` lists every candidate word with the model's probability
# and the strongest features behind each decision.

# %%
from analysis.quotes import explain_quotes

pd.DataFrame(explain_quotes("Kim Sung-joo said China was worried. The talks, he added, were over."))[
    ["cue", "probability", "decision", "speaker", "reason"]
]

# %% [markdown]
# An example of the classes on two invented sentences:

# %%
from analysis.quotes import extract_quotes

quote_table(extract_quotes("Trump wants to build a wall on the border. Many voters see Clinton as the stronger "
                           "candidate. The race seems closer than the polls suggest."))[["cue", "verb_class", "speaker", "text"]]

# %% [markdown]
# ## 7. Check it on the text: the evidence view
#
# Every attribution of this notebook drawn on the article itself, one colour per source: hover over a
# highlighted passage for its source, type, affiliation, cue and kind; the cue words and the speaker's mention
# are underlined in the source's colour, and the government mentions are boxed (notebook 04). The same view of
# any article: `analysis.views.show(article)` in a notebook, `analysis.views.write_evidence(article,
# "page.html")` for a file, or `python -m analysis info FILE --evidence page.html`.

# %%
from analysis import load_article, views

views.show(load_article("seeds/000_de93c8312eb4da64.txt"))
