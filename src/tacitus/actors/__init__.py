"""Actors stage: entities and coded actors (country + sectors).

Contract:
- ``ActorResolver()(ctx)`` fills ``ctx.entities`` (model.Entity, sorted by start) with the named
  entities and coded common-noun actors of ``ctx.doc``; ``entity.actor`` is a model.Actor or None.
- ``actor_for_span(ctx, span) -> Actor | None``: code any spaCy Span (e.g. an event role filler such as
  "Italian authorities" or "South Korea's intelligence agency"), using the article's entities and
  coreference. Other stages call this, never the internals.
- ``resolve_phrase(text, date=None) -> Actor | None``: code a bare phrase ("Armenian Prime Minister
  Nikol Pashinyan") without an article (used by ``tacitus actor``).
- ``ActorRegistry``: cross-article canonical actors with aliases and stable ids;
  ``load_user_dictionary(path)``: user actors (YAML/CSV) with date-bounded roles.
"""
from .stage import ActorResolver, actor_for_span, resolve_phrase  # noqa: F401
from .registry import ActorRegistry, actor_id  # noqa: F401
from .userdict import load_user_dictionary, reset_user_dictionary, user_dictionary  # noqa: F401
