"""Gazetteer of governments: find the places in a text where a government is named, and say which.

Two shipped tables (``analysis/data``) give the aliases, each with its source stated in its header:

- ``un_member_states.tsv``: all 193 UN member states by name, other names, demonym and capital;
- ``governments.toml``: detailed aliases for North and South Korea, China, the United States, Japan, Russia,
  the United Nations and the European Union (abbreviations, institutions, leaders with years in office,
  contextual forms such as "the North").

Users extend or override entries with a TOML file of the same shape as ``governments.toml``
(``load_gazetteer(overrides_toml="my.toml")``; add ``replace = true`` to a table to drop the shipped
aliases)::

    [governments."Taiwan"]              # a new key, or an existing one ("China") to extend
    names = ["Taiwan", "Republic of China"]
    demonyms = ["Taiwanese"]
    capitals = ["Taipei"]
    institutions = ["Mainland Affairs Council"]
    leaders = ["Lai Ching-te"]
    leader_years = { "Lai Ching-te" = "2024-" }

Fields: names, short, demonyms, capitals, institutions, leaders, contextual, domestic (lists of strings),
leader_years (table of strings), replace (bool). ``domestic`` lists words that mark a story as that
government's domestic politics ("MPs", "Labour", "Downing Street" for the United Kingdom): there,
:mod:`analysis.mentions` reads "the government" and "ministers" as that government. Any other key, or a
value of the wrong type, raises :class:`~analysis.errors.ConfigError` naming the file and the key.

Matching is one compiled, case-sensitive regular expression over every alias (longest alias first), then a
few local rules decide whether each match names the *government* or only the *place* or its *people*:

1. **Locative use** -> place: the mention follows a locative preposition or a verb of movement
   ("living in China", "arrived in South Korea", "across/into/from China", "a visit to the United States",
   "leave the North", "the border between China and North Korea"), unless the words before the preposition
   are officials ("officials in Beijing" is the government). A mention coordinated with a place mention
   ("between China and North Korea") inherits its decision.
2. **Possessive + non-government head** -> place: "Seoul's Sungkyunkwan University", "Beijing's airport",
   "Seoul's streets" (head nouns in :data:`PLACE_HEADS`); any other possessive ("Pyongyang's reputation",
   "Seoul's Foreign Ministry") is the government.
3. **Demonyms** are the government only when they modify a government noun within two words
   ("Chinese diplomats", "South Korean President", "his Chinese counterpart", "North Korean nuclear program",
   nouns in :data:`GOVERNMENT_HEADS`); modifying people or things ("North Korean defectors",
   "North Korean migrants", "Chinese students") or used as a plural noun ("North Koreans") they are not.
4. **Contextual forms** ("the North", "the South") count only in a Korea story (the text also names either
   Korea by name, capital or abbreviation). "the government", "its government(-run)", "the regime" and an
   unqualified "Foreign Ministry" resolve to the first government named earlier in the same sentence, else the
   first one in the previous sentence, else they are dropped.
5. Adjacent mentions of one government separated only by titles ("South Korean President Lee Myung-bak",
   "Seoul's Unification Ministry", "U.S. Secretary of State Hillary Clinton") are merged into one mention.

>>> g = default_gazetteer()
>>> mentions = g.find_mentions("Seoul pressed China on NKorean defectors living in China.")
>>> [(m.text, m.government, m.is_government) for m in mentions]  # doctest: +NORMALIZE_WHITESPACE
[('Seoul', 'South Korea', True), ('China', 'China', True), ('NKorean', 'North Korea', False),
 ('China', 'China', False)]
>>> g.country_of("a political science professor at Seoul's Sungkyunkwan University")
'South Korea'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from . import nlp
from .errors import ConfigError, ModelError
from .names import is_given_name
from .spans import SpanIndex, position_in_sorted

__all__ = [
    "GovernmentMention",
    "Gazetteer",
    "default_gazetteer",
    "load_gazetteer",
    "KINDS",
    "PLACE_HEADS",
    "GOVERNMENT_HEADS",
    "PEOPLE_HEADS",
]

DATA_DIR = Path(__file__).with_name("data")
UN_TABLE = DATA_DIR / "un_member_states.tsv"
DETAIL_TOML = DATA_DIR / "governments.toml"

#: Kinds of alias, in the order they are listed in the TOML tables.
KINDS = ("name", "short", "demonym", "capital", "institution", "leader", "contextual")
_TOML_FIELDS = {
    "names": "name",
    "short": "short",
    "demonyms": "demonym",
    "capitals": "capital",
    "institutions": "institution",
    "leaders": "leader",
    "contextual": "contextual",
}

#: Phrases that contain an alias but name something else; matched first (longest wins) and then dropped.
BLOCKED_PHRASES = (
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "American Samoa",
    "Americas",
    "Washington Post",
    "Washington Times",
    "Washington state",
    "Washington State",
    "George Washington",
    "University of Washington",
    "Korean War",
    "Korean Peninsula",
    "Korean peninsula",
    "New Guinea",
    "Guinea pig",
    "Turkey Day",
    "Chinese New Year",
    "Chad Smith",
    "Jordan River",
    "China Sea",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Georgia Tech",
    "Congress Party",
    "Indian National Congress",
    "Lisbon agenda",
    "Lisbon Agenda",
    "Lisbon Treaty",
    "Lisbon treaty",
    "Lisbon strategy",
    "Lisbon Strategy",
    "Paris Hilton",
    "Northern Ireland",
    "Irish Sea",
    "Stade de France",
    "New Mexico",
    "French fries",
    "Russian roulette",
    "Swiss cheese",
)

#: Head nouns that make "<Capital/Country>'s <head>" a place, not the government.
PLACE_HEADS = frozenset(
    """
    university universities college school schools academy institute hospital hospitals airport airports
    street streets district districts neighborhood neighbourhood neighborhoods suburb suburbs downtown
    subway metro station stations park parks square river rivers mountain mountains coast coastline
    beaches beach island islands port ports harbor harbour city cities town towns village villages
    capital outskirts center centre museum museums stadium hotel hotels restaurant restaurants market
    markets mall church churches temple temples cathedral skyline skies sky air weather traffic housing
    residents citizens people population populace youth students workers women men children families
    economy stock stocks shares bourse companies firms banks industry exporters consumers
    """.split()
)
#: Nouns that make a demonym (or possessive) name the state: "Chinese diplomats", "North Korean officials".
GOVERNMENT_HEADS = frozenset(
    """
    government governments administration authorities authority official officials diplomat diplomats
    diplomacy envoy envoys ambassador ambassadors embassy embassies consulate delegation delegates
    negotiator negotiators counterpart counterparts leader leaders leadership president presidents
    premier prime minister ministers ministry ministries secretary spokesman spokeswoman spokesperson
    regime state military army navy forces troops soldiers police guards guard agents intelligence
    media propaganda agency agencies website site newspaper parliament lawmakers congress cabinet
    council foreign defense defence unification interior nuclear missile missiles weapons
    program programme policy policies stance position demands demand threat threats provocation sanctions
    king emperor dictator general generals commander commanders ruling party
    """.split()
)
#: Nouns for people or private things: a demonym modifying these is not the government.
PEOPLE_HEADS = frozenset(
    """
    defector defectors migrant migrants refugee refugees asylum seekers people citizens nationals residents
    workers worker students student tourists tourist women men children families fishermen farmers
    activists activist dissidents dissident community communities descent origin immigrants emigrants
    companies company firms firm banks businesses investors consumers economy culture language food
    restaurant restaurants border borders territory waters peninsula war traffickers brides
    """.split()
)

_LOCATIVE_PREPS = frozenset(
    "in inside within across throughout from into at near around toward towards via outside through".split()
)
_MOVEMENT_WORDS = frozenset(
    """
    visit visits visited visiting trip trips travel travels traveled travelled traveling travelling
    fled flee flees fleeing return returned returning returns came come went go going moved move
    sent send deported deport repatriated repatriate repatriation back journey flight flights
    arrived arrive arriving escape escaped escaping defect defected leave left leaving smuggled
    headed bound
    """.split()
)
_LEAVE_VERBS = frozenset("leave left leaving leaves fled flee flees fleeing escape escaped escaping".split())
_GEO_NOUNS = frozenset("border borders frontier boundary distance river sea route road bridge".split())
_OFFICIAL_WORDS = frozenset(
    "officials official authorities leaders diplomats government sources police ministers".split()
)
_ANAPHORA = re.compile(
    r"\b(?P<phrase>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:own\s+)?government(?:-(?:run|controlled|owned|backed))?"
    r"|[Tt]he\s+regime|[Ii]ts\s+regime|(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?(?:Foreign|Defen[cs]e|Interior|Unification)\s+Ministry"
    r"|[Tt]he\s+authorities)\b"
)
_KOREA_HINT = (
    "North Korea",
    "South Korea",
    "Pyongyang",
    "Seoul",
    "DPRK",
    "ROK",
    "NKorea",
    "N. Korea",
    "S. Korea",
)
_FAMILY_NAME_FIRST = frozenset({"North Korea", "South Korea", "China"})
_TITLE_GAP = re.compile(r"^(?:'s|’s)?(?:\s+(?:[A-Za-z][\w.\-]*))*\s+$")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
#: Words of a title or an office around a leader's name ("President Bush", "the Bush administration").
_OFFICE_WORDS = frozenset(
    "president prime minister secretary chancellor premier mr mrs ms dr the administration government us u.s."
    " state foreign of former vice".split()
)
#: Lower-case words that may stand in a title between a country and an office-holder ("China's deputy
#: foreign minister", "the US secretary of state").
_TITLE_WORDS = frozenset(
    """
    deputy vice acting chief senior junior assistant under first former finance trade economy economic affairs
    home health education energy justice labour labor transport culture environment agriculture industry
    of for the and to general attorney chancellor secretary ministers premier commissioner envoy ambassador
    head spokesman spokeswoman adviser advisor special representative negotiator
    """.split()
)


@dataclass(frozen=True, slots=True)
class GovernmentMention:
    """One place in a text where a government (or its place/people) is named.

    ``text[start:end] == mention.text``; ``government`` is the canonical key ("North Korea");
    ``is_government`` is False when the words name the place or its people, with the rule in ``reason``;
    ``sense`` says what the words denote: "government", "place", "people", "team", "economy", "venue" or
    "other" (empty when only the surface rules have looked at it).
    """

    start: int
    end: int
    text: str
    government: str
    kind: str
    is_government: bool = True
    reason: str = ""
    sense: str = ""


@dataclass(frozen=True, slots=True)
class _Alias:
    surface: str
    government: str | None  # None for a blocked phrase
    kind: str
    plural: bool = False  # a demonym's plural ("North Koreans"): the people


@dataclass
class Gazetteer:
    """Aliases of governments, compiled into one regular expression.

    ``aliases`` maps each surface form to its canonical government and kind; ``leader_years`` maps
    ``(government, leader)`` to the years in office; ``domestic`` maps a government to the words that mark
    its domestic politics; ``sources`` lists the files the gazetteer was built from.
    """

    aliases: dict[str, _Alias]
    leader_years: dict[tuple[str, str], str] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    domestic: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # one trie-shaped pattern (longest alias wins); contextual forms ("the North") must not be the start
        # of a longer name ("the North Koreans")
        alternation = _trie_pattern(
            {s: (r"(?!\s+[A-Z])" if a.kind == "contextual" else "") for s, a in self.aliases.items()}
        )
        self._regex = re.compile(rf"(?<![\w.\-]){alternation}(?![\w\-]*\w)(?!\.\w)")
        contextual = {s for s, a in self.aliases.items() if a.kind == "contextual"}
        loose = {
            s: (r"(?!\s+[A-Z])" if s in contextual else "") for s in set(self.aliases) | set(self.ambiguous)
        }
        self._loose_regex = re.compile(r"(?<![\w\-])" + _trie_pattern(loose) + r"(?!\w)")

    # ------------------------------------------------------------------ public API

    @property
    def governments(self) -> list[str]:
        """Sorted canonical keys of every government in the gazetteer."""
        return sorted({a.government for a in self.aliases.values() if a.government})

    def aliases_of(self, government: str) -> dict[str, list[str]]:
        """Aliases of one government grouped by kind: ``{"capital": ["Seoul"], ...}``."""
        out: dict[str, list[str]] = {}
        for a in self.aliases.values():
            if a.government == government:
                out.setdefault(a.kind, []).append(a.surface)
        return {k: sorted(v) for k, v in out.items()}

    def country_of(self, phrase: str) -> str | None:
        """Canonical key of the first country or organisation named in ``phrase`` (place uses included).

        >>> default_gazetteer().country_of("the U.S. State Department")
        'United States'
        """
        for m in self._loose_regex.finditer(phrase):
            surface = m.group(0)
            alias = self.aliases.get(surface)
            if alias is not None:
                if alias.government is None:
                    continue
                return alias.government
            if surface in self.ambiguous:
                return self.ambiguous[surface]
        return None

    def find_mentions(
        self, text: str, sentences: list[tuple[int, int]] | None = None
    ) -> list[GovernmentMention]:
        """Every mention of a government in ``text``, in order, place and people uses flagged.

        ``sentences``: (start, end) sentence spans of ``text`` if already known (``article.sentences``);
        they are used to resolve "the government" and "its government"; by default they are computed.

        >>> [m.text for m in default_gazetteer().find_mentions("Its website. North Korea said so.")]
        ['North Korea']
        """
        raw = self.candidates(text)
        raw.extend(self.resolve_anaphora(text, raw, sentences))
        raw.sort(key=lambda x: x.start)
        return raw

    def _names_of(self, government: str | None) -> frozenset[str]:
        """Every alias of ``government`` (the spelled-out names an acronym of it may stand for)."""
        return frozenset(s for s, a in self.aliases.items() if a.government == government)

    def candidates(self, text: str) -> list[GovernmentMention]:
        """The alias matches of :meth:`find_mentions` with their surface decisions (titles merged, bare family
        names of leaders added) but without "the government"-style phrases, which depend on the decisions.

        >>> [m.text for m in default_gazetteer().candidates("Seoul said the government agreed.")]
        ['Seoul']
        """
        raw: list[GovernmentMention] = []
        korea_story = any(h in text for h in _KOREA_HINT)
        matches = list(self._regex.finditer(text))
        named = {
            self.aliases[m.group(0)].government
            for m in matches
            if self.aliases[m.group(0)].kind != "contextual"
        }
        for m in matches:
            alias = self.aliases[m.group(0)]
            if alias.government is None:
                continue
            if alias.kind == "contextual" and (
                not korea_story
                if alias.government in ("North Korea", "South Korea")
                else alias.government not in named  # "CCTV" is China's only in a story naming China
            ):
                continue
            if alias.surface == "US" and _in_caps_run(text, m.start(), m.end()):
                continue
            if alias.kind == "short" and _spelled_otherwise(
                text, alias.surface, self._names_of(alias.government)
            ):
                continue  # "the WTO" of a story that spells out the World Tourism Organisation
            ok, reason = _decide(text, m.start(), m.end(), alias, raw)
            raw.append(
                GovernmentMention(m.start(), m.end(), m.group(0), alias.government, alias.kind, ok, reason)
            )
        raw = _merge_titles(text, raw)
        raw.extend(self._short_names(text, raw))
        raw.sort(key=lambda x: x.start)
        return raw

    def in_office(self, government: str, name: str, year: int) -> bool | None:
        """Whether the office-holder ``name`` (a full name, a surname, or either with a title before it) held
        office in ``year`` by the gazetteer's ``leader_years``; None when no years are listed for the name.
        A surname alone matches every listed leader of that government with that surname.

        >>> g = default_gazetteer()
        >>> g.in_office("United States", "Donald Trump", 2016), g.in_office("United States", "Trump", 2018)
        (False, True)
        >>> g.in_office("United States", "Bush administration", 2004), g.in_office("Japan", "Nobody", 2004)
        (True, None)
        >>> g.in_office("United States", "Hillary Rodham Clinton", 2015)
        False
        >>> g.in_office("United States", "Donald Trump and Hillary Rodham Clinton", 2016)
        False
        """
        parts = re.split(r"\s+(?:and|&)\s+", name)
        if len(parts) > 1:  # "Donald Trump and Hillary Rodham Clinton": in office if either is
            held = [self.in_office(government, part, year) for part in parts]
            return True if True in held else (False if False in held else None)
        words = [w for w in re.findall(r"[\w.'’-]+", name) if w.lower() not in _OFFICE_WORDS]
        if not words:
            return None
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        full = " ".join(words)
        found = None
        for (gov, leader), spans in self.leader_years.items():
            if gov != government:
                continue
            plain, bare = full.replace(".", ""), leader.replace(".", "")
            same = plain.endswith(bare) or bare.endswith(plain)
            # "Hillary Rodham Clinton" is "Hillary Clinton"
            given_and_family = len(words) > 2 and [words[0], words[-1]] == bare.split()
            same = same or given_and_family
            if not same and (len(words) > 1 or leader.split()[-1] != words[-1]):
                continue
            for start, end in re.findall(r"(\d{4})\s*-\s*(\d{4})?", spans):
                if int(start) <= year <= int(end or 9999):
                    return True
            found = False
        return found

    def resolve_anaphora(
        self, text: str, mentions: list[GovernmentMention], sentences: list[tuple[int, int]] | None = None
    ) -> list[GovernmentMention]:
        """New mentions for "the government", "its government(-run)", "the regime" and an unqualified "Foreign
        Ministry", each resolved to the first government-sense mention earlier in its sentence, else in the
        sentence before; phrases that overlap ``mentions`` or cannot be resolved are left out.

        >>> g = default_gazetteer()
        >>> text = "Seoul met Beijing. The government said no."
        >>> [(m.text, m.government) for m in g.resolve_anaphora(text, g.candidates(text))]
        [('The government', 'South Korea')]
        """
        return _resolve_anaphora(text, mentions, sentences)

    def _short_names(self, text: str, mentions: list[GovernmentMention]) -> list[GovernmentMention]:
        """Bare family names ("Kim", "Clinton") after the full name of a leader earlier in the text."""
        known: list[tuple[int, str, str, str]] = []  # (end, family name, government, full name)
        for m in mentions:
            if m.kind != "leader":
                continue
            full = next(
                (a for a in self.aliases if self.aliases[a].kind == "leader" and m.text.endswith(a)), None
            )
            if not full or " " not in full:
                continue
            parts = full.split()
            family = parts[0] if m.government in _FAMILY_NAME_FIRST else parts[-1]
            known.append((m.end, family, m.government, full))
        if not known:
            return []
        out = []
        taken = SpanIndex((m.start, m.end) for m in mentions)
        for family in {k[1] for k in known}:
            for hit in re.finditer(rf"(?<![\w\-]){re.escape(family)}(?![\w\-])(?!\s+[A-Z][a-z])", text):
                s, e = hit.span()
                if taken.covering(s, s + 1):
                    continue
                prev = re.search(r"(\S+)\s+$", text[max(0, s - 40) : s])
                if prev and prev.group(1)[:1].isupper():
                    before_prev = text[max(0, s - 40) : s][: prev.start(1)].rstrip()
                    if before_prev and before_prev[-1] not in '.!?"”\n':
                        continue  # "Sam Kim": a different person's full name
                earlier = [k for k in known if k[1] == family and k[0] <= s]
                if earlier:
                    _, _, gov, full = earlier[-1]
                    out.append(GovernmentMention(s, e, text[s:e], gov, "leader", True, f"short for '{full}'"))
        return out

    def government_mentions(self, text: str) -> list[GovernmentMention]:
        """Only the mentions that name a government (``is_government`` True)."""
        return [m for m in self.find_mentions(text) if m.is_government]


def _trie_pattern(words: dict[str, str]) -> str:
    """A regex alternation shaped as a character trie; each word maps to a suffix (lookahead) for its end.

    Longer continuations are tried first, so the longest alias matches, as with a longest-first alternation,
    but the engine walks shared prefixes once.
    """
    trie: dict = {}
    for word, suffix in words.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = suffix

    def build(node: dict) -> str:
        end = node.get("")
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return end or ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end is None:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    return "(?:" + build(trie) + ")"


# ---------------------------------------------------------------------- decision rules


def _words_before(text: str, pos: int, n: int) -> list[str]:
    window = text[max(0, pos - 80) : pos]
    # stop at a sentence or clause boundary
    cut = max(window.rfind(". "), window.rfind("; "), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    return [w.lower() for w in _WORD_RE.findall(window)][-n:]


def _words_after(text: str, pos: int, n: int) -> list[str]:
    window = text[pos : pos + 80]
    cut = [
        i
        for i in (
            window.find(". "),
            window.find(", "),
            window.find("; "),
            window.find("\n"),
            window.find('"'),
        )
        if i >= 0
    ]
    if cut:
        window = window[: min(cut)]
    return [w.lower() for w in _WORD_RE.findall(window)][:n]


#: Small words an acronym's spelled-out name may hold without a letter ("Food and Agriculture Organisation").
_ACRONYM_GAPS = r"(?:\s+(?:of|and|for|the|on|&))*\s+"


def _spelled_otherwise(text: str, acronym: str, names: frozenset[str]) -> bool:
    """Whether ``text`` spells ``acronym`` out as a name that is none of ``names``: in a story about the
    "World Tourism Organisation", "the WTO" is that body, not the World Trade Organization.

    >>> trade = frozenset({"World Trade Organisation"})
    >>> _spelled_otherwise("The World Tourism Organisation (WTO) said so.", "WTO", trade)
    True
    >>> _spelled_otherwise("The World Trade Organisation (WTO) said so.", "WTO", trade)
    False
    >>> _spelled_otherwise("United States Army (USA) units", "USA", frozenset({"United States"}))
    False
    """
    letters = [c for c in acronym if c.isalpha()]
    if not 3 <= len(letters) <= 6 or not all(c.isupper() for c in letters):
        return False  # two letters ("US", "UN") spell too many names
    pattern = r"\b" + _ACRONYM_GAPS.join(f"{c}[a-z]+" for c in letters) + r"\b"
    return any(
        not any(n in m.group(0) for n in names)  # "United States Army" is still the United States
        for m in re.finditer(pattern, text)
    )


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """True when the token sits in an all-caps stretch (a headline), where "US" may be the pronoun."""
    left = text[max(0, start - 12) : start]
    right = text[end : end + 12]
    return bool(re.search(r"[A-Z]{3,}\s*$", left) or re.match(r"^\s*[A-Z]{3,}", right))


def _name_word_before(text: str, start: int, earlier: list[GovernmentMention]) -> str:
    """The capitalised word right before ``start`` that makes an institution part of another name ("World"
    in "the 3GSM World Congress", "York" in "New York State Department of Health"), or "": not at a sentence
    start, not "The" or "US", and not a name the gazetteer matched ("US Congress", "Chinese Parliament")."""
    left = text[max(0, start - 40) : start]
    prev = re.search(r"(?:^|(?<=\s))([A-Z][\w-]*)\s+$", left)
    if prev is None or prev.group(1) in ("The", "US", "U.S.", "American", "A", "An"):
        return ""
    if re.search(r"-[a-z]+$", prev.group(1)):
        return ""  # "the Republican-controlled Senate", "a Labour-run council": a description, not a name
    if re.search(r"(?:^|[.!?\"“:])\s*$", left[: prev.start()]):
        return ""  # the word starts a sentence or a quotation
    word_end = start - (len(left) - prev.end(1))
    if earlier and earlier[-1].end == word_end:
        return ""
    return prev.group(1)


#: Capitalised words before a leader's surname that keep it the leader's ("President Obama", "Mr Blair").
_SURNAME_TITLES = frozenset(
    """President Mr Mrs Ms Miss Dr Senator Sen Secretary Governor Gov Premier Chancellor Minister Prime
    General Gen King Queen Vice Ambassador Leader Chairman Speaker Rep Representative Judge Lord Sir Dame
    Comrade Mister Madam Emperor Sultan Emir Crown Prince Princess Commander Chief Marshal Admiral
    The A An And But In On At As If When While After Before By For From With Without Under Of To Then
    """.split()
)


_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\((?:AP|AFP|Reuters|UPI|Xinhua|dpa|Bloomberg|CNN)\)\s*)?"
    r"(?:[—–]|--|-\s)"
)


def _dateline(text: str, start: int, end: int) -> str:
    """The dateline a name opens ("Mexico City (AFP) -", "WASHINGTON —" at the start of a line), or "".

    >>> _dateline("Mexico City (AFP) - Mexico's president said", 0, 11)
    'Mexico City (AFP) -'
    >>> _dateline("He left Mexico City - for good", 8, 19)
    ''
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return ""
    after = _DATELINE_AFTER.match(text, end)
    if after is None or (after.group(0).strip()[:1] not in "(—–-," and not after.group(0).startswith(" ")):
        return ""
    if "(" not in after.group(0) and not text[start:end].isupper():
        return ""  # without an agency, only the capitalised form: "WASHINGTON —"
    return text[start : after.end()].strip()


#: The state's bodies: "in the U.K. parliament" is not a locative of the country.
_BODIES = frozenset(
    "parliament congress senate cabinet government administration legislature ministry".split()
)


def _given_name_before(text: str, start: int) -> str:
    """The capitalised word right before ``start`` that makes a leader's bare surname another person's full
    name ("Michelle" in "Michelle Obama"), or "" (a title, a sentence start, a name the gazetteer knows)."""
    prev = re.search(r"(?:^|(?<=\s))([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    if prev is None or prev.group(1) in _SURNAME_TITLES:
        return ""
    before = text[max(0, start - 30) : start][: prev.start(1)].rstrip()
    if (not before or before[-1] in '.!?"“”:;(\n') and not is_given_name(prev.group(1)):
        return ""  # "... said. Obama" / a sentence start ("Michelle Obama was ..." is still a given name)
    return prev.group(1)


def _decide(
    text: str, start: int, end: int, alias: _Alias, earlier: list[GovernmentMention]
) -> tuple[bool, str]:
    """(is_government, reason) for one alias match; the rules are listed in the module docstring."""
    kind = alias.kind
    if kind == "institution":
        word = _name_word_before(text, start, earlier)
        if word:  # "the 3GSM World Congress", "the African National Congress"
            return False, f"part of the name '{word} {alias.surface}' (not the state's)"
    if kind == "leader" and " " not in alias.surface:
        given = _given_name_before(text, start)
        if given:  # "Michelle Obama's appearance": another person with the leader's surname
            return False, f"'{given} {alias.surface}' (another person)"
    if kind in ("institution", "leader"):
        return True, ""
    dateline = _dateline(text, start, end)
    if dateline:  # "Mexico City (AFP) -": where the story was filed
        return False, f"dateline '{dateline}' (the place)"
    before = _words_before(text, start, 4)
    after_text = text[end : end + 3]
    possessive = after_text.startswith(("'s", "’s"))
    after = _words_after(text, end + (2 if possessive else 0), 3)

    # coordination: "between China and North Korea" inherits the decision made for "China"
    if before and before[-1] in ("and", "or") and earlier:
        prev = earlier[-1]
        gap = text[prev.end : start]
        if re.fullmatch(r"\s+(?:and|or)\s+(?:the\s+)?", gap) and not prev.is_government:
            return False, prev.reason

    if kind == "demonym":
        if alias.plural:
            return False, "plural demonym names people"
        head = None
        for w in after[:3]:
            w = re.sub(r"['’]s$", "", w)  # "the Australian government's decision"
            if w in GOVERNMENT_HEADS:
                return True, ""
            if w in PEOPLE_HEADS or w in PLACE_HEADS:
                head = w
                break
        if head:
            return False, f"demonym modifies '{head}' (people or things, not the state)"
        return False, "demonym without a government noun after it"

    body = len(after) > 1 and after[1] in GOVERNMENT_HEADS  # "the UN refugees agency"
    if kind in ("name", "short") and not possessive and after and after[0] in PEOPLE_HEADS and not body:
        return False, f"'{alias.surface} {after[0]}' names people or things, not the state"

    if possessive and after:
        if after[:2] == ["air", "force"]:  # "the Ivory Coast's air force"
            return True, ""
        for w in after[:3]:
            if w in GOVERNMENT_HEADS:
                return True, ""
            if w in PLACE_HEADS:
                return False, f"possessive names a place or its people ('{w}')"
        return True, ""

    # locative uses
    b = [w for w in before if w != "the"]
    if b:
        last = b[-1]
        if last == "from" and not (len(b) >= 2 and (b[-2] in _MOVEMENT_WORDS or b[-2] in PEOPLE_HEADS)):
            return True, ""  # "help from U.N. ...", "pressure from Beijing": the source, an actor
        if last in _LOCATIVE_PREPS:
            if len(b) >= 2 and b[-2] in _OFFICIAL_WORDS:
                return True, ""
            if after and after[0] in _BODIES and not possessive:  # "debate in the U.K. parliament"
                return True, ""
            return False, f"locative '{last} {alias.surface}' (the place)"
        if last == "to" and len(b) >= 2 and b[-2] in _MOVEMENT_WORDS:
            return False, f"destination '{b[-2]} to {alias.surface}' (the place)"
        if last == "between" and len(b) >= 2 and b[-2] in _GEO_NOUNS:
            return False, f"'{b[-2]} between' (geography)"
        if last in _LEAVE_VERBS:
            return False, f"'{last} {alias.surface}' (the country left)"
        if last in ("visit", "visits", "visited", "visiting", "tour", "toured", "touring"):
            return False, f"'{last} {alias.surface}' (the place visited)"
    return True, ""


def _merge_titles(text: str, mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """Merge adjacent mentions of one government separated only by a title.

    A title is at most 4 words, with no punctuation.
    """
    out: list[GovernmentMention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            if (
                prev.government == m.government
                and (prev.is_government or prev.kind == "demonym")
                and m.kind in ("institution", "leader", "contextual")
                and len(gap.split()) <= 4
                and (gap == " " or _TITLE_GAP.match(gap) and _is_title(gap))
            ):
                out[-1] = GovernmentMention(
                    prev.start, m.end, text[prev.start : m.end], m.government, m.kind, True, ""
                )
                continue
        out.append(m)
    return out


def _is_title(gap: str) -> bool:
    """Whether the words between two mentions can be a title ("'s Foreign Minister", " finance minister ",
    " Lt. Gen. "), not a clause or a sentence break ("had warned", "'s advice. Lord").

    >>> _is_title("'s foreign minister "), _is_title(" on Tuesday. Senators in ")
    (True, False)
    """
    for word in _WORD_RE.findall(gap.replace("'s", " ").replace("’s", " ")):
        if word[:1].isupper():
            continue
        if word.lower() not in GOVERNMENT_HEADS and word.lower() not in _TITLE_WORDS:
            return False
    return not re.search(r"[A-Za-z]{4,}\.\s", gap)  # "Tuesday. Senators": a sentence ends


def _first_starting_in(mentions: list, starts: list[int], lo: int, hi: int):
    """The first of ``mentions`` (sorted, ``starts`` their starts) starting in ``[lo, hi)``, or None."""
    k = bisect.bisect_left(starts, lo)
    return mentions[k] if k < len(mentions) and starts[k] < hi else None


def _resolve_anaphora(
    text: str, mentions: list[GovernmentMention], sentences: list[tuple[int, int]] | None = None
) -> list[GovernmentMention]:
    """Resolve 'the government', 'Its government-run', 'the regime', a bare 'Foreign Ministry'.

    Each becomes a mention of a named government.
    """
    gov = [m for m in mentions if m.is_government]
    if not _ANAPHORA.search(text):
        return []
    main = _main_country(mentions)
    if not gov and main is None:
        return []
    spans = sentences if sentences is not None else nlp.sentence_spans(text)
    found = SpanIndex((g.start, g.end) for g in mentions)
    gov = sorted(gov, key=lambda g: g.start)
    gov_starts = [g.start for g in gov]
    out = []
    for m in _ANAPHORA.finditer(text):
        start, end = m.span("phrase")
        if found.overlapping(start, end):
            continue
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[end : end + 30]):
            continue  # "the government of Costa Rica" is named by what follows
        if (
            re.search(r"(?:'s|’s|[A-Z][\w.]*)\s+$", text[max(0, start - 30) : start])
            and m.group(0)[0] not in "TtIi"
        ):
            continue  # "Seoul's Foreign Ministry", "Chinese Foreign Ministry": named by the mention before it
        # the sentence holding the phrase, and the one before it
        idx = position_in_sorted(spans, start)
        if idx is None:
            continue
        target = _first_starting_in(gov, gov_starts, spans[idx][0], start)
        if target is None and idx > 0:
            target = _first_starting_in(gov, gov_starts, *spans[idx - 1])
        authorities = re.fullmatch(r"[Tt]he\s+authorities", m.group("phrase")) is not None
        if authorities and re.match(r"\s+(?:in|of)\b", text[end : end + 5]):
            continue  # "the authorities in Florida" are named by what follows
        if authorities and (target is None or target.government != (main or ("",))[0]):
            target = None  # "the authorities" are only the main country's
            if main is None:
                continue
        if (
            target is None
            and main is not None
            and (authorities or re.fullmatch(r"[Tt]he\s+government", m.group("phrase")))
        ):
            # no state named just before: the country the article is about ("The government is waiting
            # for the international community", in a story naming Angola many times)
            out.append(
                GovernmentMention(
                    start,
                    end,
                    text[start:end],
                    main[0],
                    "contextual",
                    True,
                    f"the {'authorities' if authorities else 'government'} of {main[0]}, the country the"
                    f" article names most ({main[1]} times)",
                )
            )
            continue
        if target is None:
            continue
        out.append(
            GovernmentMention(
                start,
                end,
                text[start:end],
                target.government,
                "contextual",
                True,
                f"refers back to '{target.text}'",
            )
        )
    return out


#: Mentions a country needs, and its lead over the next, to be the one an unresolved "the government" is.
MAIN_COUNTRY_MIN = 3


def _main_country(mentions: list[GovernmentMention]) -> tuple[str, int] | None:
    """The state (not an organisation of states) the mentions name most, in any sense, with how often: at
    least :data:`MAIN_COUNTRY_MIN` times and at least twice as often as any other; else None.

    >>> m = [GovernmentMention(0, 6, "Angola", "Angola", "name", False)] * 3
    >>> _main_country(m + [GovernmentMention(9, 11, "US", "United States", "short", False)])
    ('Angola', 3)
    """
    counts: dict[str, int] = {}
    for m in mentions:
        state = not ORGANISATION_OF_STATES.search(m.government)
        if state and m.kind in ("name", "short", "demonym", "capital"):
            counts[m.government] = counts.get(m.government, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MAIN_COUNTRY_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0]


#: Canonical names of organisations of states ("European Union", "G8"): never "the government", and a body
#: named by itself is its own evidence (:mod:`analysis.mentions`).
ORGANISATION_OF_STATES = re.compile(
    r"Union|Nations|Organi[sz]ation|Fund|Bank|Council|Treaty|Alliance|Community|^G\d+$|^OPEC$"
)


# ---------------------------------------------------------------------- loading


def _split(cell: str) -> list[str]:
    return [s.strip() for s in cell.split(";") if s.strip()]


def _read_un_table(path: Path) -> tuple[dict[str, _Alias], dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"{path}: cannot read the UN member table ({exc})") from exc
    rows = [ln for ln in lines if ln and not ln.startswith("#")][1:]
    aliases: dict[str, _Alias] = {}
    ambiguous: dict[str, str] = {}
    for n, row in enumerate(rows, 1):
        cells = row.split("\t")
        if len(cells) != 5:
            raise ModelError(f"{path}: data row {n} has {len(cells)} columns, expected 5")
        key, others, demonyms, capitals, amb = cells
        aliases.setdefault(key, _Alias(key, key, "name"))
        for s in _split(others):
            aliases.setdefault(s, _Alias(s, key, "short" if len(s) <= 5 else "name"))
        for s in _split(demonyms):
            aliases.setdefault(s, _Alias(s, key, "demonym"))
        for s in _split(capitals):
            aliases.setdefault(s, _Alias(s, key, "capital"))
        for s in _split(amb):
            ambiguous[s] = key
    return aliases, ambiguous


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: gazetteer file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc


def _apply_toml(
    data: dict,
    path: Path,
    aliases: dict[str, _Alias],
    years: dict[tuple[str, str], str],
    ambiguous: dict[str, str],
    domestic: dict[str, tuple[str, ...]] | None = None,
) -> None:
    """Validate one governments TOML document and merge it into ``aliases`` (later files win)."""
    unknown_top = set(data) - {"governments"}
    if unknown_top:
        raise ConfigError(
            f"{path}: unknown top-level key {sorted(unknown_top)[0]!r} (expected [governments.<name>] tables)"
        )
    govs = data.get("governments", {})
    if not isinstance(govs, dict):
        raise ConfigError(f"{path}: 'governments' must be a table of [governments.<name>] tables")
    for key, table in govs.items():
        where = f"governments.{key!r}" if " " in key else f"governments.{key}"
        if not key.strip():
            raise ConfigError(f"{path}: {where}: the government name is empty")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: {where} must be a table")
        for fld, value in table.items():
            if fld == "replace":
                if not isinstance(value, bool):
                    raise ConfigError(f"{path}: {where}.replace must be true or false")
            elif fld == "domestic":
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise ConfigError(f"{path}: {where}.domestic must be a list of non-empty strings")
            elif fld == "leader_years":
                if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                    raise ConfigError(f"{path}: {where}.leader_years must map leader names to strings")
            elif fld in _TOML_FIELDS:
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise ConfigError(f"{path}: {where}.{fld} must be a list of non-empty strings")
            else:
                raise ConfigError(
                    f"{path}: {where}.{fld}: unknown field (expected one of "
                    f"{', '.join([*_TOML_FIELDS, 'domestic', 'leader_years', 'replace'])})"
                )
        if table.get("replace"):
            for s in [s for s, a in aliases.items() if a.government == key]:
                del aliases[s]
            for s in [s for s, g in ambiguous.items() if g == key]:
                del ambiguous[s]
        aliases.setdefault(key, _Alias(key, key, "name"))
        for fld, kind in _TOML_FIELDS.items():
            for s in table.get(fld, []):
                aliases[s.strip()] = _Alias(s.strip(), key, kind)
        for leader, yrs in table.get("leader_years", {}).items():
            years[(key, leader)] = yrs
        if domestic is not None and "domestic" in table:
            words = [w.strip() for w in table["domestic"]]
            domestic[key] = tuple(
                words if table.get("replace") else dict.fromkeys([*domestic.get(key, ()), *words])
            )


def load_gazetteer(path: str | Path | None = None, overrides_toml: str | Path | None = None) -> Gazetteer:
    """Build a gazetteer from the UN table plus a detailed TOML plus overrides.

    ``path`` is the detailed TOML (default: the shipped one).

    Raises :class:`~analysis.errors.ConfigError` naming the file and key when a TOML file is invalid.

    >>> load_gazetteer().aliases_of("South Korea")["capital"]
    ['Seoul']
    """
    aliases, ambiguous = _read_un_table(UN_TABLE)
    years: dict[tuple[str, str], str] = {}
    domestic: dict[str, tuple[str, ...]] = {}
    sources = [str(UN_TABLE)]
    for p in (Path(path) if path is not None else DETAIL_TOML, overrides_toml):
        if p is None:
            continue
        p = Path(p)
        _apply_toml(_read_toml(p), p, aliases, years, ambiguous, domestic)
        sources.append(str(p))
    for surface, a in list(aliases.items()):
        if a.kind == "demonym" and a.surface[-1] not in "sih" and a.surface[-3:] not in ("ese", "ish"):
            aliases.setdefault(surface + "s", _Alias(surface + "s", a.government, "demonym", plural=True))
    for phrase in BLOCKED_PHRASES:
        aliases[phrase] = _Alias(phrase, None, "blocked")
    return Gazetteer(
        aliases=aliases, leader_years=years, ambiguous=ambiguous, sources=sources, domestic=domestic
    )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process."""
    return load_gazetteer()
