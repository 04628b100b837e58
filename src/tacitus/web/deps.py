"""Per-request helpers shared by the routers: the database connection, filters, rendering."""
from __future__ import annotations

import re
from typing import Iterator, Optional

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..store import Database
from ..store.webqueries import EventFilters

MODALITIES = ("asserted", "negated", "hypothetical", "future", "attempted", "reported")


def get_db(request: Request) -> Iterator[Database]:
    """One read-only connection per request (SQLite connections are cheap; no cross-thread sharing)."""
    db = Database(request.app.state.db_path, readonly=True)
    try:
        db.conn.execute("PRAGMA query_only = 1")
        db.conn.execute("PRAGMA mmap_size = 4294967296")  # read pages through the OS cache, no copies
        yield db
    finally:
        db.close()


def _date(name: str, v: Optional[str]) -> Optional[str]:
    """A user date (YYYY-MM-DD, YYYY-MM or YYYY) → ISO day; a month/year widens to its first/last day."""
    import calendar
    from datetime import date
    if v in (None, ""):
        return None
    v = v.strip()
    bad = HTTPException(400, f"{name} must be a date YYYY-MM-DD (or YYYY, YYYY-MM), got {v!r}")
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    if not m:
        raise bad
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if m[3]:
            return date(y, mo, d).isoformat()
        if m[2]:
            date(y, mo, 1)
            return f"{y:04d}-{mo:02d}-01" if name == "since" else f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    except ValueError:
        raise bad from None
    return f"{y:04d}-01-01" if name == "since" else f"{y:04d}-12-31"


def event_filters(
    q: Optional[str] = Query(None, description="Full-text search in evidence sentences."),
    actor: Optional[str] = Query(None, description="Actor (source or target): id, name, alias or code, any "
                                 "case; else a part of a name; else the raw role text."),
    country: Optional[str] = Query(None, description="ISO 3166-1 alpha-3 of source, target or place.",
                                   max_length=8),
    type: Optional[str] = Query(None, description="PLOVER type (e.g. REQUEST) or CAMEO code (e.g. 011)."),
    modality: Optional[str] = Query(None, description="asserted|negated|hypothetical|future|attempted|reported"),
    since: Optional[str] = Query(None, description="Events that may have happened on/after (YYYY-MM-DD)."),
    until: Optional[str] = Query(None, description="Events that may have happened on/before (YYYY-MM-DD)."),
    place: Optional[int] = Query(None, description="GeoNames id of the event location."),
    article: Optional[str] = Query(None, description="Only events from this article id."),
    basis: Optional[str] = Query(None, description="Date basis: text|publication|unknown."),
    sort: str = Query("newest", description="newest|oldest|confidence"),
) -> EventFilters:
    if modality and modality not in MODALITIES:
        raise HTTPException(400, f"modality must be one of {', '.join(MODALITIES)}")
    if sort not in ("newest", "oldest", "confidence"):
        raise HTTPException(400, "sort must be newest, oldest or confidence")
    strip = lambda s: (s.strip() or None) if isinstance(s, str) else s  # noqa: E731
    return EventFilters(q=strip(q), actor=strip(actor), country=strip(country), type=strip(type),
                        modality=modality or None, since=_date("since", since), until=_date("until", until),
                        place=place, article=strip(article), basis=strip(basis), sort=sort)


class Paging:
    def __init__(self, page: int, size: int, offset: int):
        self.page, self.size, self.offset = page, size, offset


def paging(request: Request,
           page: int = Query(1, ge=1, description="Page number (1-based)."),
           size: Optional[int] = Query(None, ge=1, le=1000, description="Rows per page (default 50, max 200).")
           ) -> Paging:
    s = request.app.state.settings
    size = min(size or s.page_size, s.max_page_size)
    offset = (page - 1) * size
    if offset > s.max_offset:
        raise HTTPException(400, f"pages past row {s.max_offset:,} are not served: narrow the filters "
                                 "(date range, type, actor, country) instead")
    return Paging(page, size, offset)


def html(request: Request, template: str, **ctx) -> HTMLResponse:
    env = request.app.state.env
    ctx.setdefault("nav", "")
    return HTMLResponse(env.get_template(template).render(request=request, **ctx))


def json_response(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


DB = Depends(get_db)
EVENT_FILTERS = Depends(event_filters)
PAGING = Depends(paging)
