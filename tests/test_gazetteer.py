"""Gazetteer of governments: aliases, government-vs-place decisions, the UN table, TOML overrides."""

from __future__ import annotations

import pytest

from analysis.errors import ConfigError
from analysis.gazetteer import default_gazetteer, load_gazetteer


def govs(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.government) for m in default_gazetteer().find_mentions(text) if m.is_government]


@pytest.mark.parametrize(
    ("sentence", "surface", "government"),
    [
        ("N. Korea fired a missile on Monday.", "N. Korea", "North Korea"),
        ("NKorean officials denied it.", "NKorean", "North Korea"),
        ("The DPRK rejected the offer.", "DPRK", "North Korea"),
        ("The ROK protested.", "ROK", "South Korea"),
        ("The PRC issued a statement.", "PRC", "China"),
        ("The U.S. urged restraint.", "U.S.", "United States"),
        ("Pyongyang denounced the drills.", "Pyongyang", "North Korea"),
        ("Seoul pressed for talks.", "Seoul", "South Korea"),
        ("Beijing said nothing.", "Beijing", "China"),
        ("The Unification Ministry said 300 people arrived.", "Unification Ministry", "South Korea"),
        ("The State Department declined to comment.", "State Department", "United States"),
        ("The White House welcomed the deal.", "White House", "United States"),
        ("The Kremlin denied the report.", "Kremlin", "Russia"),
        ("Lee Myung-bak met the envoy.", "Lee Myung-bak", "South Korea"),
        ("Tokyo lodged a protest.", "Tokyo", "Japan"),
        ("Moscow vetoed the draft.", "Moscow", "Russia"),
        ("Washington imposed sanctions.", "Washington", "United States"),
        ("Chinese diplomats could be annoyed.", "Chinese", "China"),
        ("The European Union condemned the test.", "European Union", "European Union"),
    ],
)
def test_aliases_are_found_as_governments(sentence, surface, government):
    assert (surface, government) in govs(sentence)


def test_the_north_counts_only_in_a_korea_story():
    korea = "Seoul and Pyongyang met. The talks stalled after the North walked away."
    assert ("the North", "North Korea") in govs(korea)
    assert not any(t == "the North" for t, _ in govs("Voters in the North of England walked away."))
    # "the North Koreans" is not "the North" + a stray word
    assert not any(t == "the North" for t, _ in govs("Seoul spoke about the North Koreans in China."))


def test_its_government_and_the_government_refer_back():
    found = govs(
        'North Korea calls defectors "human scum." Its government-run website called it a provocation.'
    )
    assert ("Its government-run", "North Korea") in found
    found = govs("Seoul has engaged with Beijing on migrants, but the government's stance has toughened.")
    assert ("the government", "South Korea") in found  # the subject of the sentence, not the last name


def test_titles_merge_with_leaders():
    found = govs(
        "South Korean President Lee Myung-bak pressed China. U.S. Secretary of State Hillary Clinton agreed."
    )
    assert ("South Korean President Lee Myung-bak", "South Korea") in found
    assert ("U.S. Secretary of State Hillary Clinton", "United States") in found
    assert ("China", "China") in found


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Kim Sung-joo, a professor at Seoul's Sungkyunkwan University, said so.", "Seoul"),
        ("Estimates of North Koreans living in China vary.", "China"),
        ("North Korean defectors have arrived in South Korea.", "North Korean"),
        ("North Korean defectors have arrived in South Korea.", "South Korea"),
        ("Most crossed the border between China and North Korea.", "China"),
        ("Most crossed the border between China and North Korea.", "North Korea"),
        ("He will visit the United States this week.", "United States"),
        ("Chinese students protested.", "Chinese"),
        ("North Koreans in China face fear.", "North Koreans"),
        ("Beijing's airport was closed.", "Beijing"),
    ],
)
def test_place_and_people_uses_are_rejected(sentence, surface):
    mentions = [m for m in default_gazetteer().find_mentions(sentence) if m.text == surface]
    assert mentions, f"{surface!r} should still be found (as a place) in {sentence!r}"
    assert not mentions[0].is_government
    assert mentions[0].reason  # the rule that rejected it is recorded


def test_possessive_government_heads_and_actor_uses_stay_government():
    assert ("Pyongyang", "North Korea") in govs("It tarnishes Pyongyang's reputation.")
    assert ("Seoul", "South Korea") in govs(
        "Chinese diplomats could be annoyed by Seoul's stepped-up pressure."
    )
    assert ("Beijing", "China") in govs("Officials in Beijing said the talks would resume.")
    assert ("China", "China") in govs("Seoul asked for help from China.")


def test_all_un_members_by_name_demonym_and_capital():
    g = default_gazetteer()
    countries = {k for k in g.governments if k not in ("United Nations", "European Union")}
    assert len(countries) >= 193
    for name, demonym, capital in [
        ("Kenya", "Kenyan", "Nairobi"),
        ("Peru", "Peruvian", "Lima"),
        ("Vietnam", "Vietnamese", "Hanoi"),
        ("Norway", "Norwegian", "Oslo"),
    ]:
        assert g.country_of(name) == name
        assert g.country_of(f"{demonym} officials") == name
        assert g.country_of(f"officials in {capital}") == name


def test_country_of_phrases():
    g = default_gazetteer()
    assert g.country_of("a political science professor at Seoul's Sungkyunkwan University") == "South Korea"
    assert g.country_of("Chinese diplomats") == "China"
    assert g.country_of("the U.S. State Department") == "United States"
    assert g.country_of("an official at Seoul's Foreign Ministry") == "South Korea"
    assert g.country_of("a shopkeeper") is None


def test_leader_years_are_recorded():
    assert default_gazetteer().leader_years[("South Korea", "Lee Myung-bak")] == "2008-2013"


def test_toml_override_adds_and_replaces(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text(
        '[governments."Taiwan"]\nnames = ["Taiwan"]\ncapitals = ["Taipei"]\ndemonyms = ["Taiwanese"]\n'
        '[governments."Japan"]\nreplace = true\nnames = ["Nippon"]\n',
        encoding="utf-8",
    )
    g = load_gazetteer(overrides_toml=f)
    found = [
        (m.text, m.government)
        for m in g.find_mentions("Taipei rebuked Nippon, not Tokyo.")
        if m.is_government
    ]
    assert ("Taipei", "Taiwan") in found
    assert ("Nippon", "Japan") in found
    assert not any(t == "Tokyo" for t, _ in found)
    assert default_gazetteer().country_of("Taipei") is None  # the default is untouched


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[governments."X"\nnames = ["X"]', "not valid TOML"),
        ('[governments."X"]\nnames = "X"', "governments.X.names must be a list"),
        ('[governments."X"]\nnicknames = ["X"]', "governments.X.nicknames: unknown field"),
        ('[countries."X"]\nnames = ["X"]', "unknown top-level key 'countries'"),
        ('[governments."X"]\nreplace = "yes"', "governments.X.replace must be true or false"),
    ],
)
def test_bad_toml_raises_config_error_naming_file_and_key(tmp_path, content, expected):
    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_gazetteer(overrides_toml=f)
    assert "bad.toml" in str(err.value)
    assert expected in str(err.value)


def test_missing_override_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_gazetteer(overrides_toml=tmp_path / "nope.toml")


def test_bare_family_name_after_full_leader_name():
    text = (
        "Foreign Minister Kim Sung-hwan met Yang Jiechi. Now Kim is expected to fly to Washington. "
        "Kim Sung-joo, a professor, disagreed. Follow Sam Kim on Twitter."
    )
    kims = [m for m in default_gazetteer().find_mentions(text) if m.text == "Kim"]
    assert [(m.start, m.government) for m in kims] == [(text.index("Now Kim") + 4, "South Korea")]


@pytest.mark.parametrize(
    ("text", "surface", "government"),
    [
        (
            "China rejected the report. The Foreign Ministry said it was biased.",
            "The Foreign Ministry",
            "China",
        ),
        (
            "Japan protested. Its Defense Ministry said the missile landed at sea.",
            "Its Defense Ministry",
            "Japan",
        ),
    ],
)
def test_foreign_ministry_takes_its_country_from_context(text, surface, government):
    assert (surface, government) in govs(text)


def test_ministry_after_a_named_country_is_not_counted_twice():
    found = govs("An official at Seoul's Foreign Ministry spoke. The Chinese Foreign Ministry said no.")
    assert found == [("Seoul", "South Korea"), ("Chinese", "China")]
