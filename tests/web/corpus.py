"""A small synthetic corpus built from the real data model and stored through the real library
(``Database.add_articles``), so the web tests exercise the same rows ingest writes."""
from __future__ import annotations

from tacitus.model import (Actor, Article, Entity, Event, EventDate, Participant, Place, Span, Timex,
                           event_id)

PRK_DIPLOMAT = Actor(name="Jo Song-gil", country="PRK", sectors=["GOV"], kind="person")
ITA = Actor(name="Italy", country="ITA", sectors=[], kind="country")
PRK = Actor(name="North Korea", country="PRK", sectors=["GOV"], kind="country")
KOR_NIS = Actor(name="National Intelligence Service", country="KOR", sectors=["SPY"], kind="organization")
USA = Actor(name="United States", country="USA", sectors=["GOV"], kind="country")
ROME = Place(name="Rome", geonameid=3169070, lat=41.89193, lon=12.51133, country="ITA", feature="city")
SEOUL = Place(name="Seoul", geonameid=1835848, lat=37.566, lon=126.9784, country="KOR", feature="city")
XSS = "<script>window.__xss = 1</script>"


def _find(text: str, s: str, start: int = 0) -> tuple[int, int]:
    i = text.index(s, start)
    return i, i + len(s)


def _sentences(text: str) -> list[Span]:
    out, pos = [], 0
    for part in text.split(". "):
        end = pos + len(part) + (1 if pos + len(part) < len(text) else 0)
        out.append(Span(pos, min(end, len(text)), text[pos:min(end, len(text))]))
        pos = end + 1
    return out


def _event(art_id: str, text: str, typ: str, cameo: str, trig: str, src, tgt, date: EventDate,
           place: Place | None = None, modality: str = "asserted", attribution: str | None = None,
           confidence: float = 0.8) -> Event:
    t0, t1 = _find(text, trig)
    sent = next(s for s in _sentences(text) if s.start <= t0 < s.end)
    parts = []
    for role in (src, tgt):
        if role is None:
            parts.append(None)
            continue
        mention, actor = role
        a, b = _find(text, mention)
        parts.append(Participant(a, b, mention, actor))
    att = None
    if attribution:
        a, b = _find(text, attribution)
        att = Participant(a, b, attribution, None)
    ev = Event(type=typ, trigger=Span(t0, t1, trig), sentence=Span(sent.start, sent.end), cameo=cameo,
               source=parts[0], target=parts[1], date=date, location=place, modality=modality,
               attribution=att, confidence=confidence)
    ev.id = event_id(art_id, ev)
    return ev


def articles() -> list[Article]:
    t1 = ("Jo Song-gil asked Italy for asylum in Rome early last month, the Joongang Ilbo reported. "
          "Italy protected the diplomat. The National Intelligence Service declined to comment on Thursday")
    a1 = Article(id="a1", date="2019-01-03", text=t1, title="North Korean envoy seeks asylum in Italy",
                 source="Example Wire", url="https://example.org/a1")
    a1.sentences = _sentences(t1)
    a1.timexes = [Timex(*_find(t1, "early last month"), "early last month", "DATE", "2018-12", "START"),
                  Timex(*_find(t1, "Thursday"), "Thursday", "DATE", "2019-01-03")]
    a1.entities = [Entity(*_find(t1, "Jo Song-gil"), "Jo Song-gil", "PERSON", actor=PRK_DIPLOMAT),
                   Entity(*_find(t1, "Italy"), "Italy", "GPE", actor=ITA),
                   Entity(*_find(t1, "Rome"), "Rome", "GPE", place=ROME),
                   Entity(*_find(t1, "Joongang Ilbo"), "Joongang Ilbo", "ORG"),
                   Entity(*_find(t1, "National Intelligence Service"), "National Intelligence Service", "ORG",
                          actor=KOR_NIS)]
    a1.events = [
        _event("a1", t1, "REQUEST", "0234", "asked", ("Jo Song-gil", PRK_DIPLOMAT), ("Italy", ITA),
               EventDate("2018-12", "2018-12-01", "2018-12-10", "month", "text", "START"), ROME,
               modality="reported", attribution="the Joongang Ilbo"),
        _event("a1", t1, "AID", "0234", "protected", ("Italy", ITA), ("the diplomat", PRK_DIPLOMAT),
               EventDate(None, None, "2019-01-03", "unknown", "unknown"), ROME),
        _event("a1", t1, "REJECT", "011", "declined", ("The National Intelligence Service", KOR_NIS), None,
               EventDate("2019-01-03", "2019-01-03", "2019-01-03", "day", "text"), SEOUL, confidence=0.9),
    ]
    t2 = (f"Italy expelled ambassador Mun Jong-nam in September 2017. {XSS} North Korea condemned the "
          "move. <b>Bold</b> & \"quoted\" text stays text")
    a2 = Article(id="a2", date="2017-09-20", text=t2, title=f"Italy expels envoy {XSS}", source="Other Wire",
                 url="javascript:window.__xss=2")
    a2.sentences = _sentences(t2)
    a2.timexes = [Timex(*_find(t2, "September 2017"), "September 2017", "DATE", "2017-09")]
    a2.entities = [Entity(*_find(t2, "Italy"), "Italy", "GPE", actor=ITA),
                   Entity(*_find(t2, "North Korea"), "North Korea", "GPE", actor=PRK)]
    a2.events = [
        _event("a2", t2, "SANCTION", "1663", "expelled", ("Italy", ITA), ("ambassador Mun Jong-nam", PRK),
               EventDate("2017-09", "2017-09-01", "2017-09-30", "month", "text"), ROME),
        _event("a2", t2, "ACCUSE", "112", "condemned", ("North Korea", PRK), ("Italy", ITA),
               EventDate(None, "2017-09-01", "2017-09-20", "unknown", "publication"), None),
    ]
    # Many small dated events for pagination and the actor chart.
    more = []
    for i in range(60):
        month = 1 + i % 12
        year = 2015 + i // 12
        t = f"The United States met Italy on day {i}. Officials said talks went well"
        a = Article(id=f"b{i:02d}", date=f"{year}-{month:02d}-15", text=t, title=f"Talks {i}")
        a.sentences = _sentences(t)
        a.entities = [Entity(*_find(t, "The United States"), "The United States", "GPE", actor=USA),
                      Entity(*_find(t, "Italy"), "Italy", "GPE", actor=ITA)]
        a.events = [_event(a.id, t, "CONSULT", "040", "met", ("The United States", USA), ("Italy", ITA),
                           EventDate(f"{year}-{month:02d}-10", f"{year}-{month:02d}-10",
                                     f"{year}-{month:02d}-10", "day", "text"),
                           ROME if i % 3 == 0 else None, confidence=0.6)]
        more.append(a)
    return [a1, a2, *more]


def build(path) -> str:
    from tacitus.store import Database
    arts = articles()
    for a in arts:
        a.content_hash = f"hash-{a.id}"
    with Database(path) as db:
        db.add_articles(arts)
    return str(path)
