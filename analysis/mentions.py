"""Government mentions of an article: every gazetteer match, and whether it denotes the government.

:func:`find_mentions` is what :attr:`analysis.context.ArticleContext.mentions` holds. It starts from the
gazetteer's surface matches (:meth:`analysis.gazetteer.Gazetteer.candidates`: names, demonyms, capitals,
institutions, leaders, with the surface rules for locatives and demonyms) and decides for each name whether
it denotes the state as a political actor (its institutions, office-holders) or something else, using the
parse of its sentence (parsed only for sentences that hold such a name), the named entities where a name
sits next to another proper name, and the article as a whole:

1. **Institutions and office-holders** ("the State Department", "Tony Blair") are the government.
0. **A surname or a currency**: after an honorific ("said Mr Wellington"), before "$" ("US$100,000").
2. **Modifier or possessor of a noun** takes that noun's sense (lists in
   ``analysis/data/mention_senses.toml``; the rules' own word lists are in ``mention_words.toml``): the
   head noun's own sense first ("a US computer security firm",
   "a London department store"; but "Chinese state press" is state media); else a government noun anywhere
   in the noun phrase makes it the government ("US officials", "Iraq's Oil Ministry", "US Treasury
   Secretary John Snow"); otherwise a team noun ("France defender Gallas"), an economy noun ("the US
   economy", "UK banking group Barclays", "Russia's oil output"), a people noun, a place noun or an event
   ("the Iraq war", "a US court") decides. A ranking inside the country ("the UK's biggest lender") is not
   the state. A possessed proper name is looked up by the entity recogniser: a person ("Spain's Felix
   Mantilla") makes it a national, an organisation ("Germany's DaimlerChrysler") the economy.
3. **Part of a longer name** ("Brazil Open", "the London FTSE", "Stade de France", "the Motion Picture
   Association of America") is not the government.
4. **Nationality or origin of a person**: "Filippo Volandri of Italy", "Paul Honiss (New Zealand)", "the
   12 are from Algeria"; **a place** after a locative the surface rules did not see ("in Communist
   Russia", "in Australia, Finland, Brazil") or as the object of "visit".
5. **Sports**: in a sports report (density of sports words, :func:`sports_density`) or as the subject or
   object of a contest ("England beat Wales", "a win over South Africa", "loss to Ireland"), a country is a
   team, unless a government noun says otherwise ("the US Anti-Doping Agency").
6. **Economy as subject**: "Britain is the fourth-largest economy"; **after a noun of the economy, a place
   or an event** the object of a preposition takes its sense ("the production of Saabs to the US", "the
   meeting of the G7", "the streets of Seoul"); a verb of the economy ("China overtook the US", "Japan
   dominates mobile phone technology", "Britain continues to lag behind").
6b. **Lists and examples** share the role of their noun: "the booming economies of countries such as
   China" (the economy), "in countries as varied as Serbia" (a place), "cities (Helsinki, Oslo)", "the
   Paris, Amsterdam and Lisbon bourses", "the worst affected countries including Sri Lanka"; "Asian states
   such as Japan" stay the state. Ranges and journeys ("from Malaysia to Africa", "flying in from Japan",
   "run from Romania", "fly between Australia and the US"), origins of things ("the film from Spain"),
   parties ("a UK Independence Party MEP"), former office-holders ("the former Dutch prime minister") and
   things named after a capital ("the Lisbon targets") are not the state; in a story with sports words
   (half a sports report's density), "represent Trinidad and Tobago", "compete for Great Britain" and
   "Madrid play" are teams.
7. Otherwise the state acting: subject, object or agent of a verb ("Seoul pressed China").

Each rule is a small named check (``_surname_check``, ``_head_noun_check``, ...); they run in the order of
``_PHRASE_CHECKS`` (the name's own noun phrase), then, once the token whose role the name shares is found,
``_ROLE_CHECKS`` (its role in the sentence); the first decision wins, else rule 7.

Then phrases that name a government without naming the country are added: in a story of one government's
domestic politics (its ``domestic`` words in ``governments.toml``, at least :data:`DOMESTIC_MIN_CUES`
different ones: "MPs", "Labour", "Downing Street" for the United Kingdom), "the government", "ministers",
"the prime minister", "the chancellor" are that government unless a word before them makes them another's
("shadow home secretary", "a Conservative government"); elsewhere "the government" and "its government-run"
resolve to the government-sense mention before them (:meth:`analysis.gazetteer.Gazetteer.resolve_anaphora`).

Every mention keeps ``is_government``, ``sense`` and the ``reason`` for the decision.

>>> from analysis.context import ArticleContext
>>> found = ArticleContext.of("Seoul pressed China over the US economy and its Ireland winger.").mentions
>>> [(m.text, m.is_government, m.sense) for m in found]  # doctest: +NORMALIZE_WHITESPACE
[('Seoul', True, 'government'), ('China', True, 'government'), ('US', False, 'economy'),
 ('Ireland', False, 'team')]
>>> found[3].reason
"modifies 'winger' (a team or athlete)"
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import ConfigError
from .gazetteer import (
    GOVERNMENT_HEADS,
    ORGANISATION_OF_STATES,
    PEOPLE_HEADS,
    PLACE_HEADS,
    GovernmentMention,
    default_gazetteer,
)

__all__ = [
    "find_mentions",
    "decide_mentions",
    "Senses",
    "load_senses",
    "default_senses",
    "sports_density",
    "is_sports_story",
    "domestic_government",
    "SENSES_PATH",
    "WORDS_PATH",
    "load_words",
    "sentence_mentions",
    "lone_role_readings",
    "DOMESTIC_MIN_CUES",
    "SENSES",
]

SENSES_PATH = Path(__file__).with_name("data") / "mention_senses.toml"
WORDS_PATH = Path(__file__).with_name("data") / "mention_words.toml"


def load_words(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """The word lists of the mention rules (default: the shipped ``analysis/data/mention_words.toml``), each
    a string of words or an array of phrases. Raises :class:`~analysis.errors.ConfigError` naming the file
    and key when it is missing or malformed.

    >>> "withdraw" in load_words()["leaving_verbs"]
    True
    """
    path = Path(path) if path is not None else WORDS_PATH
    try:
        with open(path, "rb") as fh:
            table = tomllib.load(fh)["words"]
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: word lists file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    except KeyError as exc:
        raise ConfigError(f"{path}: missing table [words]") from exc
    out = {}
    for key, value in table.items():
        if isinstance(value, str):
            out[key] = frozenset(value.split())
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = frozenset(value)
        else:
            raise ConfigError(f"{path}: words.{key} must be a string of words or an array of strings")
    return out


_WORDS = load_words()


def _word_list(key: str) -> frozenset[str]:
    """One list of :data:`WORDS_PATH` (a missing one is a :class:`~analysis.errors.ConfigError`)."""
    try:
        return _WORDS[key]
    except KeyError as exc:
        raise ConfigError(f"{WORDS_PATH}: missing key words.{key}") from exc


#: Different sports words a story must use to count as a sports report (besides their density).
SPORTS_MIN_WORDS = 2
#: Different domestic words a story must use to count as that government's domestic politics.
DOMESTIC_MIN_CUES = 2
#: The senses a mention can have.
SENSES = ("government", "place", "people", "team", "economy", "venue", "other")
#: Team nouns that only mean a team inside a sports report ("Ireland's lead", "the Irish defence").
_SPORT_ONLY = _word_list("sport_only")
_NAME_KINDS = frozenset({"name", "short", "demonym", "capital"})
_STOP_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PUNCT", "AUX", "PART", "NUM", "SYM", "ADV"})
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
#: People of the state: "officials in Beijing" is the government, not a place.
_OFFICIALS = _word_list("officials")
_LIST_LOCATIVES = _word_list("list_locatives")
_CONTEST_PREPS = _word_list("contest_preps")


@dataclass(frozen=True)
class Senses:
    """The word lists of ``mention_senses.toml``: nouns by sense, sports words, domestic phrases."""

    nouns: dict[str, frozenset[str]]
    story_words: frozenset[str]
    story_threshold: float
    sports_verbs: frozenset[str]
    contest_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    political_verbs: frozenset[str]
    relation_nouns: frozenset[str]
    movement_verbs: frozenset[str]
    economy_verbs: frozenset[str]
    compared_verbs: frozenset[str]
    domestic_phrases: tuple[re.Pattern, ...]
    blockers: frozenset[str]

    def sense_of(self, word: str, sport: bool) -> str | None:
        """The sense a noun gives the name that modifies it ("economy" for "economy"), or None."""
        w = word.lower()
        if sport and w in _SPORT_ONLY:
            return "team"
        if w in self.nouns["government"]:
            return "government"
        if w in self.nouns["team"] and (sport or w not in _SPORT_ONLY):
            return "team"
        for sense in ("economy", "people", "place", "other"):
            if w in self.nouns[sense]:
                return sense
        return None


def _words(value, path: Path, key: str) -> frozenset[str]:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {key} must be a string of words")
    return frozenset(value.lower().split())


def _key(data: dict, table: str, key: str, path: Path):
    try:
        return data[table][key]
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: missing key {table}.{key}") from exc


def load_senses(path: str | Path | None = None) -> Senses:
    """Read a senses file (default: the shipped ``analysis/data/mention_senses.toml``).

    Raises :class:`~analysis.errors.ConfigError` naming the file and key when it is missing or malformed.

    >>> "economy" in load_senses().nouns["economy"]
    True
    """
    path = Path(path) if path is not None else SENSES_PATH
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: senses file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    try:
        nouns_table, sports, domestic = data["nouns"], data["sports"], data["domestic"]
        nouns = {k: _words(nouns_table[k], path, f"nouns.{k}") for k in SENSES if k not in ("venue",)}
        threshold = sports["story_threshold"]
        phrases = domestic["phrases"]
        if not isinstance(threshold, int | float):
            raise ConfigError(f"{path}: sports.story_threshold must be a number")
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ConfigError(f"{path}: domestic.phrases must be a list of regular expressions")
        compiled = tuple(re.compile(rf"(?<![\w\-])(?:{p})(?![\w\-])") for p in phrases)
    except KeyError as exc:
        raise ConfigError(f"{path}: missing key {exc.args[0]!r}") from exc
    except re.error as exc:
        raise ConfigError(f"{path}: domestic.phrases: invalid regular expression ({exc})") from exc
    # the gazetteer's surface list names state media ("North Korean newspaper"); here a newspaper, a
    # website or a firm listed as economy or people keeps that sense ("France's Le Figaro newspaper")
    nouns["government"] |= GOVERNMENT_HEADS - nouns["economy"] - nouns["people"]
    nouns["people"] |= PEOPLE_HEADS - nouns["economy"] - nouns["place"] - nouns["other"]
    nouns["place"] |= PLACE_HEADS - nouns["economy"] - nouns["people"]
    return Senses(
        nouns=nouns,
        story_words=_words(sports["story_words"], path, "sports.story_words"),
        story_threshold=float(threshold),
        sports_verbs=_words(sports["verbs"], path, "sports.verbs"),
        contest_nouns=_words(sports["contest_nouns"], path, "sports.contest_nouns"),
        addressee_verbs=_words(_key(data, "verbs", "addressee", path), path, "verbs.addressee"),
        political_verbs=_words(_key(data, "verbs", "political", path), path, "verbs.political"),
        movement_verbs=_words(_key(data, "verbs", "movement", path), path, "verbs.movement"),
        economy_verbs=_words(_key(data, "verbs", "economy", path), path, "verbs.economy"),
        compared_verbs=_words(_key(data, "verbs", "compared", path), path, "verbs.compared"),
        relation_nouns=_words(_key(data, "verbs", "relation_nouns", path), path, "verbs.relation_nouns"),
        domestic_phrases=compiled,
        blockers=_words(domestic["blockers"], path, "domestic.blockers"),
    )


@lru_cache(maxsize=1)
def default_senses() -> Senses:
    """The shipped senses, read once per process."""
    return load_senses()


def sports_density(text: str, senses: Senses | None = None) -> float:
    """Sports words per 100 words of ``text`` (a report is a sports story from ``story_threshold`` on).

    >>> round(sports_density("The striker scored twice as the champions won the league."), 1)
    40.0
    """
    senses = senses or default_senses()
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return 100.0 * sum(w in senses.story_words for w in words) / len(words)


def is_sports_story(text: str, senses: Senses | None = None) -> bool:
    """True when ``text`` reads as a sports report: at least :data:`SPORTS_MIN_WORDS` different sports words
    and a :func:`sports_density` of at least the senses' ``story_threshold``.

    >>> is_sports_story("Ireland beat Scotland: the fly-half kicked two penalties and a try at Murrayfield.")
    True
    >>> is_sports_story("Seoul pressed China over the fly-half.")
    False
    """
    senses = senses or default_senses()
    words = [w.lower() for w in _WORD.findall(text)]
    hits = [w for w in words if w in senses.story_words]
    if len(set(hits)) < SPORTS_MIN_WORDS or not words:
        return False
    return 100.0 * len(hits) / len(words) >= senses.story_threshold


def domestic_government(text: str, gazetteer=None) -> str | None:
    """The government whose domestic politics the story is about, if any: the one with the most different
    ``domestic`` words in ``text``, at least :data:`DOMESTIC_MIN_CUES`.

    >>> domestic_government("Labour MPs voted with the Tories in the Commons.")
    'United Kingdom'
    >>> domestic_government("Seoul pressed China.") is None
    True
    """
    gazetteer = gazetteer or default_gazetteer()
    best, best_n = None, 0
    for gov, pattern in _domestic_patterns(gazetteer).items():
        n = len({m.group(0).lower() for m in pattern.finditer(text)})
        if n > best_n:
            best, best_n = gov, n
    return best if best_n >= DOMESTIC_MIN_CUES else None


_PATTERN_CACHE: dict[int, dict[str, re.Pattern]] = {}


def _domestic_patterns(gazetteer) -> dict[str, re.Pattern]:
    key = id(gazetteer)
    if key not in _PATTERN_CACHE:
        _PATTERN_CACHE[key] = {
            gov: re.compile(
                r"(?<![\w\-])(?:"
                + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                + r")(?![\w\-])"
            )
            for gov, words in gazetteer.domestic.items()
            if words
        }
    return _PATTERN_CACHE[key]


# ---------------------------------------------------------------------------------------------- decisions


def _chain_after(doc, root, first_i: int, limit: int = 6) -> list:
    """Tokens of the noun phrase right of the mention, from token ``first_i``: through the mention's syntactic
    head when the mention modifies or possesses a noun after it, else up to four words, stopping at
    punctuation (a hyphen inside a word is kept), function words and verbs (a listed noun tagged as a verb, a
    tagging slip, is kept)."""
    senses = default_senses()
    head = root.head
    if root.dep_ in ("poss", "compound", "amod", "nmod") and first_i <= head.i < first_i + limit:
        if head.pos_ == "PROPN" and any(t.pos_ == "CCONJ" for t in doc[first_i : head.i]):
            return []  # "the IMF and World Bank": a list of names, not a modifier of "Bank"
        return [t for t in doc[first_i : head.i + 1] if not t.is_punct and t.text not in ("'s", "’s")]
    out = []
    for t in doc[first_i : first_i + 4]:
        if t.text == "-" and not t.whitespace_ and out:
            continue
        if t.is_punct or t.text in ("'s", "’s"):
            break
        sense = senses.sense_of(t.text, True)
        listed = sense is not None
        if t.pos_ in _STOP_POS and t.pos_ != "ADV" and not listed:
            break
        if t.pos_ == "VERB" and (not listed or sense == "government"):
            break  # a listed noun tagged as a verb is kept: "India imports 70%", "US rapper 50 Cent"
        out.append(t)
        if t.pos_ == "NOUN" and listed and t.dep_ not in ("compound", "amod", "nmod"):
            break
    return out


def _entity_over(doc, token_i: int):
    for e in doc.ents:
        if e.start <= token_i < e.end:
            return e
    return None


def _role_token(token):
    """The token whose role a coordinated or apposed mention shares ("Japan and China": Japan's role)."""
    seen = 0
    while (
        (token.dep_ in ("conj", "appos") or token.dep_ == "npadvmod" and token.head.pos_ == "PROPN")
        and token.head != token
        and seen < 8
    ):  # a list the parser chained: "(Helsinki, Oslo, Paris)"
        token = token.head
        seen += 1
    return token


def _locative_before(doc, token) -> bool:
    """Whether a locative preposition stands right before ``token``'s name ("In South Korea, Japan and Hong
    Kong ...": a misparsed list after "in" whose first name the surface rules already read as a place)."""
    i = token.i
    while i > 0 and doc[i - 1].dep_ == "compound" and doc[i - 1].pos_ == "PROPN":
        i -= 1
    if i == 0:
        return False
    before = doc[i - 1]
    return before.pos_ == "ADP" and before.lower_ in _LIST_LOCATIVES and before.head.lower_ not in _OFFICIALS


def _ranking_of(role, head) -> str:
    """The words that put a country in a ranking ("level below", "second only to", "came out top"), or ""."""
    if role.dep_ == "pobj" and head.lower_ in ("below", "above", "behind", "ahead", "as", "to", "after"):
        noun = head.head
        words = {t.lower_ for t in noun.subtree if t.i < head.i} | {noun.lower_}
        if words & _RANK_WORDS and not words & {"talks", "pressure", "government"}:
            return f"{noun.text} {head.text}"
    if role.dep_ == "pobj" and head.lower_ in ("below", "above", "behind", "ahead"):
        verb = head.head
        if verb.lemma_ == "be" or _in_terms_of(verb):  # "Spain is just behind the US in terms of rap"
            return f"{verb.text} {head.text}"
    if role.dep_ == "nsubj" and head.lemma_ == "be":  # "Spain is the leader in Spanish-language rap"
        for c in head.children:
            if (
                c.dep_ == "attr"
                and c.lower_ in _LEADER_NOUNS
                and any(g.dep_ == "prep" and g.lower_ == "in" for g in c.children)
            ):
                return f"{head.text} the {c.text} in"
    if role.dep_ == "nsubj" and head.lemma_ == "lead" and not any(c.dep_ == "dobj" for c in head.children):
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children):  # "the US leads in this"
            return f"{head.text} in"
    if role.dep_ == "nsubj":  # "with China and India filling the two top spots"
        for c in head.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in _SPOT_NOUNS:
                top = next((a for a in c.children if a.lower_ in _TOP_WORDS), None)
                if top is not None:
                    return f"{head.text} the {top.text} {c.text}"
    if role.dep_ == "nsubj" and head.lemma_ in ("come", "rank", "finish", "be"):
        tops = [
            c for c in head.subtree if c.lower_ in ("top", "bottom") and c.i > head.i and c.i - head.i <= 3
        ]
        if tops and head.lemma_ != "be":
            return f"{head.text} {tops[0].text}"
    return ""


def _in_terms_of(verb) -> bool:
    """Whether ``verb`` has an "in terms of" comparison ("behind the US in terms of overall rap")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lower_ == "terms" for g in c.children)
        for c in verb.children
    )


def _title_preposition(role, head) -> bool:
    """Whether the name ends a title whose preposition is capitalised mid-sentence ("Lily Tuck's The News
    From Paraguay", "Philip Roth's The Plot Against America"): a book, film or song, not the state."""
    return (
        role.dep_ == "pobj"
        and head.pos_ == "ADP"
        and head.text[:1].isupper()
        and head.i > role.sent.start
        and head.head.pos_ == "PROPN"
        and head.head.i < head.i
    )


def _name_head(root):
    """The token that carries a name's role: "the Republic of Congo" has the role of "Republic"."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _POLITY_TITLES:
        return root.head.head
    return root


def _place_name_over(doc, first, last) -> bool:
    """Whether one place entity spans tokens ``first`` to ``last`` ("the Gulf of Mexico")."""
    e = _entity_over(doc, first.i)
    return e is not None and e.label_ in ("LOC", "FAC") and e.end > last.i


def _list_first(token):
    """The first name of the list ``token`` is in ("the US and Japan": "US")."""
    while token.dep_ == "conj" and token.head != token and token.head.i < token.i:
        token = token.head
    return token


def _example_after_adverb(token):
    """The plural noun a name is an example of after an adverb of examples ("in a handful of countries around
    the world, mainly the US and Japan"), or None."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and (doc[i].pos_ == "DET" or doc[i].dep_ == "compound" and doc[i].pos_ == "PROPN"):
        i -= 1
    if i < 1 or doc[i].lower_ not in _EXAMPLE_ADVERBS or doc[i - 1].text != ",":
        return None
    for j in range(i - 2, max(token.sent.start, i - 10) - 1, -1):
        if doc[j].pos_ == "NOUN" and doc[j].tag_ == "NNS":
            return doc[j]
        if doc[j].text in (",", ";", ":") or doc[j].pos_ == "VERB":
            return None
    return None


def _is_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym of the gazetteer ("Cypriot")."""
    alias = default_gazetteer().aliases.get(word)
    return alias is not None and alias.kind == "demonym"


def _followed_in_ranking(role, head) -> bool:
    """Whether the name is one of those "followed by" a ranked first in a sentence with a superlative ("the
    most successful country in the show's history ..., followed by the UK, France and Luxembourg")."""
    return (
        role.dep_ == "pobj"
        and head.lower_ == "by"
        and head.head.lemma_ == "follow"
        and head.head.dep_ != "ROOT"
        and any(t.tag_ in ("JJS", "RBS") for t in role.sent)
    )


def _titled_subject(verb) -> bool:
    """Whether the subject of ``verb`` is named with an honorific ("Mr Straw will represent the G8")."""
    doc = verb.doc
    return any(
        c.dep_ == "nsubj" and c.i > 0 and doc[c.i - 1].lower_.rstrip(".") in _HONORIFICS
        for c in verb.children
    )


def _through_appos(token, role) -> bool:
    """Whether the way up from ``token`` to its role passes an apposition ("cities (Helsinki, Oslo)")."""
    while token != role and token.head != token:
        if token.dep_ == "appos":
            return True
        token = token.head
    return False


def _example_of(role):
    """The noun a country is named as an example of ("economies of countries such as China", "nations,
    including Mexico", "countries as varied as Serbia"), or None."""
    if role.dep_ not in ("pobj", "dobj") or role.head.lower_ not in _EXAMPLE_WORDS:
        return None
    word = role.head
    if word.lower_ == "as":  # "such as", "as varied as"; not a comparison ("14 times as much as France")
        before = role.doc[word.i - 1] if word.i > 0 else None
        varied = (
            before is not None
            and before.pos_ == "ADJ"
            and before.i > 0
            and role.doc[before.i - 1].lower_ == "as"
            and before.lower_ not in _QUANTITY_WORDS
        )
        if before is None or not (before.lower_ == "such" or varied):
            return None
    noun = role.head.head
    for _ in range(3):  # "such as", "as varied as"
        if noun.pos_ not in ("ADJ", "ADV") or noun.head == noun:
            break
        noun = noun.head
    if noun.pos_ == "NOUN" and noun != role.head:
        return noun
    doc, i = role.doc, role.head.i - 1  # a misattached "as varied as": the noun right before it
    while i > 0 and role.head.i - i < 5 and (doc[i].pos_ in ("ADJ", "ADV", "PUNCT") or doc[i].lower_ == "as"):
        i -= 1
    return doc[i] if i >= 0 and i < role.head.i and doc[i].pos_ == "NOUN" else None


def _economic_predicate(role, senses):
    """The verb of the economy a country is the subject of ("Japan still dominates mobile phone technology",
    "China accounted for 20.1%", "Britain continues to lag behind") or the compared object of ("China
    overtook the US"), unless the verb acts on a government noun; else None."""
    verb = role.head
    if role.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ in ("that", "those"):
        role, verb = verb.head, verb.head.head  # "outstrip that of the US": the compared "that"
    if role.dep_ == "pobj" and verb.head.lemma_.lower() in senses.compared_verbs:  # "lag behind Japan"
        return verb.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma not in senses.economy_verbs:
            continue
        if role.dep_ == "dobj" and lemma not in senses.compared_verbs:
            continue
        if role.dep_ not in ("nsubj", "dobj"):
            continue
        objects = [c for c in v.children if c.dep_ in ("dobj", "attr")]
        if any(senses.sense_of(o.text, False) == "government" for o in objects):
            continue
        return v
    if role.dep_ == "nsubj" and verb.lemma_ == "lead":  # "Mexico leads the way"
        if any(c.dep_ == "dobj" and c.lower_ in _LED_THINGS for c in verb.children):  # "leading the trend"
            return verb
    return None


#: Nouns that name the state in full: "the Republic of Congo" has the role of "Republic".
_POLITY_TITLES = _word_list("polity_titles")
#: Adverbs that introduce examples after a comma ("countries around the world, mainly the US and Japan").
_EXAMPLE_ADVERBS = _word_list("example_adverbs")
#: Nouns of counting: "a handful of countries" has the role of "handful".
_QUANTITY_NOUNS = _word_list("quantity_nouns")
#: Nouns a ranking leader is leader of: "Spain is the leader in Spanish-language rap".
_LEADER_NOUNS = _word_list("leader_nouns")
#: Objects of "lead" that make it a market's lead ("Mexico leads the way", "the US leading the trend").
_LED_THINGS = _word_list("led_things")
#: Nouns of the economy a country is the origin of ("stronger demand from China", "orders from the US").
_ORIGIN_ECONOMY = _word_list("origin_economy")
#: Nouns of figures: with a noun of the economy ("output estimates from Russia") they measure the economy
#: (but "an output cut from Opec" is the cartel's act).
_FIGURE_NOUNS = _word_list("figure_nouns")
#: Moods a survey ranks countries' people by ("South Korea was the most pessimistic").
_MOOD_WORDS = _word_list("mood_words")
#: Verbs that record an economy's figures: "India has enjoyed strong growth", "continues to post growth".
_RECORD_VERBS = _word_list("record_verbs")
#: Nouns of a change in figures: "saw a decline", "posted a rise".
_CHANGE_NOUNS = _word_list("change_nouns")
#: A party of opposition and a role right before a name: "Conservative local government spokesman Glyn
#: Davies", "shadow chancellor Oliver Letwin", "Tory leader Michael Howard" (not in office).
_OPPOSITION_BEFORE = re.compile(
    r"\b(Conservative|Tory|Lib Dem|Liberal Democrat|[Ss]hadow|[Oo]pposition)(?:\s+[a-z]+){0,3}"
    r"\s+(?:spokesman|spokeswoman|leader|chancellor|secretary|minister|MP|candidate)\s+$"
)
#: "former" or "ex-" right before an office-holder's name or title ("former US president Bill Clinton").
_FORMER_BEFORE = re.compile(r"\b([Ff]ormer|[Ee]x-|[Ee]x)\s*$")
#: A party's role right before an office-holder's name: "Labour election co-ordinator Alan Milburn".
_PARTY_ROLE_BEFORE = re.compile(
    r"\b(?:Labour|Conservative|Tory|Lib Dem|Liberal Democrat)(?:'s)?(?:\s+[a-z\-]+){0,3}\s+"
    r"(?:co-ordinator|coordinator|chairman|chairwoman|chair|strategist|campaigner|chief)\s+$"
)


def _former_title(before: str) -> re.Match | None:
    """ "former" and a title right before a name ("Former education secretary Estelle Morris", "ex-President
    Leonid Kuchma"): the match of "former" or "ex-", else None.

    >>> _former_title("said Former education secretary ").group(1)
    'Former education secretary'
    >>> _former_title("the former colony's president ") is None
    True
    >>> _former_title("Ex-Home Secretary ").group(1), _former_title("said the then Home Secretary ").group(1)
    ('Ex-', 'then Home Secretary')
    """
    words = list(re.finditer(r"[\w\-']+", before))[-4:]
    for k, w in enumerate(words):
        word = w.group(0).lower()
        rest = [x.group(0).lower() for x in words[k + 1 :]]
        if word in _FORMER and rest and all(x in _TITLE_WORDS for x in rest) and "," not in before[w.end() :]:
            return re.match(r"(.+)", before[w.start() :].strip())
        if word.startswith("ex-") and word[3:] in _TITLE_WORDS and all(x in _TITLE_WORDS for x in rest):
            return re.match(r"(ex-)", w.group(0), re.IGNORECASE)
    return None


#: What else an office-holder is, right before the name ("tycoon Donald Trump"): not the office.
_NOT_IN_OFFICE_BEFORE = _word_list("not_in_office_before")
_NOT_THE_OFFICE = " (not the office in this story)"
#: Words of an office's title: "former education secretary", "ex-President".
_TITLE_WORDS = _word_list("title_words")
#: Officials that belong to the body named before them ("Greek sports officials", "US Olympic officials").
_OWNED_OFFICIALS = _word_list("owned_officials")
#: Government nouns that an economy noun before them owns ("US retail spending").
_WEAK_GOVERNMENT_NOUNS = _word_list("weak_government_nouns")
#: Nouns of moving people or things: "to <country>" after them is a destination.
_MOVEMENT_NOUNS = _word_list("movement_nouns")
#: Nouns of a stance on a matter: "support for the government on Iraq" (Iraq is the matter).
_STANCE_NOUNS = _word_list("stance_nouns")
#: Office-holders an actor plays ("plays a US military commander").
_PLAYED_PARTS = _word_list("played_parts")
#: Works whose title may be in apposition: "a new book, Brown's Britain".
_TITLED_WORKS = _word_list("titled_work_nouns")
#: Nouns of claims and dossiers about weapons: "the Iraq weapons dossier" (the topic, not the state).
_DOSSIER_NOUNS = _word_list("dossier_nouns")
#: Shares of a whole: "50% of the UK" is a share of its people, not the state.
_SHARE_WORDS = _word_list("share_words")
#: Particles inside a longer French or Spanish name: "the Tour de France", "Stade de France".
_NAME_PARTICLES = _word_list("name_particles")
#: Nouns of a trade balance: "the deficit with Japan" is the economy's.
_BALANCE_NOUNS = _word_list("balance_nouns")
#: Nouns of goods moved: "to / from <country>" after a verb with them as object is a market.
_TRADE_NOUNS = _word_list("trade_nouns")
#: Words that introduce examples of a noun ("countries such as China", "nations like India").
_EXAMPLE_WORDS = _word_list("example_words")
#: Words of "as much as", "as many as": a comparison, not examples.
_QUANTITY_WORDS = _word_list("quantity_words")
#: Nouns that only count states: a country named as their example shares their role.
_COUNTRY_NOUNS = _word_list("country_nouns")
#: Nouns of polities: a country named as their example is the state ("larger states such as Britain").
_POLITY_NOUNS = _word_list("polity_nouns")
#: Words before a name that put an office-holder out of office ("the former Dutch prime minister").
_FORMER = _word_list("former")
#: Speakers' nouns that belong to the organisation named before them ("Egypt FA spokesman").
_SPOKES_NOUNS = _word_list("spokes_nouns")
#: Words that make a party the government ("Britain's ruling party", "the Chinese Communist Party").
_RULING = _word_list("ruling")
#: Adjectives that make a noun one of the economy ("the economic might of the US").
_ECONOMIC_ADJECTIVES = _word_list("economic_adjectives")
#: Nouns of the members of a country: "citizens of Switzerland" are its people.
_MEMBER_NOUNS = _word_list("member_nouns")
#: Verbs after which "from <country>" is where something is run or based ("the site is run from Romania").
_BASED_VERBS = _word_list("based_verbs")
#: Modifiers that make ties or links commercial ("business ties with Israel").
_BUSINESS = _word_list("business")
#: Verbs and nouns of football clubs: a capital with them in a story with sports words is a club.
_CLUB_VERBS = _word_list("club_verbs")
_CLUB_NOUNS = _word_list("club_nouns")
#: Verbs of athletes: "for <country>" after them is a team ("compete for Great Britain", "ran for them").
_ATHLETE_VERBS = _word_list("athlete_verbs")
#: Words of rankings: a country compared on them is a place in a table ("one level below Russia").
_RANK_WORDS = _word_list("rank_words")
#: Adverbs of "worst hit": "with Sri Lanka, Thailand and India worst hit" (places struck).
_DAMAGE_ADVERBS = _word_list("damage_adverbs")
#: Things that come from a country, not from its state: "include works from Germany, South Korea, Angola".
_ORIGIN_THINGS = _word_list("origin_things")
#: Verbs of storms and floods: their object is a place ("hurricanes that battered the US").
_WEATHER_VERBS = _word_list("weather_verbs")
#: Verbs of damage those adverbs go with.
_DAMAGE_VERBS = _word_list("damage_verbs")
#: Verbs of leaving: "from <country>" after them is a place ("withdrawing completely from Iraq").
_LEAVING_VERBS = _word_list("leaving_verbs")
#: Verbs whose object is a nation's people: "inflamed America", "has divided Britain".
_PUBLIC_VERBS = _word_list("public_verbs")
#: Verbs whose subject is a nation's people: "for America to fast and pray".
_PEOPLE_VERBS = _word_list("people_verbs")
#: Verbs of keeping people out of a place: "banning Muslims from America".
_BARRING_VERBS = _word_list("barring_verbs")
#: Verbs of setting off for a place: "before leaving for Syria".
_SETTING_OFF_VERBS = _word_list("setting_off_verbs")
#: Honorifics: a name after them is a person's ("Mr Wellington", "Ms Jordan").
_HONORIFICS = _word_list("honorifics")
#: Heads that "state" makes the state's own media ("North Korean state media", "Chinese state press").
_MEDIA_NOUNS = _word_list("media_nouns")
#: Verbs whose object is a place: "the robot has visited the UK, Germany and France".
_VISIT_VERBS = _word_list("visit_verbs")
#: Capitalised words that make a country's name part of a longer one: "Little Britain" (a TV show), "Little
#: Italy" (a district), "the Free Syrian Army" (rebels).
_NAME_ADJECTIVES = _word_list("name_adjectives")
_PAST_REGIME_ADJECTIVES = _word_list("past_regime_adjectives")
#: Words of a party's name: "Italy's Northern League leader" leads a party, not the state.
_PARTY_WORDS = _word_list("party_words")
#: Nouns a country is the topic of as their subject's complement: "Iraq will remain an issue".
_TOPIC_NOUNS = _word_list("topic_nouns")
#: Adjectives of a topic: "unrelated to Afghanistan, Iraq, or terrorism".
_TOPIC_ADJECTIVES = _word_list("topic_adjectives")
#: Nouns of a posting: "the U.S. ambassador to Libya", "a diplomatic mission to Mexico" (an organisation of
#: states stays: "Afghanistan's envoy to the United Nations").
_POSTING_NOUNS = _word_list("posting_nouns")
#: Nouns of a journey: "to <country>" after them is a destination ("a trade delegation to five countries").
_TRIP_NOUNS = _word_list("trip_nouns")
#: Nouns of talks about something: "talks on North Korea", "the row over Iraq" (the topic, not a party).
_TALK_NOUNS = _word_list("talk_nouns")
#: Titles of a ruler named with the country: "King Abdullah of Jordan", "President Karzai of Afghanistan".
_RULER_TITLES = _word_list("ruler_titles")
#: The last word of a state body's name: a country inside it is the state ("the US Air Force", "the UN's Food
#: & Agriculture Organisation", "the US Securities and Exchange Commission").
_BODY_NAME_ENDS = _word_list("body_name_ends")
#: Units of a state's forces after "Army", "Navy": "US Navy Seals", "the Russian Army Corps".
_MILITARY_UNITS = _word_list("military_units")
#: Governments whose country's media are the state's ("North Korean media said"); elsewhere "the Spanish
#: media" are the press.
_STATE_PRESS = _word_list("state_press")
#: Nouns of seeking an office: "her second White House run", "his bid for the White House" (see below).
_BID_NOUNS = _word_list("bid_nouns")
#: Words before an institution that make it the office sought: "his bid for the White House".
_OFFICE_SOUGHT = re.compile(
    r"\b(?:(?:shot|bid|run|ran|runs|running|race|road|roads|path|paths|campaign|way)\s+(?:at|for|to)"
    r"|(?:lose|loses|losing|lost|keep|keeps|keeping|kept|retain|retains|retaining|retained)"
    r"|(?:reach|reaches|reaching|reached)"
    r"|win|wins|winning|won|capture|captures|capturing|retake|retaking|reclaim|reclaiming"
    r"|(?:take|takes|taking|took|win|wins|winning|won)\s+back|seats?\s+in|control\s+of|majorit(?:y|ies)\s+in"
    r"|(?<![\w-])(?:control|controls|controlled|controlling)"
    r"|(?:get|gets|getting|got|make|makes|making|made)\s+it\s+to|(?:get|gets|getting|got)\s+to"
    r"|(?:elected|sent|send|sending|return|returned|returning)\s+to|(?:sit|sits|sitting|sat)\s+in"
    r"|(?:keep|keeps|keeping|kept)\s+\w+\s+out\s+of)\s+(?:the\s+)?(?:U\.S\.\s+|US\s+)?"
    r"(?:House\s+and\s+(?:the\s+)?)?$"
)
#: Before an institution, a member leaving it: "he resigned from Congress".
_OFFICE_LEFT = re.compile(
    r"\b(?:resign|resigns|resigned|resigning|retire|retires|retired|retiring|expelled|ousted)\s+from\s+"
    r"(?:the\s+)?(?:U\.S\.\s+|US\s+)?$"
)
#: Institutions named by their building, and what puts a person in it in time to come or in a condition
#: ("once she was in the White House", "with him in the White House", "if the Clintons are back in"):
#: the office held, not the body acting.
_BUILDINGS = frozenset({"White House", "Oval Office"})
_OCCUPANT = re.compile(
    r"\b(?:once|if|when|whenever|with|should|would|will|could|might|back|have|having)\b[^.;:!?\"“”]{0,40}?"
    r"\bin\s+(?:the\s+)?$"
)
#: An office-holder in an electoral role: "a group Barack Obama won by 2 points", "Obama carried the
#: statewide vote in 2008", "crushed by Obama (69 million votes)".
_ELECTORAL_VERBS = frozenset("win carry lose sweep crush defeat beat trounce".split())
_ELECTORAL_WORDS = frozenset(
    """vote votes voters voting points percent percentage electoral election elections race primary
    primaries ballot ballots state states statewide counties county margin landslide seat seats
    digits nomination caucus caucuses delegates""".split()
)
#: Nouns of an election won or lost that a candidate possesses: "Obama's resounding victory in Iowa".
_ELECTORAL_RESULTS = frozenset("victory win defeat loss landslide nomination candidacy".split())
#: Events that own the noun after them: "an anti Iraq war stance", "the European Parliament elections".
_EVENT_NOUNS = _word_list("event_nouns")
#: Nouns of agreements named after a place: "the Treaty of Amsterdam".
_AGREEMENT_NOUNS = _word_list("agreement_nouns")
#: Nouns of a measure of a place: "twice the size of France".
_MEASURE_NOUNS = _word_list("measure_nouns")
#: Nouns of an economy's prospects: "the outlook for Sri Lanka".
_OUTLOOK_NOUNS = _word_list("outlook_nouns")
#: Verbs of neighbours on the map: "surrounded by South Africa", "bordering Iraq".
_NEIGHBOUR_VERBS = _word_list("neighbour_verbs")
#: Work that moves abroad: "jobs lost to India".
_WORK_NOUNS = _word_list("work_nouns")
#: Nouns of attacks and the words that make them terror a country suffered.
_ATTACK_NOUNS = _word_list("attack_nouns")
_TERROR = re.compile(r"terror|suicide|September|9/11|9-11", re.IGNORECASE)
#: Verbs whose "on" / "about" object is a topic: "discussions focusing on Iran", "talked about Afghanistan".
_TOPIC_VERBS = _word_list("topic_verbs")
#: Kinds of alias that can name a place (not a leader's or an institution's name).
_PLACE_KINDS = frozenset({"name", "short", "capital"})
#: Places in a table and the words that rank them: "filling the two top spots".
_SPOT_NOUNS = _word_list("spot_nouns")
_TOP_WORDS = _word_list("top_words")
#: Nouns of what is between states, not a place: "the war between Iran and Iraq".
_BETWEEN_STATES = _word_list("between_states")
#: Nouns that describe a country as a subject's complement: "Libya is now a failed state".
_DESCRIBED_NOUNS = _word_list("described_nouns")
#: Of those, the nouns that describe a country after "become": "Iraq had become a crucible of terrorism".
_BECOME_NOUNS = _word_list("become_nouns")
#: Adjectives of a state's stance ("China is worried"): as a complement they keep the state acting.
_STANCE_ADJECTIVES = _word_list("stance_adjectives")
#: Verbs whose object is the country as ground: "help rebuild Libya".
_GROUND_VERBS = _word_list("ground_verbs")
#: Nouns of raids on a country (the country attacked, not acting): "a retaliatory blitz on Afghanistan".
_RAID_NOUNS = _word_list("raid_nouns")
#: Verbs whose object is the nation at stake: "the EU does not benefit Britain".
_STAKE_VERBS = _word_list("stake_verbs")
#: Words of what is at stake for a nation: "a threat to the U.S.", "good for the United States".
_STAKE_WORDS = _word_list("stake_words")
#: Nouns of leaving a country: "an exit strategy from Iraq", "the withdrawal from Afghanistan".
_EXIT_NOUNS = _word_list("exit_nouns")
#: Possessive determiners that make a name the owner's unit in that country ("its UK roaming rates").
_OWNER_DETERMINERS = _word_list("owner_determiners")
#: Prepositions after which a country takes the sense of the noun they attach to (rule 6).
_OF_PLACE_PREPS = _word_list("of_place_preps")
#: Verbs of serving a cause: "fighting for Britain", "stand up for America" (the nation, not its state).
_CAUSE_VERBS = _word_list("cause_verbs")
#: Adjectives of an era before a country's name: "modern Russia", "post-war Britain" (not its state).
_ERA_ADJECTIVES = _word_list("era_adjectives")
#: Words of faiths and communities that make "<Word> Council of <country>" a body's name, not the state's.
_COMMUNITY_WORDS = _word_list("community_words")

_WHAT = {
    "team": "a team or athlete",
    "economy": "the economy, a market or company",
    "people": "people or nationals",
    "place": "a place",
    "other": "an event or thing of the country",
}
_ENTITY_SENSE = {
    "PERSON": "people",
    "ORG": "economy",
    "PRODUCT": "economy",
    "FAC": "venue",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
}


@dataclass
class _NameSite:
    """What the checks of one name share: the mention and its sentence's parse, the article's sports flags,
    the noun phrase right of the name (``chain``, which the name ``how`` modifies or possesses) and, once
    :func:`_find_role` has run, the token whose role the name shares (``role``) and its syntactic ``head``."""

    m: GovernmentMention
    ps: Any
    context: Any
    sport: bool
    sporty: bool
    senses: Senses
    doc: Any
    span: Any
    root: Any
    possessive: bool
    chain: list
    how: str
    role: Any = None
    head: Any = None

    def entities(self):
        """The sentence's parse with named entities (run by the entity recogniser only when a check asks)."""
        return self.context.parsed.sentence(self.ps.index, entities=True).doc

    def verb(self):
        """The word the role attaches to: the head of its preposition for an object of one, else its head."""
        return self.head.head if self.role.dep_ == "pobj" else self.head


_Decision = tuple[bool, str, str]


# --- checks on the name's own noun phrase (before its role is known)


def _surname_check(site: _NameSite) -> _Decision | None:
    """A surname after an honorific: "said Mr Wellington", "Ms Jordan"."""
    doc, span = site.doc, site.span
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in _HONORIFICS:
        return False, "people", f"a surname after '{doc[span.start - 1].text}' (a person)"
    return None


def _currency_check(site: _NameSite) -> _Decision | None:
    """A currency: "US$100,000"."""
    m = site.m
    if site.context.article.text[m.end : m.end + 1] == "$":
        return False, "economy", f"'{m.text}$' (a currency)"
    return None


def _name_particle_check(site: _NameSite) -> _Decision | None:
    """The end of a name joined by a particle: "the Tour de France"."""
    doc, span = site.doc, site.span
    if (
        span.start > 1
        and doc[span.start - 1].lower_ in _NAME_PARTICLES
        and doc[span.start - 2].text[:1].isupper()
    ):
        name = f"{doc[span.start - 2].text} {doc[span.start - 1].text} {site.m.text}"
        return False, "other", f"part of the name '{name}'"
    return None


def _slogan_check(site: _NameSite) -> _Decision | None:
    """A slogan: "make America great again", "make America whole again" (the nation, not the state)."""
    text = site.context.article.text
    again = re.match(r"\s+(\w+)\s+again\b", text[site.m.end : site.m.end + 30])
    if again and re.search(r"\b[Mm]ake\s+$", text[max(0, site.m.start - 10) : site.m.start]):
        return False, "other", f"'make {site.m.text} {again.group(1)} again' (a slogan)"
    if re.search(r"\b[Gg]od\s+[Bb]less\s+(?:the\s+)?$", text[max(0, site.m.start - 15) : site.m.start]):
        return False, "other", f"'God bless {site.m.text}' (a slogan)"
    return None


def _name_adjective_check(site: _NameSite) -> _Decision | None:
    """A longer name: "the comedy Little Britain", "the Free Syrian Army"; a past regime: "Nazi Germany"."""
    doc, span = site.doc, site.span
    before = doc[span.start - 1].text if span.start > 0 else ""
    if before in _NAME_ADJECTIVES:
        return False, "other", f"part of the name '{before} {site.m.text}'"
    if before in _PAST_REGIME_ADJECTIVES:
        return False, "other", f"'{before} {site.m.text}' (a past regime, not the government)"
    return None


def _owner_check(site: _NameSite) -> _Decision | None:
    """A firm's unit in a country: "its UK roaming rates", "their US operations" (not the state), unless a
    government noun follows ("its US embassy")."""
    m, doc, span = site.m, site.doc, site.span
    if (
        m.kind not in ("name", "short")
        or span.start == 0
        or doc[span.start - 1].lower_ not in _OWNER_DETERMINERS
    ):
        return None
    senses = {site.senses.sense_of(t.text, site.sport) for t in site.chain}
    if senses & {"government", "team", "people"}:  # "its US embassy", "its Ireland winger"
        return None
    return False, "economy", f"'{doc[span.start - 1].text} {m.text} ...' (an owner's business in the country)"


def _demonym_pair_check(site: _NameSite) -> _Decision | None:
    """Two demonyms: "the Greek Cypriot government" is Cyprus's."""
    m, doc, span = site.m, site.doc, site.span
    if m.kind == "demonym" and span.end < len(doc) and _is_demonym(doc[span.end].text):
        pair = f"{m.text} {doc[span.end].text}"
        return False, "people", f"part of '{pair}' (a people of another country)"
    return None


def _head_noun_check(site: _NameSite) -> _Decision | None:
    """2. The head noun's own sense outranks a government word: "a US computer security firm"."""
    chain, root, doc, senses, sport = site.chain, site.root, site.doc, site.senses, site.sport
    if chain and chain[-1] == root.head and root.head.pos_ == "NOUN":
        sense = senses.sense_of(chain[-1].text, sport)
        state_media = (
            root.head.lower_ in _MEDIA_NOUNS
            and (any(t.lower_ == "state" for t in chain) or site.m.government in _STATE_PRESS)
            and not any(c.lower_ == "social" for c in root.head.children)  # "Chinese social media": users
        )
        i = root.head.i
        hyphened = i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_  # "US policy-makers"
        if hyphened and senses.sense_of(f"{doc[i - 2].text}-{root.head.text}", sport) == "government":
            sense = "government"
        if root.head.lower_ in ("agency", "agencies") and doc[i - 1].lower_ == "news" and not state_media:
            sense = "economy"  # "the French news agency AFP"; "the state news agency" stays the state's
        if state_media:  # "Chinese state press", "North Korean media" are the state's
            return True, "government", f"{site.how} '{chain[-1].text}' (the state's media)"
        if sense not in (None, "government"):
            return False, sense, f"{site.how} '{chain[-1].text}' ({_WHAT[sense]})"
    return None


def _longer_name_after(doc, token):
    """The capitalised word after a capitalised government noun that makes both part of another name
    ("State" in "the Vienna State Opera", "Army" in "Swiss Army Knife", "Home" in "the UK's Home Choice"),
    or None ("US State Department", "US Navy Seals", "British Army Chief")."""
    if token.text not in ("State", "Army", "Navy", "Home") or token.i + 1 >= len(doc):
        return None
    nxt = doc[token.i + 1]
    if token.text == "Home" and nxt.lower_ == "affairs":  # "the Home Affairs Committee"
        return None
    if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or nxt.text.isupper():
        return None
    sense = default_senses().sense_of(nxt.text, False)
    if sense in (None, "economy", "other", "place") and nxt.lower_ not in _BODY_NAME_ENDS | _MILITARY_UNITS:
        return nxt
    return None


def _work_title_check(site: _NameSite) -> _Decision | None:
    """2. The title of a work in apposition: "a new book, Brown's Britain, says" (not the state)."""
    token = site.root
    if token.dep_ in ("poss", "compound") and token.head.dep_ == "appos":
        token = token.head
    if token.dep_ == "appos" and token.head.lemma_.lower() in _TITLED_WORKS:
        return False, "other", f"'{token.head.text}, ... {token.text}' (the title of a work)"
    named = token.head if token.dep_ in ("compound", "poss") else token
    verb = named.head
    if named.dep_ in ("dobj", "oprd", "attr", "npadvmod") and verb.lower_ in ("entitled", "titled", "called"):
        if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "appos", "relcl", "advcl"):
            return None  # "He called for reform of the World Bank": not a title
        if named.text[:1].isupper() and token.text[:1].isupper():  # "a report, entitled Broadband Britain"
            return False, "other", f"'{verb.text} ... {site.m.text}' (the title of a work)"
    return None


_QUOTED_TITLE = re.compile(r"[“\"]((?:The\s+)?[A-Z][^“”\"\n]{0,60}?)[”\"]")
_TITLE_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())


def _quoted_title_check(site: _NameSite) -> _Decision | None:
    """2. A title in quotation marks that starts with the name: leads “America with Jorge Ramos” (a
    programme's, a book's or a slogan's title: every word capitalised but the small ones)."""
    text, m = site.context.article.text, site.m
    lo = max(0, m.start - 5)
    for found in _QUOTED_TITLE.finditer(text, lo, min(len(text), m.end + 62)):
        title = found.group(1)
        if not found.start(1) <= m.start < m.end <= found.end(1) or found.start(1) < m.start - 4:
            continue
        words = re.findall(r"[\w'’-]+", title)
        if not 2 <= len(words) <= 8 or title.rstrip()[-1:] in ",.!?":
            continue
        if all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS or w[:1].isdigit() for w in words):
            return False, "other", f"'“{title}”' (a title in quotation marks, not the state)"
    return None


def _role_played_check(site: _NameSite) -> _Decision | None:
    """2. A part an actor plays: "Willis plays a US military commander" (a role in a work, not the state)."""
    noun = site.chain[-1] if site.chain else site.root.head
    played = noun.head.lemma_.lower() in ("play", "portray")
    if noun.dep_ == "dobj" and played and noun.lower_ in _PLAYED_PARTS:
        return False, "other", f"'{noun.head.text} ... {noun.text}' (a role in a work)"
    return None


def _government_noun_check(site: _NameSite) -> _Decision | None:
    """2. A government noun in the noun phrase: "US officials", "US Treasury Secretary John Snow"."""
    m, chain, how, senses, sport = site.m, site.chain, site.how, site.senses, site.sport
    words = [t.lower_ for t in chain]
    if "force" in words[1:] and words[words.index("force", 1) - 1] == "air":
        return True, "government", f"{how} 'air force' (the state)"  # "the Ivory Coast's air force"
    for t in chain:
        party = t.lower_ in ("party", "parties") or (t.lower_ in _PARTY_WORDS and t.text[:1].isupper())
        if party and not any(x.lower_ in _RULING for x in chain):
            # "a UK Independence Party MEP", "Italy's Northern League leader": a party is not the government
            # (unless the ruling one)
            return False, "other", f"{how} '{t.text}' (a party, not the government)"
        if t.lower_ == "demand" and any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
            return False, "economy", f"{how} 'demand for' ({_WHAT['economy']})"  # "US demand for heating oil"
        if t.lower_ in _BALANCE_NOUNS and any(
            x.lower_ in ("trade", "account") for x in chain[: chain.index(t)]
        ):
            return (
                False,
                "economy",
                f"{how} '{t.text}' of trade ({_WHAT['economy']})",
            )  # "current account deficit"
        if senses.sense_of(t.text, sport) == "government":
            if chain[-1] is not t and senses.sense_of(chain[-1].text, sport) == "place":
                # "the Iranian nuclear facilities": the place of the programme
                return False, "place", f"{how} '{t.text} {chain[-1].text}' (a place)"
            event = next((x for x in chain[: chain.index(t)] if x.lower_ in _EVENT_NOUNS), None)
            if event is not None:  # "an anti Iraq war stance": the war's
                return False, "other", f"{how} '{event.text} {t.text}' (an event of the country)"
            about = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("about", "over", "on") else None
            dossier = chain[-1] if chain[-1].lower_ in _DOSSIER_NOUNS else None
            if about is not None and about.lower_ in _DOSSIER_NOUNS:
                dossier = about
            if dossier is None and t.lower_ == "weapons":  # "Iraq's weapons of mass destruction dossier"
                dossier = next((x for x in site.doc[t.i + 1 : t.i + 6] if x.lower_ in _DOSSIER_NOUNS), None)
            if t.lower_ in ("weapons", "programme", "program") and dossier is not None:
                # "the Iraq weapons dossier", "claims over Iraqi weapons": the topic of claims
                return False, "other", f"'{dossier.text} ... {t.text}' (the topic of claims, not the state)"
            nxt = site.doc[t.i + 1] if t.i + 1 < len(site.doc) else None
            if (
                t.text in ("state", "states")
                and nxt is not None
                and (
                    nxt.pos_ == "PROPN"
                    or nxt.lower_ == "of"
                    and t.i + 2 < len(site.doc)
                    and site.doc[t.i + 2].pos_ == "PROPN"
                )
            ):  # "the US state of California", "US state Texas": a state of the country, a place
                return False, "place", f"{how} '{t.text} {nxt.text}' (a state within the country)"
            longer = _longer_name_after(site.doc, t)
            if longer is not None:  # "the Vienna State Opera", "a Swiss Army Knife"
                return False, "other", f"part of the name '{m.text} {t.text} {longer.text}'"
            owner = [
                x
                for x in chain[: chain.index(t)]
                if senses.sense_of(x.text, sport) not in (None, "government")
            ]
            if m.kind == "capital" and (sport or site.sporty) and t.lower_ in _CLUB_NOUNS:
                return False, "team", f"'{m.text} {t.text}' in a story with sports words (a club of the city)"
            if (t.lower_ in _SPOKES_NOUNS or t.lower_ in _OWNED_OFFICIALS) and owner:
                # "Egypt FA spokesman": the football association's; "Greek sports officials"
                sense = senses.sense_of(owner[0].text, sport)
                return False, sense, f"{how} '{owner[0].text} {t.text}' ({_WHAT[sense]})"
            economic = [x for x in owner if senses.sense_of(x.text, sport) in ("economy", "team")]
            # not a body of states: "a UN telecoms body" is the UN's
            country = bool(default_gazetteer().aliases_of(m.government).get("capital"))
            if t.lower_ in _WEAK_GOVERNMENT_NOUNS and economic and country:  # "US retail spending"
                sense = senses.sense_of(economic[0].text, sport)  # "Kenya's athletics body": the sport's
                return False, sense, f"{how} '{economic[0].text} {t.text}' ({_WHAT[sense]})"
            before = site.doc[site.span.start - 1].lower_ if site.span.start > 0 else ""
            if before in _FORMER:  # "the former Dutch prime minister Wim Kok" is not in office
                return False, "people", f"'{before} {m.text} {t.text}' (a former office-holder)"
            former = next((x for x in chain[: chain.index(t)] if x.lower_ in _FORMER), None)
            if former is None and t.dep_ == "conj":  # "the former UN commissioner ... and Irish president"
                former = next((x for x in t.head.children if x.dep_ == "amod" and x.lower_ in _FORMER), None)
            if former is not None:  # "helping to topple Georgia's former president"
                return False, "people", f"{how} '{former.text} {t.text}' (a former office-holder)"
            return True, "government", f"{how} '{t.text}' (the state)"
    return None


def _head_or_modifier_check(site: _NameSite) -> _Decision | None:
    """2. The head noun's sense, else the first modifier's: "France defender", "the London FTSE"."""
    if site.chain and site.chain[-1] == site.root.head:
        site.chain = [site.chain[-1], *site.chain[:-1]]  # head first, for this check and the later ones
    m, chain, senses, sport = site.m, site.chain, site.senses, site.sport
    for t in chain:
        sense = senses.sense_of(t.text, sport)
        if sense is not None:
            return False, sense, f"{site.how} '{t.text}' ({_WHAT[sense]})"
        if t.pos_ == "PROPN":
            # 3. "the London FTSE", "Turkey's Everasia", "Spain's Felix Mantilla", "Ireland winger Duff"
            e = _entity_over(site.entities(), t.i)
            label = e.label_ if e is not None and e.label_ not in ("GPE", "NORP", "LOC") else ""
            sense = _ENTITY_SENSE.get(label, "other")
            if sense == "people" and sport:
                sense = "team"
            name = e.text if label else " ".join(x.text for x in chain)
            if label == "ORG" and e[-1].lower_ in _BODY_NAME_ENDS and e[-1].i > site.span.start:
                return True, "government", f"part of the name of a state body '{name}'"
            if site.m.text in name:  # "part of the name 'The US Air Force'", not 'US The US Air Force'
                return False, sense, f"part of the name '{name}' ({label})" if label else f"part of '{name}'"
            if site.possessive:
                return False, sense, f"possesses the name '{name}'" + (f" ({label})" if label else "")
            return False, sense, f"part of the name '{m.text} {name}'" + (f" ({label})" if label else "")
    return None


def _ranking_within_check(site: _NameSite) -> _Decision | None:
    """2. A ranking inside the country: "the UK's biggest mortgage lender"."""
    ranking = next((t for t in site.chain if t.tag_ in ("JJS", "RBS")), None)
    if ranking is not None:
        return (
            False,
            "other",
            f"{site.how} '{site.chain[-1].text}' after '{ranking.text}' (a ranking within the country)",
        )
    return None


def _name_before_check(site: _NameSite) -> _Decision | None:
    """3. A name before it: "Yukos USA", "the North American Court of Arbitration"."""
    doc, span = site.doc, site.span
    if span.start > 0:
        left = doc[span.start - 1]
        if left.pos_ == "PROPN" and left.dep_ == "compound" and left.head.i in range(span.start, span.end):
            e = _entity_over(site.entities(), site.root.i)
            if e is not None and e.label_ not in ("GPE", "NORP", "LOC"):
                return (
                    False,
                    _ENTITY_SENSE.get(e.label_, "other"),
                    f"part of the name '{e.text}' ({e.label_})",
                )
        plain = (
            (left.pos_ == "NOUN" or left.tag_ == "NNPS")  # a common noun or a plural name: "Universities"
            and left.text[:1].isupper()
            and not left.is_sent_start
            and left.dep_ == "compound"
            and left.head.i in range(span.start, span.end)
            and site.senses.sense_of(left.text, site.sport) != "government"
            and default_gazetteer().aliases.get(left.text) is None
        )
        if plain:  # "Universities UK", "Cancer Research UK": an organisation named so
            return False, "other", f"part of the name '{left.text} {site.m.text}'"
    return None


def _find_role(site: _NameSite) -> None:
    """Set ``site.role`` and ``site.head``: the role a coordinated or apposed name shares, past a title of the
    state ("the Republic of Congo") and past a longer place name in a list ("in Egypt, the Gulf of Mexico and
    Angola": the list goes on past the longer name)."""
    role = _role_token(_name_head(site.root))
    head = role.head
    if (
        role != site.root
        and role.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "PROPN"
        and head.head.dep_ in ("appos", "conj")
        and _place_name_over(site.entities(), head.head, role)
    ):
        role = _role_token(head.head)
        head = role.head
    site.role, site.head = role, head


# --- checks on the name's role in the sentence


def _noun_list_check(site: _NameSite) -> _Decision | None:
    """A list with a noun of the economy or a place: "two fast-growing economies, China and India"."""
    role, head = site.role, site.head
    if role != site.root and role.pos_ == "NOUN" and site.root.dep_ == "conj":
        sense = site.senses.sense_of(role.text, site.sport)
        if sense == "economy" and head.lower_ in ("between", "with"):
            return None  # "ties with Europe's fastest-growing economies, Poland and Hungary": relations
        if sense in ("economy", "place") and role.lower_ not in _COUNTRY_NOUNS:
            return False, sense, f"in a list with '{role.text}' ({_WHAT[sense]})"
    return None


def _title_check(site: _NameSite) -> _Decision | None:
    """The end of a title: "The News From Paraguay", "The Plot Against America"."""
    head = site.head
    if _title_preposition(site.role, head):
        return (
            False,
            "other",
            f"ends the title '{head.head.text} {head.text} {site.m.text}' (a work, not the state)",
        )
    return None


def _broken_list_check(site: _NameSite) -> _Decision | None:
    """A list the parser broke: "In South Korea, Japan and Hong Kong normal connections"."""
    role = site.role
    if role != site.root and _locative_before(site.doc, role):
        return False, "place", f"in a list after '{site.doc[role.i - 1].text} {role.text}' (a place)"
    return None


def _list_modifier_check(site: _NameSite) -> _Decision | None:
    """A name in a list modifying a noun: "the Paris, Amsterdam and Lisbon bourses"."""
    role = site.role
    apposed = (
        _through_appos(site.root, role)
        and role.pos_ == "NOUN"
        # "The world's biggest tobacco consumer, China, said" (but the close "His album Egypt won")
        and (role.dep_ not in ("nsubj", "nsubjpass") or site.span.start == role.i + 1)
        and role.head.lower_ not in ("between", "with")  # "talks between ... consumers - China, India"
    )
    listed = role == site.root and any(c.dep_ == "conj" for c in role.children)  # "the Paris, Amsterdam ..."
    if (role != site.root or listed) and role.dep_ in ("compound", "nmod", "amod") or apposed:
        noun = role.head if role.dep_ in ("compound", "nmod", "amod") else role
        sense = site.senses.sense_of(noun.text, site.sport)
        # a noun the tagger took for a verb keeps its noun role: "operates the Paris, ... bourses"
        nominal = noun.pos_ == "NOUN" or (noun.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubj", "pobj"))
        if sense not in (None, "government") and nominal and noun.lower_ not in _COUNTRY_NOUNS:
            how = "apposed to" if apposed else "in a list modifying"
            return False, sense, f"{how} '{noun.text}' ({_WHAT[sense]})"
    return None


def _example_check(site: _NameSite) -> _Decision | None:
    """An example of a noun: "economies of countries such as China"; else it takes the noun's role."""
    example = _example_after_adverb(_list_first(site.root)) or _example_of(site.role)
    if example is None:
        return None
    if any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _DAMAGE_VERBS | {"affected", "stricken"}
        for c in example.children
    ):  # "the worst affected countries including Sri Lanka", "affected countries, such as Indonesia"
        return False, "place", f"an example of '{example.text}' struck (a place)"
    if example.lower_ in _POLITY_NOUNS:
        return (
            True,
            "government",
            f"an example of '{example.text}' (the state)",
        )  # "Asian states such as Japan"
    sense = site.senses.sense_of(example.text, site.sport)
    if example.lower_ not in _COUNTRY_NOUNS and sense not in (None, "government"):
        return False, sense, f"an example of '{example.text}' ({_WHAT[sense]})"
    if example.lower_ not in _COUNTRY_NOUNS and sense is None:  # "battlefronts including Russia"
        return False, "other", f"an example of '{example.text}' ({_WHAT['other']})"
    role = _role_token(example)
    head = role.head
    while role.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _QUANTITY_NOUNS:
        role = head.head  # "in a handful of countries": the role of "handful"
        head = role.head
    site.role, site.head = role, head
    return None


def _locative_check(site: _NameSite) -> _Decision | None:
    """A locative the surface rules did not see: "in Australia, Finland, Brazil", "in Communist Russia"."""
    role, head = site.role, site.head
    if (
        role.dep_ == "pobj"
        and head.lower_ in _LIST_LOCATIVES
        and (head.head.lower_ not in _OFFICIALS or _others_officials(head.head, site.m.government))
    ):  # "officials in Beijing and Seoul" are theirs, "EU leaders in Lisbon" the EU's
        if role != site.root:
            return False, "place", f"in a list after '{head.text} {role.text}' (a place)"
        return False, "place", f"locative '{head.text} ... {site.m.text}' (a place)"
    return None


def _others_officials(noun, government: str) -> bool:
    """Whether officials are named as another government's: "EU leaders" (in Lisbon), "US officials" (in
    Beijing)."""
    aliases = default_gazetteer().aliases
    for c in noun.children:
        alias = aliases.get(c.text) if c.dep_ in ("compound", "amod", "poss", "nmod") else None
        if alias is not None and alias.government not in (None, government):
            return True
    return False


def _origin_check(site: _NameSite) -> _Decision | None:
    """4. Origin: "the 12 are from Algeria, Tunisia and Egypt", "the film from Spain"."""
    m, senses, sport = site.m, site.senses, site.sport
    if site.role.dep_ == "pobj" and site.head.lower_ == "from":
        origin = site.head.head
        if (
            origin.lemma_ == "be"
            or origin.pos_ in ("PRON", "NUM")  # "two from Taiwan, one from Mauritius"
            or senses.sense_of(origin.text, sport) == "people"
            or (  # "one woman adopted from Iran": the person the clause describes
                origin.pos_ == "VERB"
                and origin.dep_ in ("acl", "relcl")
                and senses.sense_of(origin.head.text, sport) == "people"
            )
        ):
            return False, "people", f"'{origin.text} ... from {m.text}' (where people come from)"
        moved = [c for c in origin.children if c.dep_ == "dobj" and c.i < site.head.i]
        if origin.pos_ == "VERB" and moved and senses.sense_of(moved[0].text, sport) == "people":
            # "accepting refugees from war-torn countries such as Syria"
            return False, "people", f"'{moved[0].text} from {m.text}' (where people come from)"
        for _ in range(2):  # "The Sea Inside from Spain": past an adverb the parser hung it on
            if origin.pos_ in ("ADV", "ADP") and origin.head != origin:
                origin = origin.head
        if origin.dep_ == "appos" and origin.pos_ == "PROPN":
            origin = origin.head  # "film The Sea Inside from Spain": the film
        sense = senses.sense_of(origin.text, sport)
        if origin.lower_ in _ORIGIN_ECONOMY or (
            origin.lower_ in _FIGURE_NOUNS
            and any(
                c.dep_ == "compound" and senses.sense_of(c.text, sport) == "economy" for c in origin.children
            )
        ):
            sense = "economy"  # "stronger demand from China", "output estimates from Russia"
        things = [origin, *(c for c in origin.children if c.dep_ == "dobj" and origin.pos_ == "VERB")]
        if any(t.lemma_.lower() in _ORIGIN_THINGS for t in things):  # "works from Germany", "waste from"
            sense = "other"
        if sense in ("economy", "other"):  # "the film from Spain", "supplies from Turkmenistan"
            return False, sense, f"'{origin.text} from {m.text}' (where it comes from)"
        if origin.pos_ == "PROPN" and origin.dep_ in ("nsubj", "nsubjpass", "dobj", "appos"):
            e = _entity_over(site.entities(), origin.i)  # "The Sea Inside from Spain won best foreign film"
            if e is not None and e.label_ in ("WORK_OF_ART", "PRODUCT", "ORG", "EVENT", "PERSON"):
                sense = "people" if e.label_ == "PERSON" else _ENTITY_SENSE[e.label_]
                return False, sense, f"'{e.text} from {m.text}' (where it comes from)"
    return None


def _of_name_check(site: _NameSite) -> _Decision | None:
    """4. Nationality: "Filippo Volandri of Italy"; 3. the end of a name: "the Gulf of Mexico"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "PROPN":
        e = _entity_over(site.entities(), head.head.i)
        if e is not None and e.label_ == "PERSON":
            titled = e.start > 0 and site.doc[e.start - 1].lower_ in _RULER_TITLES
            if e[0].lower_ in _RULER_TITLES or titled:  # "King Abdullah of Jordan" rules it
                return True, "government", f"'{e.text} of {site.m.text}' (its ruler)"
            return False, ("team" if site.sport else "people"), f"nationality of '{e.text}'"
        if e is not None and (e.label_ in _ENTITY_SENSE or e.label_ == "LOC") and e.end >= site.span.end:
            sense = "place" if e.label_ in ("LOC", "FAC") else _ENTITY_SENSE[e.label_]
            return False, sense, f"part of the name '{e.text}' ({e.label_})"
        if (
            e is not None
            and e.label_ == "ORG"
            and e.end == head.i
            and site.senses.sense_of(head.head.text, site.sport) != "government"
            and head.head.lower_ not in _POLITY_TITLES | _RULER_TITLES
        ):  # "SK Telecom of South Korea", "Ericsson of Sweden": the firm's country
            return False, "economy", f"'{e.text} of {site.m.text}' (a firm's country)"
    return None


def _parenthesised_check(site: _NameSite) -> _Decision | None:
    """4. Nationality of a person in parentheses: "Paul Honiss (New Zealand)"."""
    root, span = site.root, site.span
    if root.dep_ == "appos" and span.start > 0 and site.doc[span.start - 1].text == "(":
        e = _entity_over(site.entities(), root.head.i)
        if e is not None and e.label_ == "PERSON":
            return False, ("team" if site.sport else "people"), f"nationality of '{e.text}' (in parentheses)"
    return None


def _parenthesised_list_check(site: _NameSite) -> _Decision | None:
    """People listed with their countries: "Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia)"."""
    doc, span, sport = site.doc, site.span, site.sport
    if (
        1 < span.start
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    ):
        left = doc[span.start - 2]
        if left.pos_ == "PROPN" and left.text[:1].isupper():
            e = _entity_over(site.entities(), left.i)
            if e is not None and e.label_ == "PERSON":
                return False, ("team" if sport else "people"), f"nationality of '{e.text}' (in parentheses)"
            if e is None or e.label_ not in ("GPE", "LOC", "NORP", "ORG"):
                return (
                    False,
                    ("team" if sport else "people"),
                    f"'{left.text} ({site.m.text})' (a nationality)",
                )
    return None


def _place_after_place_check(site: _NameSite) -> _Decision | None:
    """A place after a place: "Opel workers in Ruesselsheim, Germany"."""
    root = site.root
    if root.dep_ in ("appos", "npadvmod", "conj") and root.head.pos_ == "PROPN":
        h = root.head
        if (
            h.dep_ == "pobj"
            and h.head.lower_ in ("in", "at", "near", "from", "outside", "into")
            and h.head.head.lower_ not in _OFFICIALS
        ):
            return False, "place", f"'{h.text}, {site.m.text}' (a place)"
    return None


def _contest_verb_check(site: _NameSite) -> _Decision | None:
    """5. A side of a contest verb: "England beat Wales"."""
    role, head = site.role, site.head
    if role.dep_ in ("nsubj", "dobj", "nsubjpass") and head.lemma_.lower() in site.senses.sports_verbs:
        if any(c.dep_ == "prt" for c in head.children):
            return None  # "have drawn up proposals", "beat back": not a contest
        others = [
            c for c in head.children if c is not role and c.dep_ in ("nsubj", "dobj") and c.pos_ == "PROPN"
        ]
        if others or site.sport:
            return False, "team", f"{role.dep_} of the contest verb '{head.text}'"
    return None


def _contest_noun_check(site: _NameSite) -> _Decision | None:
    """5. A side of a contest noun: "win over South Africa", "loss to Ireland" (but "ties with Poland")."""
    head, senses = site.head, site.senses
    relation = (
        head.head.lower_ in senses.relation_nouns and not site.sport
    )  # "ties with Poland" are relations
    if (
        site.role.dep_ == "pobj"
        and head.lower_ in _CONTEST_PREPS
        and head.head.lower_ in senses.contest_nouns
        and not relation
    ):
        return False, "team", f"'{head.head.text} {head.text} {site.m.text}' (a contest)"
    return None


def _club_check(site: _NameSite) -> _Decision | None:
    """A club named after its city: "I love the way Madrid play", "the Madrid president Florentino Perez"."""
    club_verb = site.role.dep_ in ("nsubj", "nsubjpass") and site.head.lemma_.lower() in _CLUB_VERBS
    club_noun = site.root.dep_ == "compound" and site.root.head.lower_ in _CLUB_NOUNS
    if site.sporty and site.m.kind == "capital" and (club_verb or club_noun):
        return False, "team", f"'{site.m.text}' in a story with sports words (a club of the city)"
    return None


def _athlete_check(site: _NameSite) -> _Decision | None:
    """Athletes who represent a country: "chosen to represent Trinidad and Tobago"."""
    m, role, head = site.m, site.role, site.head
    if site.sporty and (
        (role.dep_ == "dobj" and head.lemma_.lower() == "represent" and not _titled_subject(head))
        or (role.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _ATHLETE_VERBS)
    ):
        return (
            False,
            "team",
            f"'{head.head.text if role.dep_ == 'pobj' else head.text} ... {m.text}' (an athlete's country)",
        )
    return None


def _plural_team_check(site: _NameSite) -> _Decision | None:
    """A country name with a plural verb in a story with sports words is a team ("Monaco are also in the
    race for Morientes", "England have won"); not a list ("France and Germany are") nor a plural name."""
    role, head, m = site.role, site.head, site.m
    if not site.sporty or role.dep_ != "nsubj" or role != site.root or m.text.endswith("s"):
        return None
    if any(c.dep_ == "conj" for c in role.children):
        return None
    verbs = [head, *(c for c in head.children if c.dep_ == "aux")]
    plural = next(
        (v for v in verbs if v.lower_ in ("are", "were", "have") and v.tag_ in ("VBP", "VBD")), None
    )
    if plural is not None:
        return False, "team", f"'{m.text} {plural.text}' in a story with sports words (a team)"
    return None


def _agreement_name_check(site: _NameSite) -> _Decision | None:
    """The name of an agreement: "the Treaty of Amsterdam", "the Convention of Rome" (not the host's act)."""
    head = site.head
    if (
        site.role.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.text[:1].isupper()
        and head.head.lower_ in _AGREEMENT_NOUNS
    ):
        return False, "other", f"part of the name '{head.head.text} of {site.m.text}'"
    return None


def _nation_at_stake_check(site: _NameSite) -> _Decision | None:
    """The nation at stake: "the threat the NRA poses to the U.S.", "risks to the U.S. from terrorism",
    "isn't good for the United States" (the country, not its state acting)."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ in ("to", "for") and head.head.lemma_.lower() in _STAKE_WORDS:
        return False, "other", f"'{head.head.text} {head.text} {site.m.text}' (the nation at stake)"
    if site.role.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "pose":
        return False, "other", f"'poses ... to {site.m.text}' (the nation at stake)"
    if site.role.dep_ == "dobj" and head.lemma_.lower() in _STAKE_VERBS:  # "it does not benefit Britain"
        return False, "other", f"'{head.text} {site.m.text}' (the nation at stake)"
    return _nation_in_rhetoric(site)


def _nation_in_rhetoric(site: _NameSite) -> _Decision | None:
    """The nation a politician speaks of: "Britain deserves better", "fighting for Britain", "a better
    Britain", "the best interests of Britain", "the problems Britain faces" (the country, not its state)."""
    role, head = site.role, site.head
    lemma = head.lemma_.lower()
    if role.dep_ == "nsubj" and lemma == "deserve":
        what = f"{site.m.text} {head.text}"
    elif role.dep_ == "nsubj" and lemma == "face" and head.dep_ == "relcl":
        what = f"{head.head.text} {site.m.text} {head.text}"
    elif role.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _CAUSE_VERBS:
        what = f"{head.head.text} for {site.m.text}"
    elif role.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("interest", "interests"):
        what = f"{head.head.text} of {site.m.text}"
    elif any(c.dep_ == "amod" and c.tag_ == "JJR" for c in site.root.children):
        what = f"a {next(c.text for c in site.root.children if c.tag_ == 'JJR')} {site.m.text}"
    elif _nation_of_a_kind(
        site
    ):  # "build an America where we can all rise together", "an America in decline"
        what = f"an {site.m.text} ..."
    elif role.dep_ == "dobj" and lemma in _PUBLIC_VERBS:
        what = f"{head.text} {site.m.text}"  # "who has inflamed America with divisive rhetoric"
    elif role.dep_ == "nsubj" and lemma in _PEOPLE_VERBS:
        what = f"{site.m.text} {head.text}"  # "asked for America to fast and pray"
    else:
        return None
    return False, "other", f"'{what}' (the nation spoken of, not its state)"


def _nation_of_a_kind(site: _NameSite) -> bool:
    """ "an America where we can all rise together", "an America in decline": a country (not a body of states)
    with an indefinite article and a clause or phrase saying which kind of it."""
    root = site.root
    kids = list(root.children)
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < root.i for c in kids)
    which = any(c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("in", "of")) for c in kids)
    return article and which and not ORGANISATION_OF_STATES.search(site.m.government)


def _measure_check(site: _NameSite) -> _Decision | None:
    """A measure or outlook of the country: "twice the size of France", "the outlook for Sri Lanka", "18.6%
    for the US" (the place or its economy, not the state)."""
    head = site.head
    if site.role.dep_ != "pobj":
        return None
    noun = head.head
    if head.lower_ == "of" and noun.lower_ in _MEASURE_NOUNS:
        return False, "place", f"'{noun.text} of {site.m.text}' (a measure of the place)"
    if head.lower_ == "for" and (noun.lower_ in _OUTLOOK_NOUNS or noun.lower_ in _SHARE_WORDS):
        return False, "economy", f"'{noun.text} for {site.m.text}' ({_WHAT['economy']})"
    return None


def _share_check(site: _NameSite) -> _Decision | None:
    """A share of a country's people or land: "27 million, or 50%, of the UK", "about 60% of China"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _SHARE_WORDS:
        return False, "people", f"'{head.head.text} of {site.m.text}' (a share of its people or land)"
    whole = next((c for c in site.root.children if c.dep_ in ("det", "predet") and c.lower_ == "all"), None)
    if whole is not None and whole.i < site.root.i:  # "a disgrace to all America"
        return False, "people", f"'all {site.m.text}' (the whole nation, not its state)"
    era = [c for c in site.root.children if c.dep_ == "amod" and c.lower_ in _ERA_ADJECTIVES]
    if era and site.root.i > era[0].i:  # "the looking-glass world of modern Russia"
        return False, "other", f"'{era[0].text} {site.m.text}' (the country of a time or kind, not its state)"
    return None


def _sports_report_check(site: _NameSite) -> _Decision | None:
    """5. Any other country in a sports report is a team."""
    if site.sport:
        return False, "team", "a country in a sports report"
    return None


def _possessor_check(site: _NameSite) -> _Decision | None:
    """The possessor of a noun no check above read is the state's: "Ireland's introduction of lower taxes"."""
    if site.possessive and site.chain:
        return True, "government", f"possesses '{site.chain[-1].text}' (the state's)"
    return None


def _economy_subject_check(site: _NameSite) -> _Decision | None:
    """6. "Britain is the fourth-largest economy", "The Bahamas ... are among the areas affected"."""
    head = site.head
    if site.role.dep_ == "nsubj" and head.lemma_.lower() in ("create", "add", "shed", "lose", "cut"):
        jobs = [c for c in head.children if c.dep_ == "dobj" and c.lower_ in ("jobs", "job")]
        if jobs:  # "The US created fewer jobs than expected": its economy
            return False, "economy", f"'{site.m.text} {head.text} ... {jobs[0].text}' (the economy)"
    if site.role.dep_ == "nsubj" and head.lemma_ == "be":
        for c in head.children:
            nouns = (
                [c]
                if c.dep_ in ("attr", "acomp")
                else [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ == "prep"
                else []
            )
            for n in nouns:
                if n.lower_ in ("one", "among"):  # "the UK was one of the most successful economies"
                    n = next((g for p in n.children if p.lower_ == "of" for g in p.children), n)
                sense = site.senses.sense_of(n.text, site.sport)
                if n.lower_ in ("player", "players") and not site.sporty:  # "will be strong players"
                    sense = "economy"
                if sense in ("economy", "place"):
                    return False, sense, f"'{site.m.text} is ... {n.text}' ({_WHAT[sense]})"
    return None


def _has_check(site: _NameSite) -> _Decision | None:
    """6. "The Maldives has gross domestic product of about $660m", "China has 350 million smokers"."""
    head = site.head
    if site.role.dep_ == "nsubj" and head.lemma_ == "have" and head.pos_ == "VERB":
        for c in head.children:
            sense = site.senses.sense_of(c.text, site.sport) if c.dep_ == "dobj" else None
            if sense in ("economy", "people"):
                return False, sense, f"'{site.m.text} {head.text} ... {c.text}' ({_WHAT[sense]})"
    return None


def _economy_attribute_check(site: _NameSite) -> _Decision | None:
    """6. The attribute of a place or a noun of the economy: "The worst-hit areas are Sri Lanka, India"."""
    head = site.head
    if site.role.dep_ == "attr" and head.lemma_ == "be":
        for c in head.children:
            sense = site.senses.sense_of(c.text, site.sport) if c.dep_ == "nsubj" else None
            if sense in ("economy", "place"):
                return False, sense, f"'{c.text} {head.text} {site.m.text}' ({_WHAT[sense]})"
    return None


def _survey_mood_check(site: _NameSite) -> _Decision | None:
    """A survey: "South Korea was the most pessimistic"."""
    head = site.head
    if site.role.dep_ == "nsubj" and head.lemma_ == "be":
        moods = [
            c
            for c in head.children
            if c.dep_ in ("attr", "acomp")
            and c.lower_ in _MOOD_WORDS
            and any(g.lower_ in ("most", "least") for g in c.children)
        ]
        if moods:
            return (
                False,
                "people",
                f"'{site.m.text} {head.text} the most {moods[0].text}' (its people surveyed)",
            )
    return None


def _economic_figure(noun, senses: Senses, sport: bool) -> bool:
    """Whether an object is a figure of the economy: "growth", "a decline", "two years of slowdown", "market
    chaos"."""
    if senses.sense_of(noun.text, sport) == "economy" or noun.lemma_.lower() in _CHANGE_NOUNS:
        return True
    if any(c.dep_ == "compound" and senses.sense_of(c.text, sport) == "economy" for c in noun.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_economic_figure(g, senses, sport) for g in c.children)
        for c in noun.children
    )


def _growth_check(site: _NameSite) -> _Decision | None:
    """6. "Indonesia, Malaysia and India have enjoyed strong economic growth", "Australia, Italy and the
    Netherlands also saw a decline", "The US suffered two years of economic slowdown"."""
    head, senses, sport = site.head, site.senses, site.sport
    if site.role.dep_ == "nsubj":
        for v in (head, *(c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB")):
            if v.lemma_.lower() not in _RECORD_VERBS:
                continue
            grown = [c for c in v.children if c.dep_ == "dobj" and _economic_figure(c, senses, sport)]
            if grown:
                return False, "economy", f"'{site.m.text} {v.text} ... {grown[0].text}' ({_WHAT['economy']})"
    return None


def _economic_verb_check(site: _NameSite) -> _Decision | None:
    """6. A verb of the economy: "Japan still dominates mobile phone technology", "China overtook the US"."""
    role = site.role
    verb = _economic_predicate(role, site.senses)
    if verb is not None:
        where = {"nsubj": "subject", "dobj": "object"}.get(role.dep_, f"'{site.head.text}' object")
        return False, "economy", f"{where} of the economic verb '{verb.text}' ({_WHAT['economy']})"
    return None


def _ranking_check(site: _NameSite) -> _Decision | None:
    """A ranking: "the same level as Romania", "second only to the US", "came out top"."""
    role, head = site.role, site.head
    ranked = _ranking_of(role, head)
    if not ranked and _followed_in_ranking(role, head):
        ranked = "followed by"
    if ranked:
        phrase = f"{site.m.text} {ranked}" if role.dep_ == "nsubj" else f"{ranked} {site.m.text}"
        return False, "other", f"'{phrase}' (a place in a ranking)"
    return None


def _struck_check(site: _NameSite) -> _Decision | None:
    """Places struck: "with Sri Lanka, Thailand and India worst hit"."""
    head = site.head
    if site.role.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _DAMAGE_VERBS:
        if any(c.lower_ in _DAMAGE_ADVERBS for c in head.children):
            return False, "place", f"'{site.m.text} ... {head.text}' (a place struck)"
    if site.role.dep_ == "dobj" and head.lemma_.lower() in _WEATHER_VERBS:  # "storms battered the US"
        return False, "place", f"'{head.text} {site.m.text}' (a place struck)"
    if site.role.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _DAMAGE_VERBS:
        # "At least 10 countries have been affected, with Sri Lanka, Indonesia, India and Thailand among ..."
        return False, "place", f"'{head.head.text}, with {site.m.text}' (a place struck)"
    return None


def _neighbour_check(site: _NameSite) -> _Decision | None:
    """A neighbour on the map: "the mountainous country surrounded by South Africa", "bordering Iraq"."""
    role, head = site.role, site.head
    verb = site.verb()
    by = role.dep_ == "pobj" and head.lower_ == "by" and verb.lemma_.lower() in _NEIGHBOUR_VERBS
    if by or (role.dep_ == "dobj" and head.lemma_.lower() in _NEIGHBOUR_VERBS):
        return False, "place", f"'{verb.text} ... {site.m.text}' (a neighbour on the map)"
    return None


def _lost_to_check(site: _NameSite) -> _Decision | None:
    """Work that moves to a country: "IT work being lost to India", "jobs lost to China" (a place)."""
    role, head = site.role, site.head
    verb = site.verb()
    if role.dep_ == "pobj" and head.lower_ == "to" and verb.lemma_.lower() == "lose" and not site.sport:
        lost = [
            c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.lower_ in _WORK_NOUNS
        ]
        before = site.doc[max(0, verb.i - 3) : verb.i]  # "IT work being lost to India" (parsed apart)
        if lost or any(t.lower_ in _WORK_NOUNS and t.pos_ == "NOUN" for t in before):
            return False, "place", f"'{verb.text} to {site.m.text}' (where work goes)"
    return None


def _based_check(site: _NameSite) -> _Decision | None:
    """Where something is run from: "the site is run from Romania"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in _BASED_VERBS:
        return False, "place", f"'{head.head.text} from {site.m.text}' (a place)"
    return None


def _range_check(site: _NameSite) -> _Decision | None:
    """A range or a journey: "waves from Malaysia to Africa", "flying in from Japan"."""
    head, senses, sport = site.head, site.senses, site.sport
    if (
        site.role.dep_ == "pobj"
        and head.lower_ == "from"
        and senses.sense_of(head.head.text, sport) != "government"
    ):
        start = head.head
        to = [c for c in (*start.children, *head.children) if c.dep_ == "prep" and c.lower_ in ("to", "into")]
        after = site.doc[site.span.end : site.span.end + 4]
        if not to and len(after) > 1 and after[0].lower_ == "to" and _name_starts(after[1:]):
            to = [after[0]]  # "politicians from Mexico to Uruguay" ("to" parsed onto the verb)
        handed = any(
            senses.sense_of(c.text, sport) == "government" for c in start.children if c.dep_ == "dobj"
        )
        if (
            to or start.lemma_.lower() in senses.movement_verbs
        ) and not handed:  # "takes over the presidency"
            what = f"from {site.m.text} {to[0].text}" if to else f"{start.text} ... from {site.m.text}"
            return False, "place", f"'{what}' (a place, not the state)"
    return None


def _between_check(site: _NameSite) -> _Decision | None:
    """A place between others: "a wall between the United States and Mexico", "troops split between Syria
    and Iraq" (but "relations between", "talks between", "the war between" are the states')."""
    head, senses = site.head, site.senses
    if site.role.dep_ != "pobj" or head.lower_ != "between":
        return None
    over = head.head
    lemma = over.lemma_.lower()
    if over.lower_ in senses.relation_nouns or over.lower_ in _TALK_NOUNS or lemma in _BETWEEN_STATES:
        return None
    if over.pos_ == "VERB" and (lemma in senses.political_verbs or lemma in senses.addressee_verbs):
        return None  # "mediate between Israel and the Palestinians"
    return False, "place", f"'{over.text} between ... {site.m.text}' (a place)"


def _next_to_check(site: _NameSite) -> _Decision | None:
    """A place next to another: "the German state next to Belgium"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in ("next", "adjacent"):
        return False, "place", f"'{head.head.text} to {site.m.text}' (a place)"
    return None


def _city_country_check(site: _NameSite) -> _Decision | None:
    """The country after its city: "Caracas, Venezuela", "the U.S. consulate in Benghazi, Libya"."""
    root, doc, span = site.root, site.doc, site.span
    if site.m.kind not in ("name", "short") or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    city = doc[span.start - 2]
    alias = default_gazetteer().aliases.get(city.text)
    if alias is not None and alias.kind == "capital" and alias.government == site.m.government:
        return (
            False,
            "place",
            f"'{city.text}, {site.m.text}' (the country of its capital)",
        )  # "Caracas, Venezuela"
    if city.pos_ != "PROPN" or alias is not None:
        return None
    e = _entity_over(site.entities(), city.i)
    if e is not None and e.label_ == "GPE" and root.dep_ in ("appos", "npadvmod", "conj"):
        return False, "place", f"'{e.text}, {site.m.text}' (the country of a city)"
    return None


def _name_for_check(site: _NameSite) -> _Decision | None:
    """The end of an organisation's name: "Alternative for Germany", "Americans for Prosperity" style
    names, "CARLY for America" (a capitalised word right before "for")."""
    head = site.head
    if site.role.dep_ != "pobj" or head.lower_ != "for" or head.i == 0:
        return None
    before = site.doc[head.i - 1]
    if (
        before.text[:1].isupper()
        and (before.i > 0 and before.pos_ == "NOUN" or before.pos_ == "PROPN")
        and site.senses.sense_of(before.text, site.sport) != "government"
        and before.lower_ not in _RULER_TITLES
    ):
        return False, "other", f"part of the name '{before.text} for {site.m.text}'"
    return None


def _described_check(site: _NameSite) -> _Decision | None:
    """The country described, not acting: "Libya is now a failed state", "The United States is a nation of
    hyphenated identities"."""
    role, head = site.role, site.head
    if role.dep_ == "nsubj" and head.lemma_ in ("be", "become"):
        # (an adjective after "become" is a change of conduct: "Iran has become more aggressive")
        described = [
            c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and head.lemma_ == "be"
        ]
        if described and not any(
            c.lemma_.lower() in _STANCE_ADJECTIVES or c.lower_ in _STANCE_ADJECTIVES for c in described
        ):
            adjective = described[0].text  # "Libya today is completely chaotic" (but "China is worried")
            return False, "other", f"'{site.m.text} {head.text} {adjective}' (the country described)"
        nouns = _DESCRIBED_NOUNS if head.lemma_ == "be" else _BECOME_NOUNS  # "France has become the last
        # country to launch digital TV" is an act; "Iraq had become a crucible of terrorism" is not
        for attr in (c for c in head.children if c.dep_ == "attr" and c.lower_ in nouns):
            if any(c.dep_ in ("amod", "prep", "compound") for c in attr.children):
                return (
                    False,
                    "other",
                    f"'{site.m.text} {head.text} a ... {attr.text}' (the country described)",
                )
    return None


def _range_end_check(site: _NameSite) -> _Decision | None:
    """The far end of a range: "politicians from Mexico to Uruguay" (a place, as its start is)."""
    head, doc = site.head, site.doc
    if site.role.dep_ != "pobj" or head.lower_ != "to":
        return None
    i = head.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and head.i - i < 4:
        i -= 1
    start = doc[i : head.i].text
    alias = default_gazetteer().aliases.get(start)
    if 0 < i < head.i and doc[i - 1].lower_ == "from" and alias is not None and alias.kind in _PLACE_KINDS:
        return False, "place", f"'from {start} to {site.m.text}' (a range of places)"
    return None


def _name_starts(tokens) -> bool:
    """Whether ``tokens`` begin with a name of the gazetteer ("Uruguay", "the United States")."""
    aliases = default_gazetteer().aliases
    words = [t.text for t in tokens]
    if words and words[0] == "the":
        words = words[1:]
    found = (aliases.get(" ".join(words[:n])) for n in range(1, len(words) + 1))
    return any(a is not None and a.kind in _PLACE_KINDS for a in found)


def _capital_thing_check(site: _NameSite) -> _Decision | None:
    """A capital naming a thing of the city: "the Lisbon targets", "a Washington think-tank"."""
    root = site.root
    if site.m.kind == "capital" and root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN":
        return False, "other", f"'{site.m.text} {root.head.text}' (a thing named after the city)"
    return None


def _of_place_check(site: _NameSite) -> _Decision | None:
    """6. After a noun of the economy, a place or an event: "the streets of Seoul"."""
    # people and team nouns are left to the checks above: "critics of China" still criticise the state;
    # "with" and "as" stay: "the war with Iran", "states such as Japan" are the state
    head = site.head
    if (
        site.role.dep_ == "pobj"
        and head.lower_ in _OF_PLACE_PREPS
        and head.dep_ == "prep"
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = head.head
        sense = site.senses.sense_of(noun.text, site.sport)
        if sense is None and any(
            c.dep_ == "amod" and c.lower_ in _ECONOMIC_ADJECTIVES for c in noun.children
        ):
            sense = "economy"  # "the economic might of the US"
        body = not default_gazetteer().aliases_of(site.m.government).get("capital")  # not a country
        if sense in ("economy", "place", "other") and not (body and noun.lower_ == "future"):
            # (but "the future of NATO" is the alliance's as a body)
            return False, sense, f"'{noun.text} {head.text} {site.m.text}' ({_WHAT[sense]})"
        if head.lower_ == "of" and noun.lower_ in _MEMBER_NOUNS:  # "citizens of Switzerland"
            return False, "people", f"'{noun.text} of {site.m.text}' ({_WHAT['people']})"
    return None


def _like_check(site: _NameSite) -> _Decision | None:
    """An example of markets: "other markets like India and China"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "like" and head.head.pos_ == "NOUN":
        if site.senses.sense_of(head.head.text, site.sport) == "economy":
            return False, "economy", f"'{head.head.text} like {site.m.text}' ({_WHAT['economy']})"
    return None


def _capital_place_check(site: _NameSite) -> _Decision | None:
    """Capitals stand for their governments only as actors or addressees: "Seoul pressed Beijing"."""
    role, head, senses = site.role, site.head, site.senses
    verb = site.verb()
    if (
        site.m.kind == "capital"
        and role.dep_ in ("dobj", "pobj")
        and not (
            head.lower_ in ("by", "from")
            or verb.lemma_.lower() in senses.addressee_verbs
            or verb.lower_ in senses.relation_nouns
            or verb.lower_ in _OFFICIALS  # "officials in Beijing"
        )
    ):
        return (
            False,
            "place",
            f"capital as {'object of' if role.dep_ == 'dobj' else head.text} '{verb.text}' (a place)",
        )
    return None


def _route_check(site: _NameSite) -> _Decision | None:
    """A route: "fly between Australia and the US"."""
    verb = site.verb()
    if (
        site.role.dep_ == "pobj"
        and site.head.lower_ == "between"
        and verb.lemma_.lower() in site.senses.movement_verbs
    ):
        return (
            False,
            "place",
            f"'{verb.text} between ... {site.m.text}' (a route)",
        )
    return None


def _business_check(site: _NameSite) -> _Decision | None:
    """Business with a country: "doing business with Israel", "a trade surplus with China"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "VERB"):
        if head.head.pos_ == "VERB":  # "accused of doing business with Israel"
            business = [c for c in head.head.children if c.dep_ == "dobj" and c.lower_ == "business"]
        elif head.head.lower_ == "business":  # "doing business with Israel", "with" hung on "business"
            business = [head.head]
        elif head.head.lower_ in _BALANCE_NOUNS:  # "the deficit with Japan", "a trade surplus with China"
            business = [head.head]
        else:  # "business ties with Israel"
            business = [
                c for c in head.head.children if c.dep_ in ("amod", "compound") and c.lower_ in _BUSINESS
            ]
        if business:
            b = business[0]
            verbal = head.head.pos_ == "VERB"
            phrase = (
                b.text
                if b == head.head
                else f"{head.head.text} {b.text}"
                if verbal
                else f"{b.text} {head.head.text}"
            )
            return (
                False,
                "economy",
                f"'{phrase} with {site.m.text}' ({_WHAT['economy']})",
            )
    return None


def _trade_check(site: _NameSite) -> _Decision | None:
    """Trade to or from a country: "forced Kirchner to suspend gas exports to Chile"."""
    head, verb = site.head, site.verb()
    if site.role.dep_ == "pobj" and head.lower_ in ("to", "from") and verb.pos_ == "VERB":
        traded = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _TRADE_NOUNS]
        if traded:
            return False, "economy", f"'{traded[0].text} {head.text} {site.m.text}' ({_WHAT['economy']})"
    return None


def _destination_check(site: _NameSite) -> _Decision | None:
    """A destination: "won permission to fly to London, Singapore", "relocating call centres to India"."""
    head, verb = site.head, site.verb()
    if (
        site.role.dep_ == "pobj"
        and head.lower_ in ("to", "into")
        and verb.lemma_.lower() in site.senses.movement_verbs
        and not _sent_to_body(site)
    ):
        return False, "place", f"'{verb.text} ... {head.text} {site.m.text}' (a destination)"
    if site.role.dep_ == "pobj" and head.lower_ == "to":  # "the deportation of the actress to Norway"
        noun = head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        if noun.pos_ in ("VERB", "AUX"):  # "ordered the deportation of ... to Norway"
            noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
        if noun.lemma_.lower() in _MOVEMENT_NOUNS or noun.lower_ in _MOVEMENT_NOUNS:
            return False, "place", f"'{noun.text} ... to {site.m.text}' (a destination)"
    return None


def _place_left_check(site: _NameSite) -> _Decision | None:
    """A place left: "has withdrawn from Uzbekistan and Belarus"."""
    verb = site.verb()
    if site.role.dep_ == "pobj" and site.head.lower_ == "from" and verb.lemma_.lower() in _LEAVING_VERBS:
        return False, "place", f"'{verb.text} ... from {site.m.text}' (a place left)"
    if site.role.dep_ == "pobj" and site.head.lower_ == "from" and verb.lemma_.lower() in _BARRING_VERBS:
        return False, "place", f"'{verb.text} ... from {site.m.text}' (the place barred)"  # "banning Muslims"
    if site.role.dep_ == "pobj" and site.head.lower_ == "for" and verb.lemma_.lower() in _SETTING_OFF_VERBS:
        return (
            False,
            "place",
            f"'{verb.text} for {site.m.text}' (a destination)",
        )  # "before leaving for Syria"
    if site.role.dep_ == "pobj" and site.head.lower_ == "from":  # "a proper exit strategy from Iraq"
        noun = site.head.head
        exit_word = next((t for t in (noun, *noun.children) if t.lower_ in _EXIT_NOUNS), None)
        if exit_word is not None and noun.pos_ == "NOUN":
            return False, "place", f"'{exit_word.text} ... from {site.m.text}' (a place left)"
    return None


def _inside_of_check(site: _NameSite) -> _Decision | None:
    """A place: "raids inside of both Iraq and Syria", "outside of Russia"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("inside", "outside"):
        return False, "place", f"'{head.head.text} of {site.m.text}' (a place)"
    return None


def _out_of_check(site: _NameSite) -> _Decision | None:
    """A place left: "pulled its troops out of Iraq"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out":
        return False, "place", f"'out of {site.m.text}' (a place left)"
    return None


def _place_acted_on_check(site: _NameSite) -> _Decision | None:
    """The country as the ground of an act: "U.S. plans to help rebuild Libya", "a speedy Iraq withdrawal"
    (but "the US withdrawal from Iraq" is the US's)."""
    role, head = site.role, site.head
    if role.dep_ == "dobj" and head.lemma_.lower() in _GROUND_VERBS:
        return False, "place", f"object of '{head.text}' (the place acted on)"
    if (
        role.dep_ in ("compound", "amod")
        and head.lower_ in _EXIT_NOUNS
        and not any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)
    ):
        return False, "place", f"'{site.m.text} {head.text}' (the place left)"
    return None


def _visit_check(site: _NameSite) -> _Decision | None:
    """A place visited: "Asimo has visited the UK, Germany, the Czech Republic, France and Ireland"."""
    head = site.head
    if site.role.dep_ == "dobj" and head.lemma_.lower() in _VISIT_VERBS:
        if head.lemma_.lower() == "enter" and ORGANISATION_OF_STATES.search(site.m.government):
            return None  # "Turkey entering the EU" joins it
        return False, "place", f"object of '{head.text}' (a place visited or entered)"
    return None


def _attacked_check(site: _NameSite) -> _Decision | None:
    """The country a terror attack struck: "the 11 September terrorist attacks on the US", "the US terror
    attacks" (the event, not the state acting)."""
    role, head = site.role, site.head
    if role.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _RAID_NOUNS:
        return False, "place", f"'{head.head.text} on {site.m.text}' (the country attacked, not acting)"
    if role.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _ATTACK_NOUNS:
        noun = head.head
    elif site.chain and any(t.lemma_.lower() in _ATTACK_NOUNS for t in site.chain):
        noun = next(t for t in site.chain if t.lemma_.lower() in _ATTACK_NOUNS)
    else:
        return None
    phrase = " ".join(t.text for t in noun.subtree if t.i <= noun.i)
    if _TERROR.search(phrase):
        return False, "other", f"'{phrase}' (an attack the country suffered, not its act)"
    return None


def _topic_check(site: _NameSite) -> _Decision | None:
    """A topic, not an actor: "Iraq will remain an issue", "unrelated to Afghanistan, Iraq, or terrorism"."""
    role, head = site.role, site.head
    if role.dep_ == "nsubj" and head.lemma_.lower() in ("be", "remain", "become"):
        topic = [c for c in head.children if c.dep_ == "attr" and c.lower_ in _TOPIC_NOUNS]
        if topic:
            return False, "other", f"'{site.m.text} {head.text} ... {topic[0].text}' (a topic, not the state)"
    if role.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in _TOPIC_NOUNS:
        return False, "other", f"'{head.head.text} from {site.m.text}' (a topic, not the state)"
    if role.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in _TOPIC_ADJECTIVES:
        return False, "other", f"'{head.head.text} to {site.m.text}' (a topic, not the state)"
    if (
        role.dep_ == "pobj" and head.lower_ == "about" and head.head.lemma_ == "be"
    ):  # "the talk was about Israel"
        return False, "other", f"'{head.head.text} about {site.m.text}' (a topic, not the state)"
    if role.dep_ == "pobj" and head.lower_ in ("on", "about") and head.head.lemma_.lower() in _TOPIC_VERBS:
        return False, "other", f"'{head.head.text} {head.text} {site.m.text}' (a topic, not the state)"
    if role.dep_ == "pobj" and (
        head.lower_ in ("regarding", "concerning")
        or head.lower_ in ("of", "to")
        and head.head.lower_ in ("respect", "regard", "relation")
    ):  # "In respect of Iraq, we agreed"
        what = head.text if head.lower_ in ("regarding", "concerning") else f"{head.head.text} {head.text}"
        return False, "other", f"'{what} {site.m.text}' (a topic, not the state)"
    return None


def _other_subject_check(site: _NameSite) -> _Decision | None:
    """A list the parser made the subject of a verb that has its own: "in particular the UK, France and
    Spain, said the report" (the report says it)."""
    role, head = site.role, site.head
    if role.dep_ == "nsubj":
        other = [c for c in head.children if c.dep_ == "nsubj" and c != role and c.i > head.i]
        if other and other[0].pos_ in ("NOUN", "PROPN"):
            return False, "other", f"'{head.text} the {other[0].text}': not the subject (a broken list)"
    return None


def _excepted_check(site: _NameSite) -> _Decision | None:
    """A country left out of what the subject names is one of those things: "All the markets grew apart from
    Japan" (a market); "Japan is where north America will be" (a place)."""
    role, head, doc = site.role, site.head, site.doc
    if role.dep_ == "pobj" and head.lower_ == "from" and head.i > 0 and doc[head.i - 1].lower_ == "apart":
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
        sense = site.senses.sense_of(subjects[0].text, site.sport) if subjects else None
        if sense not in (None, "government"):
            return False, sense, f"'{subjects[0].text} ... apart from {site.m.text}' ({_WHAT[sense]})"
    if (
        role.dep_ == "nsubj"
        and head.lemma_ == "be"
        and head.i + 1 < len(doc)
        and doc[head.i + 1].lower_ == "where"
    ):
        return False, "place", f"'{site.m.text} {head.text} where' (a place)"
    return None


def _compared_check(site: _NameSite) -> _Decision | None:
    """A country compared: "more overcrowded than France" (a place or economy measured, not an actor)."""
    if site.role.dep_ == "pobj" and site.head.lower_ == "than":
        return False, "other", f"'than {site.m.text}' (compared, not acting)"
    if site.role.dep_ == "pobj" and site.head.lower_ == "to" and site.head.head.lower_ == "contrast":
        return False, "other", f"'in contrast to {site.m.text}' (compared, not acting)"
    if site.role.dep_ == "pobj" and site.head.lower_ == "of" and site.head.head.lower_ == "likes":
        # "overtaken by the likes of China", "below the likes of Estonia": an example of a kind
        return False, "other", f"'the likes of {site.m.text}' (compared, not acting)"
    return None


def _over_check(site: _NameSite) -> _Decision | None:
    """The matter of a dispute or talks: "attacked the government over Iraq", "talks on North Korea"."""
    head = site.head
    if site.role.dep_ != "pobj" or head.lower_ not in ("over", "on", "about"):
        return None
    if head.lower_ == "over" and site.senses.sense_of(head.head.text, site.sport) != "team":
        return False, "other", f"'{head.head.text} over {site.m.text}' (the matter, not a party)"
    if head.head.lower_ in _TALK_NOUNS or head.lower_ == "on" and head.head.lower_ in _STANCE_NOUNS:
        # "talks on North Korea", "support for the government on Iraq", "Britain's stance on Iraq"
        return False, "other", f"'{head.head.text} {head.text} {site.m.text}' (the matter, not a party)"
    return None


def _trade_with_check(site: _NameSite) -> _Decision | None:
    """Trade or a place with a country: "trade with the US", "close to the border with Morocco"."""
    head = site.head
    if site.role.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "VERB"):
        noun = head.head
        traded = noun.lemma_.lower() == "trade" or any(  # "Trade flows with Mexico" (parsed as a verb)
            c.dep_ == "nsubj" and c.lemma_.lower() == "trade" for c in noun.children
        )
        sense = "economy" if traded else site.senses.sense_of(noun.text, site.sport)
        if sense in ("economy", "place") and noun.pos_ == "NOUN" or traded:
            return False, sense, f"'{noun.text} with {site.m.text}' ({_WHAT[sense]})"
    return None


def _superlative_check(site: _NameSite) -> _Decision | None:
    """A country ranked: "Japan is the world's least fertile nation" (a statistic of the place)."""
    role, head = site.role, site.head
    if role.dep_ == "nsubj" and head.lemma_.lower() == "be":
        for attr in (c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            ranked = [x for x in attr.subtree if x.tag_ in ("JJS", "RBS") and x.i < attr.i]
            if ranked:
                return False, "other", f"'{site.m.text} is the {ranked[0].text} ... {attr.text}' (a ranking)"
    return None


def _trip_check(site: _NameSite) -> _Decision | None:
    """A destination of a journey: "a trade delegation to five countries, including India and China"."""
    head = site.head
    if site.role.dep_ != "pobj" or head.lower_ not in ("to", "into") or _sent_to_body(site):
        return None
    on = head.head  # "a visit to China"; "led a trade delegation to China"
    if on.lower_ in _POSTING_NOUNS:  # "the U.S. ambassador to Libya": the country an envoy is posted to
        return False, "place", f"'{on.text} {head.text} {site.m.text}' (the country posted to)"
    trip = on if on.lower_ in _TRIP_NOUNS else None
    trip = trip or next((c for c in on.children if c.dep_ == "dobj" and c.lower_ in _TRIP_NOUNS), None)
    if trip is not None:
        return False, "place", f"'{trip.text} {head.text} {site.m.text}' (a destination)"
    return None


#: What makes "president of X" the office sought: "our *next* president", "the *election* of a president".
_SOUGHT_MODIFIERS = frozenset("next future would-be".split())
_SOUGHT_HEADS = frozenset("elect become election race run nomination campaign bid nominee candidate".split())


def _office_sought_title(noun) -> str | None:
    """The words that make the title ``noun`` ("president" in "president of the United States") an office
    sought rather than its holder, or None."""
    if noun.lower_ not in _RULER_TITLES:
        return None
    mod = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in _SOUGHT_MODIFIERS), None)
    if mod is not None:
        return f"{mod.text} {noun.text}"
    up = noun.head.head if noun.head.dep_ == "prep" or noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("dobj", "attr", "oprd", "pobj") and up.lemma_.lower() in _SOUGHT_HEADS:
        return f"{up.text} ... {noun.text}"
    if (
        noun.dep_ == "attr" and up.lemma_.lower() == "be"
    ):  # "we need her to be president", "who ... should be"
        aux = next((c for c in up.children if c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX), None)
        if aux is not None:
            return (
                f"{aux.text} ... {up.text} {noun.text}"
                if aux.i < up.i - 1
                else f"{aux.text} {up.text} {noun.text}"
            )
    return None


#: Auxiliaries that make "be president" an office to come: "to be president", "should be".
_HYPOTHETICAL_AUX = frozenset("to should would will could might may must 'd 'll".split())


def _sent_to_body(site: _NameSite) -> bool:
    """An organisation of states named by itself is an addressee: "sent a delegation to the UN" (but a
    capital, "flights to Brussels", is a place)."""
    return site.m.kind != "capital" and bool(ORGANISATION_OF_STATES.search(site.m.government))


def _state_acting(site: _NameSite) -> _Decision:
    """7. Otherwise the state acting: subject, object or agent of a verb ("Seoul pressed China")."""
    where = {
        "nsubj": "subject of",
        "nsubjpass": "passive subject of",
        "dobj": "object of",
        "pobj": "object of",
        "agent": "agent of",
        "compound": "modifier of",
        "amod": "modifier of",
    }.get(site.role.dep_, "")
    head = site.head
    if site.role.dep_ == "pobj" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
        of_state = head.lower_ == "of" and site.senses.sense_of(noun.text, site.sport) == "government"
        between = head.lower_ in ("between", "with") and noun.lower_ in site.senses.relation_nouns
        community = [
            c for c in noun.children if c.dep_ in ("compound", "amod") and c.lower_ in _COMMUNITY_WORDS
        ]
        if of_state and community and noun.text[:1].isupper():  # "the Muslim Council of Britain"
            return (
                False,
                "other",
                f"'{community[0].text} {noun.text} {head.text} {site.m.text}' (part of a name)",
            )
        sought = _office_sought_title(noun) if of_state else None
        if sought:  # "our next president of the United States", "the election of a president of ..."
            return False, "other", f"'{sought} {head.text} {site.m.text}' (the office sought, not the state)"
        if of_state or between:  # "the government of Equatorial Guinea", "relations between India and ..."
            return True, "government", f"'{noun.text} {head.text} {site.m.text}' (the state)"
    if where:
        lemma = site.verb().lemma_.lower()
        if lemma in site.senses.political_verbs or lemma in site.senses.addressee_verbs:
            return True, "government", f"{where} '{site.head.text}' (a political act)"
        return True, "government", f"{where} '{site.head.text}' (the state acting)"
    return True, "government", "the state (no other reading)"


#: The checks on the name's noun phrase, in order (the first decision wins).
_PHRASE_CHECKS = (
    _surname_check,
    _currency_check,
    _name_particle_check,
    _name_adjective_check,
    _slogan_check,
    _owner_check,
    _demonym_pair_check,
    _head_noun_check,
    _work_title_check,
    _quoted_title_check,
    _role_played_check,
    _government_noun_check,
    _head_or_modifier_check,
    _ranking_within_check,
    _name_before_check,
    _city_country_check,
)

#: The checks on the name's role (after :func:`_find_role`), in order; then :func:`_state_acting`.
_ROLE_CHECKS = (
    _noun_list_check,
    _title_check,
    _broken_list_check,
    _list_modifier_check,
    _example_check,
    _locative_check,
    _origin_check,
    _of_name_check,
    _parenthesised_check,
    _parenthesised_list_check,
    _place_after_place_check,
    _contest_verb_check,
    _contest_noun_check,
    _club_check,
    _athlete_check,
    _plural_team_check,
    _sports_report_check,
    _possessor_check,
    _economy_subject_check,
    _has_check,
    _economy_attribute_check,
    _survey_mood_check,
    _growth_check,
    _economic_verb_check,
    _ranking_check,
    _struck_check,
    _neighbour_check,
    _lost_to_check,
    _based_check,
    _range_check,
    _range_end_check,
    _between_check,
    _next_to_check,
    _name_for_check,
    _capital_thing_check,
    _of_place_check,
    _like_check,
    _capital_place_check,
    _route_check,
    _business_check,
    _trade_check,
    _destination_check,
    _trip_check,
    _attacked_check,
    _topic_check,
    _described_check,
    _other_subject_check,
    _compared_check,
    _excepted_check,
    _over_check,
    _trade_with_check,
    _superlative_check,
    _place_left_check,
    _out_of_check,
    _inside_of_check,
    _visit_check,
    _place_acted_on_check,
    _share_check,
    _agreement_name_check,
    _nation_at_stake_check,
    _measure_check,
)


def _decide_name(
    m: GovernmentMention, ps, context, sport: bool, sporty: bool = False
) -> tuple[bool, str, str]:
    """(is_government, sense, reason) for a name, short name, demonym or capital the surface rules
    accepted; ``sporty``: the article uses sports words, if fewer than a sports report does. The checks of
    :data:`_PHRASE_CHECKS`, then those of :data:`_ROLE_CHECKS` run in order; the first decision wins."""
    senses = default_senses()
    if ps is None or not ps.parsed:
        if sport:
            return False, "team", "a country in a sports report (no parse)"
        return True, "government", "the state (sentence not parsed)"
    doc = ps.doc
    span = ps.char_span(m.start, m.end)
    if span is None or len(span) == 0:
        return (False, "team", "a country in a sports report") if sport else (True, "government", "the state")
    root = span.root
    nxt = span.end
    possessive = nxt < len(doc) and doc[nxt].text in ("'s", "’s", "'")
    site = _NameSite(
        m=m,
        ps=ps,
        context=context,
        sport=sport,
        sporty=sporty,
        senses=senses,
        doc=doc,
        span=span,
        root=root,
        possessive=possessive,
        chain=_chain_after(doc, root, nxt + 1 if possessive else nxt),
        how="possesses" if possessive else "modifies",
    )
    for check in _PHRASE_CHECKS:
        decision = check(site)
        if decision is not None:
            return decision
    _find_role(site)
    for check in _ROLE_CHECKS:
        decision = check(site)
        if decision is not None:
            return decision
    return _state_acting(site)


def _needs_entities(ps, m: GovernmentMention) -> bool:
    """Whether deciding ``m`` may ask the entity recogniser: a proper name right before or after it (past a
    possessive), or a person it may be the nationality of ("Volandri of Italy", "Honiss (New Zealand)")."""
    if not ps.parsed:
        return False
    span = ps.char_span(m.start, m.end)
    if span is None or len(span) == 0:
        return False
    doc = ps.doc
    after = span.end + (1 if span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'") else 0)
    if after < len(doc) and doc[after].pos_ == "PROPN":
        return True
    if span.start > 0 and doc[span.start - 1].pos_ == "PROPN":
        return True
    if span.start > 1 and doc[span.start - 1].text == "(" and doc[span.start - 2].pos_ == "PROPN":
        return True  # "Gunter Grass (Germany)"
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "PROPN") or (
        root.dep_ == "appos" and span.start > 0 and doc[span.start - 1].text == "("
    )


def _surface_sense(m: GovernmentMention, sport: bool = False) -> str:
    """The sense behind a surface-rule rejection ("locative 'in China'" -> place)."""
    r = m.reason
    word = re.search(r"(?:modifies '|'\S+ )([\w\-]+)'", r) or re.search(r"\('([\w\-]+)'\)", r)
    if word:
        sense = default_senses().sense_of(word.group(1), sport)
        if sense and sense != "government":
            return sense
    if (
        "locative" in r
        or "destination" in r
        or "geography" in r
        or "left" in r
        or "visited" in r
        or "place" in r
    ):
        return "place"
    if "people" in r or "plural demonym" in r:
        return "people"
    return "other"


def decide_mentions(context, candidates: list[GovernmentMention]) -> list[GovernmentMention]:
    """The candidates with ``is_government``, ``sense`` and ``reason`` decided from the parse and the article
    (rules in the module docstring); the sentences of names the surface rules accepted are parsed, in one
    batch.
    """
    article = context.article
    gazetteer = default_gazetteer()
    year = getattr(article.published, "year", None)
    sport = is_sports_story(article.text)
    sporty = sport or sports_density(article.text) >= default_senses().story_threshold / 2
    # one parse batch: every sentence with a mention that may count (its evidence is scored on the parse too)
    need, names = set(), {}
    for m in candidates:
        if m.is_government:
            s = article.sentence_at(m.start)
            if s is not None:
                need.add(s.index)
                if m.kind in _NAME_KINDS:
                    names.setdefault(s.index, []).append(m)
    parsed = {p.index: p for p in context.parsed.sentences(sorted(need))} if need else {}
    # one entity batch: the sentences where a name touches another proper name or a person's name
    ner = sorted(i for i, ms in names.items() if any(_needs_entities(parsed[i], m) for m in ms))
    if ner:
        context.parsed.sentences(ner, entities=True)
    out = []
    for m in candidates:
        if not m.is_government:
            out.append(replace(m, sense=_surface_sense(m, sport)))
            continue
        if m.kind == "institution":
            event = re.match(r"\s+([a-z]+)", article.text[m.end : m.end + 20])
            if event and event.group(1) in _EVENT_NOUNS | _BID_NOUNS:  # "European Parliament elections"
                reason = f"'{m.text} {event.group(1)}' (an event, not the institution acting)"
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            owner = _other_country_institution(m, candidates, article.text)
            if owner:  # "Brazil's Congress", "the country's Congress" in a story of Brazil
                out.append(replace(m, is_government=False, sense="other", reason=owner))
                continue
            whose = _administration_out_of_office(m, article.text, gazetteer, year) if year else None
            if whose:  # "a Trump White House" in 2016: an administration that is not in office
                out.append(replace(m, is_government=False, sense="other", reason=whose))
                continue
            state = _state_legislature(m, article.text)
            if state:  # "the Mississippi Senate", "the state Senate": a US state's chamber
                out.append(replace(m, is_government=False, sense="other", reason=state))
                continue
            if re.search(r"\bthan\s+(?:the\s+)?$", article.text[max(0, m.start - 12) : m.start]):
                reason = f"'than {m.text}' (compared, not acting)"  # "more complex than the CIA"
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            occupant = _OCCUPANT.search(article.text[max(0, m.start - 60) : m.start])
            if occupant and m.text in _BUILDINGS:  # "once she was in the White House": the office held
                reason = (
                    f"'{occupant.group(0).strip()} {m.text}' (the office a person would hold, not the body)"
                )
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            left = _OFFICE_LEFT.search(article.text[max(0, m.start - 30) : m.start])
            if left:  # "In 2011, he resigned from Congress"
                reason = f"'{left.group(0).strip()} {m.text}' (the office left, not the body acting)"
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            sought = _OFFICE_SOUGHT.search(article.text[max(0, m.start - 30) : m.start])
            if sought:  # "his bid for the White House", "a shot at the White House"
                reason = f"'{sought.group(0).strip()} {m.text}' (the office sought, not the body acting)"
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            out.append(replace(m, sense="government", reason=m.reason or "an institution of the state"))
            continue
        if m.kind == "leader":
            office = gazetteer.in_office(m.government, m.text, year) if year else None
            if office is False:  # "Donald Trump" in a 2016 campaign story is a candidate
                reason = f"'{m.text}' not in office in {year} (the gazetteer's leader_years)"
                out.append(replace(m, is_government=False, sense="people", reason=reason))
                continue
            opposition = _OPPOSITION_BEFORE.search(article.text[max(0, m.start - 60) : m.start])
            if opposition and not m.reason:  # "Conservative local government spokesman Glyn Davies"
                reason = f"'{opposition.group(1)} ... {m.text}' (the opposition, not the government)"
                out.append(replace(m, is_government=False, sense="people", reason=reason))
                continue
            before = _WORD.findall(article.text[max(0, m.start - 20) : m.start])
            if office is None and before and before[-1].lower() in _NOT_IN_OFFICE_BEFORE and not m.reason:
                # (undated: a dated story's office years decide, "nominee Donald Trump" in 2018 included)
                reason = f"'{before[-1]} {m.text}'{_NOT_THE_OFFICE}"
                out.append(replace(m, is_government=False, sense="people", reason=reason))
                continue
            role = _PARTY_ROLE_BEFORE.search(article.text[max(0, m.start - 60) : m.start])
            if role and not m.reason:  # "Labour election co-ordinator Alan Milburn": a party role
                reason = f"'{role.group(0).strip()} {m.text}' (a party role, not the office)"
                out.append(replace(m, is_government=False, sense="people", reason=reason))
                continue
            former = _FORMER_BEFORE.search(article.text[max(0, m.start - 12) : m.start]) or _former_title(
                article.text[max(0, m.start - 50) : m.start]
            )
            if former and not m.reason:  # "former US president Bill Clinton" is not in office
                reason = f"'{former.group(1)} {m.text}' (a former office-holder)"
                out.append(replace(m, is_government=False, sense="people", reason=reason))
                continue
            after = _CAMPAIGN_AFTER.match(article.text, m.end) or _ELECTION_AFTER.match(article.text, m.end)
            before = _CAMPAIGN_BEFORE.search(article.text[max(0, m.start - 60) : m.start])
            campaign = after or before
            if campaign and (not m.reason or m.reason.startswith("short for")):  # "Obama's 2008 campaign"
                phrase = f"{m.text}{after.group(0)}" if after else f"{before.group(0)}{m.text}"
                reason = f"'{phrase}' (a campaign, not the office)"
                out.append(replace(m, is_government=False, sense="other", reason=reason))
                continue
            s = article.sentence_at(m.start)
            then = _out_of_office_then(m, s.text if s else "", gazetteer, year) if year else None
            if then and not m.reason:  # "Sharpton ate with Barack Obama there during his campaign in 2007"
                out.append(replace(m, is_government=False, sense="people", reason=then))
                continue
            electoral = _electoral_role(m, parsed.get(s.index) if s else None)
            if electoral and not m.reason:
                out.append(replace(m, is_government=False, sense="people", reason=electoral))
                continue
            out.append(replace(m, sense="government", reason=m.reason or "an office-holder"))
            continue
        if m.kind not in _NAME_KINDS:
            reason = m.reason or f"'{m.text}' in a story that names {m.government}"
            out.append(replace(m, sense="government", reason=reason))
            continue
        s = article.sentence_at(m.start)
        ok, sense, reason = _decide_name(m, parsed.get(s.index) if s else None, context, sport, sporty)
        out.append(replace(m, is_government=ok, sense=sense, reason=reason))
    out = _same_person_name(_same_club(_same_person_out_of_office(out), sporty))
    return _city_of_an_agenda(_city_of_a_mayor(out, article.text), article.text)


#: Institutions many countries have under the same name: another country's when that country owns them.
_GENERIC_INSTITUTIONS = frozenset(
    {
        "Congress",
        "Senate",
        "Parliament",
        "Supreme Court",
        "National Assembly",
        "Diet",
        "Department of Health",
        "Department of Justice",
        "Justice Department",
        "Treasury",
        "Cabinet",
        "Ministry of Defence",
    }
)
_OWNER_BEFORE = re.compile(r"(?:'s|’s)?\s+$")


def _other_country_institution(
    m: GovernmentMention, candidates: Sequence[GovernmentMention], text: str
) -> str | None:
    """The reason an institution with a common name is another country's, or None: right after that
    country's name or demonym ("Brazil's Congress", "the Brazilian Senate"), or after "the country's" in a
    story that names another country most.

    >>> G = GovernmentMention
    >>> text = "Brazil's Congress voted."
    >>> ms = [G(0, 6, "Brazil", "Brazil", "name"), G(9, 17, "Congress", "United States", "institution")]
    >>> _other_country_institution(ms[1], ms, text)
    "'Brazil's Congress' (Brazil's, not United States's)"
    """
    if m.text not in _GENERIC_INSTITUTIONS:
        return None
    for c in candidates:
        if c.government != m.government and c.kind in _NAME_KINDS and c.end <= m.start < c.end + 4:
            if _OWNER_BEFORE.fullmatch(text[c.end : m.start]):
                return f"'{text[c.start : m.end]}' ({c.government}'s, not {m.government}'s)"
    if re.search(r"\b[Tt]he\s+country(?:'s|’s)\s+$", text[max(0, m.start - 20) : m.start]):
        named = Counter(c.government for c in candidates if c.kind in _NAME_KINDS)
        main = named.most_common(1)[0][0] if named else None
        if main and main != m.government:
            return f"'the country's {m.text}' ({main}'s, the country the story names most)"
    return None


_US_STATES = _word_list("us_states")
_STATE_BEFORE = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(map(re.escape, _US_STATES), key=len, reverse=True))
    + r")(?:'s|’s)?\s+(?:[Ss]tate\s+)?|\b[Ss]tate\s+)$"
)
_US_STATE_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _US_STATES), key=len, reverse=True)) + r")\b"
)
_STATE_CHAMBERS = frozenset({"Senate", "House", "House of Representatives", "Assembly", "Legislature"})


def _state_legislature(m: GovernmentMention, text: str) -> str | None:
    """The reason a chamber named after a US state ("the Mississippi Senate", "the California state Senate",
    "the state Senate") is that state's, not Congress's.

    >>> m = GovernmentMention(16, 22, "Senate", "United States", "institution")
    >>> _state_legislature(m, "The Mississippi Senate passed it.")
    "'Mississippi Senate' (a US state's chamber, not Congress)"
    """
    if m.government != "United States" or m.text not in _STATE_CHAMBERS:
        return None
    found = _STATE_BEFORE.search(text[max(0, m.start - 40) : m.start])
    if found is None:
        return None
    return f"'{found.group(0).strip()} {m.text}' (a US state's chamber, not Congress)"


def _administration_out_of_office(m: GovernmentMention, text: str, gazetteer, year: int) -> str | None:
    """The reason an institution named after a person ("a Trump White House", "the Clinton White House")
    is not the state in ``year``: that person does not hold the office then (a hypothetical or past one)."""
    words = m.text.split()
    before = re.search(r"([A-Z][\w'’-]+)\s+$", text[max(0, m.start - 25) : m.start])
    names = [" ".join(words[:k]) for k in (1, 2) if len(words) > k]
    names += [before.group(1)] if before else []
    for name in names:
        if name[:1].isupper() and gazetteer.in_office(m.government, name, year) is False:
            whole = m.text if name in m.text else f"{name} {m.text}"
            return f"'{whole}' ({name} is not in office in {year}: not the state acting)"
    return None


#: A campaign named after an office-holder: "Obama's 2008 campaign", "the 2012 Obama campaign".
_CAMPAIGN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:19|20)\d\d\s+(?:and\s+(?:19|20)\d\d\s+)?)?(?:presidential\s+|re-?election\s+)?"
    r"(?:campaign|campaigns|camp|website|web\s+site)\b"
)
#: Before a leader's name, the campaign's own things: "the official re-election site of President Bush".
#: After a leader's name, an election the person won or lost in a year named: "Bill Clinton's sensational
#: 1992 comeback victory".
_ELECTION_AFTER = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:19|20)\d\d\s+(?:[a-z-]+\s+){0,2}"
    r"(?:victory|victories|win|defeat|comeback|landslide|election|re-?election|nomination)\b"
)
_CAMPAIGN_BEFORE = re.compile(
    r"\b(?:re-?election|campaign)\s+(?:web\s*)?(?:site|website|team|headquarters|office|manager|chief)s?\s+of\s+"
    r"(?:(?:President|Senator|Sen\.|Governor|Gov\.|Mr|Mrs|Ms)\.?\s+)?$"
)
_YEAR = re.compile(r"(?<![\w$£€.,-])((?:19|20)\d\d)(?![\w%-])")


def _out_of_office_then(m: GovernmentMention, sentence: str, gazetteer, year: int) -> str | None:
    """The reason a leader's mention is not the office: every year the sentence names is one when the person
    did not hold it ("with Barack Obama there during his presidential campaign in 2007", in 2016)."""
    years = {int(y) for y in _YEAR.findall(sentence)} - {year}
    if not years or any(gazetteer.in_office(m.government, m.text, y) is not False for y in years):
        return None
    named = ", ".join(str(y) for y in sorted(years))
    return f"'{m.text}' in a sentence about {named} (not in office then)"


def _electoral_role(m: GovernmentMention, ps) -> str | None:
    """The reason an office-holder's mention is a candidate's, not the office's: the subject of "won",
    "carried" or "lost", or the agent of "crushed by", in a sentence about votes or states ("a group
    Barack Obama won by 2 points", "Obama carried the statewide vote in 2008"), or the one "lost to".

    >>> from analysis.parse import parse_text
    >>> from analysis.parse import ParsedSentence
    >>> from analysis.article import Article
    >>> art = Article.from_text("Obama carried the statewide vote in both 2008 and 2012.")
    >>> ps = ParsedSentence(art.sentences[0], parse_text(art.text))
    >>> _electoral_role(GovernmentMention(0, 5, "Obama", "United States", "leader"), ps)
    "'Obama carried' votes or states (a candidate, not the office)"
    """
    if ps is None or not ps.parsed:
        return None
    span = ps.char_span(m.start, m.end)
    if span is None:
        return None
    root = span.root
    words = {t.lower_ for t in ps.doc}
    states = _US_STATE_NAME.search(ps.doc.text) is not None
    if not words & _ELECTORAL_WORDS and not states:
        return None

    def electoral(t) -> bool:  # "the state", "the statewide vote", "Iowa"
        name = " ".join(x.text for x in t.subtree if x.pos_ == "PROPN")
        return t.lemma_.lower() in _ELECTORAL_WORDS or name in _US_STATES

    verb = None
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _ELECTORAL_VERBS:
        won = [c for c in root.head.children if c.dep_ == "dobj"]  # "won the state", not "Mr Blair wins"
        by = [g for c in root.head.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        if any(electoral(t) for t in won + by):
            verb = root.head
    elif (
        root.dep_ == "poss"
        and root.head.lemma_.lower() in _ELECTORAL_RESULTS
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children)
    ):  # "After Obama's resounding victory in Iowa" (but "Obama's nomination of Merrick Garland")
        verb = root.head
    elif (
        root.dep_ == "pobj"
        and root.head.lower_ == "for"
        and root.head.head.lemma_.lower() in ("vote", "voter")
    ):
        verb = root.head.head  # "crossed party lines to vote for Obama"
    elif root.dep_ == "pobj" and root.head.lower_ in ("by", "to") and root.head.dep_ in ("agent", "prep"):
        up = root.head.head
        if up.lemma_.lower() in _ELECTORAL_VERBS and (
            root.head.lower_ == "by" or up.lemma_.lower() == "lose"
        ):
            verb = up
    if verb is None:
        return None
    return (
        f"'{m.text} {verb.text}' votes or states (a candidate, not the office)"
        if verb.i > root.i
        else (f"'{verb.text} {root.head.text} {m.text}' votes or states (a candidate, not the office)")
    )


def _same_person_out_of_office(mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """A person the story names as something other than the office ("tycoon Donald Trump") is that in
    every mention of the same name ("Trump is seen in a limousine"); "former" does not carry over (the
    other "Bush" or "Clinton" of a story may be in office).

    >>> G = GovernmentMention
    >>> out = G(8, 20, "Donald Trump", "United States", "leader", False,
    ...         "'tycoon Donald Trump' (not the office in this story)", "people")
    >>> later = G(40, 45, "Trump", "United States", "leader", True, "an office-holder", "government")
    >>> _same_person_out_of_office([out, later])[1].reason
    "'Trump' is 'tycoon Donald Trump' in this story (not the office)"
    """
    out_names = {
        (m.government, m.text.split()[-1]): m.reason.split("'")[1]
        for m in mentions
        if m.kind == "leader" and not m.is_government and m.reason.endswith(_NOT_THE_OFFICE)
    }
    if not out_names:
        return mentions
    result = []
    for m in mentions:
        key = (m.government, m.text.split()[-1]) if m.kind == "leader" and m.text.split() else None
        if key in out_names and m.is_government and m.reason == "an office-holder":
            reason = f"'{m.text}' is '{out_names[key]}' in this story (not the office)"
            m = replace(m, is_government=False, sense="people", reason=reason)
        result.append(m)
    return result


def _same_club(mentions: list[GovernmentMention], sporty: bool) -> list[GovernmentMention]:
    """In a story with sports words, a capital the story uses for its club ("the Madrid striker", "Madrid
    play") is the club in its other mentions too, where only its role said the state ("I have told Madrid",
    "Madrid know my situation").

    >>> G = GovernmentMention
    >>> club = G(4, 10, "Madrid", "Spain", "capital", False, "'Madrid' in a story with sports words", "team")
    >>> act = "object of 'told' (a political act)"
    >>> told = G(30, 36, "Madrid", "Spain", "capital", True, act, "government")
    >>> _same_club([club, told], sporty=True)[1].reason
    "'Madrid' is the club in this sports story ('Madrid' in a story with sports words)"
    """
    if not sporty:
        return mentions
    clubs = {(m.government, m.text): m.reason for m in mentions if m.kind == "capital" and m.sense == "team"}
    if not clubs:
        return mentions
    result = []
    for m in mentions:
        key = (m.government, m.text)
        if (
            key in clubs
            and m.is_government
            and m.kind == "capital"
            and m.reason.endswith((*_ROLE_ONLY, "(a political act)"))
        ):
            reason = f"'{m.text}' is the club in this sports story ({clubs[key]})"
            m = replace(m, is_government=False, sense="team", reason=reason)
        result.append(m)
    return result


def _city_of_a_mayor(mentions: list[GovernmentMention], text: str) -> list[GovernmentMention]:
    """In a story about a capital's mayor ("London's Muslim mayor", "the mayor of Paris"), the capital is the
    city where only its role said the state ("London has proved him wrong").

    >>> G = GovernmentMention
    >>> act = "subject of 'proved' (the state acting)"
    >>> text = "London's mayor spoke. London has proved him wrong."
    >>> m = G(22, 28, "London", "United Kingdom", "capital", True, act, "government")
    >>> _city_of_a_mayor([m], text)[0].reason
    "'London' is the city of its mayor in this story"
    """
    result = []
    for m in mentions:
        if m.kind == "capital" and m.is_government and m.reason.endswith((*_ROLE_ONLY, "(a political act)")):
            name = re.escape(m.text)
            if re.search(rf"\b{name}(?:'s|’s)?\s+(?:\w+\s+)?[Mm]ayor\b|\b[Mm]ayor\s+of\s+{name}\b", text):
                m = replace(
                    m,
                    is_government=False,
                    sense="place",
                    reason=f"'{m.text}' is the city of its mayor in this story",
                )
        result.append(m)
    return result


#: Nouns of a programme or an agreement named after the city where it was agreed ("the Lisbon agenda").
_AGENDA_NOUNS = _word_list("agenda_nouns")


def _city_of_an_agenda(mentions: list[GovernmentMention], text: str) -> list[GovernmentMention]:
    """In a story that names a programme after a capital ("the Lisbon agenda", "the Lisbon targets"), the
    capital is that programme where only its role, or a noun it modifies, said the state ("Lisbon is about
    everything", "the Lisbon Council").

    >>> G = GovernmentMention
    >>> act = "subject of 'is' (the state acting)"
    >>> text = "The Lisbon targets slipped. Lisbon is about everything."
    >>> m = G(28, 34, "Lisbon", "Portugal", "capital", True, act, "government")
    >>> _city_of_an_agenda([m], text)[0].reason
    "'Lisbon' names the 'Lisbon targets' in this story (a programme, not the state)"
    """
    result = []
    for m in mentions:
        if m.kind == "capital" and m.is_government:
            name = re.escape(m.text)
            found = re.search(rf"\b{name}\]?\s+({'|'.join(sorted(_AGENDA_NOUNS))})\b", text, re.IGNORECASE)
            how = m.reason.endswith((*_ROLE_ONLY, "(a political act)")) or m.reason.startswith("modifies '")
            if found and how:
                m = replace(
                    m,
                    is_government=False,
                    sense="other",
                    reason=f"'{m.text}' names the '{m.text} {found.group(1)}' in this story "
                    "(a programme, not the state)",
                )
        result.append(m)
    return result


def _same_person_name(mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """A name the story uses inside a person's name ("Jeremy Paris", "Cuba Gooding Jr.") is that person in its
    other mentions too, where only its role said the state ("Paris, who used to work on Capitol Hill, said",
    "It's Cuba's best role").

    >>> G = GovernmentMention
    >>> why = "part of the name 'Jeremy Paris' (PERSON)"
    >>> name = G(0, 12, "Paris", "France", "capital", False, why, "people")
    >>> act = "subject of 'said' (a political act)"
    >>> said = G(40, 45, "Paris", "France", "capital", True, act, "government")
    >>> _same_person_name([name, said])[1].reason
    "'Paris' is 'Jeremy Paris' in this story (a person)"
    """
    people = {}
    for m in mentions:
        found = re.match(r"part of the name '([^']+)' \(PERSON\)", m.reason)
        # one-word names only, in a name of two or three words ("Jeremy Paris"; not a run-on entity such as
        # "North Korea Donald Trump" from a headline)
        if found and not m.is_government and " " not in m.text and len(found.group(1).split()) <= 3:
            people.setdefault((m.government, m.text), found.group(1))
    if not people:
        return mentions
    result = []
    for m in mentions:
        key = (m.government, m.text)
        role_only = m.reason.endswith((*_ROLE_ONLY, "(a political act)")) or m.reason.startswith(
            "possesses '"
        )
        if key in people and m.is_government and role_only:
            reason = f"'{m.text}' is '{people[key]}' in this story (a person)"
            m = replace(m, is_government=False, sense="people", reason=reason)
        result.append(m)
    return result


#: Governments without a prime minister, chancellor or ministers: those phrases in their domestic stories name
#: another country's ("Prime Minister Benjamin Netanyahu" in a US story).
_NO_PRIME_MINISTER = _word_list("no_prime_minister")
_PARLIAMENTARY = re.compile(r"prime|\bpm\b|chancellor|minister")
#: After a domestic phrase, the body or countries it belongs to: "foreign ministers from 23 countries", "the
#: government of Costa Rica".
_MINISTERS_OF = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:\d|[A-Z])")
#: Before it, a grouping whose ministers they are: "G7 finance ministers", "the Council of Ministers".
_GROUPING = re.compile(r"^(?:G\d+|EU|UN|Nato|NATO|Opec|OPEC|European|Arab|Council)$")


def _others_ministers(text: str, start: int, end: int, gov: str) -> bool:
    """Whether the phrase at ``start:end`` names another country's or body's office-holders: "three
    Israeli deputy prime ministers", "G7 finance ministers", "foreign ministers from 23 Arab countries"."""
    window = re.split(r"[.!?\n]", text[max(0, start - 40) : start])[-1]  # this sentence only
    before = re.findall(r"[\w\-]+", window)[-3:]
    gazetteer = default_gazetteer()
    for word in before:
        alias = gazetteer.aliases.get(word)
        if _GROUPING.match(word) or (alias is not None and alias.government != gov):
            return True
    phrase = text[start:end].lower()
    if gov in _NO_PRIME_MINISTER and _PARLIAMENTARY.search(phrase):
        return True  # "the prime minister" in a US story is another country's
    return ("minister" in phrase or "government" in phrase) and bool(_MINISTERS_OF.match(text, end))


def _other_leader_after(mentions: list[GovernmentMention], end: int, gov: str) -> bool:
    """Whether another government's office-holder is named right after a title ending at ``end``
    ("Chancellor Gerhard Schroeder" in a story of UK politics)."""
    return any(m.kind == "leader" and m.government != gov and 0 < m.start - end <= 1 for m in mentions)


def _domestic_mentions(text: str, gov: str, mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """Mentions of the domestic government ``gov`` by phrases such as "the government", "ministers"."""
    senses = default_senses()
    taken = [(m.start, m.end) for m in mentions]
    found: list[GovernmentMention] = []
    for pattern in senses.domestic_phrases:
        for hit in pattern.finditer(text):
            s, e = hit.span()
            if text[s:e].endswith(("'s", "’s")):
                e -= 2
            if any(a < e and s < b for a, b in taken):
                continue
            before = [w.lower() for w in _WORD.findall(text[max(0, s - 30) : s])][-2:]
            first = text[s:e].split()[0].lower()
            if any(w in senses.blockers for w in [*before, first]):  # "Shadow sports minister"
                continue
            if before == ["the", "then"] or text[max(0, s - 3) : s].lower() == "ex-":
                continue  # "the then Home Secretary", "Ex-Home Secretary": an office held before
            past = len(before) == 2 and before[1] in ("was", "were")
            if past and before[0] in ("he", "she", "when", "who"):
                continue  # "when he was home secretary": an office held before
            if text[e : e + 12].startswith(" of religion"):
                continue  # "ministers of religion"
            if re.match(r"(?:'s|’s)?\s+(?:[Qq]uestion|programme\b)", text[e : e + 20]):
                continue  # "Prime Minister's question time", "Radio 4's PM programme": an event, a title
            earlier = [w.lower() for w in _WORD.findall(text[max(0, s - 50) : s])]
            if before[-1:] == ["to"] and "shadow" in earlier:
                continue  # "shadow chief secretary to the Treasury": an opposition title
            if before and before[-1] in ("any", "every"):
                continue  # "any chancellor would use his pre-election budget": no one in particular
            if before and before[-1] == "prime" and text[s:e].lower().startswith("minister"):
                continue  # "prime ministers should not have the right of veto": any country's
            if before and before[-1] == "for" and first not in ("the", "this", "that"):
                continue  # "Bill Oddie for prime minister": the office sought, not its holder
            if _other_leader_after(mentions, e, gov):
                continue  # "the government of Chancellor Gerhard Schroeder" is Germany's
            if _others_ministers(text, s, e, gov):
                continue
            prev = re.search(r"([A-Z][\w.\-]*)(?:'s|’s)?\s+$", text[max(0, s - 30) : s])
            ends_sentence = prev is not None and bool(re.fullmatch(r"[A-Z][a-z\-]{2,}\.", prev.group(1)))
            if (
                prev
                and not ends_sentence  # "... met in London. Ministers would act."
                and prev.group(1)
                not in ("The", "But", "And", "A", "In", "As", "If", "When", "Then", "Mr", "Ms")
            ):
                # "the Iraqi government", "Shadow ..." and other capitalised qualifiers name someone else
                if s - len(prev.group(0)) > 0 and text[s - len(prev.group(0)) - 1] not in '.!?\n"“':
                    continue
            taken.append((s, e))
            found.append(
                GovernmentMention(
                    s,
                    e,
                    text[s:e],
                    gov,
                    "contextual",
                    True,
                    f"'{text[s:e]}' in a story of {gov}'s domestic politics",
                    "government",
                )
            )
    return found


def find_mentions(context) -> list[GovernmentMention]:
    """Every government mention of ``context.article`` (offsets into its text), with its decision, sense and
    reason, using the article's own sentence spans (rules in the module docstring): the decisions of
    :func:`sentence_mentions`, then the article-level pass :func:`lone_role_readings`."""
    return lone_role_readings(sentence_mentions(context))


def sentence_mentions(context) -> list[GovernmentMention]:
    """The mentions of ``context.article`` decided each in its sentence (names, domestic phrases such as "the
    government", and what refers back to them), before the article-level pass of :func:`find_mentions`."""
    article = context.article
    text = article.text
    gazetteer = default_gazetteer()
    spans = [(s.start, s.end) for s in article.sentences]
    decided = decide_mentions(context, gazetteer.candidates(text))
    domestic = domestic_government(text, gazetteer)
    if domestic == "United States":
        decided = _us_states(text, decided)
    extra = _domestic_mentions(text, domestic, decided) if domestic else []
    kept = decided + extra
    sport = is_sports_story(text)
    for m in gazetteer.resolve_anaphora(text, kept, spans):
        target = m.government
        if domestic and target != domestic:
            target = domestic
        if sport and m.reason.startswith("the authorities of"):  # no state named near it
            reason = f"'{m.text}' in a sports report, no state named near it (the sport's authorities)"
            kept.append(replace(m, is_government=False, sense="other", reason=reason))
            continue
        kept.append(replace(m, government=target, sense="government"))
    kept.sort(key=lambda x: x.start)
    return kept


#: Countries that share a name with a US state, and the words that make them the country in a US story.
_US_STATE_COUNTRIES = {"Georgia": re.compile(r"Tbilisi|Georgian|Saakashvili|Caucasus|South Ossetia|Abkhazia")}


def _us_states(text: str, mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """In a story of US domestic politics "Georgia" is the state ("Georgia could also wind up closer"), unless
    the story names the country's capital, people or leaders."""
    out = []
    for m in mentions:
        country = _US_STATE_COUNTRIES.get(m.text)
        if country is not None and m.sense != "place" and not country.search(text):
            reason = f"'{m.text}' in a US story (the US state)"
            m = replace(m, is_government=False, sense="place", reason=reason)
        out.append(m)
    return out


#: Endings of the reasons that rest on a name's role alone ("subject of 'began' (the state acting)"), not on
#: an office-holder, an institution, a government noun or a relation between states.
_ROLE_ONLY = ("(the state acting)", "(the state's)", "(no other reading)", "(sentence not parsed)")


def _role_only(m: GovernmentMention) -> bool:
    """Whether ``m`` counts as the state on its role alone (an organisation of states named by itself, "the
    World Bank", is its own evidence)."""
    body = m.kind != "capital" and bool(ORGANISATION_OF_STATES.search(m.government))
    return m.is_government and m.kind in _NAME_KINDS and m.reason.endswith(_ROLE_ONLY) and not body


def lone_role_readings(mentions: list[GovernmentMention]) -> list[GovernmentMention]:
    """In an article where no mention of any government is an office-holder, an institution, a government
    noun or a relation between states, a government named once as the state by its role alone is not
    counted: in such articles (films, gadgets, markets) that one reading is wrong about three times in four
    (read on four samples of BBC articles outside gov_stance: 65 false, 18 real, 3 half).

    >>> from analysis.gazetteer import GovernmentMention as G
    >>> lone = G(0, 10, "Madagascar", "Madagascar", "name", True, "subject of 'has' (the state acting)")
    >>> lone_role_readings([lone])[0].is_government
    False
    >>> minister = G(20, 31, "Gordon Brown", "United Kingdom", "leader", True, "an office-holder")
    >>> lone_role_readings([lone, minister])[0].is_government
    True
    """
    if any(m.is_government and not _role_only(m) for m in mentions):
        return mentions
    named = Counter(m.government for m in mentions if m.is_government)
    out = []
    for m in mentions:
        if _role_only(m) and named[m.government] == 1:
            reason = (
                f"{m.reason.rsplit(' (', 1)[0]}, the one reading as the state in an article with no"
                " office-holder, institution or government noun"
            )
            m = replace(m, is_government=False, sense="other", reason=reason)
        out.append(m)
    return out
