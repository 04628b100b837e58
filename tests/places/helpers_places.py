"""Helpers shared by the places tests."""
from __future__ import annotations

from datetime import date

from tacitus.actors import ActorResolver
from tacitus.pipeline import Context
from tacitus.places import PlaceResolver


def places_ctx(nlp, text: str, dct: date = date(2020, 1, 1)) -> Context:
    """An analysed context after the actors and places stages."""
    ctx = Context(text=text, dct=dct, doc=nlp(text))
    ActorResolver()(ctx)
    PlaceResolver()(ctx)
    return ctx


def text_context_of(text: str):
    """``text_context`` of ``text`` with the default gazetteer."""
    from tacitus.places.gazetteer import get_gazetteer
    from tacitus.places.resolve import text_context
    return text_context(get_gazetteer(), text)



def spans(text, *names):
    """Character spans of ``names`` in ``text``, each found after the previous one."""
    out, pos = [], 0
    for n in names:
        a = text.index(n, pos)
        out.append((a, a + len(n)))
        pos = a + len(n)
    return out
