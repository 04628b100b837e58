"""Places stage: toponyms resolved to GeoNames (PlaceResolver) and event locations (EventLocator).

Contract:
- ``PlaceResolver()(ctx)`` sets ``entity.place`` (model.Place) on the entities of ``ctx.entities`` that
  are places, and ``ctx.dateline``.
- ``EventLocator()(ctx)`` sets ``ev.location`` on events: a place in a locative phrase of the event's own
  clause (or the place it is done to), else the dateline place for events of the lead sentence, else None.
"""
from .stage import PlaceResolver, EventLocator  # noqa: F401
