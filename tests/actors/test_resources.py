"""Every ``# example:`` line of the actors data files is a test case."""
from collections import Counter

import pytest

from tacitus.actors import resolve_phrase
from tacitus.actors.lexicon import RES, org_info
from tacitus.actors.stage import ArticleInfo, code_phrase
from tacitus.places.gazetteer import examples
from tests.actors.helpers_news import coded


def _cases(name):
    return [pytest.param(a, b, id=f"{name}:{a}") for a, b in examples(RES / name)]


def _at_cases(name, id_of_member=False):
    """``# example: TEXT @ X -> EXPECTED`` lines as (text, x, expected) cases, named by the whole input or by X."""
    out = []
    for a, b in examples(RES / name):
        text, x = a.split(" @ ")
        out.append(pytest.param(text, x, b, id=f"{name}:{x if id_of_member else a}"))
    return out


def _run(pipeline, text):
    """spaCy and every stage on one text: the article context."""
    from datetime import date

    from tacitus.pipeline import Context

    ctx = Context(text=text, dct=date(2019, 1, 3), doc=pipeline.nlp(text), id="t")
    for stage in pipeline.stages:
        stage(ctx)
    return ctx


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


@pytest.mark.parametrize("text,d,expected", _at_cases("leaders.yaml"))
def test_actors_builtin_leaders_by_date(text, d, expected):
    country, sector = expected.split()
    a = resolve_phrase(text, date=d)
    assert a is not None and a.country == country and a.sectors[:1] == [sector]


@pytest.mark.parametrize("text,expected", _cases("speech_verbs.txt"))
def test_actors_speech_verb_examples(pipeline, text, expected):
    """A capital or country as the subject of a speaking verb of speech_verbs.txt is its government."""
    from tacitus.actors import actor_for_span
    from tacitus.actors.lexicon import speech_verbs

    ctx = _run(pipeline, text)
    subj = next(t for t in ctx.doc if t.dep_ == "nsubj")
    assert subj.head.lemma_ in speech_verbs()
    span = next(e for e in ctx.doc.ents if e.start <= subj.i < e.end)
    a = actor_for_span(ctx, span)
    country, sector = expected.split()
    assert a is not None and a.country == country and a.sectors[:1] == [sector]


@pytest.mark.parametrize("text,expected", _cases("former_markers.txt"))
def test_actors_former_marker_examples(text, expected):
    country, sector = expected.split()
    a = resolve_phrase(text)
    assert a is not None and a.country == country and a.sectors[:1] == [sector]


def test_actors_title_in_the_text_beats_the_dictionary_date():
    # the built-in dictionary has Obama in office 2009-2017: outside it he is ELI, unless the text
    # calls him President (then GOV) or former president (ELI)
    assert resolve_phrase("Obama", date="2005-01-01").sectors == ["ELI"]
    assert resolve_phrase("President Obama", date="2005-01-01").sectors == ["GOV"]
    assert resolve_phrase("former President Obama", date="2012-01-01").sectors == ["ELI"]


@pytest.mark.parametrize("text,expected", _cases("quantity_words.txt"))
def test_actors_quantity_word_examples(text, expected):
    country, sector = expected.split()
    a = resolve_phrase(text)
    assert a is not None and a.country == country and a.sectors[:1] == [sector]


@pytest.mark.parametrize("text,expected", _cases("water_bodies.txt"))
def test_actors_water_body_examples(text, expected):
    a = resolve_phrase(text)  # "none": no country at all; "keep": some country
    assert (a is None or a.country is None) if expected == "none" else (a is not None and a.country)


@pytest.mark.parametrize("text,member,expected", _at_cases("list_markers.tsv", id_of_member=True))
def test_actors_list_member_examples(pipeline, text, member, expected):
    """A member named after "They include / including / among them" takes the group's country and sector
    when it has none of its own."""
    a = coded(_run(pipeline, text), member)
    country, sector = expected.split()
    assert a is not None and a.country == country and a.sectors[:1] == [sector], a


@pytest.mark.parametrize("text,member,expected", _at_cases("national_bodies.tsv"))
def test_actors_national_body_examples(pipeline, text, member, expected):
    """A national institution named without its country takes the table's (by default only when the
    article names no other country more often)."""
    a = coded(_run(pipeline, text), member)
    country, sector = expected.split()
    assert a is not None and a.country == (None if country == "---" else country) and a.sectors[:1] == [sector], a


@pytest.mark.parametrize("text,member,expected", _at_cases("byline_words.txt", id_of_member=True))
def test_actors_byline_word_examples(pipeline, text, member, expected):
    """A dateline word glued to a name is cut from it."""
    a = coded(_run(pipeline, text), member)
    assert a is not None and a.name == expected, a


@pytest.mark.parametrize("text,member,expected", _at_cases("company_nouns.txt"))
def test_actors_company_noun_examples(pipeline, text, member, expected):
    """"the company" is the latest business organization of the article."""
    a = coded(_run(pipeline, text), member)
    country, sector = expected.split()
    assert a is not None and a.country == country and a.sectors[:1] == [sector], a
