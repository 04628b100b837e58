"""Divisions that share a name: with nothing else said, the largest is meant."""
from tacitus.actors import resolve_phrase
from tacitus.actors.lexicon import division_country


def test_shared_division_name_gives_the_largest():
    # Florida: the US state (hundreds of towns), a Puerto Rican municipality, a Uruguayan department
    assert division_country("Florida") == "USA"
    assert resolve_phrase("Florida").country == "USA"
    assert division_country("Darfur") == "SDN"
