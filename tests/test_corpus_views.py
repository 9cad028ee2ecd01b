"""Corpus views: categories, stance per government and over time, most-quoted and anonymous sources."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus_views as views
from analysis.errors import ArgumentError


@pytest.fixture
def articles():
    return pd.DataFrame(
        {
            "article_id": ["politics/001", "politics/002", "business/001", "x"],
            "published": pd.to_datetime(["2012-03-08", "2012-03-20", "2012-04-02", None]),
            "source": [None, None, None, "AP"],
            "n_words": [100, 200, 300, 400],
        }
    )


@pytest.fixture
def quotes():
    return pd.DataFrame(
        {
            "article_id": ["politics/001", "politics/001", "politics/002", "business/001", "business/001"],
            "speaker": ["Kim Sung-hwan", "an official", "kim sung-hwan", "Yang Jiechi", None],
            "speaker_type": ["official", "official", "official", "official", None],
            "affiliation": ["South Korea", None, "South Korea", "China", None],
            "anonymous": [False, True, False, False, True],
            "kind": ["direct"] * 5,
            "text": ["a", "b", "c", "d", "e"],
        }
    )


@pytest.fixture
def stance():
    return pd.DataFrame(
        {
            "article_id": ["politics/001", "politics/002", "business/001", "x"],
            "government": ["China", "China", "China", "North Korea"],
            "mentions": [3, 1, 2, 5],
            "score": [-0.4, -0.2, 0.3, -0.9],
            "label": ["negative", "negative", "positive", "negative"],
        }
    )


def test_categories_and_time(articles):
    assert views.add_category(articles)["category"].tolist() == ["politics", "politics", "business", "AP"]
    assert views.articles_per_category(articles).to_dict() == {"politics": 2, "business": 1, "AP": 1}
    over_time = views.articles_over_time(articles)
    assert over_time.loc[pd.Timestamp("2012-03-01"), "politics"] == 2
    assert over_time.loc[pd.Timestamp("2012-04-01"), "business"] == 1
    assert views.articles_over_time(articles.assign(published=pd.NaT)).empty


def test_stance_views(stance, articles):
    by_government = views.stance_by_government(stance)
    assert by_government.index.tolist() == ["China", "North Korea"]
    assert by_government.loc["China", "mentions"] == 6
    assert by_government.loc["China", "mean_score"] == pytest.approx(-0.1)
    assert by_government.loc["China", "share_negative"] == pytest.approx(2 / 3)
    over_time = views.stance_over_time(stance, articles)
    assert over_time[["government", "period", "articles", "mean_score"]].to_dict("records") == [
        {
            "government": "China",
            "period": pd.Timestamp("2012-03-01"),
            "articles": 2,
            "mean_score": pytest.approx(-0.3),
        },
        {
            "government": "China",
            "period": pd.Timestamp("2012-04-01"),
            "articles": 1,
            "mean_score": pytest.approx(0.3),
        },
    ]  # North Korea's only article has no date
    assert over_time[["ci_low", "ci_high"]].isna().all().all()  # under 5 articles: no interval


def test_intervals():
    mean, low, high = views.mean_interval([-0.5, -0.2, 0.1, -0.4, -0.3, 0.0, -0.6, -0.1])
    assert mean == pytest.approx(-0.25) and -0.45 < low < -0.3 and -0.2 < high < -0.05
    assert views.mean_interval([-0.5, -0.2, 0.1, -0.4, -0.3, 0.0, -0.6, -0.1]) == (mean, low, high)  # seeded
    low, high = views.wilson_interval(6, 40)
    assert (round(low, 3), round(high, 3)) == (0.071, 0.291)  # the textbook Wilson bounds for 6/40
    assert views.wilson_interval(0, 10)[0] == 0.0
    assert all(x != x for x in views.wilson_interval(0, 0))


def test_stance_by_group_and_over_time_by_outlet():
    stance = pd.DataFrame(
        {
            "article_id": [f"n{i}" for i in range(6)] + ["b0", "b1"],
            "government": ["Iran"] * 8,
            "score": [-0.6, -0.4, -0.5, -0.7, -0.3, -0.5, 0.2, 0.4],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": [f"n{i}" for i in range(6)] + ["b0", "b1"],
            "source": ["nyt"] * 6 + ["breitbart"] * 2,
            "published": pd.to_datetime(
                ["2016-01-05"] * 3 + ["2016-04-02"] * 3 + ["2016-01-09", "2016-05-01"]
            ),
        }
    )
    table = views.stance_by_group(stance, articles, by="source").set_index("source")
    assert table.loc["nyt", "articles"] == 6 and table.loc["nyt", "mean_score"] == pytest.approx(-0.5)
    assert table.loc["nyt", "ci_low"] < -0.5 < table.loc["nyt", "ci_high"] < -0.35
    assert table.loc["breitbart", "articles"] == 2 and pd.isna(table.loc["breitbart", "ci_low"])
    quarterly = views.stance_over_time(stance, articles, freq="QS", by="source")
    assert quarterly[["source", "period", "articles"]].values.tolist() == [
        ["breitbart", pd.Timestamp("2016-01-01"), 1],
        ["breitbart", pd.Timestamp("2016-04-01"), 1],
        ["nyt", pd.Timestamp("2016-01-01"), 3],
        ["nyt", pd.Timestamp("2016-04-01"), 3],
    ]
    assert views.stance_over_time(stance, articles, min_articles=2, by="source")["source"].tolist() == [
        "nyt",
        "nyt",
    ]


def test_sources(quotes, articles):
    top = views.top_sources(quotes)
    assert top[["speaker", "quotes", "articles", "affiliation"]].values.tolist() == [
        ["Kim Sung-hwan", 2, 2, "South Korea"],
        ["Yang Jiechi", 1, 1, "China"],
    ]
    assert "an official" in views.top_sources(quotes, include_anonymous=True)["speaker"].tolist()
    types = views.source_types(quotes, articles, by="category")
    assert types.loc["politics", "official"] == 1.0 and types.loc["business", "unknown"] == 0.5
    assert types["quotes"].to_dict() == {"business": 2, "politics": 3}
    assert views.anonymous_share(quotes)["share"].tolist() == [0.4]
    by_category = views.anonymous_share(quotes, articles, by="category")
    assert by_category.loc["politics", "share"] == pytest.approx(1 / 3)
    assert by_category.loc["business", "share"] == pytest.approx(0.5)
    with pytest.raises(ArgumentError, match="anonymous"):
        views.top_sources(quotes.drop(columns="anonymous"))


def test_overview(articles, quotes, stance):
    overview = views.corpus_overview(
        {"articles": articles, "quotes": quotes, "stance": stance, "errors": pd.DataFrame()}
    )
    assert overview["articles analysed"] == 4 and overview["words"] == 1000
    assert overview["quotes"] == 5 and overview["governments mentioned"] == 2
    assert (overview["first date"], overview["last date"]) == ("2012-03-08", "2012-04-02")


def test_figures_render(articles, quotes, stance):
    from analysis import figures

    assert figures.plot_articles_per_category(views.articles_per_category(articles)).axes
    assert figures.plot_articles_over_time(views.articles_over_time(articles)).axes
    assert figures.plot_stance_by_government(views.stance_by_government(stance)).axes
    assert figures.plot_stance_over_time(views.stance_over_time(stance, articles)).axes
    assert figures.plot_top_sources(views.top_sources(quotes)).axes
    assert figures.plot_anonymous_share(views.anonymous_share(quotes, articles, by="category")).axes


def test_top_sources_merge_names_and_leave_out_descriptions():
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "b", "b", "c", "c", "c", "d", "d"],
            "speaker": [
                "Tony Blair",
                "Mr Blair",
                "The",
                "Blair",
                "report",
                "prime minister",
                "Analysts",
                "Gordon Brown",
                "Donald J. Trump",
                "Donald Trump",
            ],
            "speaker_type": ["person"] * 10,
            "anonymous": [False] * 10,
        }
    )
    top = views.top_sources(quotes)
    assert top[["speaker", "quotes", "articles"]].values.tolist() == [
        ["Tony Blair", 3, 2],
        ["Donald Trump", 2, 1],
        ["Gordon Brown", 1, 1],
    ]
    with_canonical = quotes.assign(canonical=["Tony Blair"] * 2 + [None] * 3 + ["Gordon Brown"] + [None] * 4)
    assert views.top_sources(with_canonical).iloc[0][["speaker", "quotes"]].tolist() == ["Tony Blair", 3]
    assert views.top_sources(with_canonical).set_index("speaker").loc["Gordon Brown", "quotes"] == 2


def test_named_sources():
    names = ["Tony Blair", "Microsoft", "the State Department", "EU", "Lib Dems", "Kim Sung-joo", "Mr. Trump"]
    descriptions = [
        "The",
        "report",
        "prime minister",
        "Analysts",
        "its government-run website",
        "Tory leader",
        "",
        None,
    ]
    assert all(views.is_named_source(n) for n in names)
    assert not any(views.is_named_source(d) for d in descriptions)
