"""QA findings on roles: coordinated targets, one event per id, page furniture as roles, inanimate
objects of 'capture', crowds gathering, headline title case."""
from __future__ import annotations

from tacitus.model import event_id


def _ids(ctx):
    return [event_id("t", e) for e in ctx.events]


def test_roles_coordinated_targets_give_distinct_events(code):
    ctx = code("The senator criticised the Obama administration and BP.")
    acc = [e for e in ctx.events if e.type == "ACCUSE"]
    assert {e.target.text for e in acc} == {"the Obama administration", "BP"}
    assert len(set(_ids(ctx))) == len(ctx.events)


def test_roles_coordinated_uncoded_targets_never_duplicate(code):
    ctx = code("UK-based charity Oxfam has urged donor countries and institutions to cancel Haiti's foreign debts.")
    req = [e for e in ctx.events if e.type == "REQUEST"]
    assert req and len(set(_ids(ctx))) == len(ctx.events)


def test_roles_dedupe_events_keeps_one_per_id():
    from tacitus.events.stage import dedupe_events
    from tacitus.model import Event, Span
    a = Event(type="ACCUSE", trigger=Span(4, 14, "criticised"), sentence=Span(0, 20, ""), confidence=0.6)
    b = Event(type="ACCUSE", trigger=Span(4, 14, "criticised"), sentence=Span(0, 20, ""), confidence=0.8)
    c = Event(type="REJECT", trigger=Span(4, 14, "criticised"), sentence=Span(0, 20, ""), confidence=0.5)
    out = dedupe_events([a, c, b])
    assert [e.type for e in out] == ["ACCUSE", "REJECT"] and out[0].confidence == 0.8


def test_roles_headline_timestamps_are_no_actors(code):
    ctx = code("Reuters UK Obama : Government fully mobilized on oil spill - 1 hr ago Guardian . \n"
               "co. uk Obama : Government fully mobilized on oil spill - Reuters - 1 hr ago The Independent said.")
    for e in ctx.events:
        for p in (e.source, e.target):
            assert p is None or ("ago" not in p.text and "co. uk" not in p.text), (e.type, p.text)


def test_roles_capture_needs_people(code):
    assert not [e for e in code("BP is capturing oil from the leaking well.").events if e.type == "ASSAULT"]
    ev = [e for e in code("Rebels captured two soldiers near the border.").events if e.type == "ASSAULT"]
    assert ev and ev[0].target.text == "two soldiers"


def test_roles_crowds_gathering_is_no_protest(code):
    assert not code("When we did stop crowds gathered around us.").events
    assert not [e for e in code("Officials urged people to avoid places where crowds gather such as the metro.").events
                if e.type == "PROTEST"]
    assert [e for e in code("Angry crowds gathered outside the embassy on Friday.").events if e.type == "PROTEST"]


def test_roles_headline_title_case_is_no_political_actor(code):
    ctx = code("Oil booms - partly successful Dispersant used - scientists warn it may kill marine life "
               "Huge dome placed over leak - became blocked by ice crystals.")
    assert not [e for e in ctx.events if e.type == "THREATEN"]


def test_roles_non_actor_span_patterns():
    from tacitus.events.stage import non_actor_span
    assert non_actor_span("1 hr ago Guardian") and non_actor_span("co. uk Obama") and non_actor_span("57 mins ago Yahoo")
    assert not non_actor_span("the Guardian") and not non_actor_span("Hours later the army")


def test_roles_non_actor_span_examples(code):
    from tacitus.events import resources as R
    exs = R.examples("non_actor_spans.txt")
    assert exs
    for ex in exs:
        for e in code(ex.sentence).events:
            for p in (e.source, e.target):
                assert p is None or ex.expect not in p.text, (ex.sentence, e.type, p.text)
