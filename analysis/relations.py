"""Who does what to whom: subject-predicate-object relations between actors, read from the dependency parse.

:func:`relation_rows` looks at every parsed sentence that holds a government-sense mention and a second
actor (another government, or a group such as "defectors" or "the campaign") and reads:

1. **verbs**: the mention (or the government noun it modifies: "Chinese diplomats", "its government-run
   website") is the subject of a verb whose object, prepositional object or ``xcomp`` object is the other
   actor: "Seoul pressed China", "the US imposed sanctions on Iran", "Seoul urged Beijing to stop";
2. **passives**, reversed: "Chinese diplomats could be annoyed by Seoul's stepped-up pressure" is South Korea
   acting on China (cue "annoyed by");
3. **nominal acts**: a possessed act noun with its target ("Seoul's stepped-up pressure on Beijing", "China's
   criticism of Japan");
4. **pair nouns**: "the friction between Seoul and Beijing" (both directions).

The polarity of the act comes from the cue's lemma (:data:`CUE_POLARITY`) or, for verbs of naming ("calls
defectors human scum"), from VADER over the object phrase. Each row keeps its sentence (the evidence) and
``how`` it was read. Sentences past the parse budget have no relations.

>>> from analysis.context import ArticleContext
>>> rows = relation_rows(ArticleContext.of("Seoul urged Beijing to stop. Pyongyang was condemned by Tokyo."))
>>> [(r["source"], r["cue"], r["target"], r["how"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
[('South Korea', 'urged', 'China', 'verb'),
 ('Japan', 'condemned by', 'North Korea', 'passive')]
"""

from __future__ import annotations

from .sentiment import vader_scores

__all__ = ["relation_rows", "CUE_POLARITY", "GROUP_NOUNS", "PAIR_NOUNS", "ACT_NOUNS"]

#: Lemmas of cues with the polarity of the act toward its target; None: read it from the object phrase.
CUE_POLARITY: dict[str, str | None] = {}
for _words, _pol in [
    (
        "press pressure urge condemn denounce criticize criticise slam blast accuse blame warn threaten",
        "negative",
    ),
    (
        "sanction protest attack reject rebuke demand annoy anger irritate upset oppose defy confront",
        "negative",
    ),
    ("punish ban expel deport repatriate invade bomb strike kill arrest detain veto block snub", "negative"),
    ("praise thank welcome support help back agree ally aid reward congratulate reassure please", "positive"),
    ("meet talk engage negotiate raise seek ask host visit join call_on invite tell inform", "neutral"),
    ("call label brand dub describe name", None),
]:
    for _w in _words.split():
        CUE_POLARITY[_w] = _pol

#: Nouns for groups that a government's act can target.
GROUP_NOUNS = frozenset(
    """
    defectors defector migrants refugees activists activist campaign campaigns protesters protests dissidents
    citizens people traffickers smugglers groups organizations organisations journalists reporters rebels
    opposition insurgents militants critics workers companies firms
    """.split()
)
#: Nouns naming a relation between two actors ("friction between Seoul and Beijing"), with its polarity.
PAIR_NOUNS = {
    **dict.fromkeys(
        "friction tension tensions dispute row rift standoff feud conflict disagreement".split(), "negative"
    ),
    **dict.fromkeys(
        "deal agreement accord cooperation co-operation alliance partnership".split(), "positive"
    ),
    **dict.fromkeys("summit talks relations ties negotiations".split(), "neutral"),
}
#: Act nouns a possessor performs on a target ("Seoul's pressure on Beijing"), with their polarity.
ACT_NOUNS = {
    **dict.fromkeys(
        "pressure criticism condemnation sanctions sanction threat threats attack attacks demand demands "
        "accusation accusations warning warnings protest protests ban crackdown veto".split(),
        "negative",
    ),
    **dict.fromkeys("support aid help praise backing assistance offer apology".split(), "positive"),
    **dict.fromkeys("talks call calls request appeal message".split(), "neutral"),
}
_TARGET_PREPS = frozenset({"on", "against", "to", "with", "toward", "towards", "of", "for", "at", "over"})
_ACTOR_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def _tokens_of(ps, mentions) -> dict[int, object]:
    """token index -> mention, for the tokens each mention covers."""
    out = {}
    for m in mentions:
        span = ps.char_span(m.start, min(m.end, ps.sentence.end))
        if span is None:
            continue
        for t in span:
            out[t.i] = m
    return out


def _actor_of(token, covered: dict[int, object]):
    """The mention a noun stands for: itself, or a mention modifying it ("Chinese diplomats", "Seoul's
    Foreign Ministry", "Lee Myung-bak and other officials" via the first conjunct)."""
    if token.i in covered:
        return covered[token.i]
    for child in token.children:
        if child.dep_ in _ACTOR_DEPS and child.i in covered:
            return covered[child.i]
    return None


def _group_phrase(token) -> str | None:
    if token.lower_ not in GROUP_NOUNS:
        return None
    mods = [t.text for t in token.lefts if t.dep_ in ("det", "amod", "compound") and t.i >= token.i - 3]
    return " ".join([*mods, token.text])


_WALK_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "xcomp", "conj", "pcomp", "nmod"})


def _objects(verb, depth: int = 4) -> list:
    """(noun, cue verb, act noun on the way or None, direct) for the nouns the act of a verb reaches within
    its own clause, nearest first: direct and prepositional objects, their prepositional objects ("sanctions
    on Iran", "help from the U.N.", "diplomacy with Beijing"), the objects of a controlled verb ("is expected
    to seek help", "urged X to stop Y"), and conjuncts of each; subordinate clauses (ccomp, advcl, relcl)
    and what an object is called (appositions, "human scum") are not entered. ``direct``: reached without
    passing through a noun other than an act noun (a group is a target only then: "pressure on activists",
    not "diplomacy with Beijing on migrants")."""
    found, frontier = [], [(verb, 0, verb, None, True)]
    while frontier:
        node, d, cue, act, direct = frontier.pop(0)
        for c in node.children:
            if c.dep_ not in _WALK_DEPS or d >= depth:
                continue
            if (
                c.dep_ == "prep"
                and c.lower_ not in _TARGET_PREPS
                and c.lower_ not in ("from", "in", "during")
            ):
                continue
            if c.dep_ == "conj" and node is verb:
                continue  # a second verb: its own act
            if c.pos_ in ("NOUN", "PROPN", "PRON"):
                found.append((c, cue, act, direct))
            nxt_act = c.lower_ if c.lower_ in ACT_NOUNS and act is None else act
            nxt_direct = direct and (c.pos_ not in ("NOUN", "PROPN", "PRON") or c.lower_ in ACT_NOUNS)
            frontier.append(
                (c, d + 1 if c.dep_ == "prep" else d, c if c.dep_ == "xcomp" else cue, nxt_act, nxt_direct)
            )
    return found


def _polarity(cue_lemma: str, phrase: str, default: str | None = None) -> str:
    pol = CUE_POLARITY.get(cue_lemma, default)
    if pol is not None:
        return pol
    c = vader_scores(phrase)["compound"]
    return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"


def relation_rows(context) -> list[dict]:
    """Relations in the article of ``context`` (see the module docstring), one row per (source, target, cue,
    sentence), in text order."""
    article = context.article
    gov = [m for m in context.mentions if m.is_government]
    if not gov:
        return []
    by_sentence: dict[int, list] = {}
    for m in gov:
        s = article.sentence_at(m.start)
        if s is not None:
            by_sentence.setdefault(s.index, []).append(m)
    wanted = []
    for i, ms in by_sentence.items():
        text = article.sentences[i].text.lower()
        if len({m.government for m in ms}) > 1 or any(w in text for w in GROUP_NOUNS):
            wanted.append(i)
    rows: list[dict] = []
    seen = set()
    for ps in context.parsed.sentences(sorted(wanted)):
        if not ps.parsed:
            continue
        for row in _sentence_relations(ps, by_sentence[ps.index]):
            key = (row["source"], row["target"], row["cue"], row["sentence"])
            if key not in seen and row["source"] != row["target"]:
                seen.add(key)
                rows.append(row)
    return rows


def _sentence_relations(ps, mentions) -> list[dict]:
    doc = ps.doc
    covered = _tokens_of(ps, mentions)
    out: list[dict] = []

    def add(src, target: str, target_text: str, cue_token, cue: str, polarity: str, how: str) -> None:
        out.append(
            {
                "source": src.government,
                "source_mention": src.text,
                "target": target,
                "target_mention": target_text,
                "cue": cue,
                "polarity": polarity,
                "how": how,
                "sentence": ps.index,
                "sentence_text": ps.sentence.text,
                "cue_start": ps.offset + cue_token.idx,
            }
        )

    def target_of(token):
        """(key, text) of the actor a token names: a government mention or a group phrase."""
        m = _actor_of(token, covered)
        if m is not None:
            return m.government, m.text
        group = _group_phrase(token)
        if group is not None:
            return group, group
        return None

    for token in doc:
        # 1. subject - verb - object
        src = None
        if token.head.pos_ in ("VERB", "AUX") and (
            token.dep_ == "nsubj"
            or (token.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" for c in token.head.children))
        ):
            src = _actor_of(token, covered)
        if src is not None:
            verb = token.head
            subjects = [src] + [
                m for t in token.conjuncts if (m := _actor_of(t, covered)) is not None and m is not src
            ]
            for obj, cue, act, direct in _objects(verb):
                target = target_of(obj)
                if target is None or (not direct and _actor_of(obj, covered) is None):
                    continue
                # for verbs of naming, the words of the clause after the verb ("human scum", "a grave
                # provocation that tarnishes ...")
                phrase = ps.sentence.text[cue.idx + len(cue.text) :]
                lemma = cue.lemma_.lower()
                # "imposed sanctions on Iran": an act noun on the way to the target carries the polarity
                pol = ACT_NOUNS[act] if act and lemma not in CUE_POLARITY else _polarity(lemma, phrase)
                for s in subjects:
                    add(s, target[0], target[1], cue, cue.text, pol, "verb")
        # 2. passive: "<target> was annoyed by <source>('s pressure)"
        tgt = _actor_of(token, covered) if token.dep_ == "nsubjpass" else None
        if tgt is not None:
            verb = token.head
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                    by = _actor_of(pobj, covered)
                    if by is None:
                        continue
                    add(
                        by,
                        tgt.government,
                        tgt.text,
                        verb,
                        f"{verb.text} by",
                        _polarity(verb.lemma_.lower(), verb.text, "negative"),
                        "passive",
                    )
        # 3. nominal acts: "Seoul's stepped-up pressure on Beijing"
        if token.lower_ in ACT_NOUNS:
            src = next((covered[c.i] for c in token.children if c.dep_ == "poss" and c.i in covered), None)
            if src is None:
                src = next(
                    (
                        covered[c.i]
                        for c in token.children
                        if c.dep_ in ("compound", "amod") and c.i in covered
                    ),
                    None,
                )
            if src is not None:
                for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        target = target_of(pobj)
                        if target is not None:
                            add(
                                src,
                                target[0],
                                target[1],
                                token,
                                token.text,
                                ACT_NOUNS[token.lower_],
                                "nominal",
                            )
        # 4. pair nouns: "the friction between Seoul and Beijing"
        if token.lower_ in PAIR_NOUNS:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"):
                first = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if first is None:
                    continue
                pair = [first, *first.conjuncts]
                actors = [m for t in pair if (m := _actor_of(t, covered)) is not None]
                if len(actors) >= 2 and actors[0].government != actors[1].government:
                    a, b = actors[0], actors[1]
                    cue = f"{token.text} between"
                    pol = PAIR_NOUNS[token.lower_]
                    add(a, b.government, b.text, token, cue, pol, "pair")
                    add(b, a.government, a.text, token, cue, pol, "pair")
    return out
