"""Helpers for the time-stage tests: contexts with real spaCy parses and hand-made events."""
from __future__ import annotations

from datetime import date

from tacitus.model import Event, Participant, Span
from tacitus.pipeline import Context
from tacitus.time import EventDater, TimexTagger

EXAMPLE_DCT = date(2019, 1, 3)


def make_ctx(nlp, text: str, dct: date = EXAMPLE_DCT) -> Context:
    ctx = Context(text=text, dct=dct, doc=nlp(text), id="t")
    TimexTagger()(ctx)
    return ctx


def add_event(ctx, trigger: str, occurrence: int = 0, *, reporting: bool = False, source: str | None = None,
              type: str = "TEST") -> Event:
    """An event on the ``occurrence``-th token equal to ``trigger`` (as the events stage would make)."""
    toks = [t for t in ctx.doc if t.text == trigger]
    tok = toks[occurrence]
    sent = tok.sent
    src = None
    if source is not None:
        i = ctx.text.index(source)
        src = Participant(i, i + len(source), source)
    ev = Event(type=type, trigger=Span(tok.idx, tok.idx + len(tok), tok.text),
               sentence=Span(sent.start_char, sent.end_char), reporting=reporting, source=src)
    ev.head_token = tok.i
    ctx.events.append(ev)
    return ev


def date_all(ctx):
    EventDater()(ctx)
    return ctx




def dated(nlp, text: str, *triggers: str, dct: date = EXAMPLE_DCT) -> list[Event]:
    """Tag ``text``, add an event on the first token equal to each trigger (in order), date them all."""
    ctx = make_ctx(nlp, text, dct)
    evs = [add_event(ctx, t) for t in triggers]
    date_all(ctx)
    return evs
