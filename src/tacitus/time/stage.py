from __future__ import annotations

from ..model import EventDate


class TimexTagger:
    name = "time.timex"

    def __call__(self, ctx) -> None:
        ctx.timexes = []


class EventDater:
    name = "time.event_dater"

    def __call__(self, ctx) -> None:
        for ev in ctx.events:
            ev.date = EventDate(value=None, start=None, end=ctx.dct.isoformat(), granularity="unknown",
                                basis="unknown")
