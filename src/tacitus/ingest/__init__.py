"""Ingest stage: readers turn files, directories and stdin into ``model.Record`` objects.

Contract: ``read(paths, input_format="auto", default_date=None) -> Iterator[Record]``. A reader never
raises on a bad record: it yields a Record with ``error`` set, which ``validate`` turns into a Reject.
"""
from .readers import read, FORMATS  # noqa: F401
from .validate import validate, parse_date  # noqa: F401
