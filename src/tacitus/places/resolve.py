"""Toponym resolution: candidates from the exact-name index, scored by feature type and population, then
re-scored with the document's context (countries and first-level divisions named elsewhere in the text,
"City, State" qualifiers, nearness to the other places of the text).

Scores are in "log10 population" units: a town of 10,000 scores 4, a country 11.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from ..model import Place
from .gazetteer import (ADM1, ADM2, CAPITAL, CITY, CONTINENT, COUNTRY, FEATURE_NAMES, REGION, Gazetteer,
                        get_gazetteer, haversine, norm, word_list)

BASE = {COUNTRY: 11.0, CONTINENT: 10.5, ADM1: 8.0, REGION: 8.5, ADM2: 4.6}
ALT_PENALTY = 1.2
CAPITAL_BONUS = 1.0
SHADOW_PENALTY = 2.0
COUNTY_SENSE = 3.0  # a bare name that the text also uses as "X County" may be that county
CONFIRM_NEAR = 2.0  # spatial support (half a neighbour on the spot) that makes a pick vote in round two
ROUND2_VOTE = 0.5
AMBIGUOUS_VOTE = 0.5  # "Georgia" (country and state) named in the text: a half vote for the state's towns
ADM_CUE = 4.0  # "the state of Washington", "Nyanza province"
COUNTRY_EVIDENCE = 1.0  # votes needed before the text's main country counts in full
W_COUNTRY = 7.0  # candidate in the text's main country (times that country's share of the votes)
W_ADM1 = 3.0  # candidate in a first-level division named elsewhere in the text
W_QUAL = 8.0  # "Alexandria, La." qualifier agrees
NEAR_KM = 120.0
NEAR_DECAY = 0.9  # a neighbour at NEAR_KM counts 10% of one on the spot
W_NEAR = 4.0  # per other place of the text nearby (weighted by distance and ambiguity, up to 3)
ZIP_BASE = 2.0  # a ZIP town (no population known) scores as a town of 100
ZIP_BIG = 300_000  # no ZIP towns for a name that a city of this size bears (as name or alternate name)

_POSS = re.compile(r"(’s|'s|’|')$")
_QUAL = re.compile(r"\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s?[A-Z][\w.]*\.?){0,2})")


def clean(s: str) -> str:
    s = s.strip().strip(",;:")
    s = _POSS.sub("", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s.strip()


_CACHE: dict[tuple[int, str], tuple[int, ...]] = {}


def candidates(gaz: Gazetteer, surface: str) -> tuple[int, ...]:
    key = (id(gaz), surface)
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        hit = _CACHE[key] = _candidates(gaz, surface)
    return hit


def _candidates(gaz: Gazetteer, surface: str) -> tuple[int, ...]:
    c = _geo_candidates(gaz, surface)
    # US places cities500 lacks (ZIP towns: hamlets, villages): low-prior extra candidates, except for a
    # name that a big city bears (the hamlets called Atlanta or Oakland are not what a text means)
    if any(gaz.feat[i] in (CITY, CAPITAL) and gaz.pop[i] >= ZIP_BIG for i in c):
        return c
    s = clean(surface)
    z = gaz.zip_lookup(s)
    if not z and not c:  # "Readington Township", "Village of Lanexa"
        m = _TOWN_WORD.match(s)
        if m and m.group(1) != s:
            z = gaz.zip_lookup(m.group(1))
    return c + z if z else c


# spelled-out and abbreviated prefixes: "St. Louis" / "Saint Louis", "Mt. Pleasant" / "Mount Pleasant"
_PREFIX_ALT = {"St. ": "Saint ", "St ": "Saint ", "Saint ": "St. ", "Ft. ": "Fort ", "Mt. ": "Mount ",
               "N. ": "North ", "S. ": "South ", "E. ": "East ", "W. ": "West "}
_PLACE_WORD = re.compile(r"^(?:Town of |City of |Village of )?(.+?)"
                         r"(?: (City|Town|Village|Township|Twp\.?|Province|State|County|Co\.|Station))?$")
_TOWN_WORD = re.compile(r"^(?:Town of |City of |Village of |Township of )?(.+?)(?: (?:City|Town|Village|Township|Twp\.?))?$")


def _geo_candidates(gaz: Gazetteer, surface: str) -> tuple[int, ...]:
    s = clean(surface)
    if not s:
        return ()
    if s in gaz.abbr:  # case-sensitive country abbreviations: "US", "U.K.", "DPRK"
        return (gaz.country_entry[gaz.abbr[s]],)
    if s in gaz.place_abbr:
        return (gaz.place_abbr[s],)
    if s.isupper() and len(s) <= 3 and s not in gaz.state_abbr:
        # an unknown all-caps acronym is not a town that shares its letters
        return tuple(i for i in gaz.lookup(s) if gaz.feat[i] in (COUNTRY, ADM1, CONTINENT, REGION))
    c = gaz.lookup(s)
    for pre, alt in _PREFIX_ALT.items():
        if s.startswith(pre):
            # both spellings: "Mt. Pleasant" is an alternate name of a few towns, "Mount Pleasant" of many
            c = c + tuple(i for i in gaz.lookup(alt + s[len(pre):]) if i not in c
                          and (not c or gaz.feat[i] in (CITY, CAPITAL)))
            break
    if c:
        return c
    m = _PLACE_WORD.match(s)
    if m and m.group(1) != s:
        if m.group(2) == "Co.":
            c = gaz.lookup(m.group(1) + " County")
        else:
            c = gaz.lookup(m.group(1))
        if c:
            return c
    if s.startswith(("Greater ", "Metro ", "Metropolitan ")):  # "Greater Mumbai", "Metro Atlanta"
        c = gaz.lookup(s.split(" ", 1)[1])
        if c:
            return c
    # demonyms of divisions and regions: "Ohioans", "Texan", "Ontarians", "Dagestani"
    for suf, reps in (("ians", ("ia", "io", "")), ("ans", ("a", "", "as")), ("ers", ("", "e")), ("an", ("a", "as", "")),
                      ("i", ("", "stan"))):
        if s.endswith(suf) and len(s) >= len(suf) + 3:
            for r in reps:
                c = tuple(i for i in gaz.lookup(s[: -len(suf)] + r) if gaz.feat[i] in (ADM1, COUNTRY, REGION))
                if c:
                    return c
    if s.endswith("s") and norm(s[:-1]) in gaz.demonyms:  # "Czechs", "Swiss" stays as it is
        return (gaz.country_entry[gaz.demonyms[norm(s[:-1])]],)
    if s[:1].isupper() and not s.isupper():
        # a bare county name ("Gwinnett", "Oconee") when no place bears the name itself
        c = tuple(i for w in (" County", " Parish") for i in gaz.lookup(s + w) if gaz.feat[i] == ADM2)
        if c:
            return c
        # demonyms of towns: "Londoners", "New Londoner", "Richmondites"
        for suf in ("ers", "er", "ites", "ite"):
            if s.endswith(suf) and len(s) - len(suf) >= 4:
                c = tuple(i for i in gaz.lookup(s[: -len(suf)]) if gaz.feat[i] in (CITY, CAPITAL)
                          and gaz.is_primary(s[: -len(suf)], i))
                if c:
                    return c
    return ()


_CITYISH = re.compile(r"\s+(city council|city hall|city limits|city manager|city commission|mayor|police department|"
                      r"police chief|fire department|fire chief|high school|elementary|middle school|public library|"
                      r"village|township|borough council)\b", re.I)
_COUNTIES = re.compile(r"(?:\s*(?:,|and|or|&)\s*(?:[A-Z][\w.'-]*\s?){1,2})*\s+(count(?:y|ies)|parish(?:es)?)\b")
_CITY_OF = re.compile(r"\b(city|town|village|suburb|township) of\s*$", re.I)
_TOWNISH = re.compile(r"\s+(man|woman|men|women|residents?|natives?|police|teen|teenager|boy|girl|mayor|couple|"
                      r"family|city|city council|town|township|village|county|area|school|schools|high school|"
                      r"fire|firefighters|officers?|officials?|woman's|man's)\b")
_LOCAL_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:police|Police|PD|city council|City Council|council|Council|"
                          r"city hall|City Hall|mayor|Mayor|library|Library|schools?|Schools?|high school|"
                          r"High School|residents?|Residents?|area|Area|fire department|Fire Department|grand jury|"
                          r"circuit court|Circuit Court|District Court|Municipal|Township|township|Community|"
                          r"Medical Center|Regional|Chamber of Commerce|Commonwealth’s Attorney|"
                          r"Commonwealth's Attorney|city|City|county|County|Board|board|Recreation|Parks)\b")
_LOCAL_NEWS = re.compile(r"\b(?:[Cc]ity [Cc]ouncil|[Cc]ity [Hh]all|[Tt]own [Hh]all|[Mm]ayor|[Tt]ownship|[Ss]heriff|"
                         r"[Ss]chool [Bb]oard|[Cc]ity [Mm]anager|[Aa]ldermen|[Aa]lderman|[Ss]electmen|"
                         r"[Cc]ounty [Cc]ommission|[Dd]owntown|the city(?:’s|'s)?|the town(?:’s|'s)?)\b")
_LOCAL_BEFORE = re.compile(r"(?:,\s*\d{1,3},\s*(?:also\s+|both\s+)?of|\b(?:[Cc]ity|[Tt]own|[Vv]illage) of)\s+$")
_ADM_AFTER = re.compile(r"\s+(?:[Ss]tate|[Pp]rovince|[Gg]overnorate|[Oo]blast|[Pp]refecture)\b(?!\s+(?:of|[A-Z]))")
_ADM_BEFORE = re.compile(r"\b(?:[Ss]tates?|[Pp]rovinces?|[Gg]overnorate|[Oo]blast|[Pp]refecture) of\s+$")
# "Terry Jolly, 60, Lebanon": name, age, town
_AGE_BEFORE = re.compile(r"[A-Z][\w'’.-]+,\s*\d{1,3},\s*(?:(?:also\s+|both\s+)?of\s+)?$")
_AGE_OR_WHO = re.compile(r",\s*(?:\d{1,3},|who\b)")  # "Name, 45," / "Name, who"
_AFTER_COMMA = re.compile(r"[A-Z][\w.]*,\s*$")  # "Springfield, " before a division
_LIST_BEFORE = re.compile(r"[A-Z][\w.'-]*\s*(?:,|\band|\bor|&)\s*$")  # "Becker, Clay or " before a name
_LIST_SEP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
_COMMA_SEP = re.compile(r"\s*,\s*")
_CAPSEQ = re.compile(r"\b(?:[A-Z][a-zA-Z.'’-]+)(?:\s+(?:of\s+)?[A-Z][a-zA-Z.'’-]+){0,2}")


_COUNTY_NAMED = re.compile(r"\b([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?)\s(County|Parish)\b")


def _person_names(gaz: Gazetteer, text: str, seqs: list) -> frozenset[str]:
    """Surnames of the text's person names: a two- or three-word capitalised name that is no place of the
    gazetteer, whose last word also stands alone elsewhere in the text ("Lorraine Bailey ... Bailey said"),
    or that follows a title ("Councilman Robert Rivera", ``person_titles.txt``) or is followed by ", 45," /
    ", who". Neither the full name nor the bare surname is place evidence (see :func:`text_context`)."""
    alone = {m.group(0) for m in seqs if " " not in m.group(0)}
    titles = _person_titles()
    not_given = word_list("not_given_names.tsv")
    out = set()
    for m in seqs:
        words = m.group(0).split()
        if words[0].rstrip(".") in titles and len(words) > 1:
            words = words[1:]  # "Councilman Robert Rivera"
            titled = True
        else:
            before = text[max(0, m.start() - 25):m.start()].split()
            titled = bool(before) and before[-1].rstrip(".,") in titles
        if not 2 <= len(words) <= 3 or "of" in words:
            continue
        last, first = words[-1], words[0]
        # a title before the name, "Name, 45," or "Name, who": a person even when the surname stands alone
        # nowhere else
        cue = titled or bool(_AGE_OR_WHO.match(text[m.end():m.end() + 8]))
        if (last not in alone and not cue) or len(last) < 3 or not last.isalpha() or not last[1:].islower() or \
                first.rstrip(".") in not_given or not first[1:].replace("'", "").isalpha() or first.isupper():
            continue
        full = " ".join(words)
        if gaz.lookup(full) or gaz.zip_lookup(full):
            continue  # "North Carolina", "Baton Rouge": a place
        if norm(last) in word_list("generic_last_words.tsv") or last in not_given:
            continue
        out.add(last)
    return frozenset(out)


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in word_list("person_titles.txt"))


def text_context(gaz: Gazetteer, text: str, skip: set[tuple[int, int]] = frozenset(), ambiguous: list | None = None):
    """Countries and first-level divisions named anywhere in the text (unambiguous names only), plus
    "Town, ST" qualifiers: [(ISO2, admin1 code or '')]. With ``ambiguous`` a list, it receives the
    divisions of names that are both a country and a division ("Georgia Bureau of Investigation")."""
    out = []
    mask = bytearray(len(text) + 1)
    for a, b in skip:
        mask[a:b] = b"\x01" * (b - a)
    seqs = [m for m in _CAPSEQ.finditer(text) if 1 not in mask[m.start():m.end()]]
    persons = _person_names(gaz, text, seqs)
    street = word_list("street_words.tsv")
    for m in seqs:
        if _TOWNISH.match(text, m.end()):
            continue
        words = m.group(0).split()
        if words[-1] in persons and (len(words) > 1 or m.group(0) in persons):
            continue  # "Lorraine Bailey ... Bailey said": a person, not Lorraine (France)
        nxt = text[m.end():m.end() + 14].split()
        if nxt and nxt[0].rstrip(",;:") in street or words[-1] in street:
            continue  # "Washington Drive", "Memphis St.": a street, not the state or town
        # every sub-sequence starting at a word boundary, longest first
        for a in range(len(words)):
            for b in range(len(words), a, -1):
                phrase = " ".join(words[a:b]).rstrip(".,") if b - a > 1 or not words[a].endswith(".") else words[a]
                abbr = phrase in gaz.abbr or phrase in gaz.state_abbr
                if not abbr and norm(phrase) not in gaz.area_keys():
                    continue
                allc = candidates(gaz, phrase)
                if any(gaz.feat[i] in (REGION, CONTINENT) for i in allc):
                    break  # "Gulf" (the region, or a province of Papua New Guinea): no evidence either way
                cs = [i for i in allc if gaz.feat[i] in (COUNTRY, ADM1)]
                if len(cs) == 1 and (abbr or gaz.is_primary(phrase, cs[0]) or norm(phrase) in gaz.demonyms) \
                        and (abbr or b - a > 1 or len(phrase) > 3):
                    i = cs[0]
                    out.append((gaz.cc[i], gaz.adm1[i] if gaz.feat[i] == ADM1 else ""))
                    break
                if ambiguous is not None and len(cs) > 1 and len(phrase) > 3 and \
                        all(gaz.is_primary(phrase, i) for i in cs):
                    ccs = {gaz.cc[i] for i in cs if gaz.feat[i] == COUNTRY}
                    ambiguous.extend((gaz.cc[i], gaz.adm1[i]) for i in cs if gaz.feat[i] == ADM1 and gaz.adm1[i]
                                     and gaz.cc[i] not in ccs)
                    break
    return out


def _alt_shadowed(gaz: Gazetteer, surface: str, cs: tuple[int, ...]) -> set[int]:
    """Candidates known only by an alternate name while a place of that very name exists in the same
    country ("Maryville" is not Beeville, Texas, when there are towns called Maryville)."""
    name = clean(surface)
    prim_cc = {gaz.cc[i] for i in cs if gaz.is_primary(name, i) and gaz.feat[i] in (CITY, CAPITAL)}
    if not prim_cc:
        return set()
    return {i for i in cs if gaz.feat[i] in (CITY, CAPITAL) and not gaz.is_primary(name, i)
            and gaz.cc[i] in prim_cc}


def base_score(gaz: Gazetteer, surface: str, i: int) -> float:
    f = gaz.feat[i]
    if gaz.is_zip_town(i):
        return ZIP_BASE
    if f in BASE:
        sc = BASE[f]
        if f == ADM2:
            sc += min(1.0, math.log10(1 + gaz.pop[i]) / 2)
    else:
        sc = math.log10(max(gaz.pop[i], 100))
        if f == CAPITAL:
            sc += CAPITAL_BONUS
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
            i = gaz.place_abbr.get(cand)
            if i is not None and gaz.feat[i] == ADM1:  # "Ont.", "B.C."
                return (gaz.cc[i], gaz.adm1[i])
        q = q.rstrip(".") if n > 1 or len(q) > 5 else q
        if q in gaz.abbr:
            return (gaz.abbr[q], "")
        found = gaz.lookup(q)
        for i in found:
            if gaz.feat[i] == ADM1 and gaz.is_primary(q, i) or gaz.feat[i] == ADM1 and q in gaz.state_abbr:
                return (gaz.cc[i], gaz.adm1[i])
            if gaz.feat[i] == COUNTRY:
                return (gaz.cc[i], "")
        if found and n > 1 and any(gaz.is_primary(q, i) for i in found):
            return None  # "Pensacola, Panama City and ...": the next item of a list, not a qualifier
    return None


def _qual_abbr(gaz: Gazetteer, text: str, end: int) -> bool:
    """The qualifier after ``end`` is a division abbreviation ("Pa.", "W.Va.", "Ont.")."""
    m = _QUAL.match(text, end)
    if not m:
        return False
    w = m.group(1).split()[0]
    return any(x in gaz.state_abbr or x in gaz.place_abbr for x in (w, w + ".", m.group(1).strip()))


_FEATURE = re.compile(r"^(?:(?:Lake|Mount|Mt\.|Fort|Ft\.) (?P<a>.+)|(?P<b>.+?) (?:River|Lake|Valley|Park|National Park|"
                      r"State Park|Creek|Bay|Harbou?r|Islands?|Mountains?|Hills|Canyon|Falls|Beach|Reservoir|Dam|"
                      r"(?:International |Regional |County )?Airport|Air Force Base|Army Base|Proving Ground))$")


_PART = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Mid|"
                   r"North[- ]?[Ee]ast|North[- ]?[Ww]est|South[- ]?[Ee]ast|South[- ]?[Ww]est|Northeast|Northwest|"
                   r"Southeast|Southwest)(?: |-)([A-Z].+)$")


def near_feature(gaz: Gazetteer, surface: str) -> tuple[int, ...]:
    """A river, lake, park, valley or base that the gazetteer does not hold is placed at the town or
    division whose name it carries ("Neches River" -> Neches, "Lake Erie" -> Erie)."""
    m = _FEATURE.match(clean(surface))
    if not m:
        # "North Dallas", "South Darfur", "West Kasai", "Mid-Jutland": a part of a place the gazetteer holds
        m2 = _PART.match(clean(surface))
        if m2:
            return tuple(i for i in candidates(gaz, m2.group(1)) if gaz.feat[i] in (CITY, CAPITAL, ADM2, ADM1,
                                                                                   REGION, COUNTRY))
        return ()
    core = m.group("a") or m.group("b")
    cs = tuple(i for i in candidates(gaz, core) if gaz.feat[i] in (CITY, CAPITAL, ADM2, ADM1))
    # a feature is named after a known place rather than a hamlet ("Lake Erie" is not Erie, Michigan): ZIP
    # towns only when the gazetteer holds no other place of that name ("Neches River" -> Neches, Texas)
    return tuple(i for i in cs if not gaz.is_zip_town(i)) or cs


def _mention_candidates(gaz: Gazetteer, text: str, spans: list[tuple[int, int]]):
    """Candidates of every mention, before context: its gazetteer entries, else the place a missing
    feature is named after (:func:`near_feature`) or the division or country of its qualifier, plus the
    counties of a bare name the text also writes as "X County". Returns (candidates, near flags,
    county-sense flags, qualifiers, abbreviated-qualifier flags) per mention."""
    n = len(spans)
    cands = [candidates(gaz, text[a:b]) for a, b in spans]
    near_flags = [False] * n
    for k, (a, b) in enumerate(spans):
        if not cands[k]:
            cands[k] = near_feature(gaz, text[a:b])
            near_flags[k] = bool(cands[k])
    # one sense per discourse for counties: where the text says "DeKalb County", a bare "DeKalb" may be
    # the county too (the text's state decides which county)
    county_sense: dict[str, tuple[int, ...]] = {}
    for m in _COUNTY_NAMED.finditer(text):
        key = m.group(1)
        if key not in county_sense:
            county_sense[key] = tuple(i for i in gaz.lookup(key + " " + m.group(2)) if gaz.feat[i] == ADM2)
    sense_flags = [False] * n
    if county_sense:
        for k, (a, b) in enumerate(spans):
            extra = county_sense.get(clean(text[a:b]))
            if extra and cands[k] and not near_flags[k] and \
                    not any(gaz.feat[i] in (COUNTRY, ADM1, ADM2) for i in cands[k]):
                cands[k] = cands[k] + tuple(i for i in extra if i not in cands[k])
                sense_flags[k] = True
    quals = [_qualifier(gaz, text, b) for a, b in spans]
    qual_abbr = [bool(q) and _qual_abbr(gaz, text, b) for q, (a, b) in zip(quals, spans)]
    # a place the gazetteer does not hold, qualified by its division or country ("Lanexa, Va.",
    # "Fort Detrick, Maryland", "Pingilikani, Kenya"): placed at that division or country
    for k, q in enumerate(quals):
        if q and not cands[k]:
            area = gaz.adm1_entry.get(q) if q[1] else gaz.country_entry.get(q[0])
            if area is not None:
                cands[k] = (area,)
                near_flags[k] = True
    for k, q in enumerate(quals):
        # "China, Japan and the United Kingdom": a list of countries, not China in Japan
        if q and not q[1] and any(gaz.feat[i] == COUNTRY and gaz.is_primary(clean(text[spans[k][0]:spans[k][1]]), i)
                                  for i in cands[k]):
            quals[k] = None
    return cands, near_flags, sense_flags, quals, qual_abbr


def resolve_spans(text: str, spans: list[tuple[int, int]], gaz: Gazetteer | None = None,
                  context_spans: list[tuple[int, int]] | None = None,
                  approx: list | None = None, persons: list[tuple[int, int]] | None = None) -> list[int | None]:
    """Resolve every span of ``text`` to a gazetteer entry index (or None), using the whole set as context.
    When ``approx`` is a list it receives, per span, True where the place is only the town or division a
    missing feature is named after (see :func:`near_feature`). ``persons`` are spans the NER read as
    persons: they give no country or division evidence ("Lorraine Bailey")."""
    gaz = gaz or get_gazetteer()
    n = len(spans)
    cands, near_flags, sense_flags, quals, qual_abbr = _mention_candidates(gaz, text, spans)
    if approx is not None:
        approx[:] = near_flags
    names = [clean(text[a:b]) for a, b in spans]
    surf = [x.casefold() for x in names]
    # one sense per discourse: a qualifier on one mention ("Paris, Texas") holds for the others
    by_surface: dict[str, tuple] = {}
    for k, q in enumerate(quals):
        if q and surf[k] not in by_surface:
            by_surface[surf[k]] = q
    quals = [q or by_surface.get(surf[k]) for k, q in enumerate(quals)]
    memo: dict[tuple, list[float]] = {}
    base = []
    for (a, b), cs in zip(spans, cands):
        name = text[a:b]
        key = (name, cs)  # one name may have other candidates in another mention (added counties, a qualifier)
        if key not in memo:
            sc = [base_score(gaz, name, i) for i in cs]
            shadow = _alt_shadowed(gaz, name, cs) if len(cs) > 1 else ()
            if shadow:
                sc = [x - SHADOW_PENALTY if i in shadow else x for i, x in zip(cs, sc)]
            memo[key] = sc
        base.append(list(memo[key]))
    first = []
    for k in range(n):
        if not cands[k]:
            first.append(None)
            continue
        scores = list(base[k])
        if sense_flags[k]:  # the added counties are for the context to choose among, not first-pass votes
            scores = [x - 99.0 if gaz.feat[i] == ADM2 else x for i, x in zip(cands[k], scores)]
        if quals[k]:
            for j, i in enumerate(cands[k]):
                scores[j] += _qual_bonus(gaz, i, quals[k])
        first.append(cands[k][max(range(len(scores)), key=scores.__getitem__)])
    # context votes: countries and admin1 of first-pass picks (weight 1 when unambiguous, else 0.5); one vote
    # per distinct name, so that a name repeated fifteen times does not outvote the rest of the text
    cvote: dict[str, dict] = defaultdict(dict)
    avote: dict[tuple, dict] = defaultdict(dict)

    def vote(table, key, voter, w):
        if table[key].get(voter, 0.0) < w:
            table[key][voter] = w

    for k, i in enumerate(first):
        if i is None:
            continue
        w = 1.0 if len(cands[k]) == 1 or quals[k] else 0.5
        if gaz.cc[i]:
            vote(cvote, gaz.cc[i], surf[k], w)
        if gaz.feat[i] == ADM1 and gaz.adm1[i]:
            vote(avote, (gaz.cc[i], gaz.adm1[i]), surf[k], w)
        elif gaz.feat[i] in (ADM2, CITY, CAPITAL) and gaz.adm1[i] and len(cands[k]) == 1:
            vote(avote, (gaz.cc[i], gaz.adm1[i]), surf[k], 0.5)
        if quals[k]:
            vote(cvote, quals[k][0], surf[k], 1.0)
            if quals[k][1]:
                vote(avote, quals[k], surf[k], 1.0)
    weak: list = []
    for cc, a1 in text_context(gaz, text, set(spans) | set(persons or ()), weak):
        vote(cvote, cc, "#" + cc + a1, 0.5)
        if a1:
            vote(avote, (cc, a1), "#" + cc + a1, 0.5)
    for key in weak:  # a division whose name is also a country's: its towns may count it, the country may not
        vote(avote, key, "#" + key[0] + key[1], AMBIGUOUS_VOTE)
    ctot = {c: sum(v.values()) for c, v in cvote.items()}
    atot = {c: sum(v.values()) for c, v in avote.items()}
    total = sum(ctot.values()) or 1.0
    own_vote: dict[str, float] = defaultdict(float)
    for v in cvote.values():
        for kk, w in v.items():
            own_vote[kk] += w

    def cv(cc, me):  # votes for a country from the other names of the text
        return ctot.get(cc, 0.0) - cvote[cc].get(me, 0.0) if cc in ctot else 0.0

    def av(key, me):
        return atot.get(key, 0.0) - avote[key].get(me, 0.0) if key in atot else 0.0
    townish = [bool(_TOWNISH.match(text, b)) or bool(_AGE_BEFORE.search(text, max(0, a - 40), a)) for a, b in spans]
    # names the text treats as its local town: "Paris Police Department", "Dublin Arts Council",
    # "Alexandria police", "Jessica Kay, 18, of Paris"; local-government news ("the mayor", "City Hall")
    local_text = bool(_LOCAL_NEWS.search(text))
    names_by_adm1: dict = {}
    local_cue = {surf[k] for k, (a, b) in enumerate(spans)
                 if _LOCAL_AFTER.match(text, b) or _LOCAL_BEFORE.search(text, max(0, a - 30), a)}
    cityish = [bool(_CITYISH.match(text, b)) or bool(_CITY_OF.search(text[max(0, a - 20):a])) for a, b in spans]
    # "in Becker, Clay or Douglas counties": the county, not the town
    for k, (a, b) in enumerate(spans):
        mm = _COUNTIES.match(text, b)
        if mm and cands[k] and mm.group(0).strip()[:5].lower() in ("count", "paris") and mm.group(1)[-1] == "s" \
                and not _LIST_BEFORE.search(text[max(0, a - 40):a]):
            continue  # "Indiana counties", "the metro Athens counties": not Indiana County
        if mm and cands[k]:
            word = "Parish" if mm.group(1).lower().startswith("parish") else "County"
            cc = gaz.lookup(clean(text[a:b]) + " " + word)
            if cc:
                cands[k] = cc
                sense_flags[k] = False
                base[k] = [base_score(gaz, text[a:b] + " " + word, i) for i in cc]
    after_comma = [bool(_AFTER_COMMA.search(text[max(0, a - 40):a])) for a, b in spans]
    has_country = [any(gaz.feat[i] in (COUNTRY, REGION, CONTINENT) and gaz.is_primary(clean(text[a:b]), i) for i in cs)
                   for (a, b), cs in zip(spans, cands)]
    # spatial coherence: candidate points of every other distinct name (top candidates only), and the
    # first-level divisions any other name could be
    top = []
    for k in range(n):
        order = sorted((j for j in range(len(cands[k])) if not (sense_flags[k] and gaz.feat[cands[k][j]] == ADM2)),
                       key=lambda j: -base[k][j])[:12]
        top.append([cands[k][j] for j in order])
    # very long texts: spatial coherence with the 150 most frequent names only (keeps this linear)
    freq: dict[str, int] = defaultdict(int)
    for sf in surf:
        freq[sf] += 1
    keep = set(sorted(freq, key=lambda x: -freq[x])[:150])
    pts_by_surface: dict[str, list] = defaultdict(list)
    weight_by_surface: dict[str, float] = {}
    adm_by_surface: dict[str, set] = defaultdict(set)
    for k in range(n):
        if surf[k] not in keep or surf[k] in weight_by_surface:
            continue
        for i in top[k]:
            if gaz.feat[i] in (CITY, CAPITAL, ADM2):
                pts_by_surface[surf[k]].append((gaz.lat[i], gaz.lon[i], i))
            if gaz.feat[i] == ADM1:
                adm_by_surface[surf[k]].add((gaz.cc[i], gaz.adm1[i]))
        weight_by_surface[surf[k]] = 1.0 / max(1, len(top[k]))
    near_cache: dict[tuple[str, int], float] = {}
    spatial: dict[tuple[str, int], float] = {}

    def near_memo(k: int, i: int) -> float:
        """Spatial coherence bonus of candidate i for the name of mention k (same for every mention)."""
        key = (surf[k], i)
        v = near_cache.get(key)
        if v is None:
            la, lo = gaz.lat[i], gaz.lon[i]
            near = 0.0
            me = -1 if gaz.is_primary(names[k], i) else i
            for sf, pts in pts_by_surface.items():
                if sf == surf[k]:
                    continue
                dmin = 999.0
                for pl, po, ii in pts:
                    # a candidate known by an alternate name is not supported by itself under its own
                    # name ("Youngstown", an old name of Mount Gilead, is not near "Mount Gilead")
                    if ii != me and -1.5 < la - pl < 1.5 and -2 < lo - po < 2:
                        d = haversine(la, lo, pl, po)
                        if d < dmin:
                            dmin = d
                if dmin < NEAR_KM:
                    near += weight_by_surface[sf] ** 0.5 * (1.0 - NEAR_DECAY * dmin / NEAR_KM)
            v = W_NEAR * min(near, 3)
            spatial[key] = v
            cc = gaz.cc[i]
            if gaz.adm1[i] and any(sf != surf[k] and (cc, gaz.adm1[i]) in adms for sf, adms in adm_by_surface.items()):
                v += 1.5
            near_cache[key] = v
        return v

    named = {norm(x) for x in names}
    # "Washington state", "the state of Washington", "Nyanza province", "the province of Ontario"
    adm_cue = [bool(_ADM_AFTER.match(text, b)) or bool(_ADM_BEFORE.search(text, max(0, a - 30), a))
               for a, b in spans]

    order_pos = sorted(range(n), key=lambda kk: spans[kk][0])
    rank = {kk: r for r, kk in enumerate(order_pos)}

    def adm_peers(k: int, i: int) -> bool:
        """A division named in a list with other divisions of its country ("Utah, Washington and
        Wisconsin")."""
        r = rank[k]
        for rr in (r - 1, r + 1):
            if 0 <= rr < n:
                kk = order_pos[rr]
                lo, hi = (spans[kk][1], spans[k][0]) if rr < r else (spans[k][1], spans[kk][0])
                if 0 <= hi - lo <= 6 and _LIST_SEP.fullmatch(text[lo:hi]) and \
                        first[kk] is not None and gaz.feat[first[kk]] == ADM1 and gaz.cc[first[kk]] == gaz.cc[i]:
                    return True
        return False

    def list_of_countries(k: int) -> bool:
        """ "Mali, Niger, and Senegal": the name before the comma is a country, so this is a list item,
        not a division qualifying a town."""
        r = rank[k]
        if r == 0 or not has_country[k]:
            return False
        kk = order_pos[r - 1]
        return first[kk] is not None and gaz.feat[first[kk]] == COUNTRY and \
            bool(_COMMA_SEP.fullmatch(text[spans[kk][1]:spans[k][0]]))

    def decide(prev: list | None = None, keys: set | None = None) -> list[int | None]:
        """Pick a candidate for every mention; with ``prev``, only mentions with a candidate in one of the
        divisions ``keys`` are decided again (nothing else changed)."""
        out: list[int | None] = []
        for k in range(n):
            cs = cands[k]
            if not cs:
                out.append(None)
                continue
            if prev is not None and not any((gaz.cc[i], gaz.adm1[i]) in keys for i in cs):
                out.append(prev[k])
                continue
            if len(cs) == 1:
                out.append(cs[0])
                continue
            best, best_sc = None, -1e9
            for j, i in enumerate(cs):
                sc = base[k][j]
                if gaz.feat[i] in (CITY, CAPITAL) and norm(gaz.names[i]) in named and \
                        not norm(gaz.names[i]).startswith(norm(names[k])) and not gaz.is_primary(names[k], i):
                    sc -= SHADOW_PENALTY  # "Youngstown" is not Mount Gilead when the text names Mount Gilead too
                if sense_flags[k] and gaz.feat[i] == ADM2:
                    # only a county of a state the text is about, or near other places of the text
                    if not (gaz.adm1[i] and av((gaz.cc[i], gaz.adm1[i]), surf[k]) > 0) and not any(
                            not sf.startswith(surf[k])
                            and any(haversine(gaz.lat[i], gaz.lon[i], pl, po) < NEAR_KM for pl, po, _ in pts)
                            for sf, pts in pts_by_surface.items()):
                        continue
                    sc += COUNTY_SENSE
                if quals[k]:
                    sc += _qual_bonus(gaz, i, quals[k])
                cc = gaz.cc[i]
                f = gaz.feat[i]
                if townish[k] and f in (COUNTRY, CONTINENT, REGION):
                    sc -= 5.0
                if cityish[k] and f in (COUNTRY, CONTINENT, REGION, ADM1):
                    sc -= 5.0
                if has_country[k] and f in (CITY, CAPITAL, ADM2) and not quals[k] and not townish[k]:
                    sc -= 4.0
                if f == ADM1 and after_comma[k] and not list_of_countries(k):
                    sc += 3.0
                if adm_cue[k] and f in (ADM1, ADM2):
                    sc += ADM_CUE
                if f == ADM1 and gaz.adm1[i]:
                    v = av((cc, gaz.adm1[i]), surf[k])
                    if v:
                        sc += W_ADM1 * min(1.0, v)
                if f == ADM1:
                    # "British Columbia, Alberta, Manitoba, Ontario": divisions of one country named together
                    peers = {surf[kk] for kk in range(n) if kk != k and first[kk] is not None and first[kk] != i
                             and gaz.feat[first[kk]] == ADM1 and gaz.cc[first[kk]] == gaz.cc[i]}
                    sc += 2.0 * min(len(peers), 3)
                if cc:
                    v = cv(cc, surf[k])
                    if v:
                        own = own_vote.get(surf[k], 0.0)
                        others = max(1e-9, total - own)
                        sc += W_COUNTRY * v / others * min(1.0, others / COUNTRY_EVIDENCE) + 0.3 * min(3.0, v)
                    if gaz.feat[i] != COUNTRY and gaz.feat[i] != ADM1 and gaz.adm1[i]:
                        v = av((cc, gaz.adm1[i]), surf[k])
                        if v:
                            sc += W_ADM1 * min(1.0, v)
                    if f in (CITY, CAPITAL, ADM2):
                        sc += near_memo(k, i)
                if sc > best_sc:
                    best, best_sc = i, sc
            # a world city (national capital, city of a million) is not displaced by a small namesake on the
            # strength of country/state votes alone ("Paris ... Springfield, Illinois"): the namesake needs
            # strong evidence — a qualifier ("Paris, Ill."), another place of the text near it, a local cue on
            # the name ("Paris Police Department", "of Paris"), or a clearly local article that does not name
            # the world city's country (local-government words, or three other names in the namesake's state)
            if best is not None and not quals[k] and gaz.feat[best] in (CITY, CAPITAL, ADM2) \
                    and not _world_city(gaz, best) and surf[k] not in local_cue and spatial.get((surf[k], best), 0.0) <= 0:
                w = _world_namesake(gaz, names[k], cs)
                if w is not None and (cv(gaz.cc[w], surf[k]) > 0 or not (
                        local_text or _names_in(gaz, first, surf, names_by_adm1, k, best) >= LOCAL_NAMES)):
                    best = w
            # a country is not displaced by a town known by its name only as an alternate one ("Turkey", an old
            # name of New Providence, N.J., in a listings page full of New Jersey places) without a cue on the
            # mention itself (a qualifier, "Turkey police", "the city of Turkey")
            if best is not None and gaz.feat[best] in (CITY, CAPITAL, ADM2) and not quals[k] and \
                    not gaz.is_primary(names[k], best) and not townish[k] and not cityish[k] and \
                    surf[k] not in local_cue:
                country = next((i for i in cs if gaz.feat[i] == COUNTRY and gaz.is_primary(names[k], i)), None)
                if country is not None:
                    best = country
            # a national capital that shares its name with a division elsewhere ("Washington" is the city
            # unless the text says "Washington state")
            if best is not None and gaz.feat[best] == ADM1 and not quals[k] and not adm_cue[k] and \
                    not adm_peers(k, best):
                cap = next((i for i in cs if gaz.feat[i] == CAPITAL and gaz.cc[i] == gaz.cc[best]
                            and gaz.is_primary(names[k], i)), None)
                if cap is not None:
                    best = cap
            # a division named after its capital city (Pyongyang, Alexandria): the city itself
            if best is not None and gaz.feat[best] == ADM1 and not adm_cue[k] and not adm_peers(k, best):
                for i in cs:
                    if gaz.feat[i] in (CITY, CAPITAL) and gaz.cc[i] == gaz.cc[best] and gaz.pop[i] >= 100_000 and \
                            gaz.is_primary(names[k], i) and \
                            haversine(gaz.lat[i], gaz.lon[i], gaz.lat[best], gaz.lon[best]) < 60:
                        best = i
                        break
            # "Grantville, Pa." when no Grantville of Pennsylvania is known: the division the text names,
            # not a Grantville elsewhere (abbreviated qualifiers only: "Moscow, Kiev" is a list)
            if best is not None and quals[k] and qual_abbr[k] and gaz.feat[best] in (CITY, CAPITAL, ADM2) and \
                    (gaz.cc[best] != quals[k][0] or quals[k][1] and gaz.adm1[best] != quals[k][1]) and \
                    not any(gaz.cc[i] == quals[k][0] and (not quals[k][1] or gaz.adm1[i] == quals[k][1]) for i in cs):
                area = gaz.adm1_entry.get(quals[k]) if quals[k][1] else gaz.country_entry.get(quals[k][0])
                if area is not None:
                    best = area
            out.append(best)
        return out

    out = decide()
    # second round: places confirmed by their neighbours (spatial support) vote for their division, so
    # that "Douglas County" placed in Minnesota by its neighbours pulls "Albany" and "Brandon" there too
    changed: set = set()
    for k, i in enumerate(out):
        if i is not None and len(cands[k]) > 1 and gaz.feat[i] in (CITY, CAPITAL, ADM2) and gaz.adm1[i] \
                and spatial.get((surf[k], i), 0.0) >= CONFIRM_NEAR:
            key = (gaz.cc[i], gaz.adm1[i])
            if avote[key].get(surf[k], 0.0) < ROUND2_VOTE:
                vote(avote, key, surf[k], ROUND2_VOTE)
                changed.add(key)
    if changed:
        atot.clear()
        atot.update({c: sum(v.values()) for c, v in avote.items()})
        out = decide(out, changed)
    marked = [townish[k] or cityish[k] or surf[k] in local_cue for k in range(n)]
    return _one_town_sense(gaz, out, cands, surf, marked)


def _one_town_sense(gaz: Gazetteer, out: list, cands: list, surf: list[str], marked: list[bool]) -> list:
    """One sense per discourse: a name read as a town where the text marks it as one ("Palestine man",
    "the Jordan middle school", "Lebanon police") is that town in its other mentions too, not the country."""
    town_sense: dict[str, int] = {}
    for k, i in enumerate(out):
        if i is not None and gaz.feat[i] in (CITY, CAPITAL, ADM2) and marked[k]:
            town_sense.setdefault(surf[k], i)
    if town_sense:
        for k, i in enumerate(out):
            t = town_sense.get(surf[k])
            if t is not None and i is not None and i != t and gaz.feat[i] in (COUNTRY, REGION, CONTINENT) \
                    and t in cands[k]:
                out[k] = t
    return out


WORLD_CITY_POP = 1_000_000
WORLD_CAPITAL_POP = 100_000  # not the capitals of small territories (Hamilton, Bermuda; Victoria, Seychelles)
LOCAL_NAMES = 3  # other names of the text in a division that make it the article's locality


def _world_city(gaz: Gazetteer, i: int) -> bool:
    """A national capital of 100,000 or a city of a million."""
    return gaz.pop[i] >= WORLD_CITY_POP and gaz.feat[i] in (CITY, CAPITAL) or \
        gaz.feat[i] == CAPITAL and gaz.pop[i] >= WORLD_CAPITAL_POP


def _names_in(gaz: Gazetteer, first: list, surf: list[str], table: dict, k: int, i: int) -> int:
    """Distinct other names of the text whose first-pass place lies in the first-level division of
    entry i (``table`` caches the names per division)."""
    if not table:
        table[None] = set()
        for j, f in enumerate(first):
            if f is not None and gaz.adm1[f]:
                table.setdefault((gaz.cc[f], gaz.adm1[f]), set()).add(surf[j])
    names = table.get((gaz.cc[i], gaz.adm1[i]), set()) if gaz.adm1[i] else set()
    return len(names) - (surf[k] in names)


def _world_namesake(gaz: Gazetteer, name: str, cs: tuple[int, ...]) -> int | None:
    """The most populous world city among the candidates that bears the name as its own name."""
    best = None
    for i in cs:
        if _world_city(gaz, i) and gaz.is_primary(name, i) and (best is None or gaz.pop[i] > gaz.pop[best]):
            best = i
    return best


def _qual_bonus(gaz: Gazetteer, i: int, q: tuple[str, str]) -> float:
    cc, a1 = q
    if gaz.cc[i] != cc:
        return -2.0
    if a1 and gaz.feat[i] not in (COUNTRY, ADM1):
        return W_QUAL if gaz.adm1[i] == a1 else 0.0
    return W_QUAL / 2


def to_place(gaz: Gazetteer, i: int | None, near_name: str | None = None) -> Place | None:
    """The Place of entry i; with ``near_name``, a feature missing from the gazetteer placed at entry i
    (name kept, no GeoNames id, feature "near")."""
    if i is None:
        return None
    e = gaz.entry(i)
    if near_name:
        return Place(name=near_name, geonameid=None, lat=e.lat, lon=e.lon,
                     country=gaz.iso3(e.country) if e.country else None, feature="near")
    # a ZIP town (US place missing from GeoNames cities500): no GeoNames id, feature "town"
    feature = "town" if gaz.is_zip_town(i) else FEATURE_NAMES[e.feature]
    return Place(name=e.name, geonameid=e.geonameid, lat=e.lat, lon=e.lon,
                 country=gaz.iso3(e.country) if e.country else None, feature=feature)


def resolve_place(name: str) -> Place | None:
    """Resolve one place name without context ("Rome" -> Rome, Italy; "U.S." -> United States)."""
    gaz = get_gazetteer()
    return to_place(gaz, resolve_spans(name, [(0, len(name))], gaz)[0])


def geocode(text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve spans of a text (the ``tacitus geocode`` contract)."""
    gaz = get_gazetteer()
    flags: list = []
    res = resolve_spans(text, spans, gaz, approx=flags)
    return [to_place(gaz, i, clean(text[a:b]) if f else None) for (a, b), i, f in zip(spans, res, flags)]
