"""Event locations when the place is also a role filler (CAMEO codes "protested in Jakarta" with target
Indonesia; the place is still where it happened) — and metonymic actors stay non-locations."""
from __future__ import annotations

import pytest


def _events(pipeline, text):
    return pipeline.extract(text, date="2020-01-01").to_dict()["events"]


@pytest.mark.parametrize("text,etype,place", [
    ("Thousands of students protested in Jakarta on Monday against the new law.", "PROTEST", "Jakarta"),
    ("Protesters marched through Hong Kong on Sunday.", "PROTEST", "Hong Kong"),
    ("Russia attacked Ukraine.", "ASSAULT", "Ukraine"),
    ("Police raided homes in Lagos.", "COERCE", "Lagos"),
])
def test_event_location_place_role_is_where_it_happened(pipeline, text, etype, place):
    evs = [e for e in _events(pipeline, text) if e["plover_type"] == etype]
    assert evs, text
    assert (evs[0]["location"] or {}).get("name") == place


@pytest.mark.parametrize("text", [
    "The Kremlin criticised Washington.",
    "Washington warned Moscow against sending troops.",
    "The mayor of Lagos condemned the attack.",
])
def test_event_location_metonymic_actor_is_not_a_location(pipeline, text):
    for e in _events(pipeline, text):
        assert e["location"] is None, (text, e["location"])
