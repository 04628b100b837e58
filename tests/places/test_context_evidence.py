"""Evidence rules of the 2026-11-27 LGL error pass (see bench/RESULTS-geo.md, "Error classes")."""
import pytest

from tacitus.places.resolve import geocode, resolve_place
from tests.places.helpers_places import spans, text_context_of


def test_bare_county_name_is_the_county():
    p = resolve_place("Gwinnett")
    assert p.feature == "adm2" and p.name == "Gwinnett County"


def test_bare_name_takes_the_county_sense_of_the_text():
    text = ("A water main broke in north DeKalb County, Georgia, on Monday. Atlanta crews and DeKalb officials "
            "worked through the night near Decatur.")
    dekalb = geocode(text, spans(text, "DeKalb County", "Georgia", "Atlanta", "DeKalb", "Decatur"))[3]
    assert dekalb.feature == "adm2" and dekalb.country == "USA" and abs(dekalb.lat - 33.77) < 0.5


def test_counties_of_a_state_are_not_a_county():
    text = "Boone County ranked 42nd of the 92 Indiana counties in February."
    indiana = geocode(text, spans(text, "Boone County", "Indiana"))[1]
    assert indiana.feature == "adm1" and abs(indiana.lon + 86.3) < 1.5


def test_street_names_are_not_context():
    assert ("US", "WA") not in text_context_of("Residents said drilling sites on Washington Drive are close.")




@pytest.mark.parametrize("text,name,iso3,lat", [
    ("He was born in London, Ont., in 1950.", "London", "CAN", 42.98),
    ("Victoria, B.C., is mild.", "Victoria", "CAN", 48.43),
])
def test_canadian_province_abbreviations_qualify(text, name, iso3, lat):
    p = geocode(text, spans(text, name))[0]
    assert p.country == iso3 and abs(p.lat - lat) < 0.5


def test_abbreviated_qualifier_without_a_town_there_gives_the_state():
    text = "The crash happened near Greenwood, W.Va., on Sunday."
    p = geocode(text, spans(text, "Greenwood"))[0]
    assert p.feature == "adm1" and p.name == "West Virginia"


def test_list_of_countries_is_not_a_qualifier():
    text = "Many countries, among them China, Japan, and the United Kingdom, stockpiled drugs."
    assert geocode(text, spans(text, "China"))[0].country == "CHN"
    text = "Cases were found in Guinea, Mali, Niger, and Senegal. Nigeria and Cameroon were spared."
    niger = geocode(text, spans(text, "Guinea", "Mali", "Niger", "Senegal", "Nigeria", "Cameroon"))[2]
    assert niger.feature == "country" and niger.country == "NER"


def test_alternate_name_of_a_town_the_text_names_itself():
    # "Youngstown" is an old alternate name of Mount Gilead; the text names both
    text = ("MOUNT GILEAD, Ohio -- A court in Mount Gilead, the seat of Morrow County, ran out of paper. "
            "In Youngstown, Mansfield and Toledo the police laid off officers.")
    res = geocode(text, spans(text, "Mount Gilead", "Morrow County", "Youngstown", "Mansfield", "Toledo"))
    assert res[2].name == "Youngstown" and abs(res[2].lat - 41.1) < 0.3


def test_name_age_town_is_a_town():
    text = "Terry Jolly, 60, Lebanon, was arrested Thursday. He had no record in Boone County, Indiana."
    p = geocode(text, spans(text, "Lebanon", "Boone County", "Indiana"))[0]
    assert p.country == "USA" and p.feature == "city"


def test_town_sense_holds_for_every_mention():
    text = ("A 54-year-old Palestine man was sentenced in Anderson County, Texas. Palestine police arrested "
            "him in January. Palestine has had three such cases.")
    res = geocode(text, spans(text, "Palestine", "Anderson County", "Texas", "Palestine", "Palestine"))
    assert all(p.country == "USA" for p in (res[0], res[3], res[4]))


@pytest.mark.parametrize("text", [
    "Cases were reported in the state of Washington and in Oregon.",
    "Officials in Ohio, Oklahoma, Oregon, Utah, Washington and Wisconsin are investigating.",
])
def test_washington_the_state_when_the_text_says_so(text):
    names = [n for n in ("Ohio", "Oklahoma", "Oregon", "Utah", "Washington", "Wisconsin") if n in text]
    names.sort(key=text.index)
    p = geocode(text, spans(text, *names))[names.index("Washington")]
    assert p.feature == "adm1" and p.name == "Washington"


def test_demonym_plural_and_directional_abbreviation():
    assert resolve_place("Czechs").country == "CZE"
    assert resolve_place("W. Columbia").name == "West Columbia"


def test_region_name_beats_a_small_town_of_the_texts_country():
    text = "Birds on the Pacific side of the Americas in Alaska and Oregon carry the virus to the United States."
    p = geocode(text, spans(text, "Pacific", "Americas", "Alaska", "Oregon", "United States"))[0]
    assert p.feature == "region"


def test_part_of_a_place_is_placed_near_it():
    text = "Planes sprayed most of North Dallas on Friday."
    p = geocode(text, spans(text, "North Dallas"))[0]
    assert p.feature == "near" and p.name == "North Dallas" and abs(p.lat - 32.8) < 0.5


def test_unknown_place_with_a_qualifier_is_placed_in_the_qualifier():
    text = "He ate at the McDonald's in Greenlane, Auckland, New Zealand."
    p = geocode(text, spans(text, "Greenlane"))[0]
    assert p.feature == "near" and p.country == "NZL"
