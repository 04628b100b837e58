"""Every ``# example:`` line of the actors data files is a test case."""
from collections import Counter

import pytest

from tacitus.actors import resolve_phrase
from tacitus.actors.lexicon import RES, org_info
from tacitus.actors.stage import ArticleInfo, code_phrase
from tacitus.places.gazetteer import examples


def _cases(name):
    return [pytest.param(a, b, id=f"{name}:{a}") for a, b in examples(RES / name)]


@pytest.mark.parametrize("text,expected", _cases("sectors.tsv"))
def test_actors_sector_examples(text, expected):
    country, sectors = expected.split()
    a = resolve_phrase(text)
    assert a is not None
    assert a.country == (None if country == "---" else country)
    assert a.sectors[:len(sectors.split(","))] == sectors.split(",")


@pytest.mark.parametrize("text,expected", _cases("igos.tsv"))
def test_actors_igo_examples(text, expected):
    a = resolve_phrase(text)
    assert a is not None and a.country == expected and a.kind == "igo"


@pytest.mark.parametrize("text,expected", _cases("organizations.tsv"))
def test_actors_organization_examples(text, expected):
    secs, country = org_info(text)
    parts = expected.split()
    if len(parts) == 2:
        assert country == parts[0]
    assert ",".join(secs) == parts[-1]


@pytest.mark.parametrize("text,expected", _cases("context_forms.tsv"))
def test_actors_context_form_examples(text, expected):
    info = ArticleInfo(countries=Counter({"PRK": 2, "KOR": 1}))
    a = code_phrase(text, info)
    assert a is not None and a.country == expected
    assert code_phrase(text, ArticleInfo(countries=Counter({"FRA": 1}))) is None


def _leader_cases():
    out = []
    for a, b in examples(RES / "leaders.yaml"):
        phrase, d = a.split(" @ ")
        out.append(pytest.param(phrase, d, b, id=f"leaders.yaml:{a}"))
    return out


@pytest.mark.parametrize("text,d,expected", _leader_cases())
def test_actors_builtin_leaders_by_date(text, d, expected):
    country, sector = expected.split()
    a = resolve_phrase(text, date=d)
    assert a is not None and a.country == country and a.sectors[:1] == [sector]
