"""Person names: titles, name parts, variants, one canonical name per person, the same-person test.

News copy names one person many ways: "President Donald J. Trump", "Donald Trump", "Mr. Trump", "Trump",
"the president". This module splits a mention into its parts (:func:`parse_name`), says whether two mentions
can be the same person (:func:`same_person`), gives one canonical name per person in an article
(:class:`NameIndex`), and merges spellings of a name across a corpus (:func:`corpus_names`). Titles, name
particles, family-name-first surnames and gendered given names are data (``analysis/data/names.toml``).

>>> parse_name("South Korean Foreign Minister Kim Sung-hwan").name
'Kim Sung-hwan'
>>> same_person("Mrs. Clinton", "Hillary Clinton"), same_person("Mrs. Clinton", "Bill Clinton")
(True, False)
>>> index = NameIndex()
>>> for mention in ("Trump", "Donald J. Trump", "Mr. Trump"):
...     _ = index.add(mention)
>>> index.canonical("Mr. Trump"), index.canonical("Trump")
('Donald J. Trump', 'Donald J. Trump')
>>> corpus_names(["Ji Hyeon-A", "Ji-Hyeon-A", "Ji Hyeon-A"])["Ji-Hyeon-A"]
'Ji Hyeon-A'

The module knows names, not entities: whether "Jordan" is a person or a country is the caller's decision
(named entities, the gazetteer). Nothing here reads the article text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "NAMES_TOML",
    "NameIndex",
    "PersonName",
    "TitleInfo",
    "corpus_names",
    "gender_of",
    "name_key",
    "name_variants",
    "parse_name",
    "same_person",
    "strip_titles",
    "title_info",
    "titles_in",
]

NAMES_TOML = Path(__file__).resolve().parent / "data" / "names.toml"

_WORD = re.compile(r"[^\W\d_][\w.'’-]*|\d+")
_WORD_OR_COMMA = re.compile(r"[^\W\d_][\w.'’-]*|\d+|[,(\[]")
#: words that are never part of a name, even capitalised at the start of a sentence ("The president")
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her its their our my your he she it they we i you who whom when "
    "while if as but and or so".split()
)
#: words after which a mention no longer names the person ("Chris Christie of New Jersey")
_CUT_WORDS = frozenset("of from at in for with who whose which that and or on".split())
_POSSESSIVE = re.compile(r"['’]s?$")
#: a possessive followed by more words: "Mr Brown's Budget", "Russia's Vladimir Putin"
_POSSESSED = re.compile(r"^(.*?\S(?:['’]s|s['’]))\s+(\S.*)$")


@dataclass(frozen=True)
class TitleInfo:
    """What a title says about its bearer: ``kind`` (the names.toml table), ``type`` (a speaker type or "")
    and ``gender`` ("m", "f" or "")."""

    title: str
    kind: str
    type: str
    gender: str


@dataclass(frozen=True)
class _Lexicon:
    titles: dict[str, TitleInfo]
    longest_title: int
    particles: frozenset[str]
    descriptors: frozenset[str]
    suffixes: frozenset[str]
    surname_first: frozenset[str]
    ambiguous_first: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    with open(NAMES_TOML, "rb") as handle:
        data = tomllib.load(handle)
    titles: dict[str, TitleInfo] = {}
    for kind, table in data["titles"].items():
        for word in table["words"]:
            titles.setdefault(word, TitleInfo(word, kind, table.get("type", ""), table.get("gender", "")))
    return _Lexicon(
        titles=titles,
        longest_title=max(len(t.split()) for t in titles),
        particles=frozenset(data["particles"]["words"]),
        descriptors=frozenset(data["descriptors"]["words"]),
        suffixes=frozenset(data["suffixes"]["words"]),
        surname_first=frozenset(data["surname_first"]["words"]),
        ambiguous_first=frozenset(data["surname_first"]["ambiguous"]),
        male=frozenset(data["given_names"]["male"]),
        female=frozenset(data["given_names"]["female"]),
    )


def title_info(title: str) -> TitleInfo | None:
    """The :class:`TitleInfo` of a title ("Sen.", "foreign minister", "Professor"), or None.

    >>> title_info("Professor").type, title_info("Mrs.").gender, title_info("Kim")
    ('expert', 'f', None)
    """
    if not isinstance(title, str):
        return None
    return _lexicon().titles.get(" ".join(title.lower().split()))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _title_at(words: list[str], i: int) -> int:
    """Length in words of the longest title starting at ``words[i]`` (0 when none)."""
    lex = _lexicon()
    for n in range(min(lex.longest_title, len(words) - i), 0, -1):
        if " ".join(words[i : i + n]).lower() in lex.titles:
            return n
    return 0


def _is_name_word(words: list[str], i: int) -> bool:
    """A capitalised word, or a lower-case particle inside a name ("de" in "Charles de Gaulle")."""
    word = words[i]
    if word.lower() in _FUNCTION_WORDS:
        return False
    if word[:1].isupper():
        return True
    lex = _lexicon()
    return word in lex.particles and i + 1 < len(words) and words[i + 1][:1].isupper()


def _clean_words(text: str) -> list[str]:
    """The words of a mention, possessives removed, cut at the first comma or preposition after a name
    ("Gov. Chris Christie of New Jersey" -> Gov., Chris, Christie)."""
    out: list[str] = []
    for raw in _WORD_OR_COMMA.findall(text):
        if raw in ",([" or raw.lower() in _CUT_WORDS:
            if any(w[:1].isupper() and _title_at([w], 0) == 0 for w in out):
                break
            out.append(raw)
            continue
        word = _POSSESSIVE.sub("", raw) if raw.endswith(("'s", "’s", "'", "’")) else raw
        if word:
            out.append(word)
    return [w for w in out if w not in ",(["]


def _name_start(words: list[str]) -> tuple[int, int]:
    """(index where the titles end, index where the name starts)."""
    lex = _lexicon()
    title_end = 0
    i = 0
    while i < len(words):
        n = _title_at(words, i)
        if n and any(
            _is_name_word(words, j) and words[j].lower() not in lex.suffixes for j in range(i + n, len(words))
        ):
            title_end = i + n
            i += n
        else:
            i += 1
    start = title_end
    while start < len(words) and words[start].lower() in lex.descriptors:
        start += 1
    return title_end, start


def titles_in(text: str) -> list[str]:
    """The titles before the name in a mention, lower case, in order ("former Sen. Jim Webb" -> ["sen."]).

    >>> titles_in("South Korean Foreign Minister Kim Sung-hwan"), titles_in("Martin Luther King Jr.")
    (['foreign minister'], [])
    """
    words = _clean_words(text)
    title_end, _ = _name_start(words)
    found, i = [], 0
    while i < title_end:
        n = _title_at(words, i)
        if n:
            found.append(" ".join(words[i : i + n]).lower())
            i += n
        else:
            i += 1
    return found


def _name_words(text: str) -> list[str]:
    """The words of the personal name in a mention: the first run of name words after the last title, or the
    last run when there is no title."""
    words = _clean_words(text)
    lex = _lexicon()
    title_end, start = _name_start(words)
    runs: list[list[str]] = []
    current: list[str] = []
    for i in range(start, len(words)):
        w = words[i]
        if _is_name_word(words, i) or (current and w.lower() in lex.suffixes):
            current.append(w)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs:
        return []
    run = runs[0] if title_end else runs[-1]
    while len(run) > 1 and run[0].lower() in lex.descriptors:  # "Democrat Hillary Clinton"
        run = run[1:]
    lone = len(run) == 1 and (run[0].lower() in lex.descriptors or run[0].lower() in lex.titles)
    if not title_end and (lone or _is_demonym(" ".join(run))):
        return []  # "the Tory leader", "the South Korean president": a description ("Mr Irish" is a name)
    return run


def _is_demonym(words: str) -> bool:
    """A nationality adjective of the default gazetteer ("British", "South Korean")."""
    return words.lower() in _demonyms()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from .gazetteer import default_gazetteer  # late: the gazetteer's tables load on first use

    aliases = default_gazetteer().aliases
    return frozenset(surface.lower() for surface, alias in aliases.items() if alias.kind == "demonym")


@dataclass(frozen=True)
class PersonName:
    """A mention split into its parts. ``name``: the name without titles ("Kim Sung-hwan"); ``titles``:
    lower-case titles in the mention; ``given``: given and middle names (may be empty); ``surname``: the
    family name (with particles: "de Gaulle"); ``suffix``: "Jr.", "III"...; ``gender``: "m", "f" or None
    (from honorifics and given names); ``surname_first``: the family name is written first ("Kim Sung-joo",
    "Xi Jinping")."""

    text: str
    name: str
    titles: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    surname: str | None = None
    suffix: str | None = None
    gender: str | None = None
    surname_first: bool = False

    @property
    def key(self) -> str:
        """:func:`name_key` of :attr:`name`."""
        return name_key(self.name)

    @property
    def is_full(self) -> bool:
        """A given name and a family name ("Donald Trump", "Kim Sung-joo")."""
        return bool(self.given) and self.surname is not None


def _family_name_first(parts: list[str]) -> bool:
    lex = _lexicon()
    if len(parts) < 2 or parts[0].lower() not in lex.surname_first:
        return False
    rest = parts[1:]
    if parts[0].lower() not in lex.ambiguous_first:
        return rest[0].lower() not in lex.male | lex.female or len(rest) > 1
    hyphenated = any("-" in w for w in rest)
    three_short = len(rest) == 2 and all(len(w) <= 4 for w in rest)
    return hyphenated or three_short


def _gender(titles: Iterable[str], given: Iterable[str]) -> str | None:
    lex = _lexicon()
    for t in titles:
        g = lex.titles[t].gender
        if g:
            return g
    for g in given:
        low = g.lower().rstrip(".")
        if low in lex.male:
            return "m"
        if low in lex.female:
            return "f"
    return None


@lru_cache(maxsize=16384)
def parse_name(text: str) -> PersonName | None:
    """The parts of a person mention, or None when no capitalised name is left once titles are removed.

    >>> p = parse_name("former Sen. Jim Webb Jr.")
    >>> (p.name, p.titles, p.given, p.surname, p.suffix, p.gender)
    ('Jim Webb Jr.', ('sen.',), ('Jim',), 'Webb', 'Jr.', 'm')
    >>> parse_name("Xi Jinping").surname, parse_name("Mr. Trump").given, parse_name("the president")
    ('Xi', (), None)
    """
    if not isinstance(text, str):
        return None
    owned = _POSSESSED.match(text)
    if owned:
        return _possessed_name(text, owned.group(2))
    lex = _lexicon()
    titles = tuple(titles_in(text))
    parts = _name_words(text)
    if not parts or not any(w[:1].isupper() for w in parts):
        return None
    suffix = None
    if len(parts) > 1 and parts[-1].lower() in lex.suffixes:
        suffix, parts = parts[-1], parts[:-1]
    first = _family_name_first(parts)
    if first:
        surname, given = parts[0], tuple(parts[1:])
    else:
        cut = len(parts) - 1
        while cut > 0 and parts[cut - 1] in lex.particles:
            cut -= 1
        surname, given = " ".join(parts[cut:]), tuple(parts[:cut])
    name = " ".join(parts + ([suffix] if suffix else []))
    return PersonName(text, name, titles, given, surname, suffix, _gender(titles, given), first)


def _possessed_name(text: str, rest: str) -> PersonName | None:
    """The person named after a possessive ("Russia's Vladimir Putin", "Bush's spokesman Scott McClellan"),
    or None when what is possessed is a thing ("Mr Brown's Budget", "Blair's Cabinet"): a single capitalised
    word with no title before it."""
    parsed = parse_name(rest)
    if parsed is None or (not parsed.titles and len(parsed.name.split()) < 2):
        return None
    return PersonName(
        text,
        parsed.name,
        parsed.titles,
        parsed.given,
        parsed.surname,
        parsed.suffix,
        parsed.gender,
        parsed.surname_first,
    )


def strip_titles(text: str) -> str:
    """The name in a mention without titles, descriptions or possessive ("former Obama adviser David
    Axelrod" -> "David Axelrod"); the mention itself when no name is found.

    >>> strip_titles("former Obama adviser David Axelrod"), strip_titles("Trump's")
    ('David Axelrod', 'Trump')
    """
    parsed = parse_name(text)
    return parsed.name if parsed else text.strip()


def is_given_name(word: str) -> bool:
    """Whether ``word`` is one of the common given names the lexicon lists (``names.toml``).

    >>> is_given_name("Michelle"), is_given_name("Yesterday")
    (True, False)
    """
    lex = _lexicon()
    return word.lower() in lex.male or word.lower() in lex.female


def gender_of(text: str) -> str | None:
    """ "m", "f" or None from a mention's honorific or given name ("Mrs. Clinton" -> "f").

    >>> [gender_of(m) for m in ("Mrs. Clinton", "Hillary Clinton", "Bill Clinton", "Clinton")]
    ['f', 'f', 'm', None]
    """
    parsed = parse_name(text)
    return parsed.gender if parsed else None


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key: accents, case, hyphens, spaces and dots removed ("Ji-Hyeon-A" ->
    "jihyeona").

    >>> name_key("Ji Hyeon-A") == name_key("Ji-Hyeon-A") == name_key("ji hyeon a"), name_key("José Martí")
    (True, 'josemarti')
    """
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return "".join(ch for ch in folded.casefold() if ch.isalnum())


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree: equal, or one is the initial of the other ("J." / "John")."""
    if not a or not b:
        return True
    x, y = a[0].rstrip(".").lower(), b[0].rstrip(".").lower()
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return name_key(x) == name_key(y)


def same_person(a: str | PersonName, b: str | PersonName) -> bool:
    """Whether two mentions can name the same person: same family name, compatible first given names, no
    gender clash, the same suffix when both are full names ("Donald Trump Jr." is not "Donald Trump").

    >>> same_person("Trump", "Donald J. Trump"), same_person("Kim Sung-joo", "Kim Sung-hwan")
    (True, False)
    >>> same_person("Donald Trump Jr.", "Donald Trump"), same_person("Ji Hyeon-A", "Ji-Hyeon-A")
    (False, True)
    """
    pa = a if isinstance(a, PersonName) else parse_name(a)
    pb = b if isinstance(b, PersonName) else parse_name(b)
    if pa is None or pb is None:
        return False
    if pa.key == pb.key:
        return True
    if pa.surname is None or pb.surname is None or name_key(pa.surname) != name_key(pb.surname):
        return False
    if pa.gender and pb.gender and pa.gender != pb.gender:
        return False
    if pa.given and pb.given:
        if (pa.suffix or "").lower().rstrip(".") != (pb.suffix or "").lower().rstrip("."):
            return False
        return _given_compatible(pa.given, pb.given)
    return True


def name_variants(name: str, titles: Iterable[str] = ()) -> list[str]:
    """Ways an article may name a person: the full name, the name without middle names, the family name, with
    an honorific, and with each of ``titles`` ("President Trump", "the president").

    >>> name_variants("Donald J. Trump", titles=["president"])
    ['Donald J. Trump', 'Donald Trump', 'Trump', 'Mr. Trump', 'President Trump', 'the president']
    >>> name_variants("Kim Sung-joo")
    ['Kim Sung-joo', 'Kim', 'Mr. Kim', 'Ms. Kim']
    """
    parsed = parse_name(name)
    if parsed is None:
        return [name]
    out = [parsed.name]
    if parsed.surname:
        if len(parsed.given) > 1:
            first = parsed.given[0]
            out.append(f"{parsed.surname} {first}" if parsed.surname_first else f"{first} {parsed.surname}")
        out.append(parsed.surname)
        if parsed.gender in ("m", None):
            out.append(f"Mr. {parsed.surname}")
        if parsed.gender in ("f", None):
            out.append(f"Ms. {parsed.surname}")
            if parsed.gender == "f":
                out.append(f"Mrs. {parsed.surname}")
        for title in titles:
            words = title.split()
            out.append(" ".join(w.capitalize() if w[-1:] != "." else w.capitalize() for w in words))
            out[-1] += f" {parsed.surname}"
            out.append(f"the {title.lower()}")
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------------------------ one article


@dataclass
class _Person:
    name: PersonName
    mentions: list[tuple[int, str]] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    gender: str | None = None

    @property
    def canonical(self) -> str:
        return self.name.name


class NameIndex:
    """The people of one article and the ways it names them; each mention maps to one canonical name.

    The canonical name of a person is the first full name (given and family name) the article uses for them;
    a bare family name, an honorific form ("Mr. Trump") or a given name alone ("Hillary") maps to the full
    name it can be (:func:`same_person`), the most recent one before ``position`` when several can, else the
    only one in the article. Role nouns ("the president") map to the most recent person with that title.

    >>> index = NameIndex()
    >>> index.add("President Barack Obama", 0), index.add("Mr. Obama", 50), index.add("Michelle Obama", 90)
    ('Barack Obama', 'Barack Obama', 'Michelle Obama')
    >>> [index.canonical(m, 130) for m in ("Obama", "Mrs. Obama", "the president")]
    ['Michelle Obama', 'Michelle Obama', 'Barack Obama']
    """

    def __init__(self) -> None:
        self.people: list[_Person] = []

    def _match(self, parsed: PersonName, position: int | None) -> _Person | None:
        full = [p for p in self.people if p.name.is_full]
        candidates = [p for p in full if same_person(parsed, p.name) and _gender_ok(parsed, p)]
        if not candidates and not parsed.surname_first and len(parsed.name.split()) == 1 and not parsed.given:
            word = name_key(parsed.name)  # a given name alone ("Hillary"), when no family name matches
            candidates = [p for p in full if p.name.given and name_key(p.name.given[0]) == word]
            if len({p.canonical for p in candidates}) > 1:
                return None
        if not candidates:
            return None
        return _most_recent(candidates, position)

    def add(self, mention: str, position: int | None = None, titles: Iterable[str] = ()) -> str | None:
        """Record a person mention at ``position`` (a character offset, or None = after everything so far)
        with extra ``titles`` (e.g. from an appositive: "Trump, the Republican nominee"); its canonical
        name, or None when the mention has no name."""
        parsed = parse_name(mention)
        if parsed is None:
            return None
        pos = position if position is not None else self._end()
        if parsed.is_full:
            person = next((p for p in self.people if p.name.is_full and _same_full(parsed, p.name)), None)
            if person is None:
                person = _Person(parsed)
                self._absorb(person)
                self.people.append(person)
        else:
            person = self._match(parsed, pos) or next(
                (p for p in self.people if not p.name.is_full and same_person(parsed, p.name)), None
            )
            if person is None:
                person = _Person(parsed)
                self.people.append(person)
        person.mentions.append((pos, mention))
        person.titles.update(parsed.titles, (t.lower() for t in titles))
        person.gender = person.gender or parsed.gender
        return person.canonical

    def _absorb(self, person: _Person) -> None:
        """A new full name takes over the earlier bare mentions it can be ("Trump" before "Donald Trump")."""
        for other in list(self.people):
            if (
                not other.name.is_full
                and same_person(other.name, person.name)
                and _gender_ok(other.name, person)
            ):
                if other.gender and person.name.gender and other.gender != person.name.gender:
                    continue
                person.mentions.extend(other.mentions)
                person.titles.update(other.titles)
                person.gender = person.gender or other.gender
                self.people.remove(other)

    def canonical(self, mention: str, position: int | None = None) -> str | None:
        """The canonical name of a mention (a name, an honorific form or a role noun such as "the president"),
        or None when the article names nobody it can be."""
        role = _role_noun(mention)
        if role is not None:
            title, qualifier = role
            holders = [p for p in self.people if title in p.titles]
            if qualifier:  # "the Tory leader": a leader introduced as a Tory one, if the article has one
                same = [p for p in holders if any(qualifier in m.lower() for _, m in p.mentions)]
                party = qualifier in _lexicon().descriptors and not _is_demonym(qualifier)
                holders = same if same or party else holders
            return _most_recent(holders, position).canonical if holders else None
        parsed = parse_name(mention)
        if parsed is None:
            return None
        person = self._match(parsed, position)
        if person is not None:
            return person.canonical
        return parsed.name

    def gender(self, name: str) -> str | None:
        """The gender recorded for a canonical name (honorifics, given names, :meth:`set_gender`), or None."""
        for p in self.people:
            if p.canonical == name:
                return p.gender
        return None

    def set_gender(self, name: str, gender: str) -> None:
        """Record evidence of a person's gender (e.g. "she" referring to them), if none was known."""
        for p in self.people:
            if p.canonical == name and p.gender is None:
                p.gender = gender

    def titles(self, name: str) -> set[str]:
        """The titles the article gives a canonical name."""
        return set().union(*(p.titles for p in self.people if p.canonical == name))

    def names(self) -> list[str]:
        """The canonical names, in order of first mention."""
        ordered = sorted(self.people, key=lambda p: min(pos for pos, _ in p.mentions))
        return list(dict.fromkeys(p.canonical for p in ordered))

    def _end(self) -> int:
        return max((pos for p in self.people for pos, _ in p.mentions), default=-1) + 1


def _same_full(a: PersonName, b: PersonName) -> bool:
    return a.key == b.key or (a.surname == b.surname and _given_compatible(a.given, b.given))


def _gender_ok(parsed: PersonName, person: _Person) -> bool:
    return not (parsed.gender and person.gender and parsed.gender != person.gender)


def _most_recent(people: list[_Person], position: int | None) -> _Person:
    def last_before(p: _Person) -> int:
        seen = [pos for pos, _ in p.mentions if position is None or pos <= position]
        return max(seen, default=-1)

    before = [p for p in people if last_before(p) >= 0]
    if before:
        return max(before, key=last_before)
    return min(people, key=lambda p: min(pos for pos, _ in p.mentions))


def _role_noun(mention: str) -> tuple[str, str] | None:
    """(title, qualifier) of a role noun: "the president" -> ("president", ""); "the former secretary of
    state" -> ("secretary of state", ""); "the Tory leader" -> ("leader", "tory"), "the South Korean
    president" -> ("president", "south korean"); else None."""
    words = mention.lower().split()
    if len(words) < 2 or words[0] not in ("the", "this", "that"):
        return None
    rest = [w for w in words[1:] if w not in ("former", "then", "current", "outgoing", "incoming", "late")]
    role = " ".join(rest)
    if title_info(role) is not None:
        return role, ""
    for cut in range(1, min(3, len(rest))):  # one or two qualifying words: a party or a nationality
        qualifier, title = " ".join(rest[:cut]), " ".join(rest[cut:])
        if (qualifier in _lexicon().descriptors or _is_demonym(qualifier)) and title_info(title) is not None:
            return title, qualifier
    return None


# ------------------------------------------------------------------------------------------------ a corpus


def corpus_names(names: Iterable[str]) -> dict[str, str]:
    """One spelling per person across a corpus: each name (as it appears in ``names``, e.g. the ``speaker``
    column of a quotes table) -> the most frequent spelling among the names with the same :func:`name_key`;
    names that differ only in middle names or initials ("Donald J. Trump") join the full form that is most
    common, and a bare family name joins the full name that has it when one full name holds at least 80% of
    that family name's uses in the corpus.

    >>> mapping = corpus_names(["Donald Trump", "Donald Trump", "Donald J. Trump", "Trump", "Ji-Hyeon-A"])
    >>> mapping["Donald J. Trump"], mapping["Trump"], mapping["Ji-Hyeon-A"]
    ('Donald Trump', 'Donald Trump', 'Ji-Hyeon-A')
    """
    counts = Counter(n for n in names if isinstance(n, str) and n.strip())
    by_key: dict[str, Counter] = defaultdict(Counter)
    for name, n in counts.items():
        by_key[name_key(name)][name] += n
    spelling = {key: c.most_common(1)[0][0] for key, c in by_key.items()}
    mapping = {name: spelling[name_key(name)] for name in counts}
    # middle names / initials: "Donald J. Trump" -> "Donald Trump"
    short: dict[str, Counter] = defaultdict(Counter)
    for name, n in counts.items():
        parsed = parse_name(mapping[name])
        if parsed is not None and parsed.is_full:
            short[_first_last_key(parsed)][mapping[name]] += n
    for name in counts:
        parsed = parse_name(mapping[name])
        if parsed is not None and parsed.is_full:
            mapping[name] = short[_first_last_key(parsed)].most_common(1)[0][0]
    return _merge_bare_surnames(counts, mapping)


def _first_last_key(parsed: PersonName) -> str:
    first = parsed.given[0].rstrip(".") if parsed.given else ""
    return name_key(f"{first} {parsed.surname} {parsed.suffix or ''}")


def _merge_bare_surnames(counts: Counter, mapping: dict[str, str]) -> dict[str, str]:
    full_by_surname: dict[str, Counter] = defaultdict(Counter)
    for name, n in counts.items():
        parsed = parse_name(mapping[name])
        if parsed is not None and parsed.is_full and parsed.surname:
            full_by_surname[name_key(parsed.surname)][mapping[name]] += n
    for name in counts:
        parsed = parse_name(mapping[name])
        if parsed is None or parsed.is_full or not parsed.surname:
            continue
        fulls = full_by_surname.get(name_key(parsed.surname))
        if not fulls:
            continue
        best, n_best = fulls.most_common(1)[0]
        if n_best >= 0.8 * sum(fulls.values()) and same_person(parsed, best):
            mapping[name] = best
    return mapping
