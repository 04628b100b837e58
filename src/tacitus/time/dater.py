"""Event dating: give each event the date of the temporal expression that governs it.

For an event (its trigger head token in the spaCy parse) the governing timex is, in order:

1. a timex attached directly to the trigger ("asked ... early last month", "living since 2015",
   "the test in September 2017", "Sunday's vote"); failing that, one the parse attaches lower but that
   governs the trigger all the same ("lifted"):
   - a date phrase (in/on/at/during, or a bare date) on a noun inside the trigger's arguments, unless a
     noun on the way names a happening with its own date ("agreed to a ceasefire on Monday", "requested
     aid from Germany on Monday"; not "criticised the election in May", "condemned Sunday's attack");
   - a day of the past week on the to-complement of a past verb ("ordered the diplomats to leave the
     country on Wednesday"), a bare participle's date ("Speaking on Saturday, Obama blamed ..."), the
     date of a second conjunct that shares the first one's object ("seizing and slaughtering pigs on
     Thursday");
   - a date phrase on a noun inside a nominal trigger's own arguments ("the strike by miners at the
     Grasberg mine in August"), unless another event noun comes first on the way;
   - for an aspectual or implicative verb, its complement's date ("began trading this summer");
   - for a verb whose subject is a figure (role ``figure``) with its own period, that period, ahead of a
     bare date or the base of a comparison ("third-quarter net income rose 11% ... from $X a year ago");
     for a figure noun, that period or a for-phrase of its verb ("report net income ... for the third
     quarter"), and for a nominal change, the period of the figure in its in/of-phrase ("a 77% drop in
     third-quarter net income");
   - for a nominal event, the date of the scheduling verb that sets it (role ``schedule``: "scheduled a
     news conference for later today", "a memorial service planned for Saturday") or of a carrier verb's
     participle that modifies it ("remarks made last week"); a carrier verb's participle takes the date
     of the noun it modifies ("joined NATO on Friday at a ceremony held in Missouri"), and so does the
     -ing participle of a carrier verb's object ("issued a joint statement Friday saying ...");
   - a bare past date right after the object of a verb in the present or future dates that object
     ("is still considering a request last week from ...");
   - a day of the past week on a purpose clause dates the past verb it modifies, as on a to-complement
     ("extended their offers to acquire the company Friday");
2. the timex that a clause holding the trigger modifies ("since 2016, when X fled");
3. a timex attached to a verb the trigger depends on inside the same clause (xcomp, conj, acomp, a
   participle, purpose or as/while/when adverbial clause, the carrier verb of a nominal subject/object:
   "imposed sanctions on Friday", "went on strike on Monday"; a nominal trigger in an at/in/during phrase
   of a verb: "spoke at a news conference on Monday", not "charged ... in the slaying"), never from a
   conjunct in another tense ("sought ... last week but doesn't own any yet"), and never across a
   reporting verb's complement, a relative clause or an apposition: a clause holding its own timex
   governs only its own verbs;
4. the date of an event noun that dates a past trigger: its subject ("An April 20 explosion killed 11
   workers"), its in/at/during phrase ("killed in Sunday's explosion") or the head of its relative
   clause ("the April 20 explosion that killed 11 workers");
5. a timex inside the object of a temporal preposition of the trigger ("expelled ... following the
   test in September 2017" -> after 2017-09), or the date of a since/after/before/until clause of the
   trigger ("have been built since it entered production in February 1947" -> from 1947-02 on; not a
   later date for a past verb).

An as/while/when clause shares the time of the clause it modifies also when the parser makes "when" an
advmod of the clause ("implied as much yesterday when reporters asked").

A phrase is temporal when its object is a timex, whatever the preposition; "from" and "by" relate an
event to an event noun only then ("aid from Germany" is no time), topic prepositions never ("discussion
concerning June 4 1989"). The preposition gives the relation (``resources/<lang>/time/dating.tsv``):
in/on/at/during -> the timex interval; since/from -> open end; after/following -> open end, start after;
before/prior to -> open start; until/by -> end. Mods narrow the interval (``mod_interval``): early/mid/
late -> the first/middle/last third of the period ("early last month" -> days 1-10), "earlier/later
this week" -> up to / from the publication date.
With no governing timex: reporting events get the publication date (basis "publication"); other
events get basis "unknown", with end = publication date when the verb is past tense (start None),
start = publication date when it is future, never silently the publication date.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from functools import lru_cache

from ..model import EventDate, Span, Timex
from .resources import RES_ROOT, read_roles
from .tense import verb_tense


def _dating_table(lang: str = "en") -> dict[str, dict[str, frozenset[str]]]:
    """role -> {word: flags}, from resources/<lang>/time/dating.tsv (a word may have several roles)."""
    return read_roles(RES_ROOT / lang / "time" / "dating.tsv")


def _dating_words(lang: str = "en") -> dict[str, str]:
    """word -> role for the prepositions and subordinators (since/after/before/until/in)."""
    return {w: r for r, ws in _dating_table(lang).items() if r in ("since", "after", "before", "until", "in")
            for w in ws}


_TABLE = _dating_table()
SIGNALS = _dating_words()
TEMPORAL_PREPS = {w for w, r in SIGNALS.items() if r != "in"}
# temporal prepositions that also relate an event to an event noun ("after the election"); the others
# ("from", "by") are temporal only when their object is a timex
EVENT_PREPS = {w for w in TEMPORAL_PREPS
               if "timex" not in _TABLE.get(SIGNALS[w], {}).get(w, frozenset())}
WITHIN = {w for w, r in SIGNALS.items() if r == "in"}
# a nominal event takes the time of its verb only through verbs that just carry it
CARRIER_VERBS = set(_TABLE.get("carrier", {}))
# ... and those that also pass it to their subject ("the attack happened on Friday")
CARRIER_SUBJ = {w for w, f in _TABLE.get("carrier", {}).items() if "subj" in f}
# nouns naming a happening: a date phrase on them is theirs, not their verb's
EVENT_NOUNS = set(_TABLE.get("event", {}))
# aspectual and implicative verbs: their time is that of their to/-ing complement ("began trading this
# summer", "will start producing chips next week", "failed to enforce an order in 1992")
ASPECTUAL = set(_TABLE.get("aspectual", {}))
# subordinators whose clause shares the time of the clause it modifies ("... as he condemned ...")
SAME_TIME = set(_TABLE.get("same", {}))
# prepositions of topic: their timex object dates nothing ("discussion concerning June 4 1989")
TOPIC_PREPS = set(_TABLE.get("topic", {}))
# mod words relative to the publication date ("earlier this week": Monday .. publication date)
_MOD_NOW = [w for w, f in _TABLE.get("mod", {}).items() if "now" in f]
MOD_NOW_RX = re.compile(r"\b(?:" + "|".join(map(re.escape, _MOD_NOW)) + r")\b", re.I) if _MOD_NOW else None
# dependency labels that open a new clause: a timex inside does not govern verbs outside, and vice versa
BOUNDARY = {"relcl", "acl", "ccomp", "parataxis", "csubj", "csubjpass", "appos", "advcl", "pcomp"}
LIGHT_EDGES = {"xcomp", "conj", "aux", "auxpass", "neg", "prt", "acomp"}  # acomp: "was due to meet"
NOUN_EDGES = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")
# the argument edges through which a date phrase on a noun reaches the verb ("agreed to a ceasefire on
# Monday": ceasefire -pobj-> to -prep-> agreed)
ARG_EDGES = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "obj"}
# prepositions through which a carrier verb passes its time to a nominal event ("went on strike")
CARRIER_PREPS = {"on", "in", "into", "under"}
# "killed in the April 20 explosion", "spoke at Monday's summit": the event noun's date is the verb's
WITHIN_EVENT = {"in", "during", "at"} & WITHIN
# the prepositions of a date phrase that may be lifted from a noun to its verb (see _lift_noun)
LIFT_SIGNALS = WITHIN & {"in", "on", "at", "during"}
# "spoke at a news conference on Monday", "killed in a bombing in 1995": a nominal event in such a phrase
# of a verb shares the verb's time
SHARE_PREPS = set(_TABLE.get("share", {}))
# ... unless the verb is one whose in-phrase names the case, an earlier event ("charged on Thursday in the
# slaying of a doctor", "arrested in the bombings")
CASE_VERBS = set(_TABLE.get("case", {}))
# verbs that set the time of the event they name: "scheduled a news conference for later today"
SCHEDULE_VERBS = set(_TABLE.get("schedule", {}))
# nouns naming a reported figure for a period ("third-quarter net income rose 11%"): see _figure_period
FIGURE_NOUNS = set(_TABLE.get("figure", {}))
# the edges inside a noun phrase from a prenominal date to its noun ("third-quarter GNP growth", "Last
# year's results", "Year-earlier results")
PRENOMINAL = {"compound", "amod", "nmod", "poss", "npadvmod", "nummod"}
# signals that tie a date phrase to the verb itself: they keep it ahead of a figure's own period
FIGURE_KEEP = {"in", "during", "for", "through", "over", "throughout", "within"}


@lru_cache(maxsize=20000)
def _stems(low: str) -> frozenset[str]:
    """Naive stems of a surface form, for words the lemmatizer gets wrong ("staged" -> "stag")."""
    out = {low}
    for suf, rep in (("ed", ""), ("d", ""), ("s", ""), ("es", ""), ("ing", ""), ("ing", "e"), ("ied", "y"),
                     ("ies", "y")):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            out.add(low[: -len(suf)] + rep)
    if len(low) > 5 and low.endswith("ed") and low[-3] == low[-4]:
        out.add(low[:-3])  # "planned" -> "plan"
    return frozenset(out)


def _forms(tok) -> frozenset[str]:
    return _stems(tok.lower_) | {tok.lemma_.lower()}


def _is_carrier(tok, subject: bool = False) -> bool:
    return tok.pos_ in ("VERB", "AUX") and not _forms(tok).isdisjoint(CARRIER_SUBJ if subject else CARRIER_VERBS)


def _is_event_noun(tok) -> bool:
    """A noun naming a happening ("election"), or the name of one ("Hurricane Katrina", spaCy EVENT)."""
    if not _forms(tok).isdisjoint(EVENT_NOUNS) or tok.ent_type_ == "EVENT":
        return True
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and not _forms(c).isdisjoint(EVENT_NOUNS)
                                       for c in tok.children)


_GRANULARITY = [(re.compile(p), g) for p, g in (
    (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-W\d\d(-WE)?", "week"), (r"\d{4}-\d\d", "month"),
    (r"\d{4}-Q\d", "quarter"), (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{4}(-H\d)?", "year"),
    (r"\d{3}", "decade"), (r"\d{2}", "century"))]
_TIME_VALUE = re.compile(r"\d{4}-\d\d-\d\dT")


def granularity_of(value: str | None) -> str:
    v = value or ""
    if "T" in v[4:] and _TIME_VALUE.match(v):
        return "time"
    for rx, gran in _GRANULARITY:
        if rx.fullmatch(v):
            return gran
    return "unknown"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def timex_interval(t: Timex, dct: date) -> tuple[date | None, date | None] | None:
    """The interval a timex denotes for dating (None when it cannot anchor an event)."""
    if t.type in ("DATE", "TIME"):
        if t.value == "PRESENT_REF":
            return dct, dct
        if t.value == "PAST_REF":
            return None, dct
        if t.value == "FUTURE_REF":
            return dct, None
        a, b = _day(t.interval_start), _day(t.interval_end)
        if a is None and b is None:
            return None
        return a, b
    if t.type == "DURATION":
        # "over the past three decades" / "in the next two years": an interval ending/starting at the DCT
        low = t.text.lower()
        m = re.match(r"P(\d+(?:\.\d+)?)(Y|M|W|D)$", t.value)
        if not m:
            return None
        # a huge number ("the past 10^307 years", a long numeral) is clamped to the calendar: the
        # interval then runs from its first day or to its last (float("1e400") is inf: also clamped)
        span = float(m.group(1)) * {"Y": 365.25, "M": 30.44, "W": 7, "D": 1}[m.group(2)]
        if re.search(r"\b(past|last|previous|recent)\b", low):
            back = (dct - date.min).days
            return (dct - timedelta(days=int(span)) if span < back else date.min), dct
        if re.search(r"\b(next|coming|following)\b", low):
            ahead = (date.max - dct).days
            return dct, (dct + timedelta(days=int(span)) if span < ahead else date.max)
    return None


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def mod_interval(a: date | None, b: date | None, mod: str | None) -> tuple[date | None, date | None]:
    """The part of [a, b] that "early"/"mid"/"late" (TIMEX3 mod START/MID/END) denotes: its first,
    middle or last third, cut at whole units -- years for a span of whole years ("early 1990s" ->
    1990-1992), else months ("late 2015" -> Sep-Dec, "early Q3" -> July), else days ("early December" ->
    1-10, "mid-December" -> 11-20, "late December" -> 21-31; "early next week" -> Mon-Tue). A single day
    (or an open or reversed interval) is returned unchanged."""
    if mod not in ("START", "MID", "END") or a is None or b is None or b <= a or b == date.max:
        return a, b
    nxt = b + timedelta(days=1)
    if a.month == 1 and a.day == 1 and nxt.month == 1 and nxt.day == 1 and nxt.year - a.year >= 3:
        n = nxt.year - a.year
        c1, c2 = date(a.year + n // 3, 1, 1), date(a.year + 2 * n // 3, 1, 1)
    elif a.day == 1 and nxt.day == 1 and (nxt.year - a.year) * 12 + nxt.month - a.month >= 3:
        n = (nxt.year - a.year) * 12 + nxt.month - a.month
        c1, c2 = _add_months(a, n // 3), _add_months(a, 2 * n // 3)
    else:
        n = (nxt - a).days
        c1, c2 = a + timedelta(days=n // 3), a + timedelta(days=2 * n // 3)
    if mod == "START":
        return a, c1 - timedelta(days=1)
    if mod == "MID":
        return c1, c2 - timedelta(days=1)
    return c2, b


class _Doc:
    """Token <-> timex lookups for one spaCy Doc."""

    def __init__(self, doc, timexes: list[Timex]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.tok_timex: dict[int, int] = {}
        self.heads: list[int | None] = []
        for k, tx in enumerate(timexes):
            toks = self.tokens(tx.start, tx.end)
            for i in toks:
                self.tok_timex.setdefault(i, k)
            self.heads.append(self.head(toks))

    def head(self, toks: list[int]) -> int | None:
        """The first of ``toks`` whose syntactic head lies outside them (or is itself): the phrase head."""
        for i in toks:
            h = self.doc[i].head.i
            if h not in toks or h == i:
                return i
        return None

    def tokens(self, start: int, end: int) -> list[int]:
        i = bisect.bisect_right(self.starts, start) - 1
        out = []
        i = max(i, 0)
        while i < len(self.doc) and self.doc[i].idx < end:
            if self.doc[i].idx + len(self.doc[i]) > start:
                out.append(i)
            i += 1
        return out


def _attachment(dd: _Doc, k: int):
    """Where timex k attaches: (token the timex modifies, signal word, first-conjunct timex index)."""
    doc = dd.doc
    h = dd.heads[k]
    if h is None:
        return None, None, k
    tok = doc[h]
    first = k
    # a conjunct of another timex ("in 1991 and 1996") shares the attachment of the first
    seen = 0
    while tok.dep_ in ("conj", "appos") and tok.head.i in dd.tok_timex and seen < 5:
        first = dd.tok_timex[tok.head.i]
        if dd.heads[first] is None:
            break
        tok = doc[dd.heads[first]]
        seen += 1
    signal = None
    a = tok.head
    if a.i == tok.i:
        return None, None, first
    if a.dep_ in ("prep", "mark") or a.pos_ in ("ADP", "SCONJ") or (a.tag_ == "IN"):
        signal = a.lower_
        if signal in TOPIC_PREPS:
            return None, None, first
        if signal == "to" and a.head.lower_ in ("prior", "up", "leading"):
            signal = "prior" if a.head.lower_ == "prior" else "until"
            a = a.head
        elif signal == "of" and a.head.lower_ in ("ahead",):
            signal = "ahead"
            a = a.head
        a = a.head
    elif tok.dep_ in ("pobj",) and a.lower_ in SIGNALS:  # TEMPORAL_PREPS | WITHIN
        signal = a.lower_
        a = a.head
    # PP-attachment repair: "V ... following the test in September 2017" -> the timex modifies "test"
    if signal in ("in", "on", "during", "of") and a.pos_ in ("VERB", "AUX"):
        prep_i = None
        for c in a.children:
            if c.lower_ == signal and c.i < h:
                prep_i = c.i
        if prep_i is not None and prep_i > 0:
            prev = doc[prep_i - 1]
            if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "pobj" and \
                    prev.head.lower_ in EVENT_PREPS and prev.i > a.i:
                return prev, signal, first
    return a, signal, first


def _lift_noun(dd: _Doc, k: int, a, nominal: int | None = None):
    """The verb whose argument noun ``a`` the timex k modifies, when the date phrase governs that verb.

    Parsers often attach a trailing date phrase low, to the object or to a noun inside the verb's
    arguments ("agreed to a ceasefire on Monday", "requested aid from Germany on Monday"); such a phrase
    dates the verb, unless a noun on the way names a happening with its own date ("criticised the
    election in May") or the way passes through a temporal preposition ("expelled following the test in
    September 2017": handled as an indirect relation). A possessive or compound timex ("Sunday's vote",
    "the Monday meeting") always belongs to its noun.

    With ``nominal`` (the token index of a nominal event), the same way leads to that noun instead:
    "the bombings of U.S. embassies in Kenya and Tanzania last year", "a ceremony in Independence, Mo., on
    March 12" date the bombings and the ceremony (returned when reached through of/at/in... phrases).
    """
    if a is None or a.pos_ not in NOUNISH:
        return None
    h = dd.heads[k]
    if h is None:
        return None
    doc = dd.doc
    ht = doc[h]
    if ht.dep_ == "pobj":
        p = ht.head
        if p.lower_ not in LIFT_SIGNALS:
            return None
        # "comparisons to Hurricane Katrina in 2005": the date of the event noun just before it
        if p.i > 0 and doc[p.i - 1].pos_ in ("NOUN", "PROPN") and _is_event_noun(doc[p.i - 1]):
            return None
    elif ht.dep_ not in ("npadvmod", "tmod", "advmod", "obl"):
        return None  # "Sunday's vote", "the April 20 blowout", "the Monday meeting": the noun's own date
    n = a
    for _ in range(6):
        if nominal is not None and n.i == nominal and n.i != a.i:
            return n
        if n.i in dd.tok_timex or _is_event_noun(n):
            return None
        dep, par = n.dep_, n.head
        if par.i == n.i:
            return None
        if dep in ("compound", "conj") and par.pos_ in NOUNISH:
            n = par
            continue
        if dep in ARG_EDGES:
            return par if par.pos_ in ("VERB", "AUX") and nominal is None else None
        if dep == "pobj" and par.dep_ in ("prep", "agent", "dative"):
            if par.lower_ in EVENT_PREPS:
                return None
            g = par.head
            if g.i == par.i:
                return None
            if g.pos_ in ("VERB", "AUX"):
                return g if nominal is None else None
            if g.pos_ in NOUNISH:
                n = g
                continue
        return None
    return None


def _finite_tense(tok) -> str | None:
    """The tense a verb carries itself (past, present or future), from its own auxiliary or its finite
    form; None for a bare form that shares the tense of another ("will seize and slaughter")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            lw = c.lower_
            if lw in ("will", "'ll", "shall", "wo"):
                return "future"
            if c.tag_ == "VBD" or lw in ("has", "have", "'ve"):
                return "past"
            if c.tag_ in ("VBZ", "VBP"):
                return "present"
            return None  # modals and others
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _simple_past(tok) -> bool:
    """A verb in the simple past, active ("stood") or passive ("was shot"), not in a perfect ("had
    stood") or with a modal ("would stand")."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBD":
        return not auxes
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ == "VBD"


def _relation(signal: str | None) -> str:
    return SIGNALS.get(signal or "", "in")


class Dater:
    def __init__(self, ctx):
        self.ctx = ctx
        self.dct: date = ctx.dct
        self.timexes: list[Timex] = list(ctx.timexes)
        self.doc = ctx.doc
        self.dd = _Doc(self.doc, self.timexes) if self.doc is not None and len(self.doc) else None
        self._ivs: dict[int, tuple[date | None, date | None] | None] = {}
        self.att = []
        # lifted[k]: a verb that timex k also governs although the parse attaches it elsewhere (a noun
        # inside the verb's arguments, or the verb's own to-complement); used when nothing is attached
        # to that verb directly
        self.lifted: list[int | None] = []
        if self.dd is not None:
            for k in range(len(self.timexes)):
                iv = self._iv(k)
                self.att.append(_attachment(self.dd, k) if iv is not None else (None, None, k))
                self.lifted.append(self._lift(k, iv))
        self.reporting_heads = {ev.head_token for ev in ctx.events if ev.reporting and ev.head_token is not None}

    def _iv(self, k: int) -> tuple[date | None, date | None] | None:
        """timex_interval of timex k, computed once (None: the timex cannot anchor an event)."""
        if k not in self._ivs:
            self._ivs[k] = timex_interval(self.timexes[k], self.dct)
        return self._ivs[k]

    def _liftable(self, k: int) -> bool:
        """Timex k may date a verb or noun other than the one the parse attaches it to: a date or time
        with an interval (vague "now", "the future", "recently" stay where the parse puts them)."""
        t = self.timexes[k]
        return self.att[k][0] is not None and self._iv(k) is not None and t.type in ("DATE", "TIME") \
            and not t.value.endswith("_REF")

    def _lift(self, k: int, iv) -> int | None:
        a, sig, first = self.att[k]
        if not self._liftable(k):
            return None
        v = _lift_noun(self.dd, k, a)
        if v is not None:
            return v.i
        if a.pos_ not in ("VERB", "AUX") or _relation(sig) != "in" or a.head.i == a.i:
            return None
        par = a.head
        # "started seizing and slaughtering herds of pigs on Thursday": a first conjunct without its own
        # object shares the second's arguments and date
        if a.dep_ == "conj" and par.pos_ in ("VERB", "AUX") and par.i < a.i \
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "prep") for c in par.children):
            return par.i
        # "Speaking on Saturday, Obama blamed ...": a bare present participle shares the main verb's time
        if a.dep_ == "advcl" and a.tag_ == "VBG" and par.tag_ == "VBD" \
                and not any(c.dep_ in ("mark", "aux", "auxpass") for c in a.children):
            return par.i
        # "ordered the diplomats to leave the country on Wednesday": a day of the past week (news
        # style) on a to-complement dates the past verb it complements; a later date is the
        # complement's own ("agreed to release them next week"), and so is an older one
        # (also a purpose clause: "extended their offers to acquire the manufacturer Friday")
        purpose = a.dep_ == "advcl" and self._same_time_clause(a) == "purpose"
        if (a.dep_ == "xcomp" or purpose) and iv[0] is not None and iv[1] is not None and iv[0] == iv[1] \
                and timedelta(0) <= self.dct - iv[1] <= timedelta(days=7):
            par = a.head
            if par.i != a.i and par.pos_ in ("VERB", "AUX") and verb_tense(par) == "past":
                return par.i
        return None

    # -- main ---------------------------------------------------------------------------------
    def date_all(self) -> None:
        events = self.ctx.events
        # "X and Y ... in 1991 and 1996 respectively": events sharing a trigger take the conjuncts in order
        by_head: dict[int, list] = {}
        for ev in events:
            h = self._head(ev)
            ev.head_token = h if ev.head_token is None else ev.head_token
            if h is not None:
                by_head.setdefault(h, []).append(ev)
        for ev in events:
            try:
                ev.date = self.date_event(ev, by_head)
            except Exception:  # dating never breaks the pipeline
                ev.date = self._none(ev)

    def _head(self, ev) -> int | None:
        if ev.head_token is not None:
            return ev.head_token
        if self.dd is None:
            return None
        toks = self.dd.tokens(ev.trigger.start, ev.trigger.end)
        if not toks:
            return None
        h = self.dd.head(toks)
        return toks[0] if h is None else h

    def date_event(self, ev, by_head) -> EventDate:
        if self.dd is None:
            return self._fallback(ev)
        h = ev.head_token
        if h is None or h >= len(self.doc):
            return self._fallback(ev)
        found = self._govern(h)
        if not found:
            return self._none(ev)
        ks, signal, indirect = found
        ks = [k for k in ks if self._iv(k) is not None]
        if not ks:
            return self._none(ev)
        sent = self.doc[h].sent
        group = sorted(set(ks), key=lambda k: self.timexes[k].start)
        if len(group) > 1:
            same = by_head.get(h, [])
            if "respectively" in sent.text.lower() and len(same) == len(group):
                order = sorted(same, key=lambda e: ((e.source.start if e.source else 10 ** 9),
                                                    e.trigger.start))
                return self._make(group[order.index(ev)], signal, indirect)
            if signal in ("between", "from") or len(group) == 2 and signal in ("in", None):
                return self._span(group[0], group[-1], signal)
        return self._make(group[0], signal, indirect)

    # -- governing timex ----------------------------------------------------------------------
    def _direct(self, tok_i: int):
        """Timexes attached directly to token tok_i (grouped by first conjunct), best first."""
        res = self._by_first(k for k, (a, _, _) in enumerate(self.att) if a is not None and a.i == tok_i)
        if not res:
            # nothing attached to the token itself: a date phrase on a noun inside its arguments
            res = self._by_first(k for k, (_, _, first) in enumerate(self.att)
                                 if self.lifted[k] == tok_i and self.lifted[first] == tok_i)
        tok = self.doc[tok_i]
        if not res and tok.pos_ in ("VERB", "AUX") and not _forms(tok).isdisjoint(ASPECTUAL):
            # "began trading this summer": an aspectual verb takes its complement's date
            for c in tok.children:
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > tok_i:
                    d = self._direct(c.i)
                    if d:
                        return d
        if not res and tok.pos_ in ("NOUN", "PROPN"):
            # "scheduled a news conference for later today", "a memorial service planned for Saturday",
            # "the vote is scheduled for Friday": the scheduling verb's date is that of the event it sets
            for v in [tok.head] * (tok.dep_ in ("dobj", "nsubjpass")) + [c for c in tok.children
                                                                         if c.dep_ in ("acl", "amod")]:
                if v.pos_ in ("VERB", "ADJ") and not _forms(v).isdisjoint(SCHEDULE_VERBS) and v.i != tok_i:
                    d = self._direct(v.i)
                    if d and (d[1] == "for" or all(self._recent(k) for k in d[0])):
                        return d
            # "is still considering a request last week from Elian's father": a bare past date right after
            # the object of a verb in the present or future cannot date that verb; it is the object's
            v = tok.head
            if tok.dep_ == "dobj" and v.pos_ in ("VERB", "AUX") and verb_tense(v) in ("present", "future"):
                for k, (a, sig, first) in enumerate(self.att):
                    iv = self._iv(k)
                    if a is not None and a.i == v.i and sig is None and k == first and iv and iv[1] is not None \
                            and iv[1] < self.dct and self.dd.tokens(self.timexes[k].start, self.timexes[k].end)[0] \
                            == tok.right_edge.i + 1:
                        return [k], None
            # "remarks made last week by the ambassador", "a ceremony held on Friday": a carrier verb's
            # participle passes its date to the nominal event it modifies, as to its object
            for v in tok.children:
                if v.dep_ == "acl" and v.tag_ == "VBN" and _is_carrier(v) \
                        and not any(c.dep_ in ("mark", "aux", "nsubj") for c in v.children):
                    d = self._direct(v.i)
                    if d:
                        return d
        if not res and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            # a figure with its period ("third-quarter GNP growth", "net income ... for the third quarter"),
            # or a nominal change in/of one ("a 77% drop in third-quarter net income")
            k = self._figure_period(tok)
            if k is None and tok.pos_ != "ADJ":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                        for o in c.children:
                            if o.dep_ == "pobj" and k is None:
                                k = self._figure_period(o, own_only=True)
            if k is not None:
                return [k], "in"
        if not res and tok.pos_ in ("NOUN", "PROPN"):
            # a nominal event: a date phrase on a noun inside its own arguments
            res = self._by_first(k for k, (a, _, first) in enumerate(self.att)
                                 if k == first and self._liftable(k)
                                 and _lift_noun(self.dd, k, a, nominal=tok_i) is not None)
        if not res:
            return None
        # a range "from X to Y": two separate direct timexes with from/to signals
        sigs = {self.att[f][1]: f for f in res}
        if "from" in sigs and ("to" in sigs or "until" in sigs or "through" in sigs):
            f1, f2 = sigs["from"], sigs.get("to", sigs.get("until", sigs.get("through")))
            return [f1, f2], "from"
        # prefer the finest interval
        best = min(res.values(), key=lambda v: self._width(v[0][0]))
        return best[0], best[1]

    def _figure_period(self, noun, own_only: bool = False) -> int | None:
        """The period of a figure noun (role ``figure``): a date inside its own noun phrase, before it
        ("third-quarter net income", "third-quarter GNP growth", "Last year's results"), else (unless
        ``own_only``) a for-phrase of the verb whose object it is or of the noun whose in/of-phrase it
        is in ("report net income of 15 cents a share for the third quarter", "a decline in net income
        for its third quarter")."""
        if noun.pos_ not in ("NOUN", "PROPN", "ADJ") or _forms(noun).isdisjoint(FIGURE_NOUNS):
            return None
        for t in noun.subtree:
            if t.i >= noun.i:
                break
            k = self.dd.tok_timex.get(t.i)
            if k is None or self.dd.heads[k] != t.i or not self._period(k):
                continue
            x = t
            for _ in range(5):
                if x.dep_ not in PRENOMINAL or x.head.i == x.i:
                    break
                x = x.head
                if x.i == noun.i:
                    return self.att[k][2]
        for k, (a, sig, first) in enumerate(self.att):
            # "net income for the third quarter fell 6%": a for-phrase of the figure itself
            if a is not None and k == first and sig == "for" and a.i == noun.i and self._period(k):
                return k
        if own_only:
            return None
        par = noun.head
        if noun.dep_ == "pobj" and par.dep_ == "prep" and par.lower_ in ("in", "of"):
            par = par.head
        elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            return None
        for k, (a, sig, first) in enumerate(self.att):
            if a is not None and k == first and sig == "for" and a.i in (par.i, noun.i) and self._period(k):
                return k
        return None

    def _recent(self, k: int) -> bool:
        """Timex k ends in the publication week or later (a date something can be scheduled for)."""
        iv = self._iv(k)
        return iv is not None and iv[1] is not None and iv[1] >= self.dct - timedelta(days=7)

    def _period(self, k: int) -> bool:
        """Timex k is a date with an interval (a period a figure can be for)."""
        t = self.timexes[k]
        return t.type == "DATE" and not t.value.endswith("_REF") and self._iv(k) is not None

    def _by_first(self, ks) -> dict[int, tuple[list[int], str | None]]:
        """Timexes ``ks`` grouped by first conjunct: first -> (the timexes, the first signal found)."""
        res: dict[int, tuple[list[int], str | None]] = {}
        for k in ks:
            sig, first = self.att[k][1], self.att[k][2]
            group, s0 = res.get(first, ([], sig))
            group.append(k)
            res[first] = (group, s0 if s0 else sig)
        return res

    def _width(self, k: int) -> int:
        iv = self._iv(k)
        if not iv or iv[0] is None or iv[1] is None:
            return 10 ** 7
        return (iv[1] - iv[0]).days

    def _govern(self, h: int, nested: bool = False):
        doc = self.doc
        tok = doc[h]
        d = self._direct(h)
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
        if tok.pos_ in ("VERB", "AUX") and not perfect and not (d and d[1] in FIGURE_KEEP and any(
                self.att[k][0] is not None and self.att[k][0].i == h for k in d[0])):
            # "third-quarter net income rose 11% ... from $X a year earlier": the figure's period dates
            # the verb whose subject it is, ahead of a bare date or the base of a comparison; not a
            # present perfect, which is about now ("the year-ago results have been restated")
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    k = self._figure_period(c, own_only=True)
                    if k is not None:
                        return [k], "in", False
        if d:
            return d[0], d[1], False
        # the trigger sits inside a timex's clause ("since 2016, when X fled")
        cur = tok
        for _ in range(12):
            if cur.head.i == cur.i:
                break
            if cur.head.i in self.dd.tok_timex and cur.dep_ in ("relcl", "acl", "advcl"):
                return [self.dd.tok_timex[cur.head.i]], "in", False
            if cur.dep_ in BOUNDARY:
                break
            cur = cur.head
        # inherit from the verbs the trigger depends on, within its clause
        cur = tok
        # participle clauses chain ("..., printing ... and posting warnings ... urging people ..."); a
        # purpose or as/while/when clause is crossed only as the first adverbial clause on the way, and
        # no adverbial clause after it ("planned the trip in March, shortening it to be in Washington
        # and lobby ...": lobbying is not dated March)
        advcl_hops, strict_hop = 0, False
        for _ in range(12):
            dep = cur.dep_
            par = cur.head
            if par.i == cur.i:
                break
            same = False
            if dep == "advcl" and not strict_hop:
                kind = self._same_time_clause(cur)
                same = kind == "participle" or (kind is not None and advcl_hops == 0)
                if same:
                    advcl_hops += 1
                    strict_hop = kind != "participle"
                if kind == "mark-up":
                    par = par.head  # "suggested BP was trying to ..., as he condemned ...": see _same_time_clause
            ok = dep in LIGHT_EDGES or same or (dep in NOUN_EDGES and cur.pos_ in ("NOUN", "PROPN")
                                                and _is_carrier(par, subject=dep in ("nsubj", "nsubjpass")))
            if not ok and dep == "pobj" and cur.pos_ in ("NOUN", "PROPN") and par.dep_ == "prep" \
                    and (par.lower_ in CARRIER_PREPS and _is_carrier(par.head)
                         or cur.i == h and par.lower_ in SHARE_PREPS and par.head.pos_ in ("VERB", "AUX")
                         and _forms(par.head).isdisjoint(CASE_VERBS)):
                # "went on strike on Monday": through the preposition to the carrier verb; "spoke at a
                # news conference on Monday": the nominal trigger to the verb it is the setting of
                cur = par
                dep, par = cur.dep_, cur.head
                ok = True
            if not ok:
                break
            if par.i in self.reporting_heads and dep not in ("conj", "xcomp") and not same:
                break
            if dep == "conj" and _finite_tense(cur) is not None and _finite_tense(par) is not None \
                    and _finite_tense(cur) != _finite_tense(par):
                break  # "sought clearance last week ... but doesn't own any yet": conjuncts in two tenses
            d = self._direct(par.i)
            if d:
                return d[0], d[1], False
            cur = par
        # "joined NATO on Friday at a ceremony held in Missouri", "the Feb. 23 accord signed by Annan": a
        # carrier verb's participle has the date of the noun it modifies
        n = tok.head
        if tok.dep_ == "acl" and n.pos_ in ("NOUN", "PROPN") and (
                tok.tag_ == "VBN" and _is_carrier(tok)
                # "issued a joint statement Friday saying ...", "filed lawsuits Thursday accusing ...": the
                # -ing participle of the object of a carrier verb has that object's time
                or tok.tag_ == "VBG" and n.dep_ == "dobj" and _is_carrier(n.head)) \
                and not any(c.dep_ in ("mark", "aux", "nsubj") for c in tok.children) and not nested:
            g = self._govern(n.i, nested=True)
            if g and not g[2]:
                return g
        # an event noun with its own date, as the trigger's subject, "in"-phrase or relative-clause head
        found = self._event_noun_time(tok)
        if found is not None:
            return [found], "in", False
        # a timex inside the object of a temporal preposition of the trigger
        for k, (a, sig, first) in enumerate(self.att):
            if a is None or k != first:
                continue
            p = a.head if a.dep_ == "pobj" else None
            if p is not None and p.lower_ in EVENT_PREPS and p.head.i == h:
                return [k], p.lower_, True
        # a since/after/before/until clause with its own date ("copies have been built since it entered
        # production in February 1947" -> from 1947-02 on): the clause's event bounds the trigger
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX"):
                    continue
                marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
                if len(marks) == 1 and marks[0] in EVENT_PREPS and _relation(marks[0]) != "in":
                    d = self._direct(c.i)
                    if d and len(d[0]) == 1 and _relation(d[1]) == "in":
                        iv = self._iv(d[0][0])
                        if _relation(marks[0]) in ("since", "after") and verb_tense(tok) == "past" \
                                and iv and iv[0] is not None and iv[0] > self.dct:
                            continue  # a later date is not the bound of a past event ("promised ...")
                        return d[0], marks[0], True
        return None

    def _noun_timex(self, noun) -> int | None:
        """The timex attached to an event noun ("Sunday's attack", "the April 20 explosion", "the
        explosion on April 20"), if it is one."""
        if noun.pos_ not in ("NOUN", "PROPN") or not _is_event_noun(noun):
            return None
        for k, (a, sig, first) in enumerate(self.att):
            if a is not None and a.i == noun.i and k == first and _relation(sig) == "in":
                return k
        return None

    def _event_noun_time(self, tok) -> int | None:
        """A verb takes the date of an event noun in its in/at/during phrase ("killed in the April 20
        explosion", "spoke at Monday's summit"); a past verb also that of its event-noun subject ("An April
        20 explosion killed 11 workers") or of the event noun its relative clause modifies ("the April 20
        explosion that killed 11 workers")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in WITHIN_EVENT:
                for o in c.children:
                    if o.dep_ == "pobj":
                        k = self._noun_timex(o)
                        if k is not None:
                            return k
        if verb_tense(tok) != "past" or tok.tag_ not in ("VBD", "VBN"):
            return None
        for c in tok.children:
            if c.dep_ == "nsubj":
                k = self._noun_timex(c)
                if k is not None:
                    return k
        if tok.dep_ == "relcl":
            return self._noun_timex(tok.head)
        return None

    @staticmethod
    def _same_time_clause(tok) -> str | None:
        """The kind of an adverbial clause that shares the time of the clause it modifies: "participle"
        ("said on Monday, citing ..."), "purpose" ("met today to discuss ...") or "mark" (opened by
        as/while/when: "On Friday, Obama suggested ... as he condemned ..."; "mark-up" when it shares the
        time of the clause above its head); None for other clauses."""
        # the parser often makes a clause-opening "when" an advmod ("was brought home today when tons of
        # earth cascaded down a hillside"): it opens a finite clause all the same (a participle keeps its
        # own reading: "told reporters on Tuesday, when asked why ...")
        marks = [c for c in tok.children if c.dep_ == "mark"
                 or c.dep_ == "advmod" and c.tag_ == "WRB" and c.i == tok.left_edge.i and c.lower_ in SAME_TIME
                 and tok.tag_ in ("VBD", "VBZ", "VBP")]
        if not marks:
            if tok.tag_ in ("VBG", "VBN"):
                return "participle"
            if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                return "purpose"
            return None
        if len(marks) != 1 or marks[0].lower_ not in SAME_TIME:
            return None
        # the same simple tense on both sides ("suggested ... as he condemned"); not "delayed a decision
        # ..., as politicians have demanded" (a comparison, and an earlier time)
        par = tok.head
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
        if perfect or tok.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        if tok.tag_ == par.tag_ or _simple_past(tok) and _simple_past(par):
            return "mark"  # also a passive: "was shot at 10 p.m. as he stood chatting with his wife"
        # "Obama suggested BP was trying to duck responsibility, as he condemned ...": a comma-set clause
        # the parser hangs on the verb of a complement clause in another tense belongs to the verb
        # that takes the complement, when that one has its tense
        m = marks[0]
        if par.dep_ == "ccomp" and par.head.tag_ == tok.tag_ and m.i > 0 and m.doc[m.i - 1].text == "," \
                and par.head.i < par.i < m.i:
            return "mark-up"
        return None

    # -- building dates -----------------------------------------------------------------------
    def _interval(self, k: int) -> tuple[date | None, date | None]:
        """The timex interval, narrowed by its mod: "earlier this week" -> Monday .. the publication
        date, "later this year" -> the publication date .. December 31 (when the period holds the
        publication date), else the first/middle/last third (mod_interval)."""
        t = self.timexes[k]
        a, b = self._iv(k)
        if t.mod in ("START", "END") and MOD_NOW_RX is not None and MOD_NOW_RX.search(t.text):
            if a is not None and b is not None and a <= self.dct <= b:
                return (a, self.dct) if t.mod == "START" else (self.dct, b)
            return a, b
        return mod_interval(a, b, t.mod)

    def _make(self, k: int, signal: str | None, indirect: bool) -> EventDate:
        t = self.timexes[k]
        a, b = self._interval(k)
        rel = _relation(signal)
        mod = t.mod
        if rel == "before" and mod == "END" and not indirect:
            # "before the end of May": by May 31, not before its last third
            a = None
            mod = "BEFORE"
        elif rel == "since":
            b = None
            mod = "ON_OR_AFTER"
        elif rel == "after":
            if not indirect and b is not None and b < date.max:
                a = b + timedelta(days=1)
            b = None
            mod = "AFTER"
        elif rel == "before":
            if not indirect and a is not None and a > date.min:
                b = a - timedelta(days=1)
            a = None
            mod = "BEFORE"
        elif rel == "until":
            a = None
            mod = "ON_OR_BEFORE"
        gran = granularity_of(t.value)
        if gran == "unknown" and t.type == "DURATION":
            gran = {"Y": "year", "M": "month", "W": "week", "D": "day"}.get(t.value[-1:], "unknown")
        return EventDate(value=t.value, start=_iso(a), end=_iso(b), granularity=gran,
                         basis="text", mod=mod, timex=Span(t.start, t.end, t.text))

    def _span(self, k1: int, k2: int, signal) -> EventDate:
        t1, t2 = self.timexes[k1], self.timexes[k2]
        a = self._interval(k1)[0]
        b = self._interval(k2)[1]
        return EventDate(value=t1.value, start=_iso(a), end=_iso(b), granularity=granularity_of(t1.value),
                         basis="text", mod=None, timex=Span(t1.start, t2.end, self.ctx.text[t1.start:t2.end]))

    def _tense(self, ev) -> str | None:
        if self.doc is None or ev.head_token is None or ev.head_token >= len(self.doc):
            return "future" if ev.modality == "future" else None
        tok = self.doc[ev.head_token]
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        t = verb_tense(tok)
        if t is None and tok.dep_ in ("xcomp", "conj"):
            t = verb_tense(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
        return t

    def _none(self, ev) -> EventDate:
        dct = self.dct.isoformat()
        if ev.reporting:
            return EventDate(value=dct, start=dct, end=dct, granularity="day", basis="publication")
        t = self._tense(ev)
        if ev.modality == "future" or t == "future":
            return EventDate(value=None, start=dct, end=None, granularity="unknown", basis="unknown")
        if t == "past":
            return EventDate(value=None, start=None, end=dct, granularity="unknown", basis="unknown")
        return EventDate(value=None, start=None, end=None, granularity="unknown", basis="unknown")

    def _fallback(self, ev) -> EventDate:
        """No parse: the timex in the trigger's sentence right after a preposition, nearest first."""
        s0, s1 = ev.sentence.start, ev.sentence.end
        best = None
        for k, t in enumerate(self.timexes):
            if t.start < s0 or t.end > s1 or self._iv(k) is None:
                continue
            dist = abs(t.start - ev.trigger.start)
            if best is None or dist < best[0]:
                best = (dist, k)
        if best is None:
            return self._none(ev)
        t = self.timexes[best[1]]
        m = re.search(r"(\w+)\s+(?:the\s+)?$", self.ctx.text[max(0, t.start - 20):t.start])
        return self._make(best[1], m.group(1).lower() if m else None, False)


def date_events(ctx) -> None:
    """Set ``ev.date`` on every event of ``ctx`` (see module docstring)."""
    if not ctx.events:
        return
    Dater(ctx).date_all()
