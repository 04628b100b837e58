"""The data model shared by every stage: plain dataclasses, JSON in and out.

Every offset is a Python string index into ``Article.text`` (the body exactly as analysed).
The JSON form of these objects is the output contract documented in ``docs/schema.md`` and
``src/tacitus/schema/article.schema.json``; bump ``SCHEMA_VERSION`` when it changes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict, fields
from datetime import date
from typing import Any

SCHEMA_VERSION = "1.0"

MODALITIES = ("asserted", "negated", "hypothetical", "future", "attempted", "reported")
BASES = ("text", "publication", "unknown")
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade", "century", "time", "unknown")


@dataclass
class Span:
    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Timex:
    """A TIMEX3 temporal expression. ``value`` follows the TimeML TIMEX3 value grammar."""
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    # Optional interval the expression denotes (ISO dates), filled by the time stage for DATE/TIME.
    interval_start: str | None = None
    interval_end: str | None = None
    # Where the anchor came from: "publication" (relative to DCT), "reference" (relative to an earlier
    # date in the text) or "absolute".
    anchor: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod}


@dataclass
class Actor:
    """A coded actor: country (ISO 3166-1 alpha-3 or IGO code), agent sectors and a composite code."""
    name: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    code: str | None = None
    kind: str | None = None  # person | organization | country | group | igo
    id: str | None = None  # stable registry id (e.g. "actor:jo-song-gil")

    def __post_init__(self):
        if self.code is None:
            self.code = make_code(self.country, self.sectors)

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "sectors": list(self.sectors),
                "code": self.code, "kind": self.kind, "id": self.id}


def make_code(country: str | None, sectors: list[str] | None) -> str | None:
    """CAMEO-style composite code: country followed by the first sector ("PRK" + "GOV" -> "PRKGOV")."""
    if not country and not sectors:
        return None
    return (country or "---") + (sectors[0] if sectors else "")


@dataclass
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3
    feature: str | None = None  # country | adm1 | adm2 | city | continent | region | town | near

    def to_dict(self) -> dict:
        return {"name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country": self.country, "feature": self.feature}


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str  # spaCy NER label (PERSON, ORG, GPE, NORP, LOC, FAC) or NOUN for coded common nouns
    actor: Actor | None = None
    place: Place | None = None
    # index of the entity this one corefers with (the canonical mention), if any
    coref: int | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "actor": self.actor.to_dict() if self.actor else None,
                "place": self.place.to_dict() if self.place else None,
                "coref": self.coref}


@dataclass
class Participant:
    """An event role filler: the span in the text and the actor it resolves to (actor may be null)."""
    start: int
    end: int
    text: str
    actor: Actor | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "actor": self.actor.to_dict() if self.actor else None}


@dataclass
class EventDate:
    value: str | None = None  # TIMEX3 value, e.g. 2018-12
    start: str | None = None  # ISO date, first day of the interval (None = open)
    end: str | None = None  # ISO date, last day of the interval (None = open)
    granularity: str = "unknown"
    basis: str = "unknown"  # text | publication | unknown
    mod: str | None = None
    timex: Span | None = None  # the governing temporal expression

    def to_dict(self) -> dict:
        return {"value": self.value, "start": self.start, "end": self.end,
                "granularity": self.granularity, "basis": self.basis, "mod": self.mod,
                "timex": self.timex.to_dict() if self.timex else None}


@dataclass
class Event:
    type: str  # PLOVER type (or a documented extension type)
    trigger: Span
    sentence: Span
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    source: Participant | None = None
    target: Participant | None = None
    date: EventDate = field(default_factory=EventDate)
    location: Place | None = None
    modality: str = "asserted"
    attribution: Participant | None = None
    confidence: float = 0.5
    plover_type: str | None = None  # nearest PLOVER type when ``type`` is an extension
    negated: bool = False
    # True for communication events (say, comment, decline to comment, deny): with no governing time
    # expression they are dated on the publication side (basis "publication"), unlike other events.
    reporting: bool = False
    ontology_version: str | None = None
    id: str | None = None
    # internal: spaCy token index of the trigger head, used by later stages (not serialized)
    head_token: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "plover_type": self.plover_type or self.type,
            "mode": self.mode, "contexts": list(self.contexts), "cameo": self.cameo,
            "trigger": self.trigger.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality, "negated": self.negated, "reporting": self.reporting,
            "ontology_version": self.ontology_version,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "confidence": round(float(self.confidence), 3),
        }


def event_id(article_id: str, ev: Event) -> str:
    """Stable id: hash of the article id, trigger offsets, type and role offsets (coordinated subjects
    share a trigger: "Ko and Hyon defected" is two events)."""
    src = f"{ev.source.start}:{ev.source.end}" if ev.source else "-"
    tgt = f"{ev.target.start}:{ev.target.end}" if ev.target else "-"
    h = hashlib.sha1(f"{article_id}|{ev.trigger.start}|{ev.trigger.end}|{ev.type}|{src}|{tgt}".encode()).hexdigest()
    return "ev_" + h[:16]


@dataclass
class Record:
    """One input record from a reader, before analysis."""
    id: str | None
    date: date | None
    text: str | None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file path / line number, for error messages
    error: str | None = None  # set by a reader when the record is unusable

    def content_hash(self) -> str:
        return hashlib.sha256(f"{self.date}|{self.text}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Reject:
    origin: str
    id: str | None
    reason: str
    snippet: str = ""

    def to_dict(self) -> dict:
        return {"origin": self.origin, "id": self.id, "reason": self.reason, "snippet": self.snippet}


@dataclass
class Article:
    id: str
    date: str  # publication date, ISO
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    sentences: list[Span] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    language: str = "en"
    content_hash: str | None = None
    dateline: Place | None = None

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id, "date": self.date, "title": self.title, "url": self.url,
            "source": self.source, "language": self.language, "text": self.text,
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "timexes": [t.to_dict() for t in self.timexes],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
        }
