"""Person names: parts, titles, the same-person test, one canonical name per article, corpus merging."""

from __future__ import annotations

import pytest

from analysis.names import (
    NameIndex,
    corpus_names,
    gender_of,
    name_key,
    name_variants,
    parse_name,
    same_person,
    strip_titles,
    title_info,
    titles_in,
)


@pytest.mark.parametrize(
    ("mention", "name", "given", "surname"),
    [
        ("South Korean Foreign Minister Kim Sung-hwan", "Kim Sung-hwan", ("Sung-hwan",), "Kim"),
        ("former Obama adviser David Axelrod", "David Axelrod", ("David",), "Axelrod"),
        ("Gov. Chris Christie of New Jersey", "Chris Christie", ("Chris",), "Christie"),
        ("Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders", ("Bernie",), "Sanders"),
        ("Republican presidential candidate Ben Carson", "Ben Carson", ("Ben",), "Carson"),
        ("Democrat Hillary Clinton", "Hillary Clinton", ("Hillary",), "Clinton"),
        ("Martin Luther King Jr.", "Martin Luther King Jr.", ("Martin", "Luther"), "King"),
        ("Rep. Steve King", "Steve King", ("Steve",), "King"),
        ("Charles de Gaulle", "Charles de Gaulle", ("Charles",), "de Gaulle"),
        ("Xi Jinping", "Xi Jinping", ("Jinping",), "Xi"),
        ("Kim Jong Un", "Kim Jong Un", ("Jong", "Un"), "Kim"),
        ("Kim Davis", "Kim Davis", ("Kim",), "Davis"),
        ("Trump's", "Trump", (), "Trump"),
        ("Trump, the Republican nominee", "Trump", (), "Trump"),
        # BBC forms: a possessor, a party or a British title before the name; "Mr Irish" is a surname
        ("Russia's Vladimir Putin", "Vladimir Putin", ("Vladimir",), "Putin"),
        ("The Office's Ricky Gervais", "Ricky Gervais", ("Ricky",), "Gervais"),
        ("Bush's spokesman Scott McClellan", "Scott McClellan", ("Scott",), "McClellan"),
        ("Labour MP Tony Wright", "Tony Wright", ("Tony",), "Wright"),
        ("Tory Liam Fox", "Liam Fox", ("Liam",), "Fox"),
        ("Mr Irish", "Irish", (), "Irish"),
    ],
)
def test_parts_of_a_mention(mention, name, given, surname):
    parsed = parse_name(mention)
    assert (parsed.name, parsed.given, parsed.surname) == (name, given, surname)
    assert strip_titles(mention) == name


def test_no_name_and_bad_input():
    assert parse_name("the president") is None
    # descriptions and possessed things are not names (they were "Tory", "British", "Brown Budget")
    for mention in (
        "the Tory leader",
        "the British prime minister",
        "the South Korean president",
        "Mr Brown's Budget",
        "Republican Senator",
        "the Lib Dem leader",
    ):
        assert parse_name(mention) is None, mention
    assert parse_name("") is None
    assert parse_name(None) is None  # type: ignore[arg-type]
    assert strip_titles("the ministry") == "the ministry"


def test_titles_and_their_meaning():
    assert titles_in("White House press secretary Josh Earnest") == ["press secretary"]
    assert titles_in("Martin Luther King Jr.") == []
    assert title_info("Professor").type == "expert"
    assert title_info("Sen.").type == "government"
    assert title_info("foreign minister").type == "government"
    assert title_info("Mrs.").gender == "f"


def test_gender_from_honorific_and_given_name():
    assert [gender_of(m) for m in ("Mr. Kim", "Ms. Kim", "Hillary Clinton", "Bill Clinton", "Clinton")] == [
        "m",
        "f",
        "f",
        "m",
        None,
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Trump", "Donald Trump", True),
        ("Mr. Trump", "Donald J. Trump", True),
        ("Donald Trump Jr.", "Donald Trump", False),
        ("Ivanka Trump", "Donald Trump", False),
        ("Mrs. Clinton", "Bill Clinton", False),
        ("Mrs. Clinton", "Hillary Rodham Clinton", True),
        ("Kim Sung-joo", "Kim Sung-hwan", False),
        ("Kim", "Kim Sung-joo", True),
        ("Ji Hyeon-A", "Ji-Hyeon-A", True),
        ("George W. Bush", "Jeb Bush", False),
        ("G. Bush", "George Bush", True),
        ("Trump", "the ministry", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_name_key_ignores_spelling_details():
    assert name_key("Ji Hyeon-A") == name_key("Ji-Hyeon-A") == "jihyeona"
    assert name_key("José Martí") == name_key("Jose Marti")


def test_variants_for_the_portrayal_of_a_person():
    assert name_variants("Donald Trump", titles=["president"]) == [
        "Donald Trump",
        "Trump",
        "Mr. Trump",
        "President Trump",
        "the president",
    ]
    assert "Mrs. Clinton" in name_variants("Hillary Clinton")
    assert "Mr. Clinton" not in name_variants("Hillary Clinton")


def test_one_canonical_name_per_person_in_an_article():
    index = NameIndex()
    mentions = [
        (0, "Trump"),  # a headline before the full name
        (40, "President Donald Trump"),
        (90, "Mr. Trump"),
        (120, "Hillary Clinton"),
        (150, "Bill Clinton"),
        (180, "Mrs. Clinton"),
        (210, "Kim Sung-joo"),
        (240, "Kim Sung-hwan"),
    ]
    for position, mention in mentions:
        index.add(mention, position)
    assert index.canonical("Trump", 0) == "Donald Trump"
    assert index.canonical("Mr. Trump", 95) == "Donald Trump"
    assert index.canonical("the president", 100) == "Donald Trump"
    assert index.canonical("Mrs. Clinton", 200) == "Hillary Clinton"
    assert index.canonical("Clinton", 160) == "Bill Clinton"  # the most recent Clinton
    assert index.canonical("Hillary", 300) == "Hillary Clinton"
    assert index.canonical("Kim", 230) == "Kim Sung-joo"
    assert index.canonical("Kim", 250) == "Kim Sung-hwan"
    assert index.canonical("Sanders", 10) == "Sanders"  # nobody to resolve to: the name as written
    assert index.canonical("the ministry") is None
    assert index.names() == [
        "Donald Trump",
        "Hillary Clinton",
        "Bill Clinton",
        "Kim Sung-joo",
        "Kim Sung-hwan",
    ]
    assert index.gender("Hillary Clinton") == "f" and "president" in index.titles("Donald Trump")


def test_a_qualified_role_noun_is_the_holder_with_that_qualifier():
    index = NameIndex()
    index.add("Tory leader Michael Howard", 0)
    index.add("Prime Minister Tony Blair", 50)
    index.add("Liberal Democrat leader Charles Kennedy", 80)
    assert index.canonical("the Tory leader", 200) == "Michael Howard"  # not the latest leader, Kennedy
    assert index.canonical("the British prime minister", 200) == "Tony Blair"  # a nationality qualifies
    assert index.canonical("the Labour leader", 200) is None  # a party nobody here leads
    assert index.canonical("the leader", 200) == "Charles Kennedy"


def test_corpus_names_merge_spellings_across_articles():
    names = ["Donald Trump"] * 5 + ["Donald J. Trump", "Trump", "Ji Hyeon-A", "Ji-Hyeon-A", "Ji Hyeon-A"]
    names += ["Clinton", "Hillary Clinton", "Hillary Clinton", "Bill Clinton", "Bill Clinton", None]
    mapping = corpus_names(names)
    assert mapping["Donald J. Trump"] == mapping["Trump"] == "Donald Trump"
    assert mapping["Ji-Hyeon-A"] == "Ji Hyeon-A"
    assert mapping["Clinton"] == "Clinton"  # two Clintons with the same weight: not merged
    assert None not in mapping
