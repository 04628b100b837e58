"""Parse repairs the events stage makes before it reads a sentence (data: resources/en/events/)."""
from __future__ import annotations

from . import resources as R
from .lexicon import lemma

INVERTED_REPORTS = "inverted_reports.txt"
REPORT_CIRCUMSTANCES = "report_circumstances.txt"  # "on Friday", "yesterday", "in a statement"
# what may hang on a misread reporting verb besides its subject: "here", "on Friday", "Wednesday"
REPORT_MODIFIERS = {"advmod", "npadvmod", "punct", "prep"}
TIME_PLACE = ("DATE", "TIME", "GPE", "LOC", "")


def _only_circumstances(verb) -> bool:
    for c in verb.children:
        if c.dep_ not in REPORT_MODIFIERS:
            return False
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if not objs or any(o.ent_type_ not in TIME_PLACE or o.ent_type_ == "" and o.pos_ != "PROPN"
                               and lemma(o) not in R.words(REPORT_CIRCUMSTANCES)
                               for o in objs):
                return False
    return True


def repair_inverted_reports(sent) -> bool:
    """"X is doing Y, a rights group alleged": reattach a sentence-final reporting verb the parser read as a
    reduced relative on an apposition (see inverted_reports.txt). Returns whether the parse was changed."""
    verbs = R.words(INVERTED_REPORTS)
    root = sent.root
    for tok in sent:
        if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or lemma(tok) not in verbs:
            continue
        noun = tok.head
        if noun.dep_ != "appos":  # "farmers, a farmers' union protested" with the verb on "farmers"
            noun = next((c for c in tok.head.children if c.dep_ == "appos" and c.i < tok.i), noun)
        if noun.dep_ != "appos" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > tok.i:
            continue
        left = noun.left_edge.i
        if left <= sent.start or sent.doc[left - 1].text != ",":
            continue
        if root.i >= left or root.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in sent.doc[tok.i + 1:sent.end]):
            continue  # the reporting clause closes the sentence
        if not _only_circumstances(tok):
            continue
        tok.head = tok
        tok.dep_ = "ROOT"
        noun.head = tok
        noun.dep_ = "nsubj"
        root.head = tok
        root.dep_ = "ccomp"
        return True
    return False
