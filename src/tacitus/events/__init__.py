"""Events stage: PLOVER/CAMEO event mentions with roles, modality, attribution and evidence.

Contract: ``EventExtractor()(ctx)`` fills ``ctx.events`` (model.Event) from ``ctx.doc`` and
``ctx.entities``; ``ev.date`` and ``ev.location`` are left for the time and places stages.
"""
from .stage import EventExtractor  # noqa: F401
