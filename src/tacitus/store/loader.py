"""The ingest job: records -> pipeline -> SQLite, in batches, idempotent and resumable.

Already-stored articles (same content hash) are skipped before parsing, so re-running after a kill
resumes where the last committed batch ended.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..model import Article, Record, Reject
from . import Database


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the database
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    reject_reasons: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "skipped_duplicates": self.skipped,
                "rejected": self.rejected, "events": self.events, "seconds": round(self.seconds, 2),
                "articles_per_second": round(self.stored / self.seconds, 2) if self.seconds else None,
                "reject_reasons": self.reject_reasons}


def ingest(db: Database, records: Iterable[Record], pipeline=None, batch_size: int = 64,
           on_progress: Callable[[IngestSummary], None] | None = None, workers: int = 1) -> IngestSummary:
    from ..ingest.validate import validate
    if pipeline is None:
        from ..pipeline import get_pipeline
        pipeline = get_pipeline(workers=workers)
    s = IngestSummary()
    try:
        from .clusters import merge_new as merge
    except ImportError:
        merge = None
    t0 = time.perf_counter()
    batch: list[Record] = []
    seen_in_batch: set[str] = set()

    def reject(rej: Reject) -> None:
        db.add_reject(rej)
        s.rejected += 1
        key = rej.reason.split(":")[0].split("(")[0].strip()
        s.reject_reasons[key] = s.reject_reasons.get(key, 0) + 1

    def flush() -> None:
        nonlocal batch
        if not batch:
            return
        known = db.known_hashes(r.content_hash() for r in batch)
        todo = []
        for r in batch:
            if r.content_hash() in known:
                s.skipped += 1
            else:
                todo.append(r)
        origins = {}
        arts: list[Article] = []
        for out in pipeline.pipe(todo, batch_size=batch_size):
            if isinstance(out, Reject):
                reject(out)
            else:
                arts.append(out)
        for r in todo:
            origins[r.id] = r.origin
        new = db.add_articles(arts, origins)
        if new and merge is not None:
            merge(db)  # incremental cross-article merging of the new event mentions
        s.stored += new
        s.skipped += len(arts) - new
        s.events += sum(len(a.events) for a in arts)
        batch = []
        seen_in_batch.clear()
        s.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(s)

    for rec in records:
        s.read += 1
        rej = validate(rec)
        if rej is not None:
            reject(rej)
            if on_progress:
                on_progress(s)
            continue
        h = rec.content_hash()
        if h in seen_in_batch:
            s.skipped += 1
            continue
        seen_in_batch.add(h)
        batch.append(rec)
        if len(batch) >= batch_size:
            flush()
    flush()
    s.seconds = time.perf_counter() - t0
    return s
