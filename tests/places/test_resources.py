"""Every ``# example:`` line of the places data files is a test case."""
import pytest

from tacitus.places.gazetteer import RES, examples, norm
from tacitus.places.resolve import resolve_place, resolve_spans


def _cases(name):
    return [pytest.param(a, b, id=f"{name}:{a}") for a, b in examples(RES / name)]


@pytest.mark.parametrize("text,expected", _cases("countries.tsv") + _cases("country_aliases.tsv"))
def test_places_country_names_resolve(text, expected):
    p = resolve_place(text)
    assert p is not None and p.country == expected and p.feature == "country"


@pytest.mark.parametrize("text,expected", _cases("admin.tsv"))
def test_places_admin_divisions_resolve(text, expected, gaz):
    i = resolve_spans(text, [(0, len(text))], gaz)[0]
    assert i is not None
    cc, code = expected.split(".")
    assert gaz.cc[i] == cc and gaz.adm1[i] == code


@pytest.mark.parametrize("text,expected", _cases("regions.tsv"))
def test_places_regions_resolve(text, expected):
    p = resolve_place(text)
    assert p is not None and (p.feature == expected or p.country == expected)


@pytest.mark.parametrize("text,expected", _cases("us_state_abbr.tsv"))
def test_places_state_abbreviations(text, expected, gaz):
    assert gaz.state_abbr[text] == expected
    if expected != "DC":
        i = resolve_spans(text, [(0, len(text))], gaz)[0]
        assert gaz.adm1[i] == expected


@pytest.mark.parametrize("text,expected", _cases("place_aliases.tsv"))
def test_places_aliases(text, expected):
    p = resolve_place(text)
    assert p is not None and norm(p.name) == norm(expected)
