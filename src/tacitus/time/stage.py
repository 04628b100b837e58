"""The time stage: TimexTagger (TIMEX3 tagging + normalization) and EventDater (event dates)."""
from __future__ import annotations

from .dater import date_events
from .tagger import tag


class TimexTagger:
    """Fills ``ctx.timexes`` from ``ctx.text`` and ``ctx.dct``; uses ``ctx.doc`` (if any) for tense."""
    name = "time.timex"

    def __init__(self, lang: str = "en", use_parse: bool = True):
        self.lang = lang
        self.use_parse = use_parse

    def __call__(self, ctx) -> None:
        doc = ctx.doc if self.use_parse else None
        ctx.timexes = tag(ctx.text or "", ctx.dct, doc=doc, lang=self.lang)


class EventDater:
    """Sets ``ev.date`` on every event in ``ctx.events`` from the timex that governs it."""
    name = "time.event_dater"

    def __call__(self, ctx) -> None:
        date_events(ctx)
