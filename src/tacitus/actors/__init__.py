"""Actors stage: entities and coded actors (country + sectors).

Contract:
- ``ActorResolver()(ctx)`` fills ``ctx.entities`` (model.Entity, sorted by start) with the named
  entities and coded common-noun actors of ``ctx.doc``; ``entity.actor`` is a model.Actor or None.
- ``actor_for_span(ctx, span) -> Actor | None``: code any spaCy Span (e.g. an event role filler such as
  "Italian authorities" or "South Korea's intelligence agency"), using the article's entities and
  coreference. Other stages call this, never the internals.
- ``resolve_phrase(text, date=None) -> Actor | None``: code a bare phrase ("Armenian Prime Minister
  Nikol Pashinyan") without an article (used by ``tacitus actor``).
- ``ActorRegistry``: cross-article canonical actors with aliases and stable ids (``actor_id(actor)``);
  ``load_user_dictionary(path)``: user actors (YAML/CSV) with date-bounded roles.
- For the events stage's place recipients: ``country_of_name(name, allow_cities=True)`` -> (ISO3, kind)
  or None; ``town_entity(ctx, span)``: the places-resolved town entity a span names, or None;
  ``LOCATIVE_PLACE``: prepositions whose object is where something happens ("in", "at", ...).
- For the places stage: ``code_phrase(text, info)`` codes a phrase with the article's context (a "the
  South" context form -> its country); ``speech_verbs()``: verbs whose country or capital subject is its
  government, never the event's location.
"""
from .lexicon import country_of_name, speech_verbs  # noqa: F401
from .stage import (LOCATIVE_PLACE, ActorResolver, actor_for_span, code_phrase, resolve_phrase,  # noqa: F401
                    town_entity)
from .registry import ActorRegistry, actor_id  # noqa: F401
from .userdict import load_user_dictionary, reset_user_dictionary, user_dictionary  # noqa: F401
