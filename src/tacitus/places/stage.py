"""Places stage: toponyms of the article resolved in the gazetteer (PlaceResolver), the dateline, and
event locations from the event's own clause (EventLocator)."""
from __future__ import annotations

import re

from ..model import Entity, Place
from .gazetteer import (ADM1, ADM2, CAPITAL, CITY, CONTINENT, COUNTRY, REGION, get_gazetteer, norm,
                        word_list)
from .resolve import candidates, resolve_place, resolve_spans, to_place

PLACE_LABELS = ("GPE", "LOC", "FAC")
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
                      r"([A-Z][A-Za-z. ]{1,25}?))?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "pcomp", "parataxis", "csubj"}


def _speech_verbs() -> frozenset[str]:
    from ..actors import speech_verbs  # here, not at the top: actors imports the gazetteer
    return speech_verbs()


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


# event types whose direct object, when a place, is where the event happened ("shelled Aleppo")
MATERIAL_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}
LOCATIVE_PREPS = word_list("locative_preps.tsv")


def _locative_place(doc, part, head, ev=None) -> bool:
    """A role filler that is a place in a locative phrase of the trigger's clause ("protested in Jakarta"):
    it is the target by CAMEO convention and also where the event happened."""
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    if root.dep_ == "dobj" and root.head.i == head.i and ev is not None and \
            (ev.plover_type or ev.type) in MATERIAL_TYPES:
        return True  # "Russia attacked Ukraine", "troops shelled Aleppo": the place attacked
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in LOCATIVE_PREPS and _clause_head(prep).i == _clause_head(head).i


def _clause_head(tok):
    """The head of the clause a token belongs to."""
    while tok.dep_ not in CLAUSE_DEPS and tok.head is not tok:
        tok = tok.head
    return tok


def _inside_participant(tok, clause, trigger=None) -> bool:
    """Is the token inside a subject/object phrase of the clause (rather than attached to the event)?"""
    while tok.i != clause.i and tok.head is not tok:
        if trigger is not None and tok.i == trigger.i:
            return False  # "the attack in Kabul": attached to the (noun) trigger itself
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "agent", "poss"):
            return True
        tok = tok.head
    return False


SPECIFICITY = {"city": 4, "town": 4, "adm2": 3, "adm1": 2, "region": 1, "country": 1, "continent": 0}


def _specificity(p: Place) -> int:
    return SPECIFICITY.get(p.feature or "", 0)


class EventLocator:
    name = "places.event_locator"

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        if doc is None:
            return
        places = [e for e in ctx.entities if e.place is not None and e.label in PLACE_LABELS]
        for ev in ctx.events:
            ev.location = self._locate(ctx, doc, ev, places)

    def _locate(self, ctx, doc, ev, places):
        head = None
        if ev.head_token is not None and 0 <= ev.head_token < len(doc):
            head = doc[ev.head_token]
        else:
            span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            head = span.root if span is not None else None
        if head is None:
            return ctx.dateline
        clause = _clause_head(head)
        # "the attack in Kabul, where Taliban fighters killed 12 soldiers": the place the clause hangs on
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            for e in places:
                if e.start <= clause.head.idx < e.end:
                    return e.place
        excluded = []
        for part in (ev.source, ev.target, ev.attribution):
            if part is not None and not _locative_place(doc, part, head, ev):
                excluded.append((part.start, part.end))
        best = None
        for e in places:
            if not (ev.sentence.start <= e.start < ev.sentence.end):
                continue
            if any(a <= e.start and e.end <= b for a, b in excluded):
                continue  # a participant ("Washington warned Seoul"), not where it happened
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.head.i == head.i and root.dep_ in ("compound", "amod") and head.pos_ == "NOUN":
                pass  # "the Kabul attack": a place modifying a noun trigger
            elif root.dep_ == "dobj" and root.head.i == head.i and (ev.plover_type or ev.type) in MATERIAL_TYPES \
                    and e.label in ("GPE", "LOC", "FAC"):
                pass  # "troops shelled Aleppo": the place attacked is where it happened
            elif root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "compound", "amod") and root.head.pos_ != "ADP":
                if root.dep_ != "compound" or root.head.dep_ not in ("pobj",):
                    continue  # metonymy or a modifier ("Washington said", "Seoul newspaper")
            if root.dep_ == "nsubj" and root.head.lemma_ in _speech_verbs():  # "Seoul said": the government
                continue
            if _clause_head(root).i != clause.i:
                continue
            direct_place = root.dep_ == "dobj" and root.head.i == head.i and \
                (ev.plover_type or ev.type) in MATERIAL_TYPES
            # "raided homes in Lagos": a locative phrase inside the object still says where it happened
            if not direct_place and not _locative_place(doc, e, head, ev) and _inside_participant(root, clause, head):
                continue  # "deputy ambassador to London ... fled": London modifies the subject
            if best is None or _specificity(e.place) > _specificity(best):
                best = e.place
        return best if best is not None else ctx.dateline
