"""The trigger lexicon (``triggers.tsv``): rules keyed by lemma and part of speech, with dependency
constraints, matched against spaCy tokens. See the file header for the rule language."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import resources as R

POS = {"V": ("VERB",), "N": ("NOUN", "PROPN"), "A": ("ADJ",), "M": ("AUX",)}
OBJ_DEPS = ("dobj", "obj")
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
MOD_DEPS = ("compound", "amod", "nmod", "npadvmod")
CLAUSE_DEPS = ("xcomp", "ccomp")


@dataclass(frozen=True)
class Constraint:
    rel: str  # dobj | pobj:P | prep | xcomp | mod | subj | light | head
    values: frozenset[str]  # empty = any ("*" or no list)
    negated: bool = False


@dataclass(frozen=True)
class Rule:
    line: int
    lemma: str
    particle: str | None
    pos: str
    when: tuple[Constraint, ...]
    type: str
    mode: str | None
    cameo: str | None
    target: tuple[str, ...]
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def specific(self) -> bool:
        return any(not c.negated and c.values for c in self.when)


def _parse_when(s: str) -> tuple[Constraint, ...]:
    out = []
    for part in R.split_list(s, ";"):
        neg = part.startswith("!")
        part = part.lstrip("!")
        rel, _, vals = part.partition("=")
        parts = [v for v in vals.split("|") if v]
        values = frozenset() if "*" in parts else frozenset(parts)
        out.append(Constraint(rel.strip(), values, neg))
    return tuple(out)


@lru_cache(maxsize=None)
def rules() -> dict[tuple[str, str], tuple[Rule, ...]]:
    table: dict[tuple[str, str], list[Rule]] = {}
    for n, f in R.rows("triggers.tsv"):
        lemma, pos, when, typ, mode, cameo, target, flags = (list(f) + ["-"] * 8)[:8]
        lem, _, prt = lemma.partition("+")
        rule = Rule(n, lem.lower(), prt or None, pos, _parse_when(when), typ,
                    None if mode == "-" else mode, None if cameo == "-" else cameo,
                    tuple(R.split_list(target)), frozenset(R.split_list(flags)))
        table.setdefault((rule.lemma, pos), []).append(rule)
    # phrasal-verb rules (cut+off) are tried before the plain verb's
    return {k: tuple(sorted(v, key=lambda r: r.particle is None)) for k, v in table.items()}


@lru_cache(maxsize=None)
def trigger_lemmas() -> frozenset[str]:
    return frozenset(k[0] for k in rules())


def lemma(tok) -> str:
    return tok.lemma_.lower()


def forms(tok) -> set[str]:
    """The lemma plus naive stems of the surface form, for verbs the lemmatizer gets wrong
    ("staged" -> "stag")."""
    return {lemma(tok)} | _stems(tok.lower_)


@lru_cache(maxsize=20000)
def _stems(low: str) -> frozenset[str]:
    out = {low}
    for suf, rep in (("ed", ""), ("d", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ied", "y")):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            out.add(low[: -len(suf)] + rep)
    return frozenset(out)


def objects(tok) -> list:
    """Direct objects of a verb; for a passive verb, its passive subject."""
    out = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    out += [c for c in tok.children if c.dep_ == "nsubjpass"]
    return out


def prep_objects(tok, prep: str) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return out


def to_clause(c) -> bool:
    """A clausal complement: xcomp/ccomp, or a to-infinitive parsed as an adverbial clause."""
    if c.dep_ in CLAUSE_DEPS:
        return True
    return c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)


def object_lemmas(tok) -> list[str]:
    """Lemmas of the objects of ``tok``, their conjuncts, compound modifiers ("aid deliveries") and
    'of' complements ("tons of aid", "part of a military aid program")."""
    out = []
    seen = set()
    # a relative pronoun object stands for the noun its clause modifies ("claims, which ... to see it meet")
    stack = [_relative_antecedent(o) for o in objects(tok)]
    while stack:
        o = stack.pop()
        if o.i in seen or len(seen) > 12:
            continue
        seen.add(o.i)
        out.append(lemma(o))
        stack += [x for x in o.conjuncts]
        stack += [c for c in o.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN")]
        stack += prep_objects(o, "of")
    return out


REL_PRONOUNS = ("which", "that", "whom", "who")
WH_TAGS = ("WDT", "WP", "WRB", "WP$")


def _relative_antecedent(o):
    """'claims , which X said the government wants to see it meet': 'which' -> claims (the head of the
    relative clause the pronoun opens); any other token as it is."""
    if o.lower_ not in REL_PRONOUNS or o.tag_ not in WH_TAGS:
        return o
    node = o
    for _ in range(6):
        if node.head is node:
            return o
        if node.dep_ == "relcl":
            return node.head
        node = node.head
    return o


def _clause_marks(tok) -> list[str]:
    """Subordinators and wh-words opening the trigger's clausal complements ("asked whether ...",
    "asked how ...", "accepted that ...")."""
    out = []
    for ch in tok.children:
        if to_clause(ch):
            out += [lemma(m) for m in ch.children if m.dep_ == "mark" or (m.tag_ in WH_TAGS and m.i < ch.i)]
    return out


def title_name(tok) -> bool:
    """A verb in title case inside a running sentence, after a lower-case word, is a piece of a name ("a group
    calling itself Seize BP", "the Stop the War coalition"), not an act."""
    if tok.pos_ != "VERB" or not tok.is_title or tok.is_sent_start or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.is_alpha and prev.is_lower:
        return True
    return prev.text in OPEN_QUOTES and quoted_title(tok)


OPEN_QUOTES = ("``", '"', "\u201c", "`", "'", "\u2018")
CLOSE_QUOTES = ("''", '"', "\u201d", "'", "\u2019")


def quoted_title(tok, max_len: int = 6) -> bool:
    """A short quoted phrase opened by ``tok`` whose every content word is in title case is a title (NBC's
    `` Meet the Press '', a campaign called " Stop the War "), not a quoted act ("`` Attack them all ''")."""
    words = []
    for t in tok.doc[tok.i:tok.i + max_len + 1]:
        if t.text in CLOSE_QUOTES:
            break
        words.append(t)
    else:
        return False
    content = [t for t in words if t.is_alpha and not t.is_stop]
    return len(words) >= 2 and len(content) >= 2 and all(t.is_title for t in content)


def _actor_object(tok) -> bool:
    return any(o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or lemma(o) in R.words("agents.txt")
               for o in objects(tok))


HUMAN_PRONOUNS = "human_pronouns.txt"


def _human_object(tok) -> bool:
    """ "@human": an object that is a person or people -- an actor ("@actor"), a plain-people noun
    (human_nouns.txt), a personal pronoun or a bare number ("captured 12"); "captured oil", "capture carbon",
    "captured images" are not."""
    if _actor_object(tok):
        return True
    people = R.words("human_nouns.txt")
    pronouns = R.words(HUMAN_PRONOUNS)
    objs = objects(tok)
    # a bare number is people only when no object is a thing ("captured 12", not "capturing 20,000 to
    # 28,500 barrels": a measure noun among the objects)
    nouns = [o for o in objs if o.pos_ in ("NOUN", "PROPN")]
    for o in objs:
        for x in (o, *o.conjuncts, *prep_objects(o, "of")):
            if lemma(x) in people or (x.pos_ == "PRON" and x.lower_ in pronouns) \
                    or x.ent_type_ in ("PERSON", "NORP") \
                    or (x.pos_ == "NUM" and not nouns and x.ent_type_ not in ("QUANTITY", "MONEY", "PERCENT")
                        and not any(g.pos_ in ("NOUN", "PROPN") for g in x.children)):
                return True
    return False


def _values_ok(cands: list[str], c: Constraint) -> bool:
    hit = bool(cands) if not c.values else any(x in c.values for x in cands)
    return not hit if c.negated else hit


def _light_head(tok):
    """For a noun: the verb it is the object of (directly or through 'on'/'in' as in 'go on strike';
    or as the modifier of that object: 'undertook a mediation mission')."""
    h = tok.head
    if tok.dep_ == "compound" and h.pos_ == "NOUN":
        tok, h = h, h.head
    if tok.dep_ in OBJ_DEPS + ("nsubjpass", "nsubj") and h.pos_ in ("VERB", "AUX"):
        return h  # (as subject: "Clashes erupted between ..." -- only for verbs of occurrence)
    if tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX") \
            and h.lower_ not in R.words("topic_preps.txt"):  # "complained over the raids": a topic
        return h.head
    if tok.dep_ == "conj":
        return _light_head(h)
    return None


def check(rule: Rule, tok) -> bool:
    for c in rule.when:
        if c.rel == "dobj":
            ok = _values_ok(object_lemmas(tok), c)
            if not ok and not c.negated and "@actor" in c.values:
                ok = _actor_object(tok)
            if not ok and not c.negated and "@human" in c.values:
                ok = _human_object(tok)
        elif c.rel.startswith("pobj:"):
            cands = [lemma(o) for o in prep_objects(tok, c.rel[5:])]
            ok = _values_ok(cands, c)
        elif c.rel == "prep":
            cands = [ch.lower_ for ch in tok.children if ch.dep_ in ("prep", "agent", "dative")]
            if c.values and not c.negated:  # "launched rocket fire against X": the prep on the object
                objs = [x for o in objects(tok) for x in (o, *o.conjuncts)]
                cands += [ch.lower_ for o in objs for ch in o.children if ch.dep_ == "prep"]
            ok = _values_ok(cands, c)
        elif c.rel == "xcomp":
            cands = [lemma(ch) for ch in tok.children if to_clause(ch)]
            ok = _values_ok(cands, c)
        elif c.rel == "mod":
            cands = [lemma(ch) for ch in tok.children if ch.dep_ in MOD_DEPS]
            ok = _values_ok(cands, c)
        elif c.rel == "subj":
            node = tok
            if tok.pos_ in ("NOUN", "PROPN"):  # "troops remained on alert": the clause subject
                node = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
            subj = [ch for ch in node.children if ch.dep_ in ("nsubj",)]
            subj += [g for ch in node.children if ch.dep_ == "agent" for g in ch.children]
            while not subj and node.dep_ in ("xcomp", "advcl", "conj", "acl") and node.head is not node:
                if node.dep_ == "acl":  # "Riot police charged at ..." misparsed as a reduced relative
                    subj = [node.head]
                    break
                node = node.head  # "Farmers drove tractors into Brussels to protest ..."
                subj = [ch for ch in node.children if ch.dep_ == "nsubj"]
            subj += [o for x in subj for o in prep_objects(x, "of")]  # "Hundreds of protesters"
            cands = [lemma(s) for s in subj]
            ok = _values_ok(cands, c)
            if not ok and not c.negated and "@person" in c.values:
                ok = any(x.ent_type_ == "PERSON" for x in subj)
        elif c.rel == "light":
            h = _light_head(tok)
            ok = _values_ok(sorted(forms(h)) if h is not None else [], c)
        elif c.rel == "under":  # the clause of tok is the complement of one of these verbs
            node, cands = tok, []
            for _ in range(4):
                if node.head is node or node.dep_ not in ("ccomp", "conj", "xcomp", "aux", "advcl", "acl"):
                    break
                node = node.head
                cands.append(lemma(node))
            ok = _values_ok(cands, c)
        elif c.rel == "mark":  # a clausal complement opened by one of these ("asked whether", "accepted that")
            ok = _values_ok(_clause_marks(tok), c)
        elif c.rel == "head":
            ok = _values_ok([lemma(tok.head)] if tok.head is not tok else [], c)
        else:
            ok = False
        if not ok:
            return False
    return True


def match(tok) -> Rule | None:
    """The first rule of the token's lemma/POS whose constraints hold (None if none, or a 'never' rule).
    Verbs are also looked up by naive stems of their surface form, for lemmatizer slips
    ("cordoned" -> "cordone")."""
    if tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and \
            any(c.dep_ == "det" for c in tok.children):
        return None  # a participle used as a noun: "the wounded"
    if title_name(tok):
        return None
    keys = [lemma(tok)]
    if tok.pos_ == "VERB":
        keys += sorted(forms(tok) - {keys[0]})
    table = rules()
    for code, tags in POS.items():
        if tok.pos_ not in tags:
            continue
        for lem in keys:
            for rule in table.get((lem, code), ()):
                if rule.particle:
                    if not any(c.lower_ == rule.particle and c.dep_ in ("prt", "prep", "advmod")
                               for c in tok.children):
                        continue
                if check(rule, tok):
                    return None if "never" in rule.flags else rule
            if table.get((lem, code)):
                break  # the lemma is known: do not fall through to surface stems
    return None


def candidate(tok, lemmas: frozenset[str]) -> bool:
    """Cheap prefilter: could this token be a trigger?"""
    return lemma_candidate(tok.lemma_, lemmas) or (tok.pos_ == "VERB" and verb_form_candidate(tok.lower_, lemmas))


def lemma_candidate(lem: str, lemmas: frozenset[str]) -> bool:
    """The lemma half of :func:`candidate`."""
    return lem in lemmas or lem.lower() in lemmas


def verb_form_candidate(low: str, lemmas: frozenset[str]) -> bool:
    """The surface-form half of :func:`candidate` (asked of verbs only): a naive stem is a trigger lemma."""
    return not _stems(low).isdisjoint(lemmas)
