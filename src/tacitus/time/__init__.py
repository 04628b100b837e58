"""Time stage: TIMEX3 tagging/normalization (TimexTagger) and event dating (EventDater).

Contract:
- ``TimexTagger()(ctx)`` fills ``ctx.timexes`` (list of model.Timex, sorted by start) from ``ctx.text``
  and ``ctx.dct`` (and ``ctx.doc`` when present, for the tense of bare weekdays/months).
- ``EventDater()(ctx)`` sets ``ev.date`` (model.EventDate) on every event in ``ctx.events``.

Library functions:
- ``tag(text, dct, doc=None) -> list[Timex]``: the tagger alone (no spaCy needed).
- ``date_events(ctx)``: the event dater alone (what ``EventDater`` calls).
- ``to_timeml(article) -> str``: TimeML (DCT + TIMEX3 tags) for a model.Article;
  ``timexes_to_timeml(doc_id, dct, text, timexes)`` for the same from raw parts.
- ``read_tml(path)``: text, DCT and gold TIMEX3 of a TimeML file (used by bench/timex.py).
"""
from .dater import date_events  # noqa: F401
from .stage import TimexTagger, EventDater  # noqa: F401
from .tagger import tag  # noqa: F401
from .timeml import read_tml, timexes_to_timeml, to_timeml  # noqa: F401
