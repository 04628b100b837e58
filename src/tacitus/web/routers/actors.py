"""Actors: the list and the page of one actor (timeline chart, counterparts, events)."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request

from ...store import Database
from ...store import webqueries as wq
from .. import render
from ..deps import DB, PAGING, Paging, html, json_response

router = APIRouter()

Q = Query(None, description="Name or alias (substring).")
COUNTRY = Query(None, description="ISO 3166-1 alpha-3.", max_length=8)


def _list(db: Database, pg: Paging, q, country) -> dict:
    rows = wq.actor_page(db.conn, q=q or None, country=country or None, limit=pg.size + 1, offset=pg.offset)
    return {"page": pg.page, "size": pg.size, "more": len(rows) > pg.size, "actors": rows[:pg.size],
            "filters": {k: v for k, v in dict(q=q, country=country).items() if v}}


@router.get("/api/actors", tags=["actors"], summary="Actors, most mentioned first")
@router.get("/actors.json", include_in_schema=False)
def api_actors(pg: Paging = PAGING, q: Optional[str] = Q, country: Optional[str] = COUNTRY, db: Database = DB):
    return json_response(_list(db, pg, q, country))


@router.get("/actors", include_in_schema=False)
def actors_page(request: Request, pg: Paging = PAGING, q: Optional[str] = Q, country: Optional[str] = COUNTRY,
                db: Database = DB):
    data = _list(db, pg, q, country)
    return html(request, "actors.html", nav="actors", data=data, pg=pg, params=data["filters"],
                json_url="/actors.json" + render.qs(data["filters"]))


def _short(request: Request, pg: Paging) -> Paging:
    """A shorter event list under the chart unless a size is asked for."""
    return pg if "size" in request.query_params else Paging(pg.page, 25, (pg.page - 1) * 25)


def _actor(request: Request, db: Database, actor_id: str, pg: Paging) -> dict:
    a = wq.actor(db.conn, actor_id)
    if a is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    s = request.app.state.settings
    f = wq.EventFilters(actor=actor_id)
    res = wq.event_page(db.conn, f, limit=pg.size, offset=pg.offset, count_cap=s.count_cap)
    return {"actor": a, "months": wq.actor_months(db.conn, actor_id),
            "counterparts": wq.actor_counterparts(db.conn, actor_id),
            "count": res.count, "count_exact": res.count_exact, "page": pg.page, "size": pg.size,
            "events": res.rows}


@router.get("/api/actors/{actor_id:path}", tags=["actors"], summary="One actor: events per month, counterparts, events")
def api_actor(request: Request, actor_id: str, pg: Paging = PAGING, db: Database = DB):
    pg = _short(request, pg)
    return json_response(_actor(request, db, actor_id, pg))


@router.get("/actors/{actor_id:path}", include_in_schema=False)
def actor_page(request: Request, actor_id: str, pg: Paging = PAGING, db: Database = DB):
    pg = _short(request, pg)
    if actor_id.endswith(".json") and wq.actor(db.conn, actor_id) is None:
        return json_response(_actor(request, db, actor_id[:-5], pg))
    d = _actor(request, db, actor_id, pg)
    link = "/events?" + render.urlencode({"actor": actor_id}) + "&"
    chart = render.timeline_svg(d["months"], link)
    return html(request, "actor.html", nav="actors", d=d, a=d["actor"], chart=chart, pg=pg,
                json_url=render.actor_url(actor_id) + ".json")
