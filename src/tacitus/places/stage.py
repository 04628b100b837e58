"""Places stage: toponyms of the article resolved in the gazetteer (PlaceResolver), the dateline, and
event locations from the event's own clause (EventLocator)."""
from __future__ import annotations

import re

from ..model import Entity, Place
from .gazetteer import (ADM1, ADM2, CAPITAL, CITY, CONTINENT, COUNTRY, REGION, RES, get_gazetteer, norm,
                        read_tsv, word_list)
from .resolve import candidates, resolve_place, resolve_spans, to_place

PLACE_LABELS = ("GPE", "LOC", "FAC")
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
                      r"([A-Z][A-Za-z. ]{1,25}?))?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "pcomp", "parataxis", "csubj"}


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
    if towns:
        return to_place(gaz, max(towns, key=lambda i: (gaz.feat[i] == CAPITAL, gaz.pop[i])))
    return resolve_place(full)


ORG_WORDS = re.compile(r"^(" + "|".join(map(re.escape, sorted(word_list("org_words.tsv")))) + r")\b")
TOWN_NOUNS = word_list("town_nouns.tsv")
LOC_PREP = word_list("toponym_preps.tsv")


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


class PlaceResolver:
    name = "places"

    def __call__(self, ctx) -> None:
        gaz = get_gazetteer()
        if ctx.doc is not None:
            add_missed_toponyms(ctx, gaz)
        targets = []
        for k, e in enumerate(ctx.entities):
            if e.label in PLACE_LABELS:
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


def _prep_ok(prep, material: bool) -> bool:
    kind = PREP_KIND.get(prep.lower_)
    return kind is not None and (kind != "material" or material)


def _locative_prep(root, material: bool = False):
    """The locative preposition a toponym (its span root) is the object of, directly ("in Kabul") or as a
    modifier of the object of an "area" preposition ("at a Kabul hotel", "in Kabul's streets"); else None.
    ``material``: the event is of a type whose place object is where it happened ("strikes on Iraq")."""
    tok, steps = root, 0
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
        clause = _clause_head(head)
        chain = _trigger_chain(head)
        noun = _relative_place_head(clause)
        material = _etype(ev) in MATERIAL_TYPES
        best = None
        for e in places:
            if not (ev.sentence.start <= e.start < ev.sentence.end):
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if noun is not None and (span.start <= noun.i < span.end):
                return e.place  # "the attack in Kabul, where gunmen killed 12 soldiers"
            ok = False
            if root.head.i == head.i and root.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
                ok = True  # "the Kabul attack": a place modifying a noun trigger
            elif _place_object(root, head, ev):
                ok = True  # "troops shelled Aleppo", "visited Kenya"
            else:
                prep = _locative_prep(root, material)
                if prep is not None:
                    if _attached_to(prep.head, chain, subject_ok=not ev.reporting, material=material):
                        ok = True  # "protested in Jakarta", "In Nairobi, police ...", "raided homes in Lagos"
                    elif noun is not None and _attached_to(prep.head, {noun.i}):
                        ok = True  # "a warehouse in London where he met ...", "a hearing in Houston at which"
            if ok and (best is None or _specificity(e.place) > _specificity(best)):
                best = e.place
        return best
