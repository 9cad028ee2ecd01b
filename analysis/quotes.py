"""Quoted-source attribution: who is quoted or paraphrased, by whom, with which verb, and on whose behalf.

Rule-based and fast (compiled regular expressions, no tagger). For each sentence the extractor finds the
quotation marks and the reporting cues outside them ("said", "according to", "played down"), the source
before or after the cue, and the reported content, then resolves pronouns, surnames and definite
descriptions ("the report") back to the full source named earlier in the article.

>>> [(q.kind, q.cue, q.speaker) for q in extract_quotes('"We will win," Kim Sung-joo said. He added that it would take time.')]
[('direct', 'said', 'Kim Sung-joo'), ('indirect', 'added', 'Kim Sung-joo')]

Conventions (those of the PolNeAR attribution corpus): the content of a direct quote includes its quotation
marks; a paraphrase's content starts at "that" when there is one; a quote split around its cue
(``"A," he said, "B."``) is one attribution whose span covers both parts; full-sentence quotes that follow
an attributed quote without a cue of their own continue it. Bylines, datelines and "Follow X on Twitter" lines
are never sources. "Raised the issue" and similar verbs with no reported content are not attributions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from .errors import ArgumentError
from .nlp import sentence_spans

SPEAKER_TYPES = ("government", "document", "expert", "activist", "media", "anonymous", "person", "organization",
                 "unknown")


@dataclass
class Quote:
    """One attribution: ``text == input[start:end]``; offsets are characters, end exclusive."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    cue: str
    cue_start: int
    cue_end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_type: str
    affiliation: str | None
    anonymous: bool
    mention: str | None = None  # the speaker mention as written ("he", "the report", "Kim")
    paragraph: int = 0
    position: float = 0.0  # relative position of the content start in the text, 0..1

    @property
    def words(self) -> int:
        """Number of words in the reported content."""
        return len(_WORD_RE.findall(self.text))


# --------------------------------------------------------------------------------------------- lexicons

_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

#: Reporting cues: verbs of saying, telling, estimating and evaluating, in the forms news copy uses.
_CUE_FORMS = """
say says said saying tell tells told telling add adds added adding warn warns warned warning
claim claims claimed claiming argue argues argued arguing insist insists insisted insisting
deny denies denied denying acknowledge acknowledges acknowledged acknowledging estimate estimates estimated
report reports reported reporting describe describes described describing urge urges urged urging
accuse accuses accused accusing note notes noted noting explain explains explained explaining
write writes wrote writing announce announces announced announcing suggest suggests suggested suggesting
declare declares declared declaring stated tweet tweets tweeted tweeting
ask asks asked asking reply replies replied replying respond responds responded responding
recall recalls recalled recalling conclude concludes concluded concluding predict predicts predicted predicting
admit admits admitted admitting complain complains complained complaining criticize criticizes criticized
criticised criticizing criticising praise praises praised praising blast blasts blasted blasting
dismiss dismisses dismissed dismissing reject rejects rejected rejecting vow vows vowed vowing
pledge pledges pledged pledging promise promises promised promising confirm confirms confirmed confirming
reveal reveals revealed revealing mention mentions mentioned mentioning cite cites cited citing
contend contends contended contending assert asserts asserted asserting maintain maintains maintained
emphasize emphasizes emphasized emphasised stress stresses stressed stressing observe observes observed
remarked recount recounts recounted testify testifies testified allege alleges alleged alleging
charged blame blames blamed blaming questioned questioning
defend defends defended defending denounce denounces denounced denouncing condemn condemns condemned
condemning decry decries decried lament laments lamented boast boasts boasted boasting joke jokes joked
quip quips quipped concede concedes conceded conceding agree agrees agreed disagree disagrees disagreed
indicate indicates indicated indicating speculate speculates speculated speculating
caution cautions cautioned cautioning threatened
show shows showed found finds continues continued interject interjects interjected
counter counters countered retort retorts retorted exclaim exclaimed shout shouted yelled chanted
advise advises advised recommend recommends recommended propose proposes proposed
endorse endorses endorsed slam slams slammed lambast lambasted lambasts attacked mock mocks mocked
tout touts touted hail hails hailed chide chides chided applaud applauds applauded demand demands demanded
wonder wonders wondered hint hints hinted signal signals signaled signalled echo echoes echoed refuse refuses
refused declined decline declines predicted reiterate reiterates reiterated scoffed joked
""".split()
#: Verbs of thinking and feeling: cues only when a clause follows ("believes that", "thinks he").
_THOUGHT_FORMS = frozenset("""
think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears feared expect expects
expected know knows knew worry worries worried suspect suspects suspected doubt doubts doubted
""".split())
_CLAUSE_START = re.compile(
    r"\s+(?:that\b|(?:he|she|it|they|we|I|you|there|this|these|those|the|a|an|his|her|their|its|our|"
    r"[A-Z][a-z]+)\s+(?!of\b|to\b|and\b|or\b|for\b)[a-z]+)")

#: Verbs whose object is the content itself ("calls defectors 'human scum'", "described it as").
_CALL_FORMS = "call calls called calling dub dubs dubbed label labels labeled labelled branded brands".split()

_MULTI_CUES = [
    r"according\s+to",
    r"play(?:s|ed|ing)?\s+down", r"point(?:s|ed|ing)?\s+out", r"went\s+on\s+to\s+say", r"made\s+clear",
    r"call(?:s|ed|ing)?\s+(?:for|on|upon)", r"put(?:s|ting)?\s+the\s+(?:number|figure|toll|total|count)",
    r"(?:has|have|had)\s+said", r"went\s+on",
    r"talk(?:s|ed|ing)?\s+about", r"sp(?:oke|eak|eaks|eaking)\s+(?:about|of)", r"refer(?:s|red|ring)?\s+to",
    r"point(?:s|ed|ing)?\s+to", r"warn(?:s|ed|ing)?\s+(?:of|against)", r"call(?:s|ed|ing)?\s+attention\s+to",
]

_CUE_WORDS = (frozenset(_CUE_FORMS) | frozenset(_CALL_FORMS)) - {"states", "state", "report", "reports"}
#: Forms that are also nouns: a cue only when not followed by punctuation ("the report, which ...").
_NOUNLIKE = frozenset(
    """report reports claim claims estimate estimates note notes charge charges question questions remark remarks
    call calls promise promises pledge pledges warning states state show shows mention mentions cite vow vows
    threat threats tweet tweets reply replies agree praise blast blasts label labels stress testify dub
    admit ask add tell say write deny urge warn argue insist found finds""".split()
)
_SPEECH_SET = frozenset(_CUE_FORMS) | _THOUGHT_FORMS
_CALL_SET = frozenset(_CALL_FORMS)
_MULTI_RE = re.compile(r"(?:" + "|".join(_MULTI_CUES) + r")(?![\w'’-])", re.IGNORECASE)
_MULTI_FIRST = frozenset("according play plays played playing point points pointed pointing went made call calls "
                         "called calling put puts putting has have had talk talks talked talking spoke speak "
                         "speaks speaking refer refers referred referring warn warns warned warning".split())


def _trie_pattern(words: list[str]) -> str:
    """A prefix-factored alternation of ``words`` (much faster to match than a flat one)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


_CUE_WORDS_ALL = sorted(_SPEECH_SET | _CALL_SET | _MULTI_FIRST)
_ALPHA = re.compile(r"\b(?:" + _trie_pattern(_CUE_WORDS_ALL + [w.capitalize() for w in _CUE_WORDS_ALL])
                    + r")\b(?![-'’])")


@dataclass
class _Cue:
    start: int
    end: int
    kind: str  # "multi" | "call" | "verb"
    text: str

    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def group(self) -> str:
        return self.text


def _find_cues(text: str) -> list[_Cue]:
    """Every reporting-cue candidate in the text, in order (one pass, set look-ups)."""
    out = []
    skip_to = -1
    for m in _ALPHA.finditer(text):
        if m.start() < skip_to:
            continue
        w = m.group()
        lw = w.lower()
        if lw in _MULTI_FIRST:
            mm = _MULTI_RE.match(text, m.start())
            if mm:
                out.append(_Cue(mm.start(), mm.end(), "multi", mm.group()))
                skip_to = mm.end()
                continue
        if lw in _CALL_SET:
            out.append(_Cue(m.start(), m.end(), "call", w))
        elif lw in _SPEECH_SET:
            out.append(_Cue(m.start(), m.end(), "verb", w))
    return out


#: Words that may stand between a subject and its verb ("has also said", "recently called").
_ADVERBS = frozenset(
    """also has have had was were is are will would could may might should did does do not never n't
    recently previously later then repeatedly often once publicly reportedly privately already again
    frequently flatly quickly firmly initially first last still even just simply further specifically
    explicitly openly directly long widely falsely correctly bluntly angrily strongly""".split()
)
#: Words that end a subject search: a new clause starts after them.
_CLAUSE_WORDS = frozenset(
    """that because when while after before if as since although though but and or so where whom whose
    whether than until unless nor yet""".split()
)
_CLAUSE_VERBS = frozenset(
    """is was were are be been being had has have could would should can will may might must did does do
    it's that's there's isn't wasn't didn't doesn't won't can't couldn't not""".split()
)
#: Lower-case words that cannot start a source noun phrase.
_NOT_NP_START = frozenset(
    """also then recently previously later once still even just so to not never has have had is was were are
    be been being will would could can may might should must did does do in on at for with by from of about
    into over after before during without under than as if when while because since although though
    what which who whom whose where why how there here it's that's""".split()
)
#: A noun phrase ends in a noun-like word (not a preposition, article, adverb or participle).
_NP_TAIL = re.compile(r"^(?![a-z]+(?:ly|ing)$)(?!(?:of|in|on|at|for|with|by|from|to|the|a|an|and|or|but|"
                      r"this|that|these|those|his|her|its|their|our|my|your)$)[\w.'’-]+$")
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "o", "him": "m", "her": "f"}
_TITLES = re.compile(
    r"^(?:(?:the|a|an|former|then|acting|deputy|vice|chief|senior|top|incoming|outgoing|"
    r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s+(?=(?:President|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|"
    r"Governor|Ambassador|Mayor|Chairman|Chancellor|Premier|Leader|Spokesman|Spokeswoman)))\s+)*"
    r"(?:(?:President|Prime\s+Minister|Foreign\s+Minister|Defense\s+Minister|Minister|Secretary(?:-General)?"
    r"(?:\s+of\s+State)?|Secretary\s+of\s+[A-Z][a-z]+|Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|"
    r"Ambassador|Mayor|Chairman|Chairwoman|Chancellor|Premier|Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Gen\.|"
    r"General|Adm\.|Judge|Justice|Speaker|Leader|Rev\.|Pope|King|Queen|Spokesman|Spokeswoman|Candidate|"
    r"candidate|nominee|presidential\s+candidate|Republican|Democrat|Democratic|GOP)\s+)+"
)

_TYPE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("media", re.compile(
        r"\b(?:newspaper|news\s+agency|agency|state\s+media|state-run\s+media|media|television|TV|radio|"
        r"broadcaster|channel|magazine|tabloid|daily|website|site|blog|Reuters|AP|Associated\s+Press|KCNA|"
        r"Xinhua|Yonhap|CNN|MSNBC|Fox\s+News|NBC|CBS|ABC|BBC|Politico|Breitbart|Times|Post|Journal|"
        r"Herald|Tribune|Gazette|Bloomberg|Axios|Guardian|Telegraph|Rodong|Huffington|Daily\s+\w+)\b")),
    ("document", re.compile(
        r"\b(?:report|reports|statement|study|survey|poll|polls|memo|letter|document|documents|analysis|"
        r"data|book|filing|lawsuit|complaint|ruling|indictment|transcript|records|figures|estimate|estimates|"
        r"census|review|audit|resolution|bill|platform|ad|advertisement|video|post|tweet|email|e-mail|"
        r"release|paper|article|editorial|op-ed|op-ed|research)\b", re.IGNORECASE)),
    ("expert", re.compile(
        r"\b(?:professor|analyst|analysts|researcher|researchers|expert|experts|scholar|scholars|economist|"
        r"economists|scientist|scientists|historian|strategist|strategists|pollster|pollsters|fellow|"
        r"specialist|lecturer|academic|think\s+tank|observers?)\b", re.IGNORECASE)),
    ("activist", re.compile(
        r"\b(?:activist|activists|rights\s+groups?|human\s+rights|advocacy|advocates?|campaigners?|NGOs?|"
        r"non-governmental|nongovernmental|Amnesty|Human\s+Rights\s+Watch|protesters|groups)\b",
        re.IGNORECASE)),
    ("government", re.compile(
        r"\b(?:president|minister|ministry|ministries|department|government|governments|official|officials|"
        r"spokesman|spokeswoman|spokesperson|secretary|ambassador|diplomat|diplomats|embassy|senator|sen\.|"
        r"rep\.|congressman|congresswoman|lawmaker|lawmakers|governor|gov\.|mayor|administration|"
        r"white\s+house|pentagon|state\s+department|kremlin|cabinet|parliament|congress|senate|army|military|"
        r"police|authorities|regime|agency\s+chief|prosecutors?|FBI|CIA|court|judge|U\.N\.|United\s+Nations|"
        r"Security\s+Council|Secretary-General|premier|chancellor|leader|leadership|Pyongyang|Beijing|Seoul|"
        r"Washington|Moscow|Tokyo)\b", re.IGNORECASE)),
    ("organization", re.compile(
        r"\b(?:Inc|Corp|Company|Co|Party|Committee|Campaign|campaign|Foundation|Institute|University|Council|"
        r"Association|Union|Center|Centre|Group|Bank|Fund|Organization|Organisation|Federation|League|"
        r"Club|Society|company|firm|group|organization|union|party|committee|PAC|coalition|alliance)\b")),
]
_ANON_PHRASE = re.compile(
    r"(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|"
    r"identified)|declined\s+to\s+be\s+(?:named|identified)|was\s+not\s+authori[sz]ed\s+to|"
    r"were\s+not\s+authori[sz]ed\s+to|not\s+authori[sz]ed\s+to\s+(?:speak|talk|discuss)|"
    r"speaking\s+anonymously|on\s+background|who\s+(?:asked|requested)\s+anonymity|granted\s+anonymity)",
    re.IGNORECASE,
)
_UNNAMED_HEAD = re.compile(
    r"\b(?:official|officials|source|sources|diplomat|diplomats|aide|aides|person|people|insider|insiders|"
    r"adviser|advisers|advisor|advisors|staffer|staffers|officer|officers|member|members|spokesman|"
    r"spokeswoman|spokesperson|executive|executives)\b",
    re.IGNORECASE,
)
_NOT_SOURCE_LINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*(?:,.*)?$|Follow\b.*\bTwitter\b.*$|"
    r"(?:Associated\s+Press|AP|Reuters|AFP)\s*$|(?:Published|Updated|Posted)\s*:.*$|"
    r"[A-Z][A-Z ,.]{2,40}\s*(?:\(\w+\))?\s*[-—–]\s*$|https?://\S+\s*$|.*\b(?:Copyright|All rights reserved)\b.*$)",
)
_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»"
_QUOTE_ANY = "\"“”«»„"
_DQ = re.compile(r"''|[\"“”«»„]")  # '' is the New York Times' double quotation mark
_QMARKS = tuple(_QUOTE_ANY) + ("''",)
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Sen|Rep|Reps|Gov|Dr|Mr|Mrs|Ms|Gen|Jr|Sr|St|Lt|Col|Prof|Adm|Sgt|Rev|Lt|Gov)\.(?!\w)"
    r"|''|[^\W_]+(?:[-'’.][^\W_]+)*|[\"“”«»„]|[^\w\s]"
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[a-zA-Z]+)?)+\b")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|these|those|this|new|such|any|no|of|whose)|\w['’]s?)\s+$",
    re.IGNORECASE)
_THAT_WINDOW = re.compile(
    r"[^\"“”«».;:]{0,60}?\b(?:that|whether|if|how|why|what)\b|[^\"“”«».;:,]{0,30}?[:,]\s*(?:[\"“«]|'')"
    r"|\s*(?:[\"“«]|'')")
_TRAIL_AFTER = re.compile(
    r"^\s*(?:(?:on|last|this|late|early)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight|morning|afternoon|evening|night|week|month|year)\s*)*"
    r"(?:(?:in|on|at|to|during|via|through|from|after|before|following)\s+"
    r"[^,.;\"“”]{0,60})?\s*[.!?]?\s*$"
)


# --------------------------------------------------------------------------------------------- gazetteer

_FALLBACK_PLACES: dict[str, list[str]] = {
    "North Korea": ["North Korea", "North Korean", "North Koreans", "Pyongyang", "DPRK", "KCNA", "Rodong"],
    "South Korea": ["South Korea", "South Korean", "South Koreans", "Seoul", "Unification Ministry",
                    "Yonhap", "Sungkyunkwan"],
    "China": ["China", "Chinese", "Beijing", "Xinhua"],
    "United States": ["United States", "U.S.", "US", "American", "Americans", "Washington", "State Department",
                      "White House", "Pentagon", "Congress", "Senate", "FBI", "CIA", "Justice Department",
                      "Obama administration", "Trump administration"],
    "United Nations": ["United Nations", "U.N.", "UN", "Security Council", "Secretary-General"],
    "Japan": ["Japan", "Japanese", "Tokyo"],
    "Russia": ["Russia", "Russian", "Russians", "Moscow", "Kremlin"],
    "United Kingdom": ["Britain", "British", "United Kingdom", "U.K.", "London", "Downing Street"],
    "France": ["France", "French", "Paris", "Elysee"],
    "Germany": ["Germany", "German", "Berlin"],
    "Iran": ["Iran", "Iranian", "Tehran"],
    "Israel": ["Israel", "Israeli", "Jerusalem"],
    "Syria": ["Syria", "Syrian", "Damascus"],
    "Mexico": ["Mexico", "Mexican"],
    "European Union": ["European Union", "EU", "E.U.", "Brussels", "European Commission"],
}


@lru_cache(maxsize=1)
def _fallback_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = {alias.lower(): key for key, aliases in _FALLBACK_PLACES.items() for alias in aliases}
    alt = "|".join(re.escape(a) for a in sorted(lookup, key=len, reverse=True))
    return re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w])", re.IGNORECASE), lookup


@lru_cache(maxsize=1)
def _gazetteer():
    """The shared gazetteer (``analysis.gazetteer``) when present, else None."""
    try:
        from .gazetteer import default_gazetteer  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return default_gazetteer()
    except Exception:  # pragma: no cover - a broken gazetteer must not break quote extraction
        return None


@lru_cache(maxsize=4096)
def country_of(phrase: str) -> str | None:
    """Canonical key of the first country or international organisation named in ``phrase``.

    >>> country_of("a political science professor at Seoul's Sungkyunkwan University")
    'South Korea'
    """
    gaz = _gazetteer()
    if gaz is not None:
        try:
            found = gaz.country_of(phrase)
        except Exception:  # pragma: no cover
            found = None
        if found:
            return found
    pattern, lookup = _fallback_pattern()
    for m in pattern.finditer(phrase):
        text = m.group()
        if text in ("US", "UN", "EU") or text.lower() not in ("us", "un", "eu"):
            return lookup[text.lower()]
    return None


@lru_cache(maxsize=8192)
def place_of(phrase: str) -> str | None:
    """The government a phrase *is* (a country, capital, institution: "Seoul", "the U.N."), not a leader's name.

    >>> place_of("Pyongyang"), place_of("Kim Jong Un")
    ('North Korea', None)
    """
    gaz = _gazetteer()
    if gaz is None:
        return country_of(phrase)
    try:
        mentions = gaz.find_mentions(phrase)
    except Exception:  # pragma: no cover
        return None
    for m in mentions:
        if m.kind != "leader" and m.kind != "demonym":
            return m.government
    return None


# --------------------------------------------------------------------------------------------- quotes


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages, quotation marks included; never across a paragraph break.

    A quote left open at the end of a paragraph is closed there (the next paragraph may reopen it, the news
    convention for long quotes); a stray mark with no partner is closed at the end of its sentence.

    >>> quote_spans('He said "yes" and «no».')
    [(8, 13), (18, 22)]
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.span()
        open_at = -1
        for m in _DQ.finditer(text, p0, p1):
            i, i_end = m.span()
            ch = m.group()
            prev = text[i - 1] if i > p0 else " "
            nxt = text[i_end] if i_end < n else " "
            if ch in _QUOTE_OPEN:
                is_open = True
            elif ch in _QUOTE_CLOSE:
                is_open = False
            else:
                next_boundary = nxt.isspace() or nxt in ".,;:!?)—–" or i_end >= p1
                prev_boundary = prev.isspace() or prev in "([{—–-/:" or i == p0
                if open_at >= 0:
                    is_open = prev_boundary and not next_boundary  # a new quote opens only if it looks so
                else:
                    is_open = not (next_boundary and not prev_boundary)
            if is_open:
                if open_at >= 0:
                    # nested or unclosed quote: end the previous one before this mark
                    end = _rstrip(text, open_at, i)
                    if end > open_at + 1:
                        spans.append((open_at, end))
                open_at = i
            elif open_at >= 0:
                spans.append((open_at, i_end))
                open_at = -1
        if open_at >= 0:
            nxt_para = text[p1:].lstrip()
            if nxt_para.startswith(_QMARKS):
                end = _rstrip(text, open_at, p1)
            else:
                stop = _SENTENCE_END.search(text, open_at + 1, p1)
                end = stop.end() if stop else p1
            spans.append((open_at, end))
    return spans


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])")


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --------------------------------------------------------------------------------------------- extraction


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    appositive: str = ""
    context: str = ""
    clause: bool = False  # the words before the cue form a clause, not a source ("It's worth noting that")
    refers_to: _Mention | None = None  # the antecedent of a relative pronoun ("Sanders, who said")


def _merge_fragments(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that starts in lower case to the one before it ('"I'm honored!" | she said.')."""
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        after_quote = bool(out) and text[:out[-1][1]].rstrip().endswith(_QMARKS) and \
            _DQ.search(text, a, b) is None and _ALPHA.search(text, a, min(b, a + 40)) is not None
        if out and (text[a:a + 1].islower() or after_quote) and "\n\n" not in text[out[-1][1]:a] and \
                (text[a:a + 1].islower() and "\n" not in text[out[-1][1]:a] or after_quote):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _excluded_lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if len(line) < 200 and _NOT_SOURCE_LINE.match(line):
            out.append(m.span())
    return out


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """Is position ``i`` inside one of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _subject_before(text: str, clause_start: int, cue_start: int) -> _Mention | None:
    """The source noun phrase ending just before a cue (skipping adverbs), with its appositive."""
    toks = _tokens(text, clause_start, cue_start)
    # skip adverbs and auxiliaries between subject and verb
    while toks and toks[-1][2].lower() in _ADVERBS:
        toks.pop()
    if not toks:
        return None
    last = toks[-1]
    stem = re.match(r"(he|she|they|we|i|it|you|who)['’](?:s|ve|d)$", last[2], re.IGNORECASE)
    if stem:  # "he's said", "they've argued": the pronoun is the source
        toks[-1] = (last[0], last[0] + len(stem.group(1)), stem.group(1))
        if stem.group(1).lower() == "who":
            toks = toks[-1:]
    appositive = ""
    if toks[-1][2] == ",":
        # "X, a professor at Y, said" / "An official, speaking on condition of anonymity, played down"
        commas = [k for k, t in enumerate(toks) if t[2] == ","]
        if len(commas) < 2:
            return None
        app_from = commas[-2] + 1
        appositive = text[toks[app_from][0]:toks[-1][0]] if app_from < len(toks) - 1 else ""
        head = toks[: commas[-2]]
        if appositive.lower().startswith(("who", "which")):
            appositive = appositive
        toks = head
        if not toks:
            return None
    for k, t in enumerate(toks):
        if k > 0 and t[2].lower() in ("who", "which", "whose") and _ANON_PHRASE.search(text, t[0], toks[-1][1]):
            # "A diplomat who asked not to be named said": the head, with the relative clause as appositive
            appositive = (text[t[0]:toks[-1][1]] + " " + appositive).strip()
            toks = toks[:k]
            break
    # cut at the last clause boundary
    cut = 0
    depth = 0
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][2]
        wl = w.lower()
        if w == ")":
            depth += 1
            continue
        if w == "(" and depth:
            depth -= 1
            continue
        if depth:
            continue  # inside "(R-Ky.)"
        if w in ",;:()—–-" or w in _QMARKS or wl in _CLAUSE_WORDS or (w in _CUE_WORDS):
            cut = k + 1
            break
    toks = toks[cut:]
    if wl_in(toks, {"who", "which"}):
        # "Sanders, who had said ...": the mention is "who", the source the noun phrase before it
        rel = toks[0]
        comma = text.rfind(",", clause_start, rel[0])
        if len(toks) > 3 or comma == -1 or text[comma:rel[0]].strip() != ",":
            return None
        antecedent = _subject_before(text, clause_start, comma)
        if antecedent is None or antecedent.clause:
            return None
        return _Mention(rel[0], rel[1], rel[2], antecedent.appositive, refers_to=antecedent)
    if not toks or len(toks) > 12:
        return None
    clause = any(t[2].lower() in _CLAUSE_VERBS for t in toks)  # "It's worth noting": a clause, not a source
    first = toks[0][2]
    if not (first[:1].isupper() or first.lower() in _PRONOUNS or first[:1].isdigit()
            or (first.isalpha() and first.lower() not in _NOT_NP_START and not first.endswith("ly")
                and _NP_TAIL.search(toks[-1][2]))):
        return None
    if first.lower() in ("the", "a", "an") and len(toks) == 1:
        return None
    s, e = toks[0][0], toks[-1][1]
    return _Mention(s, e, text[s:e], appositive, clause=clause)


def wl_in(toks, words) -> bool:
    return any(t[2].lower() in words for t in toks[:1])


def _sentence_subject(text: str, s0: int, limit: int) -> _Mention | None:
    """The proper-name subject at the start of a sentence ("Clinton celebrated ..., and said ...")."""
    toks = _tokens(text, s0, limit)
    head = []
    for t in toks:
        if t[2][:1].isupper() or (head and t[2] in ("'s", "’s", "of")):
            head.append(t)
        else:
            break
    while head and not head[-1][2][:1].isupper():
        head.pop()
    if not head or len(head) > 6 or head[0][2].lower() in _NOT_NP_START:
        return None
    return _Mention(head[0][0], head[-1][1], text[head[0][0]:head[-1][1]])


def _subject_after(text: str, cue_end: int, limit: int) -> _Mention | None:
    """The source after a cue in inverted order ('"...," said Kim, a professor at Y.')."""
    toks = _tokens(text, cue_end, limit)
    head = []
    for t in toks:
        if t[2] in ",.;:!?" or t[2] in _QMARKS or t[2].lower() in ("in", "on", "at", "during", "adding",
                                                                       "who", "after", "before", "when"):
            break
        head.append(t)
    if not head or len(head) > 8:
        return None
    first = head[0][2]
    if not (first[:1].isupper() or first.lower() in ("the", "a", "an", "his", "her", "its", "their") or (
            first.lower() not in _NOT_NP_START and any(t[2][:1].isupper() for t in head))):
        return None
    s, e = head[0][0], head[-1][1]
    appositive = ""
    rest = text[e:limit]
    m = re.match(r"\s*,\s*([^\"“”]+?)\s*[.!?]?\s*$", rest)
    if m and len(m.group(1)) < 150:
        appositive = m.group(1)
    return _Mention(s, e, text[s:e], appositive)


def _strip_final(text: str, start: int, end: int) -> int:
    """Drop a final period / comma / space of a paraphrase (not a closing quotation mark)."""
    end = _rstrip(text, start, end)
    while end > start and text[end - 1] in ".,;:!?—–- ":
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ":,—–-"):
        start += 1
    return start


def _kind(content: str) -> str:
    marks = _DQ.findall(content)
    if not marks:
        return "indirect"
    s = content.strip()
    if s.startswith(_QMARKS) and s.endswith(_QMARKS):
        return "direct"
    return "mixed"


@dataclass
class _Raw:
    start: int
    end: int
    cue_start: int
    cue_end: int
    subject: _Mention | None
    sentence_start: int


def _sentence_attributions(text: str, s0: int, s1: int, quotes: list[tuple[int, int]],
                           qspans_all: list[tuple[int, int]], cue_candidates: list[_Cue]) -> list[_Raw]:
    out: list[_Raw] = []
    cues = []
    for m in cue_candidates:
        if _inside(qspans_all, m.start):
            continue
        word = m.group()
        low = word.lower()
        if word[:1].isupper() and m.start > s0 and not low.startswith("according"):
            continue  # capitalised mid-sentence: a name or title ("State Department"), not a verb
        if low in _NOUNLIKE and re.match(r"\s*[,.;:)]", text[m.end:m.end + 3]) and not \
                re.search(r"\b(?:he|she|it|they|we|I)\s+$", text[max(s0, m.start - 6):m.start]):
            continue
        if m.kind == "verb" and _NOUN_BEFORE.search(text, max(s0, m.start - 30), m.start):
            continue  # "organizations' estimates", "the reports": a noun, not a verb
        if low in _THOUGHT_FORMS and not _CLAUSE_START.match(text, m.end):
            continue
        if _ANON_PHRASE.match(text, m.start - 0) or _ANON_PHRASE.match(text, max(s0, m.start - 4)) or \
                re.match(r"(?:asked|requested|declined|authori[sz]ed)\s+(?:not\s+)?to\s+be\s+(?:named|identified)",
                         text[m.start:m.start + 40]):
            continue  # "who asked not to be named": part of the source, not a cue
        cues.append(m)
    prev_subject: _Mention | None = None
    for k, m in enumerate(cues):
        c0, c1 = m.span()
        nxt_cue = cues[k + 1].start if k + 1 < len(cues) else s1
        low = m.group().lower()
        if low.startswith("according"):
            raw = _according(text, s0, s1, c0, c1, quotes)
            if raw:
                out.append(raw)
            continue
        # clause start for the subject: the sentence start, or the end of the last quote before the cue
        clause_start = s0
        quote_before = None
        for q in quotes:
            if q[1] <= c0 and q[1] > clause_start:
                clause_start = q[1]
                quote_before = q
        before = text[clause_start:c0]
        stripped = before.rstrip()
        subject = None
        inverted = False
        # inverted order: '"...," said Kim, a professor.' / '..., said the report.'
        if low in _INVERSION_CUES and (
            (quote_before is not None and stripped in ("", ",")) or stripped.endswith(_QMARKS)
        ):
            subject = _subject_after(text, c1, s1)
            inverted = subject is not None
        elif low in ("said", "says", "added", "wrote", "writes") and stripped.endswith(","):
            # "..., said the company's chief executive, John J. Ferriola."
            before_subject = _subject_before(text, clause_start, c0)
            cand = _subject_after(text, c1, s1)
            if (before_subject is None or before_subject.clause) and cand is not None and \
                    len(_WORD_RE.findall(stripped)) >= 6 and \
                    not any(w.lower() in _CLAUSE_VERBS for w in cand.text.split()) and \
                    re.fullmatch(r"\s*(?:,[^\"“”]*)?[.!?]?\s*", text[cand.end:s1]):
                subject, inverted = cand, True
        if subject is None:
            subject = _subject_before(text, clause_start, c0)
            if subject is not None and m.kind != "multi" and not _plausible_subject(text, subject, low):
                subject = None
            conj = re.search(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$", text[s0:c0])
            if subject is None and conj:
                subject = prev_subject or _sentence_subject(text, s0, c0)
            elif subject is None and prev_subject is not None and low.endswith("ing") and \
                    text[s0:c0].rstrip().endswith(","):
                subject = prev_subject  # "..., he said, adding that ..."
        if subject is None:
            continue
        if subject.clause and not re.match(r"\s+that\b", text[c1:c1 + 6]):
            continue
        prev_subject = subject
        head_end = subject.end if inverted else c1
        tail = text[max(head_end, c1):s1]
        lead_end = c0 if inverted else subject.start
        lead = text[s0:lead_end]
        has_lead = len(_WORD_RE.findall(lead)) >= (1 if quote_before is not None else 2) and lead.rstrip().endswith((",", *_QMARKS, "—", "–"))
        tail_is_trailer = bool(_TRAIL_AFTER.match(_strip_appositive(tail)))
        split_quote = [q for q in quotes if q[0] >= c1 and re.fullmatch(r"[^\"“”«».;]*?,\s*",
                                                                          text[max(c1, head_end):q[0]])]
        quoted_lead = quote_before is not None and (quote_before[1] - max(s0, quote_before[0])) >= 0.6 * len(lead)
        if has_lead and (inverted or tail_is_trailer or quoted_lead or quote_before is not None and
                         (split_quote or re.match(r"\s*(?:,|\.|$)", tail))):
            start = s0
            if quote_before is not None:
                start = min(start, quote_before[0])
            for q in quotes:
                if q[0] < s0 < q[1]:
                    start = min(start, q[0])
            start = _lstrip(text, start, lead_end)
            end = _end_before_attribution(text, start, lead_end)
            if split_quote:
                end = split_quote[0][1]
            if len(_WORD_RE.findall(text[start:end])) < (1 if _DQ.search(text, start, end) else 2):
                continue
            out.append(_Raw(start, end, c0, c1, subject, s0))
            continue
        if inverted:
            continue
        start = c1
        if m.kind != "call" and not low.startswith(("put", "play", "call")):
            w = _THAT_WINDOW.match(text, c1, nxt_cue)
            if w:
                j = w.end() - 1
                if text[j] in _QUOTE_ANY or text[j - 1:j + 1] == "''":
                    start = j - 1 if text[j - 1:j + 1] == "''" else j
                else:
                    last = w.group().split()[-1]
                    start = text.rfind(last, c1, w.end())
        if low.startswith("put"):
            start = text.lower().find("the", c0, c1)
        start = _lstrip(text, start, s1)
        end = s1
        # stop before the next coordinated cue ("..., but said ...")
        if nxt_cue < s1:
            conj = re.search(r"(?:,\s*(?:and|but)?|\b(?:and|but))\s+(?:(?:also|then|later)\s+)?$",
                             text[start:nxt_cue])
            if conj:
                end = start + conj.start()
        # stop before ", according to" or a postposed ", he said"
        acc = re.search(r",\s+(?:according\s+to|(?:he|she|they|it)\s+(?:said|added|says))\b", text[start:end])
        if acc:
            end = start + acc.start()
        # extend to the end of a quote that starts in the content and continues past the sentence
        for q0, q1 in quotes:
            if start <= q0 < end and q1 > end:
                end = q1
        if _DQ.search(text, start, end) is None:
            end = _strip_final(text, start, end)
        else:
            end = _rstrip(text, start, end)
            if text[end - 1:end] == ".":
                end = _rstrip(text, start, end - 1)
        if len(_WORD_RE.findall(text[start:end])) < 2:
            continue
        if _TRAIL_AFTER.match(text[start:end] + "."):
            continue
        out.append(_Raw(start, end, c0, c1, None if subject.clause else subject, s0))
    # a belief inside a paraphrase attributed with "according to" is the source's claim, not a second voice
    according = [r for r in out if text[r.cue_start:r.cue_end].lower().startswith("according")]
    if according:
        out = [r for r in out if not (text[r.cue_start:r.cue_end].lower() in _THOUGHT_FORMS and any(
            a.start <= r.cue_start < a.end for a in according))]
    return out


_INVERSION_CUES = frozenset(
    """said says added adds wrote writes asked asks explained explains continued continues noted notes recalled
    recalls argued argues insisted insists warned warns declared declares conceded concluded replied replies
    responded remarked observed quipped joked tweeted told tells acknowledged admitted stated countered""".split()
)
_SUBJECT_NOUNS = re.compile(
    r"(?:report|study|survey|poll|website|statement|group|government|ministry|department|agency|committee|"
    r"campaign|official|spokesman|spokeswoman|spokesperson|analysis|data|figures|document|memo|letter|book|"
    r"article|editorial|paper|lawsuit|complaint|court|judge|party|source|aide|adviser|advisor|expert|analyst|"
    r"people|s)$", re.IGNORECASE)
_PAST = re.compile(r"(?:ed|said|told|wrote|found|spoke|put|made|went|gave|thought|knew|saw|took)$", re.IGNORECASE)


def _plausible_subject(text: str, subject: _Mention, cue: str) -> bool:
    """A present-tense cue needs a subject that ends in a name, pronoun or source noun ('polls show')."""
    last = subject.text.split()[-1] if subject.text.split() else ""
    if last.endswith((",",)) or last.lower() == "by":
        return False
    if _PAST.search(cue.split()[0]) or cue.endswith("ing"):
        return True
    return bool(last[:1].isupper() or last.lower() in _PRONOUNS or last.lower() in ("you", "i")
                or _SUBJECT_NOUNS.search(last)
                or (_DET.match(subject.text) and last.isalpha() and not last.endswith(("ed", "ing", "ly"))))


def _strip_appositive(tail: str) -> str:
    """Drop ', a professor at X' / ', adding ...' / 'in a statement' from the material after a cue."""
    return re.sub(r"^\s*,\s*(?:(?:a|an|the|who|which|adding|noting|according)\b|[A-Z])[^\"“”]*$", "", tail)


def _end_before_attribution(text: str, start: int, end: int) -> int:
    """End of the content before a postposed attribution: keep a closing quote mark, drop a comma."""
    end = _rstrip(text, start, end)
    while end > start and text[end - 1] in ",—–-":
        end = _rstrip(text, start, end - 1)
    return end


def _according(text: str, s0: int, s1: int, c0: int, c1: int, quotes) -> _Raw | None:
    toks = _tokens(text, c1, s1)
    head = []
    for t in toks:
        if t[2] in ",.;:!?()" or t[2] in _QMARKS or t[2].lower() in ("who", "which", "that"):
            break
        head.append(t)
    if not head:
        return None
    sp0, sp1 = head[0][0], head[-1][1]
    appositive = ""
    rest = text[sp1:s1]
    lead = text[s0:c0]
    if lead.strip() == "" or lead.strip() in _QMARKS:
        # "According to X, CLAUSE."
        comma = text.find(",", sp1, s1)
        while comma != -1 and _inside(quotes, comma):
            comma = text.find(",", comma + 1, s1)
        if comma == -1:
            return None
        # an appositive: "According to Kim, a professor at Y, CLAUSE"
        second = text.find(",", comma + 1, s1)
        if second != -1 and second - comma < 90 and re.match(r",\s+(?:a|an|the)\s", text[comma:second]):
            appositive = text[comma + 1:second]
            comma = second
        start = _lstrip(text, comma + 1, s1)
        end = s1
        if _DQ.search(text, start, end) is None:
            end = _strip_final(text, start, end)
        else:
            end = _rstrip(text, start, end)
    else:
        m = re.match(r"\s*,\s*([^\"“”]+?)\s*[.!?]?\s*$", rest)
        if m:
            appositive = m.group(1)
        start = s0
        for q0, q1 in quotes:
            if q0 < s0 < q1:
                start = q0
        start = _lstrip(text, start, c0)
        end = _rstrip(text, start, c0)
        while end > start and text[end - 1] in ",—–-(":
            end = _rstrip(text, start, end - 1)
    if len(_WORD_RE.findall(text[start:end])) < 2:
        return None
    return _Raw(start, end, c0, c1, _Mention(sp0, sp1, text[sp0:sp1], appositive), s0)


# --------------------------------------------------------------------------------------------- speakers

_DET = re.compile(r"^(?:the|a|an|its|their|his|her|this|that|these|those)\s+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _person_name(raw: str) -> str | None:
    name = _canonical(raw)
    if len(name.split()) >= 2 and not place_of(name) and not _TYPE_WORDS[5][1].search(name) and \
            not _TYPE_WORDS[4][1].search(name):
        return name
    return None


@lru_cache(maxsize=8192)
def _classify(mention: str, appositive: str, anonymous: bool) -> str:
    if anonymous:
        return "anonymous"
    full = f"{mention} {appositive}"
    m_low = mention.lower()
    if m_low in _PRONOUNS or m_low in ("him", "her"):
        return "person"
    # the head noun of the mention decides first, then the appositive's head, then the whole appositive
    app_head = re.split(r"\s(?:of|at|for|who|with|in|from|on|and|which|whose)\s", appositive, maxsplit=1)[0]
    for phrase in (mention, app_head, appositive):
        if not phrase:
            continue
        for label, pattern in _TYPE_WORDS:
            if label == "organization" and phrase is not mention:
                continue
            if pattern.search(phrase):
                if label == "media" and re.search(r"\b(?:government|state)-(?:run|owned|controlled)\b", full,
                                                  re.IGNORECASE):
                    return "media"
                return label
    place = place_of(mention)
    if place and len(_DET.sub("", mention).split()) <= 3 and not re.search(r"['’]s\b", mention):
        return "government"  # "North Korea calls ...", "China fears ..."
    if _NAME.search(mention) or re.fullmatch(r"(?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+(?:-[A-Za-z]+)?", mention):
        return "person"  # "Kim Sung-joo", "Lee", "Mr. Autor"
    if place:
        return "government"
    return "unknown"


_TITLE_WORD = re.compile(
    r"\b(?:President|Vice\s+President|Minister|Secretary(?:-General)?|Senator|Sen\.|Rep\.|Gov\.|Governor|"
    r"Ambassador|Mayor|Chairman|Chairwoman|Chancellor|Premier|Leader|Spokesman|Spokeswoman|Dr\.|Prof\.|"
    r"Professor|Mr\.|Mrs\.|Ms\.|Gen\.|General|Adm\.|Judge|Justice|Speaker|Rev\.|Pope|King|Queen|Director|"
    r"Chief|CEO|Adviser|Advisor|Attorney|Commissioner|Lt\.|Col\.|Sgt\.|Capt\.|Sens\.|Reps\.|candidate|nominee|"
    r"President-elect|Representative|Congressman|Congresswoman|Councilman|Councilwoman|Assemblyman|Delegate|"
    r"of\s+State|of\s+Defense|Envoy|envoy|minister|president|senator|spokesman|spokeswoman|director|chairman)"
    r"(?=\s+[A-Z])")
_PERSON_TAIL = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def _canonical(mention: str) -> str:
    """The name without titles: "South Korean Foreign Minister Kim Sung-hwan" -> "Kim Sung-hwan"."""
    m = re.sub(r"\s+", " ", mention.strip())
    last = None
    for t in _TITLE_WORD.finditer(m):
        last = t
    if last is not None:
        rest = m[last.end():].strip()
        if _PERSON_TAIL.fullmatch(rest):
            m = rest
    m = _TITLES.sub("", m) if last is None else m
    m = m.strip(" ,'’")
    if m.endswith(".") and not re.search(r"\b[A-Z]\.$", m):
        m = m[:-1]
    return m or mention


def _is_unnamed(mention: str) -> bool:
    """A mention with no proper name: 'an official at Seoul's Foreign Ministry', 'sources', 'two aides'."""
    if not _UNNAMED_HEAD.search(mention):
        return False
    head = _DET.sub("", mention)
    if re.match(r"^(?:[A-Z][a-z]+\s+){1,3}(?:said|says)?$", head):
        return False
    names = [w for w in re.findall(r"\b[A-Z][a-z]+\b", mention) if w not in ("An", "A", "The", "Some", "Two",
                                                                             "Three", "Several", "Many")]
    for w in names:
        if _UNNAMED_HEAD.fullmatch(w) or _TYPE_WORDS[4][1].fullmatch(w):
            continue
        if country_of(w) is None and not re.match(
                r"(?:Ministry|Department|House|Foreign|Defense|State|Justice|Unification|Office|Agency|"
                r"Council|Party|Campaign|Committee|Senate|Congress|Administration|Government|Republican|"
                r"Democratic|Democrat|Trump|Clinton|Obama)", w):
            return False
    return True


class _Resolver:
    """Resolves pronouns, surnames and definite descriptions to the sources named earlier in the text."""

    def __init__(self, text: str, excluded: list[tuple[int, int]]):
        self.text = text
        self.excluded = excluded
        self._names: list[tuple[int, str]] | None = None
        self.speakers: list[tuple[str, str, str | None]] = []  # (canonical, type, affiliation)

    @property
    def names(self) -> list[tuple[int, str]]:
        """Full person names in the text with their positions (bylines excluded); computed on first use."""
        if self._names is None:
            self._names = []
            for m in _NAME.finditer(self.text):
                if _inside(self.excluded, m.start()):
                    continue
                name = _person_name(m.group())
                if name:
                    self._names.append((m.start(), name))
        return self._names

    def resolve(self, mention: _Mention) -> tuple[str | None, str | None, str | None]:
        """(canonical speaker, type if inherited, affiliation if inherited)."""
        if mention.refers_to is not None:
            return self.resolve(mention.refers_to)
        raw = mention.text.strip()
        low = raw.lower()
        if low in _PRONOUNS:
            if low in ("he", "she", "him", "her", "i"):
                for canon, typ, aff in reversed(self.speakers):
                    if typ in ("person", "expert", "government") and len(canon.split()) >= 2 and \
                            _NAME.fullmatch(canon):
                        last_name_pos = self._last_name_before(mention.start)
                        if last_name_pos and last_name_pos[1] != canon and \
                                self._pos_of(canon) < last_name_pos[0]:
                            return last_name_pos[1], None, None
                        return canon, typ, aff
                found = self._last_name_before(mention.start)
                return (found[1], None, None) if found else (None, None, None)
            if low in ("it", "they", "we"):
                for canon, typ, aff in reversed(self.speakers):
                    if typ != "person":
                        return canon, typ, aff
                return None, None, None
        canon = _canonical(raw)
        words = canon.split()
        if len(words) == 1 and words[0][:1].isupper():
            # a surname or given name: the most recent full name containing it
            best = None
            for pos, name in self.names:
                if pos >= mention.start:
                    break
                if words[0] in name.split():
                    best = name
            if best:
                return best, None, None
        if re.match(r"^(?:the|this|that)\s", raw, re.IGNORECASE):
            head = words[-1].lower() if words else ""
            for prev, typ, aff in reversed(self.speakers):
                if prev.lower().split()[-1:] == [head] and len(prev) > len(canon) - 4:
                    if all(w.lower() in prev.lower() for w in words[1:-1]) or len(words) <= 2:
                        return prev, typ, aff
        if canon[:1].islower() or _DET.match(raw):
            canon = _DET.sub("", canon)
        return canon, None, None

    def _pos_of(self, canon: str) -> int:
        for pos, name in self.names:
            if name == canon:
                return pos
        return -1

    def _last_name_before(self, pos: int) -> tuple[int, str] | None:
        best = None
        for p, name in self.names:
            if p >= pos:
                break
            best = (p, name)
        return best


def extract_quotes(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Every attribution in ``text`` with content, cue, speaker, type, affiliation and anonymity.

    ``sentences`` (optional) are precomputed ``(start, end)`` sentence spans of ``text`` (as
    :func:`analysis.nlp.sentence_spans` returns them); by default they are computed here.

    >>> q = extract_quotes("Prices will rise, according to Seoul's Unification Ministry.")[0]
    >>> (q.text, q.kind, q.cue, q.speaker, q.speaker_type, q.affiliation)
    ('Prices will rise', 'indirect', 'according to', "Seoul's Unification Ministry", 'government', 'South Korea')
    """
    if not isinstance(text, str):
        raise ArgumentError(f"extract_quotes(text): expected a str, got {type(text).__name__}")
    if not text.strip():
        return []
    excluded = _excluded_lines(text)
    qspans = quote_spans(text)
    if sentences is None:
        sentences = sentence_spans(text)
    sentences = _merge_fragments(text, [(a, b) for a, b in sentences if not _inside(excluded, a)])
    raws: list[_Raw] = []
    all_cues = _find_cues(text)
    q_starts = [a for a, _ in qspans]
    cue_starts = [c.start for c in all_cues]
    for s0, s1 in sentences:
        i0 = bisect.bisect_left(cue_starts, s0)
        i1 = bisect.bisect_left(cue_starts, s1)
        if i0 == i1:
            continue
        k = max(0, bisect.bisect_right(q_starts, s0) - 1)
        quotes = []
        while k < len(qspans) and qspans[k][0] < s1:
            if qspans[k][1] > s0:
                quotes.append(qspans[k])
            k += 1
        raws.extend(_sentence_attributions(text, s0, s1, quotes, qspans, all_cues[i0:i1]))
    raws = _dedupe(raws)
    raws = _continue_quotes(text, raws, qspans, sentences)
    resolver = _Resolver(text, excluded)
    anon_at = [m.start() for m in _ANON_PHRASE.finditer(text)] if raws else []
    paragraph_starts = sorted({0, *(m.end() for m in re.finditer(r"\n\s*", text))})
    out = []
    n = max(1, len(text))
    for r in raws:
        subj = r.subject
        speaker = aff = None
        s_start = s_end = None
        typ = "unknown"
        anon = False
        mention_text = None
        if subj is not None:
            s_start, s_end, mention_text = subj.start, subj.end, subj.text
            context = text[subj.start:r.cue_start] + " " + subj.appositive
            anon_phrase = bool(_ANON_PHRASE.search(context)) or any(
                r.sentence_start <= a < max(r.end, r.cue_end) for a in anon_at)
            speaker, inh_type, inh_aff = resolver.resolve(subj)
            unnamed = _is_unnamed(subj.text)
            anon = (unnamed and (anon_phrase or subj.text.lower().split()[0] in ("sources", "a", "an", "one",
                                                                                 "two", "three", "several",
                                                                                 "some", "officials")))
            anon = anon or (anon_phrase and unnamed)
            if inh_type is not None and subj.text.lower() in _PRONOUNS:
                typ, aff = inh_type, inh_aff
            else:
                typ = _classify(subj.text, subj.appositive, anon)
                if typ == "person" and subj.text.lower() in _PRONOUNS and speaker:
                    typ = _previous_type(resolver, speaker) or "person"
                aff = country_of(f"{subj.text}, {subj.appositive}") if typ != "person" or subj.appositive \
                    else country_of(subj.appositive) if subj.appositive else None
                if speaker and speaker != subj.text and typ in ("person", "unknown"):
                    typ = _previous_type(resolver, speaker) or typ
                if aff is None and speaker and speaker != subj.text:
                    aff = _previous_aff(resolver, speaker)
                if aff is None and re.match(r"(?:its|their)\b", subj.text, re.IGNORECASE) and resolver.speakers:
                    aff = resolver.speakers[-1][2]
                if aff is None and typ == "person" and subj.text.lower() not in _PRONOUNS:
                    aff = None
                if typ == "person" and _is_government_title(subj.text + " " + subj.appositive):
                    typ = "government"
            if re.match(r"(?:its|their)\s", subj.text, re.IGNORECASE) and resolver.speakers and speaker:
                owner = resolver.speakers[-1][0]
                speaker = f"{owner}'s {_DET.sub('', subj.text)}"
            if speaker:
                resolver.speakers.append((speaker, typ, aff))
        content = text[r.start:r.end]
        para = _bisect_count(paragraph_starts, r.start)
        out.append(Quote(
            text=content, start=r.start, end=r.end, kind=_kind(content),
            cue=text[r.cue_start:r.cue_end], cue_start=r.cue_start, cue_end=r.cue_end,
            speaker=speaker, speaker_start=s_start, speaker_end=s_end, speaker_type=typ, affiliation=aff,
            anonymous=anon, mention=mention_text, paragraph=para, position=r.start / n,
        ))
    return out


def _is_government_title(phrase: str) -> bool:
    return bool(re.search(
        r"\b(?:President|Minister|Secretary|Ambassador|Sen\.|Senator|Rep\.|Gov\.|Governor|Mayor|Chancellor|"
        r"Premier|spokesman|spokeswoman|official)\b", phrase))


def _previous_type(resolver: _Resolver, speaker: str) -> str | None:
    for canon, typ, _aff in reversed(resolver.speakers):
        if canon == speaker:
            return typ
    return None


def _previous_aff(resolver: _Resolver, speaker: str) -> str | None:
    for canon, _typ, aff in reversed(resolver.speakers):
        if canon == speaker:
            return aff
    return None


def _bisect_count(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """Drop attributions whose content and cue repeat another's."""
    seen = set()
    out = []
    for r in sorted(raws, key=lambda r: (r.start, r.cue_start)):
        key = (r.start, r.end)
        if key in seen or r.end <= r.start:
            continue
        seen.add(key)
        out.append(r)
    return out


def _continue_quotes(text: str, raws: list[_Raw], qspans: list[tuple[int, int]],
                     sentences: list[tuple[int, int]]) -> list[_Raw]:
    """Extend a direct quote over the full-sentence quotes that follow it with no cue of their own."""
    if not raws:
        return raws
    used = [(r.start, r.end) for r in raws]
    for q0, q1 in qspans:
        if any(a <= q0 < b or q0 <= a < q1 for a, b in used):
            continue
        # a free-standing quote: it fills (most of) its sentence(s)
        sent_len = sum(min(b, q1) - max(a, q0) for a, b in sentences if a < q1 and b > q0)
        covering = [(a, b) for a, b in sentences if a < q1 and b > q0]
        if not covering:
            continue
        span_len = covering[-1][1] - covering[0][0]
        if (q1 - q0) < 0.7 * span_len or sent_len <= 0:
            continue
        # the latest attribution before it, if it is a quote and close enough
        prev = None
        for r in raws:
            if r.end <= q0:
                prev = r
        if prev is None or _DQ.search(text, prev.start, prev.end) is None:
            continue
        gap_start = prev.end
        for a, b in sentences:
            if a <= prev.cue_start < b:
                gap_start = max(gap_start, b)
        gap = text[gap_start:q0] if gap_start <= q0 else ""
        if len(gap) > 400 or gap.count("\n\n") > 1 or (len(_WORD_RE.findall(gap)) > 12):
            continue
        prev.end = q1
        used.append((q0, q1))
    return raws


# --------------------------------------------------------------------------------------------- views


def quotes_for_article(article) -> list[Quote]:
    """Attributions of an :class:`~analysis.article.Article` (offsets into ``article.text``)."""
    text = getattr(article, "text", None)
    if not isinstance(text, str):
        raise ArgumentError("quotes_for_article(article): expected an Article with a .text string")
    spans = None
    if hasattr(article, "sentences"):
        spans = [(s.start, s.end) for s in article.sentences]
    return extract_quotes(text, spans)


def quote_table(quotes: list[Quote]):
    """One row per attribution (all :class:`Quote` fields plus ``words``).

    >>> quote_table(extract_quotes('"Yes," he said.')).columns[:3].tolist()
    ['text', 'start', 'end']
    """
    import pandas as pd

    rows = []
    for q in quotes:
        row = asdict(q)
        row["words"] = q.words
        rows.append(row)
    columns = list(Quote.__dataclass_fields__) + ["words"]
    return pd.DataFrame(rows, columns=columns)


def source_summary(quotes: list[Quote]):
    """One row per source: mentions, words quoted, type, affiliation, anonymous, first position (0..1).

    Sources are the resolved speakers; attributions with no resolved speaker are grouped as "(unresolved)".
    Sorted by words quoted, then mentions.
    """
    import pandas as pd

    table = quote_table(quotes)
    columns = ["speaker", "mentions", "words_quoted", "direct", "speaker_type", "affiliation", "anonymous",
               "first_position"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["speaker"] = table["speaker"].fillna("(unresolved)")
    table["is_direct"] = table["kind"] != "indirect"
    grouped = table.groupby("speaker", sort=False)
    summary = pd.DataFrame({
        "mentions": grouped.size(),
        "words_quoted": grouped["words"].sum(),
        "direct": grouped["is_direct"].sum(),
        "speaker_type": grouped["speaker_type"].agg(lambda s: s.mode().iloc[0]),
        "affiliation": grouped["affiliation"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None),
        "anonymous": grouped["anonymous"].any(),
        "first_position": grouped["position"].min(),
    }).reset_index()
    return summary.sort_values(["words_quoted", "mentions"], ascending=False, ignore_index=True)[columns]
