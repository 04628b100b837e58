"""Cross-article merging: event mentions (one row per article report in ``events``) -> merged events.

Contract:
- ``merge_new(db)`` assigns every mention not yet merged (events rowid above the watermark kept in
  ``meta``) to a merged event, creating one when no existing event is compatible. Incremental: call it
  after each committed ingest batch; it never revisits earlier decisions.
- ``rebuild(db)`` forgets every merge decision and merges all mentions again in canonical order
  (publication date, article id, trigger offset). Mentions are never modified, so merging is reversible.
- ``sources(db, event_id)`` lists every mention (article, evidence sentence, dates) of the merged event
  that a mention (or a merged-event id ``evc_…``) belongs to.

Two mentions are the same real event when they have the same type and polarity, compatible actors
(per role: same actor key, or one side unknown; at least one role known, specific — not a bare sector
such as "some government" — and equal; both roles when the event is not dated to one day), overlapping date
intervals, and compatible place (same country or one unknown). Candidates come from an index lookup
on (type, polarity, actor key, date) — no all-pairs comparison. Syndicated copies (the same evidence
sentence, normalized, in several articles) count as one source.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

UNKNOWN_WINDOW_DAYS = 3  # a mention without a date may have happened up to 3 days before publication
COARSE_DAYS = 3  # merged intervals wider than this also need close report dates ...
REPORT_SLACK_DAYS = 2  # ... within this many days of the event's reports
COPY_DAYS = 3  # syndicated copies published within this many days merge whatever their dates
COPY_CONTEXT = 120  # characters of evidence kept on each side of the trigger for the copy key
WATERMARK = "merge_rowid"

_POLARITY = {"negated": "negated", "hypothetical": "irrealis", "future": "irrealis", "attempted": "irrealis"}

_COLS = ("e.rowid AS rid, e.id, e.article_id, e.pub_date, e.type, e.modality, e.negated, e.source_actor_id, "
         "e.source_country, e.target_actor_id, e.target_country, e.date_start, e.date_end, e.date_basis, "
         "e.location_country, e.sentence_text, e.sentence_start, e.trigger_start, e.trigger_end")


def _has_tables(db) -> bool:
    return db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_clusters'").fetchone() is not None


def _iso(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d[:10]) if d else None
    except ValueError:
        return None


def _shift(d: str, days: int) -> str:
    return (date.fromisoformat(d[:10]) + timedelta(days=days)).isoformat()


def actor_key(actor_id: str | None, country: str | None) -> str | None:
    """The identity used for merging: the registry id, else the country code, else unknown (None)."""
    return actor_id or (f"country:{country}" if country else None)


def _generic(key: str) -> bool:
    """A sector without a country ("group:---GOV": some government): compatible, but not an identity."""
    return "---" in key


def polarity(row) -> str:
    if row["negated"]:
        return "negated"
    return _POLARITY.get(row["modality"] or "asserted", "asserted")


def interval(row) -> tuple[str, str]:
    """The days a mention may have happened on, as a closed ISO interval."""
    pub = row["pub_date"][:10]
    s, e = row["date_start"], row["date_end"]
    if row["date_basis"] == "unknown" or (not s and not e):
        end = (e or pub)[:10]
        return _shift(end, -UNKNOWN_WINDOW_DAYS), end
    s = (s or _shift(e, -UNKNOWN_WINDOW_DAYS))[:10]
    e = (e or max(s, pub))[:10]
    return (s, e) if s <= e else (e, s)


_NORM = re.compile(r"[^0-9a-z]+")


def copy_key(text: str | None, trigger_start: int | None = None, trigger_end: int | None = None,
             sentence_start: int | None = None) -> str:
    """Same evidence up to case, spacing and punctuation -> same key (syndicated copies). The evidence is
    the sentence, cut to ``COPY_CONTEXT`` characters around the trigger when offsets are given (run-on
    "sentences" of copied boxes differ far from the event)."""
    text = text or ""
    if trigger_start is not None and trigger_end is not None and sentence_start is not None:
        a, b = trigger_start - sentence_start, trigger_end - sentence_start
        if 0 <= a <= b <= len(text):
            text = text[max(0, a - COPY_CONTEXT):b + COPY_CONTEXT]
    norm = _NORM.sub(" ", text.lower()).strip()
    return hashlib.sha1(norm.encode()).hexdigest()[:16]


def _compatible(c, ks, kt, ds, de, loc, pub, copy: bool = False) -> int | None:
    """Score of merging a mention into candidate cluster ``c`` (higher is better), None if incompatible.

    ``copy``: the cluster already holds the same evidence sentence (a syndicated copy), which stands in
    for actor agreement and, for reports a few days apart, for date agreement (relative dates shift)."""
    same = 0
    for ck, k in ((c["source_key"], ks), (c["target_key"], kt)):
        if ck and k:
            if ck != k:
                return None
            same += 0 if _generic(k) else 1
    if not same and not copy:
        return None
    s, e = max(c["date_start"], ds), min(c["date_end"], de)
    if copy and _shift(c["first_report"], -COPY_DAYS) <= pub <= _shift(c["last_report"], COPY_DAYS):
        return 10_000 + same * 1000
    if s > e:
        return None
    if c["location_country"] and loc and c["location_country"] != loc:
        return None
    width = (date.fromisoformat(e) - date.fromisoformat(s)).days
    if same < 2 and (ds != de or c["date_start"] != c["date_end"]):  # not dated to one day: both roles agree
        return None
    if width > COARSE_DAYS:
        lo, hi = _shift(c["first_report"], -REPORT_SLACK_DAYS), _shift(c["last_report"], REPORT_SLACK_DAYS)
        if not (lo <= pub <= hi):
            return None
    return same * 1000 - min(width, 999)


def _assign(db, row) -> str:
    conn = db.conn
    ks = actor_key(row["source_actor_id"], row["source_country"])
    kt = actor_key(row["target_actor_id"], row["target_country"])
    ds, de = interval(row)
    pol = polarity(row)
    pub = row["pub_date"][:10]
    loc = row["location_country"]
    ck = copy_key(row["sentence_text"], row["trigger_start"], row["trigger_end"], row["sentence_start"])
    best, best_score = None, None
    cands, copies = {}, set()
    for col, k in (("source_key", ks), ("target_key", kt)):
        if not k:
            continue
        for c in conn.execute(
                f"SELECT * FROM event_clusters WHERE type = ? AND polarity = ? AND {col} = ? "
                "AND date_start <= ? AND date_end >= ?", (row["type"], pol, k, de, ds)):
            cands[c["id"]] = c
    for c in conn.execute("SELECT c.* FROM event_cluster m JOIN event_clusters c ON c.id = m.cluster_id "
                          "WHERE m.copy_key = ? AND c.type = ? AND c.polarity = ?", (ck, row["type"], pol)):
        cands[c["id"]] = c
        copies.add(c["id"])
    for cid in sorted(cands):
        sc = _compatible(cands[cid], ks, kt, ds, de, loc, pub, cid in copies)
        if sc is not None and (best_score is None or sc > best_score):
            best, best_score = cands[cid], sc
    if best is None:
        cid = "evc_" + row["id"].removeprefix("ev_")
        conn.execute("INSERT OR IGNORE INTO event_clusters (id, type, polarity, source_key, target_key, "
                     "date_start, date_end, location_country, first_report, last_report, n_mentions, "
                     "n_articles, n_sources, rep_event_id) VALUES (?,?,?,?,?,?,?,?,?,?,0,0,0,?)",
                     (cid, row["type"], pol, ks, kt, ds, de, loc, pub, pub, row["id"]))
    else:
        cid = best["id"]
        s, e = max(best["date_start"], ds), min(best["date_end"], de)
        if s > e:  # a syndicated copy whose relative date resolved differently: keep the event's dates
            s, e = best["date_start"], best["date_end"]
        conn.execute("UPDATE event_clusters SET source_key = COALESCE(source_key, ?), "
                     "target_key = COALESCE(target_key, ?), date_start = ?, "
                     "date_end = ?, location_country = COALESCE(location_country, ?), "
                     "first_report = MIN(first_report, ?), last_report = MAX(last_report, ?) WHERE id = ?",
                     (ks, kt, s, e, loc, pub, pub, cid))
    conn.execute("INSERT OR REPLACE INTO event_cluster (event_id, cluster_id, copy_key) VALUES (?,?,?)",
                 (row["id"], cid, ck))
    return cid


def _recount(db, cids) -> None:
    for cid in cids:
        db.conn.execute(
            "UPDATE event_clusters SET "
            "n_mentions = (SELECT COUNT(*) FROM event_cluster WHERE cluster_id = ?1), "
            "n_articles = (SELECT COUNT(DISTINCT e.article_id) FROM event_cluster m "
            "              JOIN events e ON e.id = m.event_id WHERE m.cluster_id = ?1), "
            "n_sources = (SELECT COUNT(DISTINCT copy_key) FROM event_cluster WHERE cluster_id = ?1) "
            "WHERE id = ?1", (cid,))


def _watermark(db) -> int:
    r = db.conn.execute("SELECT value FROM meta WHERE key = ?", (WATERMARK,)).fetchone()
    return int(r[0]) if r else 0


def merge_new(db) -> int:
    """Merge the mentions added since the last call; returns how many mentions were merged."""
    if not _has_tables(db):
        return 0
    conn = db.conn
    mark = _watermark(db)
    rows = conn.execute(
        f"SELECT {_COLS} FROM events e LEFT JOIN event_cluster m ON m.event_id = e.id "
        "WHERE e.rowid > ? AND m.event_id IS NULL "
        "ORDER BY e.pub_date, e.article_id, e.trigger_start, e.id", (mark,)).fetchall()
    top = conn.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0
    touched: set[str] = set()
    with conn:
        for row in rows:
            touched.add(_assign(db, row))
        _recount(db, sorted(touched))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (WATERMARK, str(max(top, mark))))
    return len(rows)


def rebuild(db) -> int:
    """Drop every merge decision and merge all mentions again; returns the number of merged events."""
    with db.conn:
        db.conn.execute("DELETE FROM event_cluster")
        db.conn.execute("DELETE FROM event_clusters")
        db.conn.execute("DELETE FROM meta WHERE key = ?", (WATERMARK,))
    merge_new(db)
    return db.conn.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]


def cluster_id(db, event_id: str) -> str | None:
    """The merged event a mention belongs to (or ``event_id`` itself when it is a merged-event id)."""
    if not _has_tables(db):
        return None
    if event_id.startswith("evc_"):
        r = db.conn.execute("SELECT id FROM event_clusters WHERE id = ?", (event_id,)).fetchone()
        return r[0] if r else None
    r = db.conn.execute("SELECT cluster_id FROM event_cluster WHERE event_id = ?", (event_id,)).fetchone()
    return r[0] if r else None


def cluster(db, event_id: str) -> dict | None:
    """The merged event (type, actor keys, date interval, first/last report, counts) of a mention."""
    cid = cluster_id(db, event_id)
    if cid is None:
        return None
    r = db.conn.execute("SELECT * FROM event_clusters WHERE id = ?", (cid,)).fetchone()
    return dict(r) if r else None


def sources(db, event_id: str) -> list[dict]:
    """Every mention of the merged event ``event_id`` belongs to, oldest report first.

    Each dict: event_id, cluster_id, article_id, pub_date, title, url, source, type, date_start,
    date_end, sentence_text, sentence_start/end, trigger_text/start/end, copy_key, and ``copy`` (True
    when an earlier-listed mention has the same evidence sentence: a syndicated copy, not a new source).
    A mention that has not been merged yet is returned alone.
    """
    cid = cluster_id(db, event_id)
    cols = ("e.id AS event_id, e.article_id, e.pub_date, a.title, a.url, a.source, e.type, e.date_start, "
            "e.date_end, e.sentence_text, e.sentence_start, e.sentence_end, e.trigger_text, e.trigger_start, "
            "e.trigger_end")
    if cid is None:
        rows = db.conn.execute(f"SELECT {cols}, NULL AS cluster_id, NULL AS copy_key FROM events e "
                               "JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (event_id,)).fetchall()
    else:
        rows = db.conn.execute(
            f"SELECT {cols}, m.cluster_id, m.copy_key FROM event_cluster m JOIN events e ON e.id = m.event_id "
            "JOIN articles a ON a.id = e.article_id WHERE m.cluster_id = ? "
            "ORDER BY e.pub_date, e.article_id, e.trigger_start", (cid,)).fetchall()
    out, seen = [], set()
    for r in rows:
        d = dict(r)
        if d["copy_key"] is None:
            d["copy_key"] = copy_key(d["sentence_text"], d["trigger_start"], d["trigger_end"], d["sentence_start"])
        d["copy"] = d["copy_key"] in seen
        seen.add(d["copy_key"])
        out.append(d)
    return out
