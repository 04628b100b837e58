"""Roles from the dependency parse: who did it (source) and to whom (target), as token spans.

Nothing here codes actors: spans are handed to :func:`tacitus.actors.actor_for_span`.
"""
from __future__ import annotations

from .lexicon import lemma, objects, prep_objects

REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
NP_LEFT = {"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "predet", "flat",
           "advmod"}
NP_RIGHT = {"compound", "flat", "case", "nummod"}
OBJECT_CONTROL = {"ask", "urge", "order", "press", "call", "tell", "force", "pressure", "persuade",
                  "encourage", "invite", "allow", "permit", "remind", "warn", "help", "appeal"}


def np_span(tok):
    """A compact noun phrase around ``tok``: its left modifiers, itself, right compounds and an
    'of'/'in' complement ("government of Sindh", "rebels in the Ivory Coast"); no relative clauses,
    appositions or other clauses."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < tok.i and c.dep_ in NP_LEFT:
            start = min(start, c.left_edge.i)
        elif c.i > tok.i and c.dep_ in NP_RIGHT:
            end = max(end, c.right_edge.i + 1)
        elif c.i > tok.i and c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i == end:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("PROPN", "NOUN") and tok.pos_ in ("NOUN", "PROPN") \
                    and not objs[0].ent_type_ in ("DATE", "TIME", "CARDINAL"):
                end = max(end, objs[0].i + 1)
                # stop at clauses inside the complement
                end = min(end, _np_end(objs[0]))
    while start < tok.i and doc[start].is_punct:
        start += 1
    while end - 1 > tok.i and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _np_end(tok) -> int:
    end = tok.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ in NP_RIGHT:
            end = max(end, c.right_edge.i + 1)
    return end


def antecedent(tok):
    """Resolve a relative pronoun to the noun its clause modifies; appositions to their head noun
    ("Jang Sung-gil, a former ambassador ... who took asylum" -> Jang Sung-gil)."""
    if tok.lower_ in REL_PRONOUNS and tok.head.dep_ in ("relcl", "acl"):
        tok = tok.head.head
    while tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN"):
        tok = tok.head
    return tok


def expand_conj(tok) -> list:
    """'Ko Yong-hwan and Hyon Song-il' -> both heads (the first conjunct first)."""
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return [tok]
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    out = [first] + [c for c in first.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i != first.i]
    # keep only real coordination of nominals (not "with wife and children" hanging off a name)
    return sorted(set(out), key=lambda t: t.i)


def _subject_of(verb, depth=0):
    """The subject of a verb, inheriting through control / coordination / relative clauses."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in REL_PRONOUNS or c.dep_ == "csubj":
                return antecedent(c) if c.lower_ in REL_PRONOUNS else None
            return antecedent(c)
    for c in verb.children:  # "after Italy expelled ..." parsed with 'after' taking 'Italy' as pobj
        if c.dep_ == "mark":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return antecedent(objs[0])
    if verb.dep_ == "relcl":
        return antecedent(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "troops fighting in X"
        return antecedent(verb.head)
    if verb.dep_ == "xcomp":
        head = verb.head
        if lemma(head) in OBJECT_CONTROL:
            objs = [o for o in objects(head) if o.dep_ != "nsubjpass"]
            if objs:
                return antecedent(objs[0])
        return _subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, depth + 1)
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_roles(verb, target_slots):
    """(source head token or None, target head token or None) for a verbal trigger."""
    if is_passive(verb):
        src = next(iter(prep_objects(verb, "by")), None)
        src = antecedent(src) if src is not None else None
    else:
        src = _subject_of(verb)
    tgt = None
    for slot in target_slots:
        if slot == "dobj":
            cands = objects(verb)
        elif slot == "dative":
            cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        else:
            cands = prep_objects(verb, slot)
            # "took asylum in the United States": the preposition may hang off the object
            for o in objects(verb):
                cands += prep_objects(o, slot)
        cands = [c for c in cands if c.pos_ in ("NOUN", "PROPN", "PRON") and c.ent_type_ not in
                 ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")]
        if cands:
            tgt = antecedent(cands[0])
            break
    if tgt is not None and src is not None and tgt.i == src.i:
        tgt = None
    return src, tgt


NATIONAL_LABELS = ("NORP", "GPE", "ORG")


def noun_roles(noun, target_slots, patient_poss: bool, light_verb=None):
    """(source, target) for a nominal trigger: possessor, 'by', nationality modifiers, of/against/on."""
    src = tgt = None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    by = next(iter(prep_objects(noun, "by")), None)
    of = next(iter(prep_objects(noun, "of")), None)
    if by is not None:
        src = by
    if poss is not None:
        if patient_poss and of is None:
            tgt = poss
        elif src is None:
            src = poss
    if src is None:  # "Israeli air strikes", "US Predator attacks"
        for c in noun.children:
            if c.i < noun.i and c.dep_ in ("amod", "compound") and c.ent_type_ in NATIONAL_LABELS:
                src = c
                break
    for slot in target_slots:
        if tgt is not None:
            break
        if slot in ("dobj", "dative"):
            continue
        cands = [c for c in prep_objects(noun, slot) if c.pos_ in ("NOUN", "PROPN", "PRON")]
        if cands:
            tgt = cands[0]
    if light_verb is not None:
        lsrc, ltgt = verb_roles(light_verb, tuple(s for s in target_slots if s not in ("dobj",)))
        if src is None and lsrc is not None and lsrc.i != noun.i:
            src = lsrc
        if tgt is None and ltgt is not None and ltgt.i != noun.i:
            tgt = ltgt
    elif src is None and noun.dep_ in ("nsubj", "dobj", "pobj", "attr") and noun.head.pos_ == "VERB":
        pass  # never guess a source from an unrelated clause
    src = antecedent(src) if src is not None else None
    tgt = antecedent(tgt) if tgt is not None else None
    if tgt is not None and src is not None and tgt.i == src.i:
        tgt = None
    return src, tgt
