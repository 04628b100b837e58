"""Events: the filtered, paginated list and the page of one event with all its sources."""
from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request

from ...store import Database
from ...store import webqueries as wq
from .. import render
from ..deps import DB, EVENT_FILTERS, MODALITIES, PAGING, Paging, html, json_response

router = APIRouter()
log = logging.getLogger(__name__)


def options(request: Request, db: Database) -> dict:
    cached = request.app.state.cached
    return {"types": cached("types", wq.type_counts), "countries": cached("countries", wq.country_options),
            "modalities": MODALITIES}


def _payload(request: Request, db: Database, f: wq.EventFilters, pg: Paging):
    s = request.app.state.settings
    total = request.app.state.cached("overview", wq.overview)["events"] if not f.active() else None
    res = wq.event_page(db.conn, f, limit=pg.size, offset=pg.offset, count_cap=s.count_cap, total=total)
    params = dict(f.to_dict(), size=pg.size if pg.size != s.page_size else None)
    if params.get("sort") == "newest":
        params.pop("sort")
    more = (not res.count_exact and len(res.rows) == pg.size) or pg.offset + len(res.rows) < (res.count or 0)
    nxt = (pg.offset + pg.size <= s.max_offset) and more
    data = {
        "filters": f.active(), "sort": f.sort, "count": res.count, "count_exact": res.count_exact,
        "page": pg.page, "size": pg.size, "offset": pg.offset,
        "next": ("/api/events" + render.qs(params, page=pg.page + 1)) if nxt else None,
        "actor_ids": res.actor_ids, "notes": res.notes, "events": res.rows,
    }
    return res, params, data


@router.get("/api/events", tags=["events"], summary="Events matching filters (paginated)")
@router.get("/events.json", include_in_schema=False)
def api_events(request: Request, f: wq.EventFilters = EVENT_FILTERS, pg: Paging = PAGING, db: Database = DB):
    return json_response(_payload(request, db, f, pg)[2])


@router.get("/events", include_in_schema=False)
def events_page(request: Request, f: wq.EventFilters = EVENT_FILTERS, pg: Paging = PAGING, db: Database = DB):
    res, params, data = _payload(request, db, f, pg)
    s = request.app.state.settings
    last_page = None
    if res.count_exact:
        last_page = max(1, -(-min(res.count, s.max_offset + pg.size) // pg.size))
    place = wq.place(db.conn, f.place) if f.place is not None else None
    actors = wq.actor_names(db.conn, res.actor_ids[:1]) if f.actor and len(res.actor_ids) == 1 else {}
    return html(request, "events.html", nav="events", res=res, f=f, pg=pg, params=params, data=data,
                last_page=last_page, opts=options(request, db), place=place,
                actor=next(iter(actors.values()), None),
                json_url="/events.json" + render.qs(params, page=pg.page if pg.page > 1 else None))


# -- one event ----------------------------------------------------------------------------------
def sources(db: Database, event_id: str) -> tuple[list[dict], bool]:
    """All sources of an event: merged-cluster sources when the clusters module is there, else the
    mention's own evidence. Returns (sources, merged?)."""
    try:
        from ...store import clusters  # type: ignore[attr-defined]
    except ImportError:
        clusters = None
    if clusters is not None and hasattr(clusters, "sources"):
        try:
            src = clusters.sources(db, event_id)
            if src:
                src = [dict(x) for x in src]
                return src, any(x.get("cluster_id") for x in src)
        except Exception:  # a half-built clusters table must not break the page
            log.exception("clusters.sources failed for %s; showing the event's own evidence", event_id)
    return wq.evidence(db.conn, event_id), False


def _event_data(db: Database, event_id: str) -> dict:
    d = wq.event_detail(db.conn, event_id)
    if d is None:
        raise HTTPException(404, f"no event {event_id!r}")
    src, merged = sources(db, event_id)
    d["sources"], d["merged"] = src, merged
    d["cluster"] = None
    if merged:
        try:
            from ...store import clusters
            d["cluster"] = clusters.cluster(db, event_id)
        except Exception:
            log.exception("clusters.cluster failed for %s", event_id)
    return d


def _public(d: dict) -> dict:
    return {"event": d["event"], "row": {k: v for k, v in d.items() if k not in ("event", "sources", "merged", "cluster")},
            "sources": d["sources"], "merged": d["merged"], "cluster": d["cluster"]}


@router.get("/api/events/{event_id}", tags=["events"], summary="One event with all its sources")
@router.get("/events/{event_id}.json", include_in_schema=False)
def api_event(event_id: str, db: Database = DB):
    return json_response(_public(_event_data(db, event_id)))


@router.get("/events/{event_id}", include_in_schema=False)
def event_page(request: Request, event_id: str, db: Database = DB):
    d = _event_data(db, event_id)
    ev = d["event"]
    ids = [d.get("source_actor_id"), d.get("target_actor_id"), d.get("attribution_actor_id")]
    actors = wq.actor_names(db.conn, [i for i in ids if i])
    for s in d["sources"]:
        base, txt = s.get("sentence_start"), s.get("text") or s.get("sentence_text") or s.get("sentence")
        spans = []
        if s.get("trigger_start") is not None and base is not None:
            spans.append(render.Span(s["trigger_start"], s["trigger_end"], "trigger"))
        s["_html"] = render.highlight(txt if isinstance(txt, str) else "", spans, base or 0)
    extra = []
    att = ev.get("attribution") or {}
    if att.get("start") is not None and att.get("end") is not None:
        extra.append(render.Span(att["start"], att["end"], "attrib", "according to"))
    tx = (ev.get("date") or {}).get("timex") or {}
    if tx.get("start") is not None and tx.get("end") is not None:
        extra.append(render.Span(tx["start"], tx["end"], "timex", f"date: {(ev.get('date') or {}).get('value')}"))
    return html(request, "event.html", nav="events", d=d, ev=ev, actors=actors,
                sentence=render.event_sentence(d, extra), json_url=f"/events/{event_id}.json")
