"""Timelines: the most important dates of an actor, a topic or a whole database, each with its K best
evidence sentences.

Contract: ``build_timeline(db, actor=, query=, country=, since=, until=, dates=N, sentences=K)`` returns
``[{"date": "YYYY-MM-DD", "score": float, "sentences": [str, ...], "sources": [...], "events": [...]}]``
in date order. ``db`` is a :class:`tacitus.store.Database`.

How (``build`` and ``select``): the scope is every sentence, or those about the actor (its resolved
mentions and events; the actor is matched as every event filter matches it, docs/actors.md) / matching the full-text query / tied to the country. Each day gets a salience
from (1) articles whose temporal expressions (``timexes`` table) refer to that day, references from later
articles counting more the later they come, (2) the publication volume of that day and the next, and
(3) merged events dated that day (number of sources, type weight); syndicated copies count once. These
are counts only, so the whole database is cheap; merged events re-rank the best days with one index
lookup per day. Days after the last article of the scope, or more than 30 days before its first one
(birth dates, older disasters: background), are not candidates unless ``since`` reaches them. For the N
chosen days only, sentences referring to the day (and the lead sentences of its articles) are read,
ranked by centrality (retrospective sentences, written a week or more after the day, preferred) and the
K best non-redundant ones of at most 40 words kept.
"""
from __future__ import annotations

from .build import build_timeline, Weights  # noqa: F401

__all__ = ["build_timeline", "Weights"]
