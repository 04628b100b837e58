"""Read queries behind the web UI and JSON API (``tacitus serve``). Parameterized SQL only.

Every function takes a ``sqlite3.Connection`` (``Database.conn``) and returns plain dicts, so the web
layer never writes SQL. Queries are shaped for a large database (1M+ events): every list is paginated,
counts are capped, and filters pick an index (see :func:`event_page`).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, asdict
from pathlib import Path
from typing import Any

from . import fts_query

# Indexes the web queries rely on beyond schema v1. ``ensure_indexes`` creates them when the file is
# writable; they belong in a store migration (names are prefixed ``web_`` to avoid clashes).
WEB_INDEXES: dict[str, str] = {
    "web_events_loc": "CREATE INDEX IF NOT EXISTS web_events_loc ON events(location_geonameid)",
    "web_events_loc_country": "CREATE INDEX IF NOT EXISTS web_events_loc_country ON events(location_country, date_start)",
    "web_events_modality": "CREATE INDEX IF NOT EXISTS web_events_modality ON events(modality, date_start)",
    "web_events_src_actor_date": "CREATE INDEX IF NOT EXISTS web_events_src_actor_date ON events(source_actor_id, date_start)",
    "web_events_tgt_actor_date": "CREATE INDEX IF NOT EXISTS web_events_tgt_actor_date ON events(target_actor_id, date_start)",
    "web_evidence_article": "CREATE INDEX IF NOT EXISTS web_evidence_article ON evidence(article_id)",
}

LIST_COLUMNS = (
    "id", "article_id", "pub_date", "type", "plover_type", "mode", "cameo", "contexts",
    "source_name", "source_country", "source_code", "source_actor_id", "source_text",
    "target_name", "target_country", "target_code", "target_actor_id", "target_text",
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


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


# -- event filters ------------------------------------------------------------------------------
@dataclass
class EventFilters:
    q: str | None = None          # full text over evidence sentences (FTS5)
    actor: str | None = None      # actor id, name or alias
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
    count: int
    count_exact: bool
    offset: int
    limit: int
    actor_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def resolve_actor(conn: sqlite3.Connection, actor: str, limit: int = 50) -> list[str]:
    """Actor ids for a user string: an exact id, else an exact alias/name, else a name substring."""
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor,)).fetchone():
        return [actor]
    ids = [r[0] for r in conn.execute(
        "SELECT actor_id FROM actor_aliases WHERE alias = ? UNION SELECT id FROM actors WHERE name = ? "
        "COLLATE NOCASE LIMIT ?", (actor, actor, limit))]
    if ids:
        return ids
    return [r[0] for r in conn.execute(
        "SELECT id FROM actors WHERE name LIKE ? ORDER BY n_mentions DESC LIMIT ?", (f"%{actor}%", limit))]


def _where(conn, f: EventFilters, actor_ids: list[str] | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.actor:
        if actor_ids:
            marks = ",".join("?" * len(actor_ids))
            where.append(f"(e.source_actor_id IN ({marks}) OR e.target_actor_id IN ({marks}))")
            args += actor_ids + actor_ids
        else:  # no coded actor: fall back to the raw role text (slow path, rare)
            like = f"%{f.actor}%"
            where.append("(e.source_text LIKE ? OR e.target_text LIKE ? OR e.source_name LIKE ? OR "
                         "e.target_name LIKE ?)")
            args += [like] * 4
    if f.country:
        c = f.country.upper()
        where.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
        args += [c, c, c]
    if f.type:
        t = f.type.strip()
        if t[:1].isdigit():
            where.append("e.cameo = ?")
            args.append(t)
        else:
            where.append("e.type = ?")
            args.append(t.upper())
    if f.modality:
        where.append("e.modality = ?")
        args.append(f.modality)
    if f.basis:
        where.append("e.date_basis = ?")
        args.append(f.basis)
    if f.place is not None:
        where.append("e.location_geonameid = ?")
        args.append(int(f.place))
    if f.article:
        where.append("e.article_id = ?")
        args.append(f.article)
    # Interval overlap: an event is kept if it may have happened in [since, until].
    if f.since:
        where.append("(e.date_end >= ? OR e.date_end IS NULL)")
        args.append(f.since)
    if f.until:
        where.append("(e.date_start <= ? OR e.date_start IS NULL)")
        args.append(f.until)
    if f.q:
        where.append("e.rowid IN (SELECT ev.rowid FROM sentences_fts JOIN sentences s ON s.rowid = "
                     "sentences_fts.rowid JOIN events ev ON ev.article_id = s.article_id AND "
                     "ev.sentence_start < s.\"end\" AND ev.sentence_end > s.start "
                     "WHERE sentences_fts MATCH ?)")
        args.append(fts_query(f.q))
    return where, args


_ORDER = {
    "newest": "e.date_start DESC, e.rowid DESC",
    "oldest": "e.date_start IS NULL, e.date_start, e.rowid",
    "confidence": "e.confidence DESC, e.rowid DESC",
}


def event_page(conn: sqlite3.Connection, f: EventFilters, limit: int = 50, offset: int = 0,
               count_cap: int = 10000) -> EventPage:
    """One page of events matching ``f`` plus a (capped) count.

    Plan: a capped count of the matches tells how selective the filters are. Few matches (under the cap)
    are fetched through the filter indexes and sorted; many matches are found by walking the date index
    in order and filtering, which reaches the first page quickly either way."""
    actor_ids = resolve_actor(conn, f.actor) if f.actor else []
    where, args = _where(conn, f, actor_ids)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    notes: list[str] = []
    if f.actor and not actor_ids:
        notes.append(f"No coded actor matches “{f.actor}”; matching the raw text of event roles instead.")
    if where:
        n = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events e{w} LIMIT ?)",
                         (*args, count_cap + 1)).fetchone()[0]
    else:
        n = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    exact = n <= count_cap or not where
    if not exact:
        n = count_cap
    sort = f.sort if f.sort in _ORDER else "newest"
    hint = ""
    if where and not exact and sort in ("newest", "oldest") and "events_date" in _indexes(conn):
        hint = " INDEXED BY events_date"  # many matches: walk the date index, filter as we go
    q = f"SELECT {_SELECT} FROM events e{hint}{w} ORDER BY {_ORDER[sort]} LIMIT ? OFFSET ?"
    rows = [dict(r) for r in conn.execute(q, (*args, int(limit), int(offset)))]
    return EventPage(rows=rows, count=n, count_exact=exact, offset=offset, limit=limit,
                     actor_ids=actor_ids, notes=notes)


# -- one event ----------------------------------------------------------------------------------
def event_detail(conn: sqlite3.Connection, event_id: str) -> dict | None:
    """The stored row of one event, its contract JSON under ``event`` and its article's metadata."""
    r = conn.execute(f"SELECT {_SELECT}, e.json, e.negated, e.reporting, e.attribution_actor_id, "
                     "e.source_sectors, e.target_sectors, e.source_start, e.source_end, e.target_start, "
                     "e.target_end, a.title AS article_title, a.date AS article_date, a.source AS "
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
    """Events per month (by the start of the event's date interval) with the actor as source or target."""
    return [dict(r) for r in conn.execute(
        "SELECT month, SUM(n_source) AS n_source, SUM(n_target) AS n_target FROM ("
        " SELECT substr(date_start, 1, 7) AS month, COUNT(*) AS n_source, 0 AS n_target FROM events "
        " WHERE source_actor_id = ? AND date_start IS NOT NULL GROUP BY month"
        " UNION ALL"
        " SELECT substr(date_start, 1, 7) AS month, 0, COUNT(*) FROM events "
        " WHERE target_actor_id = ? AND date_start IS NOT NULL AND source_actor_id IS NOT ? GROUP BY month"
        ") GROUP BY month ORDER BY month", (actor_id, actor_id, actor_id))]


def actor_counterparts(conn: sqlite3.Connection, actor_id: str, limit: int = 12) -> list[dict]:
    """The actors this one acts on or is acted on by most often."""
    return [dict(r) for r in conn.execute(
        "SELECT c.id, a.name, a.country, a.code, SUM(c.n) AS n FROM ("
        " SELECT target_actor_id AS id, COUNT(*) AS n FROM events WHERE source_actor_id = ? "
        "  AND target_actor_id IS NOT NULL GROUP BY target_actor_id"
        " UNION ALL"
        " SELECT source_actor_id, COUNT(*) FROM events WHERE target_actor_id = ? "
        "  AND source_actor_id IS NOT NULL GROUP BY source_actor_id"
        ") c JOIN actors a ON a.id = c.id WHERE c.id != ? GROUP BY c.id ORDER BY n DESC, a.name LIMIT ?",
        (actor_id, actor_id, actor_id, limit))]


# -- map ----------------------------------------------------------------------------------------
def map_points(conn: sqlite3.Connection, f: EventFilters, limit: int = 1500) -> list[dict]:
    """Event counts per located place (GeoNames id) for the filters, most frequent first."""
    actor_ids = resolve_actor(conn, f.actor) if f.actor else []
    where, args = _where(conn, f, actor_ids)
    where.append("e.location_geonameid IS NOT NULL")
    w = " WHERE " + " AND ".join(where)
    return [dict(r) for r in conn.execute(
        "SELECT g.location_geonameid AS geonameid, p.name, p.lat, p.lon, p.country, p.feature, g.n FROM ("
        f" SELECT e.location_geonameid, COUNT(*) AS n FROM events e{w} GROUP BY e.location_geonameid"
        ") g JOIN places p ON p.geonameid = g.location_geonameid WHERE p.lat IS NOT NULL "
        "ORDER BY g.n DESC LIMIT ?", (*args, limit))]


# -- search -------------------------------------------------------------------------------------
def search_sentences(conn: sqlite3.Connection, q: str, limit: int = 30) -> list[dict]:
    """Best-matching sentences (FTS5 rank) with their article."""
    return [dict(r) for r in conn.execute(
        "SELECT s.article_id, s.start, s.\"end\", s.text, a.date, a.title, "
        "snippet(sentences_fts, 0, '\x02', '\x03', '…', 24) AS snip FROM sentences_fts "
        "JOIN sentences s ON s.rowid = sentences_fts.rowid JOIN articles a ON a.id = s.article_id "
        "WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?", (fts_query(q), limit))]


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
