"""Places stage: toponyms of the article resolved in the gazetteer (PlaceResolver), the dateline, and
event locations from the event's own clause (EventLocator)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Entity, Place
from .gazetteer import (ADM1, ADM2, CAPITAL, CITY, CONTINENT, COUNTRY, REGION, RES, get_gazetteer, norm,
                        read_tsv, word_list)
from .resolve import candidates, resolve_place, resolve_spans, to_place

PLACE_LABELS = ("GPE", "LOC", "FAC")
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
                      r"([A-Z][A-Za-z. ]{1,25}?))?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "pcomp", "parataxis", "csubj"}


DATELINE_CITY_POP = 100_000  # a town known by the dateline's name only as an alternate one: a big city


def find_dateline(text: str) -> Place | None:
    """ "SEOUL (Reuters) - ..." / "WASHINGTON — ..." / "Lagos, Nigeria - ..." -> the place."""
    m = DATELINE.match(text)
    if not m:
        return None
    name = m.group(1).strip()
    if not (name.isupper() or m.group(2)):
        return None
    gaz = get_gazetteer()
    full = name.title() if name.isupper() else name
    if m.group(2):
        s = f"{full}, {m.group(2).strip()}"
        return to_place(gaz, resolve_spans(s, [(0, len(full))], gaz)[0])
    # a dateline names a city: the capital or the most populous town of that name
    towns = [i for i in candidates(gaz, full) if gaz.feat[i] in (CITY, CAPITAL) and gaz.is_primary(full, i)]
    if not towns:  # "NEW YORK --": New York City, known by that name only as an alternate one; not the state
        towns = [i for i in candidates(gaz, full) if gaz.feat[i] in (CITY, CAPITAL) and gaz.pop[i] >= DATELINE_CITY_POP]
    if towns:
        return to_place(gaz, max(towns, key=lambda i: (gaz.feat[i] == CAPITAL, gaz.pop[i])))
    return resolve_place(full)


ORG_WORDS = re.compile(r"^(" + "|".join(map(re.escape, sorted(word_list("org_words.tsv")))) + r")\b")
TOWN_NOUNS = word_list("town_nouns.tsv")
LOC_PREP = word_list("toponym_preps.tsv")
NAMED_AFTER = word_list("named_after_words.tsv")
AREA_PREPS = {"in", "at", "near", "outside", "inside", "around"}


def person_surnames(ctx) -> set[str]:
    """Last words of the article's multi-word person names ("Tony Hayward", "Michael Jackson")."""
    out = set()
    for e in ctx.entities:
        if e.label == "PERSON":
            words = re.sub(r"['’]s$", "", e.text.strip()).split()
            if len(words) > 1 and words[-1][:1].isupper():
                out.add(words[-1])
    return out


def _person_not_place(ctx, e, gaz, surnames: set[str]) -> bool:
    """A one-word toponym that is the surname of a person the article names, is that person: "Jackson's June
    2009 death" (Michael Jackson), "drew attention away from Hayward" (Tony Hayward), unless it is a country
    or first-level division, or follows "in/at/near" without a possessive ("talks in Jackson")."""
    name = re.sub(r"['’]s$", "", e.text.strip())
    if " " in name or name not in surnames or name in gaz.abbr:
        return False
    if any(gaz.feat[i] in (COUNTRY, ADM1, CONTINENT, REGION) and gaz.is_primary(name, i) for i in candidates(gaz, name)):
        return False
    possessive = name != e.text.strip() or ctx.text[e.end:e.end + 2] in ("'s", "’s")
    before = ctx.text[max(0, e.start - 12):e.start].split()
    return possessive or not (before and before[-1].lower() in AREA_PREPS)


def _is_known_place(gaz, name: str, strict: bool) -> bool:
    if name in gaz.abbr or norm(name) in gaz.demonyms:
        return True
    for i in candidates(gaz, name):
        if not gaz.is_primary(name, i) and name not in gaz.abbr:
            continue
        f = gaz.feat[i]
        if f in (COUNTRY, ADM1) or (f == ADM2 and not strict):
            return True
        if f in (CITY, CAPITAL) and gaz.pop[i] >= (5000 if strict else 1000):
            return True
    return False


def add_missed_toponyms(ctx, gaz) -> None:
    """Toponyms the NER missed or folded into another entity: the place that starts an organization name
    ("Alexandria Police Department" -> Alexandria), a one-word "person" that is a town after a locative
    preposition ("in Alexandria"), and a capitalized place name after "in/at/near/from" outside any entity."""
    doc = ctx.doc
    person_parts = {w for e in ctx.entities if e.label == "PERSON" and len(e.text.split()) > 1 for w in e.text.split()}
    added = []
    covered = set()
    for e in ctx.entities:
        if e.label in ("PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"):
            covered.update(range(e.start, e.end))
    for e in list(ctx.entities):
        if e.label in ("ORG", "FAC"):
            words = e.text.split()
            lead = 1 if words and words[0].lower() == "the" else 0
            found = False
            for n in (3, 2, 1):
                if len(words) > lead + n and words[lead + n] in NAMED_AFTER:
                    break  # "the Roosevelt Room", "the Justice Department": no place
                if len(words) > lead + n:
                    head = " ".join(words[lead:lead + n])
                    strict = not ORG_WORDS.match(" ".join(words[lead + n:]))
                    if _is_known_place(gaz, head, strict=strict):
                        start = e.start + e.text.index(head)
                        added.append(Entity(start, start + len(head), head, "GPE"))
                        found = True
                        break
            # "University of Minnesota", "Bank of America"
            if not found and " of " in e.text:
                tail = e.text.rsplit(" of ", 1)[1]
                if 0 < len(tail.split()) <= 3 and _is_known_place(gaz, tail, strict=True):
                    start = e.end - len(tail)
                    added.append(Entity(start, e.end, tail, "GPE"))
        elif e.label == "PERSON" and " " not in e.text and e.text not in person_parts and e.coref is None:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            prev = doc[span.start - 1] if span.start > 0 else None
            nxt = doc[span.end] if span.end < len(doc) else None
            cue = (prev is not None and (prev.lower_ in LOC_PREP or prev.text == ",")) or (
                nxt is not None and (nxt.text == "," or nxt.lower_ in TOWN_NOUNS))
            if cue and _is_known_place(gaz, e.text, strict=True):
                e.label = "GPE"
                e.actor = None
    # the dateline ("MANSFIELD -- ...") is a toponym too
    m = DATELINE.match(ctx.text)
    if m and m.group(1).strip().isupper():
        name = m.group(1).strip()
        start = ctx.text.index(name, m.start(1))
        if _is_known_place(gaz, name.title(), strict=False):
            same = [x for x in ctx.entities if x.start == start and x.end == start + len(name)]
            if same:  # NER calls datelines organizations now and then ("SEOUL (Reuters) -")
                for x in same:
                    x.label, x.actor = "GPE", None
            elif not any(x.start <= start < x.end for x in ctx.entities):
                added.append(Entity(start, start + len(name), name, "GPE"))
    # only proper nouns (found on the token array, no Token object made for the other words) can start one
    import numpy as np
    from spacy.attrs import POS
    from spacy.parts_of_speech import PROPN
    for i in np.flatnonzero(doc.to_array(POS) == PROPN).tolist():
        tok = doc[i]
        if tok.idx in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i == 0:
            continue
        if doc[tok.i - 1].lower_ not in LOC_PREP or tok.ent_type_:
            continue
        # the capitalized run starting here
        j = tok.i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() and j - tok.i < 3:
            j += 1
        name = doc[tok.i:j + 1].text
        if any(i in covered for i in range(tok.idx, doc[j].idx + len(doc[j].text))):
            continue
        if _is_known_place(gaz, name, strict=True):
            added.append(Entity(tok.idx, tok.idx + len(name), name, "GPE"))
            covered.update(range(tok.idx, tok.idx + len(name)))
    if added:
        # keep coreference links (indices into the entity list) valid across the re-sort
        targets = {id(e): ctx.entities[e.coref] for e in ctx.entities if e.coref is not None}
        ctx.entities.extend(added)
        ctx.entities.sort(key=lambda x: (x.start, -x.end))
        pos = {id(e): k for k, e in enumerate(ctx.entities)}
        for e in ctx.entities:
            if id(e) in targets:
                e.coref = pos[id(targets[id(e)])]


LANDMARKS = {r[0].strip(): (r[1].strip(), r[2].strip()) for r in read_tsv(RES / "landmarks.tsv") if len(r) > 2}


def _landmark_town(gaz, name: str):
    """ "the White House" -> the gazetteer entry of Washington (landmarks.tsv): the most populous town of
    that name in that country; None for a name not in the table."""
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    key = re.sub(r"['’]s$", "", key)
    if key not in LANDMARKS:
        return None
    cc, town = LANDMARKS[key]
    towns = [i for i in gaz.lookup(town) if gaz.cc[i] == cc and gaz.names[i] == town and gaz.feat[i] in (CITY, CAPITAL)]
    return max(towns, key=lambda i: gaz.pop[i]) if towns else None


class PlaceResolver:
    name = "places"

    def __call__(self, ctx) -> None:
        gaz = get_gazetteer()
        if ctx.doc is not None:
            add_missed_toponyms(ctx, gaz)
        targets = []
        surnames = person_surnames(ctx)
        for k, e in enumerate(ctx.entities):
            if e.label in PLACE_LABELS:
                if surnames and _person_not_place(ctx, e, gaz, surnames):
                    continue
                targets.append(k)
            elif e.label == "NORP":
                # demonyms of countries are places too ("British", "North Korean")
                key = e.text.strip()
                if key in gaz.abbr or any(gaz.feat[i] in (COUNTRY, ADM1, CONTINENT, REGION)
                                          for i in candidates(gaz, key)):
                    targets.append(k)
        spans = [(ctx.entities[k].start, ctx.entities[k].end) for k in targets]
        flags: list = []
        persons = [(e.start, e.end) for e in ctx.entities if e.label == "PERSON"]
        res = resolve_spans(ctx.text, spans, gaz, approx=flags, persons=persons) if spans else []
        info = ctx.extra.get("actors")
        for k, i, near in zip(targets, res, flags or [False] * len(res)):
            e = ctx.entities[k]
            town = _landmark_town(gaz, e.text) if e.label in PLACE_LABELS else None
            if town is not None:  # "At the White House:" -> Washington, not a town called White House
                e.place = to_place(gaz, town)
                continue
            if i is None:
                # context forms: "fled to the South" in a Korean story
                if e.actor is not None and e.actor.country and e.actor.kind == "country":
                    i = gaz.country_entry.get(gaz.iso3to2.get(e.actor.country, ""), None)
                elif info is not None and e.label == "LOC":
                    from ..actors import code_phrase
                    a = code_phrase("the " + e.text, info)
                    if a is not None and a.country and a.kind == "country":
                        i = gaz.country_entry.get(gaz.iso3to2.get(a.country, ""), None)
                if i is None:
                    continue
            if e.label == "NORP" and gaz.feat[i] not in (COUNTRY, ADM1, CONTINENT, REGION):
                continue  # "Texan", "Sinhalese", "European" are places; a town sharing a NORP's name is not
            e.place = to_place(gaz, i, e.text.strip() if near else None)
        ctx.dateline = find_dateline(ctx.text)


# Event types whose direct object, when a place, is where the event happened ("shelled Aleppo"), and verbs
# that do the same whatever the type ("visited Kenya").
MATERIAL_TYPES = word_list("place_object_types.tsv")
PLACE_OBJECT_VERBS = word_list("place_object_verbs.tsv")
# locative prepositions: "area" ones also take a place modifying their object ("at a Kabul hotel"),
# "path" ones only a place that is their object ("through Hong Kong", not "over the Gulf oil disaster")
PREP_KIND = {r[0].strip(): (r[1].strip() if len(r) > 1 else "path") for r in read_tsv(RES / "locative_preps.tsv")}
LOCATIVE_PREPS = frozenset(PREP_KIND)
# a locative phrase inside one of these describes the participant ("officials in Washington said", "a
# senior director in London"), not the event: the place of an actor's name or affiliation
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "csubj", "attr", "appos", "agent", "poss"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
NON_PLACE_NOUNS = word_list("non_place_nouns.tsv")
TOPIC_PREPS = word_list("topic_preps.tsv")
PART_NOUNS = word_list("place_part_nouns.tsv")
DESTINATION_VERBS = word_list("destination_verbs.tsv")
DESTINATION_TYPES = word_list("destination_types.tsv")
OF_OBJECT_TYPES = word_list("of_object_types.tsv")
# how many sentences of the lead the dateline locates (events with no place of their own there)
DATELINE_SENTENCES = 1


def _etype(ev) -> str | None:
    return (ev.plover_type or ev.type) if ev is not None else None


def _place_object(root, head, ev) -> bool:
    """ "troops shelled Aleppo", "Obama visited Kenya", "his visit to Kenya": the place the event is done to."""
    if root.dep_ == "dobj" and root.head.i == head.i:
        return _etype(ev) in MATERIAL_TYPES or head.lemma_.lower() in PLACE_OBJECT_VERBS
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.i == head.i:
        return head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_OBJECT_VERBS
    return False


def _destination(root, head, ev) -> bool:
    """ "flew to Kabul", "sent troops to Haiti", "deploying a mission to Libya", "his trip to Moscow": the
    place a movement goes to, for the verbs of destination_verbs.tsv and the types of destination_types.tsv
    (also on the trigger's direct object for those types)."""
    if root.dep_ != "pobj" or root.head.lower_ != "to" or root.head.dep_ not in ("prep", "dative"):
        return False
    by_verb = head.lemma_.lower() in DESTINATION_VERBS
    by_type = _etype(ev) in DESTINATION_TYPES
    at = root.head.head
    if at.i == head.i:
        return by_verb or by_type
    return by_type and at.dep_ == "dobj" and at.head.i == head.i and head.pos_ == "VERB"


def _of_object(root, head, ev) -> bool:
    """ "the invasion of Iraq", "the bombing of Baghdad": the place a noun trigger of an attack or coercion
    is done to (of_object_types.tsv)."""
    return (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == head.i and
            head.pos_ == "NOUN" and _etype(ev) in OF_OBJECT_TYPES)


def _prep_ok(prep, material: bool) -> bool:
    kind = PREP_KIND.get(prep.lower_)
    return kind is not None and (kind != "material" or material)


def _locative_prep(root, material: bool = False):
    """The locative preposition a toponym (its span root) is the object of, directly ("in Kabul") or as a
    modifier of the object of an "area" preposition ("at a Kabul hotel", "in Kabul's streets"); else None.
    ``material``: the event is of a type whose place object is where it happened ("strikes on Iraq")."""
    tok, steps = root, 0
    # an apposition names the object itself: "in Ethiopia's capital Addis Ababa", "in the capital, Mexico City"
    if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
        tok = tok.head
    # "off the coast of Louisiana", "on the outskirts of Tripoli": the part of the place is the object
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (tok.head.head.lower_ in PART_NOUNS or tok.head.head.lemma_.lower() in PART_NOUNS) and \
            tok.head.head.dep_ == "pobj":
        tok = tok.head.head
    while tok.dep_ in MODIFIER_DEPS and steps < 2 and tok.head is not tok:
        tok, steps = tok.head, steps + 1
    if tok.dep_ != "pobj" or not _prep_ok(tok.head, material):
        return None
    if steps and (PREP_KIND[tok.head.lower_] != "area" or tok.lemma_.lower() in NON_PLACE_NOUNS):
        return None
    return tok.head


def _attached_to(tok, anchors: set[int], subject_ok: bool = False, material: bool = False) -> bool:
    """Does ``tok`` hang on one of the anchor tokens without passing a participant phrase or another clause?
    With ``subject_ok``, a locative phrase of the subject counts ("a judge in Los Angeles ordered", "an
    explosion aboard the rig in the Gulf killed"), as long as only locative phrases lead up to the subject."""
    only_locative = True
    while tok.i not in anchors:
        if tok.dep_ in ("nsubj", "nsubjpass") and subject_ok and only_locative and tok.head.i in anchors:
            return True
        if tok.dep_ in PARTICIPANT_DEPS or tok.dep_ in CLAUSE_DEPS or tok.head is tok:
            return False
        if tok.dep_ == "prep" and (tok.lower_ in TOPIC_PREPS or (PREP_KIND.get(tok.lower_) == "material"
                                                                and not material)):
            return False  # "criticised Hayward over the spill in the Gulf", "sought help from peers in the Gulf"
        if tok.dep_ == "prep" and tok.lower_ not in LOCATIVE_PREPS or tok.dep_ not in ("prep", "pobj"):
            only_locative = False
        tok = tok.head
    return True


PERSON_LABELS = {"PERSON", "ORG", "NORP"}
OBJECT_TOPIC_TYPES = word_list("object_topic_types.tsv")
VENUE_NOUNS = word_list("venue_nouns.tsv")


def _object_path_ok(tok, anchors: set[int], ev) -> bool:
    """For the event types of ``object_topic_types.tsv``, a locative phrase inside the direct object says
    where the event happened only when the object, or a noun between it and the place, is a participant,
    who is where the event happens ("asked a federal judge in Houston", "discussed the topic with
    officials at Indonesia's central bank"); not when it describes a thing the event is about ("ordered 33
    wells in the Gulf to suspend work", "a bill to fund wars in Iraq"). Visits and the other types keep it
    ("opened gates in the Mississippi River", "raided homes in Lagos")."""
    if _etype(ev) not in OBJECT_TOPIC_TYPES:
        return True
    t = ev.target
    path = []
    while tok.i not in anchors and tok.head is not tok:
        path.append(tok)
        if tok.dep_ == "dobj" and tok.head.i in anchors:
            if tok.head.lemma_.lower() in PLACE_OBJECT_VERBS:
                return True
            return any(_participant_noun(w, t) or (w.dep_ == "pobj" and PREP_KIND.get(w.head.lower_) == "area"
                                                   and w.lemma_.lower() in VENUE_NOUNS)
                       for w in path if w.dep_ in ("dobj", "pobj"))
        tok = tok.head
    return True


def _participant_noun(w, target) -> bool:
    """A person or group: a named one, a pronoun, the event's coded target, or a noun coded as a sector
    ("a federal judge", "officials", "envoys"; not "wells", "wars", "the response")."""
    if w.ent_type_ in PERSON_LABELS or w.pos_ == "PRON":
        return True
    if target is not None and target.actor is not None and target.actor.kind != "country" and \
            target.start <= w.idx < target.end:
        return True
    if w.pos_ != "NOUN":
        return False
    from ..actors import code_phrase
    a = code_phrase(w.lower_)
    return a is not None and bool(a.sectors) and a.kind != "country"


def _clause_head(tok):
    """The head of the clause a token belongs to."""
    while tok.dep_ not in CLAUSE_DEPS and tok.head is not tok:
        tok = tok.head
    return tok


def _trigger_chain(head) -> set[int]:
    """The trigger and the words above it up to its clause head ("held a rally": rally, held)."""
    out = {head.i}
    tok = head
    while tok.dep_ not in CLAUSE_DEPS and tok.head is not tok:
        tok = tok.head
        out.add(tok.i)
    return out


def _relative_place_head(clause):
    """ "the hall where ...", "a hearing at which ...": the noun a locative relative clause describes."""
    if clause.dep_ != "relcl":
        return None
    for c in clause.children:
        if c.lower_ == "where" or (c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and
                                   any(g.lower_ == "which" for g in c.children)):
            return clause.head
    return None


SPECIFICITY = {"city": 4, "town": 4, "near": 3, "adm2": 3, "adm1": 2, "region": 1, "country": 1, "continent": 0}


def _specificity(p: Place) -> int:
    return SPECIFICITY.get(p.feature or "", 0)


class EventLocator:
    """Where each event happened, from its own clause: a place in a locative phrase of the trigger or its
    clause ("protested in Jakarta", "In Nairobi, police ...", "the attack in Kabul"), a place the event is
    done to ("shelled Aleppo", "visited Kenya"), a place modifying a noun trigger ("the Kabul bombing"), or
    the place a locative relative clause hangs on ("Kabul, where ..."); never a place inside the subject
    or another participant ("officials in Washington said", "the ambassador to Rome"). Events of the lead
    sentence with none of these take the dateline."""
    name = "places.event_locator"

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if doc is None:
            return
        places = [e for e in ctx.entities if e.place is not None and e.label in PLACE_LABELS]
        m = DATELINE.match(ctx.text) if ctx.dateline is not None else None
        dl_end = m.end() if m else 0
        if dl_end:
            places = [e for e in places if e.start >= dl_end]  # the dateline's own words: see below
        lead_end = 0
        if ctx.dateline is not None:
            sents = [s for s in doc.sents if s.end_char > dl_end][:DATELINE_SENTENCES]
            lead_end = sents[-1].end_char if sents else 0
        for ev in ctx.events:
            loc = self._locate(doc, ev, places)
            if loc is None and ev.sentence.start < lead_end:
                loc = ctx.dateline
            ev.location = loc

    def _locate(self, doc, ev, places):
        if ev.head_token is not None and 0 <= ev.head_token < len(doc):
            head = doc[ev.head_token]
        else:
            span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            head = span.root if span is not None else None
        if head is None:
            return None
        own = self._from_clause(doc, ev, places, head)
        if own is not None:
            return own
        # a second verb shares the place of the first: "met Preval in Port-au-Prince and pledged to help",
        # "arrived in Kabul, promising aid", "There, he planned to meet ..." (the place of "planned")
        donor = _place_donor(_clause_head(head))
        if donor is not None:
            return self._from_clause(doc, ev, places, donor, before=head.idx)
        return None

    def _from_clause(self, doc, ev, places, head, before: int | None = None):
        """The place of the event from the clause of ``head``; with ``before`` (the clause of the verb a
        second verb shares its place with), only places said before that second verb."""
        clause = _clause_head(head)
        chain = _trigger_chain(head)
        noun = _relative_place_head(clause)
        material = _etype(ev) in MATERIAL_TYPES
        best, best_rank = None, None
        for e in places:
            if not (ev.sentence.start <= e.start < ev.sentence.end):
                continue
            if before is not None and e.start >= before:
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if noun is not None and (span.start <= noun.i < span.end):
                return e.place  # "the attack in Kabul, where gunmen killed 12 soldiers"
            ok = dest = False
            if root.head.i == head.i and root.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
                ok = before is None  # "the Kabul attack": a place modifying a noun trigger
            elif _place_object(root, head, ev):
                ok = True  # "troops shelled Aleppo", "visited Kenya"
            elif _destination(root, head, ev):
                ok = dest = True  # "flew to Kabul", "sent troops to Haiti"
            elif _of_object(root, head, ev):
                ok = before is None  # "the invasion of Iraq"
            else:
                prep = _locative_prep(root, material)
                if prep is not None:
                    if before is not None:
                        # the first verb's own setting only: not its subject's or its object's place ("advised
                        # its nationals in Mexico ... and has suspended visa waivers")
                        ok = prep.head.i in chain
                    elif _attached_to(prep.head, chain, subject_ok=not ev.reporting, material=material):
                        # "protested in Jakarta", "In Nairobi, police ...", "raided homes in Lagos"
                        ok = _object_path_ok(prep.head, chain, ev)
                    elif noun is not None and _attached_to(prep.head, {noun.i}):
                        ok = True  # "a warehouse in London where he met ...", "a hearing in Houston at which"
            # the finer place; of two as fine, the destination ("At the White House: Obama flies to Buffalo")
            rank = (_specificity(e.place), dest)
            if ok and (best is None or rank > best_rank):
                best, best_rank = e.place, rank
        if best is None:
            best = _anaphoric_place(doc, chain, places, ev)
        return best


SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def _place_donor(clause):
    """The verb whose place a second verb shares: the first of two conjoined verbs with one subject ("met
    Preval in Port-au-Prince and pledged ..."), the verb a participial clause hangs on ("arrived in Kabul,
    promising ..."), the verb governing an infinitive ("There, he planned to meet ..."). None for a clause
    with a subject of its own ("Obama spoke in Cairo and aides said ...")."""
    if clause.head is clause or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    if clause.dep_ == "conj":
        return clause.head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > clause.head.i:
        return clause.head
    if clause.dep_ == "xcomp":
        return clause.head
    # a purpose clause: "drove to Port Fourchon to shoot photos", "flew to Kabul to meet Karzai"
    if clause.dep_ == "advcl" and clause.i > clause.head.i and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                                  for c in clause.children):
        return clause.head
    return None


# "There, he met ..." / "in the capital" / "in the city": the place the text has just named
ANAPHORIC_NOUNS = {r[0].strip(): r[1].strip() for r in read_tsv(RES / "anaphoric_place_nouns.tsv") if len(r) > 1}


@lru_cache(maxsize=1)
def _capitals(gaz) -> dict[str, int]:
    """ISO2 -> the gazetteer entry of the country's capital (the most populous if several); built once."""
    out: dict[str, int] = {}
    for i, f in enumerate(gaz.feat):
        if f == CAPITAL:
            cc = gaz.cc[i]
            if cc not in out or gaz.pop[i] > gaz.pop[out[cc]]:
                out[cc] = i
    return out


def _capital_of(gaz, iso2: str):
    """The gazetteer entry of a country's capital (the most populous if several), or None."""
    return _capitals(gaz).get(iso2)


def _anaphoric_place(doc, chain: set[int], places, ev):
    """ "There, he planned to meet ..." / "met officials in the capital" / "rallied in the city": the place
    the text has just named, from the preceding sentence and the current one up to the phrase, when that is
    unambiguous: "there" takes the last place that is the object of a locative or "to" preposition (a state
    or country qualifying it, "Venice, La.", does not count); "the city" / "the town" the one town named
    there; "the capital" the one capital named there, or the capital of the one country named there."""
    for tok in doc[min(chain):max(chain) + 1].sent:
        if tok.i in chain or tok.head.i not in chain:
            continue
        if tok.lower_ == "there" and tok.dep_ == "advmod":
            kind = "there"
        elif tok.dep_ == "prep" and PREP_KIND.get(tok.lower_) == "area":
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lower_ not in ANAPHORIC_NOUNS or \
                    not any(c.lower_ == "the" for c in obj.children) or \
                    any(c.dep_ in ("compound", "amod", "poss", "appos", "prep") for c in obj.children):
                continue
            kind = ANAPHORIC_NOUNS[obj.lower_]
        else:
            continue
        sent = tok.sent
        prev = doc[sent.start - 1].sent if sent.start > 0 else None
        lo = prev.start_char if prev is not None else sent.start_char
        named = [e for e in places if lo <= e.start < tok.idx]
        return _antecedent(doc, named, kind)
    return None


def _antecedent(doc, named, kind: str):
    if kind == "there":
        for e in reversed(named):
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            r = span.root
            if r.dep_ == "pobj" and (r.head.lower_ in LOCATIVE_PREPS or r.head.lower_ == "to"):
                return e.place
        return None
    towns = {(e.place.name, e.place.geonameid): e.place for e in named if e.place.feature in ("city", "town")}
    gaz = get_gazetteer()
    if kind == "capital":
        caps = {k: p for k, p in towns.items() if any(gaz.feat[i] == CAPITAL for i in candidates(gaz, p.name)
                                                        if gaz.gid[i] == (p.geonameid or -1))}
        if len(caps) == 1:
            return next(iter(caps.values()))
        if towns:
            return None
        countries = {e.place.country for e in named if e.place.feature == "country" and e.place.country}
        if len(countries) == 1:
            iso3 = next(iter(countries))
            iso2 = gaz.iso3to2.get(iso3)
            i = _capital_of(gaz, iso2) if iso2 else None
            return to_place(gaz, i) if i is not None else None
        return None
    return next(iter(towns.values())) if len(towns) == 1 else None
