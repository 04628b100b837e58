"""Store stage: a plain SQLite file (the only module with SQL).

Contract: ``Database(path)`` opens/creates and migrates the file; ``add_articles`` writes analysed
articles in one transaction (idempotent by content hash); ``add_reject`` lists a bad record with its
reason; ``events(...)`` returns a pandas DataFrame; ``event_rows``/``article`` feed the CLI and web.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..model import Article, Reject, SCHEMA_VERSION

DB_SCHEMA_VERSION = 1

# Columns users see in tables/exports (the full contract object is in the ``json`` column).
EVENT_COLUMNS = [
    "id", "article_id", "pub_date", "type", "plover_type", "mode", "contexts", "cameo",
    "source_name", "source_country", "source_sectors", "source_code", "source_text",
    "target_name", "target_country", "target_sectors", "target_code", "target_text",
    "date_value", "date_start", "date_end", "date_granularity", "date_basis", "date_mod",
    "location_name", "location_geonameid", "location_country", "lat", "lon",
    "modality", "negated", "reporting", "attribution_text", "trigger_text", "trigger_start", "trigger_end",
    "sentence_start", "sentence_end", "sentence_text", "confidence", "ontology_version",
]
INT_EVENT_COLUMNS = ("location_geonameid", "negated", "reporting", "trigger_start", "trigger_end",
                     "sentence_start", "sentence_end")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _actor_id(actor: dict | None) -> str | None:
    if not actor:
        return None
    if actor.get("id"):
        return actor["id"]
    key = (actor.get("name") or "").strip().lower()
    return f"{actor.get('country') or '-'}:{key}" if key else None


from .migrations import MIGRATIONS  # noqa: E402  version -> statements; version 1 is schema.sql


class Database:
    def __init__(self, path: str | Path = "tacitus.db", readonly: bool = False):
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path}")
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> None:
        cur = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if cur == 0:
            sql = resources.files("tacitus.store").joinpath("schema.sql").read_text()
            with self.conn:
                self.conn.executescript(sql)
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                                  (str(DB_SCHEMA_VERSION),))
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('output_schema_version', ?)",
                                  (SCHEMA_VERSION,))
                self.conn.execute(f"PRAGMA user_version = {DB_SCHEMA_VERSION}")
            cur = DB_SCHEMA_VERSION
        for v in sorted(k for k in MIGRATIONS if k > cur):
            with self.conn:
                for stmt in MIGRATIONS[v]:
                    self.conn.execute(stmt)
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(v),))
                self.conn.execute(f"PRAGMA user_version = {v}")
        if cur > max([DB_SCHEMA_VERSION, *MIGRATIONS]):
            raise RuntimeError(f"{self.path} has schema version {cur}, newer than this tacitus supports")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def has_hash(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        hs = list(hashes)
        out: set[str] = set()
        for i in range(0, len(hs), 500):
            chunk = hs[i:i + 500]
            q = f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(chunk))})"
            out.update(r[0] for r in self.conn.execute(q, chunk))
        return out

    def _unique_id(self, art_id: str, content_hash: str) -> str:
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (art_id,)).fetchone()
        if row is None or row[0] == content_hash:
            return art_id
        return f"{art_id}-{content_hash[:8]}"

    def add_articles(self, articles: Iterable[Article], origins: list[str] | None = None) -> int:
        """Write articles in one transaction; returns how many were new (same content = skipped).
        ``origins``: each article's file:line, in the articles' order (two records may share an id)."""
        n = 0
        with self.conn:
            for i, art in enumerate(articles):
                n += self._add_article(art, origins[i] if origins else None)
        return n

    def add_article(self, art: Article) -> bool:
        with self.conn:
            return bool(self._add_article(art, None))

    def _upsert_actor(self, actor: dict | None) -> str | None:
        aid = _actor_id(actor)
        if not aid:
            return None
        self.conn.execute(
            "INSERT INTO actors (id, name, country, sectors, code, kind, n_mentions) VALUES (?,?,?,?,?,?,1) "
            "ON CONFLICT(id) DO UPDATE SET n_mentions = n_mentions + 1",
            (aid, actor.get("name"), actor.get("country"), " ".join(actor.get("sectors") or []),
             actor.get("code"), actor.get("kind")))
        return aid

    def _add_alias(self, alias: str, aid: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO actor_aliases (alias, actor_id) VALUES (?, ?)", (alias, aid))

    def _upsert_place(self, place: dict | None) -> int | None:
        if not place or place.get("geonameid") is None:
            return None
        self.conn.execute("INSERT OR IGNORE INTO places (geonameid, name, lat, lon, country, feature) "
                          "VALUES (?,?,?,?,?,?)",
                          (place["geonameid"], place.get("name"), place.get("lat"), place.get("lon"),
                           place.get("country"), place.get("feature")))
        return place["geonameid"]

    def _add_article(self, art: Article, origin: str | None) -> int:
        return self._add_article_dict(art.to_dict(), art.content_hash, origin)

    def add_article_dicts(self, items: list[tuple[dict, str, str | None]]) -> int:
        """Store already-analysed articles in their JSON form (``tacitus extract`` output, checked by
        :func:`tacitus.store.loader.check_record`), each with its content hash and origin, in one
        transaction; returns how many were new."""
        n = 0
        with self.conn:
            for d, h, origin in items:
                n += self._add_article_dict(d, h, origin)
        return n

    def _add_article_dict(self, d: dict, h: str | None, origin: str | None) -> int:
        if h and self.has_hash(h):
            return 0
        aid = self._unique_id(d["id"], h or "")
        text = d["text"]
        c = self.conn
        c.execute("INSERT INTO articles (id, content_hash, date, title, url, source, language, text, origin, "
                  "n_events, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                  (aid, h, d["date"], d.get("title"), d.get("url"), d.get("source"), d.get("language") or "en",
                   text, origin, len(d["events"]), _now()))
        c.executemany('INSERT INTO sentences (article_id, idx, start, "end", text) VALUES (?,?,?,?,?)',
                      [(aid, i, s["start"], s["end"], text[s["start"]:s["end"]])
                       for i, s in enumerate(d["sentences"])])
        c.executemany('INSERT INTO timexes (article_id, start, "end", text, type, value, mod) VALUES (?,?,?,?,?,?,?)',
                      [(aid, t["start"], t["end"], t["text"], t["type"], t["value"], t.get("mod"))
                       for t in d["timexes"]])
        for e in d["entities"]:
            act = self._upsert_actor(e["actor"])
            if act:
                self._add_alias(e["text"], act)
            gid = self._upsert_place(e["place"])
            c.execute('INSERT INTO entities (article_id, start, "end", text, label, actor_id, geonameid, coref) '
                      "VALUES (?,?,?,?,?,?,?,?)",
                      (aid, e["start"], e["end"], e["text"], e["label"], act, gid, e.get("coref")))
        for ev in d["events"]:
            src, tgt = ev["source"] or {}, ev["target"] or {}
            sa, ta = src.get("actor") or {}, tgt.get("actor") or {}
            sid, tid = self._upsert_actor(sa or None), self._upsert_actor(ta or None)
            loc = ev["location"] or {}
            self._upsert_place(loc or None)
            att = ev["attribution"] or {}
            att_id = self._upsert_actor(att.get("actor")) if att.get("actor") else None
            dt = ev["date"]
            s0, s1 = ev["sentence"]["start"], ev["sentence"]["end"]
            eid = ev["id"] if aid == d["id"] else f"{ev['id']}-{(h or '')[:8]}"
            ev["id"] = eid
            c.execute(
                "INSERT OR REPLACE INTO events (id, article_id, pub_date, type, plover_type, mode, contexts, cameo, "
                "trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, source_actor_id, "
                "source_name, source_country, source_sectors, source_code, target_text, target_start, target_end, "
                "target_actor_id, target_name, target_country, target_sectors, target_code, date_value, date_start, "
                "date_end, date_granularity, date_basis, date_mod, location_geonameid, location_name, "
                "location_country, lat, lon, modality, negated, reporting, attribution_text, attribution_actor_id, "
                "sentence_start, sentence_end, sentence_text, confidence, ontology_version, json) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (eid, aid, d["date"], ev["type"], ev["plover_type"], ev["mode"], " ".join(ev["contexts"]),
                 ev["cameo"], ev["trigger"]["start"], ev["trigger"]["end"], ev["trigger"]["text"],
                 src.get("text"), src.get("start"), src.get("end"), sid, sa.get("name"), sa.get("country"),
                 " ".join(sa.get("sectors") or []), sa.get("code"),
                 tgt.get("text"), tgt.get("start"), tgt.get("end"), tid, ta.get("name"), ta.get("country"),
                 " ".join(ta.get("sectors") or []), ta.get("code"),
                 dt["value"], dt["start"], dt["end"], dt["granularity"], dt["basis"], dt.get("mod"),
                 loc.get("geonameid"), loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                 ev["modality"], int(bool(ev.get("negated"))), int(bool(ev.get("reporting"))),
                 att.get("text"), att_id, s0, s1, text[s0:s1], ev["confidence"], ev.get("ontology_version"),
                 json.dumps(ev, ensure_ascii=False)))
            c.execute('INSERT OR IGNORE INTO evidence (event_id, article_id, sentence_start, sentence_end, '
                      "trigger_start, trigger_end, text) VALUES (?,?,?,?,?,?,?)",
                      (eid, aid, s0, s1, ev["trigger"]["start"], ev["trigger"]["end"], text[s0:s1]))
        return 1

    def add_reject(self, rej: Reject) -> None:
        with self.conn:
            # the same record rejected again for the same reason (a re-run) is stored once; "IS" also
            # matches records without an id (the UNIQUE constraint treats NULLs as distinct)
            self.conn.execute("INSERT INTO rejects (origin, record_id, reason, snippet, at) SELECT ?,?,?,?,? "
                              "WHERE NOT EXISTS (SELECT 1 FROM rejects WHERE origin IS ? AND record_id IS ? "
                              "AND reason IS ?)", (rej.origin, rej.id, rej.reason, rej.snippet, _now(),
                                                   rej.origin, rej.id, rej.reason))

    # -- reading ----------------------------------------------------------------------------
    def match_actor(self, actor: str):
        """How an actor filter resolves here: an :class:`tacitus.store.actorfilter.ActorMatch` (exact id,
        name, alias or code; else a name/alias substring; else the raw role text; see docs/actors.md)."""
        from .actorfilter import match_actor
        return match_actor(self.conn, actor)

    def _event_where(self, actor=None, country=None, type=None, since=None, until=None, text=None,
                     modality=None, article=None, basis=None, min_confidence=None):
        where, args = [], []
        if actor and actor.strip():  # the same matching as the web and timelines (store.actorfilter)
            sql, a = self.match_actor(actor).where("e")
            where.append(sql)
            args += a
        if country:
            where.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
            c = country.upper()
            args += [c, c, c]
        if type:
            where.append("(e.type = ? OR e.plover_type = ? OR e.cameo = ?)")
            t = type.upper() if not type[:1].isdigit() else type
            args += [t, t, type]
        if modality:
            where.append("e.modality = ?")
            args.append(modality)
        if basis:
            where.append("e.date_basis = ?")
            args.append(basis)
        if article:
            where.append("e.article_id = ?")
            args.append(article)
        if min_confidence is not None:
            where.append("e.confidence >= ?")
            args.append(float(min_confidence))
        # Interval overlap: an event overlaps [since, until] if it may have happened then.
        if since:
            where.append("(e.date_end IS NULL OR e.date_end >= ?)")
            args.append(str(since))
        if until:
            where.append("(e.date_start IS NULL OR e.date_start <= ?)")
            args.append(str(until))
        if text:  # events whose evidence sentence overlaps a stored sentence matching the words
            where.append("e.rowid IN (SELECT e2.rowid FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid "
                         "JOIN events e2 ON e2.article_id = s.article_id AND e2.sentence_start < s.\"end\" "
                         "AND e2.sentence_end > s.start WHERE sentences_fts MATCH ?)")
            args.append(fts_query(text))
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def event_rows(self, limit: int | None = None, offset: int = 0, order: str = "date", **filters) -> list[dict]:
        w, args = self._event_where(**filters)
        order_sql = {"date": "COALESCE(e.date_start, e.date_end, e.pub_date), e.article_id, e.trigger_start",
                     "confidence": "e.confidence DESC",
                     "pub_date": "e.pub_date, e.article_id, e.trigger_start"}.get(order, "e.date_start")
        q = f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e{w} ORDER BY {order_sql}"
        if limit is not None:
            q += " LIMIT ? OFFSET ?"
            args += [int(limit), int(offset)]
        return [dict(r) for r in self.conn.execute(q, args)]

    def count_events(self, **filters) -> int:
        w, args = self._event_where(**filters)
        return self.conn.execute(f"SELECT COUNT(*) FROM events e{w}", args).fetchone()[0]

    def events(self, **filters):
        """Events as a pandas DataFrame (filters: actor, country, type, since, until, text, modality).
        ``actor`` matches as everywhere else (:meth:`match_actor`, docs/actors.md)."""
        import pandas as pd
        rows = self.event_rows(**filters)
        df = pd.DataFrame(rows, columns=EVENT_COLUMNS)
        # integer columns that may be empty keep an integer type (not 6252001.0 in CSV/Parquet)
        return df.astype({c: "Int64" for c in INT_EVENT_COLUMNS if c in df.columns})

    def event(self, event_id: str) -> dict | None:
        r = self.conn.execute("SELECT json, article_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if not r:
            return None
        ev = json.loads(r["json"])
        ev["article_id"] = r["article_id"]
        return ev

    def event_json(self, **filters) -> list[dict]:
        w, args = self._event_where(**filters)
        q = f"SELECT e.json, e.article_id, e.pub_date FROM events e{w} ORDER BY COALESCE(e.date_start, e.date_end)"
        out = []
        for r in self.conn.execute(q, args):
            ev = json.loads(r["json"])
            ev["article_id"], ev["pub_date"] = r["article_id"], r["pub_date"]
            out.append(ev)
        return out

    def article(self, article_id: str) -> dict | None:
        r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not r:
            return None
        art = dict(r)
        art["sentences"] = [dict(x) for x in self.conn.execute(
            'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,))]
        art["entities"] = [dict(x) for x in self.conn.execute(
            'SELECT en.start, en."end", en.text, en.label, en.actor_id, en.geonameid, a.country, a.code '
            "FROM entities en LEFT JOIN actors a ON a.id = en.actor_id WHERE en.article_id = ? ORDER BY en.start",
            (article_id,))]
        art["timexes"] = [dict(x) for x in self.conn.execute(
            'SELECT start, "end", text, type, value, mod FROM timexes WHERE article_id = ? ORDER BY start',
            (article_id,))]
        art["events"] = [json.loads(x["json"]) for x in self.conn.execute(
            "SELECT json FROM events WHERE article_id = ? ORDER BY trigger_start", (article_id,))]
        return art

    def articles(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT id, date, title, source, url, n_events, ingested_at FROM articles ORDER BY date DESC, id "
            "LIMIT ? OFFSET ?", (limit, offset))]

    def actors(self, q: str | None = None, country: str | None = None, limit: int = 100) -> list[dict]:
        """Actors by mentions, filtered by name/alias and country (the same query as the web's actor list)."""
        from .webqueries import actor_page
        return actor_page(self.conn, q=q, country=country, limit=limit)

    def rejects(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT origin, record_id, reason, snippet, at FROM rejects ORDER BY rowid")]

    def search_sentences(self, query: str, limit: int = 50) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT s.article_id, s.start, s.\"end\", s.text, a.date FROM sentences_fts f "
            "JOIN sentences s ON s.rowid = f.rowid JOIN articles a ON a.id = s.article_id "
            "WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?", (fts_query(query), limit))]

    def stats(self) -> dict[str, Any]:
        one = lambda q: self.conn.execute(q).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"), "events": one("SELECT COUNT(*) FROM events"),
                "actors": one("SELECT COUNT(*) FROM actors"), "places": one("SELECT COUNT(*) FROM places"),
                "sentences": one("SELECT COUNT(*) FROM sentences"), "rejects": one("SELECT COUNT(*) FROM rejects"),
                "schema_version": self.schema_version}

    # -- export -----------------------------------------------------------------------------
    def export(self, out: str | Path, format: str = "csv", **filters) -> int:
        """Write events to CSV, JSON Lines or Parquet; returns the number of rows."""
        out = Path(out)
        if format == "jsonl":
            rows = self.event_json(**filters)
            with out.open("w", encoding="utf-8") as f:
                for ev in rows:
                    f.write(json.dumps(ev, ensure_ascii=False) + "\n")
            return len(rows)
        df = self.events(**filters)
        if format == "csv":
            df.to_csv(out, index=False)
        elif format == "parquet":
            df.to_parquet(out, index=False)
        else:
            raise ValueError(f"unknown export format {format!r} (csv, jsonl, parquet)")
        return len(df)


def fts_query(text: str) -> str:
    """Turn user text into a safe FTS5 query: each word quoted, all required."""
    words = [w for w in "".join(ch if ch.isalnum() or ch in "-'" else " " for ch in text).split() if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'
