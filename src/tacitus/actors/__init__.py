"""Actors stage: entities and coded actors (country + sectors).

Contract: ``ActorResolver()(ctx)`` fills ``ctx.entities`` (model.Entity, sorted by start) with the named
entities and coded common-noun actors of ``ctx.doc``; ``entity.actor`` is a model.Actor or None.
"""
from .stage import ActorResolver  # noqa: F401
