from __future__ import annotations

from ..model import Entity


class ActorResolver:
    name = "actors"

    def __call__(self, ctx) -> None:
        ctx.entities = [Entity(e.start_char, e.end_char, e.text, e.label_) for e in ctx.doc.ents
                        if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")]
