"""Stage 5, types: what kind of source a speaker is, and which country or organisation it belongs to.

Decided in this order, each with its reason: an anonymous source (an unnamed official, "sources", or the
story says so: "speaking on condition of anonymity"); a pronoun or a repeated name takes its antecedent's
type; a title says it ("Foreign Minister" -> government, "professor" -> expert,
:func:`analysis.names.title_info`);
the head noun of the mention or of its appositive (``[types]`` in ``quotes.toml``: "report" -> document,
"website" -> media, "activist groups" -> activist); a country, capital or ministry speaking ("Pyongyang",
"Seoul's Unification Ministry") -> government; a named entity (PERSON -> person, ORG -> organization); a
proper name -> person; else unknown.

Affiliation is the country or international organisation the gazetteer finds in the mention and its
appositive ("a professor at Seoul's Sungkyunkwan University" -> South Korea); a person's own name never
sets it. ``speaks_for`` is the affiliation only for voices of a government (government sources, anonymous
officials, state media): an expert's or an activist's country is where they are, not whom they speak for.

>>> classify("Seoul's Unification Ministry", "", "ORG")
('government', 'South Korea', False, 'the mention names a government institution')
>>> classify("Kim Sung-joo", "a political science professor at Seoul's Sungkyunkwan University", "PERSON")[:3]
('expert', 'South Korea', False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import parse_name, title_info, titles_in
from .lexicon import lexicon

__all__ = ["SPEAKER_TYPES", "classify", "is_anonymous", "country_of", "place_of", "speaks_for"]

SPEAKER_TYPES = (
    "government",
    "document",
    "expert",
    "activist",
    "media",
    "anonymous",
    "person",
    "organization",
    "unknown",
)
_DETERMINERS = frozenset("the a an its their his her this that these those our my your".split())


@lru_cache(maxsize=1)
def _gazetteer():
    from ..gazetteer import default_gazetteer

    return default_gazetteer()


@lru_cache(maxsize=8192)
def country_of(phrase: str) -> str | None:
    """The first country or international organisation named in ``phrase`` (the gazetteer's key).

    >>> country_of("a political science professor at Seoul's Sungkyunkwan University")
    'South Korea'
    """
    return _gazetteer().country_of(phrase) if phrase else None


@lru_cache(maxsize=8192)
def place_of(phrase: str) -> str | None:
    """The government a phrase *is* (a country, capital or institution: "Seoul", "the U.N."), or None; a
    leader's name or a demonym is not one.

    >>> place_of("Pyongyang"), place_of("Kim Jong Un"), place_of("South Korean")
    ('North Korea', None, None)
    """
    for m in _gazetteer().find_mentions(phrase):
        if m.kind not in ("leader", "demonym"):
            return m.government
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w.'’-]+", text.lower())


@lru_cache(maxsize=8192)
def _type_word(phrase: str, skip_organization: bool = False) -> str | None:
    """The first type whose words occur in ``phrase`` (multi-word entries as phrases)."""
    words = _words(phrase)
    joined = (
        " "
        + " ".join(w.rstrip(".,") if w not in ("sen.", "rep.", "gov.", "dr.", "prof.") else w for w in words)
        + " "
    )
    for label, entries in lexicon().type_words.items():
        if skip_organization and label == "organization":
            continue
        for entry in entries:
            if f" {entry} " in joined or f" {entry}'s " in joined or f" {entry}’s " in joined:
                return label
    return None


def is_anonymous(mention: str, context: str, head: str = "") -> bool:
    """An unnamed source: its head noun is an unnamed one ("official", "sources", "aide") introduced by "a",
    "one", "two", "several" or bare, or the clause around it says so ("speaking on condition of anonymity").

    >>> is_anonymous("An official at Seoul's Foreign Ministry", ""), is_anonymous("The official", "")
    (True, False)
    """
    lex = lexicon()
    words = _words(mention)
    head = head.lower() or _head_word(mention)
    if not words or head not in lex.unnamed_heads:
        return False
    low = context.lower()
    if any(p in low for p in lex.anonymity):
        return True
    return words[0] in lex.unnamed_determiners or words[0] == head


def classify(
    mention: str, appositive: str = "", entity: str = "", context: str = "", head: str = ""
) -> tuple:
    """``(speaker_type, affiliation, anonymous, reason)`` of a source mention (with its appositive, the
    named-entity label of its head when known, the sentence for anonymity phrases, and its head word)."""
    if is_anonymous(mention, context, head or _head_word(mention)):
        return "anonymous", country_of(f"{mention}, {appositive}"), True, "an unnamed source"
    kind, reason = _kind(mention, appositive, entity)
    person = kind in ("person", "expert") and parse_name(mention) is not None and not appositive
    affiliation = None if person and kind == "person" else country_of(f"{mention}, {appositive}".strip(", "))
    if kind == "person" and not appositive:
        affiliation = None
    return kind, affiliation, False, reason


def _head_word(mention: str) -> str:
    before = re.split(r"\s(?:of|at|for|from|in|on|with)\s", mention, maxsplit=1)[0]
    words = _words(before)
    return words[-1] if words else ""


def _kind(mention: str, appositive: str, entity: str) -> tuple[str, str]:
    lex = lexicon()
    full = f"{mention} {appositive}"
    for title in titles_in(mention) + titles_in(appositive):
        info = title_info(title)
        if info and info.type in ("government", "expert", "media", "activist"):
            return info.type, f"the title {title!r}"
    head_type = _type_word(mention)
    if head_type == "media" or (head_type and any(m in full.lower() for m in lex.state_media)):
        return "media", "the mention names a news outlet"
    if head_type and head_type != "organization":
        if head_type == "government" and place_of(mention):
            return "government", "the mention names a government institution"
        return head_type, f"the mention's words ({head_type})"
    app_head = re.split(r"\s(?:of|at|for|who|with|in|from|on|and|which|whose)\s", appositive, maxsplit=1)[0]
    for phrase in (app_head, appositive):
        found = _type_word(phrase, skip_organization=True) if phrase else None
        if found:
            return found, f"the appositive's words ({found})"
    core = " ".join(w for w in mention.split() if w.lower() not in _DETERMINERS)
    if place_of(core) and len(core.split()) <= 3 and not re.search(r"['’]s\b", core):
        return "government", "the mention names a government"
    if head_type == "organization" or entity in ("ORG", "NORP_ORG"):
        return "organization", "an organisation"
    if place_of(core):
        return "government", "the mention names a government institution"
    if entity == "PERSON" or parse_name(core) is not None and core[:1].isupper():
        return "person", "a named person"
    role = title_info(_head_word(mention))
    if role is not None and role.kind != "honorific_m" and role.kind != "honorific_f":
        # a person named by a role only: "the MDA's chairman", "the Tory leader", "Labour MP"; a possessed
        # role belongs to its owner, who need not be a government ("Sun's chief operating officer")
        possessed = re.search(r"['’]s?\s", core) is not None
        kind = role.type if role.type in ("expert", "media", "activist") or not possessed else "person"
        return kind or "person", f"a person named by the role {role.title!r}"
    return "unknown", "no type found"


def speaks_for(speaker_type: str, affiliation: str | None, mention: str = "") -> str | None:
    """The government a source speaks for: its affiliation when it is a government voice (a government
    source, an anonymous official, state media), else None (an expert's country is not whom they speak for).

    >>> speaks_for("government", "South Korea"), speaks_for("expert", "South Korea")
    ('South Korea', None)
    """
    if affiliation is None:
        return None
    if speaker_type == "government":
        return affiliation
    low = mention.lower()
    if speaker_type == "anonymous" and any(
        w in low for w in ("official", "ministry", "diplomat", "government")
    ):
        return affiliation
    if speaker_type == "media" and any(m in low for m in lexicon().state_media):
        return affiliation
    return None
