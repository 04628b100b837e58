"""The events stage: trigger matching on the dependency parse, frames, roles, modality, attribution,
contexts and confidence. Data files: ``resources/en/events/`` (see docs/ontology.md)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Event, Participant, Span
from . import ontology as O
from . import resources as R
from .lexicon import (CLOSE_QUOTES, Rule, _light_head, forms, lemma, lemma_candidate, match, objects, rules, to_clause,
                      trigger_lemmas, verb_form_candidate)
from .modality import governors, modality_of, speech_verbs
from .repair import repair_inverted_reports
from .roles import (ORGANISATION_NOUNS, PERSONAL, _subject_of, actor_complement, actor_like, antecedent, clause_target,
                    event_noun, expand_conj, fallback_targets, is_passive, noun_roles, np_span, verb_roles)

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.4
MAX_CONJUNCTS = 4
# relations through which a frame trigger ("agreed to resign", "threatened to cut off") owns an
# embedded act; never through its subject or a relative clause
FRAME_DEPS = {"xcomp", "ccomp", "dobj", "prep", "acl", "pcomp", "oprd", "attr"}
FRAME_MODES = {
    "REQUEST": {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet",
                "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist"},
    "REJECT": {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet",
               "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist"},
    "THREATEN": {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict",
                 "PROTEST": "restrict", "MOBILIZE": "violence"},
}
FIRST_PERSON = {"i", "we", "us", "me", "you", "our", "my"}
HOSTILE_ACTS = ("ASSAULT", "COERCE", "SANCTION", "PROTEST")
# types whose doer must itself be political when the text names one (a political target alone is not
# enough: "a child visiting Texas")
ACTOR_DRIVEN = {"CONSULT", "AGREE", "COOPERATE", "CONCEDE", "MOBILIZE"}
# types whose target may be a thing or a place ("shelled the village", "raided the offices",
# "blocked the bridge"); every other type's recipient is an actor ("rejected a formula" has none,
# "funding $100m of emergency aid" has none)
THING_TARGETS = {"ASSAULT", "COERCE", "PROTEST", "DEFECT"}
# plain-people nouns ("arrested three men": they are the recipient) and armed-force nouns (the withdrawn
# force stands for its side): resources/en/events/human_nouns.txt, force_nouns.txt
HUMAN_NOUNS = "human_nouns.txt"
FORCE_NOUNS = "force_nouns.txt"
WEAPON_NOUNS = "weapon_nouns.txt"  # "launched artillery fire against X": the weapon is not the recipient
PARTITIVE_WORDS = "partitive_words.txt"  # "a third of the troops"


def prep_objects_of(tok):
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
INHERENTLY_POLITICAL = {"PROTEST", "SANCTION", "DEFECT", "NUCLEAR_TEST"}


@dataclass
class Candidate:
    tok: object
    rule: Rule
    type: str
    mode: str | None
    absorbed_by: "Candidate | None" = None
    embedded: list = field(default_factory=list)
    light: object = None
    embedded_in_other: bool = False
    denied_by: "Candidate | None" = None  # "rejected accusations of bombing": the bombing is denied


def _political_lemmas() -> frozenset[str]:
    return R.words("agents.txt")


def _actor(ctx, span):
    try:
        from ..actors import actor_for_span
        return actor_for_span(ctx, span)
    except Exception:  # the actors stage must never break event coding
        log.debug("actor_for_span failed", exc_info=True)
        return None


NON_ACTOR_SPANS = "non_actor_spans.txt"


@lru_cache(maxsize=None)
def _patterns(name: str, flags: int = 0) -> tuple:
    """The regular expressions of a one-pattern-a-line data file, compiled once."""
    return tuple(re.compile(f[0], flags) for _, f in R.rows(name))


def non_actor_span(text: str) -> bool:
    """Is this role text page furniture ("1 hr ago Guardian", "co. uk Obama": non_actor_spans.txt)?"""
    return any(p.search(text) for p in _patterns(NON_ACTOR_SPANS, re.I))


COMMENT_MARKERS = "comment_markers.txt"


def comment_start(text: str) -> int:
    """Where the readers' comments under an article begin (comment_markers.txt: a comment header or footer;
    the comments start at the beginning of the line that holds the first one), or len(text)."""
    first = len(text)
    for p in _patterns(COMMENT_MARKERS):
        m = p.search(text)
        if m is not None and m.start() < first:
            first = m.start()
    if first < len(text):
        first = text.rfind("\n", 0, first) + 1
    return first


def _event_key(ev) -> tuple:
    """What an event id hashes (model.event_id): trigger offsets, type and role offsets."""
    return (ev.trigger.start, ev.trigger.end, ev.type, (ev.source.start, ev.source.end) if ev.source else None,
            (ev.target.start, ev.target.end) if ev.target else None)


def dedupe_events(events: list) -> list:
    """One event per id: two events with the same trigger, type and role offsets are one (the most confident
    is kept, in the place of the first)."""
    out, at = [], {}
    for ev in events:
        k = _event_key(ev)
        if k in at:
            if ev.confidence > out[at[k]].confidence:
                out[at[k]] = ev
            continue
        at[k] = len(out)
        out.append(ev)
    return out


def _participant(ctx, span) -> Participant:
    cache = ctx.extra.setdefault("events.actor_cache", {})
    key = (span.start_char, span.end_char)
    if key not in cache:
        cache[key] = _actor(ctx, span)
    return Participant(span.start_char, span.end_char, span.text, cache[key])


def _participant_np(ctx, head) -> Participant:
    """The participant for a role head: its compact noun phrase; when that codes to no actor and
    the head has an apposition ("Kenzo Oshima, the United Nations Emergency Relief Coordinator"),
    the phrase with the apposition."""
    span = np_span(head)
    part = _participant(ctx, span)
    if part.actor is None:
        app = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
        if app is not None:
            wide = head.doc[span.start:np_span(app).end]
            if len(wide) <= 15:
                wpart = _participant(ctx, wide)
                if wpart.actor is not None:
                    return wpart
    return part


def _sentence_political(sent) -> bool:
    agents = _political_lemmas()
    return any(t.ent_type_ in ("GPE", "NORP") or lemma(t) in agents for t in sent)


def _is_political(span, participant: Participant | None) -> bool:
    if len(span) == 1 and span[0].lower_ in PERSONAL:
        if span[0].lower_ in FIRST_PERSON:
            return False  # first/second person: a writer or a reader, not an actor of the news
        return _sentence_political(span.sent)  # a pronoun: political if its sentence is
    act = participant.actor if participant is not None else None
    # a country counts when the phrase names it (or a person / organisation that carries it), not when the
    # actors stage inferred it from the sentence ("17 sick people" in a story about Spain)
    named = any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "LOC") or t.pos_ == "PROPN" for t in span)
    if act is not None and ((act.country and named) or {x.lower() for x in act.sectors or []} & R.words("political_sectors.txt")
                            or (act.kind or "") in ("country", "igo")):
        return True
    agents = _political_lemmas()
    for t in span:
        # GPE / NORP always; an ORG only when the actors stage codes it (bands, firms, misparses)
        if t.ent_type_ in ("GPE", "NORP"):
            return True
        # a people or a nationality the NER missed: "Serbs", "Bosnian Serbs", "Kurdish fighters"
        if t.tag_ == "NNPS" or (t.tag_ == "JJ" and t.is_title and t.dep_ == "amod" and not t.is_sent_start):
            return True
        if lemma(t) in agents or t.lower_ in agents:
            return True
    return False


def _embedded_in(frame_tok, tok, deps=None) -> bool:
    """Is ``tok`` inside the complement of ``frame_tok`` (its to-clause, that-clause, object or
    prepositional object), and not in its subject, an adverbial clause or a relative clause?"""
    deps = deps or FRAME_DEPS
    node = tok
    for _ in range(6):
        if node.head is node:
            return False
        if node.head.i == frame_tok.i:
            return node.dep_ in deps or to_clause(node)
        if node.dep_ in ("relcl", "nsubj", "nsubjpass", "parataxis") or (node.dep_ == "advcl" and not to_clause(node)):
            return False
        node = node.head
    return False


def _purpose_of(tok, anchor) -> bool:
    """'... demonstrated in Kirkuk calling for independence', '... staged rallies to demand reforms'."""
    node = tok
    for _ in range(4):
        if node.head is node:
            return False
        if node.dep_ not in ("advcl", "acl", "xcomp", "prep", "pcomp", "pobj", "conj", "dobj"):
            return False
        node = node.head
        if node.i == anchor.i:
            return True
    return False


class EventExtractor:
    """``EventExtractor()(ctx)`` fills ``ctx.events``."""
    name = "events"

    def __init__(self, min_confidence: float = MIN_CONFIDENCE):
        self.min_confidence = min_confidence
        self.version = O.VERSION
        self._cand_memo: dict = {}  # lemma hash / ("verb", lower hash) -> prefilter answer; see _candidates

    def __call__(self, ctx) -> None:
        doc = ctx.doc
        ctx.events = []
        if doc is None or not len(doc):
            return
        ctx.extra.pop("events.actor_cache", None)
        lemmas = trigger_lemmas()
        flags = self._candidates(doc, lemmas)
        comments = comment_start(doc.text)
        for sent in list(doc.sents):
            if sent.start_char >= comments:
                break  # readers' comments under the article ("At 11:35 am on 18 Jan 2010 , Nikolas wrote : ...")
            # cheap prefilter: only sentences holding a trigger lemma are examined
            toks = [doc[i] for i in range(sent.start, sent.end) if flags[i]]
            if toks and repair_inverted_reports(sent):  # "X is doing Y, a rights group alleged"
                sent = doc[sent.start:sent.end]
            if toks:
                ctx.events.extend(self.sentence_events(ctx, sent, toks))
        ctx.events = dedupe_events(ctx.events)  # no article ever has two events with one id

    def _candidates(self, doc, lemmas: frozenset[str]) -> list[bool]:
        """``candidate(tok, lemmas)`` for every token of the doc, worked out once per distinct lemma (and,
        for verbs the lemma does not admit, once per distinct surface form) from the token arrays instead
        of once per Token; answers are memoized across articles by string hash."""
        import numpy as np
        from spacy.attrs import LEMMA, POS
        from spacy.parts_of_speech import VERB
        memo = self._cand_memo
        if memo.get(None) is not lemmas or len(memo) > 500_000:
            memo.clear()
            memo[None] = lemmas
        lem = doc.to_array(LEMMA)
        uniq, first, inv = np.unique(lem, return_index=True, return_inverse=True)
        ok = []
        for h, i in zip(uniq.tolist(), first.tolist()):
            v = memo.get(h)
            if v is None:
                v = memo[h] = lemma_candidate(doc[i].lemma_, lemmas)
            ok.append(v)
        flags = np.array(ok, dtype=bool)[inv.reshape(-1)]
        for i in np.flatnonzero(~flags & (doc.to_array(POS) == VERB)).tolist():
            tok = doc[i]
            key = ("verb", tok.lower)
            v = memo.get(key)
            if v is None:
                v = memo[key] = verb_form_candidate(tok.lower_, lemmas)
            flags[i] = v
        return flags.tolist()

    # -- one sentence -------------------------------------------------------------------------
    def sentence_events(self, ctx, sent, toks) -> list[Event]:
        cands: list[Candidate] = []
        for t in toks:
            rule = match(t)
            if rule is not None:
                c = Candidate(t, rule, rule.type, rule.mode)
                if t.pos_ in ("NOUN", "PROPN"):
                    c.light = _light_head(t)
                cands.append(c)
        if not cands or _direct_question(sent):
            return []  # "Will BP reimburse the Navy ?", "Did BP ask regulators ... ?": a question asserts no event
        self._frames(cands)
        lems = [lemma(t) for t in sent]
        sent_lemmas = set(lems)
        bigrams = {f"{a}_{b}" for a, b in zip(lems, lems[1:])}
        contexts = O.contexts_for(sent_lemmas, bigrams)
        out: list[Event] = []
        built: dict[int, list[Event]] = {}
        for c in cands:
            if c.absorbed_by is not None:
                continue
            evs = self._build(ctx, sent, c, contexts)
            built[c.tok.i] = evs
        self._merge(cands, built)
        _elided_recipients(sent.doc, built)
        for evs in built.values():
            out.extend(e for e in evs if e.confidence >= self.min_confidence)
        return out

    def _frames(self, cands: list[Candidate]) -> None:
        """Frame triggers (agree, threaten, demand, refuse, ...) absorb the acts embedded under them;
        an 'intent' frame takes its type from the embedded act (vowed to attack -> THREATEN)."""
        frames = [c for c in cands if "frame" in c.rule.flags]
        for f in frames:
            anchors = [(f.tok, None)]
            if "modal" in f.rule.flags:  # "X must do Y": the must-clause is the demanded act
                anchors = [(f.tok.head, None)]
            if f.light is not None:
                anchors.append((f.light, {"ccomp", "xcomp"}))
            for c in cands:
                if c is f or c.absorbed_by is not None or "frame" in c.rule.flags and c.tok.i < f.tok.i:
                    continue
                if any(c.tok.i == a.i or _embedded_in(a, c.tok, d) for a, d in anchors):
                    if f.type == "REJECT" and _under_message(c.tok, f.tok):
                        c.denied_by = f  # the act the rejected accusation is about stays, denied
                        continue
                    c.absorbed_by = f
                    f.embedded.append(c)
        # an act inside another event's clause (not a frame's) is less certain to be the news
        for c in cands:
            if c.absorbed_by is None:
                gov = {g.i for g in governors(c.tok)}
                c.embedded_in_other = any(o is not c and o.tok.i in gov for o in cands)
        # PLOVER: the demand voiced by a protest is not a separate event
        for p in [c for c in cands if c.type == "PROTEST" and c.absorbed_by is None]:
            for c in cands:
                if c.type == "REQUEST" and c.absorbed_by is None and (
                        _purpose_of(c.tok, p.tok) or (p.light is not None and _purpose_of(c.tok, p.light))):
                    c.absorbed_by = p
        for f in frames:
            if not f.embedded:
                continue
            inner = f.embedded[0].type
            if "intent" in f.rule.flags:
                if inner in O.HOSTILE:
                    f.type, f.mode = "THREATEN", FRAME_MODES["THREATEN"].get(inner)
                elif inner in O.COOPERATIVE or inner in O.YIELDING:
                    f.type, f.mode = "AGREE", None
            elif f.type in FRAME_MODES and f.mode is None:
                f.mode = FRAME_MODES[f.type].get(inner)

    def _build(self, ctx, sent, c: Candidate, contexts: list[str]) -> list[Event]:
        tok, rule = c.tok, c.rule
        slots = rule.target or O.target_slots().get(c.type, ())
        slots = tuple(s for s in slots if s != "-")
        if "modal" in rule.flags:
            src, tgt = _modal_roles(tok)
            if tgt is None or not actor_like(tgt, False):
                return []  # "the weight must be enough", "researchers must purify the sample": necessity, no demand
                # (nor "claims which the government said the company must meet": a firm named by a common noun)
        elif tok.pos_ == "VERB" or tok.pos_ == "ADJ":
            vtok = tok
            if tok.pos_ == "ADJ" and tok.head.pos_ in ("AUX", "VERB"):
                vtok = tok.head  # "it is willing to ..."
            src, tgt = verb_roles(vtok, slots, actors_only=c.type not in THING_TARGETS)
            if "stative" in rule.flags:  # "Israel is opposed to ...": the passive subject is the doer
                subj = next((x for x in vtok.children if x.dep_ == "nsubjpass"), None)
                if subj is not None:
                    src = subj
                    if tgt is not None and tgt.i == subj.i:
                        tgt = None
        else:
            light = c.light if (c.light is not None and (any(x.rel == "light" for x in rule.when)
                                                         or forms(c.light) & R.words("light_verbs.txt"))) else None
            src, tgt = noun_roles(tok, slots, "patientposs" in rule.flags, light, "ofsource" in rule.flags)
        if tgt is None and "frame" in rule.flags:
            tgt = _frame_target(c, slots)
        if _accident_participle(tok):
            return []  # "a rig exploded on April 20, killing 11 workers": the accident kills, no one attacks
        if (c.type in ("MOBILIZE", "RETREAT") or (c.type, c.mode) == ("SANCTION", "withdraw")) and src is None \
                and tok.pos_ == "VERB":
            # "Troops were deployed to the border", "guerrillas have been demobilized", "peacekeepers were
            # withdrawn from Bosnia": the mobilised or withdrawn force stands for its side
            force = next((x for x in tok.children if x.dep_ == "nsubjpass"), None)
            if force is not None and c.type != "MOBILIZE" and lemma(force) not in R.words(FORCE_NOUNS) and not (
                    lemma(force) in R.words(PARTITIVE_WORDS)
                    and any(lemma(o) in R.words(FORCE_NOUNS) for o in prep_objects_of(force))):
                force = None
            if force is not None:
                src = antecedent(force)
                if tgt is not None and tgt.i == src.i:
                    tgt = None
        mod = modality_of(tok)
        if "negonly" in rule.flags:
            if not mod.negated:
                return []
            mod.modality, mod.negated = ("reported" if mod.speaker is not None else "asserted"), False
        if c.denied_by is not None:
            denier = _subject_of(c.denied_by.tok) if c.denied_by.tok.pos_ == "VERB" else None
            mod.modality, mod.negated = "negated", True
            mod.speaker = denier if denier is not None else mod.speaker
        typ, mode = c.type, c.mode
        # PLOVER: future cooperative acts are AGREE, future hostile acts THREATEN, announced future
        # retreats CONCEDE; refusing to cooperate is REJECT
        remapped = False
        modal_hyp = "hypothetical" in mod.cues and _has_modal(tok)
        if ("future" in mod.cues or (modal_hyp and typ in HOSTILE_ACTS)) and not mod.negated \
                and "frame" not in rule.flags:
            if typ in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
                typ, mode, remapped = "AGREE", None, True
            elif typ in HOSTILE_ACTS:
                mode = FRAME_MODES["THREATEN"].get(typ)
                typ, remapped = "THREATEN", True
            elif typ == "RETREAT":
                typ, mode, remapped = "CONCEDE", None, True
        if mod.negated and (typ in ("AGREE", "CONCEDE") or
                            (typ in O.COOPERATIVE | O.YIELDING and _has_future(tok))):
            typ, mode = "REJECT", mode if mode in ("assist", "change", "yield", "meet") else None
            remapped = True
        srcs = expand_conj(src)[:MAX_CONJUNCTS] if src is not None else [None]
        tgts = expand_conj(tgt)[:MAX_CONJUNCTS] if tgt is not None else [None]
        if src is not None and tgt is not None and any(x.i == tgt.i for x in srcs):
            srcs, tgts = [src], [tgt]  # "clashes between X and Y": one event, X against Y
        attribution = None
        if mod.speaker is not None and not (mod.speaker.left_edge.i <= tok.i <= mod.speaker.right_edge.i):
            sp = np_span(mod.speaker)
            attribution = _participant(ctx, sp)
        trig_end = tok.i + 1
        for ch in tok.children:
            if ch.dep_ == "prt" and ch.i == trig_end:
                trig_end += 1
        trig = tok.doc[tok.i:trig_end]
        et = O.types().get(typ)
        plover = et.plover if et else typ
        cameo_default = rule.cameo if typ == rule.type else (et.cameo if et else None)
        cameo = O.cameo_for(typ, mode, contexts, cameo_default)
        ev_contexts = list(contexts)
        if typ == "NUCLEAR_TEST" and "cbrn" not in ev_contexts and mode == "nuclear":
            ev_contexts.append("cbrn")
        if typ == "DEFECT" and mode == "asylum" and "asylum" not in ev_contexts:
            ev_contexts.append("asylum")
        out = []
        # every source conjunct's tokens: one conjunct is never another's recipient ("The US Navy and the
        # National Guard have been mobilised")
        all_src = {k for x in srcs if x is not None for sp in (np_span(x),) for k in range(sp.start, sp.end)}
        hearers = list(objects(tok)) + [d for d in tok.children if d.dep_ == "dative"]  # a warning's hearers
        for s in srcs:
            for t in tgts:
                if t is not None and typ == "MOBILIZE" and _mobilized(t):
                    t = None  # "sending 4,000 more troops": the force sent is no recipient
                if t is not None and _media_venue(ctx, t):
                    t = None  # "condemned ... on ABC television": where it was said
                sspan = np_span(s) if s is not None else None
                tspan = np_span(t) if t is not None else None
                sp = _participant_np(ctx, s) if s is not None else None
                tp = _participant_np(ctx, t) if t is not None else None
                if sp is not None and non_actor_span(sp.text):
                    s, sspan, sp = None, None, None  # "1 hr ago Guardian": a headline list, no actor
                if tp is not None and non_actor_span(tp.text):
                    t, tspan, tp = None, None, None
                if sspan is not None and _non_agent(sspan) and not _weapon_made(sspan):
                    continue  # "The earthquake killed 200 people"; "a car bomb explosion" is an attack
                if sspan is not None and sspan.text.lower() in FIRST_PERSON:
                    continue  # "we are asking readers ...": the writer, or an unresolved quote
                src_political = sspan is not None and _is_political(sspan, sp)
                political = src_political or (tspan is not None and _is_political(tspan, tp))
                if sspan is not None and not src_political and typ in ACTOR_DRIVEN and \
                        sspan.root.ent_type_ not in ("PERSON", "ORG"):
                    # "a Mexican child visiting Texas": the doer must be political (a named person or
                    # organisation acting towards a political target is)
                    political = False
                if "ambig" in rule.flags and political and not src_political and sspan is not None \
                        and len(sspan) == 1 and sspan[0].lower_ in PERSONAL:
                    political = tspan is not None and not (len(tspan) == 1 and tspan[0].lower_ in PERSONAL) \
                        and _is_political(tspan, tp)
                if "needembedded" in rule.flags and not c.embedded and (
                        t is None or not actor_like(t, False) or not any(x.i == t.i for x in hearers)):
                    # "warned people not to shake hands" is no threat; nor "warned that the stricken ship was a
                    # bomb": with no act in the warning, a threat needs its hearer as the object, and a political one
                    # ("warning the company in a letter: we need transparency" is a demand)
                    continue
                if "needembedded" in rule.flags and c.embedded and all(_foretold_danger(e.tok) for e in c.embedded):
                    continue  # "warned that the storm could kill thousands": a danger foretold, no threat
                if "needtarget" in rule.flags and (t is None or not actor_like(t, False)):
                    continue  # "visited the grounds of one hospital" is no CONSULT
                if not political and ("ambig" in rule.flags or typ not in INHERENTLY_POLITICAL):
                    continue  # PLOVER codes political actors; "Chopin met George Sand" is no event
                conf = 0.55
                if rule.specific:
                    conf += 0.1
                if "ambig" in rule.flags:
                    conf -= 0.05
                if remapped:
                    conf -= 0.1  # the type came from modality (future -> AGREE/THREATEN/CONCEDE)
                if _polysemous(rule):
                    conf -= 0.05
                if c.embedded_in_other:
                    conf -= 0.05
                if _main_clause(tok):
                    conf += 0.05  # the sentence's own news, not a background clause
                if sp is not None:
                    conf += 0.1
                if tp is not None:
                    conf += 0.05
                if political:
                    conf += 0.1
                elif typ not in INHERENTLY_POLITICAL:
                    conf -= 0.2
                if sp is None and tp is None:
                    conf -= 0.10 if typ == "PROTEST" else 0.25
                if tok.pos_ in ("NOUN", "PROPN") and c.light is None and sp is None:
                    conf -= 0.05
                if len(srcs) > 1 or len(tgts) > 1:
                    conf -= 0.03
                if tp is not None and tp.text.lower() in FIRST_PERSON:
                    conf -= 0.2  # "protecting us": the writer, rarely news
                if t is not None and tp is not None and tp.actor is None and t.lower_ in ("it", "its", "their"):
                    # "a reminder to Iraq that it must cooperate": a pronoun recipient is the nearest
                    # preceding country or organisation (not the doer); "insisted on its demands that X ...":
                    # a possessive is the doer's own, so the recipient is looked for in the complement
                    tp = _pronoun_recipient(ctx, t, sspan) if t.lower_ == "it" else None
                    if tp is None and "frame" in rule.flags:
                        ft = _frame_target(c, slots)
                        if ft is not None and ft.lower_ not in PERSONAL:
                            tp = _participant_np(ctx, ft)
                weapon = typ in ("ASSAULT", "THREATEN") and t is not None and lemma(t) in R.words(WEAPON_NOUNS)
                if (tp is None or tp.actor is None or weapon
                        or (not tp.actor.country and t is not None and not actor_like(t))) \
                        and not (t is not None and (lemma(t) in R.words(HUMAN_NOUNS) or (
                            t.pos_ == "NOUN" and lemma(t) in R.words(ORGANISATION_NOUNS)))):
                    # "arrested three men", "asked donors to focus on ...": the object is the target as it stands
                    # no recipient, a thing ("shelled targets in Jericho"), or a thing the actors stage
                    # read a sector into ("boycott all official contact with the United States"): look inside
                    # the event's own complement for an actor or a place (the event and its confidence stay)
                    fb = _fallback_participant(ctx, c, sspan, t, all_src)
                    if fb is not None and t is not None and len(tgts) > 1 and any(
                            o.i != t.i and _overlaps(fb, np_span(o)) for o in tgts if o is not None):
                        # "urged donor countries and institutions to ...", "criticised X and Y": one conjunct
                        # never takes another's span (two identical events, the other target lost)
                        fb = None
                    if fb is not None and t is not None and lemma(t) in R.words(INHABITED_PLACES) \
                            and t.left_edge.idx <= fb.start and fb.end <= t.right_edge.idx + len(t.right_edge):
                        # "retook a village in western Cambodia": the village, in that country
                        tp = _located_place(t, fb)
                    elif fb is not None:
                        tp = fb
                    elif weapon:
                        tp = None  # "launched artillery": the weapon is no recipient
                if sp is None and typ in STATE_ACTS | {"ASSAULT"} and ((tok.pos_ == "VERB" and is_passive(tok)) or (
                        c.light is not None and c.light.pos_ == "VERB" and is_passive(c.light))):
                    # "was arrested in Lebanon", "was put under investigation in Italy": with no agent, the
                    # state acts where it happens (CAMEO); the place's country, coded as a place.
                    # "was killed in a car bomb explosion": the weapon, an unidentified armed force (UAF)
                    sp = _place_source(ctx, tok, c.light, tp, weapons_only=typ == "ASSAULT")
                if tp is not None and tp.actor is not None and not tp.actor.sectors:
                    tp = _possessor_recipient(ctx, tp, sent)
                if tp is not None and tp.actor is not None and not tp.actor.sectors:
                    tp = _inhabited_recipient(ctx, tp, typ, mode, sent)
                if t is not None and tp is not None and (tp.start, tp.end) == (tspan.start_char, tspan.end_char) \
                        and typ not in ("ASSAULT",) and event_noun(t):
                    # "launched an investigation into the rig explosion", "banned deep water drilling", "seized
                    # power": an event, an activity or a thing is no recipient (an attack's may be: "bombed
                    # a pipeline"); its possessor or by / of / from actor is ("BP's cashflow position", "the
                    # logic of the president")
                    owner = actor_complement(t)
                    tp = _participant_np(ctx, antecedent(owner)) if owner is not None and owner.lower_ not in PERSONAL \
                        and not (sspan is not None and sspan.start <= owner.i < sspan.end) else None
                if t is not None and tp is None:
                    conf -= 0.05  # an object or oblique that codes to no recipient: the roles are unsure
                conf -= AMBIGUITY_STEP * max(0, _type_count(rule) - 2)  # "hold": many types in the lexicon
                if mod.modality == "future":
                    conf -= FUTURE_PENALTY  # an announced act, not one that happened
                    if typ in BORDER_TYPES_FUTURE:
                        conf -= BORDER_PENALTY  # "will release / allow / withdraw": CONCEDE or AGREE (a promise)
                if sp is not None or tp is not None:
                    # "a gunman shot two people in Texas": an unidentified armed actor the text marks as a
                    # criminal is CRM (the event and its type stay)
                    sp, tp = _criminal(sp, tp, sent, ev_contexts), _criminal(tp, sp, sent, ev_contexts)
                if "ambig" in rule.flags and typ == "THREATEN" and not any(
                        _named_participant(sent.doc, p) for p in (sp, tp)) \
                        and not any(x is not None and x.lower_ in PERSONAL for x in (s, t)):
                    # an ambiguous threat ("warn") needs a political participant: one the actors stage codes,
                    # or one headed by a name or an agent noun; a headline's title case is no nationality
                    # ex: "Dispersant used - scientists warn it may kill marine life Huge dome placed over leak"
                    #     -> no THREATEN (source "Dispersant", target "Huge dome": neither is an actor)
                    continue
                ev = Event(
                    type=typ, trigger=Span(trig.start_char, trig.end_char, trig.text),
                    sentence=Span(sent.start_char, sent.end_char, ""), mode=mode,
                    contexts=list(ev_contexts), cameo=cameo, source=sp, target=tp,
                    modality=mod.modality, attribution=attribution,
                    confidence=max(0.05, min(0.99, conf)),
                    plover_type=plover if plover != typ else None, negated=mod.negated,
                    reporting="reporting" in rule.flags, ontology_version=self.version,
                    head_token=tok.i)
                out.append(ev)
        return out

    def _merge(self, cands: list[Candidate], built: dict[int, list[Event]]) -> None:
        """Two triggers of one type where one is an argument of the other ("a roadside bombing
        killed ...") are one event: keep the governing one, take the roles it lacks."""
        by_i = {c.tok.i: c for c in cands if c.absorbed_by is None}
        for i, c in by_i.items():
            head = c.tok.head
            if head.i == i or head.i not in by_i or i not in built or head.i not in built:
                continue
            hevs, cevs = built[head.i], built[i]
            if not hevs or not cevs or hevs[0].type != cevs[0].type:
                continue
            if c.tok.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass", "attr"):
                for hev in hevs:
                    if c.tok.dep_ == "nsubj" or (hev.source and hev.source.start <= c.tok.idx < hev.source.end):
                        hev.source = cevs[0].source
                    if hev.target is None:
                        hev.target = cevs[0].target
                built[i] = []


WEAPON_SENSES = "weapon_senses.tsv"


@lru_cache(maxsize=1)
def _weapon_senses() -> dict[str, frozenset[str]]:
    return {f[0].lower(): frozenset(R.split_list(f[1])) for _, f in R.rows(WEAPON_SENSES) if len(f) > 1}


def _is_weapon(tok) -> bool:
    """A weapon noun (weapon_nouns.txt); one with an everyday sense (weapon_senses.tsv: gas, mine) only with a
    weapon modifier ("tear gas", "a land mine")."""
    lem = lemma(tok)
    if lem not in R.words(WEAPON_NOUNS):
        return False
    quals = _weapon_senses().get(lem)
    if quals is None:
        return True
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if tok.i > 0 and tok.doc[tok.i - 1].dep_ in ("compound", "amod", "nmod"):
        mods.append(tok.doc[tok.i - 1])  # "a land mine explosion": both words modify the head
    return any(lemma(c) in quals or c.lower_ in quals for c in mods)


def _weapon_made(span) -> bool:
    """A cause made by a weapon ("a car bomb explosion", "the explosion of a roadside bomb"): a weapon
    (weapon_nouns.txt) modifies the head or is its of-complement, so it is an attack's doer, not an accident
    ("a gas plant explosion": the gas qualifies the plant, and is no weapon there)."""
    root = span.root
    near = [c for c in root.children if c.dep_ in ("compound", "amod", "nmod") and c.i < root.i]
    near += [g for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return any(_is_weapon(t) for t in near if span.start <= t.i < span.end)


def _foretold_danger(tok) -> bool:
    """An act warned of whose doer is no actor ("warned economic discontent could threaten social stability",
    "warned that the storm could kill thousands"): a danger, not a threat. An act with no doer named ("warned
    that any attack would be met with force") or with an actor as doer ("warned that police will no longer
    tolerate rallies") is not."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "ccomp":  # "warned economic discontent could ...": the parser made the
        # clause's subject the object of "warned"
        subj = next((o for o in tok.head.children if o.dep_ == "dobj" and o.right_edge.i + 1 == tok.left_edge.i),
                    None)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and not actor_like(subj) \
        and subj.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON")


def _non_agent(span) -> bool:
    """The source phrase is headed by a non-agent (non_agents.txt), or is a modifier the parser made the head of
    one ("The Deepwater Horizon drilling rig explosion killed ...", read as "drilling" with "explosion" as its
    object)."""
    root = span.root
    if root.lemma_.lower() in R.words("non_agents.txt"):
        return True
    return root.pos_ == "NOUN" and root.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and c.left_edge.i == span.end and c.lemma_.lower() in R.words("non_agents.txt")
        for c in root.children)  # the object's phrase starts right after the "subject": one noun phrase


QUOTE_OR_BRACKET = {*CLOSE_QUOTES, "-RRB-", ")"}


def _direct_question(sent) -> bool:
    """The sentence is a direct question: its last word-level token (after closing quotes or brackets) is "?"."""
    for t in reversed(sent):
        if t.is_space or t.text in QUOTE_OR_BRACKET:
            continue
        return t.text == "?"
    return False


ACCIDENT_VERBS = "accident_verbs.txt"


def _accident_participle(tok) -> bool:
    """An adverbial participle ("..., killing 11 workers") whose clause is an accident: its head, or a clause
    before it under that head, is a verb of accident (accident_verbs.txt: explode, crash, collapse ...) whose
    subject is neither an actor nor a weapon ("a rig exploded, killing"; "a car bomb exploded, killing" and "a
    suicide bomber blew himself up, killing" stay attacks)."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or tok.dep_ != "advcl" or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    head = tok.head
    verbs = [head] + [c for c in head.children if c.dep_ in ("advcl", "conj") and c.i < tok.i]
    for v in verbs:
        if lemma(v) not in R.words(ACCIDENT_VERBS):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            subj = antecedent(subj)
        if subj is not None and (actor_like(subj) or _is_weapon(subj) or
                                 any(_is_weapon(m) for m in subj.children if m.dep_ in ("compound", "amod"))):
            continue
        return True
    return False


MEDIA_VENUES = "media_venues.txt"
MEDIA_PREPS = ("on", "in")


@lru_cache(maxsize=1)
def _media_venues() -> dict[str, bool]:
    """venue noun -> whether it needs a named media outlet in its phrase (media_venues.txt)."""
    return {f[0].lower(): len(f) > 1 and f[1] == "named" for _, f in R.rows(MEDIA_VENUES)}


def _med(ctx, tok) -> bool:
    part = _participant_np(ctx, tok)
    return part.actor is not None and "MED" in (part.actor.sectors or [])


def _named_outlet(tok) -> bool:
    """A "named" venue noun whose modifiers name a media outlet or a show and nothing else ("ABC's Good Morning
    America program", "the BBC's Newsnight programme"; not "Iran's nuclear program")."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
    mods += [g for c in mods for g in c.subtree if g.dep_ in ("compound", "flat") and g.i != c.i]
    return bool(mods) and not any(m.pos_ != "PROPN" or m.ent_type_ in ("GPE", "NORP", "LOC") for m in mods)


def _media_venue(ctx, tok) -> bool:
    """A media venue as a role filler: the object of "on" / "in" headed by a media_venues.txt noun ("on ABC
    television", "in an interview"; a "named" noun only with a media outlet in the phrase: "on ABC's Good
    Morning America program"), an object of "on" / "in" under such a noun ("an interview on CNN"), or an
    organisation the actors stage codes as media (MED) after "on" ("said on ABC")."""
    venues = _media_venues()
    if tok.dep_ in ("compound", "poss", "nmod") and lemma(tok.head) in venues:
        tok = tok.head  # "ABC" in "on ABC television"
    if tok.dep_ != "pobj" or tok.head.lower_ not in MEDIA_PREPS:
        return False
    lem = lemma(tok)
    if lem in venues:
        return not venues[lem] or _named_outlet(tok)
    host = tok.head.head
    if host.pos_ in ("NOUN", "PROPN") and lemma(host) in venues:
        return True  # "an interview on CNN"
    return tok.head.lower_ == "on" and tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART") and _med(ctx, tok)


def _mobilized(tok) -> bool:
    """The force or equipment a MOBILIZE trigger moves ("sent 4,000 more troops", "sending several cutters"):
    a force noun (force_nouns.txt), a partitive of one, or a weapon."""
    if lemma(tok) in R.words(FORCE_NOUNS) or lemma(tok) in R.words(WEAPON_NOUNS):
        return True
    return any(lemma(o) in R.words(FORCE_NOUNS) for o in prep_objects_of(tok))


def _named_participant(doc, part: Participant | None) -> bool:
    """A participant that codes to an actor, or whose head is a named entity or an agent noun."""
    if part is None:
        return False
    if part.actor is not None:
        return True
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or lemma(root) in _political_lemmas()


def _overlaps(part: Participant, span) -> bool:
    return part.start < span.end_char and span.start_char < part.end


def _numeric_object(tok) -> bool:
    """The verb's object is a bare number ("arresting 12", "killing or wounding 50"): its noun is elided."""
    objs = [o for o in tok.children if o.dep_ == "dobj"]
    if not objs:  # "killing or wounding 50": the object of the last conjunct is shared
        objs = [o for v in tok.conjuncts if v.i > tok.i and v.pos_ == "VERB" for o in v.children if o.dep_ == "dobj"]
    return bool(objs) and all(o.pos_ == "NUM" and not any(g.pos_ in ("NOUN", "PROPN") for g in o.children)
                              for o in objs)


def _elided_recipients(doc, built: dict[int, list[Event]]) -> None:
    """"opened fire to disperse the demonstrators, killing one person and arresting 12": an event whose
    object is a bare number takes the recipient of the event that governs its clause (12 of them); a verb
    with no object coordinated with one that has ("shot and killed a police officer") shares it."""
    for i, evs in built.items():
        for ev in evs:
            if ev.target is not None or ev.head_token is None:
                continue
            tok = doc[ev.head_token]
            if tok.pos_ != "VERB":
                continue
            if not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                # "shot and killed a police officer", "arrested and deported two journalists": the object of
                # the next coordinated verb is shared
                nxt = next((v for v in tok.conjuncts if v.i > tok.i and v.pos_ == "VERB"
                            and any(c.dep_ == "dobj" for c in v.children)), None)
                if nxt is not None:
                    obj = next(c for c in nxt.children if c.dep_ == "dobj")
                    shared = next((g.target for g in built.get(nxt.i, []) if g.target is not None
                                   and g.target.start <= obj.idx < g.target.end), None)
                    if shared is not None:
                        ev.target = shared
                        continue
            if not _numeric_object(tok):
                continue
            for anc in tok.ancestors:
                # the governing event's trigger is the ancestor or its object ("opened fire")
                gov = next((g for evs2 in built.values() for g in evs2
                            if g.target is not None and g.target.actor is not None and g.head_token is not None
                            and (g.head_token == anc.i or (doc[g.head_token].head.i == anc.i
                                                           and doc[g.head_token].dep_ == "dobj"))), None)
                if gov is not None:
                    ev.target = gov.target
                    break


def _frame_target(c: Candidate, slots):
    """The recipient of a frame event is often inside its complement: "demanded that the US cancel
    ..." (the subject of the that-clause), "threatened to cut off electricity to Nakhichevan" (the
    embedded act's recipient)."""
    heads = [c.tok] + ([c.light] if c.light is not None else [])
    if c.type == "REQUEST":
        for h in heads:
            for ch in h.children:
                if ch.dep_ in ("ccomp", "acl") and ch.pos_ in ("VERB", "AUX"):
                    subj = next((g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and actor_like(subj):
                        return antecedent(subj)
    for e in c.embedded:
        eslots = e.rule.target or O.target_slots().get(e.type, ())
        if e.tok.pos_ == "VERB":
            _, t = verb_roles(e.tok, tuple(x for x in eslots if x != "-"), actors_only=True)
        else:
            _, t = noun_roles(e.tok, tuple(x for x in eslots if x != "-"), "patientposs" in e.rule.flags)
        if t is not None and actor_like(t):
            return t
    for h in heads:
        for ch in h.children:
            if to_clause(ch) and ch.pos_ in ("VERB", "AUX") and not any(e.tok.i == ch.i for e in c.embedded):
                t = clause_target(ch)
                if t is not None:
                    return t
    return None


# physical acts whose populated-place recipient stands for its people (CVL); THREATEN by the mode threatened
INHABITANT_TYPES = {"ASSAULT", "COERCE", "AID"}
INHABITANT_THREATS = {"violence", "restrict"}
INHABITED_PLACES = "inhabited_places.txt"


def _located_place(t, where: Participant) -> Participant:
    """A populated place named by a common noun ("a strategic village") coded with the country of the place
    its own modifiers name ("in western Cambodia"); no sector here (see _inhabited_recipient)."""
    from ..actors import actor_id
    from ..model import Actor
    span = np_span(t)
    a = Actor(name=span.text, country=where.actor.country, sectors=[], kind="group")
    a.id = actor_id(a)
    return Participant(span.start_char, span.end_char, span.text, a)


def _possessor_recipient(ctx, tp: Participant, sent) -> Participant:
    """"to protest President Assad's failure", "demanded Milosevic's resignation": the named possessor of an
    abstract recipient (a common noun that is no agent noun, coded without a sector) is the actor."""
    span = sent.doc.char_span(tp.start, tp.end, alignment_mode="expand")
    if span is None:
        return tp
    t = span.root
    if t.pos_ != "NOUN" or t.ent_type_ or lemma(t) in _political_lemmas():
        return tp
    poss = next((x for x in t.children if x.dep_ == "poss" and x.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")), None)
    if poss is None:
        return tp
    pp = _participant_np(ctx, poss)
    return pp if pp.actor is not None and pp.actor.country else tp


def _inhabited_recipient(ctx, tp: Participant, typ: str, mode: str | None, sent) -> Participant:
    """A populated place as the recipient, with no sector: its people (CVL) for a physical act ("shelled the
    town", "a curfew in Abidjan"), its government (GOV) for a capital in any other event unless it is only
    where the event happens ("relations with Tehran" GOV; "protested in Jakarta" keeps no sector). A country
    name keeps no sector. Populated-place nouns: resources/en/events/inhabited_places.txt."""
    from ..actors import LOCATIVE_PLACE, actor_id, country_of_name, town_entity
    from ..model import Actor
    act = tp.actor
    doc = sent.doc
    span = doc.char_span(tp.start, tp.end, alignment_mode="expand")
    if span is None:
        return tp
    root = span.root
    if root.ent_type_ in ("GPE", "LOC", "FAC"):
        ent = next((e for e in doc.ents if e.start <= root.i < e.end), None)
        text = ent.text if ent is not None else root.text
        r = country_of_name(text[4:] if text.lower().startswith("the ") else text, allow_cities=True)
        kind = r[1] if r else ("city" if town_entity(ctx, span) is not None else None)
        if kind not in ("capital", "city"):
            return tp
    elif lemma(root) in R.words(INHABITED_PLACES):
        kind = "noun"
    else:
        return tp
    physical = typ in INHABITANT_TYPES or (typ == "THREATEN" and mode in INHABITANT_THREATS)
    if physical:
        sector = "CVL"
    elif kind == "capital" and not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PLACE):
        sector = "GOV"  # "ties with Tehran", "an admission by Moscow"; "protested in Jakarta" stays the place
    else:
        return tp
    a = Actor(name=act.name, country=act.country, sectors=[sector], kind=act.kind)
    a.id = actor_id(a)
    return Participant(tp.start, tp.end, tp.text, a)


AMBIGUITY_STEP = 0.03
FUTURE_PENALTY = 0.05
# types whose future reading sits on a type border coders draw differently: an announced concession is
# CONCEDE for the 2021 manual and an AGREE (a promise) for older PLOVER / CAMEO coding
BORDER_TYPES_FUTURE = {"CONCEDE"}
BORDER_PENALTY = 0.1


def _type_count(rule: Rule) -> int:
    """How many event types the rule's lemma (and part of speech) can have in the lexicon."""
    return len({r.type for r in rules().get((rule.lemma, rule.pos), ())})


CRIME_MARKERS = "crime_markers.tsv"
CRIME_CONTEXTS = {"crime", "illegal_drugs", "trafficking"}


@lru_cache(maxsize=None)
def _crime_words(kind: str) -> frozenset[str]:
    return frozenset(f[0].lower() for _, f in R.rows(CRIME_MARKERS) if len(f) > 1 and f[1] == kind)


def _criminal(part: Participant | None, other: Participant | None, sent, contexts) -> Participant | None:
    """An unidentified armed actor (UAF: "a gunman") read as a criminal (CRM) where the text marks it so: the
    sentence names a crime (a robbery, a murder, drugs), or one armed person acts against people who are
    neither state nor armed, with no "unknown" on it and no armed-conflict word in the sentence. PLOVER has no
    crime type: crime is the events of CRM actors. Words: resources/en/events/crime_markers.tsv."""
    if part is None or part.actor is None or "UAF" not in (part.actor.sectors or []):
        return part
    span = sent.doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None:
        return part
    head = span.root
    if any(lemma(t) in _crime_words("unidentified") or t.lower_ in _crime_words("unidentified") for t in span):
        return part  # "unknown gunmen": PLOVER's own UAF
    lemmas = {lemma(t) for t in sent} | {t.lower_ for t in sent}
    crime = bool(CRIME_CONTEXTS & set(contexts)) or bool(lemmas & _crime_words("crime"))
    if not crime:
        if lemma(head) not in _crime_words("lone") or head.tag_ != "NN" or lemmas & _crime_words("keep"):
            return part
        oa = other.actor if other is not None else None
        if oa is not None and (oa.kind == "igo" or {x.lower() for x in oa.sectors or []}
                               & (R.words("political_sectors.txt") - {"ref", "lab", "hri"})):
            return part  # "a gunman killed a police officer": an attack on the state or an armed side
    from ..actors import actor_id
    from ..model import Actor, make_code
    act = part.actor
    sectors = ["CRM"] + [x for x in act.sectors if x not in ("UAF", "CRM")]
    a = Actor(name=act.name, country=act.country, sectors=sectors, kind=act.kind)
    a.code = make_code(a.country, a.sectors)
    a.id = actor_id(a)
    return Participant(part.start, part.end, part.text, a)


def _fallback_participant(ctx, c: Candidate, sspan, t, also_exclude=frozenset()):
    """The first actor with a country among the recipient candidates of ``fallback_targets``: inside the
    thing the event is done to, then inside the trigger's (and its light verb's) complement; never a media
    venue ("on ABC television") nor a token of ``also_exclude`` (the other source conjuncts)."""
    exclude = set(range(sspan.start, sspan.end)) if sspan is not None else set()
    exclude |= set(also_exclude)
    # "launched artillery, mortar and rocket fire against X": for an attack or a threat the weapons are
    # never the recipient
    weapons = R.words(WEAPON_NOUNS) if c.type in ("ASSAULT", "THREATEN") else frozenset()
    passive = c.tok.pos_ in ("VERB", "AUX") and is_passive(c.tok)
    inner = fallback_targets([t], exclude) if t is not None else []
    outer = fallback_targets([c.tok] + ([c.light] if c.light is not None else []), exclude, passive,
                             conditions=c.type == "THREATEN")
    # actors first ("to demand the resignation of President X"), inside the thing acted on, then in the
    # trigger's complement; then places in locative obliques ("marched in Islamabad"); a few phrases at most
    actors = [x for x in inner + outer if not _locative_place(x)]
    places = [x for x in inner + outer if _locative_place(x)]
    tried = 0
    for cand in actors + places:
        if t is not None and cand.i == t.i:
            continue
        cand = antecedent(cand)
        if cand.i in exclude or lemma(cand) in weapons or (c.type == "MOBILIZE" and _mobilized(cand)):
            continue
        if _media_venue(ctx, cand) or event_noun(cand):
            continue  # "on ABC television"; "after the BP oil spill disaster"
        part = _participant_np(ctx, cand)
        if non_actor_span(part.text):
            continue
        tried += 1
        if part.actor is not None and part.actor.country:
            return part
        if tried >= 8:
            break
    return None


LOCATIVE_PREPS = {"in", "at", "near", "into", "inside", "outside", "across", "throughout", "around", "on"}


def _locative_place(tok) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def _pronoun_recipient(ctx, pron, sspan):
    for tok in reversed(list(pron.sent[: pron.i - pron.sent.start])):
        if sspan is not None and sspan.start <= tok.i < sspan.end:
            continue
        if tok.ent_type_ in ("GPE", "ORG") and tok.ent_iob_ in ("B", "I") and (
                tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"):
            part = _participant_np(ctx, tok)
            if part.actor is not None and part.actor.country:
                return part
    return None


STATE_ACTS = {"COERCE", "ACCUSE", "SANCTION"}


def _place_source(ctx, tok, light, tp, weapons_only: bool = False):
    """The place of a locative oblique of an agentless passive trigger (or of its light verb); with
    ``weapons_only``, a weapon in an in / by oblique ("killed in a roadside bomb blast")."""
    for h in (tok, light):
        if h is None:
            continue
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "inside", "by"):
                for o in prep.children:
                    if weapons_only and o.dep_ == "pobj":
                        part = _participant_np(ctx, o)
                        if part.actor is not None and "UAF" in (part.actor.sectors or []):
                            return part
                        continue
                    if o.dep_ == "pobj" and o.ent_type_ in ("GPE",) and prep.lower_ != "by" \
                            and (tp is None or not (tp.start <= o.idx < tp.end)):
                        part = _participant_np(ctx, o)
                        if part.actor is not None and part.actor.country:
                            return part
    return None


def _modal_roles(tok):
    """'Britain said the rebels must reach an agreement': source = the speaker, target = the subject
    of the must-clause."""
    verb = tok.head
    tgt = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    src = None
    node = verb
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            src = _subject_of(node)
            if src is not None:
                break
    return src, antecedent(tgt) if tgt is not None else None


def _polysemous(rule: Rule) -> bool:
    """Does the rule's lemma lead to more than one event type in the lexicon?"""
    return len({r.type for r in rules().get((rule.lemma, rule.pos), ())}) > 1


def _under_message(tok, frame_tok) -> bool:
    """Is ``tok`` inside a message noun ("accusations of bombing", "reports that troops shelled")
    that ``frame_tok`` governs?"""
    node = tok
    for _ in range(6):
        if node.head is node or node.head.i == frame_tok.i:
            return False
        node = node.head
        if node.pos_ == "NOUN" and (lemma(node) in R.words("message_nouns.txt")
                                    or lemma(node) in ("report", "accusation", "allegation", "claim", "charge")):
            return True
    return False


def _main_clause(tok) -> bool:
    """The trigger heads the sentence, or the clause a speech verb at the root reports."""
    node = tok
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "nsubj", "nsubjpass"):
        node = node.head  # light verb
    if node.dep_ == "ROOT":
        return True
    return node.dep_ == "ccomp" and node.head.dep_ == "ROOT" and lemma(node.head) in speech_verbs()


def _has_modal(tok) -> bool:
    """A modal auxiliary on the trigger's own clause ("may halt", "would attack"), reached through
    to-clauses and coordination but not from a condition ("could close ... if attacked")."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "aux" and lemma(c) in ("would", "could", "may", "might", "will", "shall")
               for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj", "dobj", "attr") or node.head is node:
            return False
        node = node.head
    return False


def _has_future(tok) -> bool:
    return any(c.dep_ == "aux" and lemma(c) in ("will", "would", "shall", "wo") for c in tok.children)
