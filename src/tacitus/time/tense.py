"""Tense of the clause around a temporal expression: "past", "future" or None (unknown/present).

Two sources: the spaCy parse when a ``Doc`` is available (the verb that governs the expression, its
auxiliaries and tag), else a cheap text heuristic (the nearest verb cue in the same sentence).
The cue words live in ``resources/<lang>/time/tense.tsv``, the verb lemmas the parse reading
uses in ``tense_verbs.tsv``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .resources import RES_ROOT, read_roles

# a sentence end: not after an initial or a short abbreviation ("a.m.", "U.S.", "Mr."), and before a capital
# a title or month abbreviation before a name or a number ("Sen. Smith", "Roe vs. Wade", "Sept. 11") does
# not end the sentence either
_ABBREV = ("Mrs", "Gov", "Sen", "Rep", "Gen", "Col", "Sgt", "Capt", "Lt", "Prof", "Rev", "vs", "No",
           "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_SENT_END = re.compile(r"(?=[.!?])(?<!\b[A-Za-z])(?<!\bMr|\bDr|\bMs|\bSt|\bJr)"
                       + "".join(rf"(?<!\b{a})" for a in _ABBREV)
                       + r"[.!?]\s+(?=[\"“'‘(]?[A-Z0-9])|;\s|\n")


@lru_cache(maxsize=4)
def cues(lang: str = "en") -> tuple[dict[str, str], re.Pattern]:
    table: dict[str, str] = {}
    for line in (RES_ROOT / lang / "time" / "tense.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        k, _, v = line.partition("\t")
        table[k.strip().lower()] = v.strip()
    multi = sorted(table, key=len, reverse=True)
    # not inside a hyphenated word ("a smaller-than-expected fall")
    rx = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in multi)
                    + r"|\w+ed)(?![\w-])", re.IGNORECASE)
    return table, rx


def text_tense(text: str, start: int, end: int, lang: str = "en") -> str | None:
    """Nearest tense cue in the sentence holding text[start:end] (no parse needed)."""
    table, rx = cues(lang)
    lo = max(0, start - 200)
    left = text[lo:start]
    cut = None
    for m in _SENT_END.finditer(left):
        cut = m.end()
    s0 = lo + (cut or 0)
    right = text[end:end + 200]
    m = _SENT_END.search(right)
    s1 = end + (m.start() + 1 if m else len(right))
    # inside a quotation, the reporting verb outside it ("... at 4 a.m. Thursday,'' Castro said")
    # says nothing about the tense of the quoted clause
    qs = [q.start() for q in _QUOTE.finditer(text, s0, start)]
    q = _QUOTE.search(text, end, s1)
    if len(qs) % 2 == 1:
        s0 = qs[-1]
        if q:
            s1 = q.start()
    elif q:
        # nor does a quotation opened after it ("assured people during a visit on Friday that they
        # ``will not be left behind''")
        s1 = q.start()
    best, bestd = None, 10 ** 9
    for m in rx.finditer(text, s0, s1):
        if start <= m.start() < end:
            continue
        w = _WS.sub(" ", m.group(0).lower())
        t = table.get(w)
        if t is None:
            if _regular_past(m.group(0)):
                t = "past"
            else:
                continue
        if t == "skip":
            continue
        if w == "could be" and _NEGATION.search(text, s0, m.start()):
            continue  # negated, "could" is a past ability: "Neither he nor ... could be located Wednesday"
        if "|" in t:  # "future|past": by the side of the expression the cue is on
            t = t.split("|")[0 if m.end() <= start else 1]
        before = text[max(s0, m.start() - 30):m.start()].lower()
        if t == "past" and _FUTURE_AUX_BEFORE.search(before):
            t = "future"  # "will be held", "would have met"
        elif t == "past" and _MODAL_BEFORE.search(before) and not (
                w.endswith("ed") and _PASSIVE_BEFORE.search(before) and (
                    _NEGATION.search(text, s0, m.start())
                    or "," in text[min(m.end(), end):max(m.start(), start)])):
            t = "future"  # after a modal, a base form: "the storm could hit Friday", "may be delayed"
            # a modal passive looks ahead only in its own clause, and not when negated ("Neither he nor
            # his parents could be located Wednesday"; "must be returned to his father, and set Friday")
        elif t == "past" and w.endswith("ed") and _PASSIVE_BEFORE.search(before):
            continue  # present passive "is closed", "to be officially released"
        elif t == "past" and _TO_BEFORE.search(before):
            continue  # an infinitive (a past cue after "to" is a base form): "expected to hit on Friday"
        d = start - m.end() if m.end() <= start else (m.start() - end) * RIGHT_WEIGHT
        if d < bestd:
            best, bestd = t, d
    return best if best in ("past", "future") else None


_WS = re.compile(r"\s+")
# what comes right before a past cue (lowercased) and changes its reading
# (an adverb in -ly may stand before the verb: "to be officially released", "could be quickly approved")
_FUTURE_AUX_BEFORE = re.compile(r"\b(?:will|'ll|shall|would|going to)\s+(?:\w+\s+)?(?:be\s+|have\s+)?(?:\w+ly\s+)?$")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$")
_NEGATION = re.compile(r"\b(?:not|never|neither|nor|cannot)\b|n't\b", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+(?:\w+ly\s+)?$")
_MODAL_BEFORE = re.compile(r"\b(?:can|could|may|might|must|should)\s+(?:(?!have\b)\w+\s+)?(?:be\s+)?(?:\w+ly\s+)?$")


def _regular_past(raw: str) -> bool:
    """A lowercase -ed form that is no cue word ("opened"; not "Ahmed", "agreed")."""
    w = raw.lower()
    return w.endswith("ed") and len(w) > 4 and raw[0].islower() and not w.endswith("eed")


_VERB_PREP = re.compile(r"([\w'’]+)\s+(?:([\w'’]+)\s+)?(?:in|on|during)\s+$")
_NOT_PAST_AUX = re.compile(r"\b(?:has|have|'ve|will|would|'ll|shall|to|is|are|be|being)\s+$", re.IGNORECASE)


def adjacent_past(text: str, start: int, lang: str = "en") -> bool:
    """A past-tense verb right before "in/on/during" + the expression ("opened on Jan. 2", "took effect in
    January", "was elected in November"; one word may come between an irregular past and the preposition),
    not after has/have/will/to/is: a reliable past, unlike a cue farther off in the sentence ("said ... the
    plant opens in January") or a participle used as an adjective ("preferred shares on Oct. 31")."""
    m = _VERB_PREP.search(text, max(0, start - 60), start)
    if not m:
        return False
    table, _ = cues(lang)
    raw, pos = (m.group(2), m.start(2)) if m.group(2) else (m.group(1), m.start(1))
    w = raw.lower()
    t = table.get(w)
    if t is None and _regular_past(raw):
        t = "past"
    if t != "past" and m.group(2):  # "took effect in": an irregular past (a cue word) one word back
        raw, pos = m.group(1), m.start(1)
        t = table.get(raw.lower())
    if t != "past":
        return False
    return not _NOT_PAST_AUX.search(text, max(0, pos - 12), pos)


RIGHT_WEIGHT = 1.5  # a cue after the expression counts as this much farther away
_QUOTE = re.compile(r"''|``|[\"“”]")

_VERBS = read_roles(RES_ROOT / "en" / "time" / "tense_verbs.tsv")
_SCHEDULE = set(_VERBS["schedule"])
_PLAN = set(_VERBS["plan"])
_PUT_OFF = set(_VERBS["put_off"])
_FUT_HEADS = set(_VERBS["future_head"])
_REPORTING = set(_VERBS["not_scheduled"])  # reporting and state verbs


_PRESENT_BE = ("is", "are", "am", "'s", "'re", "be", "being")


def _path(doc, i: int, top: int) -> list[int]:
    """Token indices from ``i`` up the heads to (not including) ``top``."""
    out, k = [], i
    for _ in range(8):
        if k == top or doc[k].head.i == k:
            break
        out.append(k)
        k = doc[k].head.i
    return out


def _governing(doc, start: int):
    """(index of the token at ``start``, the verb that governs it) or None."""
    if doc is None:
        return None
    starts = getattr(doc, "_tacitus_starts", None)
    if starts is None:
        starts = [t.idx for t in doc]
        try:
            doc._tacitus_starts = starts  # type: ignore[attr-defined]
        except Exception:
            pass
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or i >= len(doc):
        return None
    tok = doc[i]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return i, tok


def doc_perfect(doc, start: int) -> bool:
    """The verb governing the expression at ``start`` is in the present perfect ("has extended")."""
    g = _governing(doc, start)
    return g is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s")
                                 for c in g[1].children)


def doc_tense(doc, start: int, end: int) -> str | None:
    """Tense from the parse: climb from the expression to its governing verb and read its tense."""
    g = _governing(doc, start)
    if g is None:
        return None
    i, tok = g
    until = tok.idx < start and any(t.lower_ in ("until", "till") and t.head.i == tok.i
                                    for t in doc[tok.i + 1:i + 1])
    if until and (tok.lemma_.lower() in _PUT_OFF or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                                                          for c in tok.children)):
        # "officials postponed until Tuesday morning any action", "the INS has given them until 9 a.m.
        # Tuesday": put off to, or open until, a time after the report
        return "future"
    if tok.lemma_.lower() in _PLAN and tok.idx < start and tok.tag_ != "VBN":
        return "future"  # "protesters planned a demonstration on Saturday": the plan is about what follows
    if any(doc[k].lower_ == "due" and doc[k].pos_ == "ADJ" for k in _path(doc, i, tok.i)):
        return "future"  # "the results due on Tuesday are expected to ...": what is due is ahead
    t = verb_tense(tok)
    if t is None and tok.tag_ == "VB" and tok.dep_ in ("ccomp", "conj") and tok.head.tag_ == "VBD" \
            and not any(c.dep_ == "aux" for c in tok.children):
        return "past"  # "saw its price plummet on Tuesday", "carried equipment and cut pipes on Monday"
    if t is None and tok.tag_ in ("VBP", "VBZ", "VB") and \
            tok.lemma_.lower() not in _REPORTING and not any(c.dep_ == "aux" for c in tok.children) \
            and not any(doc[k].pos_ in ("NOUN", "PROPN") for k in _path(doc, i, tok.i)[1:]):
        if cues()[0].get(tok.lower_) == "past":
            return None  # "hurt", "shut", "hit": the same form in the past; the parse's present is a guess
        # "the ministers meet Friday": a scheduled event (not when the date sits in a noun phrase: "the
        # findings contradict its report in November" says nothing of when the report was)
        return "future"
    if t is None and any(c.lower_ == "would" for c in tok.children):
        return "future"
    if t is None and tok.tag_ == "VB" and not tok.idx > start:
        # a bare verb whose modal sits on it or on the verb it is coordinated with, with no perfect
        # ("could arrive on Wednesday and be usable by Thursday", "might reach the coast on Friday"); a date
        # before the verb and a negated modal are left alone ("On Monday, he could not attend")
        v = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "aux" for c in tok.children) else tok
        auxes = [c.lower_ for c in v.children if c.dep_ == "aux"]
        if any(a in _MODALS for a in auxes) and "have" not in auxes \
                and not any(c.dep_ == "neg" for c in v.children):  # "could not attend": past ability
            return "future"
    return t


_MODALS = ("can", "could", "may", "might", "must", "should", "ca")


def verb_tense(tok) -> str | None:
    """Tense of a verb token: future (will/shall/going to/expected to), past (VBD, have+VBN), else None."""
    if tok.lemma_.lower() in _SCHEDULE:
        return "future"  # "has scheduled a news conference Thursday": the time is ahead
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            lw = c.lower_
            if lw in ("will", "'ll", "shall", "wo", "ll"):
                return "future"
            if c.tag_ == "VBD" or lw in ("had", "has", "have", "'ve", "did", "was", "were"):
                if lw in ("has", "have", "'ve") or c.tag_ == "VBD":
                    return "past"
            if lw in ("would", "could", "might"):
                return None
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and tok.dep_ in ("ROOT", "conj", "ccomp", "relcl", "parataxis")
                             and not any(c.dep_ == "auxpass" and c.lower_ in _PRESENT_BE for c in tok.children)):
        return "past"
    # "is expected to meet Friday", "plans to visit in March"
    h = tok.head
    if tok.dep_ == "xcomp" and h is not tok and h.lemma_.lower() in _FUT_HEADS:
        # "had been scheduled / had been due to expire Friday": the schedule itself lies in the past
        hv = h.head if h.dep_ == "acomp" else h
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in hv.children):
            return "past"
        return "future"
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am")
                                 for c in tok.children):
        return "future"
    return None
