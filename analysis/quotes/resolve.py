"""Speakers: from the chosen source mention to a resolved, canonical speaker with its type.

- a relative pronoun ("Sanders, who said") stands for its antecedent;
- a personal pronoun ("he", "she", "they", "it") is the nearest earlier speaker that agrees in number and
  gender (a person for he/she, with the gender the article gives them; a group, an organisation or a
  government for they/it), and takes that speaker's type and affiliation;
- a name is the article's canonical name for that person (:class:`analysis.names.NameIndex`: "Mr. Trump",
  "Trump" and "Donald J. Trump" -> one name), a role noun ("the president") the latest person with that title;
- a definite description ("the ministry", "the report") is the nearest earlier speaker with the same head
  noun; "its website" is the website of the latest speaker that is not a person;
- anything else is the mention without its determiner ("the ministry" -> "ministry").

>>> r = Resolver()
>>> r.resolve("Hillary Clinton", "clinton", 0, person=True), r.resolve("she", "she", 50)
(('Hillary Clinton', None, None), ('Hillary Clinton', 'person', None))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..names import NameIndex, parse_name
from .lexicon import lexicon

__all__ = ["Resolver", "Speaker", "strip_determiner"]

_DETERMINERS = ("the ", "a ", "an ", "this ", "that ", "these ", "those ")
_PLURAL_TYPES = frozenset(
    {"government", "organization", "activist", "media", "document", "anonymous", "unknown"}
)


def strip_determiner(mention: str) -> str:
    """The mention without a leading article ("The 2010 report" -> "2010 report").

    >>> strip_determiner("An official at Seoul's Foreign Ministry")
    "official at Seoul's Foreign Ministry"
    """
    low = mention.lower()
    for d in _DETERMINERS:
        if low.startswith(d) and len(mention) > len(d):
            return mention[len(d) :]
    return mention


@dataclass
class Speaker:
    """A resolved speaker of the article so far: canonical name, type, affiliation, head noun, position."""

    name: str
    type: str
    affiliation: str | None
    head: str
    position: int
    plural: bool = False
    gender: str | None = None


@dataclass
class Resolver:
    """Resolves the source mentions of one article in reading order (see the module docstring)."""

    names: NameIndex = field(default_factory=NameIndex)
    speakers: list[Speaker] = field(default_factory=list)

    def add_name(self, mention: str, position: int) -> None:
        """Record a person's name the article uses (a proper-noun run), for later short forms."""
        self.names.add(mention, position)

    def resolve(self, mention: str, head: str, position: int, person: bool = False) -> tuple:
        """``(speaker, inherited type, inherited affiliation)`` for a mention whose head word is ``head``;
        ``person``: the mention names a person (its name goes through the article's name index)."""
        low = mention.lower().strip()
        pronouns = lexicon().pronouns
        if low in pronouns:
            return self._pronoun(pronouns[low], position)
        role = self.names.canonical(mention, position) if low.startswith(("the ", "this ")) else None
        if role is not None and parse_name(mention) is None:
            return role, self._type_of(role), self._affiliation_of(role)
        if low.startswith(("its ", "their ")):
            owner = next((s for s in reversed(self.speakers) if s.type != "person"), None)
            rest = mention.split(" ", 1)[1]
            if owner is not None:
                return f"{owner.name}'s {rest}", None, owner.affiliation
            return rest, None, None
        if low.startswith(_DETERMINERS) and head:
            same = next((s for s in reversed(self.speakers) if s.head == head.lower()), None)
            if same is not None:
                return same.name, same.type, same.affiliation
            return strip_determiner(mention), None, None
        parsed = parse_name(mention) if person else None
        if parsed is not None:
            name = (
                (self.names.add(mention, position) if parsed.is_full else None)
                or self.names.canonical(mention, position)
                or parsed.name
            )
            return name, self._type_of(name), self._affiliation_of(name)
        return strip_determiner(mention), None, None

    def _pronoun(self, kind: str, position: int) -> tuple:
        if kind in ("m", "f"):
            person = self._named_person(kind, position)
            if person is not None:
                return person, self._type_of(person) or "person", self._affiliation_of(person)
        for s in reversed(self.speakers):
            if kind in ("m", "f") and s.type not in ("person", "expert", "government", "activist", "media"):
                continue
            if kind in ("m", "f") and (s.plural or (s.gender and s.gender != kind)):
                continue
            if kind == "o" and (s.type == "person" or s.plural or s.gender):
                continue
            if kind == "p" and not (s.plural or s.type in _PLURAL_TYPES):
                continue
            if kind in ("m", "f") and parse_name(s.name) is not None:
                self.names.set_gender(s.name, kind)
                s.gender = s.gender or kind
            return s.name, s.type, s.affiliation
        return None, None, None

    def _named_person(self, kind: str, position: int) -> str | None:
        """The person the article named most recently before ``position`` whose gender agrees (speaker or
        not); None when the nearest compatible earlier speaker is closer or no such person is known."""
        best, best_pos = None, -1
        for p in self.names.people:
            if p.gender not in (None, kind) or not p.name.is_full:
                continue
            seen = [pos for pos, _ in p.mentions if pos < position]
            if seen and max(seen) > best_pos:
                best, best_pos = p.canonical, max(seen)
        spoke = next(
            (s for s in reversed(self.speakers) if s.position < position and self._agrees(s, kind)), None
        )
        if spoke is not None and spoke.position >= best_pos:
            return None
        if best is not None:
            self.names.set_gender(best, kind)
        return best

    def _agrees(self, s: Speaker, kind: str) -> bool:
        return (
            s.type in ("person", "expert", "government", "activist", "media")
            and not s.plural
            and (s.gender in (None, kind))
        )

    def _type_of(self, name: str) -> str | None:
        return next((s.type for s in reversed(self.speakers) if s.name == name), None)

    def _affiliation_of(self, name: str) -> str | None:
        return next((s.affiliation for s in reversed(self.speakers) if s.name == name), None)

    def remember(self, speaker: Speaker) -> None:
        """Add a resolved speaker (later pronouns and descriptions may refer to it)."""
        if speaker.gender is None:
            speaker.gender = self.names.gender(speaker.name)
        self.speakers.append(speaker)
