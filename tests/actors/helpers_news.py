"""Helpers for the actors tests on modern news: an analysed context and the actor coded for a phrase."""
from __future__ import annotations

from datetime import date

from tacitus.actors import ActorResolver, actor_for_span
from tacitus.pipeline import Context


def news_ctx(nlp, text: str, dct: date = date(2010, 6, 28)) -> Context:
    ctx = Context(text=text, dct=dct, doc=nlp(text))
    ActorResolver()(ctx)
    return ctx


def coded(ctx, phrase: str, occurrence: int = 0):
    """The actor the stage gives the ``occurrence``-th appearance of ``phrase`` in the context's text."""
    i = -1
    for _ in range(occurrence + 1):
        i = ctx.text.index(phrase, i + 1)
    return actor_for_span(ctx, ctx.doc.char_span(i, i + len(phrase), alignment_mode="expand"))
