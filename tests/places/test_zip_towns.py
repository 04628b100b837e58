"""US places missing from GeoNames cities500, added from the ``zipcodes`` package, and person names that give
no place evidence (see bench/RESULTS-geo.md, "ZIP towns and person names")."""
import pytest

from tacitus.places.resolve import candidates, geocode, text_context
from tests.places.helpers_places import spans, text_context_of

zipcodes = pytest.importorskip("zipcodes")


def test_zip_town_entries(gaz):
    ids = gaz.zip_lookup("Lanexa")
    assert ids and all(gaz.cc[i] == "US" and gaz.adm1[i] == "VA" and gaz.gid[i] == 0 for i in ids)
    assert not gaz.lookup("Lanexa")  # a separate index: GeoNames look-ups (actors) are unchanged
    assert gaz.is_zip_town(ids[0]) and gaz.is_primary("Lanexa", ids[0])


def test_zip_town_resolves_without_geonames_id():
    text = "A fire destroyed a barn in Lanexa, Va., on Sunday."
    p = geocode(text, spans(text, "Lanexa"))[0]
    assert p.feature == "town" and p.geonameid is None and p.country == "USA"
    assert abs(p.lat - 37.42) < 0.2 and abs(p.lon + 76.90) < 0.2


def test_no_zip_town_where_geonames_has_the_name_in_the_state(gaz):
    # Harwinton CT is a ZIP town; Hartford CT is in GeoNames, so no ZIP "Hartford" of Connecticut
    assert gaz.zip_lookup("Harwinton")
    assert not any(gaz.adm1[i] == "CT" for i in gaz.zip_lookup("Hartford"))


def test_no_zip_hamlets_for_a_big_city_name(gaz):
    assert not any(gaz.gid[i] == 0 and gaz.feat[i] == 3 for i in candidates(gaz, "Atlanta"))
    assert not any(gaz.gid[i] == 0 and gaz.feat[i] == 3 for i in candidates(gaz, "Oakland"))


def test_town_word_is_stripped_for_zip_towns():
    text = "Scouts of Readington Township cleared the trail."
    p = geocode(text, spans(text, "Readington Township"))[0]
    assert p is not None and p.name == "Readington" and p.feature == "town"


def test_features_prefer_a_geonames_namesake():
    text = "Swans were found on the coast of Lake Erie in Michigan."
    p = geocode(text, spans(text, "Lake Erie", "Michigan"))[0]
    assert p.feature == "near" and p.name == "Lake Erie"


def _ctx(text):
    return text_context_of(text)


def test_first_name_of_a_person_is_no_place_evidence():
    text = "Superintendent Lorraine Bailey told the board on Wednesday. Bailey said the budget was fine."
    assert ("FR", "44") not in _ctx(text)
    assert all(cc != "FR" for cc, _ in _ctx("Lorraine Bailey said the board met. Bailey added more."))


def test_surname_after_a_title_is_no_place_evidence():
    text = "Councilman Robert Rivera, who represents southeast Arlington, voted against the permit."
    assert all(cc != "UY" for cc, _ in _ctx(text))


def test_places_are_still_evidence_next_to_person_names():
    text = "Lorraine Bailey moved from North Carolina to Lorraine last year. Carolina is far."
    ctx = _ctx(text)
    assert ("US", "NC") in ctx and ("FR", "44") in ctx


def test_ner_person_spans_are_skipped(gaz):
    # PlaceResolver passes the NER's PERSON spans to resolvespans(persons=...), which skips them here
    text = "Lorraine Bailey spoke to the board on Monday."
    assert ("FR", "44") in text_context(gaz, text)
    assert ("FR", "44") not in text_context(gaz, text, {(0, 15)})
