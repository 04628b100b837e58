"""Roles from the dependency parse: who did it (source) and to whom (target), as token spans.

Nothing here codes actors: spans are handed to :func:`tacitus.actors.actor_for_span`.
"""
from __future__ import annotations

from functools import lru_cache

from . import resources as R
from .lexicon import forms, lemma, objects, prep_objects
from .modality import speech_verbs

REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
DOCUMENT_NOUNS = "document_nouns.txt"
NP_LEFT = {"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod", "case", "predet", "flat",
           "advmod"}
NP_RIGHT = {"compound", "flat", "nummod"}
OBJECT_CONTROL = "object_control.txt"


def np_span(tok):
    """A compact noun phrase around ``tok``: its left modifiers, itself, right compounds, an 'of'
    complement ("government of Sindh province"), a 'from' + name complement ("a spokesman from the
    National Intelligence Service") and a name in apposition to a common noun ("the party's leader
    Mahmoud Abbas"); no relative clauses, comma appositions or other clauses, no trailing "'s"."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < tok.i and c.dep_ in NP_LEFT:
            start = min(start, c.left_edge.i)
        elif c.i > tok.i and c.dep_ in NP_RIGHT:
            end = max(end, c.right_edge.i + 1)
        elif c.i > tok.i and c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == end:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            # "government of Sindh province"; "a spokesman from the National Intelligence Service"
            if objs and objs[0].pos_ in ("PROPN", "NOUN") and tok.pos_ in ("NOUN", "PROPN") \
                    and (c.lower_ == "of" or objs[0].pos_ == "PROPN") \
                    and not objs[0].ent_type_ in ("DATE", "TIME", "CARDINAL"):
                end = max(end, objs[0].i + 1)
                # stop at clauses inside the complement
                end = min(end, _np_end(objs[0]))
    if tok.pos_ == "NOUN":  # "the party's leader Mahmoud Abbas", "deputy ambassador to London Thae Yong-ho"
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i and not any(
                    doc[k].is_punct for k in range(tok.i + 1, c.left_edge.i)):
                end = max(end, _np_end(c))
    start = _furniture_start(doc, start, tok.i)
    while start < tok.i and (doc[start].is_punct or doc[start].text in PTB_MARKS):
        start += 1
    while end - 1 > tok.i and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case" or doc[end - 1].text in PTB_MARKS):
        end -= 1
    return doc[start:end]


PTB_MARKS = {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-", "``", "''"}
DASHES = {"-", "--", "\u2013", "\u2014"}
CLOSERS = {"-RRB-", ")", "-RSB-", "]", ";", "|"}
OPENERS = {"-LRB-", "(", "-LSB-", "["}


def _furniture_start(doc, start: int, head: int) -> int:
    """Headlines and datelines fused into the sentence (news text with no title / body split) leave page
    furniture before the head of a role: "Reuters -RRB- - Susan Spicer", "June 9 - U.S. Interior Secretary
    Ken Salazar", "4:16 PM Members of Congress", "homeless A Cornwall-based charity". The phrase starts after
    the last free-standing dash, closing bracket or clock time before the head, or at a capitalised
    article inside it (a new sentence)."""
    for k in range(head - 1, start - 1, -1):
        t = doc[k]
        if t.text in CLOSERS and not any(doc[j].text in OPENERS for j in range(start, k)):
            return k + 1  # an unbalanced closing bracket: "Reuters -RRB- - ..." (not "the Umma (Nation) party")
        if t.ent_type_ == "TIME" or (
                t.text in DASHES and k > 0 and doc[k - 1].whitespace_ and t.whitespace_):
            return k + 1
        if k > start and t.lower_ in ("the", "a", "an") and t.text[0].isupper() and doc[k - 1].is_alpha:
            return k
    return start


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


PERSONAL = {"it", "they", "he", "she", "we", "i", "them", "him", "her", "us", "its", "their", "his", "our"}


PLURAL_PRON = {"they", "them", "their"}


def agrees(pron, noun) -> bool:
    """Number (and person-ness) agreement between a pronoun and a candidate antecedent."""
    p = pron.lower_
    plural = noun.tag_ in ("NNS", "NNPS")
    if p in PLURAL_PRON:
        return plural or noun.ent_type_ in ("ORG", "NORP") or lemma(noun) in ("government", "authority", "police")
    if p in ("he", "she", "him", "her", "his"):
        return not plural and (noun.ent_type_ == "PERSON" or (noun.pos_ == "NOUN" and lemma(noun) in R.words("agents.txt")))
    if p in ("it", "its"):
        return not plural and noun.ent_type_ != "PERSON"
    return True


def resolve_pronoun(tok):
    """'Syria says it is willing ...', 'King Hassan was quoted as saying he would ...': a personal
    pronoun subject of a reported clause stands for the speaker (the nominal subject of the speech
    verb, active or passive) when they agree in number; failing that, the nearest preceding subject
    of the same sentence that agrees and can name an actor ("Italian authorities were agonising ...,
    the official said, but added that they were protecting him")."""
    if tok is None or tok.lower_ not in PERSONAL or tok.lower_ in ("i", "we", "us", "our"):
        return tok
    node = tok.head
    passed_speech = lemma(node) in speech_verbs()
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
        if subj is not None and passed_speech and subj.pos_ in ("PROPN", "NOUN") and subj.i < tok.i \
                and agrees(tok, subj):
            return antecedent(subj)
        if node.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "advcl", "pcomp", "prep") or node.head is node:
            break
        node = node.head
        passed_speech = passed_speech or lemma(node) in speech_verbs()
    for cand in reversed(list(tok.sent[: tok.i - tok.sent.start])):
        if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ in ("PROPN", "NOUN") and agrees(tok, cand) \
                and actor_like(cand):
            return antecedent(cand)
    return tok


def resolve_pronoun_quote(tok, verb):
    """'"We don't comment ...," said a spokesman': a first-person subject of a quoted clause is the
    speaker of the quote (the subject of the speech verb that takes the clause)."""
    if tok.lower_ not in ("we", "i") or verb.dep_ not in ("ccomp", "parataxis"):
        return tok
    head = verb.head
    if lemma(head) in speech_verbs():
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return antecedent(subj)
    return tok


def _subject_of(verb, depth=0):
    """The subject of a verb, inheriting through control / coordination / relative clauses."""
    if depth > 6:
        return None
    kids = list(verb.children) + [g for a in verb.children if a.dep_ == "aux" for g in a.children]
    for c in kids:
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
        h = verb.head
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and not actor_like(h):
            # "converged for a rally to protest ...", "called a strike to demand ...": an infinitive on an
            # event noun is a purpose clause; its doer is that of the clause holding the noun
            gov = h.head.head if h.dep_ == "pobj" and h.head.dep_ == "prep" else h.head
            if gov.pos_ in ("VERB", "AUX") and gov.i != verb.i:
                subj = _subject_of(gov, depth + 1)
                if subj is not None:
                    return subj
        return antecedent(h)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "are guilty of violating ...", "by attacking"
        host = verb.head.head
        if host.pos_ == "VERB" and verb.head.lower_ in ("of", "for", "with", "from"):
            objs = [o for o in objects(host) if o.dep_ != "nsubjpass"]
            if objs:  # "accused infiltrators of attacking": the accused is the doer
                return antecedent(objs[0])
            passive_subj = next((o for o in host.children if o.dep_ == "nsubjpass"), None)
            if passive_subj is not None:  # "X was accused of attacking"
                return antecedent(passive_subj)
        if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("dobj", "nsubjpass") and \
                verb.head.lower_ in ("of", "for") and actor_like(host):  # "accused infiltrators of attacking" (of on the noun)
            return antecedent(host)
        if host.pos_ in ("VERB", "AUX", "ADJ"):
            return _subject_of(host, depth + 1)
        if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("nsubj", "nsubjpass") and actor_like(host) and \
                verb.head.lower_ in CLAUSE_TIME_PREPS and verb.head.i > host.i:
            # "Larry Bagnell of the Liberals, after asking Drinkwater to ..., said": the subject the
            # adverbial hangs on is the doer
            return antecedent(host)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "attr") \
            and verb.head.head.pos_ in ("VERB", "AUX") and (
            lemma(verb.head) in R.words("message_nouns.txt") or lemma(verb.head) in R.words(DOCUMENT_NOUNS)):
        # "The PKK issued a declaration demanding that ...": the author of the document demands
        author = message_author(verb.head)
        return antecedent(author) if author is not None else _subject_of(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and (verb.tag_ in ("VBG", "VBD") or verb.head.dep_ == "ROOT"):
        # "troops fighting in X"; a finite verb misparsed as a reduced relative under a root noun
        # ("Riot police charged at protesters" with "police" as the root)
        return antecedent(verb.head)
    if verb.dep_ == "xcomp":
        head = verb.head
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:  # "Egypt's foreign minister is expected to visit ..."
            return antecedent(raised)
        if lemma(head) in R.words(OBJECT_CONTROL):
            objs = [o for o in objects(head) if o.dep_ != "nsubjpass"]
            if objs:
                return antecedent(objs[0])
        return _subject_of(head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "acomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        return _subject_of(verb.head, depth + 1)
    return None


def _passive_first_conjunct(verb):
    """For a bare past-participle conjunct ("imprisoned" and "tortured" in "who were oppressed, imprisoned and
    tortured"), the first conjunct when it is passive (it holds the shared subject and auxiliary); else None."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children):
        return None
    head = verb.head
    for _ in range(6):
        if head.tag_ != "VBN":
            return None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
            return head
        if head.dep_ != "conj":
            return None
        head = head.head
    return None


def is_passive(verb) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "the regime stands accused of ...", "he remained detained"
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "xcomp", "advcl") and \
            verb.head.lemma_ in ("stand", "remain", "be", "get", "become", "seem"):
        return True
    # a passive conjunct with no subject or auxiliary of its own: "who were oppressed, imprisoned and tortured"
    if _passive_first_conjunct(verb) is not None:
        return True
    # a reduced passive clause: "If convicted, he faces four years" (he would be the one convicted)
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and \
        any(c.dep_ == "mark" and c.lower_ in REDUCED_PASSIVE_MARKS for c in verb.children) and \
        not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children)


def _nominal_gerund_agent(verb):
    """A gerund used as a noun, with no subject or auxiliary of its own, whose doer is in a by-phrase ("due to
    lobbying by BP and the other major oil companies", "after shelling by government forces"): the by-object,
    when it can name an actor; else None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "attr", "conj"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            objs = [g for g in c.children if g.dep_ == "pobj" and actor_like(g)]
            if objs:
                return objs[0]
    return None


CLAUSE_TIME_PREPS = ("after", "before", "while", "since", "upon", "on", "when")
REDUCED_PASSIVE_MARKS = ("if", "unless", "once", "when", "whether", "until", "though", "although", "while")


def actor_like(tok, organisations: bool = True) -> bool:
    """Could this token head an actor phrase (a named entity, a person/organisation noun, a pronoun)?"""
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL or tok.lower_ in ("who", "whom")
    if tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (tok.pos_ == "PROPN" and tok.ent_type_ not in
                                                              ("DATE", "TIME", "MONEY", "CARDINAL")):
        return True
    if any(c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and c.dep_ in ("compound", "amod", "poss")
           for c in tok.children):
        return True
    return lemma(tok) in R.words("agents.txt") or tok.lower_ in R.words("agents.txt") or (
        organisations and tok.pos_ == "NOUN" and lemma(tok) in R.words(ORGANISATION_NOUNS))


# firms and other organisations named by a common noun ("asked the company to hold meetings"): they can fill a
# role, but unlike agents.txt they do not make an event political
ORGANISATION_NOUNS = "organisation_nouns.txt"


def message_author(tok):
    """'calls by Kofi Annan' -> Kofi Annan; 'an Indian proposal' -> Indian; else None."""
    if lemma(tok) not in R.words("message_nouns.txt"):
        return None
    for p in ("by", "from", "of"):
        objs = [o for o in prep_objects(tok, p) if actor_like(o)]
        if objs:
            return objs[0]
    for c in tok.children:
        if c.dep_ == "poss" and actor_like(c):
            return c
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    return None


NON_ROLE_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")


def role_ok(tok) -> bool:
    """Dates, amounts and the like never fill a role ("the disaster on 20 April which killed ...")."""
    return tok is not None and tok.ent_type_ not in NON_ROLE_ENTS and (
        tok.ent_type_ != "CARDINAL" or bool(prep_objects(tok, "of")))


def actor_complement(tok):
    """The actor inside a non-actor noun phrase: 'the withdrawal of Serbian forces', 'an admission by
    Moscow', 'Italy's decision' (by / of / from complements, then the possessor)."""
    for p in ("by", "of", "from"):
        objs = [o for o in prep_objects(tok, p) if actor_like(o)]
        if objs:
            return objs[0]
    poss = next((c for c in tok.children if c.dep_ == "poss" and actor_like(c)
                 and c.lower_ not in PERSONAL), None)
    if poss is not None:
        return poss
    # "vetoed a Security Council resolution", "rejected an Indian proposal"
    return next((c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
                 and c.ent_type_ in ("ORG", "GPE", "NORP")), None)


def clause_target(verb, slots=("to", "against", "with", "on", "dobj", "from", "in")):
    """The first actor-like object in a complement clause that is not itself an event trigger
    ("offered to hand over to Great Britain", "refused to deploy peacekeepers in Iraq")."""
    for slot in slots:
        if slot == "dobj":
            cands = [o for o in objects(verb) if o.dep_ != "nsubjpass"]
        else:
            cands = prep_objects(verb, slot)
            for o in objects(verb):
                cands += prep_objects(o, slot)
        for c in cands:
            if actor_like(c) and role_ok(c) and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (
                    c.pos_ in ("NOUN", "PROPN") and actor_like(c) and slot != "in"):
                return antecedent(c)
    return None


# "in defiance of X", "in protest against X", "in opposition to X": X is what the act is aimed at
STANCE_NOUNS = {"defiance": ("of",), "protest": ("against", "at", "of", "over"), "opposition": ("to",)}


def stance_objects(verb) -> list:
    """Objects of a stance phrase attached to the verb ("blocked streets in defiance of Chinese authorities")."""
    out = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "in":
            continue
        for n in p.children:
            if n.dep_ == "pobj" and n.lemma_.lower() in STANCE_NOUNS:
                for q in STANCE_NOUNS[n.lemma_.lower()]:
                    out += prep_objects(n, q)
    return out


def verb_roles(verb, target_slots, actors_only: bool = False):
    """(source head token or None, target head token or None) for a verbal trigger."""
    if is_passive(verb):
        src = next(iter(prep_objects(verb, "by")), None)
        if src is None:  # "accused of corruption by Haitian officials": the by-phrase hangs lower
            for t in verb.subtree:
                if t.i > verb.i and t.dep_ in ("prep", "agent") and t.lower_ == "by" and t.head.dep_ in ("pobj", "pcomp", "prep"):
                    objs = [g for g in t.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                    if objs:
                        src = objs[0]
                        break
        src = antecedent(src) if src is not None else None
    elif (agent := _nominal_gerund_agent(verb)) is not None:
        src = antecedent(agent)  # "due to lobbying by BP": BP lobbies
    else:
        src = resolve_pronoun(_subject_of(verb))
        if src is not None and src.lower_ in PERSONAL:
            src = resolve_pronoun_quote(src, verb)
    tgt = None
    first = _passive_first_conjunct(verb)
    if first is not None:
        shared = next((c for c in first.children if c.dep_ == "nsubjpass"), None)
        if shared is not None:  # "the literati who were oppressed, imprisoned and tortured": the shared patient
            if src is None:
                src = next(iter(prep_objects(first, "by")), None)
                src = antecedent(src) if src is not None else None
            tgt = antecedent(shared)
            return (None if src is not None and src.i == tgt.i else src), (tgt if role_ok(tgt) else None)
    if is_passive(verb) and not any(c.dep_ == "nsubjpass" for c in verb.children) and verb.dep_ != "ROOT":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and verb.dep_ == "advcl" and not actor_like(subj):
            return src, None  # "If convicted, the maximum sentence is four years": no one named is convicted
        if subj is not None:  # "the regime stands accused of ...": the subject is the patient
            return (None if src is not None and src.i == subj.i else src), antecedent(subj)
    first = None
    for slot in target_slots:
        if slot == "dobj":
            cands = objects(verb)
            if not cands:  # misparsed objects ("expelled then ambassador Mun Jong-nam")
                cands = [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i
                         and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")]
        elif slot == "dative":
            cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        elif slot == "place":  # last resort (CAMEO convention): the place the act is done in
            cands = [c for p in ("in", "into", "inside") for c in prep_objects(verb, p)
                     if c.ent_type_ in ("GPE",)]
            for o in objects(verb):
                cands += [c for c in prep_objects(o, "in") if c.ent_type_ == "GPE"]
        else:
            cands = prep_objects(verb, slot)
            # "took asylum in the United States": the preposition may hang off the object
            for o in objects(verb):
                cands += prep_objects(o, slot)
            if slot == "against":  # "marched in defiance of the junta", "in protest against X"
                cands += stance_objects(verb)
        cands = [c for c in cands if c.pos_ in ("NOUN", "PROPN", "PRON") and (c.ent_type_ not in
                 ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
                 or prep_objects(c, "of"))]  # "Thousands of guerrillas"
        for c in cands:
            author = message_author(c)
            if author is None and actors_only and slot == "dobj" and not actor_like(c):
                author = actor_complement(c)  # "demanded the withdrawal of Serbian forces"
            if author is not None:
                tgt = antecedent(author)
                break
            if first is None:
                first = c
            if actor_like(c) or (c.ent_type_ in ("CARDINAL",) and any(actor_like(o) for o in prep_objects(c, "of"))):
                tgt = antecedent(c)
                break
        if tgt is not None:
            break
    if tgt is None and first is not None and not actors_only:
        tgt = antecedent(first)
    if src is not None and not role_ok(src):
        src = None
    if tgt is not None and not role_ok(tgt):
        tgt = None
    if tgt is not None and src is not None and tgt.i == src.i:
        tgt = None
    return src, tgt


NATIONAL_LABELS = ("NORP", "GPE", "ORG")


def noun_roles(noun, target_slots, patient_poss: bool, light_verb=None, of_source: bool = False):
    """(source, target) for a nominal trigger: possessor, 'by', nationality modifiers, of/against/on."""
    src = tgt = None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    by = next(iter(prep_objects(noun, "by")), None)
    of = next(iter(prep_objects(noun, "of")), None)
    if by is None and of is not None:  # "the torture of prisoners by security forces"
        by = next(iter(prep_objects(of, "by")), None)
    if by is not None:
        src = by
    elif of_source and of is not None:  # "the deployment of NATO troops", "the defection of X"
        src = of
    if poss is not None and poss.lower_ in ("its", "their", "his", "her", "our") and not patient_poss:
        # "The committee completed its investigation": the possessive is bound by the clause subject
        gov = light_verb
        if gov is None:
            h = noun.head
            gov = h if h.pos_ in ("VERB", "AUX") else (h.head if h.dep_ == "prep" else None)
        bound = _subject_of(gov) if gov is not None and gov.pos_ in ("VERB", "AUX") else None
        if bound is not None and bound.i == noun.i:
            # "Obama said his criticism of BP was not anti-British": the event noun is its own clause's subject;
            # the possessive is the speaker's
            poss = resolve_pronoun(poss)
        elif bound is not None and bound.lower_ not in PERSONAL:
            poss = bound
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
        if not cands and of is not None:  # "a suspension of air links with Serbia"
            cands = [c for c in prep_objects(of, slot) if c.pos_ in ("NOUN", "PROPN", "PRON")]
        if cands:
            tgt = cands[0]
    if light_verb is not None and noun.dep_ == "nsubj":
        # "Clashes erupted between X and Y": only the occurrence verb's prepositions, no subject
        if forms(light_verb) & R.words("light_verbs.txt") and tgt is None:
            for slot in target_slots:
                cands = [c for c in prep_objects(light_verb, slot) if c.pos_ in ("NOUN", "PROPN")]
                if cands:
                    tgt = cands[0]
                    break
        light_verb = None
    if light_verb is not None:
        in_object = noun.dep_ in ("dobj", "nsubjpass") or noun.head.dep_ in ("dobj", "nsubjpass")
        lslots = tuple(s for s in target_slots if not (in_object and s == "dobj"))
        if not in_object and "dobj" not in lslots:
            lslots = ("dobj",) + lslots  # "X was put under investigation": X is the target
        lsrc, ltgt = verb_roles(light_verb, lslots)
        if lemma(light_verb) in ("engage", "involve", "participate") and is_passive(light_verb):
            lsrc, ltgt = ltgt, None  # "Serb forces were engaged in ethnic cleansing"
        if src is None and lsrc is not None and lsrc.i != noun.i:
            src = lsrc
        if tgt is None and ltgt is not None and ltgt.i != noun.i:
            tgt = ltgt
    elif src is None and noun.dep_ in ("nsubj", "dobj", "pobj", "attr") and noun.head.pos_ == "VERB":
        pass  # never guess a source from an unrelated clause
    if src is None and tgt is not None and tgt.head.lower_ == "between" and tgt.conjuncts:
        src, tgt = tgt, tgt.conjuncts[0]  # symmetric events: "clashes between X and Y"
    if src is None or tgt is None:
        dsrc, dtgt = death_roles(noun)  # "X died under torture in police custody"
        src = src if src is not None else dsrc
        tgt = tgt if tgt is not None else dtgt
    src = antecedent(src) if src is not None else None
    tgt = antecedent(tgt) if tgt is not None else None
    if tgt is not None and src is not None and tgt.i == src.i:
        tgt = None
    return src, tgt


DEATH_ROLES = "death_roles.tsv"


@lru_cache(maxsize=None)
def _death_words(kind: str) -> frozenset[str]:
    return frozenset(f[0] for _, f in R.rows(DEATH_ROLES) if len(f) > 1 and f[1] == kind)


def death_roles(noun):
    """(custodian, victim) for a nominal act that caused a death: "X died under torture / as a result of
    torture / from beatings (while) in police custody" -> (police custody, X). Words: death_roles.tsv."""
    cause = _death_words("cause")
    node, verb = noun, None
    for _ in range(4):  # torture <- of <- result <- as <- died
        if node.dep_ not in ("pobj", "prep") or node.head is node:
            break
        node = node.head
        if node.dep_ == "prep" and node.lower_ not in cause and lemma(node) not in cause:
            break
        if node.pos_ in ("VERB", "AUX"):
            verb = node
            break
        if node.pos_ == "NOUN" and lemma(node) not in cause:
            break
    if verb is None or lemma(verb) not in _death_words("death"):
        return None, None
    victim = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    custodian = None
    custody = _death_words("custody")
    for p in list(verb.children) + list(noun.children):  # "died (while) in custody", "torture in detention"
        if p.dep_ == "prep":
            custodian = next((o for o in p.children if o.dep_ == "pobj" and lemma(o) in custody), None)
            if custodian is not None:
                break
    return custodian, victim


# deps through which a trigger's complement is searched for a fallback recipient; never its subject,
# a relative clause, a parenthetical or an unrelated adverbial clause
FALLBACK_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "acl", "pcomp", "npadvmod", "dative", "attr", "oprd",
                 "poss", "compound", "amod", "nmod", "appos", "nsubjpass", "agent", "conj", "advcl", "acomp", "prt"}
PLACE_LABELS = ("GPE", "LOC", "FAC")


def fallback_targets(heads, exclude: set, passive: bool = False, max_depth: int = 6, conditions: bool = False):
    """Recipient candidates inside the event's own complement, nearest first (breadth-first over the
    dependency tree from the trigger and its light verb; a preposition costs no step): objects and
    obliques of embedded purpose / control clauses ("to help defend Saudi Arabia"), subjects of embedded
    clauses ("refused to allow United Nations planes to land"), possessors and complements of nominal
    objects ("to protest President Assad's failure", "denounced Serbia's suppression", "demand the
    resignation of X"), and places in locative obliques ("demonstrated in Serbia", "lifted a curfew in
    Montenegro": CAMEO codes the place's country as the recipient when no actor is named). With
    ``conditions`` (threats), the subject of an if / unless clause too ("threatened to strike unless
    Israel rescinded ..."). ``exclude`` holds token indices that belong to the source."""
    out, seen = [], set(exclude)
    frontier = [(h, 0) for h in heads if h is not None]
    for h, _ in frontier:
        seen.add(h.i)
    while frontier:
        nxt = []
        k = 0
        while k < len(frontier):
            node, depth = frontier[k]
            k += 1
            for c in node.children:
                if c.i in seen:
                    continue
                clause_subj = c.dep_ in ("nsubj", "nsubjpass") and depth >= 1 and node.pos_ in ("VERB", "AUX") \
                    and node.dep_ in ("ccomp", "xcomp", "advcl", "acl")
                if c.dep_ not in FALLBACK_DEPS and not clause_subj:
                    continue
                if depth == 0 and node.pos_ in ("NOUN", "PROPN") and c.dep_ in ("poss", "amod", "compound", "nmod"):
                    continue  # "Israeli air strikes": the modifier of a nominal trigger is its doer
                if c.dep_ in ("prep", "agent") and c.lower_ == "by" and depth == 0 and (passive or node.pos_ == "NOUN"):
                    continue  # the by-phrase of the trigger is the doer (deeper: "protest violations by X")
                if c.dep_ == "advcl" and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and not (
                        conditions and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)):
                    continue  # "after ...", "because ...", "when ...": another event's clause
                if c.dep_ == "pobj" and node.dep_ == "prep" and node.lower_ in TIME_PREPS and event_noun(c):
                    continue  # "banned such drilling after the BP oil spill disaster": a time, BP is no recipient
                if c.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
                    continue  # a coordinated verb is its own event
                if c.dep_ == "ccomp" and depth > 0 and node.pos_ in ("VERB", "AUX") and lemma(node) in speech_verbs():
                    continue  # what someone else said (the trigger's own complement is its content)
                seen.add(c.i)
                if c.dep_ in ("compound", "flat") and c.ent_type_ and c.head.ent_type_ == c.ent_type_:
                    continue  # a piece of a longer name ("United" in "United States")
                if c.pos_ in ("NOUN", "PROPN") and role_ok(c) and c.ent_type_ not in ("CARDINAL",) and (
                        c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") + PLACE_LABELS or actor_like(c, False)
                        or _led_by_named(c)):
                    out.append(c)
                if c.dep_ in ("prep", "agent"):
                    frontier.append((c, depth))
                elif depth + 1 < max_depth:
                    nxt.append((c, depth + 1))
        frontier = nxt
    # arguments before modifiers at any depth ("a new offensive in its Gulf war with Iraq": Iraq, not Gulf)
    # (an organisation or person modifier stays in place: "vetoed a Security Council resolution")
    late = [c for c in out if c.dep_ in MODIFIER_DEPS and c.ent_type_ not in ("ORG", "PERSON")]
    return [c for c in out if c not in late] + late


MODIFIER_DEPS = {"compound", "amod", "nmod"}
TIME_PREPS = {"after", "before", "since", "during", "until", "following", "amid"}
NON_RECIPIENTS = "non_recipients.txt"


def event_noun(tok) -> bool:
    """A noun that names an event, an activity or an abstract thing, not a participant: a non-agent (non_agents.txt:
    spill, explosion, disaster ...) or a word of non_recipients.txt (incident, drilling, power ...); never a name."""
    lem = lemma(tok)
    return tok.pos_ == "NOUN" and tok.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON") and (
        lem in R.words("non_agents.txt") or lem in R.words(NON_RECIPIENTS))


LEADER_PARTICIPLES = "leader_participles.txt"


def _led_by_named(tok) -> bool:
    """ "the US-led war", "a Saudi-led campaign": a noun whose "X-led" modifier names a country or group (the
    participles: resources/en/events/leader_participles.txt)."""
    for c in tok.children:
        if c.dep_ == "amod" and c.i < tok.i and c.lower_ in R.words(LEADER_PARTICIPLES) and any(
                g.i < c.i and g.ent_type_ in ("GPE", "NORP", "ORG") for g in c.children):
            return True
    return False
