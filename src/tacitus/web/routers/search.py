"""Search: one box over evidence sentences (FTS5), actors and events."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from markupsafe import Markup, escape

from ...store import Database
from ...store import webqueries as wq
from ..deps import DB, html, json_response
from ..render import qs

router = APIRouter()
QP = Query(None, description="Words to find (all required).")


def _data(request: Request, db: Database, q: str | None) -> dict:
    q = (q or "").strip()
    if not q:
        return {"q": "", "sentences": [], "actors": [], "events": [], "event_count": 0}
    res = wq.event_page(db.conn, wq.EventFilters(q=q), limit=10, count_cap=request.app.state.settings.count_cap)
    sents = wq.search_sentences(db.conn, q, limit=30)
    return {"q": q, "sentences": sents, "actors": wq.actor_page(db.conn, q=q, limit=12),
            "events": res.rows, "event_count": res.count, "event_count_exact": res.count_exact}


def snippet_html(snip: str) -> Markup:
    """FTS5 snippet with \\x02/\\x03 around matches → escaped text with <mark>."""
    out = []
    for i, part in enumerate((snip or "").split("\x02")):
        if i == 0:
            out.append(escape(part))
            continue
        hit, _, rest = part.partition("\x03")
        out.append(Markup('<mark class="hl match">{}</mark>{}').format(hit, rest))
    return Markup("").join(out)


@router.get("/api/search", tags=["search"], summary="Sentences, actors and events matching words")
def api_search(request: Request, q: Optional[str] = QP, db: Database = DB):
    d = _data(request, db, q)
    for s in d["sentences"]:
        s.pop("snip", None)
    return json_response(d)


@router.get("/search.json", include_in_schema=False)
def search_json(request: Request, q: Optional[str] = QP, db: Database = DB):
    return api_search(request, q, db)


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: Optional[str] = QP, db: Database = DB):
    d = _data(request, db, q)
    for s in d["sentences"]:
        s["_html"] = snippet_html(s.pop("snip", "") or s["text"])
    return html(request, "search.html", nav="search", d=d, q=d["q"],
                json_url="/search.json" + qs({"q": d["q"]}))
