# ---
# jupyter:
#   jupytext:
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
# # 05 · Many articles, many outlets: who each outlet quotes and how it portrays governments
#
# Who seven US outlets quote, how often they rely on unnamed sources and how they portray the governments
# they mention, month by month, in 605 articles on the 2016 campaign. The earlier notebooks read
# one article closely; here the same analyses run over a corpus of dated articles from several outlets, and
# every number comes with its uncertainty.
#
# **Which corpus.** By default PolNeAR (`../shared/data/quotes/polnear`): 605 articles on the 2016 US
# presidential campaign from seven US outlets (Breitbart, HuffPost, The New York Times, Politico, USA Today,
# The Washington Post, Western Journal), November 2015 to September 2016, with each article's outlet and date
# in the corpus's `metadata.tsv`. When PolNeAR is absent, the BBC corpus (`../shared/data/news_corpus/bbc`,
# 2,225 undated articles in five topic folders) is used, and the `seeds/` folder when both are. The
# environment variable `NEWS_ANALYSIS_CORPUS` names another folder or JSONL/CSV file.
#
# **How big.** PolNeAR is analysed whole (about half a minute on one core). The BBC corpus is sampled: about
# `NEWS_ANALYSIS_CORPUS_SAMPLE` articles (default 300) spread evenly over it; set the variable to `0` for all
# articles, or to a number to sample PolNeAR too.

# %%
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

import pandas as pd

from analysis import corpus_views as views
from analysis import datasets, figures
from analysis.runner import read_tables

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 60)

corpus = views.default_corpus()
work = pathlib.Path(os.environ.get("NEWS_ANALYSIS_RESULTS", "results")) / "corpus"
if datasets.is_polnear(corpus):
    # the articles are .txt files and their outlet and date are in metadata.tsv: join them into one JSONL file
    runner_input = datasets.polnear_to_jsonl(corpus, work / "polnear.jsonl")
    group, group_name = "source", "outlet"
    default_sample = "0"
else:
    runner_input, group, group_name, default_sample = corpus, "category", "category", "300"
sample = int(os.environ.get("NEWS_ANALYSIS_CORPUS_SAMPLE", default_sample)) or None
# results are kept per version of the analysis code (a digest of the package's files), so an edit to an
# analysis never reuses results computed before it; results of older versions are removed
code = hashlib.sha256()
for source in sorted(pathlib.Path("analysis").rglob("*")):
    if source.is_file() and source.suffix in (".py", ".json", ".npz", ".toml", ".tsv", ".txt"):
        code.update(source.as_posix().encode() + source.read_bytes())
name = f"{corpus.name}-{sample or 'all'}"
results = work / f"{name}-{code.hexdigest()[:10]}"
for older in work.glob(f"{name}-*"):
    if older.is_dir() and older != results:
        shutil.rmtree(older)
print(f"corpus:  {corpus}\ninput:   {runner_input}\nsample:  {sample or 'all articles'}\nresults: {results}")

# %% [markdown]
# ## Running the analyses with the command line
#
# The corpus goes through the same command a user runs in a terminal. It reads the articles one at a time,
# analyses each once, and saves the results in shards under `results/` (not part of the repository); running
# the notebook again with the same code reuses them. For a big corpus add `--jobs 4` or `--dask local`.

# %%
command = [sys.executable, "-m", "analysis", "analyze", str(runner_input), "--out", str(results), "--no-progress"]
if sample:
    command += ["--sample", str(sample)]
print("$ python -m analysis analyze", " ".join(command[4:]))
run = subprocess.run(command, capture_output=True, text=True)
if run.returncode != 0 and "holds results of a different run" in run.stderr:
    print("(results of an older version of the analyses were in the way: starting afresh)")
    shutil.rmtree(results)
    run = subprocess.run(command, capture_output=True, text=True)
if run.returncode != 0:
    raise RuntimeError(f"the corpus run failed:\n{run.stderr}")
print(run.stdout)

# %%
tables = read_tables(results)
articles = views.add_category(tables["articles"])
if group == "source":
    articles["source"] = articles["source"].fillna("unknown")
quotes, stance = tables.get("quotes", pd.DataFrame()), tables.get("stance", pd.DataFrame())
views.corpus_overview(tables).to_frame()

# %% [markdown]
# ## What the corpus covers
#
# Articles per outlet (or per topic folder for the BBC corpus), and per month. Only articles whose record or
# header carries a publication date count in the second chart.

# %%
figures.export(
    figures.plot_articles_per_category(
        views.articles_per_category(articles.assign(category=articles[group])),
        title=f"Articles per {group_name}",
    ),
    "05_articles_per_category",
)

# %%
over_time = views.articles_over_time(articles.assign(category=articles[group]))
if over_time.empty:
    print(
        "No chart of articles over time: no article of this corpus carries a publication date "
        "(the BBC files have none)."
    )
else:
    figures.export(figures.plot_articles_over_time(over_time, title=f"Articles per month and {group_name}"), "05_articles_over_time")

# %% [markdown]
# ## Who each outlet quotes
#
# Every attribution (a quote, a paraphrase, an "according to") has a source, typed by the extractor: a
# person, a government or official, a document, an expert, an activist group, the media, an organisation,
# an anonymous source, or unknown when no source could be resolved. The shares say whose voices an outlet
# builds its stories from; `n` is the number of attributions behind each bar.

# %%
types = views.source_types(quotes, articles, by=group)
display(types.round(3))
figures.export(figures.plot_source_types(types, title=f"Who is quoted, per {group_name}: source types"), "05_source_types")

# %% [markdown]
# **Anonymous sources.** The share of attributions whose source is unnamed ("an official said", "sources
# familiar with", "speaking on condition of anonymity"), with a 95% interval (Wilson) and the counts. The
# extractor flags a source as anonymous only when the text says so or names no one, so these shares are a
# lower bound.

# %%
share = views.anonymous_share(quotes, articles, by=group)
display(share.round(4))
figures.export(figures.plot_anonymous_share(share, title=f"Attributions to anonymous sources, per {group_name}"), "05_anonymous_share")

# %% [markdown]
# **The most-quoted named sources**, across the corpus and per outlet. Speakers are merged as a reader would
# merge them ("Donald J. Trump", "Mr. Trump" and "Trump" are one source when the article or corpus names him),
# and descriptions that name no one ("The", "the report", "prime minister") are left out of these two
# tables; they still count above. A name that is a place ("New York") is a pronoun the extractor resolved to
# the wrong antecedent: open the article's evidence view (`analysis.views.show(article)`) to see such cases.

# %%
top = views.top_sources(quotes, n=20)
figures.export(figures.plot_top_sources(top, title="Most-quoted named sources (bars: attributions)"), "05_top_sources")

# %%
per_group = views.top_sources_by(quotes, articles, by=group, n=5)
per_group.pivot(index="rank", columns=group, values="speaker")

# %% [markdown]
# ## How each outlet portrays the governments it mentions
#
# For every government an article mentions as a government (not as a place: "in Mexico" is left out), the
# stance analysis averages the target sentiment of its mentions, from −1 (negative) to +1 (positive). Below,
# those article scores are averaged over the articles that mention each government, with a 95% bootstrap
# interval over articles and the number of articles. Office-holders are read against each article's date
# (the gazetteer's `leader_years`): in 2015-16 "Donald Trump" and "Hillary Clinton" are candidates, not the
# US government, so the United States row is Washington, the Obama administration and its institutions
# (without the date rule it counted 8,338 mentions in 603 articles, now about 2,400 in 380). Other
# governments are mentioned in far fewer articles and their intervals are wide.

# %%
by_government = views.stance_by_government(stance)
display(by_government.head(12).round(3))
figures.export(
    figures.plot_stance_by_government(by_government, title="How the corpus portrays each government (12 most covered)", n=12),
    "05_stance_by_government",
)

# %% tags=["main-figure"]
leaders = by_government.index[:6].tolist()
by_outlet = views.stance_by_group(stance, articles, by=group, governments=leaders)
figures.export(
    figures.plot_stance_by_group(by_outlet, by=group, title=f"Stance toward the 6 most-covered governments, per {group_name}"),
    "05_stance_by_outlet",
)

# %% [markdown]
# Read the panels with their intervals: a dot whose bar crosses another outlet's bar is not a difference the
# corpus can show, and a dot without a bar stands for fewer than five articles (too few for an interval).
# The outlet-by-outlet differences the data do support are in the table below: pairs of outlets whose
# intervals for the same government do not overlap.

# %%
rows = []
for government, part in by_outlet.dropna(subset=["ci_low"]).groupby("government"):
    part = part.sort_values("mean_score")
    for _, low in part.iterrows():
        for _, high in part.iterrows():
            if low["ci_high"] < high["ci_low"]:
                rows.append(
                    {
                        "government": government,
                        f"more negative {group_name}": f"{low[group]} ({low['mean_score']:+.2f}, n={low['articles']})",
                        f"more positive {group_name}": f"{high[group]} ({high['mean_score']:+.2f}, n={high['articles']})",
                    }
                )
pd.DataFrame(rows) if rows else print("No two outlets differ beyond their intervals for any of these governments.")

# %% [markdown]
# ## Over time
#
# Month by month, for the three governments mentioned in the most articles: the mean stance with its 95%
# interval (the band) and, below, the number of articles behind each point; months with fewer than three
# articles mentioning a government are left out. A change is only worth reading when the bands of two months
# do not overlap.

# %%
rounded = {"mean_score": 3, "ci_low": 3, "ci_high": 3}
over_time = views.stance_over_time(stance, articles, governments=leaders[:3], min_articles=3)
dated = int(articles["published"].notna().sum())
why = (
    "no article of this corpus carries a publication date (the BBC files have none)"
    if dated == 0
    else f"no month has 3 or more of the {dated} dated articles mentioning these governments"
)
if over_time.empty:
    print(f"No chart of stance over time: {why}.")
else:
    display(over_time.round(rounded))
    figures.export(figures.plot_stance_over_time(over_time, n=3), "05_stance_over_time")

# %% [markdown]
# The government every article mentions, quarter by quarter and outlet by outlet: does an outlet's tone move
# as the campaign goes from the primaries (first half of 2016) to the conventions (July 2016)?

# %%
per_outlet = views.stance_over_time(stance, articles, freq="QS", by=group, governments=leaders[:1], min_articles=3)
if per_outlet.empty:
    print(f"No chart of stance over time per {group_name}: {why.replace('month', 'quarter')}.")
else:
    display(per_outlet.pivot(index="period", columns=group, values="mean_score").round(3))
    figures.export(
        figures.plot_stance_over_time(
            per_outlet, n=8, series=group, title=f"Stance toward {leaders[0]}, per quarter and {group_name}"
        ),
        "05_stance_over_time_by_outlet",
    )

# %% [markdown]
# ## Articles that could not be read
#
# Nothing is dropped silently: every file or record that could not be read or analysed is listed with the
# reason (for the BBC folder, its README file).

# %%
tables["errors"] if len(tables["errors"]) else print("Every article was read and analysed.")

# %% [markdown]
# ## What these numbers can and cannot say
#
# - **Attribution** is learned from PolNeAR (F1 about 0.79 on held-out PolNeAR articles; see notebook 03):
#   it finds quotations in quotation marks well and paraphrase less well, so counts are lower bounds, and a
#   wrongly resolved pronoun can credit a quote to the wrong name. The shipped model was trained on these
#   605 articles, so on this corpus its attributions are closer to the annotation than on a corpus it has
#   never seen: read the counts here as the tool's best case.
# - **Stance** is the mean target sentiment of a government's mentions (macro-F1 0.69 per mention on NewsMTSC,
#   notebook 04): it describes the words around a mention, which in campaign coverage are often about the
#   campaign rather than the government; the candidates themselves are not counted as the government.
# - **Differences** between outlets or months are only worth reporting where the intervals do not overlap,
#   and the corpus is 605 articles: about 85 per outlet and 55 per month.
