"""Articles: the list and the page of one article (full text, escaped, with everything highlighted)."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request

from ...store import Database
from ...store import webqueries as wq
from .. import render
from ..deps import DB, PAGING, Paging, _date, html, json_response

router = APIRouter()


def _list(request: Request, db: Database, pg: Paging, q, since, until) -> dict:
    rows, n = wq.article_page(db.conn, limit=pg.size, offset=pg.offset, q=q or None,
                              since=_date("since", since), until=_date("until", until))
    return {"count": n, "page": pg.page, "size": pg.size, "articles": rows,
            "filters": {k: v for k, v in dict(q=q, since=since, until=until).items() if v}}


Q = Query(None, description="Title, source or exact id.")
SINCE = Query(None, description="Published on/after (YYYY-MM-DD).")
UNTIL = Query(None, description="Published on/before (YYYY-MM-DD).")


@router.get("/api/articles", tags=["articles"], summary="Articles, newest first")
@router.get("/articles.json", include_in_schema=False)
def api_articles(request: Request, pg: Paging = PAGING, q: Optional[str] = Q, since: Optional[str] = SINCE,
                 until: Optional[str] = UNTIL, db: Database = DB):
    return json_response(_list(request, db, pg, q, since, until))


@router.get("/articles", include_in_schema=False)
def articles_page(request: Request, pg: Paging = PAGING, q: Optional[str] = Q, since: Optional[str] = SINCE,
                  until: Optional[str] = UNTIL, db: Database = DB):
    data = _list(request, db, pg, q, since, until)
    last = max(1, -(-data["count"] // pg.size))
    return html(request, "articles.html", nav="articles", data=data, pg=pg, params=data["filters"], last_page=last,
                json_url="/articles.json" + render.qs(data["filters"]))


def _article(db: Database, article_id: str) -> dict:
    art = db.article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


def _spans(art: dict) -> tuple[list[render.Span], set[int]]:
    spans: list[render.Span] = []
    ev_sents: set[int] = set()
    for ev in art["events"]:
        t = ev.get("trigger") or {}
        if t.get("start") is not None:
            spans.append(render.Span(t["start"], t["end"], "trigger",
                                     f"{ev.get('type')} ({ev.get('cameo') or '—'}) · {ev.get('modality')}",
                                     f"/events/{ev['id']}" if ev.get("id") else None))
        ev_sents.add((ev.get("sentence") or {}).get("start"))
    for en in art["entities"]:
        if en.get("actor_id"):
            cls = "actor"
            title = f"{en['label']} · actor {en.get('code') or en.get('country') or ''}".strip()
            href = render.actor_url(en["actor_id"])
        elif en.get("geonameid") is not None:
            cls, title, href = "place", f"{en['label']} · place (GeoNames {en['geonameid']})", f"/events?place={en['geonameid']}"
        else:
            cls, title, href = "entity", en.get("label"), None
        spans.append(render.Span(en["start"], en["end"], cls, title, href))
    for tx in art["timexes"]:
        spans.append(render.Span(tx["start"], tx["end"], "timex",
                                 f"{tx['type']} {tx.get('value') or ''}{(' ' + tx['mod']) if tx.get('mod') else ''}"))
    return spans, ev_sents


def article_html(art: dict):
    """The full text, sentence by sentence (anchors ``#s-<start>``), every piece escaped."""
    from markupsafe import Markup, escape
    import bisect
    text = art["text"]
    spans, ev_sents = _spans(art)
    spans.sort(key=lambda sp: sp.start)
    starts = [sp.start for sp in spans]
    longest = max((sp.end - sp.start for sp in spans), default=0)

    def near(a: int, b: int) -> list[render.Span]:  # spans that may overlap [a, b)
        return spans[bisect.bisect_left(starts, a - longest):bisect.bisect_left(starts, b)]

    out, pos = [], 0
    for s in art["sentences"]:
        if s["start"] < pos:
            continue
        out.append(render.highlight(text[pos:s["start"]], near(pos, s["start"]), pos))
        cls = "sent ev" if s["start"] in ev_sents else "sent"
        out.append(Markup('<span class="{}" id="s-{}">{}</span>').format(
            cls, s["start"], render.highlight(text[s["start"]:s["end"]], near(s["start"], s["end"]), s["start"])))
        pos = s["end"]
    out.append(render.highlight(text[pos:], spans, pos))
    return Markup("").join(out)


@router.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article with its analysis")
def api_article(article_id: str, db: Database = DB):
    return json_response(_article(db, article_id))


@router.get("/articles/{article_id:path}", include_in_schema=False)
def article_page(request: Request, article_id: str, db: Database = DB):
    if article_id.endswith(".json") and db.article(article_id) is None:
        return json_response(_article(db, article_id[:-5]))
    art = _article(db, article_id)
    return html(request, "article.html", nav="articles", art=art, body=article_html(art),
                json_url=f"/articles/{render.quote(article_id, safe='')}.json")
