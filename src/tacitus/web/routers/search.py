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


def match_html(text: str, q: str) -> Markup:
    """``text`` with the words of ``q`` marked (case-insensitive, whole words); all text escaped."""
    import re
    from ..render import Span, highlight
    words = [w for w in "".join(ch if ch.isalnum() or ch in "-'" else " " for ch in q).split() if w]
    if not words:
        return Markup(escape(text))
    rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    return highlight(text, [Span(m.start(), m.end(), "match") for m in rx.finditer(text)])


@router.get("/api/search", tags=["search"], summary="Sentences, actors and events matching words")
@router.get("/search.json", include_in_schema=False)
def api_search(request: Request, q: Optional[str] = QP, db: Database = DB):
    return json_response(_data(request, db, q))


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: Optional[str] = QP, db: Database = DB):
    d = _data(request, db, q)
    for s in d["sentences"]:
        s["_html"] = match_html(s["text"], d["q"])
    return html(request, "search.html", nav="search", d=d, q=d["q"],
                json_url="/search.json" + qs({"q": d["q"]}))
