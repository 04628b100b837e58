"""QA findings on actors: no catch-all registry actor for country-less role nouns; executive officers,
intelligence officers and company staff get the right sector."""
from __future__ import annotations

import pytest

from tacitus.actors import actor_id, resolve_phrase
from tacitus.model import Actor


@pytest.mark.parametrize("text,sector", [
    ("a diplomatic source", None), ("A delegation", None), ("the chief financial officer", "BUS"),
    ("a leading international credit-rating agency", "BUS")])
def test_actors_roles_generic_groups_are_not_one_actor(text, sector):
    a = resolve_phrase(text)
    assert a is not None and a.country is None
    if sector:
        assert a.sectors[0] == sector
    assert a.id.startswith("group:---") and a.id.count(":") == 2, a.id


def test_actors_roles_generic_ids_keep_their_head_noun():
    ids = {resolve_phrase(t).id for t in ("a diplomatic source", "A delegation", "the president", "officials of the ministry")}
    assert len(ids) == 4
    assert actor_id(Actor("officials of the ministry", sectors=["GOV"], kind="group")) == "group:---GOV:official"
    assert actor_id(Actor("the Iraqi government", country="IRQ", sectors=["GOV"], kind="group")) == "group:IRQGOV"


@pytest.mark.parametrize("text,country,sectors", [
    ("BP chief operating officer Doug Suttles", "GBR", ["BUS"]),
    ("the chief executive officer", None, ["BUS"]),
    ("an intelligence officer", None, ["SPY"]),
    ("a police officer", None, ["COP"]),
    ("A BP official", "GBR", ["BUS"]),
    ("a Reuters spokesman", "GBR", ["MED"]),
    ("a Labour Party official", None, ["PTY"]),
    ("a Foreign Ministry spokesman", None, ["GOV", "DIP"]),
    ("an official", None, ["GOV"]),
])
def test_actors_roles_sectors(text, country, sectors):
    a = resolve_phrase(text)
    assert a is not None and a.country == country and a.sectors[:len(sectors)] == sectors, a


def test_actors_roles_company_staff_is_no_organization():
    a = resolve_phrase("BP's chief executive Tony Hayward")
    assert a.kind != "organization" and a.sectors[:1] == ["BUS"]
    assert resolve_phrase("BP").kind == "organization"


def test_actors_roles_company_home_country_is_not_the_story_country(pipeline):
    art = pipeline.extract("A BP official criticised the government on Monday for the delays in the cleanup.",
                           "2010-06-03")
    govs = [e.target.actor for e in art.events if e.target is not None and e.target.text == "the government"]
    assert govs and govs[0].country is None
