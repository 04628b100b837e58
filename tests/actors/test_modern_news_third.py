"""Actor codes on modern news, third pass (a fresh T17 sample, bench/actor_precision.py --seed 29): the
general causes fixed there, each on real-looking sentences with the real spaCy model."""
from datetime import date

from tests.actors.helpers_news import coded, news_ctx


# --- a state or province counts for its country; a surname is no nationality ----------------------------

def test_us_states_make_the_story_american(nlp):
    # a BBC story on the spill: Britain is named three times, the US once, the Gulf states many times
    text = ("Oil has reached the coast of Louisiana . Louisiana fishermen are angry , and Mississippi is "
            "next . British oil company BP said on Friday it would pay . Britain is worried about its "
            "pension funds . Louisiana wildlife officials count oiled birds . The spill could be the worst "
            "in US history , officials in Alabama and Louisiana said . British engineers are on the rig . "
            "On Friday , Homeland Security Secretary Janet Napolitano called on BP to commit more resources .")
    ctx = news_ctx(nlp, text, date(2010, 5, 1))
    assert coded(ctx, "Homeland Security Secretary Janet Napolitano").code == "USAGOV"


def test_a_state_abbreviation_in_a_dateline_counts(nlp):
    text = ("GRAND ISLE , La. -- The women of Grand Isle are nervous . GRAND ISLE , La. -- Workers arrived . "
            "A spokesman for the French embassy declined to comment . "
            "Residents say authorities patrol the beach on four-wheelers at night .")
    a = coded(news_ctx(nlp, text, date(2010, 7, 26)), "authorities")
    assert a.country == "USA"


def test_a_surname_is_not_a_nationality(nlp):
    text = ("BP spokesman Jason French says some 1,800 workers live on the island . French says the company "
            "addresses every complaint . `` We do not paint with a broad brush , '' French says . "
            "Residents say authorities patrol the beach on four-wheelers at night .")
    a = coded(news_ctx(nlp, text, date(2010, 7, 26)), "authorities")
    assert a.country != "FRA"


# --- a state acting is its government ---------------------------------------------------------------------

def test_states_declaring_an_emergency_are_their_governments(nlp):
    text = ("The oil slick is growing . Mississippi , Alabama and Florida have also declared a state of "
            "emergency and are considering their legal options .")
    ctx = news_ctx(nlp, text, date(2010, 5, 3))
    for state in ("Mississippi", "Alabama", "Florida"):
        assert coded(ctx, state).code == "USAGOV", state


def test_a_state_as_subject_but_not_as_recipient(nlp):
    # guard: a state as a place or a recipient is no government
    text = ("BP said it would give $ 25 million to Florida to help with recovery efforts . "
            "Louisiana is now asking for outside help .")
    ctx = news_ctx(nlp, text, date(2010, 6, 13))
    assert coded(ctx, "Florida").sectors == []
    assert coded(ctx, "Louisiana").code == "USAGOV"


# --- "the company" is the latest company ------------------------------------------------------------------

def test_the_company_is_the_latest_company(nlp):
    text = ("Florida Attorney General Bill McCollum sent a letter to BP on Thursday requesting that the "
            "company deposit $ 2.5 billion into an escrow account to cover potential losses .")
    a = coded(news_ctx(nlp, text, date(2010, 6, 13)), "the company")
    assert a.code == "GBRBUS"


def test_the_company_gives_no_country_to_a_government(nlp):
    # guard: BP's home country is no country of the story, also when it is named as "the company"
    text = ("BP agreed to sell assets in Texas . Later the company met the government in Washington to "
            "discuss the claims . The government said the talks went well .")
    ctx = news_ctx(nlp, text, date(2010, 7, 21))
    assert coded(ctx, "the company").code == "GBRBUS"
    assert coded(ctx, "the government").country != "GBR"
