"""Mentions of one named actor in an article: a person, a government or any other name, as a user types it.

:func:`actor_mentions` finds where an article refers to ``target`` ("Donald Trump", "Nadal", "North Korea",
"Kim Jong Un"):

- **governments** (the target is a country, capital or organisation of the gazetteer: "North Korea",
  "Pyongyang", "the EU"): the article's government-sense mentions of it (:mod:`analysis.mentions`: names,
  capitals used as metonyms, institutions, office-holders, "the government" resolved);
- **people** (anything :func:`analysis.names.parse_name` reads as a name): the full name and every shorter
  form the article uses for the same person (surname alone, "Mr. Trump", "President Trump"; a "Michelle
  Obama" is not "Barack Obama": :class:`analysis.names.NameIndex`), role nouns that name them ("the
  president", when the article gives them that title), and third-person pronouns whose nearest preceding
  person is the target (same gender, within :data:`PRONOUN_REACH` sentences);
- **other names** ("Bank of America"): the exact phrase, case-insensitively.

Each mention has offsets into ``article.text`` and a ``kind`` ("name", "surname", "title", "description",
"pronoun", or the gazetteer's kinds for governments) and a ``reason``.

>>> from analysis.context import ArticleContext
>>> text = "President Barack Obama spoke. Mr. Obama said he was proud. Michelle Obama smiled. "
>>> text += "The president sat."
>>> [(m.text, m.kind) for m in actor_mentions(ArticleContext.of(text), "Barack Obama")]  # doctest: +ELLIPSIS
[('President Barack Obama', 'name'), ('Mr. Obama', 'title'), ('he', 'pronoun'), ('The president', ...)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ArgumentError
from .gazetteer import default_gazetteer
from .names import NameIndex, gender_of, name_key, parse_name, same_person, titles_in

__all__ = ["ActorMention", "Target", "resolve_target", "actor_mentions", "PRONOUN_REACH"]

#: A pronoun refers to the target only when the target was named at most this many sentences before.
PRONOUN_REACH = 2
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?|[A-Z]\.|(?:de|van|von|der|den|del|da|di|la|le|bin|al|el)(?=\s+[A-Z]))"
#: a run of capitalised words (a person mention candidate), possibly preceded by a title word
_CAPS_RUN = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")
_GOVERNMENT_KINDS = ("name", "short", "capital", "demonym", "institution")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One place where the article refers to the actor: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    actor: str
    kind: str
    reason: str = ""
    government: str | None = None  # the government key, for government mentions


@dataclass(frozen=True, slots=True)
class Target:
    """How a target string is read: ``kind`` "government" (``key`` is the gazetteer key), "person" (``key``
    the name as typed, ``parsed`` its parts) or "name" (a literal phrase)."""

    text: str
    kind: str
    key: str
    parsed: object = None


def resolve_target(target: str, function: str = "portrayal") -> Target:
    """Read a target as a government, a person or a literal name; an empty or non-str target is an
    :class:`~analysis.errors.ArgumentError` naming the argument.

    >>> resolve_target("Pyongyang").key, resolve_target("Nadal").kind, resolve_target("Bank of America").kind
    ('North Korea', 'person', 'name')
    """
    if not isinstance(target, str):
        raise ArgumentError(f"{function}(target): expected a name (str), got {type(target).__name__}")
    text = " ".join(target.split())
    if not text:
        raise ArgumentError(f"{function}(target): the target name is empty")
    gazetteer = default_gazetteer()
    bare = re.sub(r"^(?:[Tt]he)\s+", "", text)
    for surface in (text, bare):
        alias = gazetteer.aliases.get(surface)
        if alias is not None and alias.government and alias.kind in _GOVERNMENT_KINDS:
            return Target(text, "government", alias.government)
        if surface in gazetteer.governments:
            return Target(text, "government", surface)
    lowered = {k.lower(): k for k in gazetteer.governments}
    if bare.lower() in lowered:
        return Target(text, "government", lowered[bare.lower()])
    parsed = parse_name(text)
    words = text.split()
    if parsed is not None and parsed.surname and len(words) <= 5 and all(w[:1].isupper() for w in words[-1:]):
        if not any(w.lower() in ("of", "for", "and") for w in words):
            return Target(text, "person", text, parsed)
    return Target(text, "name", text)


def actor_mentions(context, target: str | Target) -> list[ActorMention]:
    """The mentions of ``target`` in ``context.article`` in text order (rules in the module docstring)."""
    t = target if isinstance(target, Target) else resolve_target(target)
    if t.kind == "government":
        return [
            ActorMention(m.start, m.end, m.text, t.key, m.kind, m.reason, m.government)
            for m in context.mentions
            if m.is_government and m.government == t.key
        ]
    if t.kind == "person":
        return _person_mentions(context.article, t)
    return _literal_mentions(context.article, t)


def _literal_mentions(article, t: Target) -> list[ActorMention]:
    pattern = re.compile(rf"(?<![\w\-]){re.escape(t.text)}(?![\w\-])", re.IGNORECASE)
    return [
        ActorMention(m.start(), m.end(), m.group(0), t.key, "name", "the name as given")
        for m in pattern.finditer(article.text)
    ]


def _expand_left(text: str, start: int) -> int:
    """Start of the capitalised run (and any title words) that ends at ``start``: "President Barack" before
    "Obama"."""
    s = start
    while True:
        m = re.search(rf"({_NAME_WORD}|[a-z]+\.?)\s+$", text[max(0, s - 40) : s])
        if not m:
            return s
        word = m.group(1)
        if "\n" in m.group(0) or (word.endswith(".") and len(word) > 2 and not titles_in(f"{word} X")):
            return s  # a line break or the end of a sentence ("... Nadal. Nadal won")
        if not word[:1].isupper() and not titles_in(f"{word} X"):
            return s
        s = s - len(m.group(0))
        if text[max(0, s - 1) : s] in (".", "\n") and not word[:1].isupper():
            return s + len(m.group(0))


def _trim_left(text: str, start: int, end: int, name: str) -> int:
    """Start of a mention that ends with the target's full name but does not name the target as it stands:
    the name and the title words just before it, without the other capitalised words the left expansion
    took ("Clark County Undersheriff Kevin McMahill", "Monday Norishige Kanai"), which would make another
    name of it (on PerSenT dev, 13 targets were found nowhere because of this).

    >>> text = "Miss Jamaica Davina Bennett wore it. Clark County Undersheriff Kevin McMahill said."
    >>> text[_trim_left(text, 0, 27, "Davina Bennett") : 27]
    'Davina Bennett'
    >>> text[_trim_left(text, 37, 77, "Kevin McMahill") : 77]
    'Kevin McMahill'
    >>> text[_trim_left(text, 0, 27, "Jamaica Davina Bennett") : 27]  # already the target's name
    'Miss Jamaica Davina Bennett'
    """
    words = name.split()
    if len(words) < 2 or same_person(text[start:end], name):
        return start
    m = re.search(r"(?<![\w\-])" + r"\s+".join(re.escape(w) for w in words) + r"$", text[start:end])
    if m is None or m.start() == 0:
        return start
    s = start + m.start()
    while True:  # keep the title words right before the name ("President", "Mr.")
        w = re.search(r"(\S+)\s+$", text[start:s])
        if w is None or "\n" in w.group(0) or not titles_in(f"{w.group(1)} X"):
            return s
        s = start + w.start()


def _person_mentions(article, t: Target) -> list[ActorMention]:
    text = article.text
    parsed = t.parsed
    surname = parsed.surname
    forms = {surname, *parsed.name.split()} if parsed.surname_first else {surname}
    words = sorted({w for w in forms if w}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w\-])")
    hits = []
    for m in pattern.finditer(text):
        if m.group(0) != surname and not parsed.surname_first:
            continue
        s, e = m.span()
        # the full name this occurrence belongs to: "Michelle Obama", "President Barack Obama", "Kim Jong Un"
        right = re.match(rf"(?:\s+{_NAME_WORD})*", text[e : e + 40])
        e2 = e + (right.end() if right and parsed.surname_first else 0)
        s2 = _trim_left(text, _expand_left(text, s), e2, parsed.name)
        hits.append((s2, e2, text[s2:e2]))
    if not hits:  # mojibake, case or a garbled target: each word of it, case-insensitively
        for word in dict.fromkeys([surname, *reversed(parsed.name.split())]):
            if len(word) < 3:
                continue
            for m in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text, re.IGNORECASE):
                hits.append((m.start(), m.end(), m.group(0)))
            if hits:
                break
        hits.sort()
    index = NameIndex()
    index.add(t.text, -1)
    canonical_target = index.canonical(t.text, -1)
    out: list[ActorMention] = []
    last_end = -1
    for s, e, mention in hits:
        if s < last_end:
            continue
        canon = index.add(mention, s)
        if canon is None:
            continue
        if not (name_key(canon) == name_key(canonical_target or t.text) or same_person(canon, t.text)):
            continue
        kind = "name" if parse_name(mention) is not None and parse_name(mention).is_full else "surname"
        if titles_in(mention) and kind == "surname":
            kind = "title"
        out.append(ActorMention(s, e, mention, t.key, kind, f"names '{canon}'"))
        last_end = e
    if not out:
        return out
    titles = index.titles(canonical_target or t.text) | set(parsed.titles)
    out.extend(_descriptions(text, t, titles, out))
    out.sort(key=lambda m: m.start)
    out.extend(_pronouns(article, t, out, index, canonical_target))
    out.sort(key=lambda m: m.start)
    return out


_GENERIC_TITLES = frozenset({"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "dr.", "sir", "lord", "lady"})


def _descriptions(text: str, t: Target, titles: set[str], named: list[ActorMention]) -> list[ActorMention]:
    """ "the president", "the senator": role nouns the article gives the target, after its first mention."""
    roles = sorted(
        {x for x in titles if x not in _GENERIC_TITLES and not x.endswith(".")}, key=len, reverse=True
    )
    if not roles:
        return []
    pattern = re.compile(r"\b[Tt]he\s+(?:former\s+)?(?:" + "|".join(re.escape(r) for r in roles) + r")\b")
    first = named[0].start
    taken = [(m.start, m.end) for m in named]
    out = []
    for m in pattern.finditer(text):
        if m.start() < first or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if re.match(r"\s+(?:of|for)\b|\s+[A-Z]", text[m.end() : m.end() + 5]):
            continue  # "the president of Brazil", "the president Lula": someone else or a name after it
        out.append(
            ActorMention(m.start(), m.end(), m.group(0), t.key, "description", "a title the article gives")
        )
    return out


def _pronouns(
    article, t: Target, named: list[ActorMention], index: NameIndex, canonical
) -> list[ActorMention]:
    """Third-person pronouns whose nearest preceding person mention is the target."""
    text = article.text
    gender = (
        t.parsed.gender
        or index.gender(canonical or t.text)
        or next((gender_of(m.text) for m in named if gender_of(m.text)), None)
    )
    sentences = article.sentences
    named_sentence = {}
    for m in named:
        s = article.sentence_at(m.start)
        if s is not None:
            named_sentence.setdefault(s.index, []).append(m)
    if gender is None:  # the pronouns used in (and just after) the sentences that name the target
        votes = {"m": 0, "f": 0}
        near = sorted(named_sentence)
        for i in near:
            for p in _PRONOUN_RE.finditer(sentences[i].text):
                votes[_PRONOUNS[p.group(0).lower()]] += 1
        if votes["m"] != votes["f"]:
            gender = "m" if votes["m"] > votes["f"] else "f"
    if gender is None:
        return []
    others = _other_people(text, t)
    out = []
    taken = [(m.start, m.end) for m in named]
    last_named = None
    for s in sentences:
        if s.index in named_sentence:
            last_named = s.index
        if last_named is None or s.index - last_named > PRONOUN_REACH:
            continue
        for p in _PRONOUN_RE.finditer(s.text):
            start, end = s.start + p.start(), s.start + p.end()
            if _PRONOUNS[p.group(0).lower()] != gender or any(a <= start < b for a, b in taken):
                continue
            if p.start() == _first_word(s.text) and s.index > 0:
                # a sentence-initial pronoun: the first person named in the nearest sentence before that
                # names anyone (usually its subject)
                antecedent = _first_person_before(article, s.index, named, others)
                if antecedent != "target":
                    continue
            else:
                before_target = max((m.end for m in named if m.end <= start), default=-1)
                before_other = max((b for a, b in others if b <= start), default=-1)
                if before_target < 0 or before_other > before_target:
                    continue
            out.append(
                ActorMention(start, end, text[start:end], t.key, "pronoun", "refers back to the target")
            )
    return out


def _first_word(sentence: str) -> int:
    m = re.search(r"[A-Za-z]", sentence)
    return m.start() if m else -1


def _first_person_before(article, index: int, named: list[ActorMention], others) -> str | None:
    """ "target", "other" or None: who is named first in the nearest earlier sentence naming anyone."""
    for i in range(index - 1, max(-1, index - 1 - PRONOUN_REACH), -1):
        s = article.sentences[i]
        first_t = min(
            (m.start for m in named if s.start <= m.start < s.end and m.kind != "pronoun"), default=None
        )
        first_o = min((a for a, b in others if s.start <= a < s.end), default=None)
        if first_t is None and first_o is None:
            continue
        if first_o is None or (first_t is not None and first_t < first_o):
            return "target"
        return "other"
    return None


def _other_people(text: str, t: Target) -> list[tuple[int, int]]:
    """Spans of capitalised two-word runs that look like other people's names (not the target's)."""
    out = []
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0)
        if len(run.split()) < 2:
            continue
        parsed = parse_name(run)
        if parsed is None or not parsed.is_full or same_person(parsed, t.text):
            continue
        if default_gazetteer().country_of(run) is not None:
            continue
        out.append(m.span())
    return out
