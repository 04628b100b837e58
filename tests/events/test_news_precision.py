"""Precision fixes from the judged T17 sample (bench/event_precision.py, bench/RESULTS-events.md "Precision on
modern news"): non-agent doers (spills, accidental explosions, drugs, markets, evidence) and trigger word
senses (kill a well, call off a search, rally by N percent, release a report, offer reassurance / products,
deploy booms, an assault ship, support aid). Every sentence is run through real spaCy and every stage; each
negative has a positive twin that must keep its event. The sentences are written for these tests (none is
from the T17 sample or the GSR)."""
from __future__ import annotations

import pytest


def _types(ctx):
    return [(e.type, e.trigger.text) for e in ctx.events]


# --- non-agent doers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The oil slick is moving north and threatens the coast of Alabama, the US Coast Guard said.",
    "A chemical plant explosion killed nine workers in northern Mexico on Tuesday.",
    "The drug killed the Brazilian singer at his home in Rio de Janeiro.",
    "The Japanese yen rallied against the US dollar after the announcement.",
    "The findings support the version of events given by the Kenyan police.",
])
def test_news_non_agent_doer_gives_no_event(code, text):
    assert code(text).events == [], _types(code(text))


def test_news_weapon_made_explosion_is_still_an_attack(code):
    ctx = code("A roadside bomb explosion killed four Afghan soldiers near Kandahar on Sunday.")
    ev = [e for e in ctx.events if e.type == "ASSAULT"]
    assert ev, _types(ctx)
    assert ev[0].source is not None and "explosion" in ev[0].source.text
    assert ev[0].target is not None and "soldiers" in ev[0].target.text


def test_news_political_threat_still_kept(code):
    ctx = code("Iran threatened Israel with retaliation on Monday.")
    ev = [e for e in ctx.events if e.type == "THREATEN"]
    assert ev and ev[0].source.text == "Iran" and ev[0].target.text == "Israel"


# --- trigger word senses ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Engineers hope to kill the well by Friday, the Interior Department said.",
    "Chilean rescuers called off the search for the missing miners on Sunday.",
    "The Shanghai index rallied by 12 percent last month, Chinese regulators said.",
    "The committee delayed the release of the report by the Nigerian government.",
    "The Greek prime minister offered reassurance that the banks were safe.",
    "The Indian firm offers a wide range of testing products to hospitals.",
    "Dutch Navy ships deployed booms and skimmers along the coast.",
])
def test_news_trigger_sense_gives_no_event(code, text):
    assert code(text).events == [], _types(code(text))


@pytest.mark.parametrize("text, typ", [
    ("Soldiers killed three Taliban commanders in Helmand on Monday.", "ASSAULT"),
    ("The Colombian union called off the strike after talks with the government.", "CONCEDE"),
    ("Thousands of opposition supporters rallied in Caracas against the government.", "PROTEST"),
    ("The rebels released 20 Nigerian hostages on Monday.", "RETREAT"),
    ("Syria offered to mediate between the two sides.", "AGREE"),
    ("NATO deployed 3,000 troops to the Kosovo border.", "MOBILIZE"),
])
def test_news_trigger_sense_twins_keep_their_event(code, text, typ):
    assert typ in {e.type for e in code(text).events}, _types(code(text))


def test_news_assault_ship_is_not_an_attack(code):
    ctx = code("Britain has also sent two amphibious assault ships to Sierra Leone.")
    assert "ASSAULT" not in {e.type for e in ctx.events}, _types(ctx)
    assert "MOBILIZE" in {e.type for e in ctx.events}, _types(ctx)


def test_news_support_aid_is_aid(code):
    ctx = code("Canadian military helicopters are being used to support aid distributions in Pakistan.")
    ev = [e for e in ctx.events if e.trigger.text == "support"]
    assert ev and ev[0].type == "AID", _types(ctx)
    assert ev[0].source is not None and "helicopters" in ev[0].source.text
