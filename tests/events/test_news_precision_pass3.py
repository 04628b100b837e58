"""Third precision pass on modern news (bench/event_precision.py, fresh T17 sample seed 31; bench/RESULTS-events.md
"Precision on modern news"): accidents reported by a participle ("a rig exploded, killing 11 workers"), a modifier
parsed as the subject of an accident noun, titles in quotes ("Meet the Press"), arranged meetings ("is to meet", "is
due to meet") as future, reduced passive conditions ("if convicted, he ..."), direct questions, and trigger senses
(fight to contain, battle a spill, investigate cases, appeal a decision, offer signs, protect information). Every
sentence runs through real spaCy and every stage; each negative has a positive twin. The sentences are written for
these tests."""
from __future__ import annotations

import pytest

from tests.events.news_helpers import evs as _evs


def _has(ctx, typ, trigger=None):
    return any(e.type == typ and (trigger is None or e.trigger.text == trigger) for e in ctx.events)


# --- accidents: the participle's clause is an accident -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The well began leaking oil into the Gulf after the company 's oil rig exploded on 20 April , killing 11 workers .",
    "The bill may depend on the well , which blew when a rig exploded on April 20 , killing 11 workers .",
    "The Deepwater Horizon drilling rig explosion in April killed 11 workers and spilled oil over several months .",
])
def test_news3_accident_kills_are_no_attack(code, text):
    assert not _has(code(text), "ASSAULT"), _evs(code(text))


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a police station in Baghdad , killing 11 people .",
    "A suicide bomber blew himself up at a checkpoint , killing 11 Iraqi soldiers .",
    "Gunmen opened fire on a bus near Kirkuk , killing 11 people .",
])
def test_news3_weapon_or_attacker_kills_stay_attacks(code, text):
    assert _has(code(text), "ASSAULT", "killing"), _evs(code(text))


# --- a title in quotes is no act -------------------------------------------------------------------------------

def test_news3_quoted_title_is_no_meeting(code):
    text = "Senate Republican leader Mitch McConnell said on Sunday on NBC 's `` Meet the Press '' show that Obama had failed ."
    assert not _has(code(text), "CONSULT"), _evs(code(text))


def test_news3_quoted_act_stays_an_act(code):
    text = "`` We will meet the Iranian delegation tomorrow , '' the Iraqi foreign minister said ."
    ev = [e for e in code(text).events if e.trigger.text == "meet"]
    assert ev and ev[0].modality == "future", _evs(code(text))


# --- arranged meetings are future --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "British Prime Minister David Cameron is to meet US President Barack Obama in Washington on Tuesday .",
    "Barack Obama is due to meet British Prime Minister David Cameron at the White House .",
])
def test_news3_arranged_meeting_is_future(code, text):
    ev = [e for e in code(text).events if e.trigger.text == "meet"]
    assert ev and ev[0].modality == "future", _evs(code(text))


@pytest.mark.parametrize("text", [
    "British Prime Minister David Cameron met US President Barack Obama in Washington on Tuesday .",
    "It is important to meet the Iranian foreign minister , the Iraqi prime minister said .",
])
def test_news3_done_or_extraposed_meeting_is_not_arranged(code, text):
    ev = [e for e in code(text).events if e.trigger.text == "met" or e.trigger.text == "meet"]
    assert all(e.modality != "future" for e in ev), _evs(code(text))


# --- reduced passive conditions: "if convicted, he ..." ----------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("If convicted he may face four years in jail .", "he"),
    ("Dr Conrad Murray faces up to four years in prison if convicted .", "Dr Conrad Murray"),
])
def test_news3_if_convicted_subject_is_the_convicted(code, text, target):
    ev = [e for e in code(text).events if e.trigger.text == "convicted"]
    assert ev and ev[0].target is not None and ev[0].target.text == target, _evs(code(text))
    assert ev[0].source is None, _evs(code(text))


def test_news3_active_conviction_keeps_its_source(code):
    text = "A Cairo court convicted the opposition leader Ayman Nour of forgery ."
    ev = [e for e in code(text).events if e.trigger.text == "convicted"]
    assert ev and ev[0].source is not None and "court" in ev[0].source.text, _evs(code(text))


# --- direct questions assert no event ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Tampa , Fla. : Will BP reimburse the Navy for its assistance ?",
    "Did BP ask federal regulators to reverse procedures shortly before its rig exploded ?",
])
def test_news3_direct_question_gives_no_event(code, text):
    assert not code(text).events, _evs(code(text))


def test_news3_reported_question_keeps_its_event(code):
    text = "Senators asked BP to reverse its procedures , the committee said ."
    assert _has(code(text), "REQUEST"), _evs(code(text))


# --- trigger senses -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("neg, pos, typ", [
    ("Egypt , already fighting to contain an outbreak of the flu virus , said it had no cases of plague .",
     "Rebels are fighting government troops in the north of Chad .", "ASSAULT"),
    ("The company is spending $ 6 million a day to battle the oil spill .",
     "Government troops battled rebels near the border on Monday .", "ASSAULT"),
    ("Health officials in Guatemala and Peru are investigating possible cases of swine flu .",
     "The U.S. Justice Department is investigating whether those responsible violated environmental laws .", "ACCUSE"),
    ("The oil company offered investors tentative signs of recovery on Tuesday .",
     "The Jordanian government offered to mediate between the two sides .", "AGREE"),
    ("But the oil company says it is only protecting confidential information .",
     "Italian authorities were protecting him in a safe place .", "AID"),
])
def test_news3_sense_negative_and_twin(code, neg, pos, typ):
    assert not _has(code(neg), typ), _evs(code(neg))
    assert _has(code(pos), typ), _evs(code(pos))


def test_news3_appeal_a_decision_is_a_legal_challenge(code):
    text = "The Obama administration appealed the decision , defending the suspension ."
    assert _has(code(text), "ACCUSE", "appealed") and not _has(code(text), "REQUEST"), _evs(code(text))
    twin = "The Red Cross appealed to the government to allow aid convoys through ."
    assert _has(code(twin), "REQUEST", "appealed"), _evs(code(twin))
