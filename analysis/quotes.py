"""Quoted-source attribution: who is quoted or paraphrased, by whom, with which verb, and on whose behalf.

Rule-based and fast (compiled regular expressions, no tagger). For each sentence the extractor finds the
quotation marks and the reporting cues outside them ("said", "according to", "played down"), the source
before or after the cue, and the reported content, then resolves pronouns, surnames and definite
descriptions ("the report") back to the full source named earlier in the article.

>>> quotes = extract_quotes('"We will win," Kim Sung-joo said. He added that it would take time.')
>>> [(q.kind, q.cue, q.speaker) for q in quotes]
[('direct', 'said', 'Kim Sung-joo'), ('indirect', 'added', 'Kim Sung-joo')]

Conventions (those of the PolNeAR attribution corpus): the content of a direct quote includes its quotation
marks; a paraphrase's content starts at "that" when there is one; a quote split around its cue
(``"A," he said, "B."``) is one attribution whose span covers both parts; full-sentence quotes that follow
an attributed quote without a cue of their own continue it. Bylines, datelines and "Follow X on Twitter" lines
are never sources.

Beyond verbs of saying, the extractor covers what PolNeAR annotates as attribution, each tagged with
``Quote.verb_class``: "speech" (said, according to, "In a CBS poll, ..."), "thought" (believes, sees X as,
questions about, "is widely seen as"), "intention" (wants, plans to, sought), "stance" (supports, opposes,
in favor of), "inference" (seems, appears to, is expected to: no source, the content is the whole clause) and
"other" (any "<word> that CLAUSE" with a holder found, or a content noun: "his assurances that", "the idea
that"). Headlines ("Rubio: I Still Believe ...", "Sanders Says He ...") are attributions too.

>>> [(q.cue, q.verb_class, q.speaker) for q in extract_quotes("Trump wants to build a wall on the border.")]
[('wants', 'intention', 'Trump')]

Decisions (documented, tested):

- "raised the issue" and other verbs of action with no reported content are not attributions;
- passives ("was accused of", "were charged with") are left out, except verbs of asking, quoting, judging
  and perceiving ("was asked by X whether", "is widely seen as"), whose source is the "by" agent when there
  is one;
- "raised hopes that", "stoked fears that" (an event's effect) and "supported his call for" (a reaction to a
  statement) are not attributions; "Kim is expected to ..." with a named person is reported fact;
- a belief verb inside a paraphrase attributed with "according to" ("China fears that ..., according to Kim")
  is the cited source's claim, so only the "according to" attribution is kept;
- verbs of thinking (think, believe, fear, expect ...) count only when a clause follows them;
- an anonymous source ("an official at Seoul's Foreign Ministry, speaking on condition of anonymity",
  "sources", "a diplomat who asked not to be named") has ``speaker_type == "anonymous"``, ``anonymous=True``
  and the affiliation the text gives it;
- state media keep the type "media" with the state's affiliation ("its government-run website" ->
  North Korea);
- a country, capital or ministry speaking ("Pyongyang said", "North Korea calls") is "government";
- affiliation comes from the speaker phrase and its appositive via :mod:`analysis.gazetteer` (a Seoul
  university professor speaks for South Korea); a person's own name never sets it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from .errors import ArgumentError
from .nlp import sentence_spans

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
    #: what the cue reports: "speech" (said, according to), "thought" (believes, sees ... as), "intention"
    #: (wants to, plans to), "stance" (supports, opposes), "inference" (seems, appears to, is expected to)
    verb_class: str = "speech"

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
recall recalls recalled recalling conclude concludes concluded concluding
predict predicts predicted predicting
admit admits admitted admitting complain complains complained complaining criticize criticizes criticized
criticised criticizing criticising praise praises praised praising blast blasts blasted blasting
dismiss dismisses dismissed dismissing reject rejects rejected rejecting vow vows vowed vowing
pledge pledges pledged pledging promise promises promised promising confirm confirms confirmed confirming
reveal reveals revealed revealing mention mentions mentioned mentioning cite cites cited citing
contend contends contended contending assert asserts asserted asserting
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
express expresses expressed expressing offered posted discuss discusses discussed discussing ordered assured
reminded stating encouraged challenged apologized railed requested proposing disclosed pleaded likened quoted
referenced bemoaned detailing highlighting highlighted reacted proclaimed proclaims scolded
""".split()
#: Verbs of thinking and feeling: cues only when a clause follows ("believes that", "thinks he").
_THOUGHT_FORMS = frozenset(
    """
think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears feared
expect expects expected know knows knew worry worries worried suspect suspects suspected doubt doubts doubted
maintain maintains maintained hoping remember remembers remembered
""".split()
)
_CLAUSE_START = re.compile(
    r"\s+(?:that\b|(?:he|she|it|they|we|I|you|there|this|these|those|the|a|an|his|her|their|its|our|some|many|"
    r"most|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:['’](?:s|re|ve|d|ll|m)\b)?\s+(?!of\b|to\b|and\b|or\b|for\b)[a-z]+)"
)

#: Verbs whose object is the content itself ("calls defectors 'human scum'", "described it as").
_CALL_FORMS = "call calls called calling dub dubs dubbed label labels labeled labelled branded brands".split()

_MULTI_CUES = [
    r"according\s+to",
    r"play(?:s|ed|ing)?\s+down",
    r"point(?:s|ed|ing)?\s+out",
    r"went\s+on\s+to\s+say",
    r"made\s+clear",
    r"call(?:s|ed|ing)?\s+(?:for|on|upon)",
    r"put(?:s|ting)?\s+the\s+(?:number|figure|toll|total|count)",
    r"(?:has|have|had)\s+said",
    r"went\s+on",
    r"talk(?:s|ed|ing)?\s+about",
    r"sp(?:oke|eak|eaks|eaking)\s+(?:about|of)",
    r"refer(?:s|red|ring)?\s+to",
    r"point(?:s|ed|ing)?\s+to",
    r"warn(?:s|ed|ing)?\s+(?:of|against)",
    r"call(?:s|ed|ing)?\s+attention\s+to",
    r"(?:shot|fired|hit)\s+back",
    r"issu(?:e|es|ed|ing)\s+a\s+statement",
]

_CUE_WORDS = (frozenset(_CUE_FORMS) | frozenset(_CALL_FORMS)) - {"states", "state", "report", "reports"}
#: Forms that are also nouns: a cue only when not followed by punctuation ("the report, which ...").
_NOUNLIKE = frozenset(
    """report reports claim claims estimate estimates note notes charge charges question questions remark
    remarks call calls promise promises pledge pledges warning states state show shows mention mentions cite
    vow vows
    threat threats tweet tweets reply replies agree praise blast blasts label labels stress testify dub
    found finds""".split()
)
_SPEECH_SET = frozenset(_CUE_FORMS) | _THOUGHT_FORMS
_CALL_SET = frozenset(_CALL_FORMS)
_MULTI_RE = re.compile(r"(?:" + "|".join(_MULTI_CUES) + r")(?![\w'’-])", re.IGNORECASE)
_MULTI_FIRST = frozenset(
    "according play plays played playing point points pointed pointing went made call calls called calling "
    "put puts putting has have had talk talks talked talking spoke speak speaks speaking refer refers "
    "referred referring warn warns warned warning shot fired hit issue issues issued issuing".split()
)


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
_ALPHA = re.compile(
    r"\b(?:" + _trie_pattern(_CUE_WORDS_ALL + [w.capitalize() for w in _CUE_WORDS_ALL]) + r")\b(?![-'’])"
)


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
    whether than until unless nor yet what how why""".split()
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
_DISCOURSE = frozenset(
    """however meanwhile instead indeed moreover still yet now today yesterday tonight last this next earlier
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: A noun phrase ends in a noun-like word (not a preposition, article, adverb or participle).
_NP_TAIL = re.compile(
    r"^(?![a-z]+(?:ly|ing)$)(?!(?:of|in|on|at|for|with|by|from|to|the|a|an|and|or|but|"
    r"this|that|these|those|his|her|its|their|our|my|your)$)[\w.'’-]+$"
)
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
    (
        "media",
        re.compile(
            r"\b(?:newspaper|news\s+agency|state\s+media|state-run\s+media|media|television|TV|radio|"
            r"broadcaster|channel|magazine|tabloid|daily|website|site|blog|Reuters|AP|Associated\s+Press|KCNA|"
            r"Xinhua|Yonhap|CNN|MSNBC|Fox\s+News|NBC|CBS|ABC|BBC|WSJ|NYT|FT|AFP|NPR|PBS|HuffPo|Politico|Breitbart|Times|Post|Journal|"
            r"Herald|Tribune|Gazette|Bloomberg|Axios|Guardian|Telegraph|Rodong|Huffington|Daily\s+\w+)\b"
        ),
    ),
    (
        "document",
        re.compile(
            r"\b(?:report|reports|statement|study|survey|poll|polls|memo|letter|document|documents|analysis|"
            r"data|book|filing|lawsuit|complaint|ruling|indictment|transcript|records|figures|estimate|estimates|"
            r"census|review|audit|resolution|bill|platform|ad|advertisement|video|post|tweet|email|e-mail|"
            r"release|paper|article|editorial|op-ed|op-ed|research)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "expert",
        re.compile(
            r"\b(?:professor|analyst|analysts|researcher|researchers|expert|experts|scholar|scholars|economist|"
            r"economists|scientist|scientists|historian|strategist|strategists|pollster|pollsters|fellow|"
            r"specialist|lecturer|academic|think\s+tank|observers?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "activist",
        re.compile(
            r"\b(?:activist|activists|rights\s+groups?|human\s+rights|advocacy|advocates?|campaigners?|NGOs?|"
            r"non-governmental|nongovernmental|Amnesty|Human\s+Rights\s+Watch|protesters|groups)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "government",
        re.compile(
            r"\b(?:president|minister|ministry|ministries|department|government|governments|official|officials|"
            r"spokesman|spokeswoman|spokesperson|secretary|ambassador|diplomat|diplomats|embassy|senator|sen\.|"
            r"rep\.|congressman|congresswoman|lawmaker|lawmakers|governor|gov\.|mayor|administration|agency|"
            r"white\s+house|pentagon|state\s+department|kremlin|cabinet|parliament|congress|senate|army|military|"
            r"police|authorities|regime|agency\s+chief|prosecutors?|FBI|CIA|court|judge|U\.N\.|United\s+Nations|"
            r"Security\s+Council|Secretary-General|premier|chancellor|leader|leadership|Pyongyang|Beijing|Seoul|"
            r"Washington|Moscow|Tokyo)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "organization",
        re.compile(
            r"\b(?:Inc|Corp|Company|Co|Party|Committee|Campaign|campaign|Foundation|Institute|University|Council|"
            r"Association|Union|Center|Centre|Group|Bank|Fund|Organization|Organisation|Federation|League|"
            r"Club|Society|company|firm|group|organization|union|party|committee|PAC|coalition|alliance|foundation|"
            r"institute|association|council|center|charity|nonprofit|non-profit|corporation|business)\b"
        ),
    ),
]
_ANON_PHRASE = re.compile(
    r"(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|"
    r"identified)|declined\s+to\s+be\s+(?:named|identified)|was\s+not\s+authori[sz]ed\s+to|"
    r"were\s+not\s+authori[sz]ed\s+to|not\s+authori[sz]ed\s+to\s+(?:speak|talk|discuss)|"
    r"speaking\s+anonymously|on\s+background|who\s+(?:asked|requested)\s+anonymity|granted\s+anonymity)",
    re.IGNORECASE,
)
#: Words one of which every ``_ANON_PHRASE`` match contains (a cheap test before the regex scan).
_ANON_HINTS = ("anonym", "named", "identified", "authori", "background")
_UNNAMED_HEAD = re.compile(
    r"\b(?:official|officials|source|sources|diplomat|diplomats|aide|aides|person|people|insider|insiders|"
    r"adviser|advisers|advisor|advisors|staffer|staffers|officer|officers|member|members|spokesman|"
    r"spokeswoman|spokesperson|executive|executives)\b",
    re.IGNORECASE,
)
_NOT_SOURCE_LINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*(?:,.*)?$|Follow\b.*\bTwitter\b.*$|"
    r"(?:Associated\s+Press|AP|Reuters|AFP)\s*$|(?:Published|Updated|Posted)\s*:.*$|"
    r"[A-Z][A-Z ,.]{2,40}\s*(?:\(\w+\))?\s*[-—–]\s*$|https?://\S+\s*$|"
    r".*\b(?:Copyright|All rights reserved)\b.*$)",
)
_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»"
_QUOTE_ANY = '"“”«»„'
_DQ = re.compile(r"''(?!')|[\"“”«»„]")  # '' is the New York Times' double quotation mark
_QMARKS = tuple(_QUOTE_ANY) + ("''",)
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|(?:Sen|Rep|Reps|Gov|Dr|Mr|Mrs|Ms|Gen|Jr|Sr|St|Lt|Col|Prof|Adm|Sgt|Rev|Lt|Gov)\.(?!\w)"
    r"|''|[^\W_]+(?:[-'’.][^\W_]+)*|[\"“”«»„]|[^\w\s]"
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[a-zA-Z]+)?)+\b")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|these|those|this|new|such|any|no|of|whose)|\w['’]s?)\s+$",
    re.IGNORECASE,
)
_THAT_WINDOW = re.compile(
    r"[^\"“”«».;:]{0,60}?\b(?:that|whether|if|how|why|what)\b|[^\"“”«».;:,]{0,30}?[:,]\s*(?:[\"“«]|'')"
    r"|\s*(?:[\"“«]|'')"
)
_TRAIL_AFTER = re.compile(
    r"^\s*(?:(?:on|last|this|late|early)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight|morning|afternoon|evening|night|week|month|year)\s*)*"
    r"(?:(?:in|on|at|to|during|via|through|from|after|before|following)\s+"
    r"[^,.;\"“”]{0,60})?\s*[.!?]?\s*$"
)


# --------------------------------------------------------------------------------------------- gazetteer

_FALLBACK_PLACES: dict[str, list[str]] = {
    "North Korea": ["North Korea", "North Korean", "North Koreans", "Pyongyang", "DPRK", "KCNA", "Rodong"],
    "South Korea": [
        "South Korea",
        "South Korean",
        "South Koreans",
        "Seoul",
        "Unification Ministry",
        "Yonhap",
        "Sungkyunkwan",
    ],
    "China": ["China", "Chinese", "Beijing", "Xinhua"],
    "United States": [
        "United States",
        "U.S.",
        "US",
        "American",
        "Americans",
        "Washington",
        "State Department",
        "White House",
        "Pentagon",
        "Congress",
        "Senate",
        "FBI",
        "CIA",
        "Justice Department",
        "Obama administration",
        "Trump administration",
    ],
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
    """The government a phrase *is* (a country, capital, institution: "Seoul", "the U.N.").

    A leader's name is not a government.

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
            next_boundary = nxt.isspace() or nxt in ".,;:!?)—–" or i_end >= p1
            prev_boundary = prev.isspace() or prev in "([{—–-/:" or i == p0
            if ch in _QUOTE_OPEN:
                # a typo'd closing mark ('unusual,“ said') closes the open quote
                is_open = not (open_at >= 0 and next_boundary and not prev_boundary)
            elif ch in _QUOTE_CLOSE:
                is_open = open_at < 0 and prev_boundary and not next_boundary
            else:
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
    weak: bool = False  # no usable source phrase, but the cue still reports content
    refers_to: _Mention | None = None  # the antecedent of a relative pronoun ("Sanders, who said")


_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|St|Sgt|Capt|Adm|Rev|Jr|Sr|[A-Z])\.$")


def _merge_fragments(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that starts in lower case to the one before it ('"I'm honored!" | she said.')."""
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        after_quote = (
            bool(out)
            and text[: out[-1][1]].rstrip().endswith(_QMARKS)
            and _DQ.search(text, a, b) is None
            and _ALPHA.search(text, a, min(b, a + 40)) is not None
        )
        if out and _TITLE_END.search(text, out[-1][0], out[-1][1]) and "\n" not in text[out[-1][1] : a]:
            out[-1] = (out[-1][0], b)  # split after "Mr." / "Sen.": one sentence
        elif out and text[a : a + 1] in "!?.,;:)" and "\n" not in text[out[-1][1] : a]:
            out[-1] = (out[-1][0], b)  # '"Go Donald Trump, go!!' | '!," he wrote': split inside the quote
        elif (
            out
            and (text[a : a + 1].islower() or after_quote)
            and "\n\n" not in text[out[-1][1] : a]
            and (text[a : a + 1].islower() and "\n" not in text[out[-1][1] : a] or after_quote)
        ):
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
        appositive = text[toks[app_from][0] : toks[-1][0]] if app_from < len(toks) - 1 else ""
        head = toks[: commas[-2]]
        if appositive.lower().startswith(("who", "which")):
            appositive = appositive
        toks = head
        if not toks:
            return None
    for k, t in enumerate(toks):
        if (
            k > 0
            and t[2].lower() in ("who", "which", "whose")
            and _ANON_PHRASE.search(text, t[0], toks[-1][1])
        ):
            # "A diplomat who asked not to be named said": the head, with the relative clause as appositive
            appositive = (text[t[0] : toks[-1][1]] + " " + appositive).strip()
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
        if len(toks) > 3 or comma == -1 or text[comma : rel[0]].strip() != ",":
            return None
        antecedent = _subject_before(text, clause_start, comma)
        if antecedent is None or antecedent.clause:
            return None
        return _Mention(rel[0], rel[1], rel[2], antecedent.appositive, refers_to=antecedent)
    if not toks or len(toks) > 12:
        return None
    clause = any(t[2].lower() in _CLAUSE_VERBS for t in toks)  # "It's worth noting": a clause, not a source
    first = toks[0][2]
    if first.lower() in _DISCOURSE or first.lower() in _NOT_NP_START:
        # "In an interview he said", "On Thursday Trump said": the trailing pronoun or name is the source
        k = len(toks)
        if toks[-1][2].lower() in _PRONOUNS:
            k -= 1
        else:
            while k > 1 and (toks[k - 1][2][:1].isupper() or toks[k - 1][2] in ("’s", "'s")):
                k -= 1
        if (
            0 < k < len(toks)
            and toks[k][2].lower() not in _DISCOURSE
            and toks[k][2].lower() not in _NOT_NP_START
            and not (toks[k - 1][2][:1].isdigit())
        ):
            return _Mention(toks[k][0], toks[-1][1], text[toks[k][0] : toks[-1][1]], appositive)
        # "On Thursday conceding ...", "However ...": no source phrase here; keep the cue, drop the speaker
        return _Mention(toks[0][0], toks[-1][1], text[toks[0][0] : toks[-1][1]], clause=True, weak=True)
    if not (
        first[:1].isupper()
        or first.lower() in _PRONOUNS
        or first[:1].isdigit()
        or (
            first.replace("-", "").isalpha()
            and first.lower() not in _NOT_NP_START
            and not first.endswith("ly")
            and _NP_TAIL.search(toks[-1][2])
        )
    ):
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
    if (
        not head
        or len(head) > 6
        or head[0][2].lower() in _NOT_NP_START
        or head[0][2].lower() in _CLAUSE_WORDS
        or head[0][2].lower() in _DISCOURSE
    ):
        return None
    return _Mention(head[0][0], head[-1][1], text[head[0][0] : head[-1][1]])


def _subject_after(text: str, cue_end: int, limit: int) -> _Mention | None:
    """The source after a cue in inverted order ('"...," said Kim, a professor at Y.')."""
    toks = _tokens(text, cue_end, limit)
    head = []
    for t in toks:
        if (
            t[2] in ",.;:!?"
            or t[2] in _QMARKS
            or t[2].lower() in ("in", "on", "at", "during", "adding", "who", "after", "before", "when")
        ):
            break
        head.append(t)
    if not head or len(head) > 12:
        return None
    first = head[0][2]
    if not (
        first[:1].isupper()
        or first.lower() in ("the", "a", "an", "his", "her", "its", "their", "another")
        or first.lower() in _NUMBER_WORDS
        or (first.lower() not in _NOT_NP_START and any(t[2][:1].isupper() for t in head))
    ):
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


def _after_quotes(quotes: list[tuple[int, int]], start: int, position: int) -> int:
    """``start`` moved past the last quotation that closes before ``position`` (a clause starts after it)."""
    for _q0, q1 in quotes:
        if start < q1 <= position:
            start = q1
    return start


def _clause_end(text: str, start: int, s1: int) -> int:
    """End of paraphrased content running to the sentence end: final punctuation dropped unless quoted."""
    return _strip_final(text, start, s1) if _DQ.search(text, start, s1) is None else _rstrip(text, start, s1)


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
    verb_class: str = "speech"


def _sentence_attributions(
    text: str,
    s0: int,
    s1: int,
    quotes: list[tuple[int, int]],
    qspans_all: list[tuple[int, int]],
    cue_candidates: list[_Cue],
) -> list[_Raw]:
    out: list[_Raw] = []
    cues = []
    passives: set[int] = set()
    for m in cue_candidates:
        if _inside(qspans_all, m.start):
            continue
        word = m.group()
        low = word.lower()
        if (
            word[:1].isupper()
            and m.start > s0
            and not low.startswith("according")
            and not (
                low
                in ("says", "said", "tells", "told", "warns", "claims", "urges", "slams", "blasts", "calls")
                and _is_headline(text, s0, s1)
            )
        ):
            continue  # capitalised mid-sentence: a name or title ("State Department"), not a verb
        if (
            low in _NOUNLIKE
            and re.match(r"\s*[,.;:)]", text[m.end : m.end + 3])
            and not re.search(r"\b(?:he|she|it|they|we|I)\s+$", text[max(s0, m.start - 6) : m.start])
        ):
            continue
        if low in _NOUN_BASE and not _BASE_VERB_BEFORE.search(text, max(s0, m.start - 30), m.start):
            continue  # "the AP report was misleading": a base form after a singular noun is a noun
        if (
            m.kind != "multi"
            and low not in ("asked", "said")
            and _PASSIVE_BEFORE.search(text, max(s0, m.start - 20), m.start)
        ):
            passives.add(m.start)  # "was charged with", "after being accused of": reported, but no speaker
        if low.startswith("show") and re.match(r"\s+up\b", text[m.end : m.end + 4]):
            continue
        if (
            _NOUN_BEFORE.search(text, max(s0, m.start - 30), m.start)
            and m.kind != "verb"
            and not _PRONOUN_CONTRACTION.search(text, max(s0, m.start - 12), m.start)
            and not low.startswith("accord")
        ):
            continue  # "his call for", "her calls"
        if (
            m.kind == "verb"
            and _NOUN_BEFORE.search(text, max(s0, m.start - 30), m.start)
            and not _PRONOUN_CONTRACTION.search(text, max(s0, m.start - 12), m.start)
        ):
            continue  # "organizations' estimates", "the reports": a noun, not a verb
        if low in _THOUGHT_FORMS and not _CLAUSE_START.match(text, m.end):
            continue
        if (
            _ANON_PHRASE.match(text, m.start - 0)
            or _ANON_PHRASE.match(text, max(s0, m.start - 4))
            or re.match(
                r"(?:asked|requested|declined|authori[sz]ed)\s+(?:not\s+)?to\s+be\s+(?:named|identified)",
                text[m.start : m.start + 40],
            )
        ):
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
        inherited = False  # the subject comes from an earlier cue or the sentence start
        if c0 in passives:
            continue  # passives ("was accused of", "were charged with") name no speaker: not in the table
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
            if (
                (before_subject is None or before_subject.clause)
                and cand is not None
                and len(_WORD_RE.findall(text[s0:c0])) >= 6
                and not any(w.lower() in _CLAUSE_VERBS for w in cand.text.split())
                and re.fullmatch(r"\s*(?:,[^\"“”]*)?[.!?]?\s*", text[cand.end : s1])
            ):
                subject, inverted = cand, True
        if subject is None:
            subject = _subject_before(text, clause_start, c0)
            if subject is not None and m.kind != "multi" and not _plausible_subject(text, subject, low):
                subject = None
            conj = re.search(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$", text[s0:c0])
            if subject is None and conj:
                subject = prev_subject or _sentence_subject(text, s0, c0)
                inherited = subject is not None
            elif subject is None and low.split()[0].endswith("ing") and text[s0:c0].rstrip().endswith(","):
                # "..., he said, adding that ...", "Mrs. Clinton spoke ..., suggesting that ..."
                subject = prev_subject or _sentence_subject(text, s0, c0)
                inherited = subject is not None
        if (
            subject is None
            and low == "asked"
            and re.match(r"\s+(?:whether|if|why|how|what|when|where|who|about)\b", text[c1 : c1 + 10])
        ):
            # "Asked whether ..., Johnson said": a question put to the source, who is named later
            start = _lstrip(text, c1, s1)
            comma = text.find(",", start, s1)
            end = _strip_final(text, start, comma if comma != -1 else s1)
            if len(_WORD_RE.findall(text[start:end])) >= 2:
                out.append(_Raw(start, end, c0, c1, None, s0))
            continue
        if (
            subject is None
            and low in _FALLBACK_CUES
            and (re.match(r"\s+that\b", text[c1 : c1 + 6]) or _CLAUSE_START.match(text, c1))
        ):
            subject = _fallback_subject(text, clause_start, c0)
        if subject is None:
            continue
        if subject.clause and not subject.weak and not re.match(r"\s+that\b", text[c1 : c1 + 6]):
            continue
        if subject.weak:
            subject = _sentence_subject(text, s0, c0) or subject
        prev_subject = subject
        head_end = subject.end if inverted else c1
        tail = text[max(head_end, c1) : s1]
        lead_end = c0 if inverted else subject.start
        if (
            not inverted
            and quote_before is not None
            and quote_before[1] <= subject.start
            and not re.search(r"[.;:!?]", text[quote_before[1] : subject.start])
            and len(_WORD_RE.findall(text[quote_before[1] : subject.start])) <= 12
        ):
            lead_end = quote_before[1]  # a quote, then "state Senate leader X and Speaker Y said"
        lead = text[s0:lead_end]
        has_lead = len(_WORD_RE.findall(lead)) >= (
            1 if quote_before is not None else 2
        ) and lead.rstrip().endswith((",", *_QMARKS, "—", "–"))
        tail_is_trailer = bool(_TRAIL_AFTER.match(_strip_appositive(tail)))
        split_quote = [
            q
            for q in quotes
            if q[0] >= c1
            and re.fullmatch(r"[^\"“”«».;]*?,\s*", text[max(c1, head_end) : q[0]])
            and _ALPHA.search(text, max(c1, head_end), q[0]) is None
        ]
        quoted_lead = quote_before is not None and (quote_before[1] - max(s0, quote_before[0])) >= 0.6 * len(
            lead
        )
        if (
            has_lead
            and not inherited
            and (
                inverted
                or tail_is_trailer
                or quoted_lead
                or quote_before is not None
                and (split_quote or re.match(r"\s*(?:,|\.|$)", tail))
            )
        ):
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
            out.append(_Raw(start, end, c0, c1, None if subject.clause else subject, s0))
            continue
        if inverted:
            continue
        start = c1
        if m.kind != "call" and not low.startswith(("put", "play", "call")):
            w = _THAT_WINDOW.match(text, c1, nxt_cue)
            if w:
                j = w.end() - 1
                if text[j] in _QUOTE_ANY or text[j - 1 : j + 1] == "''":
                    start = j - 1 if text[j - 1 : j + 1] == "''" else j
                else:
                    last = w.group().split()[-1]
                    start = text.rfind(last, c1, w.end())
        if low.startswith("put"):
            start = text.lower().find("the", c0, c1)
        if re.fullmatch(r"\s*:?\s*", text[c1:s1]) or re.fullmatch(r"[^\"“”.]{0,40}:\s*", text[c1:s1]):
            # "Cruz continued:" with the quote in the next paragraph
            nxt = [q for q in qspans_all if q[0] >= s1 and not text[s1 : q[0]].strip()]
            if nxt:
                out.append(_Raw(nxt[0][0], nxt[0][1], c0, c1, None if subject.clause else subject, s0))
            continue
        start = _lstrip(text, start, s1)
        end = s1
        # stop before the next coordinated cue ("..., but said ...") or participle ("..., stating that ...")
        if (
            nxt_cue < s1
            and cues[k + 1].text.lower().endswith("ing")
            and re.search(r",\s*(?:(?:and|before|after|while)\s+)?$", text[start:nxt_cue])
        ):
            end = start + re.search(r",\s*(?:(?:and|before|after|while)\s+)?$", text[start:nxt_cue]).start()
        elif nxt_cue < s1:
            conj = re.search(
                r"(?:,\s*(?:and|but)?|\b(?:and|but))\s+(?:(?:also|then|later)\s+)?$", text[start:nxt_cue]
            )
            if conj:
                end = start + conj.start()
        # "While he has said X, he ...": the paraphrase ends with the subordinate clause
        if re.search(
            r"\b(?:while|although|though|because|since|when|after|before|if|as|whereas)\s+$",
            text[s0 : subject.start],
            re.IGNORECASE,
        ):
            for cm in re.finditer(",", text[start:end]):
                if not _inside(quotes, start + cm.start()):
                    end = start + cm.start()
                    break
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
            if text[end - 1 : end] == ".":
                end = _rstrip(text, start, end - 1)
        if len(_WORD_RE.findall(text[start:end])) < (1 if _DQ.match(text, start) else 2):
            continue
        if _TRAIL_AFTER.match(text[start:end] + "."):
            continue
        if (
            low.startswith(("tell", "told", "continu"))
            and start == _lstrip(text, c1, s1)
            and (low.startswith("continu") or len(_WORD_RE.findall(text[start:end])) <= 5)
        ):
            continue  # "told a Senate panel Wednesday", "continued to deliver speeches": no reported content
        out.append(_Raw(start, end, c0, c1, None if subject.clause else subject, s0))
    # any verb introducing a quote with a colon is a cue: 'Kasich resisted: "Ohio governors do not ..."'
    for q0, q1 in quotes:
        if q0 < s0 or any(r.start <= q0 < r.end for r in out):
            continue
        m = _COLON_VERB.search(text, s0, q0)
        if m is None or m.end() != q0:
            continue
        subject = _subject_before(text, s0, m.start(1))
        if subject is None or subject.clause or not _plausible_subject(text, subject, m.group(1)):
            continue
        out.append(_Raw(q0, q1, m.start(1), m.end(1), subject, s0))
    # a belief inside a paraphrase attributed with "according to" is the source's claim, not a second voice
    according = [r for r in out if text[r.cue_start : r.cue_end].lower().startswith("according")]
    if according:
        out = [
            r
            for r in out
            if not (
                text[r.cue_start : r.cue_end].lower() in _THOUGHT_FORMS
                and any(a.start <= r.cue_start < a.end for a in according)
            )
        ]
    return out


_FALLBACK_CUES = frozenset("say says said tell tells told".split())
_FALLBACK_STOP = frozenset(",;:()—–-") | frozenset(_QMARKS)


def _fallback_subject(text: str, clause_start: int, cue_start: int) -> _Mention | None:
    """The noun phrase just before a cue of saying when the full subject is too long or complex to parse
    ("many diehard Sanders supporters who came to ... say", "Cologne police say"): the last few words before
    the verb, up to a clause boundary."""
    toks = _tokens(text, clause_start, cue_start)
    while toks and toks[-1][2].lower() in _ADVERBS:
        toks.pop()
    head: list[tuple[int, int, str]] = []
    for t in reversed(toks):
        w = t[2]
        wl = w.lower()
        if (
            w in _FALLBACK_STOP
            or wl in _CLAUSE_WORDS
            or wl in _CLAUSE_VERBS
            or wl in _NOT_NP_START
            or wl in ("who", "which", "whose")
            or len(head) >= 5
        ):
            break
        head.insert(0, t)
    while (
        head
        and head[0][2].lower() in ("of", "the", "a", "an")
        and len(head) > 1
        and head[0][2].lower() == "of"
    ):
        head.pop(0)
    if not head:
        return None
    last = head[-1][2]
    if last.endswith(("ing", "ly")) or last[:1].isdigit() and last not in ("%",) and len(head) == 1:
        return None
    s0, s1 = head[0][0], head[-1][1]
    return _Mention(s0, s1, text[s0:s1])


_DOC_IN = re.compile(
    r"In\s+(?P<src>(?:a|an|the|his|her|their|its|[A-Z][\w.’'-]*['’]s?)\s+(?:[\w/.’'-]+\s+){0,5}?"
    r"(?:survey|surveys|poll|polls|interview|statement|report|op-ed|speech|letter|book|memo|tweet|post|email|"
    r"column|article|editorial|study|analysis|ad|video|filing|view|words|opinion|estimation|remarks|testimony))"
    r"(?P<tail>[^,]{0,60}),\s+"
)


def _document_in(text: str, s0: int, s1: int) -> list[_Raw]:
    """ "In a CBS News poll last month, Clinton led by six points": the clause is the document's content."""
    m = _DOC_IN.match(text, s0, s1)
    if m is None:
        return []
    start = m.end()
    end = _clause_end(text, start, s1)
    if len(_WORD_RE.findall(text[start:end])) < 4:
        return []
    src0, src1 = m.span("src")
    source = text[src0:src1]
    pm = re.match(r"(his|her|their|its)\s|([A-Z][\w.’'-]*)['’]s?\s", source)
    if pm and pm.group(1):  # "In his view": the pronoun is the source
        p0, p1 = src0, src0 + len(pm.group(1))
        mention = _Mention(p0, p1, text[p0:p1], refers_to=_Mention(p0, p1, _POSSESSIVE_PRONOUN[pm.group(1)]))
    elif pm:
        mention = _Mention(src0, src0 + len(pm.group(2)), pm.group(2))
    else:
        mention = _Mention(src0, src1, source)
    return [_Raw(start, end, s0, s0 + 2, mention, s0, "speech")]


def _is_headline(text: str, s0: int, s1: int) -> bool:
    """A title-cased line ("Bernie Sanders Says He's Already Started Writing His Inaugural Address")."""
    if "\n" in text[s0:s1].strip() or s1 - s0 > 200:
        return False
    words = re.findall(r"[A-Za-z][\w’']*", text[s0:s1])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_HEADLINE_COLON = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*):[ \t]+(\S[^\n]{5,200}?)[ \t]*$"
)
_NOT_HEADLINE_SOURCE = frozenset(
    "q a correction corrections contributing twitter revealed wow related watch video photo photos update "
    "updated read note editor's editor’s source sources listen see also more click advertisement transcript "
    "tags topics breaking exclusive warning live opinion analysis commentary editorial bonus".split()
)


def _headline_attributions(text: str, excluded: list[tuple[int, int]]) -> list[_Raw]:
    """Headlines of the form "Rubio: I Still Believe Trump Can't Be Trusted ..." (title-cased content)."""
    out = []
    for m in _HEADLINE_COLON.finditer(text):
        left, body = m.group(1), m.group(2)
        if (
            _inside(excluded, m.start(1))
            or left.split()[0].lower() in _NOT_HEADLINE_SOURCE
            or left.isupper()
            or body.startswith("@")
            or len(left) < 3
        ):
            continue
        words = re.findall(r"[A-Za-z][\w’']*", body)
        if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
            continue
        start, end = m.start(2), _strip_final(text, m.start(2), m.end(2))
        if _DQ.search(text, start, m.end(2)) or text[end : m.end(2)].strip(".,;: ") != "":
            end = _rstrip(text, start, m.end(2))
        colon = m.end(1)
        out.append(_Raw(start, end, colon, colon + 1, _Mention(m.start(1), m.end(1), left), m.start(1)))
    return out


_COLON_VERB = re.compile(r"\b([a-z]+(?:ed|es|s))\s*:\s*$")
_INVERSION_CUES = frozenset(
    """said says added adds wrote writes asked asks explained explains continued continues noted notes
    recalled recalls argued argues insisted insists warned warns declared declares conceded concluded
    replied replies responded remarked observed quipped joked tweeted told tells acknowledged admitted
    stated countered reacted boomed yelled shouted exclaimed retorted interjected chimed agreed""".split()
) | frozenset(w for w in _CUE_FORMS if w.endswith("ed"))
_NOUN_BASE = frozenset(
    "report claim estimate note charge question call promise pledge show mention cite vow threat tweet reply "
    "praise blast label stress dub attack comment".split()
)
_BASE_VERB_BEFORE = re.compile(
    r"(?:\b(?:I|we|you|they|will|would|did|do|does|to|could|may|might|should|must|can|not|also|often|"
    r"never|and|or)|[a-z]s|[A-Z][a-z]+s)\s+$"
)
_PRONOUN_CONTRACTION = re.compile(r"\b(?:he|she|it|who|that|there|what)['’]s\s+$", re.IGNORECASE)
_SUBJECT_NOUNS = re.compile(
    r"(?:report|study|survey|poll|website|statement|group|government|ministry|department|agency|committee|"
    r"campaign|official|spokesman|spokeswoman|spokesperson|analysis|data|figures|document|memo|letter|book|"
    r"article|editorial|paper|lawsuit|complaint|court|judge|party|source|aide|adviser|advisor|expert|analyst|"
    r"people|s)$",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"(?:ed|said|told|wrote|found|spoke|put|made|went|gave|thought|knew|saw|took)$", re.IGNORECASE
)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen hundred hundreds thousands "
    "majority minority half third quarter most many some few others all both".split()
)


def _plausible_subject(text: str, subject: _Mention, cue: str) -> bool:
    """A present-tense cue needs a subject that ends in a name, pronoun or source noun ('polls show')."""
    last = subject.text.split()[-1] if subject.text.split() else ""
    if last.endswith((",",)) or last.lower() == "by":
        return False
    if _PAST.search(cue.split()[0]) or cue.endswith("ing"):
        return True
    return bool(
        last[:1].isupper()
        or last.lower() in _PRONOUNS
        or last.lower() in ("you", "i")
        or last[:1].isdigit()
        or last in ("%", "percent")
        or last.lower() in _NUMBER_WORDS
        or last.lower() in ("surveyed", "polled", "questioned", "interviewed", "asked")
        or _SUBJECT_NOUNS.search(last)
        or (_DET.match(subject.text) and last.isalpha() and not last.endswith(("ed", "ing", "ly")))
    )


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
    lead_words = _WORD_RE.findall(lead)
    if (
        lead.strip() == ""
        or lead.strip() in _QMARKS
        or (
            len(lead_words) <= 3
            and re.fullmatch(
                r"\s*(?:(?:but|and|so|yet|now|still|in\s+addition|also|however|meanwhile|moreover)\b[\s,]*)+",
                lead,
                re.IGNORECASE,
            )
        )
    ):
        # "According to X, CLAUSE." / "But according to X, CLAUSE." / "According to X: "...""
        comma = -1
        for m in re.finditer(r"[,:]", text[sp1:s1]):
            if not _inside(quotes, sp1 + m.start()):
                comma = sp1 + m.start()
                break
        if comma == -1:
            return None
        # an appositive: "According to Kim, a professor at Y, CLAUSE"
        second = text.find(",", comma + 1, s1)
        if second != -1 and second - comma < 90 and re.match(r",\s+(?:a|an|the)\s", text[comma:second]):
            appositive = text[comma + 1 : second]
            comma = second
        start = _lstrip(text, comma + 1, s1)
        end = s1
        if _DQ.search(text, start, end) is None:
            end = _strip_final(text, start, end)
        else:
            end = _rstrip(text, start, end)
    elif (
        lead.rstrip().endswith(",")
        and re.match(r"\s*,\s*\S+(?:\s+\S+){2,}", rest)
        and not re.match(r"\s*,\s*(?:a|an|the|who|which|whose)\s", rest)
    ):
        # "X, according to Y, Z.": the paraphrase surrounds the attribution
        start = s0
        for q0, q1 in quotes:
            if q0 < s0 < q1:
                start = q0
        start = _lstrip(text, start, s1)
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


#: Attributions PolNeAR annotates beyond verbs of saying: inferences with no source ("seems", "appears to",
#: "is expected to"), intentions ("wants", "plans to"), stances ("supports", "opposes") and views
#: ("sees X as").
_FAMILY_RE = re.compile(
    r"\b(?:(?P<inference>seem|seems|seemed|(?:appear|appears|appeared)(?=\s+(?:to|likely|unlikely|ready|poised|"
    r"increasingly|more|less|certain|headed|as\s+(?:if|though))\b)|(?<=\s)expected(?=\s+to\b))"
    r"|(?P<intention>want|wants|wanted|(?:plan|plans|planned|planning|decide|decides|decided|intend|intends|"
    r"intended|hope|hopes|hoped|hoping|expect|expects|expecting|aim|aims|aimed|vowed|pledged|promised|"
    r"threatened|threatens|refuses|refused)(?=\s+(?:not\s+)?to\s)|seek|seeks|sought|seeking)"
    r"|(?P<stance>support|supports|supported|supporting|oppose|opposes|opposed|opposing|backs|backed|backing|"
    r"favor|favors|favored|favour|favours|favoured|prefer|prefers|preferred)"
    r"|(?P<view>(?:see|sees|saw|view|views|viewed|regard|regards|regarded|consider|considers|considered)"
    r"(?=[^.;:!?\"“”]{1,60}?\bas\b))"
    r"|(?P<passive>(?<=\s)(?:accused|criticized|criticised|praised|blamed|credited|asked|quoted|seen|viewed|"
    r"regarded|considered|described|perceived|portrayed|billed|touted)(?=\s+(?:as|of|for|by|to|whether|if|about|"
    r"what|why|how|when|,\s*[\"“]|[\"“])))"
    r"|(?P<topic>(?:questions|concerns|doubts|worries|criticism|complaints)(?=\s+(?:about|over|of)\s)"
    r"|(?<=\bin\s)favor(?=\s+of\s)|endorsement(?=\s+of\s)|critical(?=\s+of\s))"
    r"|(?P<complement>(?<=[a-z’'])(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bwere)(?<!\bbe)(?<!\bbeen)(?<!\band)(?<!\bso)"
    r"(?<!\bnow)(?<!\bfact)(?<!\bgiven)(?<!\bsuch)(?<!\bthan)(?<!\bbut)(?<!\bor)(?<!\bstate)(?<!\bone)"
    r"(?<!\bthing)(?<!\btime)(?<!\bway)(?<!\barea)(?<!\bsystem)(?<!\breality)(?<!\bnotion)(?<!\bissues)"
    r"(?<!\bproblems)(?<!\bsigns)(?<!\bnews)(?<!\bcampaign)(?<!\bcomments)(?<!\bin)(?<!\bof)(?<!\bat)"
    r"(?<!\bon)(?<!\bto)(?<!\bfor)(?<!\bwith)(?<!\bby)(?<!\babout)(?<!\blike)(?<!\bjust)(?<!\bonly)"
    r"(?<!\beven)(?<!\bthat)(?<!\bthis)(?<!\ball)(?<!\bafter)(?<!\bbefore)(?<!\bpoint)"
    r"\s+that(?=\s+(?:he|she|it|they|we|I|you|the|a|an|his|her|their|there|this|its|our|some|many|most|"
    r"[A-Z][\w’']+)\b)))\b(?![-'’])"
)
_FAMILY_WORDS = sorted(
    set(
        re.findall(
            r"[a-z]+",
            """
seem seems seemed appear appears appeared expected want wants wanted plan plans planned planning decide
decides decided intend intends intended hope hopes hoped hoping expect expects expecting aim aims aimed vowed
pledged promised threatened threatens refuses refused seek seeks sought seeking support supports supported
supporting oppose opposes opposed opposing backs backed backing favor favors favored favour favours favoured
prefer prefers preferred see sees saw view views viewed regard regards regarded consider considers considered
accused criticized criticised praised blamed credited asked quoted seen perceived portrayed billed touted
described questions concerns doubts worries criticism complaints endorsement critical that""",
        )
    )
)
_FAMILY_CANDIDATE = re.compile(r"\b(?:" + _trie_pattern(_FAMILY_WORDS) + r")\b")


def _find_family(text: str) -> list[re.Match[str]]:
    """Every ``_FAMILY_RE`` match, tried only where one of its words occurs (much faster than a full scan)."""
    out = []
    last_end = -1
    for c in _FAMILY_CANDIDATE.finditer(text):
        pos = c.start()
        if c.group() == "that":
            while pos > 0 and text[pos - 1].isspace():
                pos -= 1
        if pos < last_end:
            continue
        m = _FAMILY_RE.match(text, pos)
        if m:
            out.append(m)
            last_end = m.end()
    return out


_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|'s|’s|isn't|aren't|wasn't|weren't)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_NAMED_SUBJECT = re.compile(
    r"^(?:(?:Now|Today|Then|Meanwhile|However|But|And),?\s+)?(?:[A-Z][a-z]+\.?\s+){0,3}[A-Z][\w-]+\s+(?:is|was)\s+"
    r"(?:\w+ly\s+)?$"
)
#: A stance toward someone's statement ("supported his call for a ban") is a reaction to the statement's
#: attribution, not a separate one.
_SPEECH_NOUN_OBJECT = re.compile(
    r"\s+(?:his|her|their|its|the|a)\s+(?:\w+\s+)?(?:call|calls|claim|claims|statement|remarks|comments|"
    r"proposal|demand|demands|plea|request)\b"
)
#: "raised hopes that", "stoked fears that": an event's effect, no holder of the hope: left out.
_RAISED_FEELING = re.compile(
    r"\b(?:raised|raises|raising|fueled|fuelled|sparked|stoked|eased|dampened|revived)\s+"
    r"(?:\w+\s+)?[\w’']+$"
)
_STANCE_STOP = re.compile(r"\s*(?:by|up|off|out|down|away|in|into|on|from|with|to|of|it\s+up)\b|\s*[,.;:!?)]")


_POSSESSIVE_BEFORE = re.compile(
    r"(?:\b(?P<pron>his|her|their|its|my|our)|(?P<name>(?<![\w.])[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})['’]s?)"
    r"\s+(?:[a-z]+\s+){0,2}$"
)
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "I", "our": "we"}


_INNER_VERBS = _SPEECH_SET | frozenset(
    "want wants wanted hope hopes hoped fear fears feared expect expects expected see sees saw consider "
    "considers considered call calls called describe describes described".split()
)


def _inner_holder(text: str, after_that: int, s1: int) -> _Mention | None:
    """The source inside a relative clause.

    Example: "a delicate minuet that Clinton and leading Democrats hope will ...".
    """
    toks = _tokens(text, after_that, min(s1, after_that + 90))
    for k, t in enumerate(toks[:8]):
        w = t[2]
        if w.lower() in _INNER_VERBS and k > 0:
            np = toks[:k]
            while np and np[-1][2].lower() in _ADVERBS:
                np.pop()
            if not np or any(
                x[2] in ',;:"“”()' or x[2].lower() in _CLAUSE_VERBS or x[2].lower() in _CLAUSE_WORDS
                for x in np
            ):
                return None
            first = np[0][2]
            if not (
                first[:1].isupper()
                or first.lower() in _PRONOUNS
                or first.lower() in ("the", "many", "some", "most", "you", "i")
            ):
                return None
            nxt = toks[k + 1][2].lower() if k + 1 < len(toks) else ""
            if nxt in ("that", "to") or (
                w.lower() in _CUE_WORDS
                and nxt
                not in (
                    "will",
                    "would",
                    "was",
                    "is",
                    "has",
                    "had",
                    "could",
                    "might",
                    "may",
                    "were",
                    "are",
                    "should",
                    "can",
                )
            ):
                return None  # "that he said that ...": a complement clause, not a relative one
            m0, m1 = np[0][0], np[-1][1]
            return _Mention(m0, m1, text[m0:m1])
        if w in ",;:.!?" or w in _QMARKS:
            return None
    return None


#: Nouns whose "that" clause is reported content even with no holder named ("the idea that", "reports that").
_CONTENT_NOUNS = frozenset(
    "claim claims assertion assertions belief beliefs idea ideas hope hopes fear fears view argument "
    "arguments assurance assurances warning warnings suggestion suggestions sign signs signal signals "
    "message promise promises pledge concern concerns worry worries expectation expectations speculation "
    "report reports rumor rumors rumours allegation allegations charge charges accusation accusations "
    "insistence conviction theory impression perception recognition consensus doubt doubts suspicion "
    "suspicions prediction predictions indication indications evidence acknowledgment admission realization "
    "sense feeling notion understanding confidence hint news".split()
)
_HOLDER_ADJECTIVES = frozenset(
    "aware clear confident sure convinced certain adamant hopeful worried concerned afraid "
    "optimistic skeptical sceptical unaware glad proud happy sorry".split()
)


def _complement_holder(
    text: str, clause_start: int, w0: int, c0: int, possessive_only: bool = False
) -> _Mention | None:
    """The holder of a "<word> that CLAUSE" attribution.

    That is the subject of the verb, possibly a few words back ("reminding viewers that" -> the subject of
    "reminding"), or the possessive of a noun ("his claim that").
    """
    word = text[w0:c0]
    if word[:1].islower():
        pm = _POSSESSIVE_BEFORE.search(text, max(clause_start, w0 - 60), w0)
        if pm:
            if pm.group("pron"):
                p0, p1 = pm.span("pron")
                pron = _POSSESSIVE_PRONOUN[pm.group("pron").lower()]
                return _Mention(p0, p1, text[p0:p1], refers_to=_Mention(p0, p1, pron))
            p0, p1 = pm.span("name")
            if pm.group("name").split()[0].lower() not in _NOT_NP_START | _DISCOURSE:
                return _Mention(p0, p1, text[p0:p1])
    if possessive_only:
        return None
    end = w0
    for _ in range(3):
        subject = _subject_before(text, clause_start, end)
        if (
            subject is not None
            and not subject.clause
            and not subject.weak
            and _plausible_subject(text, subject, text[end:c0].split()[0] if text[end:c0].split() else word)
        ):
            return subject
        # step back over one word ("reminding viewers that", "is aware that")
        k = end
        while k > clause_start and text[k - 1].isspace():
            k -= 1
        j = k
        while j > clause_start and (text[j - 1].isalnum() or text[j - 1] in "’'-"):
            j -= 1
        if j == k or j <= clause_start:
            break
        end = j
    return None


def _family_attributions(
    text: str, s0: int, s1: int, quotes: list[tuple[int, int]], hits, taken: list[_Raw]
) -> list[_Raw]:
    """Inference, intention, stance and view attributions of one sentence (see ``_FAMILY_RE``)."""
    out: list[_Raw] = []
    for m in hits:
        c0, c1 = m.span()
        if _inside(quotes, c0) or any(r.cue_start <= c0 < r.cue_end for r in taken):
            continue
        cls = m.lastgroup
        word = m.group()
        before = text[max(s0, c0 - 30) : c0]
        if cls == "complement":
            # "<word> that CLAUSE" with no known cue: the clause is reported content (a verb or a noun of
            # saying or thinking: "his assurances that", "intimated that"); the cue is the word before "that"
            that = c1 - 4
            if any(r.start <= that < r.end for r in taken + out) or _RAISED_FEELING.search(before):
                continue
            w0 = c0
            while w0 > s0 and (text[w0 - 1].isalnum() or text[w0 - 1] in "’'"):
                w0 -= 1
            clause_start = s0
            clause_start = _after_quotes(quotes, clause_start, w0)
            cue_word = text[w0:c0]
            if cue_word[:1].isupper() or re.search(
                r"\b(?:so|such|too|it|it['’]s)\s+(?:\w+\s+)?$", text[s0:w0], re.IGNORECASE
            ):
                continue  # "Trump Tower that", "so blatant that", "it is true that": not a cue
            low_cue = cue_word.lower()
            if low_cue in _INNER_VERBS or low_cue.endswith(("ed", "ing")) or low_cue in _HOLDER_ADJECTIVES:
                subject = _complement_holder(text, clause_start, w0, c0) or _fallback_subject(
                    text, clause_start, w0
                )
            else:  # a noun: "his claim that", "the deal that Clinton and Democrats hope"
                subject = _inner_holder(text, that + 4, s1) or _complement_holder(
                    text, clause_start, w0, c0, possessive_only=True
                )
                if subject is None and low_cue in _CONTENT_NOUNS:
                    subject = _Mention(w0, c0, cue_word, clause=True)  # "the idea that ...": no holder named
            if subject is None:
                continue
            if subject.clause:
                subject = None
            end = s1
            acc = re.search(
                r",\s+(?:according\s+to|(?:he|she|they|it)\s+(?:said|added|says))\b", text[that:end]
            )
            if acc:
                end = that + acc.start()
            for q0, q1 in quotes:
                if that <= q0 < end and q1 > end:
                    end = q1
            end = (
                _strip_final(text, that, end)
                if _DQ.search(text, that, end) is None
                else _rstrip(text, that, end)
            )
            if len(_WORD_RE.findall(text[that:end])) < 4:
                continue
            out.append(_Raw(that, end, w0, c0, subject, s0, "other"))
            continue
        if cls == "topic":
            # "raised questions about X", "his criticism of X", "in favor of X": the content is the
            # topic phrase
            if any(r.start <= c0 < r.end or r.cue_start <= c0 < r.cue_end for r in taken + out):
                continue
            prep = re.match(r"\s+\w+\s+", text[c1 : c1 + 10])
            start = c1 + prep.end()
            stop = re.search(r"[,;:.!?()—–]|\s(?:and|but|because|while|after|before|when)\s", text[start:s1])
            end = start + stop.start() if stop else s1
            end = _strip_final(text, start, end)
            if len(_WORD_RE.findall(text[start:end])) < 1:
                continue
            clause_start = s0
            clause_start = _after_quotes(quotes, clause_start, c0)
            w0 = c0
            if word == "favor":
                w0 = text.rfind("in", s0, c0)
            subject = _complement_holder(text, clause_start, w0, c1)
            if subject is None:
                continue
            out.append(
                _Raw(
                    start,
                    end,
                    w0,
                    c1,
                    subject,
                    s0,
                    "stance" if word in ("favor", "endorsement") else "thought",
                )
            )
            continue
        if cls == "passive":
            if not _BE_BEFORE.search(before) or any(
                r.cue_start <= c0 < r.cue_end or r.start <= c0 < r.end for r in taken + out
            ):
                continue
            # "Rubio was asked by moderator Gerard Baker whether ...", "X is widely seen as ...": the
            # content is the clause (its subject is the one talked about); the source, if any, follows "by"
            start = s0
            start = _after_quotes(quotes, start, c0)
            start = _lstrip(text, start, c0)
            end = _clause_end(text, start, s1)
            for q0, q1 in quotes:
                if start <= q0 < end and q1 > end:
                    end = q1
            if len(_WORD_RE.findall(text[start:end])) < 4:
                continue
            agent = None
            by = re.match(r"\s+by\s+", text[c1 : c1 + 5])
            if by:
                toks = _tokens(text, c1 + by.end(), s1)
                head = []
                for t in toks:
                    if (
                        t[2] in ",.;:!?()"
                        or t[2] in _QMARKS
                        or t[2].lower()
                        in (
                            "who",
                            "which",
                            "that",
                            "whether",
                            "if",
                            "about",
                            "to",
                            "for",
                            "what",
                            "why",
                            "how",
                        )
                    ):
                        break
                    head.append(t)
                if head and len(head) <= 8:
                    agent = _Mention(head[0][0], head[-1][1], text[head[0][0] : head[-1][1]])
            out.append(
                _Raw(start, end, c0, c1, agent, s0, "speech" if word in ("asked", "quoted") else "thought")
            )
            continue
        if cls == "inference":
            if word == "expected" and (not _BE_BEFORE.search(before) or _NAMED_SUBJECT.match(text[s0:c0])):
                continue  # "Kim is expected to seek help": a named person's schedule, reported as fact
            # no source: the content is the clause, its subject included ("the Trump team appeared paralyzed")
            start = s0
            start = _after_quotes(quotes, start, c0)
            start = _lstrip(text, start, c0)
            end = _clause_end(text, start, s1)
            if len(_WORD_RE.findall(text[start:end])) < 3:
                continue
            out.append(_Raw(start, end, c0, c1, None, s0, "inference"))
            continue
        if _NOUN_BEFORE.search(before) and not _PRONOUN_CONTRACTION.search(before):
            continue  # "his support", "a plan to"
        if _PASSIVE_BEFORE.search(before) or re.match(r"\s+by\b", text[c1 : c1 + 4]):
            continue  # "was backed by", "is supported": a passive names no holder here
        if cls == "stance" and (
            _STANCE_STOP.match(text, c1)
            or _SPEECH_NOUN_OBJECT.match(text, c1)
            or re.match(r"\s+(?:among|from|remains|is|was|has|had|in|base)\b", text[c1 : c1 + 9])
            or word in ("support", "favor", "favour", "backing")
            and re.search(
                r"(?:%|\bpercent|\bpoints?|\b(?:Republican|Democratic|GOP|Latino|Hispanic|"
                r"black|white|union|voter|popular|public|strong|broad|wide|bipartisan))\s+$",
                before,
            )
        ):
            continue  # "backed off", "support,", "supported his call for", "34% support among women"
        if word[:1].isupper() and c0 > s0:
            continue
        clause_start = s0
        clause_start = _after_quotes(quotes, clause_start, c0)
        subject = _subject_before(text, clause_start, c0)
        if subject is not None and (subject.clause or not _plausible_subject(text, subject, word)):
            subject = None
        if subject is None:
            if word.endswith("ing") and text[s0:c0].rstrip().endswith(","):
                subject = _sentence_subject(text, s0, c0)  # "..., backing Clinton"
            elif re.search(r"\b(?:and|but)\s+(?:(?:also|then|later|still)\s+)?$", text[s0:c0]):
                subject = _sentence_subject(text, s0, c0)
        if subject is None or subject.weak:
            continue
        start = _lstrip(text, c1, s1)
        end = s1
        acc = re.search(
            r",\s+(?:according\s+to|(?:he|she|they|it)\s+(?:said|added|says))\b|\s+(?:—|–|--)\s",
            text[start:end],
        )
        if acc:
            end = start + acc.start()
        for q0, q1 in quotes:
            if start <= q0 < end and q1 > end:
                end = q1
        end = (
            _strip_final(text, start, end)
            if _DQ.search(text, start, end) is None
            else _rstrip(text, start, end)
        )
        if len(_WORD_RE.findall(text[start:end])) < (
            1 if cls == "stance" else 4 if cls == "intention" else 2
        ):
            continue
        out.append(_Raw(start, end, c0, c1, subject, s0, "thought" if cls == "view" else cls))
    return out


# --------------------------------------------------------------------------------------------- speakers

_DET = re.compile(r"^(?:the|a|an|its|their|his|her|this|that|these|those)\s+", re.IGNORECASE)


_NOT_PERSON_WORD = re.compile(
    r"\b(?:War|Wars|Games|Olympics?|Street|Road|Avenue|Cup|League|Championship|Day|Summit|Act|Bill|Amendment|"
    r"Court|Hotel|Airport|Station|River|Mountain|Island|Islands|Valley|Park|Square|Bridge|Church|Hall|Stadium|"
    r"Sea|Ocean|Coast|Bay|County|City|State|States|Republic|Kingdom|Empire|Prize|Award|Awards|Festival|Show|"
    r"Series|Project|Plan|Program|Programme|Report|Act|Accord|Agreement|Treaty|Conference|Forum|Index|Exchange|"
    r"Market|Fed|Reserve|Railways?|Airlines?|Motors|Group|Holdings|Bank|Fund|Times|Post|News|Network)\b"
)


@lru_cache(maxsize=8192)
def _person_name(raw: str) -> str | None:
    words = raw.split()
    while words and (
        words[0].lower() in _NOT_NP_START
        or words[0].lower() in _CLAUSE_WORDS
        or words[0].lower() in _DISCOURSE
    ):
        words = words[1:]  # "Under Japanese ...", "But Trump": a sentence-initial word, not a given name
    name = _canonical(" ".join(words))
    if _NOT_PERSON_WORD.search(name):
        return None
    if (
        len(name.split()) >= 2
        and not place_of(name)
        and not _TYPE_WORDS[5][1].search(name)
        and not _TYPE_WORDS[4][1].search(name)
    ):
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
                if label == "media" and re.search(
                    r"\b(?:government|state)-(?:run|owned|controlled)\b", full, re.IGNORECASE
                ):
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
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)(?=\s+[A-Z])|\b(?i:adviser|advisor|aide|strategist|spokesman|spokeswoman|spokesperson|executive|chairman|chairwoman|"
    r"director|founder|president|secretary|senator|minister|governor|mayor|leader|chief|host|anchor|"
    r"correspondent|reporter|columnist|editor|analyst|professor|economist|pollster|manager|lawyer|attorney|"
    r"treasurer|chair)(?=\s+[A-Z])|\b(?:President|Vice\s+President|Minister|Secretary(?:-General)?|Senator|Sen\.|Rep\.|Gov\.|Governor|"
    r"Ambassador|Mayor|Chairman|Chairwoman|Chancellor|Premier|Leader|Spokesman|Spokeswoman|Dr\.|Prof\.|"
    r"Professor|Mr\.|Mrs\.|Ms\.|Gen\.|General|Adm\.|Judge|Justice|Speaker|Rev\.|Pope|King|Queen|Director|"
    r"Chief|CEO|Adviser|Advisor|Attorney|Commissioner|Lt\.|Col\.|Sgt\.|Capt\.|Sens\.|Reps\.|candidate|nominee|"
    r"President-elect|Representative|Congressman|Congresswoman|Councilman|Councilwoman|Assemblyman|Delegate|"
    r"of\s+State|of\s+Defense|Envoy|envoy|minister|president|senator|spokesman|spokeswoman|director|chairman)"
    r"(?=\s+[A-Z])"
)
_PERSON_TAIL = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def _canonical(mention: str) -> str:
    """The name without titles: "South Korean Foreign Minister Kim Sung-hwan" -> "Kim Sung-hwan"."""
    m = re.sub(r"\s+", " ", mention.strip())
    last = None
    for t in _TITLE_WORD.finditer(m):
        last = t
    if last is not None:
        rest = m[last.end() :].strip()
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
    names = [
        w
        for w in re.findall(r"\b[A-Z][a-z]+\b", mention)
        if w not in ("An", "A", "The", "Some", "Two", "Three", "Several", "Many")
    ]
    for w in names:
        if _UNNAMED_HEAD.fullmatch(w) or _TYPE_WORDS[4][1].fullmatch(w):
            continue
        if country_of(w) is None and not re.match(
            r"(?:Ministry|Department|House|Foreign|Defense|State|Justice|Unification|Office|Agency|"
            r"Council|Party|Campaign|Committee|Senate|Congress|Administration|Government|Republican|"
            r"Democratic|Democrat|Trump|Clinton|Obama)",
            w,
        ):
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
                    if (
                        typ in ("person", "expert", "government")
                        and len(canon.split()) >= 2
                        and _NAME.fullmatch(canon)
                    ):
                        last_name_pos = self._last_name_before(mention.start)
                        if (
                            last_name_pos
                            and last_name_pos[1] != canon
                            and self._pos_of(canon) < last_name_pos[0]
                        ):
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
    >>> (q.text, q.kind, q.cue, q.speaker, q.speaker_type, q.affiliation)  # doctest: +NORMALIZE_WHITESPACE
    ('Prices will rise', 'indirect', 'according to', "Seoul's Unification Ministry", 'government',
     'South Korea')
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
    family = _find_family(text)
    family_starts = [m.start() for m in family]
    for s0, s1 in sentences:
        i0 = bisect.bisect_left(cue_starts, s0)
        i1 = bisect.bisect_left(cue_starts, s1)
        f0 = bisect.bisect_left(family_starts, s0)
        f1 = bisect.bisect_left(family_starts, s1)
        doc_in = text.startswith("In ", s0)
        if i0 == i1 and f0 == f1 and not doc_in:
            continue
        k = max(0, bisect.bisect_right(q_starts, s0) - 1)
        quotes = []
        while k < len(qspans) and qspans[k][0] < s1:
            if qspans[k][1] > s0:
                quotes.append(qspans[k])
            k += 1
        found = _sentence_attributions(text, s0, s1, quotes, qspans, all_cues[i0:i1]) if i0 < i1 else []
        if f0 < f1:
            found += _family_attributions(text, s0, s1, quotes, family[f0:f1], found)
        if doc_in and not found:
            found += _document_in(text, s0, s1)
        raws.extend(found)
    if ":" in text:
        raws.extend(
            r
            for r in _headline_attributions(text, excluded)
            if not any(o.start <= r.start < o.end or r.start <= o.start < r.end for o in raws)
        )
        raws.sort(key=lambda r: r.start)
    raws = _dedupe(raws)
    raws = _continue_quotes(text, raws, qspans, sentences)
    resolver = _Resolver(text, excluded)
    lowered = text.lower() if raws else ""
    anon_at = (
        [m.start() for m in _ANON_PHRASE.finditer(text)]
        if raws and any(hint in lowered for hint in _ANON_HINTS)
        else []
    )
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
            context = text[subj.start : r.cue_start] + " " + subj.appositive
            anon_phrase = bool(_ANON_PHRASE.search(context)) or any(
                r.sentence_start <= a < max(r.end, r.cue_end) for a in anon_at
            )
            speaker, inh_type, inh_aff = resolver.resolve(subj)
            app_name = subj.appositive.strip(" ,.")
            if app_name and _DET.match(subj.text) and _NAME.fullmatch(app_name):
                speaker = _canonical(app_name)  # "the company's chief executive, John J. Ferriola"
            unnamed = _is_unnamed(subj.text)
            anon = unnamed and (
                anon_phrase
                or subj.text.lower().split()[0]
                in ("sources", "a", "an", "one", "two", "three", "several", "some", "officials")
            )
            anon = anon or (anon_phrase and unnamed)
            if inh_type is not None and subj.text.lower() in _PRONOUNS:
                typ, aff = inh_type, inh_aff
            else:
                head = subj.refers_to or subj
                typ = _classify(head.text, head.appositive, anon)
                if typ == "person" and subj.text.lower() in _PRONOUNS and speaker:
                    typ = _previous_type(resolver, speaker) or "person"
                aff = (
                    country_of(f"{subj.text}, {subj.appositive}")
                    if typ != "person" or subj.appositive
                    else country_of(subj.appositive)
                    if subj.appositive
                    else None
                )
                if speaker and speaker != subj.text and typ in ("person", "unknown"):
                    typ = _previous_type(resolver, speaker) or typ
                if aff is None and speaker and speaker != subj.text:
                    aff = _previous_aff(resolver, speaker)
                if (
                    aff is None
                    and re.match(r"(?:its|their)\b", subj.text, re.IGNORECASE)
                    and resolver.speakers
                ):
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
        content = text[r.start : r.end]
        para = _bisect_count(paragraph_starts, r.start)
        out.append(
            Quote(
                text=content,
                start=r.start,
                end=r.end,
                kind=_kind(content),
                cue=text[r.cue_start : r.cue_end],
                cue_start=r.cue_start,
                cue_end=r.cue_end,
                speaker=speaker,
                speaker_start=s_start,
                speaker_end=s_end,
                speaker_type=typ,
                affiliation=aff,
                anonymous=anon,
                mention=mention_text,
                paragraph=para,
                position=r.start / n,
                verb_class=r.verb_class
                if r.verb_class != "speech" or text[r.cue_start : r.cue_end].lower() not in _THOUGHT_FORMS
                else "thought",
            )
        )
    return out


def _is_government_title(phrase: str) -> bool:
    return bool(
        re.search(
            r"\b(?:President|Minister|Secretary|Ambassador|Sen\.|Senator|Rep\.|Gov\.|Governor|Mayor|Chancellor|"
            r"Premier|spokesman|spokeswoman|official)\b",
            phrase,
        )
    )


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


def _continue_quotes(
    text: str, raws: list[_Raw], qspans: list[tuple[int, int]], sentences: list[tuple[int, int]]
) -> list[_Raw]:
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

    ``words_quoted`` counts the words of every attribution (quoted or paraphrased); ``with_quote_marks``
    counts the attributions that are direct or mixed. Sources are the resolved speakers; attributions with no
    resolved speaker are grouped as "(unresolved)". Sorted by words quoted, then mentions.

    >>> quotes = extract_quotes('"We will win," Lee said. Lee added that it would take time.')
    >>> row = source_summary(quotes).iloc[0]
    >>> (row["speaker"], int(row["mentions"]), int(row["words_quoted"]), int(row["with_quote_marks"]))
    ('Lee', 2, 8, 1)
    """
    import pandas as pd

    table = quote_table(quotes)
    columns = [
        "speaker",
        "mentions",
        "words_quoted",
        "with_quote_marks",
        "speaker_type",
        "affiliation",
        "anonymous",
        "first_position",
    ]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["speaker"] = table["speaker"].fillna("(unresolved)")
    table["is_direct"] = table["kind"] != "indirect"
    grouped = table.groupby("speaker", sort=False)
    summary = pd.DataFrame(
        {
            "mentions": grouped.size(),
            "words_quoted": grouped["words"].sum(),
            "with_quote_marks": grouped["is_direct"].sum(),
            "speaker_type": grouped["speaker_type"].agg(lambda s: s.mode().iloc[0]),
            "affiliation": grouped["affiliation"].agg(
                lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None
            ),
            "anonymous": grouped["anonymous"].any(),
            "first_position": grouped["position"].min(),
        }
    ).reset_index()
    return summary.sort_values(["words_quoted", "mentions"], ascending=False, ignore_index=True)[columns]


# ----------------------------------------------------------------------------------------------- pipeline


def find_quotes(context) -> list[Quote]:
    """The attributions of the article of an :class:`~analysis.context.ArticleContext` (offsets into
    ``article.text``); the context calls this once and shares the result as ``context.quotes``."""
    return quotes_for_article(context.article)


#: Schema of the table :func:`quote_records` writes (the pipeline adds ``article_id``).
TABLES: dict[str, dict[str, str]] = {
    "quotes": {
        "quote": "int64",
        "text": "str",
        "start": "int64",
        "end": "int64",
        "kind": "str",
        "cue": "str",
        "cue_start": "int64",
        "cue_end": "int64",
        "speaker": "str",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "speaker_type": "str",
        "affiliation": "str",
        "anonymous": "bool",
        "mention": "str",
        "paragraph": "int64",
        "position": "float64",
        "verb_class": "str",
        "words": "int64",
    }
}


def quote_records(context) -> dict[str, list[dict]]:
    """The ``quotes`` table: one row per attribution of ``context.quotes``, numbered by ``quote``.

    >>> from analysis.context import ArticleContext
    >>> rows = quote_records(ArticleContext.of('"We will not yield," the ministry said.'))["quotes"]
    >>> [(r["quote"], r["text"], r["speaker"], r["kind"]) for r in rows]
    [(0, '"We will not yield,"', 'ministry', 'direct')]
    """
    columns = [c for c in TABLES["quotes"] if c not in ("quote", "words")]
    return {
        "quotes": [
            {"quote": i, **{c: getattr(q, c) for c in columns}, "words": q.words}
            for i, q in enumerate(context.quotes)
        ]
    }
