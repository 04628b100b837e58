"""EventLocator rules of the second pass, on real spaCy parses: a second verb sharing the first verb's
place, "there" / "the capital" / "the city" resolving to the place just named, appositions of a locative
object, the direct object's locative phrase for saying/asking types, and time/circumstance phrases."""
from __future__ import annotations

import pytest

from tests.places.test_event_locator_rules import _locate


@pytest.mark.parametrize("text,trigger,etype,place", [
    # conjoined verbs with one subject, a participial clause, an infinitive under the verb of "There"
    ("Dominican Republic President Leonel Fernandez met his Haitian counterpart, Rene Preval, in "
     "Port-au-Prince on Friday and pledged to help the rescue effort.", "pledged", "AGREE", "Port-au-Prince"),
    ("The minister arrived in Kabul on Monday, promising more aid to the refugees.", "promising", "AID", "Kabul"),
    # "there": the last place the preceding sentence names as a setting or destination
    ("Hayward began his day in Houston and then went on to Venice, Louisiana. There, he planned to meet "
     "with local officials.", "meet", "CONSULT", "Venice"),
    # "the capital": the capital of the one country just named; "the city": the one town just named
    ("Heavy fighting broke out in Libya this week. Rebels met foreign envoys in the capital on Tuesday.",
     "met", "CONSULT", "Tripoli"),
    ("The storm hit Port-au-Prince on Monday. Aid workers distributed food in the city on Tuesday.",
     "distributed", "AID", "Port-au-Prince"),
    # an apposition of the locative object names the finer place
    ("African Union health ministers are discussing the response at a conference in Ethiopia's capital "
     "Addis Ababa.", "discussing", "CONSULT", "Addis Ababa"),
    # a participant inside the object of an asking event is where the asking happened
    ("BP asked a federal judge in Houston to dismiss the case.", "asked", "REQUEST", "Houston"),
    # other types keep the locative phrase of their object
    ("In a desperate move, officials opened gates in the Mississippi River on Monday.", "opened", "RETREAT",
     "the Mississippi River"),
])
def test_second_pass_locates(nlp, text, trigger, etype, place):
    assert _locate(nlp, text, trigger, etype) == place


@pytest.mark.parametrize("text,trigger,etype,reporting", [
    # a second clause with its own subject has its own setting
    ("Obama spoke in Cairo and his aides said the trip had gone well.", "said", "STATEMENT", True),
    # the first verb's object's place is not the second verb's
    ("Japan advised its nationals in Mexico to consider returning home and has suspended visa waivers for "
     "Mexicans.", "suspended", "SANCTION", False),
    # "the city" when the preceding sentence names two towns: ambiguous, nothing
    ("Riots spread to Nairobi and Mombasa. Police arrested dozens of people in the city.", "arrested",
     "COERCE", False),
    # a place describing a thing an order or a grant is about
    ("He ordered 33 deepwater exploratory wells in the Gulf of Mexico to suspend work.", "ordered", "REQUEST",
     False),
    ("Congress passed a bill to fund wars in Iraq and Afghanistan.", "fund", "AID", False),
    # time and circumstance phrases: where the anchor event or the mood was, not this event
    ("BP has been widely criticised since the April blowout in the Gulf of Mexico.", "criticised", "ACCUSE",
     False),
    ("Mr Obama met Nancy Pelosi amid growing public anger in the US.", "met", "CONSULT", False),
])
def test_second_pass_leaves_unlocated(nlp, text, trigger, etype, reporting):
    assert _locate(nlp, text, trigger, etype, reporting=reporting) is None
