"""Timelines: the most important dates for an actor, a query or a country (from tacitus.timeline),
each with its best evidence sentences. Its own page, because building a timeline reads
many sentences and must not slow the actor page down."""
from __future__ import annotations

import sqlite3
import time
from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request

from ...store import Database
from ...store import webqueries as wq
from ...timeline import build_timeline
from .. import render
from ..deps import DB, _date, html, json_response

router = APIRouter()
BUDGET_S = 8.0  # the SQL of one timeline may run this long before the page gives up


def _build(db: Database, actor, q, country, since, until, dates, sentences) -> dict:
    if not (actor or q or country):
        raise HTTPException(400, "give an actor, a query (q) or a country")
    budget = BUDGET_S
    deadline = time.monotonic() + budget
    db.conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10000)
    try:
        days = build_timeline(db, actor=actor or None, query=q or None, country=country or None,
                              since=_date("since", since), until=_date("until", until), dates=dates,
                              sentences=sentences)
    except sqlite3.OperationalError as e:
        if "interrupted" not in str(e):
            raise
        raise HTTPException(503, f"This timeline takes more than {budget:.0f} s to build on this database; "
                                 "narrow it with a date range (From/To), words or a country.") from None
    finally:
        db.conn.set_progress_handler(None, 0)
    am = getattr(days, "actor", None)
    return {"filters": {k: v for k, v in dict(actor=actor, q=q, country=country, since=since,
                                               until=until).items() if v},
            "actor_ids": list(am.ids) if am is not None else [], "notes": list(getattr(days, "notes", [])),
            "dates": days, "sample": getattr(days, "sample", None)}


ACTOR = Query(None, description="Actor id, name, alias or code; else a part of a name (as the event filter).")
QQ = Query(None, description="Words (full text).")
COUNTRY = Query(None, description="ISO 3166-1 alpha-3.", max_length=8)
SINCE = Query(None, description="First date of the timeline (YYYY-MM-DD).")
UNTIL = Query(None, description="Last date of the timeline (YYYY-MM-DD).")
DATES = Query(10, ge=1, le=50, description="How many dates.")
SENTS = Query(2, ge=1, le=10, description="Sentences per date.")


@router.get("/api/timeline", tags=["timeline"], summary="Most important dates, each with its best sentences")
@router.get("/timeline.json", include_in_schema=False)
def api_timeline(actor: Optional[str] = ACTOR, q: Optional[str] = QQ, country: Optional[str] = COUNTRY,
                 since: Optional[str] = SINCE, until: Optional[str] = UNTIL, dates: int = DATES,
                 sentences: int = SENTS, db: Database = DB):
    return json_response(_build(db, actor, q, country, since, until, dates, sentences))


@router.get("/timeline", include_in_schema=False)
def timeline_page(request: Request, actor: Optional[str] = ACTOR, q: Optional[str] = QQ,
                  country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
                  dates: int = DATES, sentences: int = SENTS, db: Database = DB):
    params = {k: v for k, v in dict(actor=actor, q=q, country=country, since=since, until=until).items() if v}
    data = _build(db, actor, q, country, since, until, dates, sentences) if params.keys() - {"since", "until"} else None
    ids = data["actor_ids"] if data else []
    a = wq.actor(db.conn, ids[0]) if len(ids) == 1 else None  # the one actor the filter matched
    return html(request, "timeline.html", nav="timeline", data=data, params=params, actor=a, dates=dates,
                sentences=sentences, json_url=("/timeline.json" + render.qs(params)) if data else None)
