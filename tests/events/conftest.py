from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def code(pipeline):
    """Run spaCy and every stage on one text (no reader validation: short test sentences would be
    rejected by the language check) and return the context with its events."""
    from tacitus.pipeline import Context

    cache = {}

    def run(text: str, dct: str = "2019-01-03"):
        if text not in cache:
            ctx = Context(text=text, dct=date.fromisoformat(dct), doc=pipeline.nlp(text), id="t")
            for stage in pipeline.stages:
                stage(ctx)
            cache[text] = ctx
        return cache[text]

    return run
