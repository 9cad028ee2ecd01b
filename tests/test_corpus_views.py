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
    assert over_time.to_dict("records") == [
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


def test_sources(quotes, articles):
    top = views.top_sources(quotes)
    assert top[["speaker", "quotes", "articles", "affiliation"]].values.tolist() == [
        ["Kim Sung-hwan", 2, 2, "South Korea"],
        ["Yang Jiechi", 1, 1, "China"],
    ]
    assert "an official" in views.top_sources(quotes, include_anonymous=True)["speaker"].tolist()
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
