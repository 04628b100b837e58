"""Shared scaffolding of the modern-news precision tests (test_news_precision*.py, test_roles_pass4.py)."""
from __future__ import annotations


def evs(ctx):
    """(type, trigger, source, target, modality) of every event: the failure message of a news test."""
    return [(e.type, e.trigger.text, e.source and e.source.text, e.target and e.target.text, e.modality)
            for e in ctx.events]
