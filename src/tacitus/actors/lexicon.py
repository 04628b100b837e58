"""Actor tables loaded from ``resources/en/actors/`` (sector nouns, IGOs, organization patterns, context
forms) and the country names of the places gazetteer; a phrase coder that knows no article."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..places.gazetteer import (CAPITAL, CITY, COUNTRY, get_gazetteer, norm, read_tsv, read_words,
                                 stateless_region_names)

RES = Path(__file__).resolve().parents[1] / "resources" / "en" / "actors"
WORD = re.compile(r"[A-Za-z][\w.&’'-]*[\w.]|[A-Za-z]|\d+")


@lru_cache(maxsize=65536)
def singular(w: str) -> str:
    w = w.lower()
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


@dataclass
class Tables:
    sectors: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    lc_only: set = field(default_factory=set)
    staff: set = field(default_factory=set)  # generic staff titles ("official", "spokesman"): sectors.tsv "staff"
    groups: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    fuzzy: dict[str, str] = field(default_factory=dict)  # deletion variants of country names -> name
    max_len: int = 1
    igos: dict[str, tuple[str, list[str], str]] = field(default_factory=dict)  # alias -> (code, sectors, name)
    igo_ci: dict[str, str] = field(default_factory=dict)  # casefolded long alias -> alias
    orgs: list[tuple[re.Pattern, list[str], str, str]] = field(default_factory=list)
    context_forms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def tables() -> Tables:
    t = Tables()
    for row in read_tsv(RES / "sectors.tsv"):
        phrase, secs, flag = (row + [""])[:3]
        key = tuple(singular(w) for w in phrase.split())
        t.sectors[key] = secs.split(",")
        if flag == "lc":
            t.lc_only.add(key)
        elif flag == "staff":
            t.staff.add(key)
        t.max_len = max(t.max_len, len(key))
    for name, iso3, secs in read_tsv(RES / "groups.tsv"):
        t.groups[name] = (None if iso3 == "---" else iso3, secs.split(","))
    rows = [(r + ["", ""])[:3] for r in read_tsv(RES / "igos.tsv")]
    canon: dict[tuple, str] = {}
    for alias, code, secs in rows:
        if len(alias) > 6 and not alias.isupper():
            canon.setdefault((code, secs), alias)
    for alias, code, secs in rows:
        t.igos[alias] = (code, [s for s in secs.split(",") if s], canon.get((code, secs), alias))
        if len(alias) > 5:
            t.igo_ci[alias.casefold()] = alias
    for row in read_tsv(RES / "organizations.tsv"):
        pat, secs, kind, country = (row + [""])[:4]
        t.orgs.append((re.compile(pat), secs.split(","), kind, country))
    for phrase, iso3, needs in read_tsv(RES / "context_forms.tsv"):
        t.context_forms.setdefault(phrase, []).append((iso3, needs))
    return t


@lru_cache(maxsize=1)
def stateless_regions() -> frozenset[str]:
    """Lower-cased names of regions that belong to no country (places/regions.tsv rows without a country:
    "Central America", "North America", "Latin America"), with the "-n" adjective of each "... America"
    ("central American"): a country word inside one of them names no country ("the central American country"
    is not the United States)."""
    out = set()
    for name in stateless_region_names():
        if " " not in name.strip():
            continue
        out.add(name.lower())
        if name.endswith("America"):
            out.add(name.lower() + "n")
    return frozenset(out)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line data file of ``resources/en/actors/`` (comments and blank lines skipped), lower-cased."""
    return frozenset(w.lower() for w in read_words(RES / name))


def speech_verbs() -> frozenset[str]:
    """Lemmas of speaking verbs (speech_verbs.txt): a country or capital as their subject is its government."""
    return word_list("speech_verbs.txt")


def water_bodies() -> frozenset[str]:
    """Head words of seas and straits (water_bodies.txt): a name they head is no actor."""
    return word_list("water_bodies.txt")


def is_water_body(words: list[str]) -> bool:
    """ "the Gulf of Mexico", "the Persian Gulf": a capitalized water word heads the name (last word, or
    followed by "of")."""
    w = water_bodies()
    for i, word in enumerate(words):
        if word[:1].isupper() and word.lower() in w and (i == len(words) - 1 or words[i + 1] == "of"):
            return True
    return False


@lru_cache(maxsize=1)
def _national_bodies() -> tuple[tuple[re.Pattern, str, bool], ...]:
    rows = [(r + [""])[:3] for r in read_tsv(RES / "national_bodies.tsv")]
    return tuple((re.compile(pat), iso3, flag.strip() == "only") for pat, iso3, flag in rows)


def national_body_country(text: str) -> tuple[str, bool] | None:
    """The country of a national institution named without it (national_bodies.tsv: "Members of Congress",
    "the Coast Guard" -> USA) and whether the name is that country's alone ("NASA": True) or only a default
    (other countries have a Congress too: False); see _national_body in stage.py."""
    for pat, iso3, only in _national_bodies():
        if pat.search(text):
            return iso3, only
    return None


def quantity_words() -> frozenset[str]:
    """Words of a leading quantity ("Some 800,000 Iraqi Kurds") skipped before a people noun (quantity_words.txt)."""
    return word_list("quantity_words.txt")


@lru_cache(maxsize=1)
def list_markers() -> dict[str, str]:
    """Words introducing a group's members ("They include X and Y", "including X", "among them X"): word ->
    kind (verb | prep), from list_markers.tsv."""
    return {row[0].strip().lower(): row[1].strip() for row in read_tsv(RES / "list_markers.tsv")
            if row and row[0].strip() and len(row) > 1}


def former_markers() -> frozenset[str]:
    """Words that put a title in the past (former_markers.txt): "former President X" -> ELI."""
    return word_list("former_markers.txt")


def is_former(words: list[str]) -> bool:
    """Does a title phrase carry a past marker ("former", "ousted", "ex-president")?"""
    fm = former_markers()
    return any(w.lower() in fm or (w.lower().startswith("ex-") and "ex" in fm) for w in words)


def sector_matches(words: list[str]) -> list[tuple[int, int, list[str]]]:
    """Longest-first, non-overlapping matches of sector phrases: (start, end, sectors)."""
    return list(_sector_matches(tuple(words)))


@lru_cache(maxsize=65536)
def _sector_matches(words: tuple[str, ...]) -> tuple[tuple[int, int, list[str]], ...]:
    t = tables()
    low = [singular(w) for w in words]
    out, i = [], 0
    while i < len(low):
        for n in range(min(t.max_len, len(low) - i), 0, -1):
            key = tuple(low[i:i + n])
            secs = t.sectors.get(key)
            if secs and key in t.lc_only and not words[i].islower():
                secs = None
            if secs:
                out.append((i, i + n, secs))
                i += n
                break
        else:
            i += 1
    return tuple(out)


def merge_sectors(matches: list[list[str]]) -> list[str]:
    """The most specific match first (most codes), then the head-most (last) one."""
    ordered = sorted(enumerate(matches), key=lambda x: (-len(x[1]), -x[0]))
    out: list[str] = []
    for _, secs in ordered:
        for s in secs:
            if s not in out:
                out.append(s)
    return out


@lru_cache(maxsize=65536)
def country_of_name(name: str, allow_cities: bool = True) -> tuple[str, str] | None:
    """ "North Korea" / "North Korean" / "DPRK" / "U.S." -> (ISO3, kind) where kind is country | capital | city."""
    gaz = get_gazetteer()
    s = name.strip()
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    if s in gaz.abbr:
        return gaz.iso3(gaz.abbr[s]), "country"
    key = norm(s)
    if key in gaz.demonyms:
        return gaz.iso3(gaz.demonyms[key]), "country"
    if "-" in s and " " not in s:  # "Greek-Cypriot", "Afghan-born"
        head = s.split("-")[0]
        if norm(head) in gaz.demonyms:
            return gaz.iso3(gaz.demonyms[norm(head)]), "country"
    if s.isupper() and len(s) <= 3:
        return None
    cs = gaz.lookup(s)
    for i in cs:
        if gaz.feat[i] == COUNTRY:
            return gaz.iso3(gaz.cc[i]), "country"
    if not allow_cities or not s[:1].isupper():
        return None
    best = None
    for i in cs:
        if gaz.feat[i] in (CAPITAL, CITY) and gaz.is_primary(s, i) and (gaz.feat[i] == CAPITAL or gaz.pop[i] >= 300_000):
            if best is None or (gaz.feat[i] == CAPITAL, gaz.pop[i]) > (gaz.feat[best] == CAPITAL, gaz.pop[best]):
                best = i
    if best is not None:
        return gaz.iso3(gaz.cc[best]), "capital" if gaz.feat[best] == CAPITAL else "city"
    return None


def _longest_ngram(words: tuple[str, ...], max_n: int, lookup) -> tuple[int, int, object, str] | None:
    """The first hit of ``lookup`` on the phrase's n-grams, longest first, left to right: (start, end, hit,
    n-gram)."""
    for n in range(min(max_n, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            s = " ".join(words[i:i + n])
            hit = lookup(s)
            if hit:
                return i, i + n, hit, s
    return None


def igo_in(words: list[str]) -> tuple[int, int, tuple] | None:
    return _igo_in(tuple(words))


def _igo_alias(s: str) -> tuple | None:
    """An IGO by alias, or by a long alias in any case ("united nations")."""
    t = tables()
    return t.igos.get(s) or (t.igos.get(t.igo_ci[s.casefold()]) if s.casefold() in t.igo_ci else None)


@lru_cache(maxsize=65536)
def _igo_in(words: tuple[str, ...]) -> tuple[int, int, tuple] | None:
    r = _longest_ngram(words, 7, _igo_alias)
    return r[:3] if r else None


def org_sectors(name: str) -> list[str]:
    return org_info(name)[0]


def org_info(name: str) -> tuple[list[str], str | None]:
    """Sectors and (when the table knows it) country of an organization name."""
    secs, country = _org_info(name)
    return list(secs), country


@lru_cache(maxsize=65536)
def _org_hit(name: str) -> tuple[int, tuple[int, int]] | None:
    """The first organizations.tsv row whose pattern is found in ``name``: (row index, match span)."""
    for k, (pat, _secs, _kind, _country) in enumerate(tables().orgs):
        m = pat.search(name)
        if m:
            return k, m.span()
    return None


@lru_cache(maxsize=65536)
def _org_info(name: str) -> tuple[tuple[str, ...], str | None]:
    hit = _org_hit(name)
    if hit is None:
        return (), None
    _pat, secs, _kind, country = tables().orgs[hit[0]]
    return tuple(secs), country or None


def org_match(name: str) -> tuple[int, int] | None:
    """(start, end) of the first organizations.tsv pattern found in ``name``, else None."""
    hit = _org_hit(name)
    return hit[1] if hit else None


def group_in(words: list[str]) -> tuple[int, int, tuple] | None:
    """A named armed group, movement or party: (start, end, (country or None, sectors, name))."""
    return _group_in(tuple(words))


@lru_cache(maxsize=65536)
def _group_in(words: tuple[str, ...]) -> tuple[int, int, tuple] | None:
    r = _longest_ngram(words, 12, tables().groups.get)
    if r is None:
        return None
    i, j, (country, secs), name = r
    return i, j, (country, secs, name)


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))} | {w}


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    gaz = get_gazetteer()
    names = set(gaz.demonyms)
    for iso2, i in gaz.country_entry.items():
        names.add(norm(gaz.names[i]))
    idx: dict[str, str] = {}
    for n in sorted(names):  # a fixed order: the first name wins a shared deletion variant, run after run
        if len(n) >= 5 and " " not in n:
            for d in _deletes(n):
                idx.setdefault(d, n)
    return idx


@lru_cache(maxsize=65536)
def fuzzy_country(word: str) -> str | None:
    """One-edit misspellings of country names and demonyms ("Ethopia", "Afganistan", "Ghanians")."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    w = norm(word)
    if len(w) < 6 or not word[:1].isupper():
        return None
    idx = _fuzzy_index()
    # one letter missing ("Ethopia") or one letter too many ("Quatar"); no substitutions ("Franco")
    options = [idx.get(w)] + [idx.get(d) for d in _deletes(w) if idx.get(d) == d]
    for n in options:
        if n is not None:
            r = country_of_name(n.title() if n.islower() else n, allow_cities=False)
            if r:
                return r[0]
    return None


@lru_cache(maxsize=65536)
def division_country(phrase: str) -> str | None:
    """A first-level division or region named in a phrase gives its country ("Darfur" -> SDN)."""
    from ..places.gazetteer import ADM1, GENERIC, REGION
    gaz = get_gazetteer()
    if phrase.casefold() in GENERIC or len(phrase) < 4:
        return None
    # several divisions share a name ("Florida": the US state, a Puerto Rican municipality, a Uruguayan
    # department): the largest (most towns) is meant when nothing else is said
    best = None
    for i in gaz.lookup(phrase):
        if gaz.feat[i] in (ADM1, REGION) and gaz.cc[i] and gaz.is_primary(phrase, i):
            if best is None or gaz.pop[i] > gaz.pop[best]:
                best = i
    return gaz.iso3(gaz.cc[best]) if best is not None else None
