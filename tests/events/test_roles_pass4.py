"""Fourth precision pass on modern news (bench/event_precision.py, fresh T17 sample seed 47; bench/RESULTS-events.md
"Precision on modern news"): role fillers. A gerund's by-phrase is its doer ("due to lobbying by BP"); a firm named
by a common noun can be the one asked ("asked the company to ..."); nothing named is convicted in "if convicted, the
maximum sentence is ..."; an event, an activity or a thing is no recipient ("an investigation into the rig explosion",
"banned deep water drilling", "seized power", "after the BP oil spill disaster"), but its possessor may be ("BP's
2005 refinery explosion"); bare passive conjuncts share their patient ("who were harassed, imprisoned and tortured"); a
warning with no act in it is no threat unless a political hearer is its object, nor is a danger foretold ("warned that
the storm could kill"); "his criticism" in a clause of its own is the speaker's; a subject before an adverbial
("X, after asking Y, said") is the adverbial's doer; readers' comments under an article give no event. Every
sentence runs through real spaCy and every stage; each negative has a positive twin. The sentences are written for
these tests."""
from __future__ import annotations

import pytest

from tests.events.news_helpers import evs as _evs


def _ev(ctx, trigger):
    return next((e for e in ctx.events if e.trigger.text == trigger), None)


# --- a gerund's by-phrase is its doer ----------------------------------------------------------------------------

def test_roles4_gerund_by_phrase_is_the_doer(code):
    ctx = code("The U.S. does not require a remote shut-off , apparently due to lobbying by Exxon and other oil "
               "firms .")
    ev = _ev(ctx, "lobbying")
    assert ev is not None and ev.source is not None and ev.source.text == "Exxon", _evs(ctx)
    assert ev.target is None or ev.target.text != "Exxon", _evs(ctx)


def test_roles4_finite_lobbying_keeps_its_subject(code):
    ctx = code("Exxon has been lobbying Canadian regulators to drop the rule .")
    ev = _ev(ctx, "lobbying")
    assert ev is not None and ev.source.text == "Exxon" and "regulators" in ev.target.text, _evs(ctx)


# --- a firm named by a common noun can be asked --------------------------------------------------------------------

def test_roles4_the_company_is_the_one_asked(code):
    ctx = code("The government has asked the company to start holding meetings with the communities around the mine .")
    ev = _ev(ctx, "asked")
    assert ev is not None and ev.target is not None and ev.target.text == "the company", _evs(ctx)


def test_roles4_the_communities_are_asked_when_they_are_the_object(code):
    ctx = code("The government has asked the communities around the mine to start holding meetings with the company .")
    ev = _ev(ctx, "asked")
    assert ev is not None and ev.target is not None and ev.target.text.startswith("the communities"), _evs(ctx)


# --- if convicted: only a person can be the one convicted ----------------------------------------------------------

def test_roles4_if_convicted_a_penalty_is_no_target(code):
    ctx = code("If convicted , the maximum sentence for the senator is ten years in prison .")
    assert not any(e.target is not None and "sentence" in e.target.text for e in ctx.events), _evs(ctx)


def test_roles4_if_convicted_the_person_is_the_target(code):
    ctx = code("If convicted , the senator faces ten years in prison .")
    ev = _ev(ctx, "convicted")
    assert ev is not None and ev.target is not None and ev.target.text == "the senator", _evs(ctx)


# --- events, activities and things are no recipients ---------------------------------------------------------------

@pytest.mark.parametrize("text,trigger,thing", [
    ("The Justice Department has opened a criminal investigation into the refinery explosion .", "investigation",
     "explosion"),
    ("The Obama administration banned deep water drilling in the gulf for six months .", "banned", "drilling"),
    ("Army colonels seized power in the capital in 1991 .", "seized", "power"),
])
def test_roles4_an_event_or_activity_is_no_target(code, text, trigger, thing):
    ev = _ev(code(text), trigger)
    assert ev is not None and (ev.target is None or thing not in ev.target.text), _evs(code(text))


@pytest.mark.parametrize("text,trigger,who", [
    ("The Justice Department has opened a criminal investigation into Halliburton .", "investigation", "Halliburton"),
    ("The military government banned the opposition party in 1991 .", "banned", "the opposition party"),
    ("Army colonels seized the president in the capital in 1991 .", "seized", "the president"),
])
def test_roles4_an_actor_stays_the_target(code, text, trigger, who):
    ev = _ev(code(text), trigger)
    assert ev is not None and ev.target is not None and ev.target.text == who, _evs(code(text))


def test_roles4_the_possessor_of_an_event_is_the_target(code):
    ctx = code("The Chemical Safety Board criticised BP 's 2005 refinery explosion in Texas City .")
    ev = _ev(ctx, "criticised")
    assert ev is not None and ev.target is not None and ev.target.text == "BP", _evs(ctx)


def test_roles4_a_time_phrase_holds_no_recipient(code):
    ctx = code("The Obama administration banned such drilling after the BP oil spill disaster .")
    ev = _ev(ctx, "banned")
    assert ev is not None and (ev.target is None or "disaster" not in ev.target.text), _evs(ctx)


def test_roles4_a_recipient_in_the_complement_is_still_found(code):
    ctx = code("The Obama administration banned such drilling by BP in the gulf .")
    ev = _ev(ctx, "banned")
    assert ev is not None and ev.target is not None and ev.target.text == "BP", _evs(ctx)


# --- bare passive conjuncts share their patient --------------------------------------------------------------------

def test_roles4_passive_conjuncts_share_the_patient(code):
    ctx = code("She visited Turkish writers who , in the Eighties , were harassed , imprisoned and tortured for their "
               "opinions .")
    ev = _ev(ctx, "tortured")
    assert ev is not None and ev.target is not None and "writers" in ev.target.text, _evs(ctx)
    assert ev.source is None or "writers" not in ev.source.text, _evs(ctx)


def test_roles4_active_conjuncts_keep_their_doer(code):
    ctx = code("The Turkish police harassed , imprisoned and tortured dozens of writers .")
    ev = _ev(ctx, "tortured")
    assert ev is not None and ev.source is not None and "police" in ev.source.text, _evs(ctx)


# --- a warning of a danger is no threat ------------------------------------------------------------------------------

def test_roles4_warning_of_a_danger_is_no_threat(code):
    ctx = code("The British government warned that the stricken tanker was a bomb and that BP was making things "
               "worse .")
    assert not any(e.type == "THREATEN" for e in ctx.events), _evs(ctx)


@pytest.mark.parametrize("text", [
    "Regional leaders were warned that the storm could kill thousands of people .",
    "Chinese officials have warned economic discontent could threaten social stability .",
])
def test_roles4_danger_foretold_is_no_threat(code, text):
    assert not any(e.type == "THREATEN" for e in code(text).events), _evs(code(text))


@pytest.mark.parametrize("text", [
    "The army warned rebels it would attack their positions .",
    "Cairo 's security chief has warned that police will no longer tolerate rallies .",
    "Israel warned that any attack on its territory would be met with force .",
])
def test_roles4_act_of_an_actor_warned_of_stays_a_threat(code, text):
    assert any(e.type == "THREATEN" for e in code(text).events), _evs(code(text))


def test_roles4_warning_the_hearer_stays_a_threat(code):
    ctx = code("The British government warned BP that it would seize the company 's assets .")
    assert any(e.type == "THREATEN" and e.target is not None and e.target.text == "BP" for e in ctx.events), _evs(ctx)


# --- readers' comments ------------------------------------------------------------------------------------------------

COMMENT = ("France condemned the United States over the airport .\n"
           "At 11:35 am on 18 Jan 2010 , Nikolas wrote : Germany condemned Russia over the pipeline .")


def test_roles4_no_event_in_readers_comments(code):
    ctx = code(COMMENT)
    assert not any(e.source is not None and e.source.text == "Germany" for e in ctx.events), _evs(ctx)


def test_roles4_the_article_above_the_comments_keeps_its_events(code):
    ctx = code(COMMENT)
    assert any(e.source is not None and e.source.text == "France" for e in ctx.events), _evs(ctx)
    ctx = code("France condemned the United States over the airport .\nGermany condemned Russia over the pipeline .")
    assert any(e.source is not None and e.source.text == "Germany" for e in ctx.events), _evs(ctx)


# --- the "# ex:" lines of this pass's word lists ----------------------------------------------------------------------

def _examples(name):
    from tacitus.events import resources as R
    return [(ex.sentence, ex.expect) for ex in R.examples(name)]


@pytest.mark.parametrize("text,word", _examples("organisation_nouns.txt"))
def test_roles4_organisation_noun_example(code, text, word):
    from tacitus.events import resources as R
    assert word in R.words("organisation_nouns.txt")
    assert any(e.target is not None and word in e.target.text for e in code(text).events), _evs(code(text))


@pytest.mark.parametrize("text,role", _examples("non_recipients.txt"))
def test_roles4_non_recipient_example(code, text, role):
    ctx = code(text)
    assert ctx.events and not any(e.target is not None and e.target.text == role for e in ctx.events), _evs(ctx)


@pytest.mark.parametrize("text", [t for t, _ in _examples("comment_markers.txt")] or ["-"])
def test_roles4_comment_marker_example(text):
    from tacitus.events.stage import comment_start
    assert comment_start("The article .\n" + text) == len("The article .\n")
    assert comment_start("The article .\nNo comment here .") == len("The article .\nNo comment here .")


# --- the possessive of an event noun that is its own clause's subject; a doer before an adverbial -------------------

def test_roles4_his_criticism_is_the_speakers(code):
    ctx = code("Speaking to David Cameron by phone , President Barack Obama said his criticism of BP was not "
               "anti-British .")
    ev = _ev(ctx, "criticism")
    assert ev is not None and ev.source is not None and "Obama" in ev.source.text, _evs(ctx)


def test_roles4_their_investigation_is_the_subjects(code):
    ctx = code("The committee completed its investigation of the Interior Department .")
    ev = _ev(ctx, "investigation")
    assert ev is not None and ev.source is not None and ev.source.text == "The committee", _evs(ctx)


def test_roles4_subject_before_an_adverbial_is_the_doer(code):
    ctx = code("Larry Bagnell of the Liberals , after asking Anne Drinkwater to compare the regulations , said she had "
               "no answers .")
    ev = _ev(ctx, "asking")
    assert ev is not None and ev.source is not None and "Bagnell" in ev.source.text, _evs(ctx)


def test_roles4_main_clause_doer_of_an_adverbial_is_kept(code):
    ctx = code("After asking Canadian regulators to drop the rule , the British minister said the talks had gone "
               "well .")
    ev = _ev(ctx, "asking")
    assert ev is not None and ev.source is not None and ev.source.text == "the British minister", _evs(ctx)
