"""Time stage: TIMEX3 tagging/normalization (TimexTagger) and event dating (EventDater).

Contract:
- ``TimexTagger()(ctx)`` fills ``ctx.timexes`` (list of model.Timex, sorted by start) from ``ctx.text``
  and ``ctx.dct``.
- ``EventDater()(ctx)`` sets ``ev.date`` (model.EventDate) on every event in ``ctx.events``.
"""
from .stage import TimexTagger, EventDater  # noqa: F401
