"""Modality (asserted / negated / hypothetical / future / attempted / reported) and attribution, read
from the trigger's governors in the dependency parse; cue words come from ``modality.tsv``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import resources as R
from .lexicon import lemma

ORDER = ("negated", "hypothetical", "attempted", "future", "reported", "asserted")
# dependency relations through which a trigger inherits the modality of its governor
CHAIN = {"xcomp", "ccomp", "conj", "advcl", "acl", "attr", "pcomp", "oprd", "prep"}


@lru_cache(maxsize=None)
def cues() -> dict[tuple[str, str], frozenset[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for _, f in R.rows("modality.tsv"):
        out.setdefault((f[1], f[0]), set()).update(R.split_list(f[2]))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _cue(kind: str) -> dict[str, str]:
    """lemma -> modality for one cue kind (built once; callers only read it)."""
    m: dict[str, str] = {}
    for (k, mod), ws in cues().items():
        if k == kind:
            for w in ws:
                m.setdefault(w, mod)
    return m


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    return cues().get(("speech", "reported"), frozenset())


@lru_cache(maxsize=None)
def accord_cues() -> frozenset[str]:
    return cues().get(("accord", "reported"), frozenset())


@lru_cache(maxsize=None)
def occurrence_verbs() -> frozenset[str]:
    return cues().get(("occurrence", "asserted"), frozenset())


@lru_cache(maxsize=None)
def performative_verbs() -> frozenset[str]:
    return cues().get(("performative", "asserted"), frozenset())


def _is_speech(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and lemma(tok) in speech_verbs()


def own_performative(tok):
    """'declared a state of emergency', 'proclaimed martial law': a speech verb whose object is the trigger
    noun performs the act (it is the event's own verb), it does not report it. The verb, or None."""
    h = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and h is not tok \
            and h.pos_ in ("VERB", "AUX") and lemma(h) in performative_verbs():
        return h
    return None


def _same(a, b) -> bool:
    return a is not None and b is not None and a.i == b.i


def _in_subject(verb, tok) -> bool:
    """Is ``tok`` inside the subject of ``verb`` ("the chairman of a committee investigating X said ...")?"""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.left_edge.i <= tok.i <= c.right_edge.i
               for c in verb.children)


def governors(tok) -> list:
    """The trigger's chain of governors (nearest first), through clausal complements, coordination,
    copulas and light verbs; stops at relative clauses and at the sentence root."""
    out = []
    node = tok
    for _ in range(8):
        head = node.head
        if head is node:
            break
        dep = node.dep_
        if dep in CHAIN:
            pass
        elif dep in ("dobj", "nsubjpass") and node.pos_ in ("NOUN", "PROPN") and node is tok:
            pass  # noun trigger as the object of a light verb
        elif dep == "nsubj" and node.pos_ in ("NOUN", "PROPN") and node is tok and lemma(head) in occurrence_verbs():
            pass  # noun trigger as the subject of a verb of occurrence or a copula ("clashes could erupt"); not of
            # any other predicate ("new criticism could make it harder": the criticism is there)
        elif dep in ("dobj", "pobj", "nsubjpass") and node.pos_ == "NOUN" and \
                lemma(node) in R.words("message_nouns.txt"):
            pass  # "denied reports that troops shelled ...", "rejected accusations of bombing"
        elif dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN",) and \
                lemma(head.head) in _cue("governor"):
            out.append(head)  # "an attempt at ..." -> through the preposition
            head = head.head
        else:
            break
        out.append(head)
        node = head
        if lemma(head) in speech_verbs() and head.pos_ in ("VERB", "AUX") and not _same(head, own_performative(tok)):
            break
    return out


@dataclass
class Modality:
    modality: str
    negated: bool
    speaker: object | None  # the token heading the attribution phrase, or None
    speech: object | None  # the speech verb token
    cues: frozenset = frozenset()  # every modality cue found (e.g. future under a hypothetical)


def _speech_subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    for c in verb.children:  # "quoted as saying" chains: 'saying' under 'quoted'
        pass
    if verb.dep_ in ("xcomp", "advcl", "pcomp") and verb.head is not verb:
        return _speech_subject(verb.head) if lemma(verb.head) in speech_verbs() else None
    return None


def _accord(tok):
    """'according to X' / 'quoting X' under tok -> X."""
    for c in tok.children:
        if lemma(c) in ("accord",) or c.lower_ == "according":
            for p in c.children:
                for g in p.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def attribution(tok):
    """(speaker token, speech verb) for the reporting frame governing ``tok``, if any."""
    sent = tok.sent
    ancestors = list(tok.ancestors)
    own = own_performative(tok)
    # not the trigger's own performative verb ("declared a state of emergency"), nor a speech verb whose
    # subject holds the trigger ("the chairman of a committee investigating X said ...")
    speech = [a for a in ancestors if lemma(a) in speech_verbs() and a.pos_ in ("VERB", "AUX")
              and not _same(a, own) and not _in_subject(a, tok)]
    root = sent.root
    if not speech:
        # "X did Y, the daily said": the speech verb hangs off the root as parataxis / ccomp; an adverbial
        # participle with no subject of its own ("..., saying it was too broad") adds to its own clause and
        # reports only what it governs
        for c in root.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and lemma(c) in speech_verbs() and \
                    not (c.left_edge.i <= tok.i <= c.right_edge.i) and not (
                    c.dep_ == "advcl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
                speech.append(c)
    for verb in reversed(speech):  # the outermost speaker
        subj = _speech_subject(verb)
        if subj is not None and subj.lower_ not in ("it", "which", "that", "who"):
            return subj, verb
    for a in [tok] + ancestors:
        x = _accord(a)
        if x is not None:
            return x, a
    for verb in speech:  # "..., quoting a diplomatic source"
        for c in verb.children:
            if c.dep_ == "advcl" and c.lower_ in accord_cues():
                objs = [g for g in c.children if g.dep_ == "dobj"]
                if objs:
                    return objs[0], c
    return (None, speech[0]) if speech else (None, None)


def modality_of(tok) -> Modality:
    gov = governors(tok)
    neg_cues, aux_cues, mark_cues = _cue("neg"), _cue("aux"), _cue("mark")
    gov_cues, nmod_cues = _cue("governor"), _cue("noun_mod")
    found: set[str] = set()
    negated = False
    # the trigger and its governors up to the first speech verb
    own = own_performative(tok)
    scope = [tok] + [g for g in gov if not _is_speech(g) or _same(g, own)]
    under_speech = any(_is_speech(g) and not _same(g, own) for g in gov)
    for node in scope:
        # (negations and subjects sometimes hang off the auxiliary: "We do n't comment")
        kids = list(node.children) + [g for a in node.children if a.dep_ == "aux" for g in a.children]
        for c in kids:
            lc = lemma(c)
            if c.dep_ == "neg" or (c.dep_ == "det" and lc == "no" and node is tok):
                if lc in neg_cues or c.dep_ == "neg":
                    negated = True
            elif c.dep_ in ("aux", "auxpass") and lc in aux_cues:
                m = aux_cues[lc]
                if m == "hypothetical" and lc == "would" and under_speech:
                    m = "future"  # "said it would allow" = reported intention
                found.add(m)
            elif c.dep_ == "mark" and lc in mark_cues:
                found.add(mark_cues[lc])
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and lemma(m) in mark_cues
                                           and mark_cues[lemma(m)] == "hypothetical" for m in c.children):
                found.add("hypothetical")  # "If confirmed, this would be ..."
            elif node is tok and c.dep_ in ("amod", "compound") and lc in nmod_cues:
                found.add(nmod_cues[lc])
            elif node is tok and c.dep_ == "amod" and c.lower_ in nmod_cues:
                found.add(nmod_cues[c.lower_])
    # governing predicates count up to the first adverbial clause ("asked X for protection, attempting
    # to defect": 'ask' does not govern 'defect'; 'attempt' does)
    gov_scope = []
    node = tok
    for g in gov:
        gov_scope.append(g)
        if node.dep_ == "advcl" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children):
            gov_scope.pop()
            break
        node = g
    node = tok
    for g in gov_scope:
        if lemma(g) == "be" and node.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children) \
                and any(c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that", "there", "what") for c in g.children) \
                and not any(c.dep_ in ("acomp", "attr") for c in g.children):
            found.add("future")  # "Cameron is to meet Obama": an arrangement, not yet done
        node = g
    for g in gov_scope:
        lg = lemma(g)
        if lg in gov_cues and (not _is_speech(g) or _same(g, own)):
            m = gov_cues[lg]
            if m == "negated":
                negated = not negated if lg not in ("deny",) else True
            else:
                found.add(m)
    speaker, speech = attribution(tok)
    if speaker is None:  # "The ministry denied reports that its troops shelled ...": the denier
        for g in gov_scope:
            if lemma(g) in R.words("denial_verbs.txt") and g.pos_ == "VERB":
                speaker = next((c for c in g.children if c.dep_ == "nsubj"), None)
                if speaker is not None:
                    speech = g
                    break
    if negated:
        mod = "negated"
    else:
        mod = next((m for m in ORDER if m in found), None)
        if mod is None:
            mod = "reported" if speech is not None or speaker is not None else "asserted"
    return Modality(mod, negated, speaker, speech, frozenset(found))
