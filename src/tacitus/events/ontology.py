"""The event ontology: PLOVER types, modes, contexts, CAMEO codes and Tacitus extension types.

Data: ``ontology.tsv`` (types), ``contexts.tsv`` (contexts + cue lemmas), ``cameo.tsv`` (CAMEO codes).
``VERSION`` is stamped on every event (``Event.ontology_version``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import resources as R


@dataclass(frozen=True)
class EventType:
    name: str
    kind: str  # plover | extension
    plover: str  # nearest PLOVER type (itself for PLOVER types)
    quad: str
    cameo: str
    modes: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class CameoCode:
    code: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    description: str


VERSION = R.header("ontology.tsv", "version") or "unversioned"

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
YIELDING = frozenset({"CONCEDE", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"})


@lru_cache(maxsize=None)
def types() -> dict[str, EventType]:
    out = {}
    for _, f in R.rows("ontology.tsv"):
        name, kind, plover, quad, cameo, modes, definition = (list(f) + [""] * 7)[:7]
        out[name] = EventType(name, kind, plover, quad, cameo, tuple(R.split_list(modes)), definition)
    return out


def plover_types() -> list[str]:
    return [t.name for t in types().values() if t.kind == "plover"]


def extension_types() -> list[str]:
    return [t.name for t in types().values() if t.kind == "extension"]


def nearest_plover(name: str) -> str:
    t = types().get(name)
    return t.plover if t else name


@lru_cache(maxsize=None)
def cameo_codes() -> dict[str, CameoCode]:
    out = {}
    for _, f in R.rows("cameo.tsv"):
        code, typ, mode, ctx, desc = (list(f) + [""] * 5)[:5]
        out[code] = CameoCode(code, typ, None if mode in ("", "-") else mode,
                              tuple(R.split_list(ctx, ";")), desc)
    return out


@lru_cache(maxsize=None)
def contexts() -> dict[str, frozenset[str]]:
    """context name -> cue lemmas (multiword cues joined by '_')."""
    return {f[0]: frozenset(R.split_list(f[1])) for _, f in R.rows("contexts.tsv")}


@lru_cache(maxsize=None)
def target_slots() -> dict[str, tuple[str, ...]]:
    return {f[0]: tuple(R.split_list(f[1])) for _, f in R.rows("roles.tsv")}


def contexts_for(lemmas: set[str], bigrams: set[str]) -> list[str]:
    out = []
    for name, cues in contexts().items():
        if cues & lemmas or cues & bigrams:
            out.append(name)
    return out


def cameo_for(type_: str, mode: str | None, contexts_: list[str], default: str | None) -> str | None:
    """Refine a rule's CAMEO code with the event's context where the codebook has a closer code."""
    if type_ == "AID" and "asylum" in contexts_:
        return "075"
    return default or (types()[type_].cameo if type_ in types() else None)
