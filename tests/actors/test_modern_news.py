"""Actor codes on modern news (the T17 sample of bench/actor_precision.py, 2009-2011): the general causes fixed
there, each on real-looking sentences with the real spaCy model."""
from datetime import date

import pytest

from tacitus.actors import resolve_phrase
from tests.actors.helpers_news import coded, news_ctx


_ctx, _coded = news_ctx, coded

# --- a company's officer takes the company's country, not the country the story is set in -------------------

def test_repeated_full_name_is_the_same_person_and_keeps_the_company_country(nlp):
    text = ("BP's embattled chief executive Tony Hayward is in Moscow where he has held meetings with Russian "
            "officials including Deputy Prime Minister Igor Sechin. Russia's Rosneft is a partner of BP. "
            "Russian officials said Moscow wanted BP to stay in Russia. "
            "Officials in the US administration have mounted strong attacks on chief executive Tony Hayward.")
    ctx = _ctx(nlp, text)
    hay = [e for e in ctx.entities if e.text == "Tony Hayward"]
    assert len(hay) == 2 and hay[1].coref == ctx.entities.index(hay[0])
    a = _coded(ctx, "chief executive Tony Hayward", 1)
    assert a.name == "Tony Hayward" and a.code == "GBRBUS"
    assert _coded(ctx, "Igor Sechin").code == "RUSGOV"


def test_company_officer_without_country_takes_the_article_companies_country(nlp):
    text = ("Bob Dudley said BP would meet to discuss restoring the dividend. BP shares rose in London and New "
            "York. BP has spent $8 billion on the spill in the United States, where the US government and "
            "the US Congress have criticised BP. He defended outgoing chief executive Tony Hayward.")
    ctx = _ctx(nlp, text, date(2010, 9, 30))
    a = _coded(ctx, "outgoing chief executive Tony Hayward")
    assert a.country == "GBR" and a.sectors == ["BUS"]


# --- a country named as origin or destination is the other party ------------------------------------------

@pytest.mark.parametrize("sentence,phrase", [
    ("The government has banned any person arriving directly from Mexico from entering the country.",
     "The government"),
    ("The authorities have also warned against non-vital travel to Mexico and the US.", "The authorities"),
    ("The agriculture ministry has suspended imports of live pigs from Mexico.", "The agriculture ministry"),
])
def test_origin_or_destination_country_is_not_the_role_nouns(nlp, sentence, phrase):
    text = "Swine flu was first found in Mexico. Mexico has closed schools. " + sentence
    a = _coded(_ctx(nlp, text, date(2009, 5, 5)), phrase)
    assert a.country is None and a.sectors[0] == "GOV"


def test_origin_in_another_clause_still_gives_the_country(nlp):
    # the place belongs to another clause: the old reading (the only country of the sentence) holds
    text = ("Rebels in the Ivory Coast blocked transport into Abidjan. "
            "Kenyan police fired tear gas at demonstrators who had marched from the capital.")
    ctx = _ctx(nlp, text)
    assert _coded(ctx, "Rebels").country == "CIV"
    assert _coded(ctx, "demonstrators").country == "KEN"
    # "from" of the phrase's own modifier still places a people
    assert _coded(_ctx(nlp, "Refugees from Liberia crossed the border on Monday."), "Refugees").country == "LBR"


# --- regions of no country --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["the central American country", "Latin American leaders", "North America",
                                  "South American nations"])
def test_region_of_no_country_is_not_the_united_states(text):
    a = resolve_phrase(text)
    assert a is None or a.country is None


def test_north_america_is_not_the_north_in_a_korean_story(nlp):
    text = ("South Korea said it would test travellers. The North has not reported cases. "
            "The agriculture ministry has suspended imports of live pigs from North America.")
    ctx = _ctx(nlp, text, date(2009, 5, 5))
    a = _coded(ctx, "North America")
    assert a is None or a.country != "PRK"
    assert resolve_phrase("American troops").code == "USAMIL"
    assert resolve_phrase("Central African Republic troops").code == "CAFMIL"


# --- titles ending in "general" ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,sectors", [
    ("the department's inspector general", ["GOV"]),
    ("US Surgeon General Regina Benjamin", ["GOV", "HLH"]),
    ("the solicitor general", ["JUD"]),
    ("the attorney general", ["JUD"]),
    ("a general", ["MIL"]),
    ("Major General Ahmed Salem", ["MIL"]),
])
def test_civilian_offices_named_general(text, sectors):
    assert resolve_phrase(text).sectors == sectors


# --- IGO officials carry the IGO composite code ------------------------------------------------------------

def test_igo_official_code(nlp):
    a = resolve_phrase("UN Secretary General Ban Ki-moon", date(2009, 6, 11))
    assert (a.country, a.sectors, a.code) == ("UNO", ["GOV"], "IGOUNOGOV")
    text = "UN Secretary General Ban Ki-moon called for calm after the World Health Organization declared a pandemic."
    ctx = _ctx(nlp, text, date(2009, 6, 11))
    assert _coded(ctx, "UN Secretary General Ban Ki-moon").code == "IGOUNOGOV"
    # national officials keep the national code
    assert resolve_phrase("Armenian Prime Minister Nikol Pashinyan").code == "ARMGOV"


# --- junk in names ----------------------------------------------------------------------------------------

def test_bracket_inside_an_entity_is_cut(nlp):
    text = ("-LRB- Washington Post -RRB- Lamar McKay , the head of BP America , told senators that BP would pay. "
            "Lawmakers accused Tony Hayward 's company of cutting corners.")
    ctx = _ctx(nlp, text)
    names = {e.text for e in ctx.entities}
    assert not any("-RRB-" in n or "-LRB-" in n for n in names), names
    assert not any(n.endswith(" 's") for n in names if " " in n), names
