"""Actors stage: named entities and agent noun phrases coded to country + sectors, with in-article
coreference (short names, "the daily", safe pronouns) and stable registry ids."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Actor, Entity, make_code
from ..places.gazetteer import ADM1, COUNTRY, REGION, get_gazetteer, norm
from .lexicon import (list_markers, WORD, country_of_name, division_country, fuzzy_country, group_in, igo_in, merge_sectors,
                      is_former, national_body_country, is_water_body, org_info, org_match, org_sectors, quantity_words, sector_matches, singular,
                      speech_verbs, stateless_regions, tables, water_bodies, word_list)
from .registry import actor_id
from .userdict import user_dictionary

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
MEDIA_NOUNS = word_list("media_nouns.txt")
COMPANY_NOUNS = word_list("company_nouns.txt")
PRONOUNS = word_list("person_pronouns.txt")


@dataclass
class ArticleInfo:
    """What the coder may use from the article: countries mentioned, dominant country, media orgs."""
    countries: Counter = field(default_factory=Counter)
    persons: list = field(default_factory=list)  # (entity index, full name)
    last_by_sector: dict = field(default_factory=dict)  # sector -> country, most recent mention
    org_countries: dict = field(default_factory=dict)  # sector -> Counter of the countries of its ORG mentions

    def org_country(self, sector: str) -> str | None:
        """The country of the article's organizations of ``sector`` when one clearly dominates (at least
        twice as many mentions as the next): BP's GBR for "chief executive Tony Hayward" in a BP story."""
        c = self.org_countries.get(sector)
        if not c:
            return None
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] >= 2 * top[1][1]:
            return top[0][0]
        return None

    def dominant(self, exclude: set | None = None) -> str | None:
        for c, _ in self.countries.most_common():
            if not exclude or c not in exclude:
                return c
        return None


def _bare_name(text: str) -> str:
    """A place name without a leading "the" and a trailing possessive ("the Louisiana's" -> "Louisiana")."""
    s = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    if s.endswith(("'s", "’s")):
        s = s[:-2].strip()
    return s


def _division_mention(text: str) -> str | None:
    """The country of a first-level division or region named by a whole GPE entity ("Louisiana" -> USA,
    "Darfur" -> SDN), or of a US state abbreviation ("La.", places/us_state_abbr.tsv); not a lone water
    word ("Gulf", a province of Papua New Guinea)."""
    s = _bare_name(text)
    if s in get_gazetteer().state_abbr:
        return "USA"
    if " " not in s and s.lower() in water_bodies():
        return None
    return division_country(s)


def _words(text: str) -> list[str]:
    return WORD.findall(text.replace("’", "'"))


_LED_BASED = re.compile(r"(?<=\w)-(led|based)\b")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)  # a leading article, dropped from a coded name
_ANTI_PRO = re.compile(r"\b(anti|pro|non)-$")  # "anti-Syria", "pro-Iranian": names no country of the actor's
_EX_DASH = re.compile(r"\b([Ee]x)-(?=[a-z])")


@lru_cache(maxsize=1)
def _context_forms() -> tuple[tuple[str, re.Pattern, list], ...]:
    """The context forms ("the South" needs KOR in the article) with their whole-word patterns, compiled once."""
    return tuple((phrase, re.compile(r"\b" + re.escape(phrase) + r"\b"), opts)
                 for phrase, opts in tables().context_forms.items())


DESTINATION_WORDS = ("to", "in", "at", "into", "toward", "towards", "against", "with")


def _in_stateless_region(words) -> set:
    """Indexes of the words inside a region of no country ("Central America", "the central American
    country"): no n-gram made of them names a country (not the United States)."""
    regions = stateless_regions()
    inside = set()
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            if " ".join(words[i:i + n]).lower() in regions:
                inside.update(range(i, i + n))
    return inside


@lru_cache(maxsize=65536)
def _country_ngram(words: tuple[str, ...]) -> tuple[str | None, str, tuple[int, int]] | None:
    """The country named in a phrase's words: (country, kind, (start, end)) of the last hit, or None.
    Longest n-gram first, left to right; countries first (names, demonyms, codes), then capitals and big
    cities; destinations ("ambassador to London") only when nothing else names a country. Depends on the
    words alone, so it is memoized."""
    # the capitalized n-grams (not a lone water word: the Gulf states are not PNG's Gulf Province), in
    # search order, with the word before each
    grams = []
    inside = _in_stateless_region(words)
    for n in range(min(5, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if not phrase[:1].isupper() or (n == 1 and phrase.lower() in water_bodies()):
                continue
            if inside and all(k in inside for k in range(i, i + n)):
                continue
            grams.append((n, i, phrase, words[i - 1].lower() if i > 0 else ""))
    found = None
    for allow_cities, skip_dest in ((False, True), (True, True), (False, False), (True, False)):
        done_n = None  # a hit without a country ends its n-gram length, not the search
        for n0, i0, phrase, prev in grams:
            if n0 == done_n:
                continue
            if skip_dest and prev in DESTINATION_WORDS:
                continue
            if not skip_dest and prev == "to":
                continue
            i, n = i0, n0
            r = country_of_name(phrase, allow_cities=allow_cities)
            if r and i > 0 and words[i - 1][:1].isupper():
                # "Northern Ireland", "New Mexico": a division whose name holds a country's
                wider = " ".join(words[i - 1:i + n])
                dc = division_country(wider) if country_of_name(wider, allow_cities=False) is None else None
                if dc:
                    r = (dc, "city")
                    i -= 1
                    n += 1
            if r:
                country, ckind = r
                found = (country, {"country": "country", "capital": "capital"}.get(ckind, "city"), (i, i + n))
                if country:
                    return found
                done_n = n0
    return found


@lru_cache(maxsize=65536)
def _division_ngram(words: tuple[str, ...]) -> tuple[str, str, tuple[int, int]] | None:
    """A first-level division or region ("Darfur rebels", "West Darfur State") or a one-edit misspelled
    country ("Ethopia") in a phrase's words: (country, "city", (start, end)), longest first; memoized."""
    inside = _in_stateless_region(words)
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if inside and all(k in inside for k in range(i, i + n)):
                continue
            if phrase[:1].isupper() and not (n == 1 and phrase.lower() in water_bodies()):
                c = division_country(phrase) or (fuzzy_country(phrase) if n == 1 else None)
                if c:
                    return c, "city", (i, i + n)
    return None


def code_phrase(text: str, info: ArticleInfo | None = None, date=None, person: str | None = None) -> Actor | None:
    """Code a phrase: user dictionary, IGOs, countries (names, demonyms, capitals, context forms), sectors."""
    text = text.strip()
    if not text:
        return None
    ud = user_dictionary().lookup(person or text, date)
    if ud is not None:
        return ud
    # "Saudi-led coalition", "U.S.-based group": the country of the leader or the base
    text_c = _LED_BASED.sub(r" \1", text)
    text_c = _EX_DASH.sub(r"\1 ", text_c)  # "ex-president" -> "ex president"
    words = _words(text_c)
    if is_water_body(words):  # "the Gulf of Mexico" is no actor of Mexico's
        return None
    typed = list(words)  # as written: lower-case-only sector words ("forces") keep matching
    if text.islower():  # a phrase typed in lower case: "seoul metropolitan police"
        words = [w.capitalize() if w not in ("of", "the", "and", "to", "in") else w for w in words]
    low = " ".join(w.lower() for w in words)
    country, kind, name = None, None, None
    sectors: list[str] = []
    # IGOs, then named groups
    hit = igo_in(words)
    igo_span = None
    if hit:
        i0, i1, (code, secs, igo_name) = hit
        country, kind, name = code, "igo", igo_name
        sectors += secs
        igo_span = (i0, i1)
    else:
        g = group_in(words)
        if g:
            i0, i1, (gc, secs, gname) = g
            country, kind, name = gc, "organization", gname
            sectors += secs
            igo_span = (i0, i1)
    # countries: longest n-gram, skipping destinations ("ambassador to London")
    cspan = None
    if country is None:
        # countries first (names, demonyms, codes), then capitals and big cities; destinations ("ambassador
        # to London") only when nothing else names a country
        found = _country_ngram(tuple(words))
        if found is not None:
            country, kind, cspan = found
        if country is None:  # a known person's name inside the phrase: "Bush administration"
            ud = user_dictionary()
            for n in range(min(4, len(words)), 0, -1):
                for i in range(len(words) - n + 1):
                    phrase = " ".join(words[i:i + n])
                    if phrase.endswith(("'s", "’s")):
                        phrase = phrase[:-2]
                    if phrase[:1].isupper() and (n > 1 or len(phrase) > 3):
                        hit = ud.lookup(phrase, date)
                        if hit is not None and hit.country:
                            country, kind, cspan = hit.country, "group", (i, i + n)
                            break
                if country:
                    break
        if country is None:  # "Darfur rebels", "West Darfur State", misspelled "Ethopia"
            found = _division_ngram(tuple(words))
            if found is not None:
                country, kind, cspan = found
    if country is None and info is not None:
        target = "the " + low if not low.startswith("the ") else low
        for phrase, pat, opts in _context_forms():
            if pat.search(target):
                for iso3, needs in opts:
                    if info.countries.get(needs):
                        last = phrase.split()[-1]
                        pos = next((i for i, w in enumerate(words) if w.lower() == last), 0)
                        if pos in _in_stateless_region(tuple(words)):
                            continue  # "North America" is not "the North"
                        country, kind, cspan = iso3, "country", (pos, pos + 1)
                        break
            if country:
                break
    # sectors from agent nouns (outside the country / IGO name)
    matches = [m for m in sector_matches(typed)
               if not (cspan and cspan[0] <= m[0] < cspan[1]) and not (igo_span and igo_span[0] <= m[0] < igo_span[1])
               and not _in_place_name(words, m[0], m[1])]
    sectors += [s for s in merge_sectors([m[2] for m in matches]) if s not in sectors]
    # the country itself or a capital used as an actor ("Seoul said")
    only_place = cspan is not None and cspan[1] == len(words) and (
        cspan[0] == 0 or (cspan[0] == 1 and words[0].lower() == "the"))
    if only_place and kind in ("capital",):
        sectors = ["GOV"]
    if kind == "city" and not sectors and only_place:
        kind = "country"
    # organizations named in the phrase
    caps = [w for w in words if w[:1].isupper()]
    if caps and person is None and kind != "igo":
        osecs, ocountry = org_info(text)
        if osecs and _org_word_in_place(words, text):
            osecs, ocountry = [], None
        if osecs and sectors and not set(osecs) & STATE_SECTORS and _staff_only(typed, cspan, igo_span):
            # "a Reuters spokesman", "a BP official": a staff title of a non-state organization is that
            # organization's, not the government's (ex: "a Labour Party official said" -> PTY, not GOV)
            sectors = list(osecs)
            if ocountry and country is None:
                country = ocountry
        elif osecs and (not sectors or ocountry):
            sectors = osecs + [x for x in sectors if x not in osecs]
            if not _title_after_org(text):
                kind = "organization"  # (not "BP's chief executive Tony Hayward": a person of the company)
            if ocountry and country is None:
                country = ocountry
    if person:
        kind = "person"
    if country is None and not sectors:
        return None
    if kind in ("capital", "city"):
        kind = "country" if only_place else "group"
    # people named by nationality or ethnicity: "Libyans", "Bosnian Serbs", "ethnic Albanians in ..." -> civilians
    if not sectors and kind in ("country", "group", None):
        head = _people_head(words)
        if head is not None and not only_place_name(words[:head + 1]) and (country_of_name(
                " ".join(words[:head + 1]), allow_cities=True) or ("", ""))[1] not in ("capital", "city"):
            # (a city is no people: "Los Angeles", "Des Moines")
            sectors = ["CVL"]
            kind = "group"
            only_place = False
    if kind == "country" and not only_place:
        kind = "group"
    if sectors and is_former(typed) and set(sectors) & TITLE_SECTORS:
        # "former prime minister X", "ousted President Y": a former official is elite (ELI)
        sectors = ["ELI"] + [s for s in sectors if s not in TITLE_SECTORS and s != "ELI"]
    if name is None:
        if person:
            name = person
        elif kind == "country" and only_place:
            gaz = get_gazetteer()
            name = gaz.names[gaz.country_entry[gaz.iso3to2[country]]] if country in gaz.iso3to2 else text
        else:
            name = _ARTICLE.sub("", text)
    a = Actor(name=name, country=country, sectors=sectors, kind=kind or "group")
    if kind == "igo":
        a.code = _igo_code(country, sectors)
    a.id = actor_id(a)
    return a


# the sectors of non-state organizations whose officers take the organization's country (not the story's)
ORG_STAFF_SECTORS = ("BUS", "MED")
# sectors of the state: an organization with one of these is a government body, whose staff stay GOV
STATE_SECTORS = {"GOV", "DIP", "MIL", "COP", "LEG", "JUD", "SPY"}


def _home_country_only(text: str, a: Actor) -> bool:
    """A non-state organization whose country comes from the organizations table, not from its name ("BP",
    "Reuters"): it names no country of the story's."""
    return not set(a.sectors) & STATE_SECTORS and bool(org_info(text)[1])


def _title_after_org(text: str) -> bool:
    """Does a sector word follow the organization name the phrase holds ("BP chief operating officer X",
    "a Gazprom spokesman")? Then the phrase names someone of the organization, not the organization."""
    m = org_match(text)
    return m is not None and bool(sector_matches(_words(text[m[1]:])))


def _staff_only(typed: list[str], cspan, igo_span) -> bool:
    """Do the phrase's sector words (outside a country or IGO name) consist of generic staff titles only
    ("official", "spokesman": sectors.tsv flag "staff")?"""
    staff = tables().staff
    matches = [m for m in sector_matches(typed)
               if not (cspan and cspan[0] <= m[0] < cspan[1]) and not (igo_span and igo_span[0] <= m[0] < igo_span[1])]
    return bool(matches) and all(tuple(singular(w) for w in typed[i:j]) in staff for i, j, _ in matches)


# sectors of office titles: a past marker turns them into ELI, and a title in the text beats a dated role
TITLE_SECTORS = {"GOV", "DIP", "LEG", "MIL", "JUD"}


def _title_wins(ud: Actor, titles: list[str]) -> Actor:
    """A dictionary person coded at the article date, corrected by the title the text gives: a past marker
    ("former President Bush") makes ELI; a current office title ("President Gbagbo" in a text dated before
    his term) replaces the dictionary's sectors when they share none."""
    words = [w for t in titles for w in _words(t)]
    if not words:
        return ud
    if is_former(words):
        if ud.sectors[:1] == ["ELI"]:
            return ud
        secs = ["ELI"]
    else:
        # only a formal title, capitalized before the name ("President Gbagbo"); a description ("the
        # party's leader Mahmoud Abbas") does not override the dictionary
        formal = [w for w in words if w[:1].isupper()]
        secs = merge_sectors([m[2] for m in sector_matches(formal)])
        if not secs or set(secs) - TITLE_SECTORS or set(secs) & set(ud.sectors):
            return ud
    a = Actor(name=ud.name, country=ud.country, sectors=secs, kind=ud.kind)
    a.id = ud.id
    return a


def _org_word_in_place(words: list[str], text: str) -> bool:
    """The organization word that matched is part of a place name ("West Bank")."""
    m = org_match(text)
    if m is None:
        return False
    w = text[m[0]:m[1]].split()[0]
    return any(x == w and _in_place_name(words, j, j + 1) for j, x in enumerate(words))


def _people_head(words: list[str]) -> int | None:
    """Index of a capitalized plural people noun heading the phrase ("Iraqi Kurds living in ..." -> 1)."""
    stop = next((i for i, w in enumerate(words) if w.lower() in ("of", "in", "living", "from", "who", "near", "at")),
                len(words))
    core = words[:stop]
    # a leading quantity does not count: "Some 800,000 Iraqi Kurds", "up to 100 Albanians"
    q = 0
    while q < len(core) - 1 and (core[q].isdigit() or core[q].lower() in quantity_words()):
        q += 1
    if not core or len(core) - q > 4:
        return None
    w = core[-1]
    if w[:1].isupper() and w.endswith("s") and not w.endswith(("ss", "'s", "’s")) and len(w) > 3:
        return len(core) - 1
    return None


def _in_place_name(words: list[str], i: int, j: int) -> bool:
    """A sector word that is part of a capitalized place name ("West Bank", "Gaza Strip")."""
    if not words[i][:1].isupper() or i == 0 or not words[i - 1][:1].isupper():
        return False
    gaz = get_gazetteer()
    for a in range(max(0, i - 2), i):
        name = " ".join(words[a:j])
        if any(gaz.feat[k] in (ADM1, COUNTRY, REGION) or gaz.pop[k] >= 100_000 for k in gaz.lookup(name)
               if gaz.is_primary(name, k)):
            return True
    return False


def only_place_name(words: list[str]) -> bool:
    """True when the words are themselves a country's name ("United States", "Philippines")."""
    gaz = get_gazetteer()
    s = " ".join(words)
    return any(gaz.feat[i] == COUNTRY and gaz.is_primary(s, i) for i in gaz.lookup(s))


def resolve_phrase(text, date=None):
    """Code a bare phrase without an article ("Armenian Prime Minister Nikol Pashinyan" -> ARM GOV)."""
    person = _person_in_phrase(text)
    if person:
        ud = user_dictionary().lookup(person, date)
        title = text[: text.rfind(person)].strip()
        if ud is not None:
            return igo_coded(_title_wins(ud, [title]) if title else ud)
        # the person's own name says nothing about a country ("President Bush" is not Bush, Egypt)
        a = code_phrase(title, None, date) if title else None
        if a is None:
            return None
        a = Actor(name=person, country=a.country, sectors=a.sectors, kind="person")
        a.id = actor_id(a)
        return igo_coded(a)
    return igo_coded(code_phrase(text, None, date))


def _person_in_phrase(text: str) -> str | None:
    """A trailing capitalized name after a title: "Prime Minister Nikol Pashinyan" -> "Nikol Pashinyan"."""
    words = _words(text)
    matches = sector_matches(words)
    if not matches:
        return None
    end = matches[-1][1]
    rest = words[end:]
    if rest and rest[0].lower() == "to" and len(rest) > 2:  # "ambassador to London Thae Yong-ho"
        rest = rest[2:]
    particles = word_list("name_particles.txt")
    if rest and rest[-1].endswith(("'s", "’s")):
        rest = rest[:-1] + [rest[-1][:-2]]

    def namelike(w: str) -> bool:
        return w[:1].isupper() or w in particles or bool(_name_prefix().match(w))
    if 1 <= len(rest) <= 5 and rest[0][:1].isupper() and namelike(rest[-1]) and \
            all(namelike(w) for w in rest) and country_of_name(" ".join(rest)) is None:
        return " ".join(rest)
    return None


@lru_cache(maxsize=1)
def _name_prefix() -> re.Pattern:
    """A hyphenated name word with a prefix of name_prefixes.txt ("al-Assad")."""
    return re.compile("(" + "|".join(map(re.escape, sorted(word_list("name_prefixes.txt")))) + ")-[A-Z]")


@lru_cache(maxsize=1)
def _newspaper_word() -> re.Pattern:
    """A capitalized newspaper-title word of newspaper_words.txt ("Ilbo", "Post") as a whole word."""
    words = sorted(w.capitalize() for w in word_list("newspaper_words.txt"))
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


# ---------------------------------------------------------------------------------------------
# the article stage

ENTITY_JUNK = {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "``", "''", "-", "--", "\u2013", "\u2014"}


def _strip_junk(doc, start: int, end: int) -> tuple[int, int]:
    """The token range without the ENTITY_JUNK tokens at its edges."""
    while start < end and doc[start].text in ENTITY_JUNK:
        start += 1
    while end > start and doc[end - 1].text in ENTITY_JUNK:
        end -= 1
    return start, end


def _trim_entity(e):
    """An NER span without the PTB brackets and free-standing dashes a fused dateline leaves at its edges
    ("-RRB- - Susan Spicer" in "Reuters -RRB- - Susan Spicer , ..."); None when nothing is left."""
    start, end = _strip_junk(e.doc, e.start, e.end)
    # a bracket inside the name: a closing one ends an aside the name follows ("Washington Post -RRB- Lamar
    # McKay" is Lamar McKay), an opening one starts an aside after the name ("World Health Organization
    # -LRB- WHO")
    for i in range(end - 1, start, -1):
        if e.doc[i].text in ("-RRB-", "-RSB-", ")", "]"):
            start = i + 1
            break
    for i in range(start + 1, end):
        if e.doc[i].text in ("-LRB-", "-LSB-", "(", "["):
            end = i
            break
    start, end = _strip_junk(e.doc, start, end)
    if e.label_ == "PERSON" and end - start >= 2 and e.doc[end - 1].text in ("'s", "’s", "'"):
        end -= 1  # "Tony Hayward 's"
    if start == e.start and end == e.end:
        return e
    if start >= end:
        return None
    from spacy.tokens import Span as SpacySpan
    return SpacySpan(e.doc, start, end, label=e.label_)


BYLINE_WORDS = word_list("byline_words.txt")


def _strip_bylines(ents, date=None) -> list:
    """PERSON entities without the dateline or byline word NER glued to their front: a time zone ("BST Thad
    Allen"), or a place when the rest is a person the article names elsewhere or the leaders' dictionary
    knows ("BBC News , Washington Obama promised ...": "Barack Obama" later). A place that is part of a
    real name stays ("Jordan Smith ... Smith said": no other full name ends in "Smith")."""
    from spacy.tokens import Span as SpacySpan
    full = [e.text for e in ents if e.label_ == "PERSON"]
    out = []
    for e in ents:
        if e.label_ in ("PERSON", "GPE") and len(e) >= 2 and e[0].text[:1].isupper():
            first, rest = e[0].text, e[1:].text
            cut = e.label_ == "PERSON" and first.lower() in BYLINE_WORDS
            if not cut and len(e) <= 4 and (country_of_name(first, allow_cities=True) or ("", ""))[1] in (
                    "capital", "city", "country") and full.count(e.text) <= 1 and rest[:1].isupper() \
                    and country_of_name(e.text, allow_cities=True) is None:  # ("Mexico City" is a place)
                # (NER may call the whole a GPE: "Washington Obama")
                cut = any(t != e.text and t.endswith(" " + rest) for t in full) \
                    or user_dictionary().lookup(rest, date) is not None
            if cut:
                e = SpacySpan(e.doc, e.start + 1, e.end, label="PERSON")
        out.append(e)
    return out


class ActorResolver:
    name = "actors"

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        ents = [t for t in (_trim_entity(e) for e in doc.ents if e.label_ in LABELS) if t is not None]
        ents = _strip_bylines(ents, ctx.dct)
        info = ArticleInfo()
        # countries mentioned (for the dominant country and context forms); a state or province counts for
        # its country ("Louisiana", "GRAND ISLE , La."), a person's surname does not ("BP spokesman Jason
        # French ... French says")
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) >= 2}
        for e in ents:
            if e.label_ in ("GPE", "NORP", "LOC"):
                if len(e) == 1 and e.text in surnames:
                    continue
                r = country_of_name(e.text, allow_cities=True)
                if r:
                    info.countries[r[0]] += 1
                elif e.label_ == "GPE":
                    c = _division_mention(e.text)
                    if c:
                        info.countries[c] += 1
        entities: list[Entity] = []
        org_names = [e.text for e in ents if e.label_ == "ORG"]
        for e in ents:
            label = e.label_
            if label == "PERSON" and _looks_like_org(e, org_names):
                label = "ORG"
                org_names.append(e.text)
            elif label == "PERSON" and len(e) >= 2 and e[-1].text.endswith("s") and _is_demonym(e[0].text):
                label = "NORP"  # "Bosnian Serbs", "Iraqi Kurds" read as a person's name
            elif label == "PERSON" and len(e) == 1 and (country_of_name(e.text, allow_cities=False) or ("", ""))[1] == "country":
                label = "GPE"  # NER misreads some country names as persons ("Benin opened its borders")
                r = country_of_name(e.text, allow_cities=False)
                info.countries[r[0]] += 1
            entities.append(Entity(e.start_char, e.end_char, e.text, label))
        relabeled = {x.start for x in entities if x.label in ("ORG", "GPE", "NORP")}
        # short-name mentions of persons that NER missed ("Jo has been serving ...")
        persons = [(k, e) for k, e in enumerate(ents) if e.label_ == "PERSON" and len(e.text.split()) >= 2
                   and e.start_char not in relabeled]
        parts: dict[str, int] = {}
        for k, e in persons:
            toks = e.text.replace("’", "'").split()
            for t in (toks[0], toks[-1]):
                if len(t) > 1:
                    parts.setdefault(t, k)
        covered = set()
        for e in ents:
            covered.update(range(e.start, e.end))
        # only tokens spelled like a name part are looked at (their hashes, without a Token per word)
        import numpy as np
        from spacy.attrs import ORTH
        from spacy.strings import get_string_id
        part_ids = np.array([get_string_id(p) for p in parts], dtype=np.uint64)
        hits = np.flatnonzero(np.isin(doc.to_array(ORTH), part_ids)).tolist() if parts else []
        for i in hits:
            tok = doc[i]
            if tok.i in covered or tok.text not in parts or tok.pos_ not in ("PROPN", "NOUN", "X", "ADJ"):
                continue
            if tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and doc[tok.i - 1].i in covered:
                continue
            entities.append(Entity(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON"))
        # media nouns ("the daily") and agent noun phrases ("Italian authorities")
        entities += _noun_actors(doc, covered)
        entities.sort(key=lambda x: (x.start, -x.end))
        ctx.entities = entities
        ctx.extra["actors"] = info
        self._code(ctx, info)

    def _code(self, ctx, info: ArticleInfo) -> None:
        doc = ctx.doc
        ents = ctx.entities
        full_names: dict[str, int] = {}
        org_prefixes: dict[str, int] = {}
        last_media = None
        last_company = None  # the latest business organization ("the company" -> BP)
        for k, e in enumerate(ents):
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if e.label == "PERSON":
                toks = e.text.replace("’", "'").split()
                if len(toks) >= 2:
                    if full_names.get(e.text, k) != k and ents[full_names[e.text]].text == e.text:
                        e.coref = full_names[e.text]  # the full name again: the same person ("Tony Hayward")
                    full_names.setdefault(e.text, k)
                    for t in (toks[0], toks[-1]):
                        full_names.setdefault(t, full_names[e.text])
                elif e.text in full_names and full_names[e.text] != k:
                    e.coref = full_names[e.text]
                continue
            if e.label == "ORG":
                # "the Joongang" -> "Joongang Ilbo": a prefix of an earlier organization
                kk = org_prefixes.get(e.text)
                if kk is not None and ents[kk].text != e.text and not _own_org_country(e.text, ents[kk]):
                    e.coref = ents[kk].coref if ents[kk].coref is not None else kk
                words_ = e.text.split()
                for n_ in range(1, len(words_)):
                    org_prefixes.setdefault(" ".join(words_[:n_]), k)
                a = _code_org(e.text, span, info)
                if a is not None and a.country is None and span is not None:
                    a = _possessor_country(doc, span, info, a)
                e.actor = a
                if a is not None and a.kind != "igo" and a.country and a.country in _iso3_set() \
                        and not _home_country_only(e.text, a):
                    # "the Kenya Anti-Corruption Commission" names Kenya; a company's home country from the
                    # organizations table does not make the story that country's ("BP" in a story on the US)
                    info.countries[a.country] += 1
                if a and "MED" in a.sectors and e.coref is None:
                    last_media = k
                if a and a.sectors[:1] == ["BUS"] and a.country:
                    last_company = k
                if a is not None and a.kind != "igo" and a.country and a.country in _iso3_set():
                    for s_ in a.sectors[:1]:
                        info.org_countries.setdefault(s_, Counter())[a.country] += 1
            elif e.label == "NOUN":
                low = e.text.lower().split()
                if len(low) == 2 and low[0] == "the":
                    # "the daily", "the agency", "the government": the latest fitting mention before it
                    kk = _definite_antecedent(ents, k, singular(low[1]), last_media, last_company)
                    if kk is not None:
                        e.coref = ents[kk].coref if ents[kk].coref is not None else kk
                        continue
                e.actor = code_phrase(e.text, info, ctx.dct)
            elif e.label in ("GPE", "NORP", "LOC", "FAC"):
                e.actor = _code_place_name(e.text, span)
            if e.actor is not None and e.actor.country:
                for s in e.actor.sectors[1:] or e.actor.sectors:
                    info.last_by_sector[s] = e.actor.country
        # persons: role evidence gathered over every mention of the cluster
        clusters: dict[int, list[int]] = {}
        for k, e in enumerate(ents):
            if e.label == "PERSON":
                root = e.coref if e.coref is not None else k
                clusters.setdefault(root, []).append(k)
        for root, members in clusters.items():
            actor = _code_person(ctx, ents, root, members, info)
            for k in members:
                ents[k].actor = actor
        # resolve coref'd entities to their canonical actor
        for e in ents:
            if e.coref is not None and ents[e.coref].actor is not None:
                e.actor = ents[e.coref].actor
            igo_coded(e.actor)


def _own_org_country(short: str, longer) -> bool:
    """A short name the organizations table knows with a country of its own ("BP" GBR) is that
    organization, not the longer name it begins ("BP Americas", coded USA): no prefix coreference when the
    longer one's country differs."""
    own = org_info(short)[1]
    return bool(own) and (longer.actor is None or longer.actor.country != own)


def _is_demonym(word: str) -> bool:
    return norm(word) in get_gazetteer().demonyms


def _definite_antecedent(ents, k: int, head: str, last_media: int | None,
                         last_company: int | None = None) -> int | None:
    """Antecedent of "the <noun>": an earlier organization named with that noun ("the agency" -> "National
    Intelligence Agency"), an earlier phrase with the same head and a country ("the government" -> "the
    Kenyan government"), or, for newspaper words, the latest news organization. Looks back 1,500 chars."""
    e = ents[k]
    secs = sector_matches([head])
    for kk in range(k - 1, -1, -1):
        o = ents[kk]
        if e.start - o.end > 1500:
            break
        if o.actor is None and o.coref is None:
            continue
        words = [singular(w) for w in o.text.lower().replace("’", "'").split()]
        if o.label == "ORG" and head in words:
            return kk
        if o.label == "NOUN" and words and words[-1] == head and o.actor is not None and o.actor.country:
            return kk
    if head in MEDIA_NOUNS and last_media is not None and secs and secs[0][2][0] == "MED":
        return last_media
    if head in COMPANY_NOUNS and last_company is not None and e.start - ents[last_company].end <= 1500:
        return last_company  # "the company" (company_nouns.txt): the latest business organization
    return None


def _looks_like_org(span, org_names: list[str]) -> bool:
    """NER calls some newspapers persons ("the Joongang Ilbo daily said"): a name that matches a media
    pattern, is followed by a media noun, or is the first word of an organization named earlier."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in MEDIA_NOUNS:
        return True
    secs, _ = org_info(span.text)
    if secs and secs[0] == "MED" and _newspaper_word().search(span.text):
        return True
    if len(span) != 1:
        return False
    prefix = span.text + " "
    return any(o.startswith(prefix) for o in org_names)


ABSTRACT_HEADS = word_list("abstract_heads.txt")


NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def _noun_chunks(doc) -> list:
    """``list(doc.noun_chunks)``: spaCy's English noun-chunk iterator, step for step, but visiting only the
    nouns and pronouns (found on the token arrays) instead of making a Token for every word."""
    from spacy.attrs import POS
    from spacy.lang.en.syntax_iterators import noun_chunks as _en_noun_chunks
    from spacy.symbols import NOUN, PRON, PROPN
    from spacy.tokens import Span as SpacySpan
    if doc.noun_chunks_iterator is not _en_noun_chunks or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    strings = doc.vocab.strings
    np_deps = [strings.add(label) for label in NP_DEPS]
    conj = strings.add("conj")
    np_label = strings.add("NP")
    out = []
    prev_end = -1
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos not in (NOUN, PROPN, PRON):
            continue
        word = doc[i]
        if word.left_edge.i <= prev_end:
            continue
        if word.dep in np_deps:
            prev_end = word.i
            out.append(SpacySpan(doc, word.left_edge.i, word.i + 1, label=np_label))
        elif word.dep == conj:
            head = word.head
            while head.dep == conj and head.head.i < head.i:
                head = head.head
            if head.dep in np_deps:
                prev_end = word.i
                out.append(SpacySpan(doc, word.left_edge.i, word.i + 1, label=np_label))
    return out


def _noun_actors(doc, covered: set) -> list[Entity]:
    out = []
    try:
        chunks = _noun_chunks(doc)
    except (ValueError, NotImplementedError):
        chunks = []
    for ch in chunks:
        head = ch.root
        if head.ent_type_ in LABELS or head.pos_ == "PRON":
            continue
        low = singular(head.text)
        if low in MEDIA_NOUNS and ch[0].lower_ == "the":
            out.append(Entity(ch.start_char, ch.end_char, ch.text, "NOUN"))
            continue
        if not sector_matches([head.text]) and not sector_matches([t.text for t in doc[max(ch.start, ch.end - 2):ch.end]]):
            continue
        if singular(head.text) in ABSTRACT_HEADS and not any(e - b > 1 for b, e, _ in sector_matches([t.text for t in ch])):
            continue
        # extend over a possessive owner: "South Korea's intelligence agency"
        start = ch.start
        out.append(Entity(doc[start].idx, ch.end_char, doc[start:ch.end].text, "NOUN"))
    return out


def _code_org(text: str, span, info: ArticleInfo) -> Actor | None:
    a = code_phrase(text, info)
    if a is None:
        return None
    if a.kind not in ("igo",):
        a.kind = "organization"
        a.name = _ARTICLE.sub("", text)
        if not a.sectors:
            a.sectors = org_sectors(text)
    if a.country is None:
        a = _inherit_country(a, info)
    a.code = _igo_code(a.country, a.sectors) if a.kind == "igo" else None
    if a.code is None:
        a.code = make_code(a.country, a.sectors)
    a.id = actor_id(a)
    return a


def _possessor_country(doc, span, info: ArticleInfo, a: Actor) -> Actor:
    """ "The South's Joint Chiefs of Staff", "Iran's Foreign Ministry": the owner gives the country."""
    i = span.start - 1
    if i > 0 and doc[i].text in ("'s", "’s", "'", "’"):
        j = i - 1
        while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].sent == span.sent and i - j < 3:
            j -= 1
        owner = code_phrase(doc[j:i].text if doc[j].lower_ == "the" else "the " + doc[j:i].text, info)
        if owner is not None and owner.country:
            a.country = owner.country
            a.code = make_code(a.country, a.sectors)
            a.id = actor_id(a)
    return a


def _inherit_country(a: Actor, info: ArticleInfo) -> Actor:
    """An organization or group without a country takes the country of the latest mention of the same
    specific sector ("the National Intelligence Service" after "South Korea's intelligence agency")."""
    for s in a.sectors[1:] + a.sectors[:1]:
        if s in info.last_by_sector and s != "GOV":
            a.country = info.last_by_sector[s]
            a.code = make_code(a.country, a.sectors)
            a.id = actor_id(a)
            break
    return a


def _code_place_name(text: str, span) -> Actor | None:
    r = country_of_name(text, allow_cities=True)
    if r is None:
        hit = igo_in(_words(text))
        if hit:
            return code_phrase(text)
        return None
    iso3, kind = r
    if kind == "country":
        a = code_phrase(text)
        if a is not None and span is not None and span.root.dep_ in ("nsubj",) \
                and span.root.head.lemma_ in speech_verbs():
            a.sectors = a.sectors or ["GOV"]
            a.code = None
            a.__post_init__()
        return a
    # a capital as the subject of a speech verb is its government ("Seoul said", "Washington warned")
    if kind == "capital" and span is not None and span.root.dep_ in ("nsubj",) \
            and span.root.head.lemma_ in speech_verbs():
        a = Actor(name=text, country=iso3, sectors=["GOV"], kind="country")
        a.id = actor_id(a)
        return a
    return None


def _code_person(ctx, ents, root: int, members: list[int], info: ArticleInfo) -> Actor:
    doc = ctx.doc
    name = ents[root].text
    sectors: list[str] = []
    country = None
    dests: set[str] = set()
    phrases: list[str] = []
    ud = user_dictionary().lookup(name, ctx.dct)
    if ud is not None:
        titles = []
        for k in members:
            e = ents[k]
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is not None:
                titles += _role_phrases(doc, span)
        return _title_wins(ud, titles)
    for k in members:
        e = ents[k]
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            continue
        for phrase in _role_phrases(doc, span):
            phrases.append(phrase)
            words = _words(phrase)
            for w_i, w in enumerate(words):
                if w.lower() in ("to", "in") and w_i + 1 < len(words):
                    r = country_of_name(" ".join(words[w_i + 1:w_i + 3]), allow_cities=True) or country_of_name(
                        words[w_i + 1], allow_cities=True)
                    if r:
                        dests.add(r[0])
            a = code_phrase(phrase)
            if a is None:
                continue
            for s in a.sectors:
                if s not in sectors:
                    sectors.append(s)
            if country is None and a.country and a.country not in dests:
                country = a.country
    if country is None and sectors:
        # a title naming a national institution without its country: "NASA climate modeler Gavin Schmidt"
        country = next((c for c in (_national_body(p, info) for p in phrases) if c and c not in dests), None)
    if country is None and sectors and sectors[0] in ORG_STAFF_SECTORS:
        # a company's or a newspaper's officer with no country in the text ("chief executive Tony Hayward"):
        # the country of the article's organizations of that sector, not the country the story is set in
        country = info.org_country(sectors[0])
        if country in dests:
            country = None
    if country is None and sectors:
        country = info.dominant(exclude=dests)
    a = Actor(name=name, country=country, sectors=sectors, kind="person")
    a.id = actor_id(a)
    return a


def _role_phrases(doc, span) -> list[str]:
    """Titles and appositions around a person mention: tokens before it in its noun phrase ("deputy
    ambassador to London Thae Yong-ho"), an apposition after it (", a former ambassador to Egypt"), and a
    predicate ("Jo has been serving as acting ambassador")."""
    out = []
    # before: walk left while tokens belong to the same noun phrase
    i = span.start - 1
    left = []
    while i >= 0 and span.start - i <= 8:
        t = doc[i]
        if t.text in ("-", "–") and i > 0 and not doc[i - 1].whitespace_ and not t.whitespace_:
            left.insert(0, t.text)  # "Secretary-General"
            i -= 1
            continue
        if t.pos_ == "VERB" and t.dep_ == "amod" and t.sent == span.sent:
            left.insert(0, t.text)  # "Jordan's visiting King Abdullah II"
            i -= 1
            continue
        if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or t.sent != span.sent \
                or t.lower_ in BYLINE_WORDS:
            break  # (a dateline ends the title: "... Gulf of Mexico Tuesday 20 July 2010 12.07 BST Thad Allen")
        if t.pos_ == "ADP" and i == span.start - 1:
            break  # the name is the preposition's object, not titled by it: "told the court of Jackson 's
            # excitement", "the state of Jackson 's health" (a title never ends in a preposition)
        if t.pos_ == "ADP" and not (i > 0 and (
                t.lower_ == "to" and singular(doc[i - 1].text) in DESTINATION_TITLES
                or t.lower_ in ("of", "for") and sector_matches([doc[i - 1].text]))):
            break  # "offered its troops to Lebanon's new President X": not a title ("ambassador to London X" is)
        if t.pos_ == "DET" and t.lower_ not in ("the",):
            break
        left.insert(0, t.text)
        i -= 1
    if left:
        out.append(doc[i + 1:span.start].text)
    # a name in apposition to a title: "Quatar's emir, Sheikh Hamad ..."
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
        h = root.head
        out.append(doc[h.left_edge.i:h.i + 1].text)
    # "King Hassan of Morocco": a country after the name
    j = span.end
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].ent_type_ == "GPE":
        k = j + 1
        while k < len(doc) and doc[k].ent_type_ == "GPE" and (k == j + 1 or doc[k].ent_iob_ == "I"):
            k += 1
        out.append(doc[j + 1:k].text)
    # a title inside the name the NER found: "King Abdullah II", "President Hosni Mubarak"
    if len(span) > 1 and sector_matches([span[0].text]) and span[0].text[:1].isupper():
        out.append(span.text)
    # after: ", a former ambassador to Egypt" / ", 48," (ages are skipped)
    j = span.end
    if j < len(doc) and doc[j].text == ",":
        k = j + 1
        while k < len(doc) and (doc[k].like_num or doc[k].text == ","):
            k += 1
        if k < len(doc) and doc[k].lower_ in ("a", "an", "the") or k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN"):
            seg = []
            # (a colon or a line break ends it: "SEAN HANNITY , HOST : Today on Capitol Hill BP stood ...")
            while k < len(doc) and doc[k].text not in (",", ";", ".", ":", "—", "–") and "\n" not in doc[k].text \
                    and doc[k].pos_ not in ("VERB", "AUX"):
                seg.append(doc[k].text)
                k += 1
                if len(seg) > 10:
                    break
            if seg:
                out.append(" ".join(seg))
    # predicate: "X is/was/has been (serving as) <role>"
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        head = root.head
        for c in head.children:
            if c.dep_ in ("attr", "acomp", "oprd"):
                out.append(doc[c.left_edge.i:c.right_edge.i + 1].text)
            if c.dep_ == "prep" and c.lower_ == "as":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.append(doc[g.left_edge.i:g.right_edge.i + 1].text)
    return out


# ---------------------------------------------------------------------------------------------
# role fillers from other stages

def _window(ctx, lo: int, hi: int):
    """(index, entity) pairs whose start lies in [lo, hi), via a cached sorted index of starts."""
    import bisect
    ents = ctx.entities
    cache = ctx.extra.get("actors.index")
    if cache is None or cache[0] is not ents or cache[1] != len(ents):
        order = sorted(range(len(ents)), key=lambda k: ents[k].start)
        cache = (ents, len(ents), order, [ents[k].start for k in order])
        ctx.extra["actors.index"] = cache
    _, _, order, starts = cache
    a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return [(order[j], ents[order[j]]) for j in range(a, b)]


def actor_for_span(ctx, span):
    """Code any spaCy Span of the article (an event role filler), using its entities and coreference;
    an actor the phrase leaves without a country takes one from its context (see _context_country)."""
    if span is None:
        return None
    a = _actor_for_span(ctx, span)
    if a is None:
        a = _town_place(ctx, span)
    if a is not None and (a.country is None or _ethnic(span)):
        a = _context_country(ctx, span, a)
    elif a is not None and a.kind == "group" and a.sectors == ["CVL"]:
        # a people with its own place of residence: "The Albanians of southern Serbia" -> SRB
        a = _context_country(ctx, span, a, own_only=True)
    if a is not None and a.kind == "country" and a.sectors == ["GOV"] and span.root.dep_ in PLACE_DEPS \
            and span.root.ent_type_ in ("GPE", "LOC", "FAC"):
        # a capital as the object of a preposition or of an attack is the place, not its government
        # ("protested in Jakarta", "shelled Tokyo"); "Seoul said" stays KOR GOV
        r = country_of_name(re.sub(r"^the\s+", "", span.text, flags=re.I), allow_cities=True)
        if r and r[1] in ("capital", "city"):
            b = Actor(name=a.name, country=a.country, sectors=[], kind="country")
            b.id = actor_id(b)
            a = b
    if a is not None and a.kind == "country" and not a.sectors and span.root.ent_type_ == "GPE" \
            and _acting_subject(span.root) and _is_state(span.text):
        # a state or province acting is its government ("Mississippi , Alabama and Florida have also
        # declared a state of emergency" -> USA GOV); the country itself stays bare
        b = Actor(name=a.name, country=a.country, sectors=["GOV"], kind="country")
        b.id = actor_id(b)
        a = b
    if a is None or (not a.country and not a.sectors):
        a = _list_member(ctx, span, a)
    return igo_coded(a)


def _acting_subject(tok) -> bool:
    """The subject of a verb, also as a later conjunct ("Mississippi , Alabama and Florida have declared")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX")


def _is_state(text: str) -> bool:
    """A first-level division (US state, province), not a country or a city of that name."""
    s = _bare_name(text)
    if country_of_name(s, allow_cities=True) is not None:
        return False
    gaz = get_gazetteer()
    if s in gaz.state_abbr:
        return True
    return len(s) >= 4 and any(gaz.feat[i] == ADM1 and gaz.is_primary(s, i) for i in gaz.lookup(s))


def _list_member(ctx, span, a):
    """A member named after "They include / including / among them" ("Several North Korean diplomats have
    defected. They include Ko Yong-hwan and Hyon Song-il") that has no country or sector of its own takes the
    group's. Marker words: list_markers.tsv."""
    if ctx.extra.get("actors.in_list"):
        return a
    group = _list_group(span.root)
    if group is None:
        return a
    from ..events.roles import np_span
    ctx.extra["actors.in_list"] = True
    try:
        g = actor_for_span(ctx, np_span(group))
    finally:
        ctx.extra["actors.in_list"] = False
    if g is None or not (g.country or g.sectors) or g.kind == "country":
        return a
    kind = "person" if span.root.ent_type_ == "PERSON" else (a.kind if a is not None else g.kind)
    b = Actor(name=a.name if a is not None else span.text, country=g.country, sectors=list(g.sectors), kind=kind)
    b.id = actor_id(b)
    return b


GROUP_PRONOUNS = word_list("group_pronouns.txt")


def _list_group(tok):
    """The head of the group whose members ``tok`` (a conjunct of them) lists, else None."""
    markers = list_markers()
    m = tok
    while m.dep_ in ("conj", "appos") and m.head.i != m.i and m.head.pos_ in ("NOUN", "PROPN"):
        m = m.head
    h = m.head
    group = None
    if m.dep_ in ("dobj", "attr", "oprd") and markers.get(h.lemma_.lower()) == "verb" \
            and markers.get(h.lower_) != "prep":
        group = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "They include X"
    elif m.dep_ in ("pobj", "dobj") and markers.get(h.lower_) == "prep":
        group = h.head  # "ten activists, including X", "three soldiers, among them X"
        if group.pos_ in ("VERB", "AUX"):
            group = next((c for c in group.children if c.dep_ in ("dobj", "nsubjpass")), None)
    elif m.dep_ in ("nsubj", "attr") and h.pos_ in ("AUX", "VERB"):
        prep = next((c for c in h.children if c.dep_ == "prep" and markers.get(c.lower_) == "prep"), None)
        if prep is not None:  # "Among them were X and Y"
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if group is None:  # "three soldiers, among them Carlos Ruiz" read as a modifier of the member
        prep = next((c for c in m.children if c.dep_ == "prep" and c.i < m.i and markers.get(c.lower_) == "prep"),
                    None)
        if prep is not None:
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if group is None or group.i == tok.i or group.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if group.lower_ in GROUP_PRONOUNS:
        group = _plural_antecedent(group)
    return group


def _plural_antecedent(pron):
    """The plural noun a group pronoun stands for: the nearest plural subject before it in its sentence or the
    previous one ("Several diplomats ... have defected over three decades. They include ..."), else the nearest
    plural object ("freed three soldiers, among them ..."); never a date ("decades")."""
    doc = pron.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else pron.sent.start
    before = [t for t in reversed(doc[start:pron.i]) if t.tag_ in ("NNS", "NNPS") and t.lower_ not in GROUP_PRONOUNS
              and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT")]
    args = ("nsubj", "nsubjpass", "dobj", "pobj", "appos")
    same = next((t for t in before if t.dep_ in args and t.sent.start == pron.sent.start), None)
    if same is not None:
        return same  # "freed three soldiers, among them X": the nearest in its own sentence
    for deps in (("nsubj", "nsubjpass"), ("dobj", "pobj", "appos")):
        found = next((t for t in before if t.dep_ in deps), None)
        if found is not None:
            return found
    return None


PLACE_DEPS = {"pobj", "dobj", "nsubjpass"}


def town_entity(ctx, span):
    """The GPE entity naming the span's head that the places stage resolved to a city or town (one the
    country / capital tables do not know: "Jericho", "Kismayo"), else None."""
    head = span.root
    if head.ent_type_ != "GPE":
        return None
    for _, e in _window(ctx, head.idx - 200, head.idx + 1):
        if e.start <= head.idx < e.end and e.label == "GPE" and e.place is not None and e.place.country \
                and e.place.feature == "city" and e.place.country in _iso3_set():
            return e
    return None


def _town_place(ctx, span) -> Actor | None:
    """A town the places stage resolved, as a place actor (its country, no sector), like a capital that is
    only a place ("shelled targets in Jericho" -> PSE)."""
    if span.root.dep_ not in PLACE_DEPS:
        return None  # a town is acted on or is where; a subject with a town's name is a misread person
    e = town_entity(ctx, span)
    if e is None:
        return None
    a = Actor(name=e.place.name, country=e.place.country, sectors=[], kind="country")
    a.id = actor_id(a)
    return a


DESTINATION_TITLES = word_list("destination_titles.txt")
LOCATIVE = {"in", "of", "from", "throughout", "at", "across", "inside", "near", "around", "outside", "within"}
LOCATIVE_PLACE = word_list("locative_places.txt")
DIRECTIONAL = word_list("directional_words.txt")


def _directional(tok) -> bool:
    """Is ``tok`` the origin or destination of an act ("arriving from Mexico", "travel to Mexico", "visit
    Mexico")? Such a country, in the clause of a role noun, is the other party of the role, not its country."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "travel to Mexico and the US"
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in DIRECTIONAL:
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in DIRECTIONAL
ETHNIC_WORDS = {"ethnic"}


def _ethnic(span) -> bool:
    """ "ethnic Albanians": an ethnic group, coded (CAMEO) to the state it lives in, not to its kin state."""
    root = span.root
    for t in span:
        if t.lower_ not in ETHNIC_WORDS:
            continue
        h = t.head
        if h.dep_ in ("amod", "compound") and h.head.i != h.i:
            h = h.head  # ethnic -> Albanian -> guerrillas
        if h.i == root.i or (h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i == root.i):
            return True  # "ethnic Albanians", "one third of ethnic Albanian guerrillas"
    return False


def _place_country(ctx, tok):
    """The country of a place or national entity at ``tok`` (an entity of the article, else the phrase);
    none for "anti-Syria", "pro-Iranian"."""
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ in ("anti", "pro", "non", "post", "pre"):
        return None
    for _, e in _window(ctx, tok.idx - 200, tok.idx + 1):
        if e.start <= tok.idx < e.end and e.label in ("GPE", "LOC", "FAC", "NORP"):
            if e.actor is not None and e.actor.country and e.actor.country in _iso3_set():
                return e.actor.country
            if e.place is not None and e.place.country:  # the places stage's reading, with the article's
                return e.place.country                   # context ("Tripoli" in a Lebanese story, "Samarra")
            r = country_of_name(e.text, allow_cities=True)  # countries, capitals, cities >= 300,000
            if r:
                return r[0]
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or (tok.pos_ == "PROPN" and tok.text[:1].isupper()):
        lo = tok
        while lo.i > tok.sent.start and lo.nbor(-1).ent_type_ == tok.ent_type_ and lo.nbor(-1).ent_iob_ == "I" \
                or lo.ent_iob_ == "I" and lo.i > tok.sent.start:
            lo = lo.nbor(-1)
        text = tok.doc[lo.i:tok.i + 1].text
        r = country_of_name(text, allow_cities=True) or (
            (division_country(text), "city") if division_country(text) else None)
        if r:
            return r[0]
    return None


def _locative_pobj(tok) -> bool:
    """Is ``tok`` the place of a locative oblique: "in Tel Aviv", "near the town of Samarra", "outside
    of the Iraqi city of Basra"?"""
    if tok.dep_ != "pobj":
        return False
    p = tok.head
    if p.lower_ == "of" and p.head.dep_ == "pobj":  # "the town of Samarra"
        p = p.head.head
    if p.lower_ == "of" and p.head.lower_ in LOCATIVE_PLACE:  # "outside of"
        p = p.head
    return p.lower_ in LOCATIVE_PLACE


def _context_country(ctx, span, a: Actor, own_only: bool = False) -> Actor:
    """A role noun without a country ("police", "Rebels in the Ivory Coast", "refugees fleeing the civil war
    in Liberia", "President Dos Santos"), or an ethnic group ("ethnic Albanians in Macedonia"): the country of
    a place in the phrase's own locative modifiers (in / of / from / throughout / based in ...), else the only
    country named in the same sentence (other than the group's kin state), else, for persons and groups, the
    article's dominant country. Transnational groups (al-Qaeda) and IGOs are left alone."""
    if a.kind == "igo" or (a.country and len(a.country) == 3 and a.country not in _iso3_set()):
        return a
    words = _words(span.text)
    g = group_in(words)
    if g and g[2][0] is None:
        return a
    if a.kind in ("organization", "person") and not a.sectors:
        return a
    kin = a.country if (_ethnic(span) or own_only) else None
    head = span.root
    found = None
    # 0. a national modifier inside the phrase ("The US Congress" with "Congress" an ORG of its own)
    for c in head.children:
        if span.start <= c.i < head.i and c.dep_ in ("compound", "amod", "poss", "nmod"):
            if c.ent_type_ and c.ent_type_ == head.ent_type_ and all(
                    ctx.doc[k].ent_iob_ == "I" for k in range(c.i + 1, head.i + 1)):
                continue  # a piece of the head's own name ("Moody" in "Moody Awori"), not a place
            cc = _place_country(ctx, c)
            if cc and cc != kin:
                found = cc
                break
    # 1. the phrase's own locative modifiers ("Rebels in the Ivory Coast"), a few steps down the head
    frontier = [head]
    seen = 0
    while frontier and found is None and seen < 40 and not (a.kind == "person" and kin is None):
        nxt = []
        for t in frontier:
            for c in t.children:
                seen += 1
                if c.i < span.start and c.dep_ != "prep":
                    continue
                if c.i > span.end + 12:
                    continue  # the phrase's own modifiers, not a distant clause
                if c.dep_ == "prep" and c.lower_ in LOCATIVE or c.dep_ in ("acl", "relcl", "pobj", "compound", "amod",
                                                                             "dobj", "advmod", "poss", "npadvmod"):
                    if c.dep_ == "pobj" or c.dep_ in ("compound", "amod", "poss") and t.dep_ == "pobj":
                        cc = _place_country(ctx, c)
                        if cc and cc != kin:
                            found = cc
                            break
                    if c.dep_ == "relcl" and t.i == head.i:
                        continue
                    nxt.append(c)
            if found:
                break
        frontier = nxt
    # 1b. a national institution named without its country ("Members of Congress", "the Coast Guard":
    # national_bodies.tsv), unless the article names another country more often than that one
    if found is None and kin is None and not own_only:
        found = _national_body(span.text, ctx.extra.get("actors"))
    # 2. the only country named in the sentence (besides the kin state and the origins / destinations)
    directional: set = set()
    verb = head  # the verb of the role's clause: only its own origins and destinations count
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if found is None and not own_only:
        sent = head.sent
        countries, places = [], []
        ents = _window(ctx, sent.start_char, sent.end_char)
        for _, e in ents:
            if e.end > sent.end_char or e.start <= head.idx < e.end or \
                    _ANTI_PRO.search(ctx.text[max(0, e.start - 5):e.start].lower()):
                continue
            if any(o is not e and o.label in ("PERSON", "ORG") and o.start <= e.start and e.end <= o.end
                   for _, o in ents):
                continue  # a piece of a name ("Moody" in "Moody Awori"), not a place
            c = e.actor.country if e.actor is not None else None
            name = ctx.entities[e.coref].text if e.coref is not None else e.text  # "the company" -> "BP"
            if c is not None and e.label not in ("GPE", "LOC", "FAC", "NORP") and _home_country_only(name, e.actor):
                c = None  # "BP" names no country: "the government" in "BP and the government" is not British
            if c is not None and e.label == "PERSON" and not set(e.actor.sectors) & STATE_SECTORS \
                    and not set(e.actor.sectors[:1]) & set(a.sectors[:1]):
                c = None  # a company's officer names no country but his company's: "Two Democratic senators
                # wrote to Mr Hayward" are not British ("BP spokesman Andrew Gowers said the company" is)
            if c is None and e.label in ("GPE", "LOC", "FAC") and e.place is not None:
                c = e.place.country  # the places stage's reading, with the article's context
            if c is None and e.label in ("GPE", "LOC", "NORP"):
                r = country_of_name(e.text, allow_cities=True)
                c = r[0] if r else None
            etok = ctx.doc.char_span(e.start, e.end, alignment_mode="expand")
            if c and etok is not None and e.label in ("GPE", "LOC", "FAC") and _directional(etok.root) \
                    and verb.is_ancestor(etok.root):
                directional.add(c)  # "banned any person arriving from Mexico": the other party
                continue
            if c and c in _iso3_set() and c != kin and c not in countries:
                countries.append(c)
            if c and c in _iso3_set() and c != kin and etok is not None and _locative_pobj(etok.root) \
                    and e.label in ("GPE", "LOC", "FAC") and c not in places:
                places.append(c)
        if len(places) == 1 and not ({"GOV", "DIP"} & set(a.sectors)):
            # "bombers killed 23 people ... in Tel Aviv": the victims are where it happened (not for
            # officials: "the president met his Kenyan counterpart in Addis Ababa")
            found = places[0]
        elif len(countries) == 1 or (kin is not None and countries):
            found = countries[0]
    # 2b. an earlier mention of the same role noun with a country, a few sentences back ("North Korean
    # diplomats ... Several diplomats working overseas have defected")
    if found is None and kin is None and not own_only and a.kind != "person":
        found = _earlier_mention_country(ctx, span)
    # 3. the article's dominant country (a story set in Kenya: "police")
    if found is None and kin is None and not own_only:
        info = ctx.extra.get("actors")
        if info is not None and info.countries:
            top = info.countries.most_common(2)
            if top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) and top[0][0] not in directional:
                found = top[0][0]
    if found is None or found == a.country:
        return a
    b = Actor(name=a.name, country=found, sectors=list(a.sectors), kind=a.kind)
    b.code = make_code(found, b.sectors) if a.kind != "igo" else a.code
    b.id = actor_id(b)
    return b


def _national_body(text: str, info: ArticleInfo | None) -> str | None:
    """The country of a national institution the phrase names without its country (national_bodies.tsv:
    "Members of Congress", "NASA climate modeler"); a name other countries share too ("Congress") only when
    the article names no other country more often."""
    hit = national_body_country(text)
    if hit is None or info is None:
        return None
    home, only = hit
    if only or all(n <= info.countries.get(home, 0) for c, n in info.countries.items() if c != home):
        return home
    return None


EARLIER_SENTENCES = 4


def _earlier_mention_country(ctx, span):
    """The country of the nearest earlier noun-phrase actor with the same head noun (within
    EARLIER_SENTENCES sentences before the span's): "North Korean diplomats ... Several diplomats"."""
    head = span.root
    if head.pos_ != "NOUN":
        return None
    doc = ctx.doc
    sent = head.sent
    lo = sent.start
    for _ in range(EARLIER_SENTENCES):
        if lo == 0:
            break
        lo = doc[lo - 1].sent.start
    want = singular(head.lower_)
    best = None
    for _, e in _window(ctx, doc[lo].idx, span.start_char):
        if e.label != "NOUN" or e.end > span.start_char or e.actor is None or not e.actor.country \
                or e.actor.country not in _iso3_set():
            continue
        words = e.text.split()
        if words and singular(words[-1].lower()) == want:
            best = e.actor.country  # the nearest wins (entities are in text order)
    return best


@lru_cache(maxsize=1)
def _iso3_set() -> set:
    """Every ISO3 code of the gazetteer's countries."""
    gaz = get_gazetteer()
    return {gaz.iso3(cc) for cc in gaz.iso3to2.values()} | set(gaz.iso3to2)


def _igo_code(country: str, sectors: list[str]) -> str:
    """The IGO composite code: "IGO" + the IGO's code + the first sector (IGOUNOGOV)."""
    return "IGO" + country + (sectors[0] if sectors else "")


@lru_cache(maxsize=1)
def _igo_codes() -> frozenset:
    return frozenset(v[0] for v in tables().igos.values())


def igo_coded(a: Actor | None) -> Actor | None:
    """An actor of an IGO that is not the IGO itself (its secretary-general, its officials: "Ban Ki-moon"
    UNO GOV) carries the IGO composite code, as the IGO does: IGOUNOGOV, not UNOGOV."""
    if a is not None and a.kind != "igo" and a.country and a.country in _igo_codes() \
            and a.country not in _iso3_set() and not (a.code or "").startswith("IGO"):
        a.code = _igo_code(a.country, a.sectors)
    return a


def _actor_for_span(ctx, span):
    ents = ctx.entities
    info = ctx.extra.get("actors") or ArticleInfo()
    head = span.root
    # a title whose person follows: "deputy ambassador to London Thae Yong-ho", "ambassador Mun Jong-nam"
    if sector_matches([head.text]):
        doc = ctx.doc
        j, steps = span.end, 0
        while j < len(doc) and steps < 5 and doc[j].sent == head.sent:
            t = doc[j]
            person = next((e for _, e in _window(ctx, t.idx, t.idx + 1)
                           if e.label == "PERSON" and e.actor is not None), None)
            if person is not None:
                return person.actor
            if t.is_punct or t.pos_ in ("VERB", "AUX") or not (t.pos_ in ("ADP", "DET", "PROPN") or t.ent_type_):
                break
            j += 1
            steps += 1
    # an entity that is the span, or that holds the span's head (the head wins over modifiers)
    best = None
    lo = min(span.start_char, head.idx) - 400
    for _, e in _window(ctx, lo, span.end_char + 1):
        if e.start == span.start_char and e.end == span.end_char and e.actor is not None:
            return e.actor
        if e.start <= head.idx < e.end and e.actor is not None:
            if best is None or (e.end - e.start) > (best.end - best.start):
                best = e
    if best is not None and best.label in ("PERSON", "ORG") or best is not None and best.start <= span.start_char \
            and span.end_char <= best.end:
        return best.actor
    # pronouns: "he"/"she" -> the only person of this or the previous sentence
    if len(span) == 1 and head.lower_ in PRONOUNS:
        sent = head.sent
        prev_start = doc_prev_sent_start(ctx.doc, sent)
        cands = {(e.coref if e.coref is not None else i) for i, e in _window(ctx, prev_start, head.idx)
                 if e.label == "PERSON" and e.actor is not None}
        if len(cands) == 1:
            return ents[cands.pop()].actor
        return None
    # "the daily" and the like
    for _, e in _window(ctx, span.start_char, span.start_char + 1):
        if e.end == span.end_char and e.coref is not None:
            return ents[e.coref].actor
    text = span.text
    a = code_phrase(text, info, ctx.dct)
    if a is not None:
        # a possessive owner or an entity modifier inside the phrase gives the country
        if a.country is None:
            for _, e in _window(ctx, span.start_char, span.end_char):
                if e.end <= span.end_char and e.actor is not None and e.actor.country \
                        and not _ANTI_PRO.search(ctx.text[max(0, e.start - 5):e.start].lower()):
                    a.country = e.actor.country
                    a.code = make_code(a.country, a.sectors)
                    a.id = actor_id(a)
                    break
    return a


def doc_prev_sent_start(doc, sent) -> int:
    if sent.start == 0:
        return sent.start_char
    prev = doc[sent.start - 1].sent
    return prev.start_char
