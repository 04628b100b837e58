"""World geometry for the map page: country outlines from the ``countryinfo`` package (MIT; GeoJSON per
country, Natural Earth derived), projected equirectangularly by our own code. Nothing is fetched at
run time; without the package the map falls back to a graticule and coastline-free plate carrée."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# SVG user units are degrees: x = lon + 180, y = 90 - lat. Antarctica and the far north are cropped.
LAT_MAX, LAT_MIN = 84.0, -58.0
VIEWBOX = (0.0, 90.0 - LAT_MAX, 360.0, LAT_MAX - LAT_MIN)


def project(lon: float, lat: float) -> tuple[float, float]:
    return round(float(lon) + 180.0, 2), round(90.0 - float(lat), 2)


def _ring_path(ring) -> str:
    pts = []
    last = None
    for lon, lat, *_ in ring:
        p = (round(lon + 180.0, 1), round(90.0 - lat, 1))
        if p != last:
            pts.append(p)
            last = p
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z"


def _geometry_path(geom: dict) -> str:
    t = geom.get("type")
    polys = [geom["coordinates"]] if t == "Polygon" else geom.get("coordinates", []) if t == "MultiPolygon" else []
    return "".join(_ring_path(r) for poly in polys for r in poly)


@lru_cache(maxsize=1)
def countries() -> tuple[dict, ...]:
    """({iso3, name, d}, ...) for every country the package ships an outline for (may be empty)."""
    try:
        data = resources.files("countryinfo").joinpath("data")
        files = [p for p in data.iterdir() if p.name.endswith(".json")]
    except (ModuleNotFoundError, FileNotFoundError, AttributeError):
        return ()
    out = []
    for p in sorted(files, key=lambda p: p.name):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        info = next(iter(d.values())) if len(d) == 1 and isinstance(next(iter(d.values())), dict) else d
        iso3 = ((info.get("ISO") or {}).get("alpha3") or "").upper()
        gj = info.get("geoJSON") or {}
        if not iso3 or iso3 == "ATA" or not gj:
            continue
        path = "".join(_geometry_path(ft.get("geometry") or {}) for ft in gj.get("features", []))
        if path:
            out.append({"iso3": iso3, "name": info.get("name") or iso3, "d": path})
    return tuple(out)


def country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in countries()}


def graticule(step: int = 30) -> str:
    """Path data for meridians and parallels every ``step`` degrees."""
    x0, y0, w, h = VIEWBOX
    parts = [f"M{lon + 180} {y0}V{y0 + h}" for lon in range(-180, 181, step)]
    parts += [f"M0 {90 - lat}H360" for lat in range(-60 if step >= 30 else -50, 90, step) if LAT_MIN <= lat <= LAT_MAX]
    return "".join(parts)
