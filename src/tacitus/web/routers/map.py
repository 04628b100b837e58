"""Map of event locations: server-rendered SVG (country outlines from the countryinfo package)."""
from __future__ import annotations

import math
from collections import defaultdict

from fastapi import APIRouter, Request
from markupsafe import Markup, escape

from ...store import Database
from ...store import webqueries as wq
from .. import geo, render
from ..deps import DB, EVENT_FILTERS, html, json_response

router = APIRouter()


def _data(request: Request, db: Database, f: wq.EventFilters) -> dict:
    pts, complete = wq.map_points(db.conn, f, limit=request.app.state.settings.map_points)
    by_country: dict[str, int] = defaultdict(int)
    for p in pts:
        if p.get("country"):
            by_country[p["country"]] += p["n"]
    return {"filters": f.active(), "points": pts, "countries": dict(by_country), "complete": complete,
            "note": None if complete else f"More than {wq.MAP_CAP:,} events match: the map shows a sample of "
                                          f"{wq.MAP_CAP:,}. Narrow the filters to map them all."}


def map_svg(data: dict, params: dict) -> Markup:
    """The world (countries shaded by located events) with a circle per place; plain string building
    (about 1,700 elements), every text value escaped."""
    x0, y0, w, h = geo.VIEWBOX
    pts = data["points"]
    peak = max((p["n"] for p in pts), default=1)
    cpeak = max(data["countries"].values(), default=1)
    base = render.qs({k: v for k, v in params.items() if k not in ("country", "place")})
    join = "&amp;" if base else "?"
    base = str(escape(base))
    out = [f'<svg class="worldmap" viewBox="{x0} {y0} {w} {h}" role="img" aria-label="Map of event locations">'
           f'<rect class="sea" x="{x0}" y="{y0}" width="{w}" height="{h}"/>'
           f'<path class="graticule" d="{geo.graticule()}"/><g class="countries">']
    for c in geo.countries():
        n = data["countries"].get(c["iso3"], 0)
        level = 0 if not n else 1 + min(4, int(4 * math.log1p(n) / math.log1p(cpeak)))
        out.append(f'<a href="/events{base}{join}country={c["iso3"]}"><path class="land l{level}" d="{c["d"]}">'
                   f'<title>{escape(c["name"])} ({c["iso3"]}): {n:,} events</title></path></a>')
    out.append('</g><g class="points">')
    for p in sorted(pts, key=lambda p: -p["n"]):
        x, y = geo.project(p["lon"], p["lat"])
        r = 0.7 + 5.0 * math.sqrt(p["n"] / peak)
        out.append(f'<a href="/events{base}{join}place={int(p["geonameid"])}"><circle class="pt" cx="{x}" cy="{y}" '
                   f'r="{r:.2f}"><title>{escape(p["name"])} ({escape(p.get("country") or "?")}): {p["n"]:,} events'
                   '</title></circle></a>')
    out.append("</g></svg>")
    return Markup("".join(out))


@router.get("/api/map", tags=["map"], summary="Event counts per located place for the filters")
@router.get("/map.json", include_in_schema=False)
def api_map(request: Request, f: wq.EventFilters = EVENT_FILTERS, db: Database = DB):
    return json_response(_data(request, db, f))


@router.get("/map", include_in_schema=False)
def map_page(request: Request, f: wq.EventFilters = EVENT_FILTERS, db: Database = DB):
    from .events import options
    data = _data(request, db, f)
    params = f.to_dict()
    if params.get("sort") == "newest":
        params.pop("sort")
    return html(request, "map.html", nav="map", data=data, f=f, params=params, svg=map_svg(data, params),
                opts=options(request, db), has_outlines=bool(geo.countries()),
                json_url="/map.json" + render.qs(params))
