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

    def reject(self, db: Database, rej: Reject) -> None:
        """Store a rejected record and count it under its reason (the text before any detail)."""
        db.add_reject(rej)
        self.rejected += 1
        key = rej.reason.split(":")[0].split("(")[0].strip()
        self.reject_reasons[key] = self.reject_reasons.get(key, 0) + 1

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
    from .clusters import merge_new as merge
    t0 = time.perf_counter()
    batch: list[Record] = []
    seen_in_batch: set[str] = set()

    def reject(rej: Reject) -> None:
        s.reject(db, rej)

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
        arts: list[Article] = []
        origins: list[str] = []  # by position: two records may share an id
        for r, out in zip(todo, pipeline.pipe(todo, batch_size=batch_size)):  # one output per record, in order
            if isinstance(out, Reject):
                reject(out)
            else:
                arts.append(out)
                origins.append(r.origin)
        new = db.add_articles(arts, origins)
        if new:
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


# -- loading analysed articles (``tacitus extract`` output) ---------------------------------------
# The path from one machine to many: split the input, run ``tacitus extract`` on each part anywhere
# (no database needed), then ``tacitus load`` the JSON Lines into one SQLite file. No parsing here.

def _validator():
    """The article JSON Schema compiled to Python (fastjsonschema: ~80x faster than interpreting it, so
    checking costs ~0.5 ms an article). The schema only uses draft-07 keywords; it is compiled as such."""
    import json
    from importlib import resources
    import fastjsonschema
    schema = json.loads(resources.files("tacitus.schema").joinpath("article.schema.json").read_text())
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def check_record(d, validator) -> str | None:
    """Why an analysed-article object cannot be stored (None: it can): the JSON schema, then every
    offset inside the text."""
    import fastjsonschema
    if not isinstance(d, dict):
        return f"not a JSON object ({type(d).__name__})"
    if "schema_version" in d and d.get("schema_version") != "1.0":
        return f"schema_version {d.get('schema_version')!r} is not 1.0"
    try:
        validator(d)
    except fastjsonschema.JsonSchemaException as e:
        return f"does not match the article schema: {e.message[:200]}"
    n = len(d["text"])
    spans = [("sentences", s) for s in d["sentences"]] + [("timexes", t) for t in d["timexes"]]
    spans += [("entities", e) for e in d["entities"]]
    for ev in d["events"]:
        spans += [("events.trigger", ev["trigger"]), ("events.sentence", ev["sentence"])]
        spans += [(f"events.{k}", ev[k]) for k in ("source", "target", "attribution") if ev.get(k)]
    for name, sp in spans:
        if not (0 <= sp["start"] <= sp["end"] <= n):
            return f"{name} offsets {sp['start']}..{sp['end']} outside the text (length {n})"
    return None


def _analysed_lines(inputs: Iterable[str]):
    """(origin, line) of every non-blank line of the JSON Lines inputs (files, directories of
    *.jsonl / *.json, or '-' for stdin)."""
    import sys
    from pathlib import Path
    for inp in inputs:
        if inp == "-":
            for i, line in enumerate(sys.stdin, 1):
                if line.strip():
                    yield f"<stdin>:{i}", line
            continue
        p = Path(inp)
        files = sorted(x for x in p.rglob("*") if x.suffix in (".jsonl", ".json") and x.is_file()) \
            if p.is_dir() else [p]
        for f in files:
            if not f.exists():
                yield f"{f}", None
                continue
            with open(f, encoding="utf-8", errors="surrogateescape") as fh:
                for i, line in enumerate(fh, 1):
                    if line.strip():
                        yield f"{f}:{i}", line


def load(db: Database, inputs: Iterable[str], batch_size: int = 256,
         on_progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Store analysed articles (JSON Lines from ``tacitus extract``) without re-analysing them.
    Idempotent by content hash like ``ingest``; each bad line is a reject naming file:line and the reason;
    merged events are updated after each batch."""
    import hashlib
    import json
    from .clusters import merge_new as merge
    validator = _validator()
    s = IngestSummary()
    t0 = time.perf_counter()
    batch: list[tuple[dict, str, str]] = []

    def reject(origin, rid, reason, snippet=""):
        s.reject(db, Reject(origin, rid, reason, snippet[:200]))

    def flush():
        nonlocal batch
        if batch:
            new = db.add_article_dicts(batch)
            if new:
                merge(db)
            s.stored += new
            s.skipped += len(batch) - new
            s.events += sum(len(d["events"]) for d, _, _ in batch)
            batch = []
        s.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(s)

    for origin, line in _analysed_lines(inputs):
        s.read += 1
        if line is None:
            reject(origin, None, "file not found")
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            reject(origin, None, f"invalid JSON: {e}", line)
            continue
        why = check_record(d, validator)
        if why:
            reject(origin, d.get("id") if isinstance(d, dict) else None, why, line)
            continue
        # the same hash as ``ingest`` (date|text): a copy already stored, or twice in a batch, is skipped
        h = hashlib.sha256(f"{d['date']}|{d['text']}".encode("utf-8", "surrogatepass")).hexdigest()
        batch.append((d, h, origin))
        if len(batch) >= batch_size:
            flush()
    flush()
    return s
