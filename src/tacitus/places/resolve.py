"""Toponym resolution: candidates from the exact-name index, scored by feature type and population, then
re-scored with the document's context (countries and first-level divisions named elsewhere in the text,
"City, State" qualifiers, nearness to the other places of the text).

Scores are in "log10 population" units: a town of 10,000 scores 4, a country 12.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from ..model import Place
from .gazetteer import (ADM1, ADM2, CAPITAL, CITY, CONTINENT, COUNTRY, FEATURE_NAMES, REGION, Gazetteer,
                        get_gazetteer, haversine)

BASE = {COUNTRY: 11.0, CONTINENT: 10.5, ADM1: 8.0, REGION: 7.0, ADM2: 4.6}
ALT_PENALTY = 1.2
W_COUNTRY = 4.5  # candidate in the text's main country (times that country's share of the votes)
W_ADM1 = 3.0  # candidate in a first-level division named elsewhere in the text
W_QUAL = 8.0  # "Alexandria, La." qualifier agrees
W_NEAR = 2.5  # per other place of the text within 120 km (up to 3)

_POSS = re.compile(r"(’s|'s|’|')$")
_QUAL = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s?[A-Z][\w.]*\.?){0,2})")


def clean(s: str) -> str:
    s = s.strip().strip(",;:")
    s = _POSS.sub("", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s.strip()


def candidates(gaz: Gazetteer, surface: str) -> tuple[int, ...]:
    s = clean(surface)
    if not s:
        return ()
    if s in gaz.abbr:  # case-sensitive country abbreviations: "US", "U.K.", "DPRK"
        return (gaz.country_entry[gaz.abbr[s]],)
    if s in gaz.place_abbr:
        return (gaz.place_abbr[s],)
    if s.isupper() and len(s) <= 3 and s not in gaz.state_abbr:
        # an unknown all-caps acronym is not a town that shares its letters
        return tuple(i for i in gaz.lookup(s) if gaz.feat[i] in (COUNTRY, ADM1))
    c = gaz.lookup(s)
    if c:
        return c
    for pre in ("St. ", "St ", "Saint ", "Ft. ", "Mt. "):
        if s.startswith(pre):
            alt = {"St. ": "Saint ", "St ": "Saint ", "Saint ": "St. ", "Ft. ": "Fort ", "Mt. ": "Mount "}[pre]
            c = gaz.lookup(alt + s[len(pre):])
            if c:
                return c
    m = re.match(r"^(.+?) (City|Town|Village|Township|Province|State|County)$", s)
    if m:
        c = gaz.lookup(m.group(1))
        if c:
            return c
    return ()


_TOWNISH = re.compile(r"\s+(man|woman|men|women|residents?|natives?|police|teen|teenager|boy|girl|mayor|couple|"
                      r"family|city|city council|town|township|village|county|area|school|schools|high school|"
                      r"fire|firefighters|officers?|officials?|woman's|man's)\b")
_CAPSEQ = re.compile(r"\b(?:[A-Z][a-zA-Z.'’-]+)(?:\s+(?:of\s+)?[A-Z][a-zA-Z.'’-]+){0,2}")


def text_context(gaz: Gazetteer, text: str, skip: set[tuple[int, int]] = frozenset()):
    """Countries and first-level divisions named anywhere in the text (unambiguous names only), plus
    "Town, ST" qualifiers: [(ISO2, admin1 code or '')]."""
    out = []
    for m in _CAPSEQ.finditer(text):
        words = m.group(0).split()
        # every sub-sequence starting at a word boundary, longest first
        for a in range(len(words)):
            for b in range(len(words), a, -1):
                phrase = " ".join(words[a:b]).rstrip(".,") if b - a > 1 or not words[a].endswith(".") else words[a]
                cs = [i for i in candidates(gaz, phrase) if gaz.feat[i] in (COUNTRY, ADM1)]
                if len(cs) == 1 and (b - a > 1 or len(phrase) > 3 or phrase in gaz.abbr or phrase in gaz.state_abbr):
                    i = cs[0]
                    out.append((gaz.cc[i], gaz.adm1[i] if gaz.feat[i] == ADM1 else ""))
                    break
    return out


def base_score(gaz: Gazetteer, surface: str, i: int) -> float:
    f = gaz.feat[i]
    if f in BASE:
        sc = BASE[f]
        if f == ADM2:
            sc += min(1.0, math.log10(1 + gaz.pop[i]) / 2)
    else:
        sc = math.log10(max(gaz.pop[i], 100))
        if f == CAPITAL:
            sc += 1.0
    if not gaz.is_primary(clean(surface), i):
        sc -= ALT_PENALTY
    return sc


def _qualifier(gaz: Gazetteer, text: str, end: int) -> tuple[str, str] | None:
    """ "Alexandria, La." / "Paris, Texas" / "Lagos, Nigeria" -> (ISO2, admin1 code or '')."""
    m = _QUAL.match(text, end)
    if not m:
        return None
    words = m.group(1).strip().split()
    for n in range(len(words), 0, -1):
        q = " ".join(words[:n])
        for cand in (q, q + "."):
            if cand in gaz.state_abbr:
                return ("US", gaz.state_abbr[cand])
        q = q.rstrip(".") if n > 1 or len(q) > 5 else q
        if q in gaz.abbr:
            return (gaz.abbr[q], "")
        for i in gaz.lookup(q):
            if gaz.feat[i] == ADM1 and gaz.is_primary(q, i) or gaz.feat[i] == ADM1 and q in gaz.state_abbr:
                return (gaz.cc[i], gaz.adm1[i])
            if gaz.feat[i] == COUNTRY:
                return (gaz.cc[i], "")
    return None


def resolve_spans(text: str, spans: list[tuple[int, int]], gaz: Gazetteer | None = None,
                  context_spans: list[tuple[int, int]] | None = None) -> list[int | None]:
    """Resolve every span of ``text`` to a gazetteer entry index (or None), using the whole set as context."""
    gaz = gaz or get_gazetteer()
    n = len(spans)
    cands = [candidates(gaz, text[a:b]) for a, b in spans]
    quals = [_qualifier(gaz, text, b) for a, b in spans]
    surf = [clean(text[a:b]).casefold() for a, b in spans]
    # one sense per discourse: a qualifier on one mention ("Paris, Texas") holds for the others
    by_surface: dict[str, tuple] = {}
    for k, q in enumerate(quals):
        if q and surf[k] not in by_surface:
            by_surface[surf[k]] = q
    quals = [q or by_surface.get(surf[k]) for k, q in enumerate(quals)]
    base = [[base_score(gaz, text[a:b], i) for i in cs] for (a, b), cs in zip(spans, cands)]
    first = []
    for k in range(n):
        if not cands[k]:
            first.append(None)
            continue
        scores = list(base[k])
        if quals[k]:
            for j, i in enumerate(cands[k]):
                scores[j] += _qual_bonus(gaz, i, quals[k])
        first.append(cands[k][max(range(len(scores)), key=scores.__getitem__)])
    # context votes: countries and admin1 of first-pass picks (weight 1 when unambiguous, else 0.5)
    cvote: dict[str, list] = defaultdict(list)
    avote: dict[tuple, list] = defaultdict(list)
    for k, i in enumerate(first):
        if i is None:
            continue
        w = 1.0 if len(cands[k]) == 1 or quals[k] else 0.5
        if gaz.cc[i]:
            cvote[gaz.cc[i]].append((k, w))
        if gaz.feat[i] in (ADM1, ADM2, CITY, CAPITAL) and gaz.adm1[i]:
            avote[(gaz.cc[i], gaz.adm1[i])].append((k, w))
        if quals[k]:
            cvote[quals[k][0]].append((k, 1.0))
            if quals[k][1]:
                avote[quals[k]].append((k, 1.0))
    for cc, a1 in text_context(gaz, text):
        cvote[cc].append((-1, 0.5))
        if a1:
            avote[(cc, a1)].append((-1, 0.5))
    total = sum(w for v in cvote.values() for _, w in v) or 1.0
    townish = [bool(_TOWNISH.match(text, b)) for a, b in spans]
    after_comma = [bool(re.search(r"[A-Z][\w.]*,\s*$", text[max(0, a - 40):a])) for a, b in spans]
    has_country = [any(gaz.feat[i] == COUNTRY and gaz.is_primary(clean(text[a:b]), i) for i in cs)
                   for (a, b), cs in zip(spans, cands)]
    # spatial coherence: candidate points of every other distinct name (top candidates only), and the
    # first-level divisions any other name could be
    top = []
    for k in range(n):
        order = sorted(range(len(cands[k])), key=lambda j: -base[k][j])[:12]
        top.append([cands[k][j] for j in order])
    pts_by_surface: dict[str, list] = defaultdict(list)
    adm_by_surface: dict[str, set] = defaultdict(set)
    for k in range(n):
        for i in top[k]:
            if gaz.feat[i] in (CITY, CAPITAL, ADM2):
                pts_by_surface[surf[k]].append((gaz.lat[i], gaz.lon[i]))
            if gaz.feat[i] == ADM1:
                adm_by_surface[surf[k]].add((gaz.cc[i], gaz.adm1[i]))
    out: list[int | None] = []
    for k in range(n):
        cs = cands[k]
        if not cs:
            out.append(None)
            continue
        if len(cs) == 1:
            out.append(cs[0])
            continue
        best, best_sc = None, -1e9
        for j, i in enumerate(cs):
            sc = base[k][j]
            if quals[k]:
                sc += _qual_bonus(gaz, i, quals[k])
            cc = gaz.cc[i]
            f = gaz.feat[i]
            if townish[k] and f in (COUNTRY, CONTINENT, REGION):
                sc -= 5.0
            if has_country[k] and f in (CITY, CAPITAL, ADM2) and not quals[k] and not townish[k]:
                sc -= 4.0
            if f == ADM1 and after_comma[k]:
                sc += 3.0
            if f == ADM1:
                if any(gaz.feat[first[kk]] == ADM1 and gaz.cc[first[kk]] == gaz.cc[i]
                       for kk in range(n) if kk != k and first[kk] is not None and first[kk] != i):
                    sc += 2.0
            if cc:
                v = sum(w for kk, w in cvote.get(cc, ()) if kk != k)
                if v:
                    sc += W_COUNTRY * v / total + 0.3 * min(3.0, v)
                if gaz.feat[i] != COUNTRY and gaz.feat[i] != ADM1 and gaz.adm1[i]:
                    v = sum(w for kk, w in avote.get((cc, gaz.adm1[i]), ()) if kk != k)
                    if v:
                        sc += W_ADM1 * min(1.0, v)
                if f in (CITY, CAPITAL, ADM2):
                    la, lo = gaz.lat[i], gaz.lon[i]
                    near = 0
                    for sf, pts in pts_by_surface.items():
                        if sf != surf[k] and any(abs(la - pl) < 1.5 and abs(lo - po) < 2 and
                                                 haversine(la, lo, pl, po) < 120 for pl, po in pts):
                            near += 1
                    sc += W_NEAR * min(near, 3)
                    if gaz.adm1[i] and any(sf != surf[k] and (cc, gaz.adm1[i]) in adms
                                           for sf, adms in adm_by_surface.items()):
                        sc += 1.5
            if sc > best_sc:
                best, best_sc = i, sc
        out.append(best)
    return out


def _qual_bonus(gaz: Gazetteer, i: int, q: tuple[str, str]) -> float:
    cc, a1 = q
    if gaz.cc[i] != cc:
        return -2.0
    if a1 and gaz.feat[i] not in (COUNTRY, ADM1):
        return W_QUAL if gaz.adm1[i] == a1 else 0.0
    return W_QUAL / 2


def to_place(gaz: Gazetteer, i: int | None) -> Place | None:
    if i is None:
        return None
    e = gaz.entry(i)
    return Place(name=e.name, geonameid=e.geonameid, lat=e.lat, lon=e.lon,
                 country=gaz.iso3(e.country) if e.country else None, feature=FEATURE_NAMES[e.feature])


def resolve_place(name: str) -> Place | None:
    """Resolve one place name without context ("Rome" -> Rome, Italy; "U.S." -> United States)."""
    gaz = get_gazetteer()
    return to_place(gaz, resolve_spans(name, [(0, len(name))], gaz)[0])


def geocode(text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve spans of a text (the ``tacitus geocode`` contract)."""
    gaz = get_gazetteer()
    return [to_place(gaz, i) for i in resolve_spans(text, spans, gaz)]
