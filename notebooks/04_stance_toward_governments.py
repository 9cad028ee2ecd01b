# ---
# jupyter:
#   jupytext:
#     formats: py:percent,ipynb
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
# # 04 · Stance toward governments
#
# A news story about North Korean defectors is also a story about governments: who acts, who is acted upon,
# who is blamed and who is asked for help. This notebook reads the seed article (AP, March 2012, "NKorean
# defectors in China a sore point in Seoul") the way a media researcher would, with five questions:
#
# 1. **Which governments does the article involve?** Not every "China" is the Chinese government:
#    "North Koreans living in China" names a place, "North Korean defectors" names people, "England beat
#    Wales" names teams, "the US economy" an economy. Each decision is kept with its reason.
# 2. **How is each portrayed?** For every mention we ask what *that sentence* says about *that government*
#    (target-dependent sentiment, not the tone of the sentence as a whole), then sum up per government with a
#    bootstrap interval, and say when the evidence is too thin to carry a label.
# 3. **Whose voice carries the judgement?** The reporter's, a quoted source's, or the government's own.
# 4. **Who does what to whom?** Seoul presses Beijing; Pyongyang condemns the campaign; Chinese diplomats
#    are annoyed by Seoul's pressure.
# 5. **And the people?** The same reading for any named actor: the foreign minister, the president.
#
# We first write down a careful human reading of the article, then compare it with what the library finds.

# %%
import os
import pathlib

if pathlib.Path.cwd().name == "notebooks":
    os.chdir("..")

import pandas as pd

from analysis import figures, stance
from analysis.article import load_article
from analysis.context import ArticleContext

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 160)
article = load_article("seeds/000_de93c8312eb4da64.txt")
context = ArticleContext(article)  # one parse, one set of quotes and mentions for every table below
print(article.text[:600], "…")

# %% [markdown]
# ## A careful human reading first
#
# Read before running anything, sentence by sentence:
#
# - **North Korea** is portrayed **negatively**. It is the state people flee; its own words are the harshest
#   in the piece (it "calls defectors 'human scum'", its website calls the campaign a "grave provocation"),
#   it "walked away from negotiations in April 2009", and "more people" would "leave the North" if China
#   relented. The one softer note is the food-aid deal with the U.S., which "has raised hopes".
# - **South Korea** (Seoul, President Lee Myung-bak, Foreign Minister Kim Sung-hwan, the Unification Ministry)
#   is the **protagonist, portrayed neutrally to sympathetically**: it has "toughened" its stance, "publicly
#   pressed China", seeks help abroad, and is the source of the defector figures. Its one setback is told
#   plainly ("failed to win a pledge"), and an anonymous Seoul official plays down the fallout.
# - **China** is portrayed **mildly negatively, with some balance**. It is the government being pressed, it
#   gave no pledge to stop repatriations, North Koreans on its soil live in "constant fear of forced
#   repatriation by authorities" (State Department), and its diplomats "could be annoyed". But a South
#   Korean academic explains its reasons (fear for its border security), and the article credits it as host
#   of the six-nation talks and a "mediator".
# - **The United States** is **neutral to mildly positive**: an authority (the State Department report is a
#   source), a place Kim visits for help, and a party to a deal that "raised hopes".
# - **The United Nations** (Secretary-General Ban Ki-moon) appears once, **neutral to mildly positive**, as
#   someone whose help is sought.
#
# Relations a reader would draw: North Korea → defectors and the campaign (hostile); South Korea → China
# (pressure, diplomacy); South Korea → UN and US (appeal for help); China ↔ South Korea (friction);
# US ↔ North Korea (a deal).

# %% [markdown]
# ## 1. Which governments, and which mentions are something else?
#
# The gazetteer (`analysis.gazetteer`) knows all 193 UN members by name, demonym and capital, plus detailed
# aliases, institutions and office-holders for the Koreas, China, the US, Japan, Russia, the UK, the UN, the
# EU and other organisations. `analysis.mentions` then decides for every match what it denotes, from the
# parse of its sentence (its role and head: subject of a political act, locative "in China", modifier of
# "defectors" or "economy"), the named entities where a name sits next to another proper name, and the
# article as a whole (a sports report; a story of one government's domestic politics, where "the
# government" and "ministers" are that government). Every decision keeps its sense and the rule behind it.

# %%
mentions = stance.government_mentions(context)
mentions[["government", "mention", "kind", "sentence", "is_government", "sense", "reason"]]

# %%
mentions.groupby(["sense", "is_government"]).size().rename("mentions").to_frame()

# %% [markdown]
# Place and people uses are excluded from the stance; titles and names are merged into one mention
# ("South Korean Foreign Minister Kim Sung-hwan"), "Its government-run website" and "the government" are
# resolved to the government named before them, and the later bare "Kim" to the foreign minister. Capitals
# stand for their governments as actors or addressees ("diplomacy with Beijing", "the friction between Seoul
# and Beijing"), not as places ("a professor at Seoul's Sungkyunkwan University").
#
# The same rules on other kinds of text:

# %%
examples = [
    "France defender Gallas and Ireland winger Duff both picked up injuries.",
    "The US economy grew by 3% while UK banking group Barclays cut jobs.",
    "Yukos lied to a US court in an attempt to stop the Russian government selling off its key unit.",
    "US Treasury Secretary John Snow said Japan's central bank would not act.",
]
pd.DataFrame(
    [
        {"text": text, "mention": m.text, "government": m.government, "is_government": m.is_government,
         "sense": m.sense, "reason": m.reason}
        for text in examples
        for m in ArticleContext.of(text).mentions
    ]
)

# %% [markdown]
# ## 2. Evidence: each mention, its sentence, its voice and its target sentiment
#
# Voices come from `analysis.quotes`: a mention inside a quoted or paraphrased passage is in the quoted
# source's voice (`voice_kind` "quoted"); a mention that is itself the speaker of a quote is marked "source"
# (the government speaking for itself: "according to Seoul's Unification Ministry"); every other mention is
# the reporter's. `role` is the mention's grammatical role in the parse. A "source" mention is counted in the
# government's `mentions` but not scored: the sentence reports what the government says, it does not
# portray it (`mentions_speaking` in the table below; on gov_stance dev this raised label accuracy from 0.70
# to 0.745). Where the reporter's and the sources' mentions together are too mixed for a label (their
# interval includes 0), quoted sources that agree with each other (two or more of their mentions, their own
# interval excluding 0) give the label when the row's own mean leans the same way: a government "criticised
# or accused with weight" is portrayed negatively even when the reporter's sentences are mixed, but two
# hostile quotes do not outweigh a reporter's balanced account. Such a row stays `uncertain` and its `why`
# says which voice decided.

# %%
evidence = stance.stance_evidence(context)
evidence[["government", "mention", "sentence", "voice", "voice_kind", "role", "label", "score"]]

# %% [markdown]
# The sentences that carry the strongest judgements, most negative first:

# %%
evidence.sort_values("score")[["government", "mention", "voice", "score", "sentence_text"]].head(6)

# %%
evidence.sort_values("score", ascending=False)[["government", "mention", "voice", "score", "sentence_text"]].head(4)

# %% [markdown]
# ## 3. Stance per government
#
# `score` is the mean over mentions of p(positive) − p(negative), with a 95% bootstrap interval over
# mentions. `lean` is the sign of the mean (beyond ±0.1). The label never says more than the mentions
# show: a row with fewer than three mentions, an interval that includes 0, or no mention of its lean's sign
# is `uncertain` and labelled **neutral** (the guideline's "mentioned in passing" or "balanced" reading),
# unless the quoted sources agree (above) or two or more of its mentions are negative and none is positive
# (then **negative**, still `uncertain`: criticised wherever it is named); `why` says which rule applied.

# %%
table = stance.government_stance(context, evidence=evidence)
table[["government", "mentions", "score", "ci_low", "ci_high", "label", "uncertain", "lean", "why"]]

# %%
fig = figures.stance_per_government(table)
figures.export(fig, "04_stance_per_government")

# %% [markdown]
# ## 4. Who speaks when each government is mentioned, and what each voice says about it
#
# The reporter and each quoted source apart: mentions and mean score by government and voice.

# %%
voices = stance.voice_matrix(evidence)
fig = figures.voice_heatmap(voices)
figures.export(fig, "04_voice_by_government")
voices

# %%
(
    evidence.assign(voice=evidence.voice.where(evidence.voice_kind != "source", "(its own words)"))
    .groupby(["government", "voice"])
    .agg(mentions=("score", "size"), mean_score=("score", "mean"))
    .round(2)
)

# %% [markdown]
# ## 5. Who does what to whom
#
# From the dependency parse of the sentences that hold two actors: the subject of a verb and what the act
# reaches (objects, "help from the U.N.", "diplomacy with Beijing", the object of "is expected to seek"),
# passives read the right way round ("Chinese diplomats could be annoyed by Seoul's stepped-up pressure"
# is South Korea acting on China), nominal acts ("Beijing's support for Seoul") and pair nouns ("the
# friction between Seoul and Beijing"). `how` says which; `sentence_text` is the evidence.

# %%
relations = stance.actor_relations(context)
relations[["source", "source_mention", "cue", "target", "target_mention", "polarity", "how", "sentence"]]

# %%
fig = figures.relations_graph(relations)
figures.export(fig, "04_relations_graph")

# %% [markdown]
# ## 6. People, and any other named actor
#
# `stance.portrayal(article, target)` reads any actor the same way: a person by name variants (surname,
# title + surname, "Mr. Kim"), role nouns the article gives them and pronouns whose nearest preceding
# person they are; a government by the mentions of section 1. For people the label is a small calibration
# (fitted on PerSenT, see section 8) over the evidence and the article's tone; `uncertain` and `why` say how
# thin the evidence is.

# %%
people = [stance.portrayal(context, who) for who in ("Kim Sung-hwan", "Lee Myung-bak", "Kim Sung-joo")]
pd.DataFrame([p.to_dict() for p in people])[["target", "kind", "mentions", "score", "label", "uncertain", "why"]]

# %%
people[0].evidence[["mention", "kind", "voice", "role", "score", "sentence_text"]]

# %% [markdown]
# A target the article never names gives 0 mentions and a neutral, uncertain portrayal (not an error):

# %%
stance.portrayal(context, "Vladimir Putin").to_dict()

# %% [markdown]
# ## 7. Human reading vs. the library

# %%
reading = {
    "North Korea": "negative",
    "South Korea": "neutral to sympathetic",
    "China": "mildly negative, with some balance",
    "United States": "neutral to mildly positive",
    "United Nations": "neutral to mildly positive (one mention)",
}
compare = table.set_index("government").loc[list(reading), ["mentions", "score", "ci_low", "ci_high", "label", "lean"]]
compare.insert(0, "human reading", pd.Series(reading))
compare

# %% [markdown]
# Where the library agrees with the reader:
#
# - **North Korea** comes out negative: its own words ("human scum", "grave provocation") and the
#   defectors fleeing it are read as negative for it by the syntax-aware `target_sentiment`.
# - **China** comes out negative (its mentions are the ones being pressed, refused a pledge, and Kim
#   Sung-joo's explanation of its fears), **the United States** neutral and **the UN** neutral with one
#   mention, as a reader would put them.
# - **Who speaks**: most judgements are the reporter's; the quoted voices are the ones a reader would name
#   (North Korea's website, the political scientist Kim Sung-joo explaining China's fears, the anonymous
#   Seoul Foreign Ministry official on annoyed Chinese diplomats).
# - **Relations**: Seoul → Beijing pressure and diplomacy, Seoul → UN and US appeals for help, North Korea →
#   defectors and the campaign (hostile), friction between Seoul and Beijing, the US–North Korea deal, and
#   Seoul's pressure annoying Chinese diplomats (the passive read the right way round).
# - **Place and people uses** are handled: "North Koreans living in China", "arrived in South Korea", "the
#   border between China and North Korea", "Seoul's Sungkyunkwan University", "North Korean defectors".
#
# - **South Korea** comes out neutral and `uncertain` (its interval includes 0), where a reader says
#   neutral to sympathetic. Until this version it came out negative: its two ministries' mentions as the
#   speakers of quotes ("according to Seoul's Unification Ministry") and "the friction between Seoul and
#   Beijing" were scored, and the model, trained on NewsMTSC's readings of news, reads a party to a conflict
#   negatively. Those mentions are now counted, not scored (`mentions_unscored`; the evidence's `role` says
#   "party to 'friction'").
#
# Where it does not:
#
# - **South Korea's remaining mentions still lean negative** (mean about -0.3): "the government's stance
#   has toughened" and the official's "Seoul's stepped-up pressure" that could annoy Chinese diplomats read
#   as negative for Seoul. A reader sees assertiveness, not blame; the label is neutral only because the
#   evidence is mixed. Read the evidence table above before quoting the score.

# %% [markdown]
# ## 8. How good is it on articles it has not seen?
#
# Measured on the shared annotated dev sets (commands in the first column; the hidden evaluation sets are of
# the same kind).
#
# **Which governments, and how portrayed** — `python benchmarks/eval_gov_stance.py` on `gov_stance/dev`
# (40 BBC articles read for which governments act as governments and how each is portrayed; used for
# checking only, never for fitting):
#
# | version | rows precision | rows recall | label accuracy (rows both list) | label macro-F1 |
# |---|---|---|---|---|
# | before (surface rules, mean ±0.1 label) | 0.50 | 0.86 | 0.30 | 0.25 |
# | parse-based mention senses, surface `target_sentiment` | 0.94 | 0.92 | 0.72 | 0.48 |
# | the same with the syntax-aware `target_sentiment` | 0.94 | 0.92 | 0.70 | 0.45 |
# | speaker-of-a-quote mentions counted, not scored; "the meeting of the G7", "production ... to the US" read as events and economy | 0.98 | 0.92 | 0.745 | 0.49 |
# | the same, and quoted sources that agree (two or more of their mentions, interval excluding 0) give an uncertain row its label | 0.98 | 0.92 | 0.79 | 0.53 |
# | more mention senses read on BBC articles outside this set (rankings, media and people nouns, names ending in a country, origins, places left); the sources' lean only when the row's mean agrees | 0.98 | 0.92 | 0.79 | 0.53 |
# | then: lists and examples take their noun's role ("economies of countries such as China"), verbs of the economy, ranges and journeys, parties, former office-holders, athletes' countries (also read outside this set) | 0.98 | 0.92 | 0.79 | 0.53 |
# | then: titles ("The News From Paraguay"), rankings and surveys, trade balances and exports, economies that grow, lists past longer names, clubs' presidents, institutions inside other names ("World Congress") (read outside this set) | 0.98 | 0.92 | 0.79 | 0.53 |
# | then: a lone role-only reading needs a sign of government in the article, topics and comparisons, someone else's ministers, an unresolved "the government" is the main country's (read outside this set, six samples) | 0.98 | 0.92 | 0.77 | 0.51 |
# | now: "the authorities" are the main country's, a UN body the UN (read on this set's missed rows); a row criticised in two or more mentions and praised in none is negative, still `uncertain` (chosen on the BBC readings' labels) | 0.98 | 0.96 | 0.80 | 0.54 |
#
# The last four rows were chosen after looking at these articles' label errors (six variants of the voice
# rule were tried; using the reporter's voice the same way did not help: 0.70-0.75), so they are optimistic
# for unseen articles. The last two rows' mention rules came from reading the decisions on BBC articles
# outside this set (not on it): on every third of them the rows went from 639 to 483. Dev does not move,
# and it is not a guide (the last row's two label changes come from mentions now read right: "Britain
# suffered mass unemployment" is the economy, "The government keeps it pegged" China's). On articles
# outside it that name three or more governments (this set's selection), helpers read every row of six
# samples (`benchmarks/readings`): before the last rows' rules 0.72, 0.78, 0.675 and 0.645 of the rows of
# four of them were real governments; with every rule written on them since, the six samples are at
# 0.86-0.93 (pooled 0.90 of 688 rows, recall 0.95), no longer unseen. Unseen US political news (PolNeAR,
# read before rules were written on each sample): 0.69 of 96 rows, then 0.82 of 75 rows for the next two
# samples. The false rows left are mostly countries as markets and economies, sources of products or
# ranking tables in business, technology and entertainment stories, and countries named once in passing. Their labels, read on 352 rows, agree
# with the package's in 0.65 (0.83 where the reader was confident; 0.64 before the last label rule, which
# was chosen on them): the package calls most rows neutral, and the mention scores of the rows readers call
# negative are not much lower than those of the neutral ones (`python benchmarks/eval_readings.py`). On 240
# rows of the samples' other articles, labelled afterwards by other readers and never tuned on, they agree
# in 0.74 (0.90 where confident), before and after that rule (`--labels labels2.jsonl`). A seventh unseen
# PolNeAR sample: 0.82 of 48 rows real as read.
#
# The mention rules were written from the guideline's categories and checked against these 40 articles'
# errors, so the dev figures are optimistic for unseen articles.
#
# **People** — `python benchmarks/eval_portrayal.py` on PerSenT dev (574 articles, the crowd's reading of
# the author's sentiment toward one person); the calibration is fitted on this file
# (`training/train_portrayal.py`), so the honest figure is the held-out folds':
#
# | method | macro-F1 | accuracy |
# |---|---|---|
# | always positive (baseline) | 0.23 | 0.53 |
# | VADER over sentences naming the target (baseline) | 0.39 | 0.45 |
# | mean mention score ±0.1, no calibration | 0.41 | 0.44 |
# | `portrayal`, held-out folds (5 folds × 3 shuffles) | 0.545 | 0.625 |
#
# **One mention** — `python benchmarks/eval_stance.py`: `target_sentiment` on NewsMTSC devtest_mt,
# macro-F1 0.69 (the previous surface-only model 0.66, sentence-level VADER 0.49).

# %% [markdown]
# ## 10. Check it on the text: the evidence view
#
# Every government mention of this notebook on the article itself: boxed in the colour of its target
# sentiment (red negative, grey neutral, blue positive), dashed when the words only name the place or its
# people and were not counted. Hover over a box for the score, the voice (narrator or quoted source) and the
# rule that decided; the quoted passages are highlighted by source as in notebook 03. The side table repeats
# the per-government scores with their intervals.

# %%
from analysis import load_article, views

views.show(load_article("seeds/000_de93c8312eb4da64.txt"))
