"""EventLocator rules of the third pass, on real spaCy parses: maritime and part-of-place locatives ("off
Louisiana", "off the coast of Louisiana"), destinations of movement events ("flew to Kabul", "deploying a
mission to Libya"), a purpose clause sharing the destination ("drove to Port Fourchon to shoot photos"),
the place after "of" on an attack noun ("the invasion of Iraq"), and landmarks resolved to their town ("At the
White House:" -> Washington)."""
from __future__ import annotations

import pytest

from tests.places.test_event_locator_rules import _locate


@pytest.mark.parametrize("text,trigger,etype,place", [
    # "off" is a locative preposition; a part noun ("coast", "outskirts") passes its "of" place on
    ("The rig exploded off Louisiana on April 20.", "exploded", "ASSAULT", "Louisiana"),
    ("The tanker sank off the coast of Louisiana on Thursday.", "sank", "ASSAULT", "Louisiana"),
    ("Rebels clashed with troops on the outskirts of Tripoli.", "clashed", "ASSAULT", "Tripoli"),
    # destinations: by verb for any type, by type (MOBILIZE) also on the direct object
    ("Obama flew to Kabul on Sunday.", "flew", "CONSULT", "Kabul"),
    ("Tomorrow, WHO is deploying a mission to Libya to investigate the situation.", "deploying", "MOBILIZE",
     "Libya"),
    # of two places as fine, the destination
    ("At the White House: Obama flies to Buffalo, N.Y., for a tour of a local factory.", "flies", "CONSULT",
     "Buffalo"),
    # a purpose clause shares the destination of the verb it hangs on
    ("Ted Jackson drove two hours to Port Fourchon, La., to shoot photos of tar balls.", "shoot", "ASSAULT",
     "Port Fourchon"),
    ("Obama traveled to Toronto to meet with G8 leaders.", "meet", "CONSULT", "Toronto"),
    # the place an attack noun is done to, after "of"
    ("Many nations were angered by the invasion of Iraq.", "invasion", "ASSAULT", "Iraq"),
    # a landmark is in its town, not in a town of that name
    ("At the White House: Obama meets with Cabinet officials and senior staff.", "meets", "CONSULT",
     "Washington"),
    ("Obama and Biden meet with BP executives in the Roosevelt Room of the White House.", "meet", "CONSULT",
     "Washington"),
])
def test_third_pass_locates(nlp, text, trigger, etype, place):
    assert _locate(nlp, text, trigger, etype) == place


@pytest.mark.parametrize("text,trigger,etype", [
    # "to" is no destination for a verb that does not move anything there
    ("The ministers rejected a French plan to suspend flights to Mexico.", "suspend", "SANCTION"),
    # "of" after a noun that is no attack: an affiliation
    ("The government of Iraq condemned the attack.", "government", "DISAPPROVE"),
    # a purpose clause of a verb with no place of its own gets none
    ("The military is sending ships to help with the recovery.", "help", "AID"),
])
def test_third_pass_leaves_unlocated(nlp, text, trigger, etype):
    assert _locate(nlp, text, trigger, etype) is None
