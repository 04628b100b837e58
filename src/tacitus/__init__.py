"""Tacitus: dated news articles in, an evidence-backed event database out.

Python API::

    import tacitus
    art = tacitus.extract(text, date="2019-01-03")   # dict in the documented output schema
    db = tacitus.open("tacitus.db")
    df = db.events(country="PRK")                      # pandas DataFrame
"""
from __future__ import annotations

from datetime import date as _date

from .model import SCHEMA_VERSION  # noqa: F401

__version__ = "0.1.0"


def extract(text: str, date: str | _date, id: str | None = None, **meta) -> dict:
    """Analyse one article; returns the JSON-ready dict of the output contract (docs/schema.md)."""
    from .pipeline import get_pipeline
    return get_pipeline().extract(text, date=date, id=id, **meta).to_dict()


def extract_article(text: str, date: str | _date, id: str | None = None, **meta):
    """Like :func:`extract` but returns the :class:`tacitus.model.Article` object."""
    from .pipeline import get_pipeline
    return get_pipeline().extract(text, date=date, id=id, **meta)


def open(path: str = "tacitus.db"):  # noqa: A001 - mirrors sqlite_utils.Database / datasette
    """Open (or create) a Tacitus SQLite database; returns :class:`tacitus.store.Database`."""
    from .store import Database
    return Database(path)
