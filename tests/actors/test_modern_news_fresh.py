"""Actor codes on modern news, second pass (a fresh T17 sample, bench/actor_precision.py --seed 13): the
general causes fixed there, each on real-looking sentences with the real spaCy model."""
from datetime import date

import pytest

from tacitus.actors import resolve_phrase
from tacitus.actors.stage import code_phrase
from tests.actors.helpers_news import coded, news_ctx


_ctx, _coded = news_ctx, coded

# --- a known company's short name is that company, not the longer name it begins --------------------------

def test_known_company_is_not_its_subsidiary(nlp):
    text = ("The lease was being operated on behalf of BP Americas as it was previously known . "
            "The notion that BP will withdraw from the US because of this event would be contrary to all "
            "business sense .")
    a = _coded(_ctx(nlp, text, date(2010, 6, 1)), "BP", 1)
    assert a.name == "BP" and a.code == "GBRBUS"


# --- national institutions named without their country --------------------------------------------------

def test_members_of_congress_and_a_us_agency_without_country(nlp):
    text = ("Wednesday , May 26 , 2010 ; 4:16 PM Members of Congress from both parties sharply criticized the "
            "Interior Department 's Minerals Management Service on Wednesday , a day after the release of a "
            "report that found agency staff had accepted gifts from oil companies .")
    ctx = _ctx(nlp, text, date(2010, 5, 26))
    assert _coded(ctx, "Members of Congress").code == "USALEG"
    assert _coded(ctx, "the Interior Department 's Minerals Management Service").code == "USAGOV"


def test_agency_in_a_story_naming_the_gulf_of_mexico(nlp):
    text = ("Oil is still leaking into the Gulf of Mexico . Ships in the Gulf of Mexico collect it . "
            "Birds along the Gulf of Mexico are oiled . Louisiana and Texas are worried . "
            "So the Environmental Protection Agency will have to sign off on allowing the treated water back "
            "into the Gulf .")
    a = _coded(_ctx(nlp, text, date(2010, 7, 1)), "the Environmental Protection Agency")
    assert a.code == "USAGOV"


def test_a_congress_of_another_country_is_not_the_us_one(nlp):
    text = ("India 's ruling Congress party met in New Delhi . India 's prime minister spoke . "
            "Congress leaders criticized the opposition on Monday .")
    a = _coded(_ctx(nlp, text, date(2010, 5, 3)), "Congress leaders")
    assert a.country == "IND"


def test_title_naming_a_national_institution_gives_the_persons_country(nlp):
    text = ("NASA climate modeler Gavin Schmidt said the two models disagree . The BBC asked him in London . "
            "Britain has had a cold winter . That is a really difficult question , Schmidt conceded .")
    a = _coded(_ctx(nlp, text, date(2010, 2, 1)), "Schmidt", 1)
    assert a.country == "USA"


# --- a company officer's country is not the sentence's ---------------------------------------------------

def test_company_officer_in_the_sentence_gives_no_country(nlp):
    text = ("BP chief executive Tony Hayward said BP would pay . BP shares fell in London . "
            "Two Democratic senators have written to Mr Hayward urging him to suspend payments to "
            "shareholders .")
    a = _coded(_ctx(nlp, text, date(2010, 6, 3)), "Two Democratic senators")
    assert a.country != "GBR" and a.sectors == ["LEG"]


# --- dateline and byline words glued to a name -----------------------------------------------------------

def test_place_of_a_dateline_glued_to_a_known_person(nlp):
    text = ("Mark Mardell BBC News , Washington Obama promised to heal the Gulf and to find out what caused "
            "this disaster .")
    a = _coded(_ctx(nlp, text, date(2010, 6, 16)), "Washington Obama")
    assert a.name == "Barack Obama" and a.code == "USAGOV"


def test_time_zone_glued_to_a_name(nlp):
    text = ("Tuesday 20 July 2010 12.07 BST Thad Allen , highlighting seepage around the capped BP oil well , "
            "told the company to keep monitoring . Allen sent a stiff letter to BP on Sunday night .")
    ctx = _ctx(nlp, text, date(2010, 7, 20))
    assert any(e.text == "Thad Allen" for e in ctx.entities)
    assert not any(e.text.startswith("BST") for e in ctx.entities)


def test_place_that_is_part_of_a_name_stays(nlp):
    text = "Jordan Smith sued the company on Monday . Smith said the firm had lied ."
    ctx = _ctx(nlp, text, date(2010, 7, 20))
    assert not any(e.text == "Smith" and e.start == 0 for e in ctx.entities)


# --- person sectors from a neighbour ----------------------------------------------------------------------

def test_possessor_after_a_preposition_takes_no_title(nlp):
    text = ("Michael Jackson died in June 2009 . Choreographer Kenny Ortega told the court of Jackson 's "
            "excitement about his series of comeback concerts .")
    a = _coded(_ctx(nlp, text, date(2011, 9, 28)), "Jackson", 1)
    assert a is None or "JUD" not in a.sectors


def test_speaker_label_of_a_transcript_is_no_apposition(nlp):
    text = ("This copy may not be in its final form . \nSEAN HANNITY , HOST : Today on Capitol Hill BP stood for "
            "hours before Congress . \nHANNITY : All right , when Hayward was afforded time he answered .")
    ctx = _ctx(nlp, text, date(2010, 6, 16))
    a = next(e.actor for e in ctx.entities if e.text == "SEAN HANNITY")
    assert a is None or not {"LEG", "BUS"} & set(a.sectors)


@pytest.mark.parametrize("text", ["Los Angeles", "Des Moines"])
def test_city_is_no_people(text):
    a = code_phrase(text)
    assert a is None or "CVL" not in a.sectors


# --- companies and NGOs described rather than named --------------------------------------------------------

@pytest.mark.parametrize("text,code", [
    ("the British oil major", "GBRBUS"),
    ("two major airlines", "---BUS"),
    ("British environmental groups", "GBRNGO"),
    ("Medecins Sans Frontieres", "IGOMSFNGO"),
])
def test_described_companies_and_ngos(text, code):
    assert resolve_phrase(text).code == code


def test_dateline_before_a_name_is_no_title(nlp):
    text = ("US official says leaks are probably not linked to the well in Gulf of Mexico Tuesday 20 July 2010 "
            "12.07 BST Thad Allen , highlighting seepage around the capped BP oil well , told BP to monitor it .")
    a = next(e.actor for e in _ctx(nlp, text, date(2010, 7, 20)).entities if e.text == "Thad Allen")
    assert a is None or a.country != "MEX"
