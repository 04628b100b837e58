import json

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.places.resolve import geocode, resolve_place, resolve_spans
from tacitus.places.stage import find_dateline


def test_places_rome_is_rome_italy():
    p = resolve_place("Rome")
    assert (p.name, p.geonameid, p.country) == ("Rome", 3169070, "ITA")


def test_places_country_is_not_its_capital():
    p = resolve_place("Italy")
    assert p.geonameid == 3175395 and p.feature == "country"
    rome = resolve_place("Rome")
    assert (p.lat, p.lon) != (rome.lat, rome.lon)


@pytest.mark.parametrize("text,iso3", [("U.S.", "USA"), ("UK", "GBR"), ("British", "GBR"), ("DPRK", "PRK"),
                                       ("the Philippines", "PHL"), ("Russians", "RUS")])
def test_places_abbreviations_and_adjectives(text, iso3):
    assert resolve_place(text).country == iso3


def test_places_qualifier_picks_the_state():
    text = "Police in Alexandria, La., said the fire started at night."
    p = geocode(text, [(10, 20)])[0]
    assert p.country == "USA" and abs(p.lat - 31.31) < 0.5


def test_places_context_of_the_article_disambiguates():
    text = "Georgia lawmakers met in Atlanta. Officials in Athens and Savannah agreed."
    spans = [(0, 7), (25, 32), (47, 53), (58, 66)]
    georgia, atlanta, athens, savannah = geocode(text, spans)
    assert georgia.feature == "adm1" and georgia.country == "USA"
    assert athens.country == "USA" and abs(athens.lat - 33.96) < 0.5


def test_places_townish_use_is_a_town():
    text = "A 36-year-old Palestine man was arrested by Palestine police in Anderson County, Texas."
    p = geocode(text, [(14, 23)])[0]
    assert p.country == "USA"


def test_places_unknown_name_is_none():
    assert resolve_place("Qwxzzy") is None


def test_places_dateline():
    p = find_dateline("SEOUL (Reuters) - North Korea said on Friday ...")
    assert p is not None and p.country == "KOR" and p.name == "Seoul"
    assert find_dateline("The acting North Korean ambassador - said") is None


def test_places_geocode_cli(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "From Rome to Italy and Qwxzzy", "spans": [[5, 9], [13, 18], [23, 29]]})
                 + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["geocode", str(f)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout.strip().splitlines()[0])
    assert out["id"] == "a"
    rome, italy, none = out["places"]
    assert rome == {"name": "Rome", "geonameid": 3169070, "lat": rome["lat"], "lon": rome["lon"], "country": "ITA",
                    "feature": "city"}
    assert italy["geonameid"] == 3175395 and none is None


def test_places_geocode_cli_bad_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": 1, "text": "Rome", "spans": [[0, 4]]}\nnot json\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["geocode", str(f)])
    assert r.exit_code == 1
    assert '"geonameid": 3169070' in r.stdout


@pytest.mark.parametrize("text,name,iso3", [
    ("LONDON, March 3 (Reuters) - The pound fell.", "London", "GBR"),
    ("KABUL, Afghanistan (AP) — A bomb exploded.", "Kabul", "AFG"),
    ("WASHINGTON — The Senate voted.", "Washington", "USA"),
])
def test_places_dateline_forms(text, name, iso3):
    p = find_dateline(text)
    assert p is not None and p.name == name and p.country == iso3 and p.feature == "city"


def test_places_missing_feature_is_placed_near_its_namesake():
    text = "Flooding on the Kanawha River closed roads in Charleston, W.Va."
    river, town = geocode(text, [(16, 29), (46, 56)])
    assert river.name == "Kanawha River" and river.feature == "near" and river.geonameid is None
    assert river.country == "USA" and abs(river.lat - town.lat) < 1.5
    assert geocode("Qwxzzy River flooded.", [(0, 12)]) == [None]


def test_same_name_with_and_without_a_qualifier_does_not_crash():
    """A name the gazetteer lacks, bare first and then qualified ("Quorblex, Va."): the mentions have
    different candidates, and the qualified one is placed in its state."""
    from tacitus.places.gazetteer import get_gazetteer
    gaz = get_gazetteer()
    t = "Quorblex is quiet this week. Officials in Quorblex, Va., said on Monday the road would reopen."
    k = t.index("Quorblex, Va")
    first, second = resolve_spans(t, [(0, 8), (k, k + 8)], gaz)
    assert first is None and gaz.entry(second).name == "Virginia"
