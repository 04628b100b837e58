"""Event dating: give each event the date of the temporal expression that governs it.

For an event (its trigger head token in the spaCy parse) the governing timex is, in order:

1. a timex attached directly to the trigger ("asked ... early last month", "living since 2015",
   "the test in September 2017", "Sunday's vote");
2. the timex that a clause holding the trigger modifies ("since 2016, when X fled");
3. a timex attached to a verb the trigger depends on inside the same clause (xcomp, conj, participial
   advcl, the verb of a nominal subject/object) — never across a reporting verb's complement, a relative
   clause or an apposition: a clause holding its own timex governs only its own verbs;
4. a timex inside the object of a temporal preposition of the trigger ("expelled ... following the
   test in September 2017" -> after 2017-09).

The preposition on the path gives the relation (``resources/<lang>/time/dating.tsv``): in/on/at/during ->
the timex interval; since/from -> open end; after/following -> open end, start after; before/prior to ->
open start; until/by -> end.
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
from .resources import RES_ROOT
from .tense import verb_tense


@lru_cache(maxsize=4)
def _dating_words(lang: str = "en") -> dict[str, str]:
    """word -> role, from resources/<lang>/time/dating.tsv (since/after/before/until/in/carrier)."""
    out: dict[str, str] = {}
    for line in (RES_ROOT / lang / "time" / "dating.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, _, v = line.partition("\t")
            out[k.strip().lower()] = v.strip()
    return out


_WORDS = _dating_words()
SIGNALS = {w: r for w, r in _WORDS.items() if r in ("since", "after", "before", "until", "in")}
TEMPORAL_PREPS = {w for w, r in SIGNALS.items() if r != "in"}
WITHIN = {w for w, r in SIGNALS.items() if r == "in"}
# a nominal event takes the time of its verb only through verbs that just carry it
CARRIER_VERBS = {w for w, r in _WORDS.items() if r == "carrier"}
# dependency labels that open a new clause: a timex inside does not govern verbs outside, and vice versa
BOUNDARY = {"relcl", "acl", "ccomp", "parataxis", "csubj", "csubjpass", "appos", "advcl", "pcomp"}
LIGHT_EDGES = {"xcomp", "conj", "aux", "auxpass", "neg", "prt"}
NOUN_EDGES = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}


def granularity_of(value: str | None) -> str:
    v = value or ""
    if "T" in v[4:] and re.match(r"^\d{4}-\d\d-\d\dT", v):
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d(-WE)?", v):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", v):
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", v):
        return "season"
    if re.fullmatch(r"\d{4}(-H\d)?", v):
        return "year"
    if re.fullmatch(r"\d{3}", v):
        return "decade"
    if re.fullmatch(r"\d{2}", v):
        return "century"
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
        n, u = float(m.group(1)), m.group(2)
        days = int(n * {"Y": 365.25, "M": 30.44, "W": 7, "D": 1}[u])
        if re.search(r"\b(past|last|previous|recent)\b", low):
            try:
                return dct - timedelta(days=days), dct
            except OverflowError:
                return None
        if re.search(r"\b(next|coming|following)\b", low):
            try:
                return dct, dct + timedelta(days=days)
            except OverflowError:
                return None
    return None


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
            head = None
            for i in toks:
                h = doc[i].head.i
                if h not in toks or h == i:
                    head = i
                    break
            self.heads.append(head)

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
        if signal == "to" and a.head.lower_ in ("prior", "up", "leading"):
            signal = "prior" if a.head.lower_ == "prior" else "until"
            a = a.head
        elif signal == "of" and a.head.lower_ in ("ahead",):
            signal = "ahead"
            a = a.head
        a = a.head
    elif tok.dep_ in ("pobj",) and a.lower_ in TEMPORAL_PREPS | WITHIN:
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
                    prev.head.lower_ in TEMPORAL_PREPS and prev.i > a.i:
                return prev, signal, first
    return a, signal, first


def _relation(signal: str | None) -> str:
    return SIGNALS.get(signal or "", "in")


class Dater:
    def __init__(self, ctx):
        self.ctx = ctx
        self.dct: date = ctx.dct
        self.timexes: list[Timex] = list(ctx.timexes)
        self.doc = ctx.doc
        self.dd = _Doc(self.doc, self.timexes) if self.doc is not None and len(self.doc) else None
        self.att = []
        if self.dd is not None:
            for k, t in enumerate(self.timexes):
                anchored = timex_interval(t, self.dct) is not None
                self.att.append(_attachment(self.dd, k) if anchored else (None, None, k))
        self.reporting_heads = {ev.head_token for ev in ctx.events if ev.reporting and ev.head_token is not None}

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
        for i in toks:
            if self.doc[i].head.i not in toks or self.doc[i].head.i == i:
                return i
        return toks[0]

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
        ks = [k for k in ks if timex_interval(self.timexes[k], self.dct) is not None]
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
        res: dict[int, tuple[list[int], str | None]] = {}
        for k, (a, sig, first) in enumerate(self.att):
            if a is not None and a.i == tok_i:
                ks, s0 = res.get(first, ([], sig))
                ks.append(k)
                res[first] = (ks, s0 if s0 else sig)
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

    def _width(self, k: int) -> int:
        iv = timex_interval(self.timexes[k], self.dct)
        if not iv or iv[0] is None or iv[1] is None:
            return 10 ** 7
        return (iv[1] - iv[0]).days

    def _govern(self, h: int):
        doc = self.doc
        tok = doc[h]
        d = self._direct(h)
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
        for _ in range(12):
            dep = cur.dep_
            par = cur.head
            if par.i == cur.i:
                break
            ok = dep in LIGHT_EDGES or (dep in NOUN_EDGES and cur.pos_ in ("NOUN", "PROPN")
                                        and par.lemma_.lower() in CARRIER_VERBS) or \
                (dep == "advcl" and cur.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in cur.children))
            if not ok:
                break
            if par.i in self.reporting_heads and dep not in ("conj", "xcomp"):
                break
            d = self._direct(par.i)
            if d:
                return d[0], d[1], False
            cur = par
        # a timex inside the object of a temporal preposition of the trigger
        for k, (a, sig, first) in enumerate(self.att):
            if a is None or k != first:
                continue
            p = a.head if a.dep_ == "pobj" else None
            if p is not None and p.lower_ in TEMPORAL_PREPS and p.head.i == h:
                return [k], p.lower_, True
        return None

    # -- building dates -----------------------------------------------------------------------
    def _make(self, k: int, signal: str | None, indirect: bool) -> EventDate:
        t = self.timexes[k]
        a, b = timex_interval(t, self.dct)
        rel = _relation(signal)
        mod = t.mod
        if rel == "since":
            b = None
            mod = "ON_OR_AFTER"
        elif rel == "after":
            if not indirect and b is not None:
                a = b + timedelta(days=1)
            b = None
            mod = "AFTER"
        elif rel == "before":
            if not indirect and a is not None:
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
        a = timex_interval(t1, self.dct)[0]
        b = timex_interval(t2, self.dct)[1]
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
            if t.start < s0 or t.end > s1 or timex_interval(t, self.dct) is None:
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
