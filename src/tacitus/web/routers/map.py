"""Map of event locations: server-rendered SVG (country outlines from the countryinfo package)."""
from __future__ import annotations

import math
from collections import defaultdict

from fastapi import APIRouter, Request
from markupsafe import Markup

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
    x0, y0, w, h = geo.VIEWBOX
    pts = data["points"]
    peak = max((p["n"] for p in pts), default=1)
    cpeak = max(data["countries"].values(), default=1)
    parts = [Markup('<svg class="worldmap" viewBox="{} {} {} {}" role="img" aria-label="Map of event locations">'
                    '<rect class="sea" x="{}" y="{}" width="{}" height="{}"/>').format(x0, y0, w, h, x0, y0, w, h),
             Markup('<path class="graticule" d="{}"/>').format(geo.graticule())]
    parts.append(Markup('<g class="countries">'))
    for c in geo.countries():
        n = data["countries"].get(c["iso3"], 0)
        level = 0 if not n else 1 + min(4, int(4 * math.log1p(n) / math.log1p(cpeak)))
        parts.append(Markup('<a href="/events{}"><path class="land l{}" d="{}"><title>{} ({}): {} events</title></path></a>').format(
            render.qs(params, country=c["iso3"], place=None), level, c["d"], c["name"], c["iso3"], render.fmt_int(n)))
    parts.append(Markup("</g><g class=\"points\">"))
    for p in sorted(pts, key=lambda p: -p["n"]):
        x, y = geo.project(p["lon"], p["lat"])
        r = 0.7 + 5.0 * math.sqrt(p["n"] / peak)
        parts.append(Markup('<a href="/events{}"><circle class="pt" cx="{}" cy="{}" r="{:.2f}">'
                            '<title>{} ({}): {} events</title></circle></a>').format(
            render.qs(params, place=p["geonameid"], country=None), x, y, r, p["name"], p.get("country") or "?",
            render.fmt_int(p["n"])))
    parts.append(Markup("</g></svg>"))
    return Markup("").join(parts)


@router.get("/api/map", tags=["map"], summary="Event counts per located place for the filters")
def api_map(request: Request, f: wq.EventFilters = EVENT_FILTERS, db: Database = DB):
    return json_response(_data(request, db, f))


@router.get("/map.json", include_in_schema=False)
def map_json(request: Request, f: wq.EventFilters = EVENT_FILTERS, db: Database = DB):
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
