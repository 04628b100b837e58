"""Read queries behind the web UI and JSON API (``tacitus serve``). Parameterized SQL only.

Every function takes a ``sqlite3.Connection`` (``Database.conn``) and returns plain dicts, so the web
layer never writes SQL. Queries are shaped for a large database (1M+ events): every list is paginated,
counts are capped, and filters pick an index (see :func:`event_page`).
"""
from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field, asdict
from pathlib import Path
from typing import Any

from . import fts_query
from .actorfilter import ActorMatch, match_actor

# Indexes the web queries rely on beyond schema v1. ``ensure_indexes`` creates them when the file is
# writable; they belong in a store migration (names are prefixed ``web_`` to avoid clashes).
WEB_INDEXES: dict[str, str] = {
    "web_events_start": "CREATE INDEX IF NOT EXISTS web_events_start ON events(date_start)",
    "web_events_end": "CREATE INDEX IF NOT EXISTS web_events_end ON events(date_end)",
    "web_events_cameo": "CREATE INDEX IF NOT EXISTS web_events_cameo ON events(cameo, date_start, date_end)",
    "web_events_type_dates": "CREATE INDEX IF NOT EXISTS web_events_type_dates ON events(type, date_start, date_end)",
    "web_events_loc": "CREATE INDEX IF NOT EXISTS web_events_loc ON events(location_geonameid)",
    "web_events_loc_country": "CREATE INDEX IF NOT EXISTS web_events_loc_country ON events(location_country, date_start)",
    "web_events_modality": "CREATE INDEX IF NOT EXISTS web_events_modality ON events(modality, date_start, date_end)",
    "web_events_src_actor_date": "CREATE INDEX IF NOT EXISTS web_events_src_actor_date ON events(source_actor_id, date_start)",
    "web_events_tgt_actor_date": "CREATE INDEX IF NOT EXISTS web_events_tgt_actor_date ON events(target_actor_id, date_start)",
    "web_evidence_article": "CREATE INDEX IF NOT EXISTS web_evidence_article ON evidence(article_id)",
    "web_events_confidence": "CREATE INDEX IF NOT EXISTS web_events_confidence ON events(confidence)",
    "web_entities_place": "CREATE INDEX IF NOT EXISTS web_entities_place ON entities(geonameid)",
    "web_places_country": "CREATE INDEX IF NOT EXISTS web_places_country ON places(country)",
}

# Full-text filters look at the most recently stored matching sentences only, up to this many.
TEXT_MATCH_CAP = 5000

LIST_COLUMNS = (
    "id", "article_id", "pub_date", "type", "plover_type", "mode", "cameo", "contexts",
    "source_name", "source_country", "source_code", "source_actor_id", "source_text", "source_start", "source_end",
    "target_name", "target_country", "target_code", "target_actor_id", "target_text", "target_start", "target_end",
    "date_value", "date_start", "date_end", "date_granularity", "date_basis", "date_mod",
    "location_name", "location_geonameid", "location_country", "lat", "lon",
    "modality", "attribution_text", "trigger_text", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "sentence_text", "confidence",
)
_SELECT = ", ".join("e." + c for c in LIST_COLUMNS)


def ensure_indexes(path: str | Path) -> list[str]:
    """Create the web indexes (and refresh planner statistics) if missing; returns the names created.
    Opens its own read-write connection; a read-only file is left alone."""
    conn = sqlite3.connect(str(path))
    try:
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        todo = [n for n in WEB_INDEXES if n not in have]
        if not todo and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return []
        with conn:
            for n in todo:
                conn.execute(WEB_INDEXES[n])
        conn.execute("ANALYZE")
        conn.commit()
        return todo
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def missing_indexes(path: str | Path) -> list[str]:
    """Names of the web indexes the file does not have yet."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [n for n in WEB_INDEXES if n not in _indexes(conn)]
    finally:
        conn.close()


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


# -- event filters ------------------------------------------------------------------------------
@dataclass
class EventFilters:
    q: str | None = None          # full text over evidence sentences (FTS5)
    actor: str | None = None      # actor id, name, alias or code (store.actorfilter)
    country: str | None = None    # ISO3 of source, target or place
    type: str | None = None       # PLOVER type, extension type or CAMEO code
    modality: str | None = None
    since: str | None = None      # ISO date: events that may have happened on/after
    until: str | None = None      # ISO date: events that may have happened on/before
    place: int | None = None      # GeoNames id of the event location
    article: str | None = None
    basis: str | None = None
    sort: str = "newest"          # newest | oldest | confidence

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "") and k != "sort"}

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


@dataclass
class EventPage:
    rows: list[dict]
    count: int | None             # None: too many to count within the time budget
    count_exact: bool
    offset: int
    limit: int
    actor_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Clause:
    """One filter as SQL. ``{p}`` stands before every column: "" lets SQLite use an index for it, "+"
    forbids that (so the planner leads with the index we choose). ``lead`` clauses can drive a plan."""
    name: str
    sql: str
    args: list[Any]
    lead: bool = True

    def render(self, indexed: bool) -> str:
        return self.sql.replace("{p}", "" if indexed else "+")


def _actor_match(conn: sqlite3.Connection, f: EventFilters) -> ActorMatch | None:
    """The shared actor filter's match for ``f.actor``; None when there is none or it is blank (as in the
    store, a string of spaces filters nothing)."""
    return match_actor(conn, f.actor) if f.actor and f.actor.strip() else None


def _clauses(f: EventFilters, am: ActorMatch | None) -> list[Clause]:
    out: list[Clause] = []
    if f.actor and am is not None:
        # the shared actor filter (store.actorfilter); the raw-text fallback cannot lead (no index)
        sql, args = am.where("e", prefix="{p}" if am.ids else "")
        out.append(Clause("actor", sql, args, lead=bool(am.ids)))
    if f.country:
        c = f.country.upper()
        out.append(Clause("country", "({p}e.source_country = ? OR {p}e.target_country = ? OR "
                                     "{p}e.location_country = ?)", [c, c, c]))
    if f.type:
        t = f.type.strip()
        if t[:1].isdigit():
            out.append(Clause("type", "{p}e.cameo = ?", [t]))
        else:
            out.append(Clause("type", "{p}e.type = ?", [t.upper()]))
    if f.modality:
        out.append(Clause("modality", "{p}e.modality = ?", [f.modality]))
    if f.basis:
        out.append(Clause("basis", "e.date_basis = ?", [f.basis], lead=False))
    if f.place is not None:
        out.append(Clause("place", "{p}e.location_geonameid = ?", [int(f.place)]))
    if f.article:
        out.append(Clause("article", "{p}e.article_id = ?", [f.article]))
    # Interval overlap: an event is kept if it may have happened in [since, until] (open ends: unknown).
    if f.since or f.until:
        sql, args = [], []
        if f.since:
            sql.append("({p}e.date_end >= ? OR {p}e.date_end IS NULL)")
            args.append(f.since)
        if f.until:
            sql.append("({p}e.date_start <= ? OR {p}e.date_start IS NULL)")
            args.append(f.until)
        out.append(Clause("dates", " AND ".join(sql), args))
    return out


def _where(conn, f: EventFilters, am: ActorMatch | None) -> tuple[list[str], list[Any]]:
    """All filters as SQL, every index allowed (the planner chooses)."""
    cl = _clauses(f, am)
    return [c.render(True) for c in cl], [a for c in cl for a in c.args]


def _plan(conn, clauses: list[Clause], cap: int) -> tuple[list[str], list[Any], Clause | None, int | None]:
    """Pick the most selective filter to lead: capped counts (index only, <= cap+1 entries each) per
    filter; the smallest leads and the others are checked row by row. Returns (where, args, lead,
    lead_count); lead is None when every filter matches more than ``cap`` rows."""
    best, best_n = None, None
    for c in clauses:
        if not c.lead:
            continue
        if c.name == "dates" and _many_starts(conn, c, cap):
            n = cap + 1  # a lower bound is enough: more than cap events start inside the range
        else:
            n = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {c.render(True)} LIMIT ?)",
                             (*c.args, cap + 1)).fetchone()[0]
        if best_n is None or n < best_n:
            best, best_n = c, n
        if n == 0:
            break
    if best is not None and best_n > cap:
        best = None
    where = [c.render(c is best) for c in clauses]
    return where, [a for c in clauses for a in c.args], best, best_n


def _many_starts(conn, dates: Clause, cap: int) -> bool:
    """True if more than ``cap`` events *start* inside the filter's date range (an index-only count on
    ``date_start``; such events all overlap the range, so the clause surely matches more than cap)."""
    since, until = None, None
    vals = list(dates.args)
    if "date_end >=" in dates.sql:
        since = vals.pop(0)
    if "date_start <=" in dates.sql:
        until = vals.pop(0)
    cond, args = [], []
    if since:
        cond.append("date_start >= ?")
        args.append(since)
    if until:
        cond.append("date_start <= ?")
        args.append(until)
    if not cond or "web_events_start" not in _indexes(conn):
        return False
    n = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events INDEXED BY web_events_start WHERE "
                     f"{' AND '.join(cond)} LIMIT ?)", (*args, cap + 1)).fetchone()[0]
    return n > cap


def _count_within(conn, sql: str, args, budget_ms: float) -> int | None:
    """Run a COUNT query, giving up (None) after ``budget_ms``."""
    deadline = time.perf_counter() + budget_ms / 1000
    conn.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 2000)
    try:
        return conn.execute(sql, args).fetchone()[0]
    except sqlite3.OperationalError as e:
        if "interrupted" in str(e):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


# Orders match index layouts: (date_start[, rowid]) and (type|country|actor, date_start, rowid).
# "oldest" lists dated events only (undated ones would otherwise come first).
_ORDER = {
    "newest": "e.date_start DESC, e.rowid DESC",
    "oldest": "e.date_start, e.rowid",
    "confidence": "e.confidence DESC, e.rowid DESC",
}
_WALK_INDEX = {"newest": "web_events_start", "oldest": "web_events_start", "confidence": "web_events_confidence"}
COUNT_BUDGET_MS = 60.0


def event_page(conn: sqlite3.Connection, f: EventFilters, limit: int = 50, offset: int = 0,
               count_cap: int = 10000, total: int | None = None) -> EventPage:
    """One page of events matching ``f`` plus a (capped) count.

    Plan: the most selective filter (by capped index counts) leads when it matches at most
    ``count_cap`` rows: those rows are checked against the other filters, counted and sorted. When every
    filter matches more, the sort index is walked in order and rows filtered as they come, which fills
    the first pages quickly; the count then runs under a time budget (``count`` is a lower bound with
    ``count_exact`` false if it stops). A full-text filter starts from the FTS index (``_text_page``)."""
    am = _actor_match(conn, f)
    actor_ids = list(am.ids) if am else []
    clauses = _clauses(f, am)
    notes: list[str] = []
    if am is not None and am.note:
        notes.append(am.note)
    sort = f.sort if f.sort in _ORDER else "newest"
    if sort == "oldest":
        clauses.append(Clause("dated", "e.date_start IS NOT NULL", [], lead=False))
        notes.append("Oldest first lists dated events only.")
    if f.q:
        where, args = [c.render(True) for c in clauses], [a for c in clauses for a in c.args]
        return _text_page(conn, f, where, args, limit, offset, actor_ids, notes)
    hint = ""
    if not clauses:  # no filter: the caller may know the total already (a cached overview)
        where, args = [], []
        n = total if total is not None else conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        exact = True
        if _WALK_INDEX[sort] in _indexes(conn):
            hint = f" INDEXED BY {_WALK_INDEX[sort]}"
    else:
        where, args, lead, lead_n = _plan(conn, clauses, count_cap)
        w = " WHERE " + " AND ".join(where)
        if lead is not None:
            n = conn.execute(f"SELECT COUNT(*) FROM events e{w}", args).fetchone()[0]
            exact = True
        else:
            if _WALK_INDEX[sort] in _indexes(conn):
                hint = f" INDEXED BY {_WALK_INDEX[sort]}"  # walk the sort index, filter as we go
            if sum(c.lead for c in clauses) == 1 and len(clauses) == 1:
                n = count_cap + 1  # the one filter was counted past the cap already
            else:  # the planner's own plan, every index allowed, within a time budget
                n = _count_within(conn, "SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE "
                                  + " AND ".join(c.render(True) for c in clauses) + " LIMIT ?)",
                                  (*args, count_cap + 1), COUNT_BUDGET_MS)
            exact = n is not None and n <= count_cap
            if n is not None and n > count_cap:
                n = count_cap
    if hint and sort == "newest" and f.until:
        rows = _walk_until(conn, clauses, f, hint, limit, offset)
    else:
        w = (" WHERE " + " AND ".join(where)) if where else ""
        q = f"SELECT {_SELECT} FROM events e{hint}{w} ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?"
        rows = [dict(r) for r in conn.execute(q, (*args, int(limit), int(offset)))]
    if n is None:  # the count ran out of time: unknown (the page still shows)
        notes.append("Too many matches to count quickly; narrow the filters for a count.")
    return EventPage(rows=rows, count=n, count_exact=exact, offset=offset, limit=limit,
                     actor_ids=actor_ids, notes=notes)


def _walk_until(conn, clauses: list[Clause], f: EventFilters, hint: str, limit: int, offset: int) -> list[dict]:
    """Newest first with an ``until`` bound, walking the date index: first the dated events from
    ``until`` down (an index range), then the events with an open start (they sort last)."""
    rest = [c for c in clauses if c.name != "dates"]
    since = ["(+e.date_end >= ? OR +e.date_end IS NULL)"] if f.since else []
    since_args = [f.since] if f.since else []
    other_sql = [c.render(False) for c in rest]
    other_args = [a for c in rest for a in c.args]
    need = offset + limit
    out: list[dict] = []
    for cond, cargs in (("e.date_start <= ?", [f.until]), ("e.date_start IS NULL", [])):
        w = " AND ".join([cond, *since, *other_sql])
        out += [dict(r) for r in conn.execute(
            f"SELECT {_SELECT} FROM events e{hint} WHERE {w} ORDER BY {_ORDER['newest']} LIMIT ?",
            (*cargs, *since_args, *other_args, need - len(out)))]
        if len(out) >= need:
            break
    return out[offset:offset + limit]


def _text_hits(conn, q: str, where: list[str], args: list) -> dict[int, tuple]:
    """Events whose evidence overlaps the (at most ``TEXT_MATCH_CAP`` newest stored) sentences matching
    ``q`` and the other filters: {rowid: (date_start, confidence)}."""
    w = (" AND " + " AND ".join(where)) if where else ""
    sql = ("SELECT e.rowid AS rid, e.date_start, e.confidence FROM (SELECT rowid AS sid FROM sentences_fts "
           "WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m JOIN sentences s ON s.rowid = m.sid "
           "JOIN events e ON e.article_id = s.article_id AND e.sentence_start < s.\"end\" AND e.sentence_end > s.start"
           f" WHERE 1{w}")
    return {r[0]: (r[1], r[2]) for r in conn.execute(sql, (fts_query(q), TEXT_MATCH_CAP, *args))}


def _text_page(conn, f: EventFilters, where: list[str], args: list, limit: int, offset: int,
               actor_ids: list[str], notes: list[str]) -> EventPage:
    """Full-text filter: the matching sentences (newest stored first, at most ``TEXT_MATCH_CAP``) →
    the events whose evidence overlaps them, other filters applied in the same pass; sorted here."""
    n_sent = conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)",
                          (fts_query(f.q), TEXT_MATCH_CAP + 1)).fetchone()[0]
    hits = _text_hits(conn, f.q, where, args)
    exact = n_sent <= TEXT_MATCH_CAP
    if not exact:
        notes.append(f"“{f.q}” is in more than {TEXT_MATCH_CAP:,} sentences: showing events from the "
                     f"{TEXT_MATCH_CAP:,} most recently stored; add words or filters to narrow it.")
    sort = f.sort if f.sort in _ORDER else "newest"
    items = list(hits.items())
    if sort == "confidence":
        items.sort(key=lambda kv: (kv[1][1] or 0, kv[0]), reverse=True)
    elif sort == "oldest":
        items.sort(key=lambda kv: (kv[1][0] is None, kv[1][0] or "", kv[0]))
    else:
        items.sort(key=lambda kv: (kv[1][0] is not None, kv[1][0] or "", kv[0]), reverse=True)
    page_ids = [rid for rid, _ in items[offset:offset + limit]]
    rows = []
    if page_ids:
        by_id = {r["rid"]: dict(r) for r in conn.execute(
            f"SELECT e.rowid AS rid, {_SELECT} FROM events e WHERE e.rowid IN ({','.join('?' * len(page_ids))})",
            page_ids)}
        for rid in page_ids:
            d = by_id[rid]
            d.pop("rid")
            rows.append(d)
    return EventPage(rows=rows, count=len(items), count_exact=exact, offset=offset, limit=limit,
                     actor_ids=actor_ids, notes=notes)


# -- one event ----------------------------------------------------------------------------------
def event_detail(conn: sqlite3.Connection, event_id: str) -> dict | None:
    """The stored row of one event, its contract JSON under ``event`` and its article's metadata."""
    r = conn.execute(f"SELECT {_SELECT}, e.json, e.negated, e.reporting, e.attribution_actor_id, "
                     "e.source_sectors, e.target_sectors, a.title AS article_title, a.date AS article_date, a.source AS "
                     "article_source, a.url AS article_url FROM events e JOIN articles a ON a.id = e.article_id "
                     "WHERE e.id = ?", (event_id,)).fetchone()
    if not r:
        return None
    d = dict(r)
    d["event"] = json.loads(d.pop("json"))
    return d


def evidence(conn: sqlite3.Connection, event_id: str) -> list[dict]:
    """The evidence rows of one event mention, with their article's metadata."""
    return [dict(r) for r in conn.execute(
        "SELECT v.event_id, v.article_id, v.sentence_start, v.sentence_end, v.trigger_start, v.trigger_end, "
        "v.text, a.title, a.date, a.source, a.url FROM evidence v JOIN articles a ON a.id = v.article_id "
        "WHERE v.event_id = ? ORDER BY a.date, v.article_id", (event_id,))]


def actor_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: dict(r) for r in conn.execute(
        f"SELECT id, name, country, sectors, code, kind, n_mentions FROM actors WHERE id IN ({marks})", ids)}


# -- articles -----------------------------------------------------------------------------------
def article_page(conn: sqlite3.Connection, limit: int = 50, offset: int = 0, q: str | None = None,
                 since: str | None = None, until: str | None = None) -> tuple[list[dict], int]:
    where, args = [], []
    if q:
        where.append("(a.title LIKE ? OR a.id = ? OR a.source LIKE ?)")
        args += [f"%{q}%", q, f"%{q}%"]
    if since:
        where.append("a.date >= ?")
        args.append(since)
    if until:
        where.append("a.date <= ?")
        args.append(until)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    rows = [dict(r) for r in conn.execute(
        f"SELECT a.id, a.date, a.title, a.source, a.url, a.n_events, substr(a.text, 1, 240) AS snippet "
        f"FROM articles a{w} ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?", (*args, limit, offset))]
    n = conn.execute(f"SELECT COUNT(*) FROM articles a{w}", args).fetchone()[0]
    return rows, n


# -- actors -------------------------------------------------------------------------------------
def actor_page(conn: sqlite3.Connection, q: str | None = None, country: str | None = None,
               limit: int = 50, offset: int = 0) -> list[dict]:
    where, args = [], []
    if q:
        where.append("(a.name LIKE ? OR a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?))")
        args += [f"%{q}%", f"{q}%"]
    if country:
        where.append("a.country = ?")
        args.append(country.upper())
    w = (" WHERE " + " AND ".join(where)) if where else ""
    return [dict(r) for r in conn.execute(
        f"SELECT a.id, a.name, a.country, a.sectors, a.code, a.kind, a.n_mentions FROM actors a{w} "
        "ORDER BY a.n_mentions DESC, a.name LIMIT ? OFFSET ?", (*args, limit, offset))]


def actor(conn: sqlite3.Connection, actor_id: str) -> dict | None:
    r = conn.execute("SELECT id, name, country, sectors, code, kind, n_mentions FROM actors WHERE id = ?",
                     (actor_id,)).fetchone()
    if not r:
        return None
    d = dict(r)
    d["aliases"] = [x[0] for x in conn.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias LIMIT 50", (actor_id,))]
    return d


def actor_months(conn: sqlite3.Connection, actor_id: str) -> list[dict]:
    """Events per month (by the start of the event's date interval) with the actor as source or target.
    Grouped by day in index order (no sort), folded into months here."""
    months: dict[str, list[int]] = {}
    for col, i in (("source_actor_id", 0), ("target_actor_id", 1)):  # covering (actor, date_start) indexes
        for day, n in conn.execute(
                f"SELECT date_start, COUNT(*) FROM events WHERE {col} = ? AND date_start IS NOT NULL "
                "GROUP BY date_start", (actor_id,)):
            months.setdefault(day[:7], [0, 0])[i] += n
    return [{"month": m, "n_source": v[0], "n_target": v[1]} for m, v in sorted(months.items())]


def actor_counterparts(conn: sqlite3.Connection, actor_id: str, limit: int = 12, recent: int = 2000) -> list[dict]:
    """The actors this one acts on or is acted on by most often, over its ``recent`` latest events in
    each role (bounded work for very frequent actors)."""
    return [dict(r) for r in conn.execute(
        "SELECT c.id, a.name, a.country, a.code, COUNT(*) AS n FROM ("
        " SELECT id FROM (SELECT target_actor_id AS id FROM events WHERE source_actor_id = ? "
        "  ORDER BY date_start DESC LIMIT ?)"
        " UNION ALL"
        " SELECT id FROM (SELECT source_actor_id AS id FROM events WHERE target_actor_id = ? "
        "  ORDER BY date_start DESC LIMIT ?)"
        ") c JOIN actors a ON a.id = c.id WHERE c.id != ? GROUP BY c.id ORDER BY n DESC, a.name LIMIT ?",
        (actor_id, recent, actor_id, recent, actor_id, limit))]


# -- map ----------------------------------------------------------------------------------------
MAP_CAP = 10000


def map_points(conn: sqlite3.Connection, f: EventFilters, limit: int = 1500,
               cap: int = MAP_CAP) -> tuple[list[dict], bool]:
    """Event counts per located place (GeoNames id) for the filters, most frequent first. Returns
    (points, complete): when every filter matches more than ``cap`` events, ``cap`` of the matches are
    mapped (complete = False)."""
    am = _actor_match(conn, f)
    clauses = _clauses(f, am)
    # never lead with the location index when filtering ("+": SQLite may not use an index for it)
    clauses.append(Clause("located", "+e.location_geonameid IS NOT NULL", [], lead=False))
    complete = True
    if f.q:
        hits = _text_hits(conn, f.q, [c.render(True) for c in clauses], [a for c in clauses for a in c.args])
        src, args = ("SELECT e.location_geonameid FROM events e WHERE e.rowid IN (SELECT value FROM json_each(?))",
                     [json.dumps(list(hits))])
    elif len(clauses) == 1:  # no filter: an index-only scan of the location index
        src, args = "SELECT e.location_geonameid FROM events e WHERE e.location_geonameid IS NOT NULL", []
    else:
        # lead with the most selective filter if it matches at most 5 x cap events (bounded work), else
        # let the planner pick; either way stop after cap matches
        where, args, lead, _ = _plan(conn, clauses, 5 * cap)
        if lead is None:
            where = [c.render(True) for c in clauses]
        src = f"SELECT e.location_geonameid FROM events e WHERE {' AND '.join(where)} LIMIT ?"
        args = [*args, cap]
        complete = None  # decided below from the number of rows mapped
    rows = [dict(r) for r in conn.execute(
        "SELECT g.location_geonameid AS geonameid, p.name, p.lat, p.lon, p.country, p.feature, g.n, g.total FROM ("
        f" SELECT location_geonameid, COUNT(*) AS n, SUM(COUNT(*)) OVER () AS total FROM ({src}) "
        " GROUP BY location_geonameid"
        ") g JOIN places p ON p.geonameid = g.location_geonameid WHERE p.lat IS NOT NULL "
        "ORDER BY g.n DESC LIMIT ?", (*args, limit))]
    total = rows[0]["total"] if rows else 0
    for r in rows:
        del r["total"]
    if complete is None:
        complete = total < cap
    return rows, complete


# -- search -------------------------------------------------------------------------------------
def search_sentences(conn: sqlite3.Connection, q: str, limit: int = 30, recent: int = 2000) -> list[dict]:
    """Best-matching sentences (BM25) among the ``recent`` most recently stored matches, with their article."""
    return [dict(r) for r in conn.execute(
        "SELECT s.article_id, s.start, s.\"end\", s.text, a.date, a.title, m.score FROM ("
        " SELECT rowid AS sid, bm25(sentences_fts) AS score FROM sentences_fts WHERE sentences_fts MATCH ? "
        " ORDER BY rowid DESC LIMIT ?) m JOIN sentences s ON s.rowid = m.sid JOIN articles a ON a.id = s.article_id "
        "ORDER BY m.score LIMIT ?", (fts_query(q), recent, limit))]


# -- overview -----------------------------------------------------------------------------------
def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    one = lambda q: conn.execute(q).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "events": one("SELECT COUNT(*) FROM events"),
        "actors": one("SELECT COUNT(*) FROM actors"),
        "places": one("SELECT COUNT(*) FROM places"),
        "rejects": one("SELECT COUNT(*) FROM rejects"),
        "first_date": one("SELECT MIN(date_start) FROM events"),
        "last_date": one("SELECT MAX(date_start) FROM events"),
        "last_article": one("SELECT MAX(date) FROM articles"),
    }


def type_counts(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC")]


def country_options(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country")]


def top_actors(conn: sqlite3.Connection, limit: int = 12) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT id, name, country, code, n_mentions FROM actors ORDER BY n_mentions DESC LIMIT ?", (limit,))]


def place(conn: sqlite3.Connection, geonameid: int) -> dict | None:
    r = conn.execute("SELECT geonameid, name, lat, lon, country, feature FROM places WHERE geonameid = ?",
                     (geonameid,)).fetchone()
    return dict(r) if r else None
