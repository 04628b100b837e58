"""Representative points of areas (build rules) and world cities against weak context."""
import re

import pytest

from tacitus.places.build_countries import main_landmass_centre, polygon_centroid, representative_point
from tacitus.places.gazetteer import haversine
from tacitus.places.resolve import geocode, resolve_place


def _spans(text, *names):
    out = []
    for n in names:
        out += [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(n) + r"\b", text)]
    return sorted(out)


PLACES = ("Paris", "Springfield", "Illinois", "Ill.", "Peoria", "Lyon", "Texas", "Dallas", "Chicago", "Danville",
          "Tampa", "Orlando", "Jacksonville", "Tallahassee", "Pensacola", "Panama City", "Gainesville")


def _places(text, *names):
    spans = _spans(text, *(names or PLACES))
    return {text[a:b]: p for (a, b), p in zip(spans, geocode(text, spans))}


# -- world cities against weak context ----------------------------------------------------------

PARIS_FR = 2988507


@pytest.mark.parametrize("text", [
    "Leaders met in Paris on Monday. Later, the governor spoke in Springfield, Illinois.",
    "The French president returned to Paris. Separately, a tornado hit Springfield, Illinois, and Peoria.",
    "Officials in Paris and Lyon said. Meanwhile in Texas, Dallas police arrested a man.",
])
def test_world_city_not_displaced_by_a_state_named_elsewhere(text):
    assert _places(text)["Paris"].geonameid == PARIS_FR


@pytest.mark.parametrize("text,state_lat", [
    ("Paris, Illinois, is a small town. The fair in Paris opens Friday.", 39.6),  # qualifier
    ("The fair in Paris, Ill., opens Friday. Paris expects visitors.", 39.6),  # AP abbreviation
    ("Paris, Texas. The fair opens Friday in Paris.", 33.66),
    ("Paris Public Library will offer an Illinois skills workshop.", 39.6),  # local institution
    ("Jessica Kay, 18, of Paris died Saturday in a Dallas hospital, Texas officials said.", 33.66),
    ("The mayor said the Paris budget was approved. Illinois lawmakers agreed.", 39.6),  # local news
    ("Chicago, Springfield and Peoria reported cases; Paris and Danville, in eastern Illinois, too.", 39.6),
])
def test_small_namesake_wins_with_strong_evidence(text, state_lat):
    p = _places(text)["Paris"]
    assert p.country == "USA" and abs(p.lat - state_lat) < 0.5, p


def test_list_item_after_a_comma_is_not_a_qualifier():
    # "Pensacola, Panama City": the next item of a list, not "Pensacola, Panama"
    text = "Offices in Tampa, Orlando, Jacksonville, Tallahassee, Pensacola, Panama City and Gainesville."
    ps = _places(text)
    assert ps["Pensacola"].country == "USA" and ps["Panama City"].country == "USA"


def test_rome_alone_is_still_rome_italy():
    assert resolve_place("Rome").geonameid == 3169070


# -- representative points -------------------------------------------------------------------

def _square(lon0, lat0, d):
    return [[[lon0, lat0], [lon0 + d, lat0], [lon0 + d, lat0 + d], [lon0, lat0 + d], [lon0, lat0]]]


def test_polygon_centroid_of_a_square_and_hole():
    a, lat, lon = polygon_centroid(_square(10, 0, 2))
    assert a > 0 and abs(lat - 1) < 0.01 and abs(lon - 11) < 0.01
    # a hole in the eastern half pulls the centroid west
    holed = _square(10, 0, 2) + [[[11, 0.5], [11.9, 0.5], [11.9, 1.5], [11, 1.5], [11, 0.5]]]
    a2, lat2, lon2 = polygon_centroid(holed)
    assert a2 < a and lon2 < 11


def _info(polys, latlng=None):
    return {"latlng": latlng, "geoJSON": {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": polys}}]}}


def test_main_landmass_keeps_near_islands_and_drops_far_parts():
    main = _square(0, 0, 10)
    near_island = _square(10.3, 10.5, 1)  # ~65 km off the main land's corner
    far_island = _square(60, 40, 3)  # thousands of km away
    lat, lon = main_landmass_centre(_info([main, far_island]))
    assert abs(lat - 5) < 0.1 and abs(lon - 5) < 0.1
    lat2, lon2 = main_landmass_centre(_info([main, near_island]))
    assert lon2 > lon


def test_conventional_point_kept_when_near_the_land_centre():
    land = [_square(0, 0, 10)]
    assert representative_point(_info(land, [5.5, 5.5])) == (5.5, 5.5)  # ~80 km off: kept
    lat, lon = representative_point(_info(land, [9, 1]))  # ~630 km off: the land centre
    assert abs(lat - 5) < 0.1 and abs(lon - 5) < 0.1
    assert representative_point({"latlng": [1, 2]}) == (1, 2)  # no outline


def test_country_and_division_points_are_area_centres(gaz):
    # United States: the centre of the contiguous states (geographic centre near Lebanon, Kansas,
    # 39.83N 98.58W), not the Factbook's 38N 97W and not pulled towards Alaska
    us = resolve_place("United States")
    assert haversine(us.lat, us.lon, 39.83, -98.58) < 100
    # Ontario: the middle of the province's area, not of its towns (which crowd the south)
    on = next(i for i in gaz.lookup("Ontario") if gaz.feat[i] == 1 and gaz.cc[i] == "CA")
    assert gaz.lat[on] > 48.5
    # a country whose conventional point is near its land centre keeps it
    assert (resolve_place("France").lat, resolve_place("France").lon) == (46.0, 2.0)


def test_coherent_drops_miscoded_towns():
    np = pytest.importorskip("numpy")
    from tacitus.places.build_admin import _coherent
    lat = np.array([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.25])
    lon = np.zeros(len(lat))
    code = np.array([0] * 6 + [1] * 6 + [0])  # the last town says division 0 but sits among division 1
    keep = _coherent(lat, lon, code, k=3)
    assert keep[:12].all() and not keep[12]


def test_antarctica_is_the_continent():
    # its outline circles the pole: no country point is derived from it
    assert resolve_place("Antarctica").feature == "continent"
