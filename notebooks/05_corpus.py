# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · A whole corpus at once
#
# The earlier notebooks read one article closely. Here the same analyses run over a whole folder of
# articles, and we look at the corpus as a researcher would: what it covers, how coverage moves over
# time, how each government is written about, who gets quoted, and how often sources go unnamed.
#
# **Which corpus.** The notebook reads the folder named by the environment variable
# `NEWS_ANALYSIS_CORPUS`. Without it, it uses the BBC corpus (2,225 articles from 2004–05) in
# `../shared/data/news_corpus/bbc` when that folder exists, and the `seeds/` folder otherwise.
# To keep the notebook quick it analyses a sample of about `NEWS_ANALYSIS_CORPUS_SAMPLE` articles
# (default 300) spread evenly over the corpus (every k-th article); set it to `0` for all of them.
#
# The same run from a terminal, for a corpus of any size (it shows a progress bar, can use several
# processes or a Dask cluster, and resumes if interrupted):
#
# ```
# python -m analysis analyze ../shared/data/news_corpus/bbc --out results/bbc --jobs 4
# ```

# %%
import os
import pathlib

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

# %%
from analysis import corpus_views as views
from analysis import figures
from analysis.pipeline import registered_analyses
from analysis.runner import read_tables, run_corpus

corpus = views.default_corpus()
sample = int(os.environ.get("NEWS_ANALYSIS_CORPUS_SAMPLE", "300")) or None
results = pathlib.Path("results/corpus") / f"{corpus.name}-{sample or 'all'}"
print(f"corpus: {corpus}\nsample: {sample or 'all articles'}\nresults: {results}\nanalyses: {', '.join(registered_analyses())}")

# %% [markdown]
# ## Running the analyses
#
# `run_corpus` reads the articles one at a time, analyses them and saves the results in small shards
# under `results/`. Running the notebook again reuses the saved shards.

# %%
summary = run_corpus(corpus, results, sample=sample, progress=False)
print(summary)

# %%
tables = read_tables(results)
views.corpus_overview(tables).to_frame()

# %% [markdown]
# ## What the corpus covers
#
# For a corpus stored in sub-folders (the BBC's `business/`, `politics/`, `sport/` ...) the folder is the
# article's category; otherwise the publisher (`source`) is used. The table after the chart compares
# the categories on length and readability (medians; see notebook 01 for what the measures mean).

# %%
articles = views.add_category(tables["articles"])
fig = figures.plot_articles_per_category(views.articles_per_category(articles))
figures.export(fig, "05_articles_per_category")

# %%
measures = [c for c in ("n_words", "mean_sentence_length", "flesch_reading_ease", "ttr") if c in articles]
articles.groupby("category")[measures].median().round(2).add_prefix("median ")

# %% [markdown]
# ## Coverage over time
#
# Articles per month and category. Only articles whose header or record carries a publication date
# count; the BBC files have none, so the chart says so.

# %%
fig = figures.plot_articles_over_time(views.articles_over_time(articles))
figures.export(fig, "05_articles_over_time")

# %% [markdown]
# ## Stance toward each government
#
# For every government an article mentions, the stance analysis scores how the article writes about it
# (below zero: critical; above zero: favourable). The chart averages those scores across articles; the
# number in brackets is how many articles mention that government.

# %%
if "stance" in tables and len(tables["stance"]):
    stance = views.stance_by_government(tables["stance"])
    display(stance.head(15))
    figures.export(figures.plot_stance_by_government(stance), "05_stance_by_government")
else:
    print("No stance table in this run (the stance analysis is not registered yet).")

# %%
if "stance" in tables and len(tables["stance"]):
    fig = figures.plot_stance_over_time(views.stance_over_time(tables["stance"], articles))
    figures.export(fig, "05_stance_over_time")

# %% [markdown]
# ## Who is quoted
#
# The most-quoted named sources across the corpus, with their most common role and affiliation,
# and the share of quotes attributed to unnamed sources ("an official said", "diplomats said").

# %%
if "quotes" in tables and len(tables["quotes"]):
    top = views.top_sources(tables["quotes"], n=15)
    display(top)
    figures.export(figures.plot_top_sources(top), "05_top_sources")
else:
    print("No quotes table in this run (the quote analysis is not registered yet).")

# %%
if "quotes" in tables and len(tables["quotes"]):
    share = views.anonymous_share(tables["quotes"], articles, by="category")
    display(share)
    figures.export(figures.plot_anonymous_share(share), "05_anonymous_share")

# %% [markdown]
# ## Articles that could not be read
#
# Nothing is dropped silently: every file or record that could not be read or analysed is listed with
# the reason (for the BBC folder, its README file).

# %%
tables["errors"]
