"""Timelines: the most important dates of an actor, a topic or a whole database, each with its K best
evidence sentences.

Contract: ``build_timeline(db, actor=, query=, country=, since=, until=, dates=N, sentences=K)`` returns
``[{"date": "YYYY-MM-DD", "score": float, "sentences": [str, ...], "sources": [...], "events": [...]}]``
in date order. ``db`` is a :class:`tacitus.store.Database`.

How (see ``salience`` and ``select``): the text is the scope (all sentences, or those about the actor /
matching the query / tied to the country); each day gets a salience from (1) sentences whose temporal
expressions refer to that day, counting references from later articles apart, (2) the publication
volume of that day and the next, and (3) merged events dated that day (number of sources, type weight);
syndicated copies count once. The N most salient days are kept; for each, sentences referring to the
day (or lead sentences of its articles) are ranked by centrality and the K best non-redundant kept.
"""
from __future__ import annotations

from .build import build_timeline, Weights  # noqa: F401

__all__ = ["build_timeline", "Weights"]
