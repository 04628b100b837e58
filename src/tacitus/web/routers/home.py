"""The front page: what is in the database, the newest events, the most mentioned actors."""
from __future__ import annotations

from fastapi import APIRouter, Request

from ...store import Database
from ...store import webqueries as wq
from ..deps import DB, html, json_response

router = APIRouter()


def _data(request: Request, db: Database) -> dict:
    cached = request.app.state.cached
    return {"stats": cached("overview", wq.overview), "types": cached("types", wq.type_counts),
            "top_actors": cached("top_actors", lambda c: wq.top_actors(c, 15)),
            "latest": wq.event_page(db.conn, wq.EventFilters(), limit=12, total=0).rows}


@router.get("/api/stats", tags=["overview"], summary="Counts, date range, event types, top actors")
def api_stats(request: Request, db: Database = DB):
    d = _data(request, db)
    d.pop("latest")
    return json_response(d)


@router.get("/.json", include_in_schema=False)
def home_json(request: Request, db: Database = DB):
    return json_response(_data(request, db))


@router.get("/", include_in_schema=False)
def home(request: Request, db: Database = DB):
    d = _data(request, db)
    peak = max((t["n"] for t in d["types"]), default=1)
    return html(request, "home.html", nav="home", d=d, peak=peak, json_url="/.json")
