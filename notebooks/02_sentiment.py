# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · The tone of a news story, sentence by sentence
#
# How negative is a wire story about North Korean defectors, where does the darkness sit, and who
# supplies it — the reporter or the people quoted? This notebook reads the seed article (Sam Kim,
# Associated Press, March 2012) with `analysis.sentiment`.
#
# Three readings of every sentence:
#
# * **VADER** (NLTK's rule-based analyser, reproduced exactly and faster by the package) — a
#   word list with rules for negation ("not good"), boosters ("very good"), capitals, "but" and "!".
# * **TextBlob** — a second, independent word list (pattern's adjectives), with a subjectivity score.
# * **polarity** — the package's own score: VADER's signals combined with a word model fitted on
#   human-rated sentences, including 6,000 news sentences. On held-out news sentences it agrees with
#   human judgement clearly better than plain VADER (table at the end).
#
# Scores run from -1 (negative) to +1 (positive); between -0.05 and +0.05 a sentence counts as neutral.

# %%
import os
import pathlib

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

import pandas as pd

from analysis import figures, sentiment
from analysis.article import load_article
from analysis.quotes import extract_quotes

pd.set_option("display.max_colwidth", 110)
pd.set_option("display.width", 160)

article = load_article("seeds/000_de93c8312eb4da64.txt")

# %% [markdown]
# ## One row per sentence
#
# `sentence_table` scores every sentence the article model found (it never re-splits the text), with
# offsets back into the article. `agreement` counts how many of the three readings share the label of
# `polarity`: 3 means VADER, TextBlob and polarity all agree — a reading one can lean on.
# Quotations come from `analysis.quotes.extract_quotes`; a sentence is in the **quoted** voice when at
# least half of it lies inside a quotation or attributed statement.

# %%
quotes = extract_quotes(article.text)
sentences = sentiment.sentence_table(article, quotes=quotes)
sentences[["sentence", "paragraph", "vader_compound", "textblob_polarity", "polarity", "label", "agreement", "voice", "text"]]

# %% [markdown]
# ## The sentiment arc
#
# The story opens in a dark register — Pyongyang's own words, "human scum" and "grave provocation" —
# drifts through neutral diplomatic narrative and figures, darkens again with the "constant fear of
# forced repatriation" quoted from the State Department report and the "currently stalled" talks,
# and ends on its darkest sentence: the anonymous official's warning that Chinese diplomats "could
# be annoyed". Dotted lines mark
# paragraph breaks; the dashed line is plain VADER, which swings much harder than `polarity`. Each dot is a
# sentence, coloured by its `polarity` label (the legend under the chart).

# %% tags=["main-figure"]
fig = figures.sentiment_arc(sentences, title="Seed article: sentiment arc (polarity, with VADER dashed)")
figures.export(fig, "02_sentiment_arc")

# %% [markdown]
# ## Which paragraphs are darkest?
#
# `paragraph_table` averages the sentences of each paragraph and names each paragraph's darkest
# sentence. Sorted from darkest to brightest:

# %%
paragraphs = sentiment.paragraph_table(article, sentences)
paragraphs.sort_values("mean_polarity")[["paragraph", "n_sentences", "mean_polarity", "min_polarity", "mean_vader_compound", "share_negative", "text"]].head(5)

# %%
fig = figures.paragraph_heatmap(paragraphs, title="Seed article: sentiment by paragraph")
figures.export(fig, "02_paragraph_heatmap")

# %% [markdown]
# ## Why did a sentence score the way it did?
#
# Every VADER score can be checked word by word. `explain_table` lists the words that moved the score:
# their lexicon valence, the boosters and negations that modified them, the "but" factor, and the final
# contribution. Take the paragraph VADER finds darkest after the lead:

# %%
print(sentences.loc[6, "text"])
sentiment.explain_table(sentences.loc[6, "text"])[["word", "role", "lexicon_valence", "boosters", "negations", "but_factor", "valence"]]

# %% [markdown]
# VADER's lexicon was built from social media, where "defectors" and "war" are emotional words. Here
# they are the facts of the story: the sentence simply counts arrivals. VADER calls it strongly
# negative (compound -0.74); `polarity`, which learned from news sentences that such vocabulary is
# usually neutral reporting, keeps it in the neutral zone. TextBlob even reads it as positive ("more" counts as
# positive for pattern): the readings disagree, and `agreement` is 1 — a flag to read that sentence
# yourself.
#
# The State Department sentence is different: every reading agrees that it is negative.

# %%
print(sentences.loc[10, "text"])
sentiment.explain_table(sentences.loc[10, "text"])[["word", "role", "lexicon_valence", "boosters", "negations", "but_factor", "valence"]]

# %% [markdown]
# VADER's rules at work on an invented sentence: "not" flips "successful" (x -0.74), and "but" halves
# what comes before it and multiplies what follows by 1.5, so VADER ends up positive. `polarity`
# weighs the failed talks more and calls the sentence mildly negative.

# %%
example = "The talks were not very successful, but officials remain hopeful."
print(sentiment.vader_scores(example), "polarity:", round(sentiment.polarity(example), 3))
sentiment.explain_table(example)[["word", "role", "lexicon_valence", "boosters", "negations", "but_factor", "valence"]]

# %% [markdown]
# ## How confident is the article-level reading?
#
# With 16 sentences, an article average is uncertain. `article_summary` bootstraps the sentences
# (1,000 resamples, fixed seed) and reports 95% intervals. The story leans negative on `polarity`
# and VADER, with intervals that stay below zero; TextBlob's interval straddles zero.

# %%
summary = sentiment.article_summary(article, n_boot=1000, seed=0, sentences=sentences)
summary.round(3)

# %% [markdown]
# ## Quoted voices against the reporter's own
#
# The reporter's own sentences are close to neutral on average; the darkness comes from the quoted
# and attributed sources — Pyongyang's rhetoric, the State Department report, the anonymous official.
# With 16 sentences this is a description of one story, not a finding about the AP.

# %%
sentences.groupby("voice")[["polarity", "vader_compound", "textblob_polarity", "textblob_subjectivity"]].agg(["mean", "count"]).round(3)

# %%
fig = figures.sentiment_by_voice(sentences, title="Seed article: sentiment by voice")
figures.export(fig, "02_sentiment_by_voice")

# %% [markdown]
# ## Two word lists, two opinions
#
# VADER and TextBlob often disagree on news. TextBlob's word list is mostly adjectives and counts
# quantity words as positive ("more" and "most" score +0.5); VADER hears emotion words ("fear", "war",
# "defectors"). Each dot is a sentence, coloured by the label of `polarity`.

# %%
fig = figures.vader_vs_textblob(sentences, title="Seed article: VADER vs TextBlob")
figures.export(fig, "02_vader_vs_textblob")

# %% [markdown]
# ## How good is `polarity`? (measured, not run here)
#
# `python benchmarks/eval_sentiment.py` scores held-out human-rated sentences that `polarity` never saw
# in training (20% of each training set by a fixed hash, plus the NewsMTSC `devtest_mt` file, never
# trained on). Pearson r against the human rating (rating/4; for NewsMTSC, 0.5 × the mean of the
# target labels as -1/0/+1) and 3-class macro-F1 with ±0.05 thresholds:
#
# | set | n | r polarity | r VADER | r TextBlob | F1 polarity | F1 VADER | F1 TextBlob |
# |---|---:|---:|---:|---:|---:|---:|---:|
# | tweets | 840 | 0.897 | 0.890 | 0.704 | 0.739 | 0.726 | 0.565 |
# | movies | 2090 | 0.666 | 0.421 | 0.412 | 0.488 | 0.406 | 0.382 |
# | amazon | 757 | 0.731 | 0.552 | 0.465 | 0.595 | 0.531 | 0.440 |
# | newsmtsc | 1564 | 0.575 | 0.427 | 0.211 | 0.567 | 0.526 | 0.423 |
# | devtest_mt | 721 | 0.552 | 0.363 | 0.187 | 0.563 | 0.529 | 0.398 |
#
# `polarity` runs about 2.5 times faster than NLTK's VADER, and the package's `vader_scores` gives
# NLTK's numbers exactly, about 5 times faster.
