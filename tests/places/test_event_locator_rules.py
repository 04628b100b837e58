"""EventLocator rules on real spaCy parses: one case (or a pair) per rule — where the event happened comes
from a locative phrase of the trigger or its clause, never from a participant's name or affiliation, a
topic phrase, or the dateline of a later sentence."""
from __future__ import annotations

import pytest

from tacitus.model import Event, Span
from tacitus.places import EventLocator
from tests.places.helpers_places import places_ctx


def _locate(nlp, text, trigger, etype="X", reporting=False):
    """The location EventLocator gives the event of the first token ``trigger`` in ``text``."""
    ctx = places_ctx(nlp, text)
    tok = next(t for t in ctx.doc if t.text == trigger)
    ev = Event(type=etype, plover_type=etype, trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
               sentence=Span(tok.sent.start_char, tok.sent.end_char), head_token=tok.i, reporting=reporting)
    ctx.events = [ev]
    EventLocator()(ctx)
    return ev.location.name if ev.location is not None else None


@pytest.mark.parametrize("text,trigger,etype,place", [
    # a locative phrase attached to the trigger, fronted, or on a noun trigger
    ("Police arrested three men in Nairobi on Monday.", "arrested", "COERCE", "Nairobi"),
    ("In Nairobi, police arrested three men on Monday.", "arrested", "COERCE", "Nairobi"),
    ("European Union ministers will hold talks in Brussels on Monday.", "talks", "CONSULT", "Brussels"),
    # a place modifying the object of an "area" preposition
    ("Gunmen opened fire at a Kabul hotel on Friday.", "opened", "ASSAULT", "Kabul"),
    # a place the event is done to: by type, and by verb (visit) for any type
    ("Clinton announced air strikes on Iraq.", "strikes", "ASSAULT", "Iraq"),
    ("Obama visited Kenya in 2006.", "visited", "CONSULT", "Kenya"),
    ("The visit of President Obama to Turkey came as a surprise.", "visit", "CONSULT", "Turkey"),
    # a locative relative clause whose noun is no place itself
    ("He went to a warehouse in north London where he met the band.", "met", "CONSULT", "London"),
    # a locative phrase of the subject, for an event that is not a reporting one
    ("A judge in Los Angeles ordered the doctor to stand trial.", "ordered", "REQUEST", "Los Angeles"),
])
def test_event_locator_locative_phrases(nlp, text, trigger, etype, place):
    assert _locate(nlp, text, trigger, etype) == place


@pytest.mark.parametrize("text,trigger,etype,reporting", [
    # where a reporting event happened is only what the text says: not the speaker's place
    ("Officials in Washington said the talks had failed.", "said", "STATEMENT", True),
    ("Jeffrey Woodruff, a senior director in Fitch's energy team in London, said costs could rise.",
     "said", "STATEMENT", True),
    # an actor's affiliation or title
    ("The ambassador to Rome asked Italy for protection.", "asked", "REQUEST", False),
    # "material" prepositions only for material events: "called on Moscow" is no place of the call
    ("Lawmakers called on Moscow to release the prisoners.", "called", "REQUEST", False),
    # topic phrases: the place of what the event is about
    ("Obama criticised the company over the spill in the Gulf of Mexico.", "criticised", "ACCUSE", False),
    ("The firm sought help from its rivals in Texas.", "sought", "REQUEST", False),
    # "in U.S. history" says nothing about the place
    ("The firm recorded the biggest loss in U.S. history.", "recorded", "X", False),
    # a place object of a non-material event is a participant, not the place
    ("The minister criticised Washington on Monday.", "criticised", "ACCUSE", False),
])
def test_event_locator_no_place(nlp, text, trigger, etype, reporting):
    assert _locate(nlp, text, trigger, etype, reporting) is None


def test_event_locator_reporting_event_with_its_own_place(nlp):
    text = "The minister said in an interview in London that the talks had failed."
    assert _locate(nlp, text, "said", "STATEMENT", reporting=True) == "London"


def test_event_locator_dateline_only_for_the_lead(nlp):
    text = "NAIROBI (Reuters) - Police arrested three men on Monday. Their families protested loudly."
    ctx_first = _locate(nlp, text, "arrested", "COERCE")
    assert ctx_first == "Nairobi"
    assert _locate(nlp, text, "protested", "PROTEST") is None


def test_event_locator_most_specific_place_of_the_clause(nlp):
    text = "In Fort Jackson in southern Louisiana, the Saints held a rally for the fishermen."
    assert _locate(nlp, text, "rally", "PROTEST") == "Fort Jackson"
